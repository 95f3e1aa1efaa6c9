"""Reprocessing reproduces a fresh ingest (newsgraph.ingest.reprocess, the ingest of stale pages, the CLI).

Every table's row count after ``--no-extract`` + reprocess, after reprocess ``--all`` of an
extracted database, and after a reprocess stopped midway and resumed, equals a fresh ingest's,
on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, update
from typer.testing import CliRunner

from newsgraph.cli.app import app
from newsgraph.core.model import Document
from newsgraph.core.settings import Settings
from newsgraph.core.version import EXTRACTOR_VERSION
from newsgraph.ingest.pipeline import Pipeline
from newsgraph.ingest.reprocess import Reprocessor
from newsgraph.store.db import Store
from newsgraph.store.reextract import Selection, enqueue, queue_size, select_documents
from newsgraph.store.schema import documents, metadata, page_documents, pages, records
from newsgraph.store.schema_work import KB_REBUILD, has_pending
from tests.conftest import FIXTURES, ROOT
from tests.kb_fixtures import analyzer

PAGES = [ROOT / "examples" / "pages", FIXTURES / "pages"]
# Tables whose rows depend on how many runs there were, not on what was read.
PER_RUN = {"runs", "schema_version", "reprocess_queue", "pending_tasks"}
# PostgreSQL's term statistics for related articles (SQLite reads FTS5's own): a cache, compared apart.
CACHES = {"related_term_stats", "related_stat_documents"}


def ingest(url: str, *, extract: bool) -> Store:
    pipeline = Pipeline(Settings.load(env={}, db=url), analyzer=analyzer() if extract else None)
    pipeline.ingest([str(p) for p in PAGES], published="2023-08-24")
    return pipeline.store


def table_counts(store: Store, *, runs: int = 1) -> dict[str, int]:
    """Rows per table; ``ingest_errors`` divided by the number of ingest runs (each records its own)."""
    with store.connect() as conn:
        counts = {
            t.name: int(conn.execute(select(func.count()).select_from(t)).scalar_one())
            for t in metadata.sorted_tables
            if t.name not in PER_RUN | CACHES and store.engine.dialect.has_table(conn, t.name)
        }
    counts["ingest_errors"] //= runs
    return counts


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> dict[str, int]:
    """The row counts of a fresh ingest with extraction (on SQLite; the facts are the same on both)."""
    store = ingest(f"sqlite:///{tmp_path_factory.mktemp('fresh') / 'fresh.db'}", extract=True)
    counts = table_counts(store)
    store.close()
    assert counts["events"] and counts["entity_links"] and counts["merged_events"] and counts["page_records"]
    return counts


def test_reprocess_after_no_extract_reproduces_a_fresh_ingest(any_db_url: str, fresh: dict[str, int]) -> None:
    store = ingest(any_db_url, extract=False)
    assert table_counts(store)["events"] == 0
    reprocessor = Reprocessor(store, analyzer())
    queued = reprocessor.queue(Selection())  # the stale documents: here every one not a near-duplicate
    assert queued == fresh["tones"]
    summary = reprocessor.run()
    assert (summary.documents, summary.failed, summary.rebuilt) == (queued, [], False)
    assert table_counts(store) == fresh
    with store.connect() as conn:
        assert select_documents(conn, Selection()) == []
        versions = set(conn.execute(select(documents.c.extractor_version, documents.c.extraction)).all())
        assert versions == {(EXTRACTOR_VERSION, "ok")}
    store.close()


def test_reprocess_all_is_idempotent_and_rebuilds_the_knowledge_base(any_db_url: str, fresh: dict[str, int]) -> None:
    store = ingest(any_db_url, extract=True)
    assert table_counts(store) == fresh
    for _ in range(2):
        reprocessor = Reprocessor(store, analyzer())
        reprocessor.queue(Selection(all_=True))
        summary = reprocessor.run()
        assert summary.documents == fresh["tones"] and summary.rebuilt
        assert table_counts(store) == fresh
        with store.connect() as conn:
            assert not has_pending(conn, KB_REBUILD)
    store.close()


def test_ingesting_an_unchanged_page_again_extracts_its_missing_facts(any_db_url: str, fresh: dict[str, int]) -> None:
    store = ingest(any_db_url, extract=False)
    store.close()
    pipeline = Pipeline(Settings.load(env={}, db=any_db_url), analyzer=analyzer())
    summary = pipeline.ingest([str(p) for p in PAGES], published="2023-08-24")
    assert summary.pages_new == 0 and summary.pages_unchanged == fresh["pages"]
    assert summary.reprocessed == fresh["tones"]
    assert table_counts(pipeline.store, runs=2) == fresh
    again = pipeline.ingest([str(p) for p in PAGES], published="2023-08-24")
    assert again.reprocessed == 0  # now current: nothing to do
    pipeline.store.close()


def test_documents_of_an_older_extractor_are_extracted_again_on_ingest(db_url: str, fresh: dict[str, int]) -> None:
    store = ingest(db_url, extract=True)
    with store.engine.begin() as conn:
        conn.execute(update(documents).values(extractor_version=EXTRACTOR_VERSION - 1))
        assert len(select_documents(conn, Selection(version_below=EXTRACTOR_VERSION))) == fresh["tones"]
    summary = Pipeline(Settings.load(env={}, db=db_url), store=store, analyzer=analyzer()).ingest(
        [str(p) for p in PAGES], published="2023-08-24"
    )
    assert summary.reprocessed == fresh["tones"]
    assert table_counts(store, runs=2) == fresh
    store.close()


class Stop(Exception):
    """Stands for the process being killed between two batches."""


def test_a_reprocess_stopped_midway_resumes_where_it_was(any_db_url: str, fresh: dict[str, int]) -> None:
    store = ingest(any_db_url, extract=True)
    reprocessor = Reprocessor(store, analyzer(), batch=2)
    total = reprocessor.queue(Selection(all_=True))

    def stop(_n: int, _summary: Any) -> None:
        raise Stop

    with pytest.raises(Stop):
        reprocessor.run(stop)
    with store.connect() as conn:
        assert queue_size(conn) == total - 2  # the first batch is done and off the queue
        assert has_pending(conn, KB_REBUILD)  # its old facts had been resolved: the rebuild is owed
    summary = Reprocessor(store, analyzer(), batch=2).run()
    assert summary.documents == total - 2 and summary.rebuilt
    assert table_counts(store) == fresh
    store.close()


class FailsOn:
    """An analyzer that fails on the documents whose title holds ``word``."""

    def __init__(self, word: str) -> None:
        self.word = word

    def analyze(self, docs: Sequence[Document]) -> dict[str, Any]:
        if any(self.word in d.title for d in docs):
            raise RuntimeError(f"cannot parse {self.word}")
        return analyzer().analyze(docs)


def test_a_document_whose_extraction_fails_is_marked_and_retried_with_failed(db_url: str) -> None:
    pipeline = Pipeline(Settings.load(env={}, db=db_url), analyzer=FailsOn("BRICS"))
    pipeline.ingest([str(p) for p in PAGES], published="2023-08-24")
    store = pipeline.store
    with store.connect() as conn:
        failed = select_documents(conn, Selection(failed=True))  # the documents of the page that failed
        titles = dict(conn.execute(select(documents.c.id, documents.c.title).where(documents.c.id.in_(failed))).all())
    brics = sorted(i for i, title in titles.items() if "BRICS" in title)
    assert brics and len(failed) > len(brics)
    again = Reprocessor(store, FailsOn("BRICS"))
    again.queue(Selection(failed=True))
    summary = again.run()  # one by one, the others of the page now pass
    assert summary.documents == len(failed) - len(brics) and [d for d, _ in summary.failed] == brics
    fixed = Reprocessor(store, analyzer())
    assert fixed.queue(Selection(failed=True)) == len(brics)
    assert fixed.run().documents == len(brics)
    with store.connect() as conn:
        assert select_documents(conn, Selection(failed=True)) == []
        assert select_documents(conn, Selection()) == []
    store.close()


def test_the_records_of_the_pages_are_rebuilt(db_url: str, fresh: dict[str, int]) -> None:
    store = ingest(db_url, extract=False)
    with store.connect() as conn:
        assert conn.execute(select(func.count()).select_from(records)).scalar_one() == 0
    reprocessor = Reprocessor(store, analyzer())
    reprocessor.queue(Selection(all_=True))
    assert reprocessor.run().pages == fresh["pages"]
    with store.connect() as conn:
        pages_with_documents = conn.execute(select(func.count(func.distinct(page_documents.c.page_id)))).scalar_one()
        stored = conn.execute(select(func.count()).select_from(records)).scalar_one()
        assert stored == pages_with_documents == fresh["pages"] == fresh["page_records"]
    store.close()


def test_the_cli_reprocesses_and_checks_its_options(tmp_path: Path, fresh: dict[str, int]) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    ingest(url, extract=False).close()
    runner = CliRunner()
    result = runner.invoke(app, ["reprocess", "--db", url, "--quiet"])
    assert result.exit_code == 0, result.output
    assert f"{fresh['tones']} documents extracted again" in result.output
    with Store(url) as store:
        assert table_counts(store) == fresh
    bad = runner.invoke(app, ["reprocess", "--db", url, "--all", "--failed"])
    assert bad.exit_code == 2 and "give one of" in bad.output
    bad = runner.invoke(app, ["reprocess", "--db", url, "--since", "yesterday"])
    assert bad.exit_code == 2 and "not a date" in bad.output


def test_ingest_extracts_its_own_stale_documents_not_a_queue_left_by_reprocess(db_url: str) -> None:
    store = ingest(db_url, extract=False)
    with store.engine.begin() as conn:
        everything = select_documents(conn, Selection(all_=True))
        enqueue(conn, everything)  # as a `reprocess --all` stopped at once leaves it
        first_page = conn.execute(select(documents.c.first_page_id).where(documents.c.id == everything[0])).scalar()
        page_source = conn.execute(select(pages.c.source).where(pages.c.id == first_page)).scalar_one()
    summary = Pipeline(Settings.load(env={}, db=db_url), store=store, analyzer=analyzer()).ingest([page_source])
    with store.connect() as conn:
        own = set(conn.execute(select(documents.c.id).where(documents.c.first_page_id == first_page)).scalars())
        assert summary.reprocessed == len(own)
        assert queue_size(conn) == len(everything) - len(own)  # the rest waits for `newsgraph reprocess`
    store.close()


class LeavesOut(FailsOn):
    """An analyzer that, like one over its budget, returns no facts for some documents and says why."""

    def analyze(self, docs: Sequence[Document]) -> dict[str, Any]:
        kept = [d for d in docs if self.word not in d.title]
        self.failures = {d.id: f"over budget: {d.title[:20]}" for d in docs if d not in kept}
        return analyzer().analyze(kept)


def test_a_document_left_without_facts_is_reported_with_the_analyzers_reason(db_url: str) -> None:
    store = ingest(db_url, extract=False)
    reprocessor = Reprocessor(store, LeavesOut("BRICS"))
    reprocessor.queue(Selection())
    summary = reprocessor.run()
    assert summary.failed and all(why.startswith("over budget: ") for _, why in summary.failed)
    with store.connect() as conn:
        assert sorted(select_documents(conn, Selection(failed=True))) == sorted(d for d, _ in summary.failed)
    store.close()


def test_reprocess_on_the_seed_and_wikinews_reproduces_a_fresh_ingest(
    any_db_url: str, tmp_path: Path, seed_path: Path, wikinews_dir: Path
) -> None:
    """The issue's acceptance on real news: the seed page and 20 Wikinews articles of 2019."""
    import csv

    with open(wikinews_dir / "wikinews_2019.csv", encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = [row for _, row in zip(range(20), reader, strict=False)]
        fields = reader.fieldnames or []
    sample = tmp_path / "wikinews.csv"
    with open(sample, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    inputs = [str(seed_path), str(sample)]

    def run(url: str, *, extract: bool) -> Store:
        pipeline = Pipeline(Settings.load(env={}, db=url), analyzer=analyzer() if extract else None)
        pipeline.ingest(inputs, published="2022-02-27")
        return pipeline.store

    fresh_store = run(f"sqlite:///{tmp_path / 'fresh.db'}", extract=True)
    expected = table_counts(fresh_store)
    fresh_store.close()
    assert expected["documents"] > 20 and expected["events"] and expected["merged_events"]
    store = run(any_db_url, extract=False)
    for selection in (Selection(), Selection(all_=True)):  # the missing facts, then everything again
        reprocessor = Reprocessor(store, analyzer())
        reprocessor.queue(selection)
        assert reprocessor.run().failed == []
        assert table_counts(store) == expected
    store.close()
