"""The fetch settings (newsgraph.sources.settings): defaults, environment, options, and the User-Agent."""

from __future__ import annotations

import pytest

from newsgraph.core.errors import ConfigError
from newsgraph.core.version import __version__
from newsgraph.sources.settings import DEFAULT_DELAY, FetchSettings


def test_defaults_refuse_private_addresses_and_wait_between_requests() -> None:
    settings = FetchSettings.load(env={})
    assert settings.allow_private is False and settings.delay == DEFAULT_DELAY and settings.obey_robots


def test_the_environment_sets_and_options_override() -> None:
    env = {"NEWSGRAPH_ALLOW_PRIVATE": "1", "NEWSGRAPH_FETCH_DELAY": "2.5", "NEWSGRAPH_CONTACT": "ops@x.org"}
    settings = FetchSettings.load(env=env)
    assert (settings.allow_private, settings.delay, settings.contact) == (True, 2.5, "ops@x.org")
    assert FetchSettings.load(env=env, allow_private=False, delay=None).allow_private is False
    assert FetchSettings.load(env=env, delay=None).delay == 2.5


def test_the_user_agent_names_newsgraph_and_the_contact() -> None:
    assert FetchSettings.load(env={}, contact="ops@x.org").agent == (
        f"newsgraph/{__version__} (news event extraction; +ops@x.org)"
    )
    assert FetchSettings.load(env={"NEWSGRAPH_USER_AGENT": "MyBot/1.0"}).agent == "MyBot/1.0"


@pytest.mark.parametrize(
    ("env", "overrides", "message"),
    [
        ({"NEWSGRAPH_FETCH_DELAY": "soon"}, {}, "NEWSGRAPH_FETCH_DELAY"),
        ({}, {"delay": -1.0}, "fetch delay"),
        ({}, {"timeout": 0.0}, "timeouts must be positive"),
        ({}, {"retries": -1}, "retries"),
        ({}, {"colour": "red"}, "unknown fetch setting"),
    ],
)
def test_bad_values_say_what_to_set(env: dict[str, str], overrides: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        FetchSettings.load(env=env, **overrides)
