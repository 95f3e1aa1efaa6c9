"""The tables of pending work and the extraction columns (newsgraph.store.schema_work, migration 7)."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import create_engine, inspect, select

from newsgraph.store.db import Store
from newsgraph.store.schema import documents
from newsgraph.store.schema_work import (
    BASELINE_EXTRACTOR,
    KB_REBUILD,
    add_extraction_columns,
    clear_pending,
    has_pending,
    set_pending,
)
from tests.conftest import FIXTURES


def test_a_database_from_before_the_columns_gets_them_and_its_extracted_documents_are_stamped(tmp_path: Path) -> None:
    path = tmp_path / "v5.sqlite"
    shutil.copy(FIXTURES / "db" / "v5.sqlite", path)
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        assert "extractor_version" not in {c["name"] for c in inspect(conn).get_columns("documents")}
        add_extraction_columns(conn)
        add_extraction_columns(conn)  # idempotent
        stamped = set(conn.execute(select(documents.c.extractor_version, documents.c.extraction)).all())
    engine.dispose()
    assert stamped == {(BASELINE_EXTRACTOR, "ok")}  # every document of that database was extracted


def test_pending_tasks_are_set_once_and_cleared(any_db_url: str) -> None:
    with Store(any_db_url) as store, store.engine.begin() as conn:
        assert not has_pending(conn, KB_REBUILD)
        set_pending(conn, KB_REBUILD)
        set_pending(conn, KB_REBUILD)
        assert has_pending(conn, KB_REBUILD)
        clear_pending(conn, KB_REBUILD)
        assert not has_pending(conn, KB_REBUILD)
