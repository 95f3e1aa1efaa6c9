"""WARC archives (read with warcio): the HTML pages of their response records, one page per record.

A response (or resource) record whose HTTP status is 2xx and whose content type is HTML becomes
a page read like an HTML file, with the record's ``WARC-Target-URI`` as its URL and source and
its ``WARC-Date`` as the fetch date; request, metadata, warcinfo and revisit records, redirects
and non-HTML payloads are skipped. A truncated or corrupt archive keeps every complete record
before the damage and yields one :class:`~newsgraph.sources.errors.WarcError` with the byte
offset where the damage starts. warcio stops silently on a cut gzip member, so completeness is
checked by offsets: every byte of the archive (or of the range asked for) must belong to a
record that was read to its declared end.

:func:`record_offsets` lists where records start; :func:`split_ranges` cuts one archive into ranges
(``start``/``stop`` byte offsets) of about N page records each, read by different workers.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newsgraph.core.errors import ReadError
from newsgraph.core.model import RawPage
from newsgraph.ingest.read import PageOrError, read_bytes
from newsgraph.sources.errors import WarcError

PAGE_RECORDS = ("response", "resource")
HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(
    path: Path, *, max_bytes: int = 20 * 1024 * 1024, start: int = 0, stop: int | None = None
) -> Iterator[PageOrError]:
    """The pages of ``path`` whose records start in ``[start, stop)``; one error when the archive is damaged."""
    from warcio.archiveiterator import ArchiveIterator

    source = str(path)
    try:
        size = path.stat().st_size
        handle = path.open("rb")
    except OSError as exc:
        yield ReadError(f"{source}: the WARC archive cannot be read ({exc.strerror or exc})", source=source)
        return
    end = size if stop is None else min(stop, size)
    good_end = start  # where the last complete record ends
    with handle:
        handle.seek(start)
        records = ArchiveIterator(handle)
        try:
            for record in records:
                # warcio knows a record's offset only once it was read to its end: read, then place it
                page = _page_of(record, source, max_bytes)
                records.read_to_end(record)
                offset = records.get_record_offset()  # absolute: warcio starts from the handle's position
                if offset >= end:
                    good_end = end
                    break
                if getattr(record.raw_stream, "limit", 0):  # the record's block ends before its Content-Length
                    yield _damaged(source, offset, "the archive ends inside a record")
                    return
                good_end = offset + records.get_record_length()
                for item in page or ():
                    if isinstance(item, RawPage):
                        item.meta["warc"] = f"{source}@{offset}"
                    yield item
        except Exception as exc:  # warcio raises many kinds on damage (ArchiveLoadFailed, zlib, EOF, attribute)
            yield _damaged(source, _past_padding(handle, good_end), f"{type(exc).__name__}: {exc}")
            return
        if not _only_padding(handle, good_end, end):
            yield _damaged(source, _past_padding(handle, good_end), "the archive ends inside a record")


def _page_of(record: Any, source: str, max_bytes: int) -> list[PageOrError] | None:
    """The page of one record, or None when the record is not an HTML page."""
    if record.rec_type not in PAGE_RECORDS:
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or source
    if record.http_headers is not None:
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            return None
        content_type = record.http_headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    if content_type.split(";", 1)[0].strip().lower() not in HTML_TYPES:
        return None
    body = record.content_stream().read(max_bytes + 1)
    fetched_at = _warc_date(record.rec_headers.get_header("WARC-Date"))
    out: list[PageOrError] = []
    for item in read_bytes(body, uri, ".html", max_bytes):
        if isinstance(item, RawPage):
            item.url = uri
            item.fetched_at = fetched_at
        out.append(item)
    return out


def _warc_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _only_padding(handle: Any, good_end: int, end: int) -> bool:
    """True when nothing but record separators (CR, LF) lies between ``good_end`` and ``end``."""
    if good_end >= end:
        return True
    handle.seek(good_end)
    rest = handle.read(min(end - good_end, 64))
    return end - good_end <= 64 and not rest.strip(b"\r\n")


def _past_padding(handle: Any, position: int) -> int:
    """``position`` moved past the record separator (CR, LF) that follows an uncompressed record."""
    handle.seek(position)
    head = handle.read(8)
    return position + len(head) - len(head.lstrip(b"\r\n"))


def _damaged(source: str, offset: int, detail: str) -> WarcError:
    return WarcError(
        f"{source}: truncated or corrupt WARC archive at byte {offset} ({detail}); the complete records before it "
        "were kept",
        source=source,
        offset=offset,
    )


def record_offsets(path: Path) -> list[int]:
    """The byte offset of every record of ``path`` (stops quietly at damage: the reader reports it)."""
    return [offset for offset, _kind in _records(path)]


def _records(path: Path) -> list[tuple[int, str]]:
    """``(offset, WARC-Type)`` of every record of ``path``, up to any damage (HTTP headers are not parsed)."""
    from warcio.archiveiterator import ArchiveIterator

    out: list[tuple[int, str]] = []
    with path.open("rb") as handle:
        records = ArchiveIterator(handle, no_record_parse=True)
        try:
            for record in records:
                out.append((records.get_record_offset(), record.rec_type or ""))
        except Exception:
            pass
    return out


def split_ranges(path: Path, pages_per_range: int) -> list[tuple[int, int | None]]:
    """``(start, stop)`` byte ranges covering the whole archive, each holding about ``pages_per_range``
    page records (response and resource records; the request and metadata records around them are
    not counted): a range starts at every ``pages_per_range``-th page record."""
    records = _records(path)
    if not records:
        return [(0, None)]
    page_offsets = [offset for offset, kind in records if kind in PAGE_RECORDS]
    starts = [0, *page_offsets[max(1, pages_per_range) :: max(1, pages_per_range)]]
    return [(s, starts[i + 1] if i + 1 < len(starts) else None) for i, s in enumerate(starts)]


__all__ = ["read_warc", "record_offsets", "split_ranges"]
