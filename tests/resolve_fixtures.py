"""Hand-written knowledge bases for the resolver tests (tests/kb, tests/analysis/test_entities.py, ...).

Small databases are written row by row (:func:`add_doc`) so each test states exactly the facts
the resolver sees; the real pipeline is used only by the corpus tests.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from newsgraph.store.db import Store
from newsgraph.store.facts import entity_id
from newsgraph.store.schema import documents, entities, events, mentions, now
from newsgraph.store.schema_kb import create_kb_tables, entity_links
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


def putin_kb_at(url: str) -> Iterator[Store]:
    """Vladimir Putin in two documents ("Putin" alone in the second), resolved."""
    from newsgraph.kb.resolve import resolve_new

    with kb_store(url) as store:
        with store.engine.begin() as conn:
            add_doc(conn, "a", "2021-05-01", [P("Vladimir Putin", "President", "RUS", ["Putin"])])
            add_doc(conn, "b", "2022-02-27", [P("Putin", "Russian president", "RUS")])
            resolve_new(conn)
        yield store
