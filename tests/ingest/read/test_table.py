from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from newsgraph.core.errors import BadTable
from newsgraph.core.model import RawPage
from newsgraph.ingest.read import read_item
from newsgraph.ingest.read.table import Rows, parse_row_range, read_jsonl, row_range

LIMIT = 20 * 1024 * 1024
COLUMNS = ["url", "date", "title", "text"]


def story(i: int) -> dict[str, str]:
    """An invented row whose text holds quoted words, a comma and blank lines (newlines inside a CSV field)."""
    text = f'Harbour board meeting number {i} ended late.\n\n"We will vote again," a member said, after {i} hours.'
    return {"url": f"https://news.example/{i}", "date": "2024-02-03", "title": f"Board meeting {i}", "text": text}


def write_csv(path: Path, n: int, *, empty: int = 4, wide: int = 6) -> Path:
    """``n`` rows, row ``empty`` without text, row ``wide`` with a field past the header's (a warning)."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(COLUMNS)
    for i in range(n):
        row = story(i)
        if i == empty:
            row["text"] = ""
        writer.writerow([row[c] for c in COLUMNS] + (["stray"] if i == wide else []))
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


def write_jsonl(path: Path, n: int) -> Path:
    lines = [json.dumps(story(i), ensure_ascii=False) for i in range(n)]
    lines[2] = ""  # a blank line
    lines[5] = "{not json"
    lines[7] = "[1, 2]"
    lines[9] = json.dumps({**story(9), "text": story(9)["text"] + "\u2028A line separator inside."}, ensure_ascii=False)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def outcome(items: list[Any]) -> list[tuple[Any, ...]]:
    return [
        (type(i).__name__, i.source, getattr(i, "text", None), str(getattr(i, "meta", {}).get("warnings")))
        for i in items
    ]


def ranges(path: Path, first: int, total: int, size: int) -> list[str]:
    starts = list(range(first, total, size))
    return [row_range(path, a, starts[k + 1] if k + 1 < len(starts) else None) for k, a in enumerate(starts)]


@pytest.mark.parametrize("size", [1, 2, 3, 7, 50])
def test_csv_row_ranges_read_exactly_what_the_whole_file_gives(tmp_path: Path, size: int) -> None:
    path = write_csv(tmp_path / "board.csv", 12)
    whole = list(read_item(path, max_bytes=LIMIT))
    assert sum(isinstance(i, RawPage) for i in whole) == 11 and "\n\n" in whole[0].text
    parts = [item for r in ranges(path, 0, 12, size) for item in read_item(r, max_bytes=LIMIT)]
    assert outcome(parts) == outcome(whole)


@pytest.mark.parametrize("size", [1, 2, 4, 50])
def test_jsonl_line_ranges_read_exactly_what_the_whole_file_gives(tmp_path: Path, size: int) -> None:
    path = write_jsonl(tmp_path / "board.jsonl", 12)
    whole = list(read_item(path, max_bytes=LIMIT))
    assert [type(i).__name__ for i in whole].count("BadTable") == 2
    parts = [item for r in ranges(path, 1, 13, size) for item in read_item(r, max_bytes=LIMIT)]
    assert outcome(parts) == outcome(whole)


@pytest.mark.parametrize("name", ["board.csv", "board.jsonl"])
def test_a_missing_column_is_reported_once_by_the_first_range(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    if name.endswith(".csv"):
        path.write_text("url,headline\nhttps://news.example/1,A\nhttps://news.example/2,B\n", encoding="utf-8")
    else:
        path.write_text('{"url": "u1", "headline": "A"}\n{"url": "u2", "headline": "B"}\n', encoding="utf-8")
    first = 0 if name.endswith(".csv") else 1
    found = [[type(i) for i in read_item(r, max_bytes=LIMIT)] for r in ranges(path, first, first + 2, 1)]
    assert found == [[BadTable], []]


@pytest.mark.parametrize("name", ["empty.csv"])
def test_a_file_level_error_is_reported_by_the_first_range_only(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    assert [len(list(read_item(r, max_bytes=LIMIT))) for r in ranges(path, 0, 4, 2)] == [1, 0]


@pytest.mark.parametrize("text", ["Ferry service resumes\u2028after the storm", "A\x85B with a next-line character"])
def test_jsonl_lines_end_at_newline_only(text: str) -> None:
    line = json.dumps({"title": "Ferry", "text": text * 5}, ensure_ascii=False)
    [page] = list(read_jsonl(line + "\r\n", source="f.jsonl"))
    assert isinstance(page, RawPage) and page.text == text * 5 and page.source == "f.jsonl#line=1"


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("/data/a.csv#rows=0-200", (Path("/data/a.csv"), Rows("rows", 0, 200))),
        ("/data/a.jsonl#lines=201-", (Path("/data/a.jsonl"), Rows("lines", 201, None))),
        ("/data/a.csv#lines=1-5", None),  # the unit must be the file's
        ("/data/a.html#rows=0-5", None),
        ("/data/a.csv", None),
    ],
)
def test_row_range_names_parse_back(spec: str, expected: tuple[Path, Rows] | None) -> None:
    assert parse_row_range(spec) == expected
    if expected is not None:
        assert row_range(expected[0], expected[1].start, expected[1].stop) == spec


@pytest.mark.parametrize(
    ("rows", "inside", "outside", "first"),
    [
        (Rows("rows", 2, 4), [2, 3], [1, 4], False),
        (Rows("lines", 1), [1, 99], [0], True),
        (Rows("rows"), [0], [-1], True),
    ],
)
def test_rows_hold_their_start_and_not_their_stop(
    rows: Rows, inside: list[int], outside: list[int], first: bool
) -> None:
    assert all(p in rows for p in inside) and not any(p in rows for p in outside)
    assert rows.first is first
