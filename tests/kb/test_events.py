"""Merged-event resolution (newsgraph.kb.events): pure rules, then merged events in small databases."""

from __future__ import annotations

from collections.abc import Iterator
from types import SimpleNamespace

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Connection

from newsgraph.analysis.events import list_merged_events
from newsgraph.kb.events import (
    Report,
    event_day,
    merged_event_id,
    near_days,
    party_key,
    same_event,
)
from newsgraph.kb.resolve import canonical_id, resolve_documents, resolve_new
from newsgraph.store.db import Store
from newsgraph.store.schema_kb import merged_event_sources, merged_events
from tests.resolve_fixtures import E, P, add_doc, kb_store

# -- pure rules -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("date", "published", "expected"),
    [
        ("2022-02-26", "2022-02-27", ("2022-02-26", True)),
        ("2022-02", "2022-02-27", ("2022-02-27", False)),  # a month is no day: undated
        (None, "2022-02-27T10:00:00+00:00", ("2022-02-27", False)),
        (None, None, (None, False)),
        ("2022-13-45", None, (None, False)),
    ],
)
def test_event_day(date: str | None, published: str | None, expected: tuple) -> None:
    assert event_day(date, published) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2022-03-01", ["2022-02-28", "2022-03-01", "2022-03-02"]),
        ("2020-12-31", ["2020-12-30", "2020-12-31", "2021-01-01"]),
    ],
)
def test_near_days(day: str, expected: list[str]) -> None:
    assert near_days(day) == expected


@pytest.mark.parametrize(
    ("canonical", "country", "key"), [("abc", "RUS", "e:abc"), (None, "RUS", "c:RUS"), (None, None, "")]
)
def test_party_key_prefers_the_canonical_entity(canonical: str | None, country: str | None, key: str) -> None:
    assert party_key(canonical, country) == key


def _report(**kw: object) -> Report:
    base = {"event_id": 1, "document_id": "d", "type": "CONSULT", "actor_key": "e:a", "target_key": "e:b"}
    return Report(**(base | {"day": "2022-02-26", "dated": True} | kw))  # type: ignore[arg-type]


def _merged(**kw: object) -> SimpleNamespace:
    base = {"type": "CONSULT", "actor_key": "e:a", "target_key": "e:b", "day": "2022-02-26", "dated": True}
    return SimpleNamespace(**(base | {"place_key": None} | kw))


@pytest.mark.parametrize(
    ("report", "merged", "same"),
    [
        ({}, {}, True),
        ({"day": "2022-02-27"}, {}, True),
        ({"day": "2022-02-28"}, {}, False),  # two days apart
        ({"type": "ASSAULT"}, {}, False),
        ({"target_key": "c:KGZ"}, {}, False),
        ({"dated": False}, {}, False),  # undated reports only join undated ones
        ({"place_key": "kyiv"}, {"place_key": "lviv"}, False),
        ({"place_key": "kyiv"}, {}, True),  # a place on one side only does not separate
        ({"actor_key": "", "target_key": ""}, {"actor_key": "", "target_key": ""}, False),  # nobody: never merged
        ({"day": None, "dated": False}, {"day": None, "dated": False}, False),
    ],
)
def test_same_event(report: dict, merged: dict, same: bool) -> None:
    assert same_event(_report(**report), _merged(**merged)) is same


@pytest.mark.parametrize("kw", [{"place_key": "kyiv"}, {"day": "2022-02-27"}])
def test_merged_event_id_is_a_pure_function_of_what_makes_the_event(kw: dict) -> None:
    assert merged_event_id(_report()) == merged_event_id(_report(event_id=99, document_id="other"))
    assert merged_event_id(_report()) != merged_event_id(_report(**kw))
    lone = {"actor_key": "", "target_key": ""}
    assert merged_event_id(_report(**lone)) != merged_event_id(_report(event_id=2, **lone))


# -- merged events in a database --------------------------------------------------------------------

PUTIN = P("Vladimir Putin", "President", "RUS")
ZHAPAROV = P("Sadyr Zhaparov", "President", "KGZ")
CALL = "CONSULT"


@pytest.fixture
def kb(any_db_url: str) -> Iterator[Store]:
    with kb_store(any_db_url) as store:
        yield store


def _merged_rows(conn: Connection) -> list[tuple[str, int, int]]:
    rows = conn.execute(select(merged_events.c.type, merged_events.c.sources, merged_events.c.documents))
    return sorted((r[0], r[1], r[2]) for r in rows)


@pytest.mark.parametrize(
    ("reports", "expected"),
    [
        # same call reported on consecutive days, then a new call three days later
        (
            [("2022-02-26", "2022-02-26"), ("2022-02-27", "2022-02-27"), ("2022-03-02", "2022-03-02")],
            [(CALL, 1, 1), (CALL, 2, 2)],
        ),
        # undated reports in documents published a day apart
        ([(None, "2022-02-26"), (None, "2022-02-27")], [(CALL, 2, 2)]),
        # undated reports in documents published three days apart
        ([(None, "2022-02-26"), (None, "2022-03-01")], [(CALL, 1, 1), (CALL, 1, 1)]),
        # a dated and an undated report are not merged
        ([("2022-02-26", "2022-02-26"), (None, "2022-02-26")], [(CALL, 1, 1), (CALL, 1, 1)]),
    ],
)
def test_reports_of_one_event_are_merged(kb: Store, reports: list[tuple], expected: list) -> None:
    with kb.engine.begin() as conn:
        for i, (date, published) in enumerate(reports):
            add_doc(
                conn, f"d{i}", published, [PUTIN, ZHAPAROV], [E(CALL, PUTIN.name, ZHAPAROV.name, "RUS", "KGZ", date)]
            )
        resolve_new(conn)
        assert _merged_rows(conn) == expected


