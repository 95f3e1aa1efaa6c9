"""Readers: one per source kind, each yielding :class:`RawPage` records.

:func:`iter_pages` walks files, directories (recursively, with include and
exclude globs) and standard input (``-``), picks the reader for each file and
yields either a page or the :class:`ReadError` that explains why a file or a
row could not be read. It never raises for one bad item.
"""

from __future__ import annotations

import csv
import fnmatch
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsgraph.core.errors import NotRegularFile, ReadError, TooLarge, Unreadable
from newsgraph.core.model import RawPage
from newsgraph.ingest.read.encoding import decode_bytes
from newsgraph.ingest.read.html import looks_like_html, read_html
from newsgraph.ingest.read.table import Rows, parse_row_range, read_csv, read_json, read_jsonl, row_range
from newsgraph.ingest.read.text import read_text

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
CSV_SUFFIXES = {".csv"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
JSON_SUFFIXES = {".json"}
# Files a directory walk never offers to the readers (editor and OS droppings).
SKIP_NAMES = {".DS_Store", "Thumbs.db", "desktop.ini"}
# Database files and their journals (a newsgraph.db inside the folder being ingested).
SKIP_SUFFIXES = (".db", ".sqlite", ".sqlite3", ".db-wal", ".db-shm", ".db-journal", "-wal", "-shm", "-journal")

PageOrError = RawPage | ReadError


def iter_pages(
    paths: Iterable[str | os.PathLike[str]],
    *,
    max_bytes: int,
    include: Iterable[str] = (),
    exclude: Iterable[str] = (),
    published: str | None = None,
) -> Iterator[PageOrError]:
    for item in expand_paths(paths, include=include, exclude=exclude):
        yield from read_item(item, max_bytes=max_bytes, published=published)


def expand_paths(
    paths: Iterable[str | os.PathLike[str]], *, include: Iterable[str] = (), exclude: Iterable[str] = ()
) -> list[Path | str]:
    """The files to read: directories walked recursively and filtered; ``-`` stays for stdin."""
    include, exclude = tuple(include), tuple(exclude)
    out: list[Path | str] = []
    for raw in paths:
        if str(raw) == "-":
            out.append("-")
            continue
        path = Path(raw)
        if path.is_dir():
            out.extend(_walk(path, include, exclude))
        else:
            out.append(path)
    return out


def read_item(item: Path | str, *, max_bytes: int, published: str | None = None) -> Iterator[PageOrError]:
    """Pages of a file, of ``-`` (standard input) or of a range of a table's rows (``PATH#rows=0-200``,
    see :func:`~newsgraph.ingest.read.table.row_range`; a file really named so is read whole)."""
    if item == "-":
        yield from read_bytes(sys.stdin.buffer.read(max_bytes + 1), "<stdin>", "", max_bytes, published)
        return
    ranged = None if os.path.lexists(item) else parse_row_range(item)
    if ranged is not None:
        yield from read_file(ranged[0], max_bytes=max_bytes, published=published, rows=ranged[1])
    else:
        yield from read_file(Path(item), max_bytes=max_bytes, published=published)


def estimate_pages(item: Path | str) -> int:
    """How many pages a file will yield (rows for tables), for progress bars. Cheap, never raises."""
    ranged = None if isinstance(item, str) or item.exists() else parse_row_range(item)
    if ranged is not None:
        return _estimate_range(*ranged)
    if isinstance(item, str) or not item.is_file():  # never open a FIFO just to count its lines
        return 1
    suffix = item.suffix.lower()
    try:
        if suffix in CSV_SUFFIXES:
            with item.open(newline="", encoding="utf-8", errors="replace") as fh:
                return max(sum(1 for _ in csv.reader(fh)) - 1, 1)
        if suffix in JSONL_SUFFIXES:
            with item.open("rb") as fh:
                return max(sum(1 for line in fh if line.strip()), 1)
    except (OSError, csv.Error):
        return 1
    return 1


def _estimate_range(path: Path, rows: Rows) -> int:
    if rows.unit == "rows":
        return max((rows.stop if rows.stop is not None else estimate_pages(path)) - rows.start, 1)
    try:
        with path.open("rb") as fh:
            return max(sum(1 for n, line in enumerate(fh, 1) if n in rows and line.strip()), 1)
    except OSError:
        return 1


def _walk(root: Path, include: tuple[str, ...], exclude: tuple[str, ...]) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root, onerror=None):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith(".") or name in SKIP_NAMES or name.endswith(SKIP_SUFFIXES):
                continue
            file = Path(dirpath) / name
            rel = file.relative_to(root).as_posix()
            if include and not any(fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(name, g) for g in include):
                continue
            if any(fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(name, g) for g in exclude):
                continue
            yield file


