"""SQL helpers shared by the store: chunks of ids or rows, multi-row inserts, insert-or-skip, LIKE patterns.

One implementation for SQLite and PostgreSQL. Rows are dicts; in one call they may name
different columns (a missing one is written as NULL). Inserts go in chunks so a statement
stays under the backends' limits on bound parameters (SQLite 32766, PostgreSQL 65535).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar

from sqlalchemy import Table, func
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection, Result
from sqlalchemy.sql.elements import ColumnElement

T = TypeVar("T")

# Items per ``IN`` list (one bound parameter each).
CHUNK = 500
# Rows per multi-row insert.
INSERT_CHUNK = 1000


def chunked(items: Iterable[T], size: int = CHUNK) -> Iterator[list[T]]:
    """``items`` in lists of at most ``size`` (for ``IN`` lists and multi-row inserts)."""
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _filled(rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every row with the same keys (the union over ``rows``, first seen first; missing ones None)."""
    keys = list(dict.fromkeys(k for r in rows for k in r))
    return [{k: r.get(k) for k in keys} for r in rows]


def insert_rows(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` into ``table``."""
    for part in chunked(_filled(rows), INSERT_CHUNK):
        conn.execute(table.insert(), part)


def insert_ignore(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows``, skipping those whose primary key (or another unique key) is already stored."""
    if not rows:
        return
    make = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
    stmt = make(table).on_conflict_do_nothing()
    for part in chunked(_filled(rows), INSERT_CHUNK):
        conn.execute(stmt, part)


def bulk_insert(conn: Connection, table: Table, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]) -> None:
    """Insert many rows given as tuples in ``columns`` order, fast: ``COPY … FROM STDIN`` on PostgreSQL
    through psycopg (3), else one ``executemany`` of the driver (values through the columns' bind
    processors first, as SQLAlchemy would). For bulk writes of derived tables (the knowledge-base rebuild)."""
    if not rows:
        return
    names = ", ".join(f'"{c}"' for c in columns)
    if conn.dialect.name == "postgresql" and conn.dialect.driver == "psycopg":
        cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        with cursor.copy(f"COPY {table.name} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return
    procs = [table.c[c].type.dialect_impl(conn.dialect).bind_processor(conn.dialect) for c in columns]
    converted = [(i, p) for i, p in enumerate(procs) if p is not None]
    data: Sequence[Sequence[Any]] = rows
    if converted:  # only the columns that have a processor (a boolean, a timestamp), column by column
        columns_of = list(zip(*rows, strict=True))
        for i, p in converted:
            columns_of[i] = tuple([None if v is None else p(v) for v in columns_of[i]])
        data = list(zip(*columns_of, strict=True))
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    sql = f"INSERT INTO {table.name} ({names}) VALUES ({', '.join(mark for _ in columns)})"
    conn.exec_driver_sql(sql, list(data))


def row_dicts(result: Result[Any]) -> list[dict[str, Any]]:
    """The rows of ``result`` as dicts by column name, the names read once (``dict(row._mapping)`` builds
    the mapping's key view again for every row)."""
    keys = list(result.keys())
    return [dict(zip(keys, row, strict=True)) for row in result]


def escape_like(text: str) -> str:
    """``text`` with LIKE's wildcards escaped (use with ``escape="\\"``)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def contains(column: ColumnElement[Any], text: str) -> ColumnElement[bool]:
    """``column`` holds ``text`` anywhere, ignoring case (LIKE, wildcards in ``text`` taken literally)."""
    return func.lower(column).like(f"%{escape_like(text.lower())}%", escape="\\")


__all__ = [
    "CHUNK",
    "INSERT_CHUNK",
    "bulk_insert",
    "chunked",
    "contains",
    "escape_like",
    "insert_ignore",
    "insert_rows",
    "row_dicts",
]