@pytest.mark.parametrize(
    ("first", "second", "merged"),
    [
        (
            E("ASSAULT", None, None, "RUS", "UKR", "2022-02-24"),
            E("ASSAULT", None, None, "RUS", "UKR", "2022-02-24"),
            True,
        ),
        (
            E("ASSAULT", None, None, "RUS", "UKR", "2022-02-24"),
            E("ASSAULT", None, None, "RUS", "GEO", "2022-02-24"),
            False,
        ),
        (
            E("ASSAULT", None, None, "RUS", "UKR", "2022-02-24", "Kyiv"),
            E("ASSAULT", None, None, "RUS", "UKR", "2022-02-24", "Lviv"),
            False,
        ),
        (
            E("ASSAULT", None, None, "RUS", "UKR", "2022-02-24", "Kyiv"),
            E("ASSAULT", None, None, "RUS", "UKR", "2022-02-24"),
            True,
        ),
        (E("PROTEST", None, None, None, None, "2022-02-24"), E("PROTEST", None, None, None, None, "2022-02-24"), False),
    ],
)
def test_countries_stand_in_for_missing_actors_and_places_must_agree(
    kb: Store, first: E, second: E, merged: bool
) -> None:
    with kb.engine.begin() as conn:
        add_doc(conn, "a", "2022-02-24", [], [first])
        add_doc(conn, "b", "2022-02-24", [], [second])
        resolve_new(conn)
        assert len(_merged_rows(conn)) == (1 if merged else 2)


@pytest.mark.parametrize("flag", ["negated", "hypothetical"])
def test_negated_and_hypothetical_reports_are_never_merged_into_facts(kb: Store, flag: str) -> None:
    with kb.engine.begin() as conn:
        add_doc(
            conn, "a", "2022-02-26", [PUTIN, ZHAPAROV], [E(CALL, PUTIN.name, ZHAPAROV.name, "RUS", "KGZ", "2022-02-26")]
        )
        add_doc(
            conn,
            "b",
            "2022-02-26",
            [PUTIN, ZHAPAROV],
            [E(CALL, PUTIN.name, ZHAPAROV.name, "RUS", "KGZ", "2022-02-26", **{flag: True})],
        )
        resolve_new(conn)
        assert _merged_rows(conn) == [(CALL, 1, 1)]
        assert set(conn.execute(select(merged_event_sources.c.document_id)).scalars()) == {"a"}


@pytest.mark.parametrize("day", ["2022-02-26"])
def test_reports_are_merged_again_when_their_actor_is_resolved_later(kb: Store, day: str) -> None:
    with kb.engine.begin() as conn:
        add_doc(
            conn,
            "early",
            day,
            [P("Putin", "President", "RUS"), ZHAPAROV],
            [E(CALL, "Putin", ZHAPAROV.name, "RUS", "KGZ", day)],
        )
        resolve_documents(conn, ["early"])
        assert _merged_rows(conn) == [(CALL, 1, 1)]
        add_doc(conn, "late", day, [PUTIN, ZHAPAROV], [E(CALL, PUTIN.name, ZHAPAROV.name, "RUS", "KGZ", day)])
        resolve_documents(conn, ["late"])
        assert _merged_rows(conn) == [(CALL, 2, 2)]
        (event,) = list_merged_events(conn)
    assert event["actor_id"] == canonical_id("person", "vladimir putin") and event["actor"] == "Vladimir Putin"
    assert event["document_ids"] == ["early", "late"]


@pytest.mark.parametrize("order", [1, -1])
def test_merged_events_do_not_depend_on_document_order(any_db_url: str, order: int) -> None:
    docs = [("x1", "2022-02-26"), ("x2", "2022-02-27"), ("x3", "2022-02-26")][::order]
    with kb_store(any_db_url) as store, store.engine.begin() as conn:
        for doc_id, day in docs:
            add_doc(
                conn, doc_id, day, [PUTIN, ZHAPAROV], [E(CALL, PUTIN.name, ZHAPAROV.name, "RUS", "KGZ", "2022-02-26")]
            )
            resolve_documents(conn, [doc_id])
        got = [(e["id"], e["sources"]) for e in list_merged_events(conn)]
    assert got == [
        (
            merged_event_id(
                Report(
                    0,
                    "",
                    CALL,
                    f"e:{canonical_id('person', 'vladimir putin')}",
                    f"e:{canonical_id('person', 'sadyr zhaparov')}",
                    "2022-02-26",
                    True,
                )
            ),
            3,
        )
    ]
