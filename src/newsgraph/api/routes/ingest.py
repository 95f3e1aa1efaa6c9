"""``POST /api/ingest``: a page as text, HTML, an uploaded file or a URL, through the real pipeline.

Protected by the API token (``TokenDep``). The body is either JSON (:class:`IngestText`)
or a form (``multipart/form-data`` / urlencoded) with a ``file`` upload or a ``text`` /
``html`` field, plus ``published``. The page is written to a temporary file named after
``name`` (or the upload's file name) and ingested like any file; the NLP model is loaded
once per app, on the first ingest. A ``url`` is fetched by :mod:`newsgraph.sources` — the same
SSRF guard as ``newsgraph ingest URL`` (public addresses only unless ``NEWSGRAPH_ALLOW_PRIVATE=1``;
link-local and metadata addresses never), robots.txt, size cap and conditional GET.

The body is read in chunks and refused with 413 as soon as it passes :func:`body_cap` (never held
whole first); the ingest itself runs on the app's :class:`~newsgraph.api.ingest_pool.IngestPool`,
off the event loop, and a full pool answers 503 with ``Retry-After``. Text posted as ``html`` goes
to the HTML reader as a parsed tree, so nothing in it is ever fetched.
"""

from __future__ import annotations

import re
import threading
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError
from sqlalchemy import select

from newsgraph.api.deps import SettingsDep, StoreDep, TokenDep
from newsgraph.api.errors import ERROR_RESPONSES, BadParameter
from newsgraph.api.schemas import IngestResult, IngestText
from newsgraph.core.errors import TooLarge
from newsgraph.store.filters import check_published

router = APIRouter(prefix="/api", tags=["ingest"], responses=ERROR_RESPONSES)

# Bytes a request body may hold beyond three times the page limit: field names, a file name, a date.
BODY_OVERHEAD = 64 * 1024
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
_LOCK = threading.Lock()  # one ingest at a time per process: the Analyzer is not thread-safe

_BODY_DOC: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/IngestText"}},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "file": {"type": "string", "format": "binary"},
                        "text": {"type": "string"},
                        "html": {"type": "string"},
                        "url": {"type": "string"},
                        "published": {"type": "string"},
                        "name": {"type": "string"},
                    },
                }
            },
        },
    }
}


def safe_name(name: str | None, default: str) -> str:
    """A file name without folders or odd characters, keeping the suffix that picks the reader."""
    base = Path(name or "").name
    cleaned = _SAFE_NAME.sub("_", base).strip("._")[:100]
    return cleaned or default


def body_cap(max_bytes: int) -> int:
    """The most bytes a request body may have: a page of ``max_bytes`` escaped in JSON (non-ASCII text
    escaped as ``\\uXXXX`` takes up to three times its UTF-8 size) plus room for the other fields."""
    return 3 * max_bytes + BODY_OVERHEAD


