"""Tables derived from the facts (newsgraph.store.schema_kb): created once, emptied, and asked for by name."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, inspect, select
from sqlalchemy.engine import Connection

from newsgraph.analysis.entities import find_canonical
from newsgraph.store.db import Store
from newsgraph.store.schema_kb import (
    KB_TABLES,
    RELATED_TABLES,
    KnowledgeBaseMissing,
    canonical_entities,
    create_kb_tables,
    drop_kb_rows,
    require_kb,
)


@pytest.mark.parametrize("times", [1, 2])
def test_create_kb_tables_is_idempotent_on_both_backends(any_db_url: str, times: int) -> None:
    store = Store(any_db_url)
    try:
        for _ in range(times):
            with store.engine.begin() as conn:
                create_kb_tables(conn)
        with store.connect() as conn:
            require_kb(conn)
            assert set(inspect(conn).get_table_names()) >= {t.name for t in KB_TABLES}
    finally:
        store.close()


def _resolve_one(conn: Connection) -> Any:
    from newsgraph.kb.resolve import resolve_documents

    return resolve_documents(conn, ["x"])


def _list_events(conn: Connection) -> Any:
    from newsgraph.analysis.events import list_merged_events

    return list_merged_events(conn)


@pytest.mark.parametrize("call", [require_kb, lambda conn: find_canonical(conn, "Putin"), _resolve_one, _list_events])
def test_a_database_without_the_tables_says_what_to_do(db_url: str, call: Any) -> None:
    store = Store(db_url)
    with store.engine.begin() as conn:  # as in a database made before the knowledge-base tables existed
        for table in reversed(KB_TABLES):
            table.drop(conn)
    try:
        with store.connect() as conn, pytest.raises(KnowledgeBaseMissing, match="knowledge-base tables"):
            call(conn)
    finally:
        store.close()


def test_every_derived_table_is_on_the_shared_metadata() -> None:
    from newsgraph.store.schema import metadata

    assert all(metadata.tables[t.name] is t for t in (*KB_TABLES, *RELATED_TABLES))


def test_drop_kb_rows_empties_every_table(db_url: str) -> None:
    with Store(db_url) as store, store.engine.begin() as conn:
        row = {"id": "c1", "kind": "person", "name": "Anna Berg", "name_key": "anna berg", "block": "person|berg"}
        conn.execute(canonical_entities.insert(), row)
        drop_kb_rows(conn)
        assert conn.execute(select(func.count()).select_from(canonical_entities)).scalar_one() == 0


@pytest.mark.parametrize("index", ["ix_events_groups", "ix_mentions_entity_document"])
def test_the_analysis_indexes_exist_after_migrating(any_db_url: str, index: str) -> None:
    with Store(any_db_url) as store, store.connect() as conn:
        names = {i["name"] for t in ("events", "mentions") for i in inspect(conn).get_indexes(t)}
    assert index in names
