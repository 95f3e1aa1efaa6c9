"""Schema migrations with Alembic (newsgraph.store.migrations and newsgraph.store.revisions).

A new database, a database of every older revision, a database written by the numbered migrations
before Alembic (``tests/fixtures/db/v5.sqlite``, made by the code at d5df578) and one stamped with
the last numbered version all end with every table and column of today's schema; a database
newer than the code is refused; two processes opening a new database at once both succeed.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, inspect, select, text

from newsgraph.core.errors import SchemaTooNew
from newsgraph.store import schema_kb, schema_sources, schema_summary, schema_work
from newsgraph.store.db import Store
from newsgraph.store.migrations import (
    LEGACY_REVISIONS,
    current_revision,
    head_revision,
    legacy_schema_version,
    revisions,
    upgrade_database,
)
from newsgraph.store.schema import documents, metadata, now, runs
from tests.conftest import FIXTURES, pg_schema_url

SCHEMA_MODULES = (schema_kb, schema_sources, schema_summary, schema_work)  # their tables join ``metadata`` on import
# Tables a backend adds beside today's schema: FTS5's shadow tables, Alembic's version table.
EXTRA = {"alembic_version", "documents_fts", "schema_version"}


def schema_of(url: str) -> dict[str, set[str]]:
    engine = create_engine(url)
    with engine.connect() as conn:
        inspector = inspect(conn)
        names = [n for n in inspector.get_table_names() if not n.startswith("documents_fts")]
        out = {n: {c["name"] for c in inspector.get_columns(n)} for n in names}
    engine.dispose()
    return out


def assert_todays_schema(url: str) -> None:
    """Every table of today's schema, each with every column (and nothing else but EXTRA)."""
    found = schema_of(url)
    for table in metadata.sorted_tables:
        assert table.name in found, f"table {table.name} is missing"
        missing = {c.name for c in table.columns} - found[table.name]
        assert not missing, f"{table.name} lacks {sorted(missing)}"
    assert set(found) - {t.name for t in metadata.sorted_tables} <= EXTRA


def test_the_revisions_form_one_line_from_the_baseline() -> None:
    numbers = ["0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009", "0010", "0011", "0012", "0013"]
    assert revisions() == numbers and head_revision() == "0013"
    assert set(LEGACY_REVISIONS.values()) <= set(revisions())


def test_a_new_database_is_at_the_head_with_todays_schema(any_db_url: str) -> None:
    with Store(any_db_url) as store:
        assert store.schema_version() == head_revision()
    assert_todays_schema(any_db_url)
    with Store(any_db_url) as store:  # opening again changes nothing
        assert store.schema_version() == head_revision()


@pytest.mark.parametrize("start", ["0001", "0002"])
def test_a_database_at_an_older_revision_is_altered_to_the_head(any_db_url: str, start: str) -> None:
    engine = create_engine(any_db_url)
    upgrade_database(engine, start)
    with engine.connect() as conn:
        assert current_revision(conn) == start
        have = {c["name"] for c in inspect(conn).get_columns("runs")}
    assert "heartbeat_at" not in have  # the older schema, really
    engine.dispose()
    with Store(any_db_url) as store:
        assert store.schema_version() == head_revision()
    assert_todays_schema(any_db_url)


def test_the_database_of_the_numbered_migrations_is_upgraded_with_its_data(tmp_path: Path) -> None:
    path = tmp_path / "v5.sqlite"
    shutil.copy(FIXTURES / "db" / "v5.sqlite", path)
    url = f"sqlite:///{path}"
    before = schema_of(url)
    assert "alembic_version" not in before and "extractor_version" not in before["documents"]
    with Store(url) as store:
        assert store.schema_version() == head_revision()
        with store.connect() as conn:
            stamped = set(conn.execute(select(documents.c.extractor_version, documents.c.extraction)).all())
            assert stamped == {(1, "ok")}  # its documents had been extracted
            assert set(conn.execute(select(runs.c.status)).scalars()) == {"finished"}
            assert conn.execute(select(func.count()).select_from(documents)).scalar_one() == 11
            hits = conn.execute(text("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'BRICS'"))
            assert hits.scalar_one() > 0  # the full-text index is kept, not filled twice
            indexed = conn.execute(text("SELECT count(*) FROM documents_fts")).scalar_one()
            assert indexed == conn.execute(select(func.count()).select_from(documents)).scalar_one()
        assert store.search("BRICS")
    assert_todays_schema(url)


