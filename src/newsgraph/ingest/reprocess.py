"""Re-extraction of stored documents: ``newsgraph reprocess`` and the ingest of a stale page.

:class:`Reprocessor` queues the documents a :class:`~newsgraph.store.reextract.Selection` names,
then works through the queue a batch at a time: it parses and extracts each document again and,
in one transaction per batch, replaces the batch's facts, stamps the extractor version, rebuilds
the records of the pages that first stored them and takes them off the queue. A run killed
midway loses nothing: the next run goes on with what is still queued, and running it twice
gives the same database (facts are replaced, never added). At the end the knowledge base
catches up (:func:`newsgraph.kb.pending.catch_up`): documents that had never been resolved are
resolved; when the replaced facts had been resolved already, the knowledge base is rebuilt,
since the old facts' merges cannot be taken back one by one.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from newsgraph.core.model import Document
from newsgraph.kb.pending import catch_up, rebuild_pending
from newsgraph.store import summaries
from newsgraph.store.db import Store
from newsgraph.store.facts import prune_entities, write_facts
from newsgraph.store.reextract import (
    Selection,
    clear_facts,
    dequeue,
    enqueue,
    facts_in_page_order,
    load_documents,
    mark_extracted,
    page_groups,
    queue_size,
    queued,
    select_documents,
    write_page_record,
)
from newsgraph.store.schema_work import KB_REBUILD, set_pending

if TYPE_CHECKING:
    from newsgraph.extract.runner import DocFacts


class Analyzer(Protocol):
    """Parses and extracts facts for documents (:class:`newsgraph.extract.runner.Analyzer`)."""

    def analyze(self, documents: Sequence[Document]) -> dict[str, DocFacts]: ...


# Documents per transaction (and per ``nlp.pipe`` call, with the rest of their pages' documents).
BATCH = 32


@dataclass(slots=True)
class ReprocessSummary:
    queued: int = 0  # documents in the queue when the work started
    documents: int = 0  # documents whose facts were replaced
    failed: list[tuple[str, str]] = field(default_factory=list)  # (document id, why) extraction failed again
    pages: int = 0  # page records rebuilt
    resolved: int = 0  # documents resolved across articles afterwards
    rebuilt: bool = False  # the knowledge base was rebuilt
    elapsed: float = 0.0


Progress = Callable[[int, ReprocessSummary], None]


class Reprocessor:
    """Re-extracts stored documents with ``analyzer`` into ``store``."""

    def __init__(self, store: Store, analyzer: Analyzer, *, batch: int = BATCH) -> None:
        self.store = store
        self.analyzer = analyzer
        self.batch = batch

    def queue(self, selection: Selection) -> int:
        """Queue the documents ``selection`` names; returns how many are queued now (with earlier ones)."""
        with self.store.engine.begin() as conn:
            enqueue(conn, select_documents(conn, selection))
            return queue_size(conn)

    def queued(self) -> int:
        with self.store.engine.connect() as conn:
            return queue_size(conn)

    def documents(self, doc_ids: Sequence[str], progress: Progress | None = None) -> ReprocessSummary:
        """Re-extract these documents now, and only these (queued first, so a killed run is resumed later)."""
        with self.store.engine.begin() as conn:
            enqueue(conn, list(doc_ids))
        return self.run(progress, only=doc_ids)

    def run(self, progress: Progress | None = None, *, only: Sequence[str] | None = None) -> ReprocessSummary:
        """Work through the queue (or the queued documents among ``only``), then let the knowledge base catch up."""
        started = time.perf_counter()
        summary = ReprocessSummary(queued=self.queued() if only is None else len(set(only)))
        while True:
            with self.store.engine.connect() as conn:
                ids = queued(conn, self.batch, only)
            if not ids:
                break
            done = self._batch(ids, summary)
            if progress is not None:
                progress(done, summary)
        with self.store.engine.begin() as conn:
            rebuilding = rebuild_pending(conn)
            resolved = catch_up(conn)
        summary.resolved, summary.rebuilt = resolved.documents, rebuilding
        summary.elapsed = time.perf_counter() - started
        return summary

    def _batch(self, ids: list[str], summary: ReprocessSummary) -> int:
        with self.store.engine.connect() as conn:
            groups = page_groups(conn, ids)
            wanted = set(ids)
            group_ids = [i for members in groups.values() for i in members]
            docs = load_documents(conn, list(dict.fromkeys([*ids, *group_ids])))
        found = self._analyze(docs, wanted, summary)
        ok = [i for i in ids if i in found]
        reported = {i for i, _ in summary.failed}
        budget = getattr(self.analyzer, "failures", None) or {}  # documents left without facts, and why
        for doc_id in ids:
            if doc_id not in found and doc_id not in reported:
                why = budget.get(doc_id)
                summary.failed.append((doc_id, str(why) if why is not None else "no facts returned"))
        with self.store.engine.begin() as conn:
            cleared = clear_facts(conn, ok)
            for doc_id in ok:
                write_facts(conn, found[doc_id])
            prune_entities(conn, cleared.entities)
            summaries.add(conn, ok)  # their new facts' counts (clear_facts took the old ones away)
            mark_extracted(conn, ok, [i for i in ids if i not in found])
            for page_id, members in groups.items():
                if wanted.intersection(members):
                    write_page_record(conn, page_id, facts_in_page_order(members, found))
                    summary.pages += 1
            if cleared.kb_used:
                set_pending(conn, KB_REBUILD)
            dequeue(conn, ids)
        summary.documents += len(ok)
        return len(ids)

    def _analyze(self, docs: list[Document], wanted: set[str], summary: ReprocessSummary) -> dict[str, DocFacts]:
        """Facts of every document; one that fails is retried alone, and reported if it fails again."""
        try:
            return self.analyzer.analyze(docs)
        except Exception:  # one bad document: find it by analysing them one by one
            found: dict[str, DocFacts] = {}
            for doc in docs:
                try:
                    found.update(self.analyzer.analyze([doc]))
                except Exception as exc:
                    if doc.id in wanted:
                        summary.failed.append((doc.id, f"{type(exc).__name__}: {exc}"))
            return found


__all__ = ["BATCH", "ReprocessSummary", "Reprocessor"]
