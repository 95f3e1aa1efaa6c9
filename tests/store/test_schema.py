from __future__ import annotations

import pytest
from sqlalchemy import create_engine, inspect, select

from newsgraph.store.db import Store
from newsgraph.store.schema import MIGRATIONS, apply_migrations, latest_version, schema_version


def test_an_old_database_is_upgraded_forward(any_db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    engine = create_engine(any_db_url)
    monkeypatch.setattr("newsgraph.store.schema.MIGRATIONS", MIGRATIONS[:1])
    assert apply_migrations(engine.begin) == [1]
    monkeypatch.undo()
    with Store(any_db_url) as store:
        assert store.schema_version() == latest_version()
        with store.engine.connect() as conn:
            versions = list(conn.execute(select(schema_version.c.version).order_by(schema_version.c.version)).scalars())
            assert versions == list(range(1, latest_version() + 1))
            assert inspect(conn).has_table("events")
    engine.dispose()


def test_migrations_are_numbered_in_order() -> None:
    versions = [v for v, _, _ in MIGRATIONS]
    assert versions == sorted(versions) == list(range(1, len(versions) + 1))
