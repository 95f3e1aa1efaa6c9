"""What the pages show that needs the analyses (newsgraph.analysis.overview): stance board, home, related."""

from __future__ import annotations

from datetime import date

import pytest

from newsgraph.analysis.overview import WINDOW_DAYS, counts, home, related_articles, stance_board
from newsgraph.store.db import Store
from newsgraph.store.filters import Filters
from newsgraph.store.queries import latest_date, list_articles
from tests.api_fixtures import XSS_TITLE, build
from tests.kb_fixtures import database


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def kb(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp(f"overview-{request.param}")
    with database(request.param, folder) as url:
        ids = build(url, folder / "pages", with_seed=False)
        store = Store(url)
        try:
            with store.connect() as conn:
                yield conn, ids
        finally:
            store.close()


@pytest.mark.parametrize("as_of", [None, "2024-05-06", "2024-05-05"])
def test_stance_board(kb, as_of: str | None) -> None:
    conn, _ = kb
    board = stance_board(conn, Filters.make(until=as_of))
    kaz = [c for c in board["cells"] if c["country"] == "KAZ"]
    assert bool(kaz) == (as_of != "2024-05-05")
    assert board["all_issues"]


@pytest.mark.parametrize("limit", [5])
def test_home(kb, limit: int) -> None:
    conn, _ = kb
    page = home(conn, limit=limit)
    assert page["articles"] and len(page["articles"]) <= limit and page["pages"] == -(-page["articles_total"] // limit)
    newest = latest_date(conn)
    assert page["until"] == newest  # the last 30 days of the data, not of the clock
    assert (date.fromisoformat(newest) - date.fromisoformat(page["since"])).days == WINDOW_DAYS - 1
    assert page["popular"] or page["top_events"]
    assert home(conn, Filters.make(since="2024"), limit=limit)["since"] == "2024"
    everything = home(conn, limit=limit, days=0)
    assert everything["since"] is None and len(everything["popular"]) >= len(page["popular"])
    second = home(conn, limit=limit, page=2)
    assert {a["id"] for a in second["articles"]}.isdisjoint(a["id"] for a in page["articles"])


def test_counts(kb) -> None:
    conn, _ = kb
    got = counts(conn)
    assert got["articles"] == list_articles(conn, role="main", limit=1)[1]
    assert got["events"] >= 10 and got["persons"] >= 5 and got["countries"] >= 5


@pytest.mark.parametrize("title", [XSS_TITLE])
def test_related_articles_are_a_list_even_when_they_cannot_be_computed(kb, title: str) -> None:
    conn, ids = kb
    assert isinstance(related_articles(conn, ids[title]), list)
