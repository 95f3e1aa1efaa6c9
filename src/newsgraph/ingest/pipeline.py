"""Composes the stages: read → segment → parse + extract → store.

This is the only module that knows their order. Pages are processed in
batches so the NLP model sees many documents per ``nlp.pipe`` call, and each
batch is written in one transaction (one multi-row insert per table). When that
transaction fails, the batch is written again page by page, so a failure on one
page loses nothing else and is recorded as an ingest error for that page.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from newsgraph.core.errors import NewsgraphError, ReadError
from newsgraph.core.model import Document, IngestError, RawPage
from newsgraph.core.settings import Settings
from newsgraph.ingest.read import estimate_pages, expand_paths, read_item, source_name
from newsgraph.ingest.record import segmented_record
from newsgraph.ingest.segment import Segmented, segment
from newsgraph.store.db import NewPage, PageResult, Store
from newsgraph.store.facts import write_many
from newsgraph.store.reextract import mark_extracted, stale_documents

if TYPE_CHECKING:
    from newsgraph.extract.runner import DocFacts


class Analyzer(Protocol):
    """Parses and extracts facts for documents; see :mod:`newsgraph.extract.runner`."""

    def analyze(self, documents: Sequence[Document]) -> dict[str, DocFacts]: ...


def fact_writer(facts: Mapping[str, DocFacts]) -> Callable[[Connection, list[Document]], None]:
    """What ``Store.save_pages`` calls with the new documents: writes the facts found for them, if any."""

    def write(conn: Connection, new: list[Document]) -> None:
        found = [facts[d.id] for d in new if d.id in facts]
        write_many(conn, found)
        # a document without facts failed extraction: stored without them, `newsgraph reprocess --failed` retries
        mark_extracted(conn, [f.document.id for f in found], [d.id for d in new if d.id not in facts])

    return write


@dataclass(slots=True)
class IngestSummary:
    run_id: int | None = None
    pages_new: int = 0
    pages_unchanged: int = 0
    documents: int = 0
    teasers: int = 0
    linked: int = 0
    duplicates: int = 0
    reprocessed: int = 0  # documents already stored whose facts were missing or older, extracted again
    errors: list[IngestError] = field(default_factory=list)
    warnings: list[IngestError] = field(default_factory=list)
    elapsed: float = 0.0

    @property
    def pages_ok(self) -> int:
        return self.pages_new + self.pages_unchanged

    @property
    def exit_code(self) -> int:
        """0 when anything was ingested (or already stored), 1 when every item failed."""
        return 0 if self.pages_ok or not self.errors else 1

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.elapsed if self.elapsed else 0.0


ProgressCallback = Callable[[int, "IngestSummary"], None]


@dataclass(slots=True)
class _Pending:
    raw: RawPage
    seg: Segmented


class Pipeline:
    def __init__(
        self,
        settings: Settings,
        store: Store | None = None,
        analyzer: Analyzer | None = None,
        on_record: Callable[[RawPage, Segmented, dict[str, Any]], None] | None = None,
    ) -> None:
        self.settings = settings
        self.store = store if store is not None else Store(settings.db)
        self.analyzer = analyzer
        self.on_record = on_record  # called with each newly stored page's record (batch shards)

    def plan(self, paths: Iterable[str]) -> tuple[list[Any], int]:
        """The files a run will read and an estimate of its pages (for the progress bar)."""
        items = expand_paths(paths, include=self.settings.include, exclude=self.settings.exclude)
        return items, sum(estimate_pages(i) for i in items)

    def ingest(
        self,
        paths: Sequence[str],
        *,
        published: str | None = None,
        progress: ProgressCallback | None = None,
        items: list[Any] | None = None,
    ) -> IngestSummary:
        """Ingest files, directories or ``-`` (stdin)."""
        if items is None:
            items, _ = self.plan(paths)
        max_bytes = self.settings.max_bytes
        pages = (page for item in items for page in read_item(item, max_bytes=max_bytes, published=published))
        return self.ingest_pages(pages, inputs=[source_name(p) for p in paths], progress=progress)

    def ingest_pages(
        self,
        pages: Iterable[RawPage | ReadError],
        *,
        inputs: Sequence[str] = (),
        progress: ProgressCallback | None = None,
    ) -> IngestSummary:
        """Ingest pages already read (e.g. posted to the API); read errors are recorded like any other."""
        started = time.perf_counter()
        summary = IngestSummary()
        summary.run_id = self.store.start_run(list(inputs))
        if self.analyzer is not None:
            self._catch_up(summary)
        batch: list[_Pending] = []
        batch_docs = 0
        for page in pages:
            if isinstance(page, ReadError):
                self._error(summary, page.source or "<input>", page)
                _tick(progress, summary)
                continue
            pending = self._segment(page, summary)
            if pending is None:
                _tick(progress, summary)
                continue
            batch.append(pending)
            batch_docs += len(pending.seg.documents)
            if batch_docs >= self.settings.batch_size:
                self._flush(batch, summary, progress)
                batch, batch_docs = [], 0
        self._flush(batch, summary, progress)
        self._refresh_statistics(summary)  # incremental: also counts the pages a killed run stored
        summary.elapsed = time.perf_counter() - started
        self.store.finish_run(
            summary.run_id,
            pages_=summary.pages_new,
            documents_=summary.documents,
            errors_=len(summary.errors),
        )
        return summary

    def _catch_up(self, summary: IngestSummary) -> None:
        """Resolve what a killed run left unresolved (or the rebuild a stopped reprocess owes)."""
        from newsgraph.kb.pending import catch_up

        try:
            with self.store.engine.begin() as conn:
                catch_up(conn)
        except Exception as exc:  # the new pages can still be stored; `newsgraph resolve` catches up
            self._warn(
                summary,
                "<resolve>",
                "resolve_failed",
                f"resolution left by an earlier run failed ({type(exc).__name__}: {exc}); run `newsgraph resolve`",
            )

    def _refresh_statistics(self, summary: IngestSummary) -> None:
        """Keep the related-articles term statistics current (PostgreSQL; SQLite reads FTS5's own)."""
        from newsgraph.analysis.related import refresh_term_stats

        try:
            with self.store.engine.begin() as conn:
                refresh_term_stats(conn)
        except Exception as exc:  # statistics are a cache: a failure must not fail the run
            self._warn(summary, "<statistics>", "statistics", f"term statistics not refreshed: {exc}")

    def _segment(self, page: RawPage, summary: IngestSummary) -> _Pending | None:
        for reason, message in page.meta.get("warnings", []):
            self._warn(summary, page.source, reason, message)
        try:
            seg = segment(page)
        except NewsgraphError as exc:
            self._error(summary, page.source, exc)
            return None
        language = page.meta.get("language")
        if language and language.lower() not in {"english", "en"}:
            self._warn(
                summary,
                page.source,
                "language",
                f"{page.source}: text looks {language}; it is stored, but extraction is tuned for English",
            )
        return _Pending(page, seg)

    def _flush(self, batch: list[_Pending], summary: IngestSummary, progress: ProgressCallback | None) -> None:
        if not batch:
            return
        facts: dict[str, DocFacts] = {}
        stored_before: list[str] = []  # documents of this batch stored by an earlier run
        if self.analyzer is not None:
            stored_pages = self.store.stored_pages([p.seg.page_id for p in batch])
            fresh = [p for p in batch if p.seg.page_id not in stored_pages]
            known = self.store.known_documents([d.id for p in fresh for d in p.seg.documents])
            fresh_pages = {p.seg.page_id for p in fresh}
            stored_before = [d.id for p in batch if p.seg.page_id not in fresh_pages for d in p.seg.documents]
            stored_before += sorted(known)
            todo = [d for p in fresh for d in p.seg.documents if d.id not in known]
            try:
                facts = self.analyzer.analyze(todo)
                self._over_budget(fresh, summary)
            except Exception as exc:  # one broken batch: retry page by page so one bad page costs only itself
                facts = self._analyze_each(fresh, known, summary, exc)
        stored = self._store_batch(batch, facts, summary, progress)
        if stored and self.analyzer is not None:
            self._resolve(stored, summary)
        if stored_before:
            self._reprocess_stale(stored_before, summary)
        if summary.run_id is not None:
            self.store.heartbeat(summary.run_id)

    def _reprocess_stale(self, doc_ids: list[str], summary: IngestSummary) -> None:
        """Extract again the documents stored earlier whose facts are missing or from an older extractor."""
        from newsgraph.ingest.reprocess import Reprocessor

        assert self.analyzer is not None
        with self.store.engine.connect() as conn:
            stale = stale_documents(conn, doc_ids)
        if not stale:
            return
        try:
            done = Reprocessor(self.store, self.analyzer).documents(stale)
        except Exception as exc:  # the pages are stored; `newsgraph reprocess` catches up
            self._warn(
                summary,
                "<reprocess>",
                "reprocess_failed",
                f"re-extraction of {len(stale)} stored documents failed ({type(exc).__name__}: {exc}); "
                "run `newsgraph reprocess`",
            )
            return
        summary.reprocessed += done.documents
        for doc_id, why in done.failed:
            self._warn(summary, doc_id, "extract_failed", f"document {doc_id}: extraction failed again ({why})")

    def _over_budget(self, pending: Sequence[_Pending], summary: IngestSummary) -> None:
        """An error row for each document the analyzer left without facts (too large, out of time)."""
        failures: Mapping[str, NewsgraphError] = getattr(self.analyzer, "failures", None) or {}
        for page in pending:
            for document in page.seg.documents:
                if document.id in failures:
                    self._error(summary, page.raw.source, failures[document.id])

    def _analyze_each(
        self, fresh: list[_Pending], known: set[str], summary: IngestSummary, first: Exception
    ) -> dict[str, DocFacts]:
        assert self.analyzer is not None
        facts: dict[str, DocFacts] = {}
        for pending in fresh:
            docs = [d for d in pending.seg.documents if d.id not in known]
            try:
                facts.update(self.analyzer.analyze(docs))
                self._over_budget([pending], summary)
            except Exception as exc:
                self._warn(
                    summary,
                    pending.raw.source,
                    "extract_failed",
                    f"{pending.raw.source}: extraction failed ({type(exc).__name__}: {exc}); stored without facts",
                )
        return facts

    def _resolve(self, doc_ids: list[str], summary: IngestSummary) -> None:
        """Merge the new documents' entities and events into the knowledge base, their stance issues into
        the issues across articles."""
        from newsgraph.kb.issues import cluster_new
        from newsgraph.kb.resolve import resolve_documents

        try:
            with self.store.engine.begin() as conn:
                resolve_documents(conn, doc_ids)
                cluster_new(conn)
        except Exception as exc:  # the documents are stored; `newsgraph resolve` catches up
            self._warn(
                summary,
                "<resolve>",
                "resolve_failed",
                f"entity/event resolution failed ({type(exc).__name__}: {exc}); run `newsgraph resolve`",
            )

    def _store_batch(
        self,
        batch: list[_Pending],
        facts: dict[str, DocFacts],
        summary: IngestSummary,
        progress: ProgressCallback | None,
    ) -> list[str]:
        """Store the pages of a batch in one transaction; page by page when that fails."""
        writer = fact_writer(facts) if self.analyzer is not None else None
        items = [NewPage(p.raw, p.seg, self._record(p, facts)) for p in batch]
        try:
            results = self.store.save_pages(items, run_id=summary.run_id, write_facts=writer)
        except Exception:  # one bad page (or another process storing the same documents): one by one
            results = None
        stored: list[str] = []
        for k, item in enumerate(items):
            if results is None:
                stored.extend(self._store_page(item, facts, summary))
            else:
                stored.extend(self._count(item, results[k], summary))
            _tick(progress, summary)
        return stored

    def _record(self, pending: _Pending, facts: dict[str, DocFacts]) -> dict[str, Any] | None:
        return segmented_record(pending.raw, pending.seg, facts) if self.analyzer is not None else None

    def _store_page(self, item: NewPage, facts: dict[str, DocFacts], summary: IngestSummary) -> tuple[str, ...]:
        raw, seg, record = item.raw, item.seg, item.record
        try:
            writer = fact_writer(facts) if self.analyzer is not None else None
            try:
                result = self.store.save_page(raw, seg, run_id=summary.run_id, write_facts=writer, record=record)
            except IntegrityError:
                # another process stored one of these documents (or this page) meanwhile: the
                # transaction rolled back, so store the page again; known documents are now linked
                result = self.store.save_page(raw, seg, run_id=summary.run_id, write_facts=writer, record=record)
        except NewsgraphError as exc:
            self._error(summary, raw.source, exc)
            return ()
        except Exception as exc:  # a database error on one page must not end the run
            self._error(
                summary, raw.source, None, message=f"{raw.source}: could not be stored: {type(exc).__name__}: {exc}"
            )
            return ()
        return self._count(item, result, summary)

    def _count(self, item: NewPage, result: PageResult, summary: IngestSummary) -> tuple[str, ...]:
        """Count a page's result in ``summary``; the ids of the documents it stored."""
        if item.record is not None and self.on_record is not None and result.status == "new":
            try:
                self.on_record(item.raw, item.seg, item.record)
            except Exception as exc:  # the page is stored; its record did not reach the shard
                self._error(summary, item.raw.source, None, message=f"{item.raw.source}: {type(exc).__name__}: {exc}")
                return ()
        if result.status == "unchanged":
            summary.pages_unchanged += 1
            return ()
        summary.pages_new += 1
        summary.documents += result.documents
        summary.teasers += result.teasers
        summary.linked += result.linked
        summary.duplicates += result.duplicates
        return result.stored_ids

    def _error(
        self, summary: IngestSummary, source: str, exc: NewsgraphError | None, *, message: str | None = None
    ) -> None:
        code = exc.code if exc else "S001"
        reason = exc.reason if exc else "store"
        text = message or (exc.message if exc else "unknown error")
        err = IngestError(source=source, code=code, message=text)
        err_reason = reason
        summary.errors.append(err)
        self.store.record_error(
            source=source, code=code, reason=err_reason, message=text, severity="error", run_id=summary.run_id
        )

    def _warn(self, summary: IngestSummary, source: str, reason: str, message: str) -> None:
        summary.warnings.append(IngestError(source=source, code="W001", message=message))
        self.store.record_error(
            source=source, code="W001", reason=reason, message=message, severity="warning", run_id=summary.run_id
        )


def _tick(progress: ProgressCallback | None, summary: IngestSummary) -> None:
    if progress is not None:
        progress(1, summary)
