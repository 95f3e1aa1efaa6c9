"""Selecting documents to extract again, the queue, and replacing facts (newsgraph.store.reextract)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select, update

from newsgraph.core.record_form import expand_record
from newsgraph.core.version import EXTRACTOR_VERSION
from newsgraph.store.db import Store
from newsgraph.store.facts import entity_id, prune_entities
from newsgraph.store.reextract import (
    BadSelection,
    Selection,
    clear_facts,
    dequeue,
    enqueue,
    load_documents,
    mark_extracted,
    queue_size,
    queued,
    select_documents,
    stale_documents,
)
from newsgraph.store.schema import documents, entities, entity_aliases, mentions, now
from newsgraph.store.schema_kb import kb_resolved_documents


def add_document(store: Store, doc_id: str, **values: object) -> None:
    row = {"id": doc_id, "role": "main", "title": doc_id, "body": "text", "content_hash": doc_id, "created_at": now()}
    with store.engine.begin() as conn:
        conn.execute(documents.insert().values(**(row | values)))


@pytest.fixture
def store(any_db_url: str):
    with Store(any_db_url) as db:
        add_document(db, "never", created_at=datetime(2024, 1, 1, tzinfo=UTC))
        add_document(db, "failed", extraction="failed")
        add_document(db, "old", extraction="ok", extractor_version=EXTRACTOR_VERSION - 1)
        add_document(db, "current", extraction="ok", extractor_version=EXTRACTOR_VERSION)
        add_document(db, "twin", duplicate_of="current")
        yield db


@pytest.mark.parametrize(
    ("selection", "expected"),
    [
        (Selection(), {"never", "failed", "old"}),
        (Selection(all_=True), {"never", "failed", "old", "current"}),
        (Selection(failed=True), {"failed"}),
        (Selection(version_below=EXTRACTOR_VERSION), {"never", "failed", "old"}),  # no version counts as older
        (Selection(since="2025-01-01"), {"failed", "old", "current"}),
    ],
)
def test_selections_name_the_right_documents(store: Store, selection: Selection, expected: set[str]) -> None:
    with store.connect() as conn:
        assert set(select_documents(conn, selection)) == expected
        assert set(stale_documents(conn, ["never", "current", "twin", "unknown"])) == {"never"}


@pytest.mark.parametrize(
    ("selection", "message"),
    [
        (Selection(all_=True, failed=True), "give one of"),
        (Selection(since="2025-13-01"), "not a date"),
        (Selection(version_below=0), "versions start at 1"),
    ],
)
def test_a_bad_selection_says_what_to_give(selection: Selection, message: str) -> None:
    with pytest.raises(BadSelection, match=message):
        selection.check()


def test_the_queue_keeps_a_document_once_until_it_is_done(store: Store) -> None:
    with store.engine.begin() as conn:
        enqueue(conn, ["old", "never"])
        enqueue(conn, ["old"])
        assert queue_size(conn) == 2 and queued(conn, 1) in (["old"], ["never"])
        dequeue(conn, ["old", "never"])
        assert queue_size(conn) == 0


def test_marking_failed_keeps_an_earlier_success(store: Store) -> None:
    with store.engine.begin() as conn:
        mark_extracted(conn, ["never"], ["old", "failed"])
        rows = dict(conn.execute(select(documents.c.id, documents.c.extraction)).all())
    assert rows["never"] == "ok" and rows["old"] == "ok" and rows["failed"] == "failed"


def test_clearing_facts_marks_unresolved_and_pruning_drops_unnamed_entities(store: Store) -> None:
    eid = entity_id("person", "Ada Lovelace")
    with store.engine.begin() as conn:
        conn.execute(entities.insert().values(id=eid, kind="person", name="Ada Lovelace"))
        conn.execute(entity_aliases.insert().values(entity_id=eid, alias="Ada Lovelace"))
        span = {"sentence": "Ada Lovelace wrote.", "start": 0, "end": 12, "text": "Ada Lovelace"}
        conn.execute(mentions.insert().values(document_id="old", entity_id=eid, **span))
        conn.execute(kb_resolved_documents.insert().values(document_id="old", resolved_at=now()))
        cleared = clear_facts(conn, ["old"])
        assert not cleared.kb_used and cleared.entities == {eid}
        assert conn.execute(select(func.count()).select_from(kb_resolved_documents)).scalar_one() == 0
        assert prune_entities(conn, cleared.entities) == 1
        assert conn.execute(select(func.count()).select_from(entities)).scalar_one() == 0


def test_a_document_of_an_older_extractor_is_current_after_marking(store: Store) -> None:
    with store.engine.begin() as conn:
        mark_extracted(conn, ["old"])
        conn.execute(update(documents).where(documents.c.id == "never").values(extraction="ok"))
        assert set(stale_documents(conn, ["old", "never"])) == {"never"}  # no version: still stale


def test_a_rebuilt_record_is_stored_compact_and_keeps_the_pages_documents(db_url: str) -> None:
    from newsgraph.core.settings import Settings
    from newsgraph.ingest.pipeline import Pipeline
    from newsgraph.store.reextract import page_groups, write_page_record
    from newsgraph.store.schema import records
    from tests.conftest import ROOT
    from tests.kb_fixtures import analyzer

    pipeline = Pipeline(Settings.load(env={}, db=db_url), analyzer=analyzer())
    pipeline.ingest([str(ROOT / "examples" / "pages" / "brics_summit.txt")], published="2023-08-24")
    with pipeline.store.engine.begin() as conn:
        page_id, stored = conn.execute(select(records.c.page_id, records.c.record)).one()
        (group,) = page_groups(conn, select_documents(conn, Selection(all_=True))).values()
        docs = load_documents(conn, group)
        found = analyzer().analyze(docs)
        write_page_record(conn, page_id, [found[i] for i in group if i in found])
        rebuilt = conn.execute(select(records.c.record)).scalar_one()
    pipeline.store.close()
    assert "sentences" in json.loads(rebuilt)
    assert expand_record(json.loads(rebuilt)) == expand_record(json.loads(stored))
