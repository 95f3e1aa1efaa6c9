"""The tables of pending work (newsgraph.store.schema_work; revision 0002 creates them, tested with the
other revisions in tests/store/test_migrations.py)."""

from __future__ import annotations

from newsgraph.store.db import Store
from newsgraph.store.schema_work import KB_REBUILD, WORK_TABLES, clear_pending, has_pending, set_pending


def test_pending_tasks_are_set_once_and_cleared(any_db_url: str) -> None:
    with Store(any_db_url) as store, store.engine.begin() as conn:
        assert not has_pending(conn, KB_REBUILD)
        set_pending(conn, KB_REBUILD)
        set_pending(conn, KB_REBUILD)
        assert has_pending(conn, KB_REBUILD)
        clear_pending(conn, KB_REBUILD)
        assert not has_pending(conn, KB_REBUILD)


def test_the_work_tables_are_on_the_shared_metadata() -> None:
    from newsgraph.store.schema import metadata

    assert all(metadata.tables[t.name] is t for t in WORK_TABLES)
