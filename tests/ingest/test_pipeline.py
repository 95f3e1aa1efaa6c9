from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.core.model import RawPage
from newsgraph.core.settings import Settings
from newsgraph.ingest import pipeline
from newsgraph.ingest.pipeline import Pipeline, fact_writer
from newsgraph.ingest.segment import segment
from newsgraph.store.db import Store
from tests.bad_inputs import BAD, GOOD, WARN, build

MAX = 100_000


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    return build(tmp_path / "in", MAX)


def _pipeline(db_url: str) -> Pipeline:
    return Pipeline(Settings.load(env={}, db=db_url, max_bytes=MAX))


def test_mixed_folder_ingests_good_pages_and_explains_each_bad_one(mixed: Path, db_url: str) -> None:
    summary = _pipeline(db_url).ingest([str(mixed)])
    assert summary.exit_code == 0
    stored_ok = len(GOOD) + len(WARN)
    assert summary.pages_new == stored_ok
    rows = Store(db_url).errors()
    by_file = {Path(r["source"]).name: r for r in rows}
    for name, reason in {**BAD, **WARN}.items():
        assert name in by_file, f"{name} has no ingest_errors row"
        assert by_file[name]["reason"] == reason, (name, by_file[name])
        assert "\n" not in by_file[name]["message"]
    assert {by_file[n]["severity"] for n in BAD} == {"error"}
    assert {by_file[n]["severity"] for n in WARN} == {"warning"}
    assert len(summary.errors) == len(BAD)


def test_rerun_changes_nothing_and_keeps_what_was_stored(mixed: Path, db_url: str) -> None:
    _pipeline(db_url).ingest([str(mixed)])
    before = Store(db_url).counts()
    again = _pipeline(db_url).ingest([str(mixed)])
    after = Store(db_url).counts()
    assert again.pages_new == 0 and again.pages_unchanged == before["pages"]
    assert (after["pages"], after["documents"]) == (before["pages"], before["documents"])


def test_everything_failing_exits_1(tmp_path: Path, db_url: str) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "a.txt").write_bytes(b"")
    (folder / "b.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    summary = _pipeline(db_url).ingest([str(folder)])
    assert summary.exit_code == 1 and len(summary.errors) == 2


class _BrokenAnalyzer:
    def analyze(self, documents):
        if any("Harbour" in d.title for d in documents):
            raise RuntimeError("model crashed")
        return {}


def test_extraction_failure_on_one_page_costs_only_that_page(mixed: Path, db_url: str) -> None:
    pipe = Pipeline(Settings.load(env={}, db=db_url, max_bytes=MAX), analyzer=_BrokenAnalyzer())
    summary = pipe.ingest([str(mixed)])
    assert summary.pages_new == len(GOOD) + len(WARN)
    assert any("extraction failed" in w.message for w in summary.warnings)


def test_the_fact_writer_skips_documents_without_facts(db_url: str) -> None:
    raw = RawPage(
        source="p.txt", kind="text", text="Harbour workers strike\n\nDock workers in the port stopped work.\n"
    )
    seg = segment(raw)
    with Store(db_url) as store:
        store.save_page(raw, seg, write_facts=fact_writer({}))
        assert store.fact_counts() == dict.fromkeys(store.fact_counts(), 0)


def test_a_page_that_cannot_be_stored_costs_only_that_page(
    mixed: Path, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The batch's transaction fails; the pages are then stored one by one and only the bad one is lost."""
    harbour: set[str] = set()

    class _NoFacts:
        def analyze(self, documents):
            harbour.update(d.id for d in documents if "Harbour" in d.title)
            return {}

    real = pipeline.mark_extracted

    def mark(conn, ok, failed=()):
        if harbour & set(failed):
            raise RuntimeError("disk full")
        real(conn, ok, failed)

    monkeypatch.setattr(pipeline, "mark_extracted", mark)
    summary = Pipeline(Settings.load(env={}, db=db_url, max_bytes=MAX), analyzer=_NoFacts()).ingest([str(mixed)])
    assert harbour and summary.pages_new == len(GOOD) + len(WARN) - 1
    assert [e for e in summary.errors if "could not be stored: RuntimeError: disk full" in e.message]
    assert Store(db_url).counts()["pages"] == summary.pages_new
