"""Exports: the database as files (JSON Lines, CSV, Parquet, GDELT, PLOVER, GraphML), streamed.

The exporter writes into a temporary folder; the response streams that file (or a zip
of the files, for formats that write one file per table) and the folder is removed
when the stream ends.
"""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter
from fastapi import Path as PathParam
from fastapi.responses import StreamingResponse

from newsgraph.api.deps import CountryQ, DateQ, EventTypeQ, StoreDep, listing
from newsgraph.api.errors import ERROR_RESPONSES
from newsgraph.api.schemas import ExportFormats
from newsgraph.store.filters import Filters

router = APIRouter(prefix="/api/exports", tags=["exports"], responses=ERROR_RESPONSES)

CHUNK = 64 * 1024
MEDIA_TYPES = {
    ".jsonl": "application/x-ndjson",
    ".json": "application/json",
    ".csv": "text/csv; charset=utf-8",
    ".tsv": "text/tab-separated-values; charset=utf-8",
    ".parquet": "application/vnd.apache.parquet",
    ".graphml": "application/xml",
    ".zip": "application/zip",
}


@router.get("", response_model=ExportFormats, summary="Export formats")
def read_formats() -> dict[str, object]:
    from newsgraph.export import formats

    names = list(formats())
    return listing(names, len(names))  # type: ignore[arg-type]


def stream_file(path: Path, cleanup: Path) -> Iterator[bytes]:
    """The file's bytes in chunks; ``cleanup`` is removed when the stream ends or is dropped."""
    try:
        with path.open("rb") as fh:
            while chunk := fh.read(CHUNK):
                yield chunk
    finally:
        shutil.rmtree(cleanup, ignore_errors=True)


def bundle(paths: list[Path], target: Path) -> Path:
    """One file as it is, several as a zip (names relative to their folder)."""
    if len(paths) == 1:
        return paths[0]
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for p in sorted(paths):
            zf.write(p, arcname=p.name)
    return target


@router.get(
    "/{fmt}",
    summary="Export the database",
    response_class=StreamingResponse,
    responses={200: {"content": {"application/octet-stream": {}}, "description": "the file, or a zip of files"}},
)
def read_export(
    store: StoreDep,
    fmt: Annotated[str, PathParam(max_length=40, pattern=r"^[A-Za-z0-9_-]+$", description="see GET /api/exports")],
    since: DateQ = None,
    until: DateQ = None,
    country: CountryQ = None,
    event_type: EventTypeQ = None,
) -> StreamingResponse:
    """Stream one export format; filters as in ``newsgraph export``."""
    from newsgraph.export import export

    work = Path(tempfile.mkdtemp(prefix="newsgraph-export-"))
    try:
        filters = Filters.make(since=since, until=until, country=country, event_type=event_type)
        paths = export(store, fmt, work / "out", filters)
        path = bundle(paths, work / f"newsgraph-{fmt.lower()}.zip")
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    media = MEDIA_TYPES.get(path.suffix.lower(), "application/octet-stream")
    headers = {"Content-Disposition": f'attachment; filename="{path.name}"'}
    return StreamingResponse(stream_file(path, work), media_type=media, headers=headers)
