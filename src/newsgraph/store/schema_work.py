"""Tables of work left to do, so a killed command can be resumed (migration 7).

- ``reprocess_queue``: the documents ``newsgraph reprocess`` was asked to re-extract and has not
  re-extracted yet. A document leaves the queue in the transaction that replaces its facts, so a
  run killed midway is resumed by the next ``newsgraph reprocess``.
- ``pending_tasks``: named tasks a command committed to and has not finished; today
  ``kb_rebuild``: documents whose facts were replaced had already been resolved across articles,
  so the knowledge base must be rebuilt (done by the reprocess that set it, or by the next
  ingest or reprocess when that one was killed).

Migration 7 also adds ``documents.extractor_version`` and ``documents.extraction`` to a database
created before them (:func:`add_extraction_columns`).
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Column, DateTime, ForeignKey, String, Table, delete, inspect, select, text, update
from sqlalchemy.engine import Connection

from newsgraph.store.schema import documents, mentions, metadata, tones

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

# The extractor version documents extracted before the column existed are stamped with.
BASELINE_EXTRACTOR = 1


def add_extraction_columns(conn: Connection) -> None:
    """Add ``extractor_version`` and ``extraction`` to ``documents`` when missing, and stamp the rows.

    A document that has facts (a mention or a tone) was extracted by the extractor of its time:
    it gets :data:`BASELINE_EXTRACTOR` and ``ok``; the others keep NULL (not extracted).
    """
    have = {c["name"] for c in inspect(conn).get_columns("documents")}
    added = False
    for name, sql_type in (("extractor_version", "INTEGER"), ("extraction", "VARCHAR(8)")):
        if name not in have:
            conn.execute(text(f"ALTER TABLE documents ADD COLUMN {name} {sql_type}"))
            added = True
    if not added:
        return
    d = documents.c
    extracted = d.id.in_(mentions.select().with_only_columns(mentions.c.document_id)) | d.id.in_(
        tones.select().with_only_columns(tones.c.document_id)
    )
    conn.execute(
        update(documents)
        .where(extracted, d.extractor_version.is_(None))
        .values(extractor_version=BASELINE_EXTRACTOR, extraction="ok")
    )


def has_pending(conn: Connection, name: str) -> bool:
    """Whether the task ``name`` was committed to and not finished."""
    return conn.execute(select(pending_tasks.c.name).where(pending_tasks.c.name == name)).first() is not None


def set_pending(conn: Connection, name: str) -> None:
    """Record the task ``name`` as to do (in the caller's transaction; once however often it is set)."""
    if not has_pending(conn, name):
        conn.execute(pending_tasks.insert().values(name=name, created_at=datetime.now(UTC)))


def clear_pending(conn: Connection, name: str) -> None:
    conn.execute(delete(pending_tasks).where(pending_tasks.c.name == name))


def create_work_tables(conn: Connection) -> None:
    """Migration 7: the extraction columns of ``documents`` and the tables of pending work (idempotent)."""
    add_extraction_columns(conn)
    for table in WORK_TABLES:
        table.create(conn, checkfirst=True)


__all__ = [
    "BASELINE_EXTRACTOR",
    "KB_REBUILD",
    "WORK_TABLES",
    "add_extraction_columns",
    "clear_pending",
    "create_work_tables",
    "has_pending",
    "pending_tasks",
    "reprocess_queue",
    "set_pending",
]
