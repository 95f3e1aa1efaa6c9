"""``newsgraph serve`` (newsgraph.cli.serve): options reach the server; a refused start is a usage error."""

from __future__ import annotations

from typing import Any

import pytest

from tests.cli_fixtures import invoke


def test_options_reach_the_server(monkeypatch: pytest.MonkeyPatch, db_url: str) -> None:
    from newsgraph.api import server

    seen: dict[str, Any] = {}
    monkeypatch.setattr(server, "run", lambda settings, workers: seen.update(settings=settings, workers=workers))
    result = invoke("serve", "--port", "8123", "--workers", "2", "--db", db_url)
    assert result.exit_code == 0, result.output
    assert (seen["settings"].port, seen["settings"].db, seen["workers"]) == (8123, db_url, 2)


def test_listening_beyond_loopback_without_a_token_is_refused(db_url: str) -> None:
    result = invoke("serve", "--host", "0.0.0.0", "--db", db_url, env={"NEWSGRAPH_API_TOKEN": ""})
    assert result.exit_code == 2 and "refusing to listen" in result.output