def test_a_database_stamped_with_the_last_numbered_version_is_recognised(any_db_url: str) -> None:
    Store(any_db_url).close()
    engine = create_engine(any_db_url)
    with engine.begin() as conn:  # as the numbered migrations left a database at version 8
        conn.execute(text("DROP TABLE alembic_version"))
        legacy_schema_version.create(conn)
        rows = [{"version": v, "applied_at": now(), "description": f"step {v}"} for v in range(1, 9)]
        conn.execute(legacy_schema_version.insert(), rows)
    engine.dispose()
    with Store(any_db_url) as store:
        assert store.schema_version() == head_revision()
    assert_todays_schema(any_db_url)


@pytest.mark.parametrize("future", ["alembic", "numbered"])
def test_a_database_newer_than_the_code_is_refused(any_db_url: str, future: str) -> None:
    Store(any_db_url).close()
    engine = create_engine(any_db_url)
    with engine.begin() as conn:
        if future == "alembic":
            conn.execute(text("UPDATE alembic_version SET version_num = 'ffff'"))
        else:
            conn.execute(text("DROP TABLE alembic_version"))
            legacy_schema_version.create(conn)
            conn.execute(legacy_schema_version.insert().values(version=99, applied_at=now(), description="x"))
    engine.dispose()
    with pytest.raises(SchemaTooNew, match="newer than this newsgraph"):
        Store(any_db_url)


# -- two processes opening one new database at once ------------------------------------------------

TRIALS = 10


def open_at_once(url: str) -> tuple[int, int]:
    """Two forked processes open ``url`` as close to the same moment as a pipe can make them."""
    read, write = os.pipe()
    children = []
    for _ in range(2):
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            os.close(write)
            os.read(read, 1)  # wait for the start signal
            code = 1
            try:
                Store(url).close()
                code = 0
            finally:
                os._exit(code)
        children.append(pid)
    os.close(read)
    os.write(write, b"go")  # one byte each: both start now
    os.close(write)
    return tuple(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) for pid in children)  # type: ignore[return-value]


@pytest.fixture(params=["sqlite", "postgresql"])
def new_urls(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[list[str]]:
    """``TRIALS`` URLs of databases that do not exist yet (empty schemas on PostgreSQL)."""
    if request.param == "sqlite":
        yield [f"sqlite:///{tmp_path / f'new{i}.db'}" for i in range(TRIALS)]
        return
    with contextlib.ExitStack() as stack:
        yield [stack.enter_context(pg_schema_url()) for _ in range(TRIALS)]


def test_two_processes_creating_a_new_database_at_once_both_succeed(new_urls: list[str]) -> None:
    for url in new_urls:
        assert open_at_once(url) == (0, 0)
        with Store(url) as store:
            assert store.schema_version() == head_revision()


def test_the_later_revisions_go_back_and_forth(any_db_url: str) -> None:
    from alembic import command

    from newsgraph.store.migrations import _config

    Store(any_db_url).close()
    engine = create_engine(any_db_url)
    with engine.connect() as conn:
        command.downgrade(_config(conn), "0001")
        conn.commit()
        assert current_revision(conn) == "0001"
        assert "extractor_version" not in {c["name"] for c in inspect(conn).get_columns("documents")}
        assert not inspect(conn).has_table("reprocess_queue")
    engine.dispose()
    with Store(any_db_url) as store:
        assert store.schema_version() == head_revision()
    assert_todays_schema(any_db_url)
