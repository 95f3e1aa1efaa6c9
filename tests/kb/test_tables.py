"""The knowledge-base tables (store/kb.py), and the helpers the resolver tests share.

Small databases are written row by row (:func:`add_doc`) so each test states exactly
the facts the resolver sees: tests/test_resolve.py and tests/test_analysis_events.py
import these helpers; the real pipeline is used only by the corpus tests there.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Connection

from newsgraph.kb.tables import (
    Member,
    UnknownEntity,
    drop_orphans,
    entity_facts,
    find_canonical,
    load_members,
    merge_decisions,
    unresolved,
)
from newsgraph.store.db import Store
from newsgraph.store.facts import entity_id
from newsgraph.store.schema import documents, entities, events, mentions, now
from newsgraph.store.schema_kb import canonical_entities, create_kb_tables, entity_links
from newsgraph.store.sql import insert_ignore, insert_rows


@dataclass
class P:
    """A person (or other entity) in a hand-written document: its name, role, country and other names."""

    name: str
    role: str | None = None
    country: str | None = None
    aliases: Sequence[str] = ()
    kind: str = "person"


@dataclass
class E:
    """An event in a hand-written document."""

    type: str
    actor: str | None = None
    target: str | None = None
    actor_country: str | None = None
    target_country: str | None = None
    date: str | None = None
    place: str | None = None
    negated: bool = False
    hypothetical: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


def open_kb(url: str) -> Store:
    """A migrated store with the knowledge-base tables (idempotent when a migration already made them)."""
    store = Store(url)
    with store.engine.begin() as conn:
        create_kb_tables(conn)
    return store


@contextmanager
def kb_store(url: str) -> Iterator[Store]:
    store = open_kb(url)
    try:
        yield store
    finally:
        store.close()


def add_doc(
    conn: Connection, doc_id: str, published: str | None, people: Sequence[P] = (), evs: Sequence[E] = ()
) -> str:
    """Store one document with its entities, mentions (name and aliases) and events, as facts.py would."""
    body = " ".join(f"{p.name} ({p.role or 'someone'}) spoke." for p in people) or "Nothing happened."
    conn.execute(
        documents.insert().values(
            id=doc_id,
            role="main",
            title=f"Document {doc_id}",
            body=body,
            published=published,
            sources="[]",
            content_hash=hashlib.sha1(doc_id.encode()).hexdigest(),
            created_at=now(),
        )
    )
    by_name: dict[str, str] = {}
    rows, mention_rows = [], []
    for p in people:
        eid = entity_id(p.kind, p.name)
        by_name[p.name] = eid
        rows.append({"id": eid, "kind": p.kind, "name": p.name, "country": p.country, "role": p.role})
        for i, text in enumerate((p.name, *p.aliases)):
            mention_rows.append(
                {"document_id": doc_id, "entity_id": eid, "text": text, "role": p.role, "country": p.country}
                | {"sentence": f"{text} said something.", "start": i * 10, "end": i * 10 + len(text)}
            )
    insert_ignore(conn, entities, rows)
    insert_rows(conn, mentions, mention_rows)
    insert_rows(
        conn,
        events,
        [
            {
                "document_id": doc_id,
                "type": e.type,
                "actor": e.actor,
                "actor_entity_id": by_name.get(e.actor or ""),
                "actor_country": e.actor_country,
                "target": e.target,
                "target_entity_id": by_name.get(e.target or ""),
                "target_country": e.target_country,
                "date": e.date,
                "place": e.place,
                "negated": e.negated,
                "hypothetical": e.hypothetical,
                "sentence": f"{e.actor} did {e.type} to {e.target}.",
                "start": 0,
                "end": 10,
            }
            | e.extra
            for e in evs
        ],
    )
    return doc_id


def links(conn: Connection) -> set[tuple[str, str, str]]:
    """Every (entity, document, canonical entity) link."""
    lk = entity_links.c
    return {(r[0], r[1], r[2]) for r in conn.execute(select(lk.entity_id, lk.document_id, lk.canonical_id))}


def canonical_of(conn: Connection, name: str, doc_id: str, kind: str = "person") -> str:
    lk = entity_links.c
    q = select(lk.canonical_id).where(lk.entity_id == entity_id(kind, name), lk.document_id == doc_id)
    return conn.execute(q).scalar_one()


# -- what the resolver reads ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("countries", "expected"), [(["GBR", "USA", "GBR"], "GBR"), (["USA", "GBR"], "GBR"), ([], None)]
)
def test_member_country_is_the_most_frequent_then_alphabetical(countries: list[str], expected: str | None) -> None:
    from collections import Counter

    m = Member("e", "d", "person", "X", None, countries=Counter(countries))
    assert m.country == expected


@pytest.mark.parametrize("published", ["2022-02-27"])
def test_load_members_groups_mentions_per_entity_and_document(any_db_url: str, published: str) -> None:
    with kb_store(any_db_url) as store, store.engine.begin() as conn:
        add_doc(conn, "d1", published, [P("Vladimir Putin", "Russian president", "RUS", ["Putin", "Putin"])])
        add_doc(conn, "d2", None, [P("Kyiv", kind="place", country="UKR")])
        members = load_members(conn, ["d1", "d2"])
    assert [(m.document_id, m.name, m.mentions) for m in members] == [
        ("d1", "Vladimir Putin", 3),
        ("d2", "Kyiv", 1),
    ]
    putin = members[0]
    assert putin.country == "RUS" and putin.roles == ["Russian president"] and putin.published == published
    assert [t[0] for t in putin.texts] == ["Vladimir Putin", "Putin", "Putin"]


@pytest.mark.parametrize("ids", [["d2", "d1", "d2", "zz"]])
def test_unresolved_lists_documents_not_resolved_yet(any_db_url: str, ids: list[str]) -> None:
    from newsgraph.kb.resolve import resolve_documents

    with kb_store(any_db_url) as store, store.engine.begin() as conn:
        add_doc(conn, "d1", "2020-01-02", [P("Ann Lee")])
        add_doc(conn, "d2", "2020-01-01", [P("Bo Kim")])
        assert unresolved(conn) == ["d2", "d1"]  # oldest first
        assert unresolved(conn, ids) == ["d1", "d2", "zz"]
        resolve_documents(conn, ["d1"])
        assert unresolved(conn) == ["d2"] and unresolved(conn, ids) == ["d2", "zz"]


# -- reading the knowledge base ---------------------------------------------------------------------


@pytest.fixture
def putin_kb(any_db_url: str) -> Iterator[Store]:
    from newsgraph.kb.resolve import resolve_new

    with kb_store(any_db_url) as store:
        with store.engine.begin() as conn:
            add_doc(conn, "a", "2021-05-01", [P("Vladimir Putin", "President", "RUS", ["Putin"])])
            add_doc(conn, "b", "2022-02-27", [P("Putin", "Russian president", "RUS")])
            resolve_new(conn)
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


@pytest.mark.parametrize("orphan", ["x1"])
def test_drop_orphans_keeps_canonical_entities_that_still_have_links(putin_kb: Store, orphan: str) -> None:
    with putin_kb.engine.begin() as conn:
        insert_rows(
            conn, canonical_entities, [{"id": orphan, "kind": "person", "name": "X", "name_key": "x", "block": "b"}]
        )
        kept = find_canonical(conn, "Putin")[0].id
        drop_orphans(conn, [orphan, kept])
        ids = set(conn.execute(select(canonical_entities.c.id)).scalars())
    assert kept in ids and orphan not in ids
