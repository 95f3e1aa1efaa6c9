"""One canonical entity across articles (newsgraph.analysis.entities): look-up, facts, merges, profile."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from newsgraph.analysis.entities import (
    UnknownEntity,
    entity_facts,
    entity_profile,
    explain,
    find_canonical,
    merge_decisions,
)
from newsgraph.kb.resolve import resolve_new
from newsgraph.store.db import Store
from newsgraph.store.facts import entity_id
from newsgraph.store.schema import quotes
from tests.resolve_fixtures import E, P, add_doc, kb_store, putin_kb_at


@pytest.fixture
def putin_kb(any_db_url: str) -> Iterator[Store]:
    yield from putin_kb_at(any_db_url)


@pytest.fixture
def kb(any_db_url: str) -> Iterator[Store]:
    with kb_store(any_db_url) as store:
        yield store


@pytest.mark.parametrize(
    "name",
    ["Vladimir Putin", "vladimir putin", "Putin", "President Vladimir Putin", "Russian President Vladimir Putin"],
)
def test_find_canonical_by_name_alias_or_titled_name(putin_kb: Store, name: str) -> None:
    with putin_kb.connect() as conn:
        assert find_canonical(conn, name)[0].name == "Vladimir Putin"


@pytest.mark.parametrize("name", ["Nobody Atall", ""])
def test_an_unknown_name_raises_a_named_error(putin_kb: Store, name: str) -> None:
    with putin_kb.connect() as conn, pytest.raises(UnknownEntity, match="no entity named"):
        find_canonical(conn, name)


@pytest.mark.parametrize("limit", [10])
def test_entity_facts_shape(putin_kb: Store, limit: int) -> None:
    with putin_kb.connect() as conn:
        cid = find_canonical(conn, "Putin")[0].id
        facts = entity_facts(conn, cid, limit=limit)
    assert facts["mentions"] == 3 and facts["documents"] == 2
    assert (facts["first_seen"], facts["last_seen"]) == ("2021-05-01", "2022-02-27")
    assert facts["countries"] == [{"country": "RUS", "documents": 2}]
    assert facts["names"] == ["Putin", "Vladimir Putin"]
    assert facts["roles"] == [
        {"role": "president", "as_written": "President", "first_seen": "2021-05-01", "last_seen": "2022-02-27"}
        | {"documents": ["a", "b"]}
    ]
    assert [d["id"] for d in facts["recent_documents"]] == ["b", "a"]


@pytest.mark.parametrize("expected", [{("name", "same-full-name"), ("surname in document", "title+surname")}])
def test_merge_decisions_cover_names_surnames_and_aliases(putin_kb: Store, expected: set) -> None:
    with putin_kb.connect() as conn:
        decisions = merge_decisions(conn, find_canonical(conn, "Putin")[0].id)
    assert {(d["level"], d["rule"]) for d in decisions} >= expected
    alias = [d for d in decisions if d["level"] == "alias in document"]
    assert [(d["member"], d["rule"], d["evidence_document"]) for d in alias] == [
        ("Putin", "surname-alias-in-document", "a")
    ]
    assert all(
        set(d) >= {"canonical_id", "member", "rule", "score", "evidence_document", "evidence"} for d in decisions
    )


@pytest.mark.parametrize("text", ["Ukraine must stop."])
def test_entity_profile_has_quotes_events_and_documents(kb: Store, text: str) -> None:
    with kb.engine.begin() as conn:
        add_doc(
            conn,
            "q1",
            "2022-02-26",
            [P("Vladimir Putin", "President", "RUS"), P("Sadyr Zhaparov", None, "KGZ")],
            [E("CONSULT", "Vladimir Putin", "Sadyr Zhaparov", "RUS", "KGZ", "2022-02-26")],
        )
        add_doc(
            conn,
            "q2",
            "2022-02-27",
            [P("Sadyr Zhaparov", None, "KGZ"), P("Vladimir Putin", None, "RUS")],
            [E("CONSULT", "Sadyr Zhaparov", "Vladimir Putin", "KGZ", "RUS", "2022-02-27")],
        )
        conn.execute(
            quotes.insert().values(
                document_id="q1",
                text=text,
                speaker="Putin",
                cue="say",
                speaker_entity_id=entity_id("person", "Vladimir Putin"),
                sentence=f'"{text}" Putin said.',
                start=1,
                end=1 + len(text),
            )
        )
        resolve_new(conn)
        p = entity_profile(conn, "putin")
    assert (p["kind"], p["name"], p["mentions"], p["documents"]) == ("person", "Vladimir Putin", 2, 2)
    assert [q["text"] for q in p["quotes"]] == [text]
    assert [(e["type"], e["target"]) for e in p["events_as_actor"]] == [("CONSULT", "Sadyr Zhaparov")]
    assert [(e["type"], e["actor"]) for e in p["events_as_target"]] == [("CONSULT", "Sadyr Zhaparov")]
    assert {d["id"] for d in p["recent_documents"]} == {"q1", "q2"} and p["alternatives"] == []


@pytest.mark.parametrize("call", [entity_profile, explain])
def test_unknown_names_raise_unknown_entity(kb: Store, call: Callable) -> None:
    with kb.connect() as conn, pytest.raises(UnknownEntity, match="no entity named"):
        call(conn, "Nobody Atall")
