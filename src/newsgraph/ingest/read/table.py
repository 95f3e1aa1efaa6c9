"""CSV and JSON Lines files with ``url,date,title,text`` columns → one RawPage per row.

This is the format of the shared Wikinews corpus. The ``date`` column is the
publication date. A file missing a required column is refused as a whole; a
row without text is reported on its own and the others are read.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

from newsgraph.core.errors import BadTable, NoText, ReadError, UnsupportedInput
from newsgraph.core.model import RawPage

REQUIRED = ("title", "text")
OPTIONAL = ("url", "date")

csv.field_size_limit(64 * 1024 * 1024)
_EXTRA = "\x00extra"  # where DictReader puts the fields of a row past the header's


def read_csv(text: str, *, source: str) -> Iterator[RawPage | ReadError]:
    """One page per row. Parse problems — an unterminated quote that swallows the rows after it, a row
    with too many or too few fields — are warnings on the next page read (an error when none is left)."""
    reader = csv.DictReader(io.StringIO(text), restkey=_EXTRA)
    _check_columns(reader.fieldnames or [], source)
    pending = csv_problems(text, source)
    width = len(reader.fieldnames or [])
    for n, row in enumerate(reader):
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
        yield page
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


def read_jsonl(text: str, *, source: str) -> Iterator[RawPage | ReadError]:
    checked = False
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield BadTable(
                f"{source}:{lineno}: not valid JSON ({exc.msg}); fix or remove the line",
                source=f"{source}#line={lineno}",
            )
            continue
        if not isinstance(row, dict):
            yield BadTable(f"{source}:{lineno}: expected a JSON object per line", source=f"{source}#line={lineno}")
            continue
        if not checked:
            _check_columns(list(row), source)
            checked = True
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
