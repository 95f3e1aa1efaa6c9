"""Voices listed apart from the stance board (newsgraph.analysis.voices): filters by issue (topic words or a
stored label), person (name or entity id), the speaker's country and dates; newest first, paged; both backends."""

from __future__ import annotations

import pytest
from sqlalchemy import insert

from newsgraph.analysis.voices import list_voices, voice_issues
from newsgraph.store.db import Store
from newsgraph.store.facts import entity_id
from newsgraph.store.filters import Filters
from newsgraph.store.schema import documents, entities, now, voices

ANA, TOM = entity_id("person", "Ana Pell"), entity_id("person", "Tom Sample")
DOCS = (("d1", "Port deal signed", "2024-03-01"), ("d2", "Port deal row", "2024-03-09"), ("d3", "Dam plan", None))
VOICES = (
    # document, speaker, entity, country, issue, position, own date
    ("d1", "Ana Pell", ANA, "PER", "port deal (Chile, Peru)", "opposes", None),
    ("d2", "Tom Sample", TOM, "CHL", "port deal (Chile, Peru)", "supports", None),
    ("d2", "Ana Pell", ANA, "PER", "port deal (Chile, Peru)", "neutral", "2024-03-10"),
    ("d3", "Tom Sample", TOM, None, "river dam plan", "supports", None),
)


def build_voices(url: str) -> Store:
    """A database holding :data:`DOCS` and :data:`VOICES` (written directly: no parse)."""
    store = Store(url)
    with store.engine.begin() as conn:
        conn.execute(
            insert(documents),
            [
                {
                    "id": i,
                    "role": "main",
                    "title": t,
                    "body": "x",
                    "published": p,
                    "content_hash": i,
                    "created_at": now(),
                }
                for i, t, p in DOCS
            ],
        )
        conn.execute(insert(entities), [{"id": ANA, "kind": "person", "name": "Ana Pell", "country": "PER"}])
        conn.execute(insert(entities), [{"id": TOM, "kind": "person", "name": "Tom Sample", "country": "CHL"}])
        rows = [
            {
                "document_id": d,
                "speaker": s,
                "speaker_entity_id": e,
                "country": c,
                "issue": i,
                "position": p,
                "date": day,
                "sentence": f"{s} spoke.",
                "start": 0,
                "end": len(s),
            }
            for d, s, e, c, i, p, day in VOICES
        ]
        conn.execute(insert(voices), rows)
    return store


@pytest.fixture
def store(any_db_url: str):
    with build_voices(any_db_url) as s:
        yield s


def _who(rows: list[dict]) -> list[tuple[str, str, str | None]]:
    return [(r["speaker"], r["position"], r["date"]) for r in rows]


def test_every_voice_newest_first_with_its_document(store: Store) -> None:
    with store.connect() as conn:
        rows, total = list_voices(conn)
    assert total == 4
    assert _who(rows) == [
        ("Ana Pell", "neutral", "2024-03-10"),  # its own date
        ("Tom Sample", "supports", "2024-03-09"),  # else its document's
        ("Ana Pell", "opposes", "2024-03-01"),
        ("Tom Sample", "supports", None),  # undated last
    ]
    assert rows[1]["title"] == "Port deal row" and rows[1]["speaker_entity_id"] == TOM


@pytest.mark.parametrize(
    ("kw", "expected"),
    [
        ({"issue": "port"}, 3),  # topic words, as the board takes them
        ({"issue": "river dam plan", "exact": True}, 1),  # a stored label
        ({"issue": "port", "exact": True}, 0),
        ({"issue": "fisheries"}, 0),
        ({"person": "pell"}, 2),  # part of the name
        ({"person": TOM}, 2),  # an entity id
        ({"entity": ANA}, 2),
        ({"person": "pell", "issue": "port deal"}, 2),
    ],
)
def test_filters(store: Store, kw: dict, expected: int) -> None:
    with store.connect() as conn:
        rows, total = list_voices(conn, **kw)
    assert total == len(rows) == expected


def test_country_and_dates_are_the_speakers_and_the_rows(store: Store) -> None:
    with store.connect() as conn:
        chile, n = list_voices(conn, Filters.make(country="CHL"))
        march, m = list_voices(conn, Filters.make(since="2024-03-05", until="2024-03-09"))
    assert n == 1 and chile[0]["speaker"] == "Tom Sample"
    assert m == 1 and _who(march) == [("Tom Sample", "supports", "2024-03-09")]


def test_paging_keeps_the_total(store: Store) -> None:
    with store.connect() as conn:
        rows, total = list_voices(conn, limit=1, offset=1)
    assert total == 4 and _who(rows) == [("Tom Sample", "supports", "2024-03-09")]


def test_voice_issues(store: Store) -> None:
    with store.connect() as conn:
        assert voice_issues(conn) == ["port deal (Chile, Peru)", "river dam plan"]


def test_a_clustered_label_carries_its_issue_and_the_boards_column_finds_it(store: Store) -> None:
    from newsgraph.store.schema_kb import issue_cluster_members, issue_clusters

    with store.engine.begin() as conn:
        conn.execute(insert(issue_clusters).values(key="k1", label="port agreement (Chile, Peru)", members=1))
        member = {"issue": "port deal (Chile, Peru)", "cluster_key": "k1", "documents": 2, "countries": "CHL PER"}
        conn.execute(insert(issue_cluster_members).values(**member, rule="names", score=1.0))
    with store.connect() as conn:
        column, n = list_voices(conn, issue="port agreement (Chile, Peru)", exact=True)  # a column of the board
        _, m = list_voices(conn, issue="agreement")  # the cluster's label holds the topic word
        dam, _ = list_voices(conn, issue="dam")
    assert n == m == 3
    assert {(r["issue"], r["issue_key"], r["issue_label"]) for r in column} == {
        ("port deal (Chile, Peru)", "k1", "port agreement (Chile, Peru)")
    }
    assert [(r["issue_key"], r["issue_label"]) for r in dam] == [(None, "river dam plan")]  # not clustered