def source_name(path: str | os.PathLike[str]) -> str:
    """A path as text that can be stored and printed: bytes that are not UTF-8 in a file name
    (``bad\\xff.txt``, kept by the OS as surrogates) become U+FFFD."""
    name = os.fsdecode(path)
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


_SPECIAL = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a directory"),
)


def _not_regular(mode: int, source: str) -> NotRegularFile | None:
    if stat.S_ISREG(mode):
        return None
    what = next((label for test, label in _SPECIAL if test(mode)), "not a regular file")
    return NotRegularFile(f"{source}: this is {what}, not a regular file; skipped (only files are read)", source=source)


def read_file(
    path: Path, *, max_bytes: int, published: str | None = None, rows: Rows | None = None
) -> Iterator[PageOrError]:
    """Pages of one file. Only regular files are opened (a FIFO would block, a device never end), and
    the size limit holds while reading too, whatever ``stat`` said (files under /proc report 0).
    With ``rows`` (a table's range), what concerns the whole file is reported by its first range only."""
    data = _load(path, max_bytes)
    if isinstance(data, ReadError):
        if rows is None or rows.first:
            yield data
        return
    yield from read_bytes(data, source_name(path), path.suffix.lower(), max_bytes, published, rows=rows)


def _load(path: Path, max_bytes: int) -> bytes | ReadError:
    source = source_name(path)
    try:
        special = _not_regular(os.stat(path).st_mode, source)
        if special is not None:
            return special
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(fd, "rb") as fh:
            info = os.fstat(fh.fileno())
            special = _not_regular(info.st_mode, source)  # swapped between stat and open
            if special is not None:
                return special
            if info.st_size > max_bytes:
                return TooLarge(
                    f"{source}: {info.st_size / 1e6:.1f} MB is over the {max_bytes / 1e6:.1f} MB limit; "
                    "raise it with --max-bytes or NEWSGRAPH_MAX_BYTES",
                    source=source,
                )
            data = fh.read(max_bytes + 1)
        if len(data) > max_bytes:
            return TooLarge(
                f"{source}: more than {max_bytes} bytes read (its size on disk said {info.st_size}); cut off at the "
                "limit; raise it with --max-bytes or NEWSGRAPH_MAX_BYTES",
                source=source,
            )
    except FileNotFoundError:
        return Unreadable(f"{source}: no such file or directory", source=source)
    except (PermissionError, IsADirectoryError, OSError) as exc:
        return Unreadable(f"{source}: cannot be read ({exc.strerror or exc}); check its permissions", source=source)
    return data


def read_bytes(
    data: bytes, source: str, suffix: str, max_bytes: int, published: str | None = None, *, rows: Rows | None = None
) -> Iterator[PageOrError]:
    """Pages from bytes already in memory (an upload); ``suffix`` picks the reader like a file name's;
    ``rows`` keeps what a range of a CSV or JSON Lines table yields."""
    whole = rows is None or rows.first  # whether this read reports what concerns the whole input
    if len(data) > max_bytes:
        if whole:
            yield TooLarge(
                f"{source}: {len(data) / 1e6:.1f} MB is over the {max_bytes / 1e6:.1f} MB limit", source=source
            )
        return
    try:
        decoded = decode_bytes(data, source=source)
    except Exception as exc:  # what the decoder refuses concerns the whole input
        if whole:
            yield exc if isinstance(exc, ReadError) else _unexpected(source, exc)
        return
    text = decoded.text
    try:
        if suffix in CSV_SUFFIXES:
            items: Iterable[PageOrError] = read_csv(text, source=source, rows=rows)
        elif suffix in JSONL_SUFFIXES:
            items = read_jsonl(text, source=source, rows=rows)
        elif suffix in JSON_SUFFIXES:
            items = read_json(text, source=source)
        elif suffix in HTML_SUFFIXES or looks_like_html(text):
            items = [read_html(text, source=source)]
        else:
            items = [read_text(text, source=source, published=published)]
        for item in items:
            if isinstance(item, RawPage):
                item.meta.setdefault("encoding", decoded.encoding)
                if decoded.language:
                    item.meta["language"] = decoded.language
                if decoded.warnings:
                    item.meta["warnings"] = [*decoded.warnings, *item.meta.get("warnings", [])]
                if published and item.published is None:
                    item.published = published
            yield item
    except ReadError as exc:
        yield exc
    except Exception as exc:  # a reader bug must not stop the run: report it for this item
        yield _unexpected(source, exc)


def _unexpected(source: str, exc: Exception) -> Unreadable:
    return Unreadable(f"{source}: unexpected {type(exc).__name__}: {exc}; please report this file", source=source)


__all__ = [
    "PageOrError",
    "Rows",
    "estimate_pages",
    "expand_paths",
    "iter_pages",
    "read_bytes",
    "read_file",
    "read_item",
    "row_range",
    "source_name",
]
