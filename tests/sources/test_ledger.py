"""The database side of fetching (newsgraph.sources.ledger) on SQLite and PostgreSQL."""

from __future__ import annotations

from newsgraph.sources.errors import HTTPStatusError
from newsgraph.sources.ledger import Ledger
from newsgraph.store.db import Store


def test_validators_are_kept_per_url_and_replaced(any_db_url: str) -> None:
    with Store(any_db_url) as store:
        ledger = Ledger(store.engine)
        assert ledger.validators("https://a.example/1") is None
        ledger.save_validators("https://a.example/1", '"v1"', None, "h1")
        ledger.save_validators("https://a.example/1", '"v2"', "Tue, 01 Oct 2024 10:00:00 GMT", "h2")
        found = ledger.validators("https://a.example/1")
        assert found is not None and (found.etag, found.last_modified) == ('"v2"', "Tue, 01 Oct 2024 10:00:00 GMT")
        assert ledger.validators("https://a.example/2") is None


def test_every_fetch_is_recorded_with_its_error(any_db_url: str) -> None:
    with Store(any_db_url) as store:
        ledger = Ledger(store.engine)
        ledger.record_fetch(
            "https://a.example/1",
            outcome="fetched",
            final_url="https://a.example/x",
            status=200,
            size=120,
            content_type="text/html",
            elapsed=0.25,
        )
        error = HTTPStatusError("https://a.example/2: the server answered 404", status=404)
        ledger.record_fetch("https://a.example/2", outcome=error.reason, status=404, error=error)
        last, first = ledger.fetch_log()
    assert (first["final_url"], first["bytes"], first["elapsed_ms"], first["outcome"]) == (
        "https://a.example/x",
        120,
        250.0,
        "fetched",
    )
    assert (last["status"], last["error_code"], last["outcome"]) == (404, "F005", "http_status")
    assert "404" in last["error"]


def test_sources_count_successes_failures_and_seen_entries(any_db_url: str) -> None:
    with Store(any_db_url) as store:
        ledger = Ledger(store.engine)
        sid = ledger.add_source("https://a.example/feed.xml", "feed")
        assert ledger.add_source("https://a.example/feed.xml", "feed") == sid
        urls = ["https://a.example/1", "https://a.example/2", "https://a.example/1"]
        assert ledger.unseen(sid, urls) == ["https://a.example/1", "https://a.example/2"]
        ledger.mark_seen(sid, "https://a.example/1", title="One", fetched=True)
        ledger.mark_seen(sid, "https://a.example/1", fetched=True)
        assert ledger.unseen(sid, urls) == ["https://a.example/2"]
        ledger.source_failed(sid, "the server answered 500")
        ledger.source_failed(sid, "the server answered 503")
        (row,) = ledger.list_sources()
        assert (row.failures, row.last_error, row.last_success_at) == (2, "the server answered 503", None)
        ledger.source_succeeded(sid, entries=2, pages=1)
        (row,) = ledger.list_sources()
        assert (row.failures, row.entries_seen, row.pages_fetched) == (0, 2, 1)
        assert row.last_success_at is not None
