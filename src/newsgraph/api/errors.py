"""One error envelope for every error the app returns.

``{"error": {"code": str, "status": int, "message": str, "details": any}}`` for
HTTP errors (404 for an unknown route, 405, ...), request validation (422, with
``details`` listing each bad field), every :class:`~newsgraph.core.errors.NewsgraphError`
(its own stable code; ``NotFound`` → 404, bad filters and queries → 422, ...) and
unexpected exceptions (500, without internals). Web pages (paths outside ``/api``
asked for by a browser) get the same error as an HTML page, rendered by the page
renderer the app passes to :func:`install` (the web layer's; this module imports none).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsgraph.core.errors import NewsgraphError

log = logging.getLogger(__name__)


class Unauthorized(NewsgraphError):
    code = "A401"
    reason = "unauthorized"
    http_status = 401


class IngestDisabled(NewsgraphError):
    code = "A403"
    reason = "ingest_disabled"
    http_status = 403


class BadParameter(NewsgraphError):
    code = "A422"
    reason = "bad_parameter"
    http_status = 422


class ErrorBody(BaseModel):
    code: str
    status: int
    message: str
    details: Any = None


class ErrorEnvelope(BaseModel):
    error: ErrorBody


# Status of a NewsgraphError by its code (first match wins): the catalogue in newsgraph.core.errors
# and the query/export modules' own codes.
_STATUS_BY_CODE: tuple[tuple[str, int], ...] = (
    ("S404", 404),
    ("R004", 413),  # TooLarge
    ("R", 422),  # unreadable or empty input
    ("Q", 422),  # search, related, popular: bad query or limit
    ("O001", 500),  # export failed
    ("O", 422),  # unknown export format, bad filter
    ("S", 503),  # database unreachable or too new
    ("C", 500),  # server configuration
    ("X", 500),
)

# Shown in the OpenAPI of every route: the shape a client can rely on.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorEnvelope, "description": "Unknown id"},
    422: {"model": ErrorEnvelope, "description": "Invalid parameter"},
}


def status_for(exc: NewsgraphError) -> int:
    """The HTTP status of a named error: its ``http_status`` if it has one, else by its code."""
    explicit = getattr(exc, "http_status", None)
    if isinstance(explicit, int):
        return explicit
    for prefix, status in _STATUS_BY_CODE:
        if exc.code.startswith(prefix):
            return status
    return 400


def envelope(status: int, code: str, message: str, details: Any = None) -> dict[str, Any]:
    return {"error": {"code": code, "status": status, "message": message, "details": details}}


def validation_details(errors: Any) -> list[dict[str, Any]]:
    """Each bad field as ``{loc, msg, type}`` (pydantic's ``input`` and ``ctx`` may not be JSON)."""
    return [
        {"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg")), "type": e.get("type")} for e in errors
    ]


def _wants_html(request: Request) -> bool:
    path = request.url.path
    if path.startswith("/api") or path == "/openapi.json":
        return False
    return "text/html" in request.headers.get("accept", "")


# Renders an error as an HTML page: (request, status, code, message) → response.
ErrorPage = Callable[[Request, int, str, str], Response]


def _respond(
    request: Request, status: int, code: str, message: str, details: Any = None, retry_after: int | None = None
) -> Response:
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else {}
    if retry_after is not None:  # 503 busy: when to come back
        headers["Retry-After"] = str(retry_after)
    error_page: ErrorPage | None = getattr(request.app.state, "error_page", None)
    if error_page is not None and _wants_html(request):
        return error_page(request, status, code, message)
    return JSONResponse(envelope(status, code, message, details), status_code=status, headers=headers or None)


async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
    message = exc.detail if isinstance(exc.detail, str) else "HTTP error"
    if exc.status_code == 404 and message == "Not Found":
        message = f"no route {request.url.path}; GET /openapi.json lists the API"
    return _respond(request, exc.status_code, f"H{exc.status_code}", message)


async def _validation_error(request: Request, exc: RequestValidationError) -> Response:
    details = validation_details(exc.errors())
    where = "; ".join(f"{'.'.join(d['loc'])}: {d['msg']}" for d in details)
    return _respond(request, 422, "A422", f"invalid request: {where}", details)


async def _named_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, NewsgraphError)
    retry_after = getattr(exc, "retry_after", None)
    return _respond(request, status_for(exc), exc.code, exc.message, retry_after=retry_after)


async def _unexpected(request: Request, exc: Exception) -> Response:
    log.exception("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
    return _respond(request, 500, "E500", "internal error; the server log has the details")


def install(app: FastAPI, *, error_page: ErrorPage | None = None) -> None:
    """Register the handlers on ``app``; with ``error_page``, a browser asking for a page gets HTML errors."""
    app.state.error_page = error_page
    app.add_exception_handler(StarletteHTTPException, _http_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _validation_error)  # type: ignore[arg-type]
    app.add_exception_handler(NewsgraphError, _named_error)
    app.add_exception_handler(Exception, _unexpected)


__all__ = [
    "ERROR_RESPONSES",
    "BadParameter",
    "ErrorBody",
    "ErrorEnvelope",
    "ErrorPage",
    "IngestDisabled",
    "Unauthorized",
    "envelope",
    "install",
    "status_for",
    "validation_details",
]
