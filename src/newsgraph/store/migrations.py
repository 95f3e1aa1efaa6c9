"""Forward migrations: the numbered steps that bring a database to this newsgraph's schema.

``schema_version`` holds one row per applied migration; :func:`apply_migrations` applies the
missing ones in order, each in its own transaction, and refuses a database newer than this code.
A migration only ever adds: tables, columns, indexes. The numbers are the database's history:
never renumber or change a released step, add a new one at the end.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Table, inspect, select
from sqlalchemy.engine import Connection

from newsgraph.core.errors import SchemaTooNew
from newsgraph.store.runs import add_run_columns
from newsgraph.store.schema import V1_TABLES, V2_TABLES, now, schema_version
from newsgraph.store.schema_kb import create_kb_tables, create_popular_indexes, create_related_tables
from newsgraph.store.schema_sources import create_source_tables
from newsgraph.store.schema_work import create_work_tables
from newsgraph.store.search import create_index

# -- migrations -----------------------------------------------------------------------------------

Migration = tuple[int, str, Callable[[Connection], None]]


def _create(tables: tuple[Table, ...]) -> Callable[[Connection], None]:
    def run(conn: Connection) -> None:
        for table in tables:
            table.create(conn, checkfirst=True)

    return run


def _knowledge_base(conn: Connection) -> None:
    create_related_tables(conn)
    create_popular_indexes(conn)


MIGRATIONS: list[Migration] = [
    (1, "pages, documents, page_documents, ingest_errors, runs", _create(V1_TABLES)),
    (
        2,
        "extracted facts: entities, mentions, quotes, amounts, dates, themes, tones, events, stances",
        _create(V2_TABLES),
    ),
    (3, "full-text index (SQLite FTS5 table or PostgreSQL tsvector column)", create_index),
    (4, "related articles (term statistics, embedding cache) and knowledge-base indexes", _knowledge_base),
    (5, "knowledge base: canonical entities, merge decisions, roles, merged events", create_kb_tables),
    (6, "web sources: fetches, per-URL validators, followed sources, seen entries", create_source_tables),
    (7, "extractor version per document; reprocess queue and pending tasks", create_work_tables),
    (8, "runs: status, process id, host and heartbeat", add_run_columns),
]


def current_version(conn: Connection) -> int:
    if not inspect(conn).has_table("schema_version"):
        return 0
    value = conn.execute(select(schema_version.c.version).order_by(schema_version.c.version.desc())).first()
    return int(value[0]) if value else 0


def latest_version() -> int:
    return MIGRATIONS[-1][0]


def apply_migrations(engine_begin: Callable[[], object]) -> list[int]:
    """Apply every missing migration, each in its own transaction; returns the versions applied."""
    applied: list[int] = []
    with engine_begin() as conn:  # type: ignore[attr-defined]
        schema_version.create(conn, checkfirst=True)
        have = current_version(conn)
    if have > latest_version():
        raise SchemaTooNew(
            f"the database is at schema version {have}, newer than this newsgraph ({latest_version()}); "
            "upgrade newsgraph (`pip install -U newsgraph`)"
        )
    for version, description, run in MIGRATIONS:
        if version <= have:
            continue
        with engine_begin() as conn:  # type: ignore[attr-defined]
            run(conn)
            conn.execute(schema_version.insert().values(version=version, applied_at=now(), description=description))
        applied.append(version)
    return applied


__all__ = ["MIGRATIONS", "Migration", "apply_migrations", "current_version", "latest_version"]
