"""URLs → pages (newsgraph.sources.web): conditional GET with stored validators, every fetch recorded."""

from __future__ import annotations

import pytest
from pytest_httpserver import HTTPServer

from newsgraph.core.model import RawPage
from newsgraph.sources.errors import HTTPStatusError
from newsgraph.sources.fetch import Fetcher
from newsgraph.sources.ledger import Ledger
from newsgraph.sources.settings import FetchSettings
from newsgraph.sources.web import FetchCounts, WebReader, is_url, read_url_list
from newsgraph.store.db import Store

ARTICLE = (
    "<!DOCTYPE html><html><head><title>Ministers meet on quotas</title></head><body><article>"
    "<h1>Ministers meet on quotas</h1><p>Fisheries ministers from five coastal states met in Nordby on Tuesday "
    "to discuss fishing quotas for the coming season, after scientists warned that cod stocks had fallen.</p>"
    "</article></body></html>"
)


def reader(db_url: str) -> tuple[WebReader, Store]:
    store = Store(db_url)
    settings = FetchSettings.load(env={}, allow_private=True, delay=0.0, retries=0)
    return WebReader(Fetcher(settings), Ledger(store.engine)), store


def test_a_second_read_sends_the_validators_and_gets_nothing_new(site: HTTPServer, db_url: str) -> None:
    site.expect_request("/a", headers={"If-None-Match": '"v1"'}).respond_with_data("", status=304)
    site.expect_request("/a").respond_with_data(ARTICLE, content_type="text/html", headers={"ETag": '"v1"'})
    web, store = reader(db_url)
    with store:
        (page,) = list(web.read_url(site.url_for("/a"), max_bytes=1_000_000))
        assert isinstance(page, RawPage) and page.url == site.url_for("/a") and page.fetched_at is not None
        assert list(web.read_url(site.url_for("/a"), max_bytes=1_000_000)) == []
        assert (web.counts.fetched, web.counts.not_modified) == (1, 1)
        outcomes = [row["outcome"] for row in Ledger(store.engine).fetch_log()]
    assert outcomes == ["not_modified", "fetched"]


def test_a_failed_fetch_is_yielded_and_recorded(site: HTTPServer, db_url: str) -> None:
    site.expect_request("/gone").respond_with_data("", status=410)
    web, store = reader(db_url)
    with store:
        (error,) = list(web.read_url(site.url_for("/gone"), max_bytes=1_000_000))
        assert isinstance(error, HTTPStatusError) and error.source == site.url_for("/gone")
        (row,) = Ledger(store.engine).fetch_log()
    assert (row["status"], row["outcome"], web.counts.failed) == (410, "http_status", 1)


def test_the_final_url_of_a_redirect_is_the_page_url(site: HTTPServer, db_url: str) -> None:
    site.expect_request("/short").respond_with_data("", status=302, headers={"Location": "/long/story"})
    site.expect_request("/long/story").respond_with_data(ARTICLE, content_type="text/html")
    web, store = reader(db_url)
    with store:
        (page,) = list(web.read_url(site.url_for("/short"), max_bytes=1_000_000))
    assert page.url == site.url_for("/long/story")
    assert page.meta["requested_url"] == site.url_for("/short")


@pytest.mark.parametrize(("text", "expected"), [("https://a.example/x", True), (" HTTP://A/", True), ("a.html", False)])
def test_is_url(text: str, expected: bool) -> None:
    assert is_url(text) is expected


def test_a_url_list_skips_blanks_and_comments() -> None:
    assert read_url_list(["# outlets\n", "https://a.example/1\n", "\n", "  https://b.example/2  "]) == [
        "https://a.example/1",
        "https://b.example/2",
    ]


def test_the_counts_line_says_what_happened() -> None:
    assert FetchCounts(fetched=0, not_modified=3).line() == (
        "fetched 0 new pages, 3 not modified since the last run (conditional GET)"
    )


def test_an_unexpected_failure_costs_only_its_url() -> None:
    class Broken:
        def fetch(self, url: str, **kwargs: object) -> None:
            raise RuntimeError("boom")

        def close(self) -> None:
            pass

    web = WebReader(Broken())  # type: ignore[arg-type]
    (error,) = list(web.read_url("https://a.example/x", max_bytes=1000))
    assert "unexpected RuntimeError: boom" in error.message and web.counts.failed == 1
