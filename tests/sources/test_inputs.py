"""Sorting what ``newsgraph ingest`` is given (newsgraph.sources.inputs): files, URLs, URL lists, WARC archives."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.core.errors import Unreadable
from newsgraph.sources.inputs import is_warc, iter_inputs, plan_inputs


def test_urls_and_url_lists_are_kept_apart_from_files(tmp_path: Path) -> None:
    page = tmp_path / "a.txt"
    page.write_text("Title\n\nSome text of the article.\n", encoding="utf-8")
    listing = tmp_path / "urls.txt"
    listing.write_text("https://a.example/1\n# skip\nhttps://a.example/2\n", encoding="utf-8")
    plan = plan_inputs([str(page), "https://a.example/0"], url_lists=[str(listing)])
    assert plan.items == [page]
    assert plan.urls == ["https://a.example/0", "https://a.example/1", "https://a.example/2"]
    assert plan.total == 4


def test_a_missing_url_list_is_one_error_and_nothing_else_is_lost(tmp_path: Path) -> None:
    plan = plan_inputs([], url_lists=[str(tmp_path / "nope.txt")])
    items = list(iter_inputs(plan, max_bytes=1000))
    assert len(items) == 1 and isinstance(items[0], Unreadable) and "URL list" in items[0].message


def test_an_empty_plan_is_false() -> None:
    assert not plan_inputs([])


@pytest.mark.parametrize(("name", "expected"), [("x.warc.gz", True), ("X.WARC", True), ("x.warc.txt", False)])
def test_is_warc(name: str, expected: bool) -> None:
    assert is_warc(name) is expected


def test_urls_without_a_web_reader_are_a_programming_error() -> None:
    with pytest.raises(ValueError, match="no web reader"):
        list(iter_inputs(plan_inputs(["https://a.example/"]), max_bytes=1000))


@pytest.mark.parametrize(("start", "stop"), [(0, 1200), (1200, None)])
def test_a_warc_range_names_its_archive_and_bytes(start: int, stop: int | None) -> None:
    from newsgraph.sources.inputs import parse_warc_range, warc_range

    spec = warc_range("/data/crawl.warc.gz", start, stop)
    assert is_warc(spec)
    assert parse_warc_range(spec) == (Path("/data/crawl.warc.gz"), start, stop)
    assert parse_warc_range("/data/crawl.warc.gz") is None
