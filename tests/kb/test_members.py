"""The rows entity resolution works on (newsgraph.kb.members): members, unresolved documents, orphans."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from newsgraph.analysis.entities import find_canonical
from newsgraph.kb.members import Member, drop_orphans, load_members, unresolved
from newsgraph.store.db import Store
from newsgraph.store.schema_kb import canonical_entities
from newsgraph.store.sql import insert_rows
from tests.resolve_fixtures import P, add_doc, kb_store, putin_kb_at


@pytest.fixture
def putin_kb(any_db_url: str) -> Iterator[Store]:
    yield from putin_kb_at(any_db_url)


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
