"""A small per-app cache of query results, invalidated by any write to the database.

The key of an entry holds the database's *version*: the largest ids of ``runs``,
``stances`` and ``events`` (integer primary keys, so reading them is one index
lookup each). Every ingest starts a run, so any new page, and any fact written
directly, changes the version and the next request recomputes. Used for the
answers that cost most and are the same for every reader: the stance board, the
home page and search.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from newsgraph.store.schema import events, runs, stances

T = TypeVar("T")
SIZE = 512  # entries: a board or a page of hits is a few kB to a few hundred kB


def version(conn: Connection) -> tuple[Any, ...]:
    """What changes whenever anything is ingested or a fact is written."""
    row = conn.execute(
        select(
            select(func.max(runs.c.id)).scalar_subquery(),
            select(func.max(stances.c.id)).scalar_subquery(),
            select(func.max(events.c.id)).scalar_subquery(),
        )
    ).one()
    return tuple(row)


class ResultCache:
    """Least-recently-used answers by (key, database version); thread-safe."""

    def __init__(self, size: int = SIZE) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, conn: Connection, key: Hashable, compute: Callable[[], T]) -> T:
        full = (key, version(conn))
        with self._lock:
            if full in self._items:
                self._items.move_to_end(full)
                self.hits += 1
                return self._items[full]  # type: ignore[no-any-return]
        value = compute()
        with self._lock:
            self.misses += 1
            self._items[full] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


__all__ = ["ResultCache", "version"]
