"""Rows from the database to files without holding them: batches from a cursor, keyset pages, atomic writes.

Exports stream: rows go from the database cursor to the file in batches of :data:`BATCH` rows,
so a 100k-article database is never held in memory. Each file is written under a temporary
name and renamed when complete, so a reader never sees half a file.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Column, Select
from sqlalchemy.engine import Connection, Row

# Rows per batch between the database and a file: large enough that per-batch overhead
# (one Arrow record batch, one keyset query) is negligible, small enough that a batch of
# documents with their bodies stays within a few tens of MB.
BATCH = 2000


def stream(conn: Connection, query: Select[Any], size: int = BATCH) -> Iterator[Sequence[Row[Any]]]:
    """Rows of ``query`` in batches, from a server-side cursor where the driver has one."""
    result = conn.execute(query.execution_options(stream_results=True, yield_per=size))
    try:
        yield from result.partitions(size)
    finally:
        result.close()


def keyset(conn: Connection, query: Select[Any], key: Column[Any], size: int = BATCH) -> Iterator[list[Row[Any]]]:
    """Rows of ``query`` in batches ordered by the unique ``key`` (which ``query`` must select).

    Each batch is its own short query, so the caller may run other queries between batches
    (look-ups for the rows it got) on the same connection, on any backend.
    """
    last: Any = None
    while True:
        q = query.order_by(key).limit(size)
        if last is not None:
            q = q.where(key > last)
        rows = conn.execute(q).all()
        if not rows:
            return
        yield rows
        last = rows[-1]._mapping[key]
        if len(rows) < size:
            return


@contextmanager
def atomic_open(path: Path, mode: str = "w", **kwargs: Any) -> Iterator[IO[Any]]:
    """Open ``path`` for writing under a temporary name; rename it into place when complete."""
    tmp = path.with_name(path.name + ".part")
    try:
        with open(tmp, mode, **kwargs) as handle:
            yield handle
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


__all__ = ["BATCH", "atomic_open", "keyset", "stream"]
