"""The knowledge-base tables made ready for a bulk rebuild: emptied at once, their indexes and checks set aside.

A rebuild (:mod:`newsgraph.kb.rebuild`) replaces every row of the knowledge base in one transaction.
Deleting millions of rows one by one (with their indexes kept current) and inserting millions more
through every secondary index cost most of its time, so:

- :func:`empty_kb` empties the tables without visiting their rows. SQLite: each table is dropped and
  created again from its own ``CREATE`` statements as ``sqlite_master`` holds them (so the schema stays
  exactly what the migrations made, and their planner statistics are put back; no table references the
  knowledge base, so ``DROP TABLE`` does no row-by-row delete even with foreign keys on); PostgreSQL: one
  ``TRUNCATE``. Both are transactional: a rebuild that fails or is killed leaves the old knowledge base
  as it was. (SQLite readers in WAL mode keep reading the old rows until the commit; PostgreSQL readers
  of these tables wait for it.)
- :func:`bulk_load` sets the secondary indexes aside while the rows go in and builds them again after
  (one sort each instead of an insert per row), from their own definitions (SQLite: with their planner
  statistics put back); on PostgreSQL the foreign keys too (one validating join each instead of a lookup
  per row; dropping one locks its parent table, ``documents`` or ``entities``, against writes until the
  commit: ingest waits for a rebuild, as it waits for its resolution lock). SQLite also gets a larger page
  cache (:data:`SQLITE_CACHE_KIB`) for the rebuild, restored after; PostgreSQL more memory for its sorts
  (:data:`PG_SETTINGS`, for the rest of the transaction).

Other dialects fall back to ``DELETE`` and keep their indexes.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import text
from sqlalchemy.engine import Connection

from newsgraph.store.schema_kb import KB_TABLES, drop_kb_rows

# SQLite page cache during a rebuild, in KiB (SQLite's default is 2 MB): the links' primary key takes
# rows in no order of its own, and with the default cache most inserts read pages back from the OS.
SQLITE_CACHE_KIB = 262_144

# PostgreSQL settings for the rest of the rebuild's transaction: the streams' sorts and the index builds
# in memory rather than in temporary files.
PG_SETTINGS = ("work_mem = '256MB'", "maintenance_work_mem = '512MB'")

_NAMES = tuple(t.name for t in KB_TABLES)


def empty_kb(conn: Connection) -> None:
    """Empty every knowledge-base table at once (inside the caller's transaction)."""
    if conn.dialect.name == "sqlite" and not _sqlite_referenced(conn):
        stats = _sqlite_stats(conn)
        for name in reversed(_NAMES):
            table_sql = _sqlite_sql(conn, "table", name)
            index_sql = _sqlite_sql(conn, "index", name)
            conn.exec_driver_sql(f'DROP TABLE "{name}"')
            for sql in table_sql + index_sql:
                conn.exec_driver_sql(sql)
        _restore_sqlite_stats(conn, stats)
        return
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("TRUNCATE " + ", ".join(f'"{n}"' for n in _NAMES))
        return
    drop_kb_rows(conn)


@contextmanager
def bulk_load(conn: Connection) -> Iterator[None]:
    """Inside: the tables' secondary indexes (and PostgreSQL's foreign keys) dropped; built again on leaving.

    On an error nothing is built again: the caller's transaction is to be rolled back, which brings
    them back as they were."""
    if conn.dialect.name == "sqlite":
        cache = conn.exec_driver_sql("PRAGMA cache_size").scalar()
        conn.exec_driver_sql(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}")
        try:
            again = [sql for name in _NAMES for sql in _sqlite_sql(conn, "index", name)]
            stats = _sqlite_stats(conn)
            for name in _sqlite_index_names(conn):
                conn.exec_driver_sql(f'DROP INDEX "{name}"')
            yield
            for sql in again:
                conn.exec_driver_sql(sql)
            _restore_sqlite_stats(conn, stats)
        finally:
            conn.exec_driver_sql(f"PRAGMA cache_size = {int(cache or -2000)}")
        return
    if conn.dialect.name != "postgresql":
        yield
        return
    for setting in PG_SETTINGS:
        conn.exec_driver_sql(f"SET LOCAL {setting}")
    keys, indexes = _pg_foreign_keys(conn), _pg_indexes(conn)
    for table, name, _ in keys:
        conn.exec_driver_sql(f'ALTER TABLE "{table}" DROP CONSTRAINT "{name}"')
    for name, _ in indexes:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    yield
    for _, sql in indexes:
        conn.exec_driver_sql(sql)
    for table, name, definition in keys:
        conn.exec_driver_sql(f'ALTER TABLE "{table}" ADD CONSTRAINT "{name}" {definition}')


def analyze(conn: Connection, table: str) -> None:
    """Planner statistics for a table just filled, before the rebuild reads it (PostgreSQL; SQLite's plans
    here are the primary key's whatever the statistics)."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f'ANALYZE "{table}"')


# -- SQLite ----------------------------------------------------------------------------------------


def _sqlite_sql(conn: Connection, kind: str, table: str) -> list[str]:
    """The ``CREATE`` statements of a table (``kind`` "table") or of its explicit indexes ("index")."""
    q = "SELECT sql FROM sqlite_master WHERE type = :kind AND tbl_name = :table AND sql IS NOT NULL ORDER BY name"
    return list(conn.execute(text(q), {"kind": kind, "table": table}).scalars())


def _sqlite_index_names(conn: Connection) -> list[str]:
    marks = ", ".join(f"'{n}'" for n in _NAMES)
    q = f"SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({marks})"
    return list(conn.exec_driver_sql(q).scalars())


def _sqlite_stats(conn: Connection) -> list[tuple[str, str | None, str]]:
    """The planner statistics (``sqlite_stat1``, from the last ANALYZE) of the knowledge-base tables and their
    indexes: dropping a table or an index drops its rows, and the planner would then guess."""
    if not conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").first():
        return []
    marks = ", ".join(f"'{n}'" for n in _NAMES)
    rows = conn.exec_driver_sql(f"SELECT tbl, idx, stat FROM sqlite_stat1 WHERE tbl IN ({marks})")
    return [(r[0], r[1], r[2]) for r in rows]


def _restore_sqlite_stats(conn: Connection, stats: list[tuple[str, str | None, str]]) -> None:
    """Put back the statistics :func:`_sqlite_stats` read (those of the old rows: the rebuild writes about as many)."""
    if not stats:
        return
    marks = ", ".join(f"'{n}'" for n in _NAMES)
    conn.exec_driver_sql(f"DELETE FROM sqlite_stat1 WHERE tbl IN ({marks})")
    conn.exec_driver_sql("INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)", stats)


def _sqlite_referenced(conn: Connection) -> bool:
    """Whether a table refers to a knowledge-base table, or one of them has a deferred foreign key: then
    ``DROP TABLE`` would delete row by row (or break a reference), and :func:`empty_kb` deletes instead."""
    for table in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'").scalars():
        for key in conn.exec_driver_sql(f'PRAGMA foreign_key_list("{table}")').mappings():
            if key["table"] in _NAMES:
                return True
    return any("DEFERRABLE" in sql.upper() for name in _NAMES for sql in _sqlite_sql(conn, "table", name))


# -- PostgreSQL ------------------------------------------------------------------------------------


def _pg_foreign_keys(conn: Connection) -> list[tuple[str, str, str]]:
    """(table, constraint, definition) of the foreign keys of the knowledge-base tables in this schema."""
    q = text(
        "SELECT c.relname, k.conname, pg_get_constraintdef(k.oid) FROM pg_constraint k "
        "JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace s ON s.oid = c.relnamespace "
        "WHERE k.contype = 'f' AND s.nspname = current_schema() AND c.relname = ANY(:names) "
        "ORDER BY c.relname, k.conname"
    )
    return [tuple(r) for r in conn.execute(q, {"names": list(_NAMES)})]  # type: ignore[misc]


def _pg_indexes(conn: Connection) -> list[tuple[str, str]]:
    """(name, definition) of the indexes of the knowledge-base tables that back no constraint."""
    q = text(
        "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema() "
        "AND i.tablename = ANY(:names) AND NOT EXISTS (SELECT 1 FROM pg_constraint k "
        "JOIN pg_namespace s ON s.oid = k.connamespace WHERE s.nspname = i.schemaname AND k.conname = i.indexname) "
        "ORDER BY i.indexname"
    )
    return [tuple(r) for r in conn.execute(q, {"names": list(_NAMES)})]  # type: ignore[misc]


__all__ = ["PG_SETTINGS", "SQLITE_CACHE_KIB", "analyze", "bulk_load", "empty_kb"]
