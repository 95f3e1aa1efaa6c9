"""The application: the REST API under ``/api``, the web pages, static assets and offline docs.

``create_app(settings)`` builds everything from one settings object; nothing is made at
import time. ``/openapi.json`` is the API's description, ``/docs`` the interactive
Swagger UI, served with its JS and CSS from the ``fastapi-offline`` package (no CDN).
Every response carries a Content-Security-Policy that only allows the app's own scripts
and styles, so text scraped from the web can never run as script in a reader's browser.
Rendered pages and API reads are reused until the database changes
(:mod:`newsgraph.api.response_cache`, in front of everything else).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsgraph.api import errors
from newsgraph.api.cache import ResultCache
from newsgraph.api.deps import ConnDep
from newsgraph.api.ingest_pool import IngestPool
from newsgraph.api.response_cache import ResponseCache, Responses
from newsgraph.api.routes import ROUTERS
from newsgraph.api.schemas import Stats
from newsgraph.core.settings import Settings
from newsgraph.core.version import __version__
from newsgraph.store.db import Store

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
)
WEB = Path(__file__).resolve().parent.parent / "web"

DESCRIPTION = """Who did what to whom, who said what, which figures were quoted and which
governments took which position, each fact with the sentence and character span it came from.

Lists answer `{data, count}`; every error answers
`{"error": {"code", "status", "message", "details"}}`. `POST /api/ingest` needs
`Authorization: Bearer <NEWSGRAPH_API_TOKEN>`."""


class SecurityHeaders:
    """ASGI middleware adding :data:`SECURITY_HEADERS` to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, with_headers)


def docs_assets() -> Path | None:
    """The folder of Swagger UI's JS and CSS shipped by ``fastapi-offline``, if installed."""
    try:
        import fastapi_offline
    except ImportError:
        return None
    folder = Path(fastapi_offline.__file__).resolve().parent / "static"
    return folder if (folder / "swagger-ui-bundle.js").exists() else None


def create_app(settings: Settings | None = None, *, store: Store | None = None, analyzer: Any = None) -> FastAPI:
    """The app for ``settings`` (default: from the environment); ``store`` / ``analyzer`` may be given (tests)."""
    from newsgraph.web.pages import render_error
    from newsgraph.web.pages import router as pages_router

    settings = settings or Settings.load()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        app.state.ingest_pool.close()  # running extractions stop at their next check, queued ones drop

    app = FastAPI(
        title="newsgraph",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.store = store if store is not None else Store(settings.db)
    app.state.analyzer = analyzer
    app.state.cache = ResultCache()
    app.state.ingest_pool = IngestPool()  # POST /api/ingest runs here, never on the event loop
    errors.install(app, error_page=render_error)
    app.add_middleware(SecurityHeaders)
    # Outermost: a stored answer already carries the security headers (see newsgraph.api.response_cache).
    app.state.responses = Responses()
    app.add_middleware(ResponseCache, responses=app.state.responses)

    @app.get("/api", response_model=Stats, tags=["meta"], summary="Version and counts")
    def read_stats(conn: ConnDep) -> dict[str, Any]:
        from sqlalchemy import func, select

        from newsgraph.store.schema import documents, entities, events, pages, quotes, stances

        counts = {
            t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
            for t in (pages, documents, entities, events, quotes, stances)
        }
        return {"version": __version__, "counts": counts}

    for router in ROUTERS:
        app.include_router(router)
    app.include_router(pages_router)
    assets = docs_assets()
    if assets is not None:  # before /static, which would shadow it
        app.mount("/static/docs", StaticFiles(directory=assets), name="docs-static")
    app.mount("/static", StaticFiles(directory=WEB / "static"), name="static")
    return app


__all__ = ["CSP", "SECURITY_HEADERS", "SecurityHeaders", "create_app", "docs_assets"]
