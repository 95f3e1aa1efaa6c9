"""CSV and JSON Lines files with ``url,date,title,text`` columns → one RawPage per row.

This is the format of the shared Wikinews corpus. The ``date`` column is the
publication date. A file missing a required column is refused as a whole; a
row without text is reported on its own and the others are read.

A batch run cuts a big table into :class:`Rows` ranges, named ``PATH#rows=START-STOP`` (CSV data
rows, counted from 0 as in a page's ``#row=N``) or ``PATH#lines=START-STOP`` (JSON Lines lines,
counted from 1 as in ``#line=N``), ``STOP`` excluded or left empty for "to the end". A range is
read by reading the whole file the same way and keeping what belongs to the range, so the ranges
of a file give exactly the pages, errors and warnings of reading it whole: a CSV record may span
lines (quoted newlines) and a parse warning goes to the next page read, wherever the range starts.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from newsgraph.core.errors import BadTable, NoText, ReadError, UnsupportedInput
from newsgraph.core.model import RawPage

REQUIRED = ("title", "text")
OPTIONAL = ("url", "date")

csv.field_size_limit(64 * 1024 * 1024)
_EXTRA = "\x00extra"  # where DictReader puts the fields of a row past the header's
TABLE_SUFFIXES = {".csv": "rows", ".jsonl": "lines", ".ndjson": "lines"}
_RANGE = re.compile(r"^(?P<path>.+)#(?P<unit>rows|lines)=(?P<start>\d+)-(?P<stop>\d*)$")


@dataclass(frozen=True, slots=True)
class Rows:
    """Positions ``[start, stop)`` of a table: CSV data rows from 0, or JSON Lines lines from 1."""

    unit: str = "rows"  # "rows" (CSV) or "lines" (JSON Lines)
    start: int = 0
    stop: int | None = None

    def __contains__(self, position: object) -> bool:
        return isinstance(position, int) and self.start <= position and (self.stop is None or position < self.stop)

    @property
    def first(self) -> bool:
        """Whether this is a file's first range, the one that reports what concerns the whole file."""
        return self.start <= (1 if self.unit == "lines" else 0)

    def past(self, position: int) -> bool:
        return self.stop is not None and position >= self.stop


def row_range(path: Path | str, start: int, stop: int | None) -> str:
    """The input naming positions ``[start, stop)`` of a CSV (rows) or JSON Lines (lines) file."""
    unit = TABLE_SUFFIXES.get(Path(path).suffix.lower())
    if unit is None:
        raise ValueError(f"{path}: only CSV and JSON Lines files are read by row ranges")
    return f"{path}#{unit}={start}-{'' if stop is None else stop}"


def parse_row_range(item: Path | str) -> tuple[Path, Rows] | None:
    """``(path, rows)`` of an input named by :func:`row_range`; None for any other input."""
    match = _RANGE.match(str(item))
    if match is None:
        return None
    path = Path(match.group("path"))
    if TABLE_SUFFIXES.get(path.suffix.lower()) != match.group("unit"):
        return None
    stop = match.group("stop")
    return path, Rows(match.group("unit"), int(match.group("start")), int(stop) if stop else None)


def read_csv(text: str, *, source: str, rows: Rows | None = None) -> Iterator[RawPage | ReadError]:
    """One page per row. Parse problems — an unterminated quote that swallows the rows after it, a row
    with too many or too few fields — are warnings on the next page read (an error when none is left).
    With ``rows``, only what the rows of that range yield (the same as reading the whole file)."""
    reader = csv.DictReader(io.StringIO(text), restkey=_EXTRA)
    try:
        _check_columns(reader.fieldnames or [], source)
    except BadTable:
        if rows is None or rows.first:
            raise
        return
    pending = csv_problems(text, source)
    width = len(reader.fieldnames or [])
    n = -1
    for n, row in enumerate(reader):
        if rows is not None and rows.past(n):
            return  # the rows after the range, and the warnings they carry, are a later range's
        extra = row.pop(_EXTRA, None) or []
        fields = width + len(extra) - sum(1 for v in row.values() if v is None)
        if fields != width:
            pending.append(
                (
                    "csv_parse",
                    f"{source}: row {n} (ending at line {reader.line_num}) has {fields} fields, the header {width}",
                )
            )
        page = _row_page(row, source=f"{source}#row={n}")
        if isinstance(page, RawPage) and pending:
            page.meta["warnings"] = pending
            pending = []
        if rows is None or n in rows:
            yield page
    if rows is not None and n + 1 not in rows:
        return  # warnings left after the last row: reported by the range holding the end
    for _reason, message in pending:
        yield BadTable(message, source=source)


