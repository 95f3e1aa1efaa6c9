"""The knowledge-base tables emptied at once and their indexes set aside for a bulk rebuild (newsgraph.kb.bulk)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import func, inspect, select
from sqlalchemy.engine import Connection

import newsgraph.kb.rebuild as rebuild_module
from newsgraph.kb.bulk import bulk_load, empty_kb
from newsgraph.kb.rebuild import rebuild_kb
from newsgraph.store.db import Store
from newsgraph.store.schema_kb import KB_TABLES, entity_links
from tests.resolve_fixtures import E, P, add_doc, kb_store

# Invented: a minister known by her full name and her surname, a strike, a council.
DOCS = [
    ("b1", "2023-06-01", [P("Marisol Quintero", "Labour Minister", "CHL", ["Quintero"])], [E("STRIKE", None)]),
    ("b2", "2023-06-02", [P("Quintero", "minister", "CHL")], [E("CONSULT", "Quintero", target_country="ARG")]),
    ("b3", "2023-06-02", [P("Andes Council", kind="organization", aliases=["the Council"])], []),
]


@pytest.fixture
def built(any_db_url: str) -> Iterator[Store]:
    with kb_store(any_db_url) as store:
        with store.engine.begin() as conn:
            for doc_id, published, people, evs in DOCS:
                add_doc(conn, doc_id, published, people, evs)
            rebuild_kb(conn)
        yield store


def _counts(conn: Connection) -> dict[str, int]:
    return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one() for t in KB_TABLES}


def _schema(conn: Connection) -> dict[str, tuple]:
    """Per table: its columns, indexes, primary key and foreign keys, as the database reports them."""
    inspector = inspect(conn)
    out = {}
    for t in KB_TABLES:
        columns = [(c["name"], str(c["type"]), c["nullable"]) for c in inspector.get_columns(t.name)]
        indexes = sorted((i["name"], tuple(i["column_names"])) for i in inspector.get_indexes(t.name))
        fks = inspector.get_foreign_keys(t.name)
        keys = sorted((k["referred_table"], tuple(k["constrained_columns"])) for k in fks)
        out[t.name] = (columns, indexes, inspector.get_pk_constraint(t.name)["constrained_columns"], keys)
    return out


@pytest.mark.parametrize("twice", [1, 2])
def test_empty_kb_empties_every_table_and_keeps_its_schema(built: Store, twice: int) -> None:
    with built.engine.begin() as conn:
        before, schema = _counts(conn), _schema(conn)
        for _ in range(twice):
            empty_kb(conn)
        assert set(_counts(conn).values()) == {0}
        assert _schema(conn) == schema
    assert before["entity_links"] and before["merged_events"] and before["entity_alias_links"]


@pytest.mark.parametrize("table", ["entity_links"])
def test_bulk_load_sets_indexes_aside_and_builds_them_again(built: Store, table: str) -> None:
    with built.engine.begin() as conn:
        schema = _schema(conn)
        with bulk_load(conn):
            inside = _schema(conn)
        after = _schema(conn)
    assert schema[table][1] and inside[table][1] == [] and after == schema
    if built.engine.dialect.name == "postgresql":  # foreign keys too, there
        assert schema[table][3] and inside[table][3] == []


@pytest.mark.parametrize("fail_in", ["_merge_events"])
def test_a_failed_rebuild_leaves_the_old_knowledge_base(
    built: Store, fail_in: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*args: object, **kwargs: object) -> int:
        raise RuntimeError("killed")

    with built.engine.connect() as conn:
        before, schema = _counts(conn), _schema(conn)
        links = sorted(map(tuple, conn.execute(select(entity_links))))
    monkeypatch.setattr(rebuild_module, fail_in, boom)
    with pytest.raises(RuntimeError, match="killed"), built.engine.begin() as conn:
        rebuild_kb(conn)
    with built.engine.connect() as conn:
        assert _counts(conn) == before and _schema(conn) == schema
        assert sorted(map(tuple, conn.execute(select(entity_links)))) == links


@pytest.mark.parametrize("statement", ["ANALYZE"])
def test_sqlite_planner_statistics_survive_a_rebuild(built: Store, statement: str) -> None:
    query = "SELECT tbl, idx, stat FROM sqlite_stat1 ORDER BY tbl, idx"
    with built.engine.begin() as conn:
        if conn.dialect.name != "sqlite":
            pytest.skip("SQLite's statistics table")
        conn.exec_driver_sql(statement)
        before = conn.exec_driver_sql(query).all()
        empty_kb(conn)
        rebuild_kb(conn)
        after = conn.exec_driver_sql(query).all()
    assert after == before and any(tbl == "entity_links" and idx for tbl, idx, _ in before)
