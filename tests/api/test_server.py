"""newsgraph.api.server: the loopback / token rule and the uvicorn runner."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsgraph.api import server as serve
from newsgraph.core.errors import ConfigError
from newsgraph.core.settings import Settings


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.8.9.10", True),
        ("::1", True),
        ("[::1]", True),
        ("localhost", True),
        ("LOCALHOST", True),
        ("0.0.0.0", False),
        ("::", False),
        ("192.168.1.5", False),
        ("example.org", False),
        ("", False),
    ],
)
def test_is_loopback(host: str, loopback: bool) -> None:
    assert serve.is_loopback(host) is loopback


@pytest.mark.parametrize("token", [None, "", "  ", "changeme", "secret", "token", "newsgraph", "Changeme"])
def test_refuses_a_reachable_server_with_a_weak_token(token: str | None) -> None:
    settings = Settings.load(env={}, host="0.0.0.0", api_token=token)
    with pytest.raises(ConfigError, match="NEWSGRAPH_API_TOKEN"):
        serve.check_startup(settings)


@pytest.mark.parametrize(
    ("host", "token"),
    [("127.0.0.1", None), ("localhost", "changeme"), ("0.0.0.0", "x7Qp-long-random-value-9fK2mZ4tLw8vR1")],
)
def test_accepts_loopback_or_a_real_token(host: str, token: str | None) -> None:
    serve.check_startup(Settings.load(env={}, host=host, api_token=token))


@pytest.mark.parametrize("env", [{"NEWSGRAPH_HOST": "0.0.0.0", "NEWSGRAPH_API_TOKEN": "secret"}])
def test_the_rule_applies_to_settings_from_the_environment(env: dict[str, str]) -> None:
    with pytest.raises(ConfigError):
        serve.check_startup(Settings.load(env=env))


@pytest.mark.parametrize("port", [8765])
def test_run_checks_then_starts_uvicorn(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, port: int) -> None:
    calls: list[dict[str, Any]] = []

    def fake_run(server: Any, sockets: Any = None) -> None:
        config = server.config
        calls.append({"app": config.app, "host": config.host, "port": config.port, "server": server})

    import uvicorn

    monkeypatch.setattr(uvicorn.Server, "run", fake_run)
    serve.run(Settings.load(env={}, db=f"sqlite:///{tmp_path / 'db.sqlite'}", port=port))
    assert calls and calls[0]["host"] == "127.0.0.1" and calls[0]["port"] == port
    assert calls[0]["app"].title == "newsgraph"
    assert calls[0]["server"].pool is calls[0]["app"].state.ingest_pool  # stopped first on SIGTERM
    serve.run(Settings.load(env={}, db=f"sqlite:///{tmp_path / 'db.sqlite'}", host="[::1]", port=port))
    assert calls[1]["host"] == "::1"  # the brackets are URL syntax, not part of the address
    del calls[1]
    with pytest.raises(ConfigError):
        serve.run(Settings.load(env={}, db=f"sqlite:///{tmp_path / 'db.sqlite'}", host="0.0.0.0"))
    assert len(calls) == 1


@pytest.mark.parametrize("workers", [3])
def test_several_workers_get_the_settings_through_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, workers: int
) -> None:
    import os

    import uvicorn

    calls: list[tuple[Any, dict[str, Any]]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: calls.append((app, options)))
    for name in (
        "NEWSGRAPH_DB",
        "NEWSGRAPH_PORT",
        "NEWSGRAPH_API_TOKEN",
        "NEWSGRAPH_HOST",
        "NEWSGRAPH_EXTRACT",
        "NEWSGRAPH_INCLUDE",
    ):
        monkeypatch.setenv(name, "placeholder")  # so that the variables run() sets are undone afterwards
    for name in (
        "NEWSGRAPH_MAX_BYTES",
        "NEWSGRAPH_BATCH_SIZE",
        "NEWSGRAPH_N_PROCESS",
        "NEWSGRAPH_MAX_TOKENS",
        "NEWSGRAPH_EXTRACT_TIMEOUT",
    ):
        monkeypatch.setenv(name, "1")
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    serve.run(Settings.load(env={}, db=url, port=9001, api_token="t0k3n-long-enough"), workers=workers)
    target, options = calls[0]
    assert target == "newsgraph.api.server:app_from_env"
    assert options["factory"] is True and options["workers"] == workers
    assert os.environ["NEWSGRAPH_DB"] == url and os.environ["NEWSGRAPH_PORT"] == "9001"
    assert serve.app_from_env().state.settings.api_token == "t0k3n-long-enough"
