"""Tables of work left to do, so a killed command can be resumed (revision 0002).

- ``reprocess_queue``: the documents ``newsgraph reprocess`` was asked to re-extract and has not
  re-extracted yet. A document leaves the queue in the transaction that replaces its facts, so a
  run killed midway is resumed by the next ``newsgraph reprocess``.
- ``pending_tasks``: named tasks a command committed to and has not finished; today
  ``kb_rebuild``: documents whose facts were replaced had already been resolved across articles,
  so the knowledge base must be rebuilt (done by the reprocess that set it, or by the next
  ingest or reprocess when that one was killed).

Revision 0002 creates them and adds ``documents.extractor_version`` and ``documents.extraction``.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Column, DateTime, ForeignKey, String, Table, delete, select
from sqlalchemy.engine import Connection

from newsgraph.store.schema import metadata

KB_REBUILD = "kb_rebuild"

reprocess_queue = Table(
    "reprocess_queue",
    metadata,
    Column("document_id", String(32), ForeignKey("documents.id"), primary_key=True),
    Column("queued_at", DateTime(timezone=True), nullable=False),
)

pending_tasks = Table(
    "pending_tasks",
    metadata,
    Column("name", String(32), primary_key=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

WORK_TABLES = (reprocess_queue, pending_tasks)


def has_pending(conn: Connection, name: str) -> bool:
    """Whether the task ``name`` was committed to and not finished."""
    return conn.execute(select(pending_tasks.c.name).where(pending_tasks.c.name == name)).first() is not None


def set_pending(conn: Connection, name: str) -> None:
    """Record the task ``name`` as to do (in the caller's transaction; once however often it is set)."""
    if not has_pending(conn, name):
        conn.execute(pending_tasks.insert().values(name=name, created_at=datetime.now(UTC)))


def clear_pending(conn: Connection, name: str) -> None:
    conn.execute(delete(pending_tasks).where(pending_tasks.c.name == name))


__all__ = [
    "KB_REBUILD",
    "WORK_TABLES",
    "clear_pending",
    "has_pending",
    "pending_tasks",
    "reprocess_queue",
    "set_pending",
]
