"""``newsgraph serve``: the API and the web pages on one uvicorn server.

Before it listens, :func:`check_startup` refuses a server reachable from other machines
(any host but loopback: 127.0.0.0/8, ::1, localhost) whose API token is empty, a known
default or shorter than 32 characters, since that token is all that guards ``POST /api/ingest``
(:func:`new_token`, ``newsgraph token``, makes a strong one). On SIGTERM running ingests are
stopped at their next budget check before uvicorn waits (at most 5 s) for open requests.
"""

from __future__ import annotations

import ipaddress
import logging
import os
import secrets
from dataclasses import fields
from typing import Any

from newsgraph.core.errors import ConfigError
from newsgraph.core.settings import Settings

log = logging.getLogger(__name__)

# Seconds uvicorn waits for open requests after SIGTERM before it cancels them.
GRACEFUL_SHUTDOWN_S = 5

LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"})
# Tokens found in examples and tutorials: as good as none on a reachable server.
WEAK_TOKENS = frozenset({"changeme", "change-me", "secret", "token", "newsgraph", "password", "admin", "default"})
# A token guarding a reachable server must not be guessable: 32 characters or more (`newsgraph token` prints
# 43 random ones), and not one character repeated.
MIN_TOKEN_CHARS = 32
MIN_TOKEN_DISTINCT = 8


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
    """Raise :class:`ConfigError` when the server would listen beyond loopback with a weak token:
    none, a well-known default, or shorter than :data:`MIN_TOKEN_CHARS` characters."""
    if is_loopback(settings.host):
        return
    token = (settings.api_token or "").strip()
    why = None
    if not token:
        why = "no API token is set"
    elif token.lower() in WEAK_TOKENS:
        why = "the API token is a well-known default"
    elif len(token) < MIN_TOKEN_CHARS or len(set(token)) < MIN_TOKEN_DISTINCT:
        why = f"the API token is too weak (at least {MIN_TOKEN_CHARS} characters, not one repeated)"
    if why:
        raise ConfigError(
            f"refusing to listen on {settings.host}: {why}. Set a long random token, e.g. "
            "export NEWSGRAPH_API_TOKEN=$(newsgraph token), or listen on 127.0.0.1 only (--host 127.0.0.1)"
        )


def new_token() -> str:
    """A strong API token: 32 random bytes, URL-safe base64 (43 characters)."""
    return secrets.token_urlsafe(32)


def bind_host(host: str) -> str:
    """The address to bind: ``[::1]`` (as URLs write it) is ``::1`` to the socket."""
    return host.strip().removeprefix("[").removesuffix("]")


def url_host(host: str) -> str:
    """The host as a URL writes it: an IPv6 address in brackets."""
    host = bind_host(host)
    return f"[{host}]" if ":" in host else host


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
    options: dict[str, Any] = {
        "host": bind_host(settings.host),
        "port": settings.port,
        "log_level": "info",
        "timeout_graceful_shutdown": GRACEFUL_SHUTDOWN_S,
    }
    options.update(uvicorn_options)
    where = f"http://{url_host(settings.host)}:{settings.port}"
    if workers > 1:
        os.environ.update(_env_of(settings))
        log.info("newsgraph serving on %s with %d workers (API docs: %s/docs)", where, workers, where)
        uvicorn.run("newsgraph.api.server:app_from_env", factory=True, workers=workers, **options)
        return
    from newsgraph.api.app import create_app

    app = create_app(settings)
    log.info("newsgraph serving %s on %s (API docs: %s/docs)", app.state.store.safe_url, where, where)
    _server_class()(uvicorn.Config(app, **options), app.state.ingest_pool).run()


def _server_class() -> type:
    import uvicorn

    class Server(uvicorn.Server):
        """uvicorn's server, stopping running ingests as soon as a signal asks it to exit (before it
        waits for open requests: an ingest mid-extraction would otherwise keep SIGTERM waiting)."""

        def __init__(self, config: Any, pool: Any) -> None:
            super().__init__(config)
            self.pool = pool

        def handle_exit(self, sig: int, frame: Any) -> None:
            self.pool.close()
            super().handle_exit(sig, frame)

    return Server


def _env_of(settings: Settings) -> dict[str, str]:
    """The ``NEWSGRAPH_*`` variables that rebuild ``settings`` in a worker process."""
    out: dict[str, str] = {}
    for f in fields(settings):
        value = getattr(settings, f.name)
        if value is None or value == ():
            continue
        out[f"NEWSGRAPH_{f.name.upper()}"] = ",".join(value) if isinstance(value, tuple) else str(value)
    return out


__all__ = [
    "LOOPBACK_NAMES",
    "MIN_TOKEN_CHARS",
    "WEAK_TOKENS",
    "app_from_env",
    "bind_host",
    "check_startup",
    "is_loopback",
    "new_token",
    "run",
    "url_host",
]
