"""One router per resource; :data:`ROUTERS` in the order the OpenAPI lists them."""

from __future__ import annotations

from fastapi import APIRouter

from newsgraph.api.routes import (
    amounts,
    articles,
    entities,
    events,
    exports,
    ingest,
    quotes,
    related,
    search,
    stances,
    voices,
)

ROUTERS: tuple[APIRouter, ...] = (
    articles.router,
    related.router,
    search.router,
    entities.router,
    events.router,
    quotes.router,
    amounts.router,
    stances.router,
    voices.router,
    exports.router,
    ingest.router,
)

__all__ = ["ROUTERS"]
