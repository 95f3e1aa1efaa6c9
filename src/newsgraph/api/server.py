"""``newsgraph serve``: the API and the web pages on one uvicorn server.

Before it listens, :func:`check_startup` refuses a server reachable from other machines
(any host but loopback: 127.0.0.0/8, ::1, localhost) whose API token is empty or a known
default, since that token is all that guards ``POST /api/ingest``.
"""

from __future__ import annotations

import ipaddress
import logging
import os
from dataclasses import fields
from typing import Any

from newsgraph.core.errors import ConfigError
from newsgraph.core.settings import Settings

log = logging.getLogger(__name__)

LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"})
# Tokens found in examples and tutorials: as good as none on a reachable server.
WEAK_TOKENS = frozenset({"changeme", "change-me", "secret", "token", "newsgraph", "password", "admin", "default"})


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and the usual names of localhost; False for 0.0.0.0, :: and the rest."""
    name = host.strip().strip("[]").lower()
    if name in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def check_startup(settings: Settings) -> None:
    """Raise :class:`ConfigError` when the server would listen beyond loopback with a weak token."""
    if is_loopback(settings.host):
        return
    token = (settings.api_token or "").strip()
    if not token or token.lower() in WEAK_TOKENS:
        why = "no API token is set" if not token else f"the API token {token!r} is a well-known default"
        raise ConfigError(
            f"refusing to listen on {settings.host}: {why}. Set a long random token, e.g. "
            "export NEWSGRAPH_API_TOKEN=$(python -c 'import secrets; print(secrets.token_urlsafe(32))'), "
            "or listen on 127.0.0.1 only (--host 127.0.0.1)"
        )


def app_from_env() -> Any:
    """The app from the environment's settings: the factory each worker process calls (``workers > 1``)."""
    from newsgraph.api.app import create_app

    return create_app(Settings.load())


def run(settings: Settings, *, workers: int = 1, **uvicorn_options: Any) -> None:
    """Check the settings, build the app and serve it until interrupted.

    With ``workers > 1`` uvicorn starts that many processes, each building the app
    through :func:`app_from_env` from the settings passed on in ``NEWSGRAPH_*`` variables.
    """
    import uvicorn

    check_startup(settings)
    options: dict[str, Any] = {"host": settings.host, "port": settings.port, "log_level": "info"}
    options.update(uvicorn_options)
    where = f"http://{settings.host}:{settings.port}"
    if workers > 1:
        os.environ.update(_env_of(settings))
        log.info("newsgraph serving on %s with %d workers (API docs: %s/docs)", where, workers, where)
        uvicorn.run("newsgraph.api.server:app_from_env", factory=True, workers=workers, **options)
        return
    from newsgraph.api.app import create_app

    app = create_app(settings)
    log.info("newsgraph serving %s on %s (API docs: %s/docs)", app.state.store.safe_url, where, where)
    uvicorn.run(app, **options)


def _env_of(settings: Settings) -> dict[str, str]:
    """The ``NEWSGRAPH_*`` variables that rebuild ``settings`` in a worker process."""
    out: dict[str, str] = {}
    for f in fields(settings):
        value = getattr(settings, f.name)
        if value is None or value == ():
            continue
        out[f"NEWSGRAPH_{f.name.upper()}"] = ",".join(value) if isinstance(value, tuple) else str(value)
    return out


__all__ = ["LOOPBACK_NAMES", "WEAK_TOKENS", "app_from_env", "check_startup", "is_loopback", "run"]
