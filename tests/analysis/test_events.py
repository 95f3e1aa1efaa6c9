"""Reading merged events (newsgraph.analysis.events): the filtered list and the reports behind one event."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.engine import Connection

from newsgraph.analysis.events import event_sources, list_merged_events
from newsgraph.kb.resolve import canonical_id, resolve_new
from newsgraph.store.db import Store
from newsgraph.store.filters import Filters
from tests.resolve_fixtures import E, P, add_doc, kb_store

PUTIN = P("Vladimir Putin", "President", "RUS")
ZHAPAROV = P("Sadyr Zhaparov", "President", "KGZ")
CALL = "CONSULT"


@pytest.fixture
def kb(any_db_url: str) -> Iterator[Store]:
    with kb_store(any_db_url) as store:
        yield store


@pytest.fixture
def many(kb: Store) -> Iterator[Connection]:
    with kb.engine.begin() as conn:
        add_doc(
            conn,
            "c1",
            "2022-02-26",
            [PUTIN, ZHAPAROV],
            [E(CALL, PUTIN.name, ZHAPAROV.name, "RUS", "KGZ", "2022-02-26")],
        )
        add_doc(
            conn,
            "c2",
            "2022-02-27",
            [PUTIN, ZHAPAROV],
            [E(CALL, PUTIN.name, ZHAPAROV.name, "RUS", "KGZ", "2022-02-26")],
        )
        add_doc(conn, "s1", "2022-03-05", [], [E("SANCTION", None, None, "USA", "RUS", "2022-03-05")])
        add_doc(conn, "p1", "2021-01-23", [], [E("PROTEST", None, None, "RUS", None, None)])
        resolve_new(conn)
        yield conn


@pytest.mark.parametrize(
    ("kw", "expected"),
    [
        ({}, [("SANCTION", "2022-03-05", 1), (CALL, "2022-02-26", 2), ("PROTEST", "2021-01-23", 1)]),
        ({"event_type": "consult"}, [(CALL, "2022-02-26", 2)]),
        ({"country": "kgz"}, [(CALL, "2022-02-26", 2)]),
        ({"country": "RUS", "since": "2022-03"}, [("SANCTION", "2022-03-05", 1)]),
        ({"until": "2021"}, [("PROTEST", "2021-01-23", 1)]),
        ({"entity": canonical_id("person", "sadyr zhaparov")}, [(CALL, "2022-02-26", 2)]),
        ({"entity": canonical_id("person", "sadyr zhaparov"), "role": "actor"}, []),
        ({"limit": 1, "offset": 1}, [(CALL, "2022-02-26", 2)]),
    ],
)
def test_list_merged_events_filters_and_orders(many: Connection, kw: dict, expected: list) -> None:
    given = {k: v for k, v in kw.items() if k in ("event_type", "country", "since", "until")}
    rest = {k: v for k, v in kw.items() if k not in given}
    got = list_merged_events(many, Filters.make(**given), **rest)
    assert [(e["type"], e["day"], e["sources"]) for e in got] == expected


@pytest.mark.parametrize("event_type", [CALL])
def test_list_merged_events_shape_and_sources(many: Connection, event_type: str) -> None:
    (event,) = list_merged_events(many, Filters.make(event_type=event_type))
    assert set(event) >= {"id", "type", "actor", "target", "actor_country", "target_country", "date", "place"}
    assert (event["actor"], event["target"], event["documents"], event["document_ids"]) == (
        "Vladimir Putin",
        "Sadyr Zhaparov",
        2,
        ["c1", "c2"],
    )
    sources = event_sources(many, event["id"])
    assert [s["document_id"] for s in sources] == ["c1", "c2"]
    assert all(s["sentence"] and s["end"] > s["start"] for s in sources)
    undated = list_merged_events(many, Filters.make(event_type="PROTEST"))[0]
    assert (undated["date"], undated["day"], undated["dated"]) == (None, "2021-01-23", False)