async def read_capped(request: Request, cap: int) -> bytes:
    """The request body, read chunk by chunk and refused (413) as soon as it passes ``cap`` bytes:
    a 100 MB body is never held whole in memory to learn it is too large."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > cap:
        raise TooLarge(f"the request body ({declared} bytes) is over the {cap} byte limit (NEWSGRAPH_MAX_BYTES)")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > cap:
            raise TooLarge(f"the request body is over the {cap} byte limit (NEWSGRAPH_MAX_BYTES); stopped reading")
        chunks.append(chunk)
    body = b"".join(chunks)
    request._body = body  # Starlette's json() and form() read a body already received from here
    return body


async def _read_body(request: Request, max_bytes: int) -> tuple[bytes, str, str | None, str | None]:
    """(content, file name, published, URL to fetch) from a JSON or form body."""
    await read_capped(request, body_cap(max_bytes))
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "application/json":
        try:
            body = IngestText.model_validate(await request.json())
        except ValidationError as exc:
            raise RequestValidationError(exc.errors()) from exc
        except ValueError as exc:
            raise BadParameter(f"the body is not valid JSON: {exc}") from exc
        text, html, name, published, url = body.text, body.html, body.name, body.published, body.url
        upload = None
    elif kind in {"multipart/form-data", "application/x-www-form-urlencoded"}:
        form = await request.form()
        upload = form.get("file")
        text, html, name, published, url = (_field(form.get(k)) for k in ("text", "html", "name", "published", "url"))
    else:
        raise BadParameter('send JSON {"text": ...} or {"html": ...}, or a form with a \'file\' upload')
    try:
        published = check_published(published)
    except ValueError as exc:
        raise BadParameter(f"published={published!r}: {exc}") from exc
    given = [x for x in (text, html, upload, url) if x not in (None, "")]
    if len(given) != 1:
        raise BadParameter("give exactly one of 'text', 'html', 'url' or 'file'")
    if url:
        return b"", url, published, url
    if upload is not None and not isinstance(upload, str):
        data = await upload.read(max_bytes + 1)  # type: ignore[union-attr]
        return data, safe_name(name or upload.filename, "upload.txt"), published, None  # type: ignore[union-attr]
    if html:
        return html.encode("utf-8"), safe_name(name, "page.html"), published, None
    return str(text).encode("utf-8"), safe_name(name, "page.txt"), published, None


def _field(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _fetch_url(store: Any, max_bytes: int, url: str, published: str | None) -> list[Any]:
    """The pages of ``url`` fetched through the guarded fetcher (or the error that stopped it)."""
    from newsgraph.sources.fetch import Fetcher
    from newsgraph.sources.ledger import Ledger
    from newsgraph.sources.settings import FetchSettings
    from newsgraph.sources.web import WebReader

    web = WebReader(Fetcher(FetchSettings.load(max_bytes=max_bytes)), Ledger(store.engine))
    try:
        return list(web.read_url(url, max_bytes=max_bytes, published=published))
    finally:
        web.close()


def _ingest(
    request: Request,
    settings: Any,
    store: Any,
    data: bytes,
    name: str,
    published: str | None,
    url: str | None = None,
) -> dict[str, Any]:
    from newsgraph.core.errors import ReadError
    from newsgraph.ingest.pipeline import Pipeline
    from newsgraph.ingest.read import read_bytes
    from newsgraph.ingest.segment import segment
    from newsgraph.store.schema import documents, page_documents

    if url:
        source = url
        pages = _fetch_url(store, settings.max_bytes, url, published)
    else:
        source = f"upload:{name}"
        pages = list(read_bytes(data, source, Path(name).suffix.lower(), settings.max_bytes, published))
    with _LOCK:
        analyzer = analyzer_of(request)
        summary = Pipeline(settings, store=store, analyzer=analyzer).ingest_pages(pages, inputs=[source])
    page_ids = set()
    for page in pages:
        if not isinstance(page, ReadError):
            try:
                page_ids.add(segment(page).page_id)
            except Exception:  # the pipeline recorded why
                continue
    docs: list[dict[str, Any]] = []
    if page_ids:
        with store.connect() as conn:
            q = (
                select(
                    documents.c.id,
                    documents.c.role,
                    documents.c.title,
                    documents.c.section,
                    documents.c.published,
                    documents.c.published.label("date"),
                    documents.c.duplicate_of,
                )
                .join(page_documents, page_documents.c.document_id == documents.c.id)
                .where(page_documents.c.page_id.in_(sorted(page_ids)))
                .order_by(page_documents.c.page_id, page_documents.c.position)
            )
            docs = [dict(r) for r in conn.execute(q).mappings()]
    problems = [
        [{"source": name, "code": e.code, "message": e.message} for e in items]
        for items in (summary.errors, summary.warnings)
    ]
    return {
        "pages_new": summary.pages_new,
        "pages_unchanged": summary.pages_unchanged,
        "documents": docs,
        "errors": problems[0],
        "warnings": problems[1],
    }


def analyzer_of(request: Request) -> Any:
    """The app's Analyzer, loaded on first use (None when extraction is off in the settings)."""
    state = request.app.state
    if getattr(state, "analyzer", None) is None and state.settings.extract:
        from newsgraph.extract.runner import Analyzer

        state.analyzer = Analyzer(state.settings)
    return getattr(state, "analyzer", None)


@router.post(
    "/ingest",
    response_model=IngestResult,
    status_code=201,
    summary="Ingest a page",
    openapi_extra=_BODY_DOC,
    responses={401: {"description": "Missing or wrong token"}, 413: {"description": "Page too large"}},
)
async def create_ingest(request: Request, settings: SettingsDep, store: StoreDep, _token: TokenDep) -> dict[str, Any]:
    """Read, segment, extract and store one page; answers the documents stored and any problem.

    An unchanged page (already stored) answers its documents with ``pages_unchanged: 1``.
    A page that could not be read or segmented is a 422 whose ``details`` lists why.
    """
    data, name, published, url = await _read_body(request, settings.max_bytes)
    if len(data) > settings.max_bytes:
        raise TooLarge(f"the page is over the {settings.max_bytes} byte limit (NEWSGRAPH_MAX_BYTES)")
    pool = request.app.state.ingest_pool  # off the event loop, bounded: 503 + Retry-After when full
    result = await pool.run(_ingest, request, settings, store, data, name, published, url)
    if result["errors"] and not result["documents"]:
        from fastapi.responses import JSONResponse

        from newsgraph.api.errors import envelope

        first = result["errors"][0]
        return JSONResponse(  # type: ignore[return-value]
            envelope(422, first["code"], first["message"], result["errors"]), status_code=422
        )
    return result
