from __future__ import annotations

import io
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from newsgraph.core.errors import BadTable, NoText, ReadError, TooLarge, Unreadable, UnsupportedInput
from newsgraph.core.model import RawPage
from newsgraph.ingest.read import estimate_pages, expand_paths, iter_pages

LIMIT = 20 * 1024 * 1024


def pages(*paths: Path | str, **kw) -> list[RawPage | ReadError]:
    return list(iter_pages([str(p) for p in paths], max_bytes=kw.pop("max_bytes", LIMIT), **kw))


@pytest.mark.parametrize("name", ["no_teasers.txt"])
def test_text_dump_keeps_lines_and_takes_published(fixtures: Path, name: str) -> None:
    [page] = pages(fixtures / "pages" / name, published="2024-01-02")
    assert isinstance(page, RawPage)
    assert page.kind == "text" and page.published == "2024-01-02"
    assert page.text is not None and page.text.startswith("Harbour workers strike")
    assert page.meta["encoding"] == "utf-8"


@pytest.mark.parametrize("name", ["simple.html", "broken.html"])
def test_html_gives_text_title_and_date(fixtures: Path, name: str) -> None:
    [page] = pages(fixtures / "pages" / name)
    assert isinstance(page, RawPage) and page.kind == "html"
    assert page.text and "Copyright" not in page.text and "Home | World" not in page.text
    if name == "simple.html":
        assert page.title == "Ministers meet to discuss fishing quotas"
        assert page.published == "2024-03-05"


@pytest.mark.parametrize("name", ["nav_only.html"])
def test_html_without_body_text_is_an_error(fixtures: Path, name: str) -> None:
    [err] = pages(fixtures / "pages" / name)
    assert isinstance(err, NoText)
    assert "no article text" in err.message


@pytest.mark.parametrize("name", ["records.csv"])
def test_csv_rows_are_pages_and_empty_rows_errors(fixtures: Path, name: str) -> None:
    first, second = pages(fixtures / name)
    assert isinstance(first, RawPage) and first.kind == "record"
    assert first.published == "2021-05-03" and first.url == "https://example.org/a"
    assert first.title == "Election commission sets date for vote"
    assert isinstance(second, NoText) and "#row=1" in second.source


@pytest.mark.parametrize("name", ["records.jsonl"])
def test_jsonl_rows_are_pages(fixtures: Path, name: str) -> None:
    [page] = pages(fixtures / name)
    assert isinstance(page, RawPage) and page.title == "Central bank raises rates"


@pytest.mark.parametrize("header", ["url,date,headline,body\n", "url;date;title;text\n"])
def test_csv_missing_columns_is_one_error(tmp_path: Path, header: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(header + "a,b,c,d\n")
    [err] = pages(path)
    assert isinstance(err, BadTable) and "missing column" in err.message


@pytest.mark.parametrize("content", ['{"about": "not records"}', "[1, 2, 3]"])
def test_json_that_is_not_records_is_refused(tmp_path: Path, content: str) -> None:
    path = tmp_path / "x.json"
    path.write_text(content)
    [err] = pages(path)
    assert isinstance(err, BadTable | UnsupportedInput)


@pytest.mark.parametrize("size", [2048])
def test_files_over_the_limit_are_refused(tmp_path: Path, size: int) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * size)
    [err] = pages(path, max_bytes=1000)
    assert isinstance(err, TooLarge) and "--max-bytes" in err.message


@pytest.mark.parametrize("name", ["missing.txt"])
def test_missing_file_is_unreadable(tmp_path: Path, name: str) -> None:
    [err] = pages(tmp_path / name)
    assert isinstance(err, Unreadable)


@pytest.mark.parametrize("name", ["secret.txt"])
def test_unreadable_file_in_a_directory_is_reported_and_others_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    (tmp_path / "ok.txt").write_text("Title line here\n\nA body paragraph that is long enough to be an article.\n")
    (tmp_path / name).write_text("hidden")
    real = os.open

    def guarded(path: Any, flags: int, *args: Any) -> int:  # root reads everything: simulate a permission error
        if Path(path).name == name:
            raise PermissionError(13, "Permission denied")
        return real(path, flags, *args)

    monkeypatch.setattr(os, "open", guarded)
    items = pages(tmp_path)
    assert sum(isinstance(i, RawPage) for i in items) == 1
    [err] = [i for i in items if isinstance(i, Unreadable)]
    assert "Permission denied" in err.message and "permissions" in err.message


@pytest.mark.parametrize(("include", "exclude", "expected"), [((), (), 3), (("*.txt",), (), 2), ((), ("b*",), 2)])
def test_directories_are_walked_with_globs(tmp_path: Path, include, exclude, expected: int) -> None:
    (tmp_path / "sub").mkdir()
    for name in ("a.txt", "sub/b.txt", "c.html"):
        (tmp_path / name).write_text("x")
    (tmp_path / ".hidden.txt").write_text("x")
    assert len(expand_paths([tmp_path], include=include, exclude=exclude)) == expected


@pytest.mark.parametrize("text", ["Stdin headline\n\nA paragraph read from standard input, long enough.\n"])
def test_stdin_is_read(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    [page] = pages("-")
    assert isinstance(page, RawPage) and page.source == "<stdin>"


@pytest.mark.parametrize("name", ["records.csv"])
def test_estimate_pages_counts_table_rows(fixtures: Path, name: str) -> None:
    assert estimate_pages(fixtures / name) == 2
