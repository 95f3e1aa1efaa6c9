"""Dependencies of the routes, as short ``Annotated`` aliases.

``StoreDep`` / ``ConnDep`` give the app's store and a connection for the request;
``TokenDep`` checks the API token (``Authorization: Bearer TOKEN``) against
``Settings.api_token`` in constant time; ``PageDep`` is ``limit`` / ``offset``;
``DateQ``, ``CountryQ`` and ``EventTypeQ`` are validated query parameters (a bad
value is a 422 in the error envelope).
"""

from __future__ import annotations

import hmac
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import AfterValidator
from sqlalchemy.engine import Connection

from newsgraph.api.cache import ResultCache
from newsgraph.api.errors import IngestDisabled, Unauthorized
from newsgraph.core.settings import Settings
from newsgraph.store.db import Store
from newsgraph.store.filters import check_country, check_date, check_event_type

MAX_LIMIT = 500
# Deeper pages than this are refused (422): far past any real list, and below every database's integer range.
MAX_OFFSET = 10_000_000


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_store(request: Request) -> Store:
    return request.app.state.store


SettingsDep = Annotated[Settings, Depends(get_settings)]
StoreDep = Annotated[Store, Depends(get_store)]


def get_conn(store: StoreDep) -> Iterator[Connection]:
    with store.connect() as conn:
        yield conn


ConnDep = Annotated[Connection, Depends(get_conn)]


def get_cache(request: Request) -> ResultCache:
    return request.app.state.cache


CacheDep = Annotated[ResultCache, Depends(get_cache)]

_bearer = HTTPBearer(auto_error=False, description="The server's NEWSGRAPH_API_TOKEN")


def require_token(
    settings: SettingsDep, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
) -> str:
    """The caller's token, when it equals the configured one."""
    expected = settings.api_token or ""
    if not expected:
        raise IngestDisabled(
            "writing through the API is disabled: start the server with NEWSGRAPH_API_TOKEN set "
            "and send it as 'Authorization: Bearer TOKEN'"
        )
    if credentials is None:
        raise Unauthorized("missing API token: send 'Authorization: Bearer TOKEN' (the server's NEWSGRAPH_API_TOKEN)")
    if not hmac.compare_digest(credentials.credentials.encode(), expected.encode()):
        raise Unauthorized("wrong API token: send the server's NEWSGRAPH_API_TOKEN as 'Authorization: Bearer TOKEN'")
    return credentials.credentials


TokenDep = Annotated[str, Depends(require_token)]


# -- validated query parameters: the checks of newsgraph.store.filters, a bad value answers 422 ----


DateQ = Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD (inclusive)"), AfterValidator(check_date)]
CountryQ = Annotated[str | None, Query(description="ISO 3166-1 alpha-3 code, e.g. KAZ"), AfterValidator(check_country)]
EventTypeQ = Annotated[
    str | None, Query(description="PLOVER event type, e.g. CONSULT"), AfterValidator(check_event_type)
]


@dataclass(slots=True)
class Page:
    limit: int
    offset: int


def get_page(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page")] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip")] = 0,
) -> Page:
    return Page(limit=limit, offset=offset)


PageDep = Annotated[Page, Depends(get_page)]


def listing(rows: list[dict[str, Any]], count: int) -> dict[str, Any]:
    """The ``{data, count}`` body of every list response."""
    return {"data": rows, "count": count}


__all__ = [
    "CacheDep",
    "ConnDep",
    "CountryQ",
    "DateQ",
    "EventTypeQ",
    "Page",
    "PageDep",
    "SettingsDep",
    "StoreDep",
    "TokenDep",
    "listing",
]
