from __future__ import annotations

import pytest

from newsgraph.core.errors import ConfigError
from newsgraph.core.settings import DEFAULT_DB, Settings, normalize_db_url


@pytest.mark.parametrize(
    ("env", "overrides", "db", "max_bytes"),
    [
        ({}, {}, DEFAULT_DB, 20 * 1024 * 1024),
        ({"NEWSGRAPH_DB": "sqlite:///x.db", "NEWSGRAPH_MAX_BYTES": "100"}, {}, "sqlite:///x.db", 100),
        (
            {"NEWSGRAPH_DB": "sqlite:///x.db"},
            {"db": "sqlite:///y.db", "max_bytes": None},
            "sqlite:///y.db",
            20 * 1024 * 1024,
        ),
    ],
)
def test_precedence_defaults_env_options(env, overrides, db, max_bytes) -> None:
    s = Settings.load(env=env, **overrides)
    assert (s.db, s.max_bytes) == (db, max_bytes)


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"NEWSGRAPH_MAX_BYTES": "lots"}, "not valid"),
        ({"NEWSGRAPH_MAX_BYTES": "0"}, "positive"),
        ({"NEWSGRAPH_DB": "newsgraph.db"}, "not a URL"),
    ],
)
def test_bad_settings_say_what_to_do(env, message) -> None:
    with pytest.raises(ConfigError) as info:
        Settings.load(env=env)
    assert message in str(info.value)


@pytest.mark.parametrize(
    ("value", "url"), [("a.db", "sqlite:///a.db"), ("postgresql+psycopg://u@h/d", "postgresql+psycopg://u@h/d")]
)
def test_bare_paths_are_sqlite(value: str, url: str) -> None:
    assert normalize_db_url(value) == url


@pytest.mark.parametrize("key", ["nope"])
def test_unknown_override_is_refused(key: str) -> None:
    with pytest.raises(ConfigError):
        Settings.load(env={}, **{key: 1})