def csv_problems(text: str, source: str) -> list[tuple[str, str]]:
    """What a strict parse of the CSV ``text`` finds wrong (the lenient one behind :func:`read_csv` reads on)."""
    reader = csv.reader(io.StringIO(text), strict=True)
    started = 1  # the line where the row being read began
    try:
        for _row in reader:
            started = reader.line_num + 1
    except csv.Error as exc:
        where = f"the row that starts at line {started}" if started < reader.line_num else f"line {reader.line_num}"
        return [
            (
                "csv_parse",
                f"{source}: CSV parse problem in {where}: {exc}; a quote left open there swallows the rows "
                "after it: check the quoting",
            )
        ]
    return []


def read_jsonl(text: str, *, source: str, rows: Rows | None = None) -> Iterator[RawPage | ReadError]:
    """One page per line. Lines end at ``\n`` only: U+2028 or NEL inside a JSON string (what
    ``json.dumps(..., ensure_ascii=False)`` writes) are text, not line breaks. With ``rows``, only
    what the lines of that range yield; the lines before it are parsed only until the columns are
    checked (the first object decides them, as when the file is read whole)."""
    checked = False
    for lineno, line in enumerate(text.split("\n"), 1):
        if rows is not None:
            if rows.past(lineno):
                return
            if checked and lineno < rows.start:
                continue  # before the range: nothing to yield, nothing left to decide
        if not line.strip():
            continue
        wanted = rows is None or lineno in rows
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            if wanted:
                yield BadTable(
                    f"{source}:{lineno}: not valid JSON ({exc.msg}); fix or remove the line",
                    source=f"{source}#line={lineno}",
                )
            continue
        if not isinstance(row, dict):
            if wanted:
                yield BadTable(f"{source}:{lineno}: expected a JSON object per line", source=f"{source}#line={lineno}")
            continue
        if not checked:
            try:
                _check_columns(list(row), source)
            except BadTable:
                if wanted:
                    raise
                return
            checked = True
        if wanted:
            yield _row_page({k: "" if v is None else str(v) for k, v in row.items()}, source=f"{source}#line={lineno}")


def _check_columns(columns: list[str], source: str) -> None:
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise BadTable(
            f"{source}: missing column(s) {', '.join(missing)}; a table needs url,date,title,text "
            f"(found: {', '.join(columns) or 'none'})",
            source=source,
        )


def _row_page(row: dict[str, str], *, source: str) -> RawPage | ReadError:
    text = (row.get("text") or "").replace("\r\n", "\n")
    title = (row.get("title") or "").strip()
    if not text.strip():
        return NoText(f"{source}: row has an empty text column", source=source)
    return RawPage(
        source=source,
        kind="record",
        text=text,
        url=(row.get("url") or "").strip() or None,
        title=title or None,
        published=(row.get("date") or "").strip() or None,
    )


def read_json(text: str, *, source: str) -> Iterator[RawPage | ReadError]:
    """A JSON array of records (or one record object) with the table columns."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadTable(f"{source}: not valid JSON ({exc.msg} at line {exc.lineno})", source=source) from exc
    rows = data if isinstance(data, list) else [data]
    if not rows or not all(isinstance(r, dict) for r in rows):
        raise UnsupportedInput(
            f"{source}: JSON must be a record object or a list of them with url,date,title,text", source=source
        )
    _check_columns(list(rows[0]), source)
    for n, row in enumerate(rows):
        yield _row_page({k: "" if v is None else str(v) for k, v in row.items()}, source=f"{source}#item={n}")
