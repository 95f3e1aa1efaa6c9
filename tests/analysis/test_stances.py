from __future__ import annotations

import pytest

from newsgraph.analysis.stances import board, issue_matches
from newsgraph.store import summaries
from newsgraph.store.db import Store
from newsgraph.store.filters import Filters
from newsgraph.store.schema import documents, now, stances


def _doc(conn, doc_id: str, published: str) -> None:
    conn.execute(
        documents.insert().values(
            id=doc_id,
            role="main",
            title=f"t{doc_id}",
            body="b",
            published=published,
            content_hash=doc_id,
            created_at=now(),
        )
    )


def _stance(conn, doc_id: str, country: str, position: str, sentence: str, issue: str = "the war in Ukraine") -> None:
    conn.execute(
        stances.insert().values(
            document_id=doc_id, country=country, issue=issue, position=position, sentence=sentence, start=0, end=1
        )
    )


@pytest.fixture
def store(any_db_url: str):
    with Store(any_db_url) as s:
        with s.engine.begin() as conn:
            _doc(conn, "a", "2022-02-27")
            _doc(conn, "b", "2022-06-01")
            _stance(conn, "a", "KAZ", "no official statement", "Kazakhstan has not made a statement.")
            _stance(conn, "b", "KAZ", "neutral", "Kazakhstan said it stays neutral.")
            _stance(conn, "a", "UZB", "no official statement", "Uzbekistan has not commented.")
            _stance(conn, "b", "FRA", "opposes", "France condemned the vote.", issue="the referendum in Crimea")
            summaries.add(conn, ["a", "b"])  # as Store.save_page does after a document's facts
        yield s


def test_latest_evidence_wins_and_history_stays(store: Store) -> None:
    with store.connect() as conn:
        cells = {c.country: c for c in board(conn, issue="war Ukraine")}
    assert set(cells) == {"KAZ", "UZB"}
    kaz = cells["KAZ"]
    assert kaz.position == "neutral" and kaz.date == "2022-06-01"
    assert [e.position for e in kaz.history] == ["no official statement", "neutral"]


def test_as_of_shows_the_board_as_it_stood(store: Store) -> None:
    with store.connect() as conn:
        cells = {c.country: c for c in board(conn, Filters.make(until="2022-03-01"), issue="Ukraine")}
    assert cells["KAZ"].position == "no official statement"


@pytest.mark.parametrize(
    ("issue", "wanted", "ok"),
    [
        ("Russia's military operation in Ukraine", "operation Ukraine", True),
        ("the referendum in Crimea", "Ukraine", False),
    ],
)
def test_issue_matching(issue: str, wanted: str, ok: bool) -> None:
    assert issue_matches(issue, wanted) is ok


def test_one_country(store: Store) -> None:
    with store.connect() as conn:
        assert {c.country for c in board(conn, Filters.make(country="uzb"))} == {"UZB"}


@pytest.mark.parametrize(
    ("until", "issue"), [(None, None), (None, "war Ukraine"), ("2022-03-01", None), ("2022-03-01", "Ukraine")]
)
def test_the_latest_rows_alone_give_the_same_cells(store: Store, until: str | None, issue: str | None) -> None:
    from newsgraph.analysis.stances import cell_history, replay_points

    f = Filters.make(until=until)
    with store.connect() as conn:
        full = board(conn, f, issue=issue)
        latest = board(conn, f, issue=issue, history=False)
        points = replay_points(conn, f, issue=issue)
        for a, b in zip(full, latest, strict=True):
            assert (a.country, a.issue, a.position, a.date, a.evidence) == (
                b.country,
                b.issue,
                b.position,
                b.date,
                b.evidence,
            )
            assert b.history == [b.evidence] and b.statements == len(a.history)
            assert cell_history(conn, a.country, a.issue, f, exact=issue is None) == a.history
            assert points[(a.country, a.issue)] == [(h.date, h.position) for h in a.history]
            assert (
                replay_points(conn, f, issue=issue, last=1)[(a.country, a.issue)] == points[(a.country, a.issue)][-1:]
            )


@pytest.fixture
def clustered(store: Store) -> Store:
    """One treaty named two ways in two documents, clustered as one issue."""
    from newsgraph.kb.issues import cluster_new

    with store.engine.begin() as conn:
        _doc(conn, "c", "2022-06-03")
        summaries.subtract(conn, ["b"])  # "b" gets another stance: as re-extraction does
        _stance(
            conn,
            "b",
            "DEU",
            "supports",
            "Germany backed the treaty.",
            issue="Crimean annexation treaty (Russia, Ukraine)",
        )
        _stance(conn, "c", "FRA", "opposes", "France rejected the treaty.", issue="treaty (Russia, Ukraine)")
        _stance(conn, "c", "DEU", "opposes", "Germany rejected the treaty.", issue="treaty (Russia, Ukraine)")
        summaries.add(conn, ["b", "c"])
        cluster_new(conn)
    return store


@pytest.mark.parametrize("history", [True, False])
def test_one_column_per_issue_cluster_with_each_rows_own_issue(clustered: Store, history: bool) -> None:
    from newsgraph.analysis.stances import cell_history, replay_points

    treaty = "Crimean annexation treaty (Russia, Ukraine)"
    with clustered.connect() as conn:
        cells = {(c.country, c.issue): c for c in board(conn, history=history)}
        assert set(cells) == {
            ("KAZ", "the war in Ukraine"),
            ("UZB", "the war in Ukraine"),
            ("FRA", "the referendum in Crimea"),
            ("FRA", treaty),
            ("DEU", treaty),
        }
        deu = cells[("DEU", treaty)]
        assert deu.statements == 2 and deu.issue_key and deu.evidence.issue == "treaty (Russia, Ukraine)"
        assert cells[("FRA", treaty)].issue_key == deu.issue_key
        assert [e.issue for e in cell_history(conn, "DEU", treaty)] == [treaty, "treaty (Russia, Ukraine)"]
        assert replay_points(conn)[("DEU", treaty)] == [("2022-06-01", "supports"), ("2022-06-03", "opposes")]
        assert replay_points(conn, last=1)[("DEU", treaty)] == [("2022-06-03", "opposes")]  # the column's latest
        # the topic words of the cluster's label find every member's rows
        assert {c.country for c in board(conn, issue="annexation treaty", history=history)} == {"FRA", "DEU"}
