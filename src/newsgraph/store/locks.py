"""Writers that must not interleave take a lock for the length of their transaction.

:func:`exclusive` makes the calling transaction the only writer of its kind until it ends:
on PostgreSQL a transaction-level advisory lock (``pg_advisory_xact_lock``) on a number derived
from the lock's name and the current schema (advisory locks are database-wide; two newsgraph
databases in two schemas of one server must not wait on each other), so other processes'
transactions taking the same lock in the same schema wait; on SQLite the
transaction is begun with ``BEGIN IMMEDIATE``, which takes the database's write lock at once
(waiting up to the connection's busy timeout), so no other writer can commit between this
transaction's reads and its writes. Cross-article resolution takes it: its decisions read what
earlier resolutions wrote, so two at once would decide on stale rows and collide.
"""

from __future__ import annotations

import hashlib

from sqlalchemy import text
from sqlalchemy.engine import Connection

RESOLUTION = "newsgraph.resolution"


def lock_key(name: str, scope: str = "") -> int:
    """A stable signed 64-bit number for ``name`` in ``scope`` (PostgreSQL advisory locks are keyed by bigint)."""
    key = f"{name}|{scope}" if scope else name
    return int.from_bytes(hashlib.sha1(key.encode()).digest()[:8], "big", signed=True)


def exclusive(conn: Connection, name: str) -> None:
    """Hold the lock ``name`` until the calling transaction ends (see the module's docstring)."""
    if conn.dialect.name == "postgresql":
        schema = conn.execute(text("SELECT current_schema()")).scalar() or ""
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": lock_key(name, schema)})
        return
    if conn.dialect.name == "sqlite":
        driver = conn.connection.driver_connection
        if driver is not None and not driver.in_transaction:
            conn.exec_driver_sql("BEGIN IMMEDIATE")


__all__ = ["RESOLUTION", "exclusive", "lock_key"]
