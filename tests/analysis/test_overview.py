"""What the pages show that needs the analyses (newsgraph.analysis.overview): stance board, home, related."""

from __future__ import annotations

import pytest

from newsgraph.analysis.overview import home, related_articles, stance_board
from newsgraph.store.db import Store
from newsgraph.store.filters import Filters
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
    assert page["articles"] and page["popular"] and len(page["articles"]) <= limit
    assert page["since"] and len(page["since"]) == 7  # the month of the newest stored date
    assert home(conn, Filters.make(since="2024"), limit=limit)["since"] == "2024"


@pytest.mark.parametrize("title", [XSS_TITLE])
def test_related_articles_are_a_list_even_when_they_cannot_be_computed(kb, title: str) -> None:
    conn, ids = kb
    assert isinstance(related_articles(conn, ids[title]), list)
