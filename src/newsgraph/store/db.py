"""The database: one URL, SQLite by default, PostgreSQL for shared servers.

Writes are one transaction per batch of pages (:meth:`Store.save_pages`). A page already stored (same page id,
which is a hash of its normalized content) is skipped, so ingesting the same
input twice changes nothing. A document already stored under another page is
linked, not copied; a near-duplicate is stored as a pointer to its original.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, func, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from newsgraph.core.errors import NotFound, StoreError
from newsgraph.core.model import Document, RawPage
from newsgraph.core.record_form import compact_record
from newsgraph.ingest import dedup
from newsgraph.ingest.segment import Segmented
from newsgraph.store import summaries
from newsgraph.store.filters import NO_FILTERS, Filters
from newsgraph.store.migrations import current_revision, upgrade_database
from newsgraph.store.runs import beat, close_interrupted, finish_run, start_run
from newsgraph.store.schema import (
    documents,
    ingest_errors,
    now,
    page_documents,
    pages,
    runs,
)
from newsgraph.store.search import Hit, index_document
from newsgraph.store.search import search as _search
from newsgraph.store.sql import chunked, escape_like

# Called inside the pages' transaction with the newly stored, non-duplicate documents (in order),
# so facts are written atomically with their documents.
FactWriter = Callable[[Connection, list[Document]], None]


@dataclass(slots=True)
class PageResult:
    status: str  # "new" or "unchanged"
    page_id: str
    documents: int = 0  # documents newly stored (main and teasers, not duplicates)
    teasers: int = 0
    linked: int = 0  # documents already stored, now also linked to this page
    duplicates: int = 0  # near-duplicates stored as pointers
    stored_ids: tuple[str, ...] = ()


# Switching a file to WAL needs it unlocked for a moment and does not wait for the busy timeout:
# when another process holds a lock (two creating one new database), retry for up to 5 s.
WAL_TRIES, WAL_PAUSE = 250, 0.02


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    for attempt in range(WAL_TRIES):
        try:
            if cur.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                cur.execute("PRAGMA journal_mode=WAL")
            break
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == WAL_TRIES - 1:
                raise
            time.sleep(WAL_PAUSE)
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
        path = Path(url.removeprefix("sqlite:///"))
        if path.parent and not path.parent.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
    try:
        # SQLite: wait up to 30 s for another writer (several batch workers share one file)
        connect_args = {"timeout": 30} if url.startswith("sqlite") else {}
        engine = create_engine(url, future=True, connect_args=connect_args)
    except Exception as exc:  # unknown dialect, bad URL
        raise StoreError(f"cannot open database {url!r}: {exc}; use sqlite:///FILE or postgresql+psycopg://…") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


class Store:
    """A newsgraph database. Opening it applies any missing migration."""

    def __init__(self, url: str, *, migrate: bool = True) -> None:
        self.url = url
        self.engine = make_engine(url)
        self._near: dedup.NearDuplicateIndex | None = None
        self._writing: Connection | None = None  # the transaction of the batch being stored
        if migrate:
            try:
                upgrade_database(self.engine)
            except SQLAlchemyError as exc:
                detail = getattr(exc, "orig", None) or exc
                raise StoreError(
                    f"cannot open or migrate {self.safe_url}: {type(exc).__name__}: {detail}; "
                    "check that the server is running and the URL is right"
                ) from exc

    @property
    def safe_url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    def schema_version(self) -> str | None:
        """The database's Alembic revision (see :mod:`newsgraph.store.migrations`)."""
        with self.engine.connect() as conn:
            return current_revision(conn)

    # -- runs and errors ------------------------------------------------------------------------

    def start_run(self, inputs: list[str]) -> int:
        """A new run of this process; runs a killed process left unfinished are closed as interrupted first."""
        with self.engine.begin() as conn:
            close_interrupted(conn)
            return start_run(conn, inputs)

    def heartbeat(self, run_id: int) -> None:
        """The run is still going (see :mod:`newsgraph.store.runs`)."""
        with self.engine.begin() as conn:
            beat(conn, run_id)

    def finish_run(self, run_id: int, *, pages_: int, documents_: int, errors_: int) -> None:
        with self.engine.begin() as conn:
            finish_run(conn, run_id, pages=pages_, documents=documents_, errors=errors_)

    def record_error(
        self, *, source: str, code: str, reason: str, message: str, severity: str = "error", run_id: int | None = None
    ) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                ingest_errors.insert().values(
                    run_id=run_id,
                    source=source,
                    code=code,
                    reason=reason,
                    severity=severity,
                    message=message,
                    created_at=now(),
                )
            )

    def errors(self, *, run_id: int | None = None, limit: int = 1000) -> list[dict[str, Any]]:
        q = select(ingest_errors).order_by(ingest_errors.c.id.desc()).limit(limit)
        if run_id is not None:
            q = q.where(ingest_errors.c.run_id == run_id)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    def last_run_id(self) -> int | None:
        with self.engine.connect() as conn:
            return conn.execute(select(func.max(runs.c.id))).scalar()

    # -- pages and documents --------------------------------------------------------------------

    def has_page(self, page_id: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(select(pages.c.id).where(pages.c.id == page_id)).first() is not None

    def known_documents(self, ids: list[str]) -> set[str]:
        if not ids:
            return set()
        with self.engine.connect() as conn:
            return set(conn.execute(select(documents.c.id).where(documents.c.id.in_(ids))).scalars())

    def _near_index(self) -> dedup.NearDuplicateIndex:
        if self._near is None:
            index = dedup.NearDuplicateIndex(load=self._signatures)
            q = select(documents.c.id, documents.c.minhash).where(
                documents.c.duplicate_of.is_(None), documents.c.minhash.is_not(None)
            )
            with self.engine.connect() as conn:
                for doc_id, blob in conn.execute(q.execution_options(yield_per=5000)):
                    index.add_bytes(doc_id, bytes(blob))
            self._near = index
        return self._near

    def _signatures(self, ids: list[str]) -> dict[str, bytes]:
        """The stored MinHash signatures of ``ids`` (what the near-duplicate index does not keep in memory)."""
        q = select(documents.c.id, documents.c.minhash).where(documents.c.minhash.is_not(None))
        if self._writing is not None:  # asked while a batch is written: read in its transaction
            conn = self._writing
            return {i: bytes(b) for part in chunked(ids) for i, b in conn.execute(q.where(documents.c.id.in_(part)))}
        with self.engine.connect() as conn:
            return {i: bytes(b) for part in chunked(ids) for i, b in conn.execute(q.where(documents.c.id.in_(part)))}

    def stored_pages(self, page_ids: list[str]) -> set[str]:
        """Those of ``page_ids`` already stored (one query per chunk, not one per page)."""
        found: set[str] = set()
        with self.engine.connect() as conn:
            for part in chunked(sorted(set(page_ids))):
                found.update(conn.execute(select(pages.c.id).where(pages.c.id.in_(part))).scalars())
        return found

    def save_page(
        self,
        raw: RawPage,
        seg: Segmented,
        *,
        run_id: int | None = None,
        write_facts: FactWriter | None = None,
        record: dict[str, Any] | None = None,
    ) -> PageResult:
        """Store a segmented page in one transaction; a page already stored is left as it is."""
        return self.save_pages([NewPage(raw, seg, record)], run_id=run_id, write_facts=write_facts)[0]

    def save_pages(
        self, items: Sequence[NewPage], *, run_id: int | None = None, write_facts: FactWriter | None = None
    ) -> list[PageResult]:
        """Store segmented pages in one transaction, one multi-row statement per table for them all.

        The result is the same as storing them one by one in order: a page already stored (or
        repeated in ``items``) is ``unchanged``, a document stored earlier (or by an earlier item) is
        linked, a near-duplicate of any earlier document is stored as a pointer. ``write_facts`` is
        called once, inside the transaction, with the documents stored (not duplicates) in order.
        Nothing is written when anything fails: the caller may retry page by page.
        """
        known = self.stored_pages([item.seg.page_id for item in items])
        index = self._near_index()
        results: list[PageResult] = []
        rows = _PageRows()
        marked: list[Document] = []  # duplicates marked here, unmarked if the transaction fails
        try:
            with self.engine.begin() as conn:
                self._writing = conn
                ids = [d.id for item in items for d in item.seg.documents]
                existing = {i for part in chunked(ids) for i in _stored_documents(conn, part)}
                for item in items:
                    if item.seg.page_id in known:
                        results.append(PageResult(status="unchanged", page_id=item.seg.page_id))
                        continue
                    known.add(item.seg.page_id)
                    results.append(rows.add(item, run_id, existing, index, marked))
                rows.write(conn, write_facts)
        except BaseException:
            for doc in marked:
                doc.duplicate_of = None
            self._near = None  # read again from the database: the pages of this batch were indexed
            raise
        finally:
            self._writing = None
        return results

    def list_documents(
        self, *, role: str | None = None, limit: int = 50, offset: int = 0, include_duplicates: bool = True
    ) -> list[dict[str, Any]]:
        q = (
            select(
                documents.c.id,
                documents.c.role,
                documents.c.title,
                documents.c.published,
                documents.c.section,
                documents.c.duplicate_of,
                func.length(documents.c.body).label("chars"),
            )
            .order_by(documents.c.created_at, documents.c.id)
            .limit(limit)
            .offset(offset)
        )
        if role:
            q = q.where(documents.c.role == role)
        if not include_duplicates:
            q = q.where(documents.c.duplicate_of.is_(None))
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    def document(self, doc_id: str) -> dict[str, Any]:
        """One document by id (or unique id prefix), with the pages it appears on."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(documents).where(documents.c.id.like(f"{escape_like(doc_id)}%", escape="\\")).limit(2)
            ).all()
            if not rows:
                raise NotFound(f"no document with id {doc_id!r}; `newsgraph list` shows the ids")
            if len(rows) > 1:
                raise NotFound(f"id prefix {doc_id!r} is ambiguous; give more characters")
            doc = dict(rows[0]._mapping)
            doc.pop("minhash", None)
            doc["sources"] = json.loads(doc["sources"] or "[]")
            doc["pages"] = [
                dict(r._mapping)
                for r in conn.execute(
                    select(pages.c.id, pages.c.source, page_documents.c.occurrences)
                    .join(page_documents, page_documents.c.page_id == pages.c.id)
                    .where(page_documents.c.document_id == doc["id"])
                )
            ]
            return doc

    def search(self, query: str, filters: Filters = NO_FILTERS, *, limit: int = 20, offset: int = 0) -> list[Hit]:
        """Ranked full-text search with fact filters; see :func:`newsgraph.store.search.search`."""
        with self.engine.connect() as conn:
            return _search(conn, query, filters, limit=limit, offset=offset)

    def fact_counts(self) -> dict[str, int]:
        """How many facts the database holds, by kind (persons, organizations, places, events, ...)."""
        from newsgraph.store.schema import amounts, entities, events, quotes, stances, voices

        with self.engine.connect() as conn:
            out = {
                kind + "s": conn.execute(
                    select(func.count()).select_from(entities).where(entities.c.kind == kind)
                ).scalar_one()
                for kind in ("person", "organization", "place")
            }
            factual = (events.c.negated.is_(False)) & (events.c.hypothetical.is_(False))
            out["events"] = conn.execute(select(func.count()).select_from(events).where(factual)).scalar_one()
            for name, table in (("quotes", quotes), ("amounts", amounts), ("stances", stances), ("voices", voices)):
                out[name] = conn.execute(select(func.count()).select_from(table)).scalar_one()
        return out

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return {
                "pages": conn.execute(select(func.count()).select_from(pages)).scalar_one(),
                "documents": conn.execute(select(func.count()).select_from(documents)).scalar_one(),
                "main": conn.execute(
                    select(func.count()).select_from(documents).where(documents.c.role == "main")
                ).scalar_one(),
                "teasers": conn.execute(
                    select(func.count()).select_from(documents).where(documents.c.role == "teaser")
                ).scalar_one(),
                "duplicates": conn.execute(
                    select(func.count()).select_from(documents).where(documents.c.duplicate_of.is_not(None))
                ).scalar_one(),
                "errors": conn.execute(select(func.count()).select_from(ingest_errors)).scalar_one(),
            }


def _document_values(doc: Document, page_id: str) -> dict[str, Any]:
    return {
        "id": doc.id,
        "role": doc.role,
        "title": doc.title,
        "body": doc.body,
        "section": doc.section,
        "published": doc.published,
        "sources": json.dumps(doc.sources, ensure_ascii=False),
        "picture_caption": doc.picture_caption,
        "picture_credit": doc.picture_credit,
        "url": doc.url,
        "content_hash": doc.content_hash,
        "first_page_id": page_id,
        "created_at": now(),
    }


@dataclass(slots=True)
class NewPage:
    """A segmented page to store, with its extraction record (None: stored without one)."""

    raw: RawPage
    seg: Segmented
    record: dict[str, Any] | None = None


def _stored_documents(conn: Connection, ids: list[str]) -> list[str]:
    return list(conn.execute(select(documents.c.id).where(documents.c.id.in_(ids))).scalars())


@dataclass(slots=True)
class _PageRows:
    """The rows of the pages of one :meth:`Store.save_pages` call, written table by table."""

    pages: list[dict[str, Any]] = field(default_factory=list)
    documents: list[dict[str, Any]] = field(default_factory=list)
    indexed: list[Document] = field(default_factory=list)  # stored with their text (not duplicates)
    links: list[dict[str, Any]] = field(default_factory=list)
    records: list[dict[str, Any]] = field(default_factory=list)

    def add(
        self,
        item: NewPage,
        run_id: int | None,
        existing: set[str],
        index: dedup.NearDuplicateIndex,
        marked: list[Document],
    ) -> PageResult:
        raw, seg = item.raw, item.seg
        result = PageResult(status="new", page_id=seg.page_id)
        self.pages.append(
            {
                "id": seg.page_id,
                "source": raw.source,
                "kind": raw.kind,
                "url": raw.url,
                "title": seg.main.title,
                "published": seg.main.published,
                "encoding": raw.meta.get("encoding"),
                "language": raw.meta.get("language"),
                "ingested_at": now(),
                "run_id": run_id,
            }
        )
        added: list[tuple[str, dedup.MinHash]] = []
        stored: list[str] = []
        for position, doc in enumerate(seg.documents):
            if doc.id in existing:
                result.linked += 1
            else:
                sig = dedup.signature(f"{doc.title}\n{doc.body}")
                twin = index.find(sig)
                for key, other in added:  # a twin earlier on this same page
                    if twin is None and sig.jaccard(other) >= dedup.THRESHOLD:
                        twin = (key, sig.jaccard(other))
                values = _document_values(doc, seg.page_id)
                if twin is not None:
                    doc.duplicate_of = twin[0]
                    marked.append(doc)
                    values.update(body="", duplicate_of=twin[0], similarity=round(twin[1], 3), minhash=None)
                    result.duplicates += 1
                else:
                    values.update(duplicate_of=None, similarity=None, minhash=dedup.to_bytes(sig))
                    added.append((doc.id, sig))
                    result.documents += 1
                    result.teasers += doc.role == "teaser"
                    stored.append(doc.id)
                    self.indexed.append(doc)
                self.documents.append(values)
                existing.add(doc.id)  # a later page of the batch links it
            self.links.append(
                {
                    "page_id": seg.page_id,
                    "document_id": doc.id,
                    "role": doc.role,
                    "position": position,
                    "occurrences": doc.occurrences_in_page,
                }
            )
        if item.record is not None:
            record = json.dumps(compact_record(item.record), ensure_ascii=False)
            self.records.append({"page_id": seg.page_id, "record": record})
        for key, sig in added:  # a later page of the batch finds them (dropped if the batch rolls back)
            index.add(key, sig)
        result.stored_ids = tuple(stored)
        return result

    def write(self, conn: Connection, write_facts: FactWriter | None) -> None:
        from newsgraph.store.schema import records

        for table, rows in ((pages, self.pages), (documents, self.documents)):
            if rows:
                conn.execute(table.insert(), rows)
        for doc in self.indexed:
            index_document(conn, doc.id, doc.title, doc.body)
        if write_facts is not None and self.indexed:
            write_facts(conn, self.indexed)
        for table, rows in ((page_documents, self.links), (records, self.records)):
            if rows:
                conn.execute(table.insert(), rows)
        summaries.add(conn, [d.id for d in self.indexed])  # after their facts: counts per entity and per day
