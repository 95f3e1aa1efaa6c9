"""SQL helpers shared by the store: chunks of ids or rows, multi-row inserts, insert-or-skip, LIKE patterns.

One implementation for SQLite and PostgreSQL. Rows are dicts; in one call they may name
different columns (a missing one is written as NULL). Inserts go in chunks so a statement
stays under the backends' limits on bound parameters (SQLite 32766, PostgreSQL 65535).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from operator import itemgetter
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
    it, size = iter(items), max(size, 1)  # (a size under 1 gave one-item lists)
    while batch := list(islice(it, size)):
        yield batch


def _keys(rows: Sequence[dict[str, Any]]) -> list[str]:
    """The union of the rows' keys, first seen first (most calls: every row has the first row's keys)."""
    first = rows[0].keys()
    if all(r.keys() == first for r in rows):
        return list(first)
    return list(dict.fromkeys(k for r in rows for k in r))


def _filled(rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every row with the same keys (the union over ``rows``, first seen first; missing ones None)."""
    keys = _keys(rows)
    return [{k: r.get(k) for k in keys} for r in rows]


def _tuples(rows: Sequence[dict[str, Any]], keys: list[str]) -> list[tuple[Any, ...]]:
    """The rows as tuples in ``keys`` order (a missing key None)."""
    if len(keys) > 1 and all(len(r) == len(keys) for r in rows):  # every row has every key (see _keys)
        get = itemgetter(*keys)
        return [get(r) for r in rows]
    return [tuple([r.get(k) for k in keys]) for r in rows]


def _driver_insert(conn: Connection, table: Table, rows: Sequence[dict[str, Any]], *, ignore: bool) -> bool:
    """Insert ``rows`` with one ``executemany`` of the SQLite driver, as SQLAlchemy's ``insert()`` would
    write them (bind processors applied, a key missing from a row written as NULL); False, writing
    nothing, on PostgreSQL or where a column left out has a Python-side default SQLAlchemy would fill in.

    SQLAlchemy's own ``executemany`` costs ~5 µs of Python per row (every row's parameters built and
    processed again): a third of what storing a document's facts costs."""
    if conn.dialect.name != "sqlite":
        return False
    keys = _keys(rows)
    named = set(keys)
    if any(c.default is not None and c.key not in named for c in table.columns):
        return False
    columns = [table.c[k].name for k in keys]
    data = _tuples(rows, keys)
    suffix = " ON CONFLICT DO NOTHING" if ignore else ""
    _driver_many(conn, table, columns, data, suffix)
    return True


def insert_rows(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` into ``table``."""
    if not rows or _driver_insert(conn, table, rows, ignore=False):
        return
    for part in chunked(_filled(rows), INSERT_CHUNK):
        conn.execute(table.insert(), part)


def insert_ignore(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows``, skipping those whose primary key (or another unique key) is already stored."""
    if not rows or _driver_insert(conn, table, rows, ignore=True):
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
    _driver_many(conn, table, columns, rows, "")


def _driver_many(
    conn: Connection, table: Table, columns: Sequence[str], rows: Sequence[tuple[Any, ...]], suffix: str
) -> None:
    """One ``executemany`` of the driver: ``INSERT INTO table (columns) VALUES (…)`` + ``suffix``, the
    values through the columns' bind processors first, as SQLAlchemy would."""
    procs = [table.c[c].type.dialect_impl(conn.dialect).bind_processor(conn.dialect) for c in columns]
    converted = [(i, p) for i, p in enumerate(procs) if p is not None]
    data: Sequence[Sequence[Any]] = rows
    if converted:  # only the columns that have a processor (a boolean, a timestamp), column by column
        columns_of = list(zip(*rows, strict=True))
        for i, p in converted:
            columns_of[i] = tuple([None if v is None else p(v) for v in columns_of[i]])
        data = list(zip(*columns_of, strict=True))
    names = ", ".join(f'"{c}"' for c in columns)
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    sql = f"INSERT INTO {table.name} ({names}) VALUES ({', '.join(mark for _ in columns)}){suffix}"
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
