"""What re-extraction reads and writes: which documents need it, the queue, and replacing facts.

``newsgraph reprocess`` (:mod:`newsgraph.ingest.reprocess`) selects documents
(:func:`select_documents`), queues them (:func:`enqueue`) and, one batch at a time, replaces
their facts in one transaction: :func:`clear_facts` removes the old ones (and says whether the
knowledge base had used them), the caller writes the new ones, :func:`mark_extracted` stamps
the extractor version, :func:`write_page_record` rebuilds the records of the pages that first
stored them, and :func:`dequeue` takes them off the queue.

A *stale* document is one whose facts are missing (extraction off or failed) or were written
by an extractor older than :data:`~newsgraph.core.version.EXTRACTOR_VERSION`. Near-duplicates
(``duplicate_of`` set) never have facts and are never selected.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, delete, func, or_, select, update
from sqlalchemy.engine import Connection

from newsgraph.core.errors import ConfigError
from newsgraph.core.model import Document
from newsgraph.core.record_form import compact_record
from newsgraph.core.version import EXTRACTOR_VERSION
from newsgraph.ingest.record import build_record
from newsgraph.store import summaries
from newsgraph.store.schema import FACT_TABLES, documents, mentions, now, page_documents, pages, records
from newsgraph.store.schema_kb import (
    entity_alias_links,
    entity_links,
    entity_roles,
    kb_resolved_documents,
    merged_event_sources,
)
from newsgraph.store.schema_work import reprocess_queue
from newsgraph.store.sql import chunked, insert_ignore

if TYPE_CHECKING:
    from newsgraph.extract.runner import DocFacts

d = documents.c


class BadSelection(ConfigError):
    code = "C010"
    reason = "bad_selection"


@dataclass(frozen=True, slots=True)
class Selection:
    """Which stored documents to re-extract; with nothing set, the stale ones."""

    all_: bool = False
    since: str | None = None  # stored on or after this day (YYYY-MM-DD)
    failed: bool = False  # extraction failed
    version_below: int | None = None  # written by an extractor older than this (or by none)

    def check(self) -> Selection:
        """The selection, or :class:`BadSelection` saying what is wrong with it."""
        chosen = [self.all_, self.since is not None, self.failed, self.version_below is not None]
        if sum(chosen) > 1:
            raise BadSelection("give one of --all, --since, --failed, --version-below (or none: the stale documents)")
        if self.since is not None:
            try:
                date.fromisoformat(self.since)
            except ValueError:
                raise BadSelection(f"--since {self.since!r} is not a date: give YYYY-MM-DD") from None
        if self.version_below is not None and self.version_below < 1:
            raise BadSelection(f"--version-below {self.version_below} is not a version: versions start at 1")
        return self


def stale_condition() -> ColumnElement[bool]:
    """Facts missing, failed, or written by an older extractor."""
    return or_(
        d.extraction.is_(None),
        d.extraction != "ok",
        d.extractor_version.is_(None),
        d.extractor_version < EXTRACTOR_VERSION,
    )


def _condition(selection: Selection) -> ColumnElement[bool] | None:
    if selection.all_:
        return None
    if selection.since is not None:
        day = date.fromisoformat(selection.since)
        return d.created_at >= datetime(day.year, day.month, day.day, tzinfo=UTC)
    if selection.failed:
        return d.extraction == "failed"
    if selection.version_below is not None:
        return or_(d.extractor_version.is_(None), d.extractor_version < selection.version_below)
    return stale_condition()


def select_documents(conn: Connection, selection: Selection) -> list[str]:
    """The ids of the stored documents ``selection`` names (near-duplicates excluded), oldest first."""
    q = select(d.id).where(d.duplicate_of.is_(None)).order_by(d.created_at, d.id)
    where = _condition(selection.check())
    if where is not None:
        q = q.where(where)
    return list(conn.execute(q).scalars())


def stale_documents(conn: Connection, doc_ids: Iterable[str]) -> list[str]:
    """Those of ``doc_ids`` that are stored, not near-duplicates, and stale."""
    out: list[str] = []
    for part in chunked(sorted(set(doc_ids))):
        q = select(d.id).where(d.id.in_(part), d.duplicate_of.is_(None), stale_condition())
        out.extend(conn.execute(q).scalars())
    return out


# -- the queue ------------------------------------------------------------------------------------


def enqueue(conn: Connection, doc_ids: Sequence[str]) -> None:
    """Queue documents for re-extraction (a document already queued stays queued once)."""
    stamp = now()
    insert_ignore(conn, reprocess_queue, [{"document_id": i, "queued_at": stamp} for i in doc_ids])


def queue_size(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(reprocess_queue)).scalar_one())


def queued(conn: Connection, limit: int, among: Sequence[str] | None = None) -> list[str]:
    """The next ``limit`` queued documents (of those ``among``, when given), those of one first page together."""
    q = (
        select(reprocess_queue.c.document_id)
        .join(documents, d.id == reprocess_queue.c.document_id)
        .order_by(d.first_page_id, d.id)
        .limit(limit)
    )
    if among is None:
        return list(conn.execute(q).scalars())
    found = [i for part in chunked(sorted(set(among))) for i in conn.execute(q.where(d.id.in_(part))).scalars()]
    return found[:limit]


def dequeue(conn: Connection, doc_ids: Iterable[str]) -> None:
    for part in chunked(sorted(set(doc_ids))):
        conn.execute(delete(reprocess_queue).where(reprocess_queue.c.document_id.in_(part)))


# -- reading documents back -----------------------------------------------------------------------


def page_groups(conn: Connection, doc_ids: Iterable[str]) -> dict[str, list[str]]:
    """For the pages that first stored ``doc_ids``: every non-duplicate document each first stored.

    A page's record lists the facts of the documents it stored, so rebuilding it needs them all.
    """
    first: set[str] = set()
    for part in chunked(sorted(set(doc_ids))):
        first.update(p for p in conn.execute(select(d.first_page_id).where(d.id.in_(part))).scalars() if p)
    groups: dict[str, list[str]] = {}
    for part in chunked(sorted(first)):
        q = (
            select(d.first_page_id, d.id)
            .join(
                page_documents, (page_documents.c.document_id == d.id) & (page_documents.c.page_id == d.first_page_id)
            )
            .where(d.first_page_id.in_(part), d.duplicate_of.is_(None))
            .order_by(d.first_page_id, page_documents.c.position)
        )
        for page_id, doc_id in conn.execute(q):
            groups.setdefault(page_id, []).append(doc_id)
    return groups


def _document(row: Any, occurrences: int = 1) -> Document:
    return Document(
        id=row.id,
        role=row.role,
        title=row.title,
        body=row.body,
        section=row.section,
        published=row.published,
        sources=json.loads(row.sources or "[]"),
        picture_caption=row.picture_caption,
        picture_credit=row.picture_credit,
        occurrences_in_page=occurrences,
        content_hash=row.content_hash,
        duplicate_of=row.duplicate_of,
        url=row.url,
    )


def load_documents(conn: Connection, doc_ids: Sequence[str]) -> list[Document]:
    """The stored documents, in the order of ``doc_ids`` (unknown ids are left out)."""
    rows: dict[str, Any] = {}
    for part in chunked(sorted(set(doc_ids))):
        rows.update((r.id, r) for r in conn.execute(select(documents).where(d.id.in_(part))))
    return [_document(rows[i]) for i in doc_ids if i in rows]


# -- writing --------------------------------------------------------------------------------------


@dataclass(slots=True)
class Cleared:
    """What :func:`clear_facts` removed: whether the knowledge base had used it, which entities it named."""

    kb_used: bool = False
    entities: set[str] = field(default_factory=set)


def clear_facts(conn: Connection, doc_ids: Sequence[str]) -> Cleared:
    """Delete the facts of these documents.

    Their merged-event sources go with their events. When the knowledge base holds links made
    from the old facts it has to be rebuilt (``kb_used``; the caller records that); otherwise the
    documents are only marked unresolved, so the next resolution takes their new facts. The
    entities the old facts named are returned, for :func:`~newsgraph.store.facts.prune_entities`
    once the new facts are written. Their counts leave the summary tables
    (:func:`newsgraph.store.summaries.subtract`); :func:`newsgraph.store.summaries.add` puts the new
    facts' counts back.
    """
    out = Cleared()
    m = mentions.c
    for part in chunked(sorted(set(doc_ids))):
        for table in (entity_links, entity_roles, entity_alias_links, merged_event_sources):
            hit = select(table.c.document_id).where(table.c.document_id.in_(part)).limit(1)
            out.kb_used = out.kb_used or conn.execute(hit).first() is not None
        out.entities.update(conn.execute(select(m.entity_id).where(m.document_id.in_(part)).distinct()).scalars())
        summaries.subtract(conn, part)  # their counts go with their facts; add them back once rewritten
        conn.execute(delete(merged_event_sources).where(merged_event_sources.c.document_id.in_(part)))
        for table in FACT_TABLES:
            conn.execute(delete(table).where(table.c.document_id.in_(part)))
        if not out.kb_used:
            conn.execute(delete(kb_resolved_documents).where(kb_resolved_documents.c.document_id.in_(part)))
    return out


def mark_extracted(conn: Connection, ok: Iterable[str], failed: Iterable[str] = ()) -> None:
    """Stamp documents with the current extractor version ("ok"), or as failed (their facts kept)."""
    for part in chunked(sorted(set(ok))):
        conn.execute(
            update(documents).where(d.id.in_(part)).values(extractor_version=EXTRACTOR_VERSION, extraction="ok")
        )
    for part in chunked(sorted(set(failed))):
        conn.execute(
            update(documents).where(d.id.in_(part), d.extraction.is_distinct_from("ok")).values(extraction="failed")
        )


def _page_documents(conn: Connection, page_id: str) -> list[Document]:
    q = (
        select(documents, page_documents.c.occurrences)
        .join(page_documents, page_documents.c.document_id == d.id)
        .where(page_documents.c.page_id == page_id)
        .order_by(page_documents.c.position)
    )
    return [_document(r, r.occurrences) for r in conn.execute(q)]


def write_page_record(conn: Connection, page_id: str, facts: Sequence[DocFacts]) -> None:
    """Rebuild a page's record from ``facts`` (those of the documents it first stored, page order).

    The record's documents are kept from the stored record; a page stored without one (extraction
    off) gets them from the database, where a near-duplicate's body is empty.
    """
    stored = conn.execute(select(records.c.record).where(records.c.page_id == page_id)).scalar()
    source = conn.execute(select(pages.c.source).where(pages.c.id == page_id)).scalar_one()
    record = build_record(source, _page_documents(conn, page_id), facts)
    if stored is not None:
        old = json.loads(stored)
        record = {"source": old.get("source", source), "documents": old.get("documents", record["documents"])} | {
            k: record[k] for k in record if k not in ("source", "documents")
        }
        conn.execute(
            update(records)
            .where(records.c.page_id == page_id)
            .values(record=json.dumps(compact_record(record), ensure_ascii=False))
        )
        return
    stored_form = json.dumps(compact_record(record), ensure_ascii=False)  # each evidence sentence once
    conn.execute(records.insert().values(page_id=page_id, record=stored_form))


def facts_in_page_order(group: Sequence[str], found: Mapping[str, DocFacts]) -> list[DocFacts]:
    """The facts found for a page's documents, in page order (documents without facts left out)."""
    return [found[i] for i in group if i in found]


__all__ = [
    "BadSelection",
    "Cleared",
    "Selection",
    "clear_facts",
    "dequeue",
    "enqueue",
    "facts_in_page_order",
    "load_documents",
    "mark_extracted",
    "page_groups",
    "queue_size",
    "queued",
    "select_documents",
    "stale_condition",
    "stale_documents",
    "write_page_record",
]
