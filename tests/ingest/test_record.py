"""The OUTPUT.md record of a page (newsgraph.ingest.record): every key, facts pointing at their words."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.core.model import RawPage
from newsgraph.extract.runner import Analyzer
from newsgraph.ingest.record import FACT_KEYS, build_record, empty_record, iter_records, page_record, segmented_record
from newsgraph.ingest.segment import segment

PAGE = (
    "Ministers meet over border dispute\n\n"
    "Foreign Minister Anna Berg of Sweden met her Norwegian counterpart, Lars Dahl, in Oslo on Monday. "
    '"We agreed to keep talking," Berg said. Around 300 protesters gathered outside the ministry.\n\n'
    "Sources: Nordic Wire\n"
)


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def _record(analyzer: Analyzer, text: str = PAGE) -> dict:
    raw = RawPage(source="p.txt", kind="text", text=text, published="2024-03-06")
    seg = segment(raw)
    return segmented_record(raw, seg, analyzer.analyze(seg.documents))


def test_record_has_every_key_and_facts(analyzer: Analyzer) -> None:
    rec = _record(analyzer)
    for key in (
        "source",
        "documents",
        "persons",
        "organizations",
        "places",
        "countries_mentioned",
        "events",
        "quotes",
        "amounts",
        "stances",
        "voices",
        "themes",
        "tone",
    ):
        assert key in rec
    names = {p["name"] for p in rec["persons"]}
    assert {"Anna Berg", "Lars Dahl"} <= names
    assert {"SWE", "NOR"} <= set(rec["countries_mentioned"])
    assert any(q["speaker"] == "Anna Berg" for q in rec["quotes"])
    assert any(a["value"] == 300 for a in rec["amounts"])


def test_every_fact_points_at_its_words(analyzer: Analyzer) -> None:
    rec = _record(analyzer)
    body = {d["id"]: d["body"] for d in rec["documents"]}
    evidences = [m for p in rec["persons"] + rec["organizations"] + rec["places"] for m in p["mentions"]]
    for key in ("events", "quotes", "amounts", "themes", "stances", "voices"):
        evidences += [f["evidence"] for f in rec[key]]
    assert evidences
    for ev in evidences:
        text = body[ev["doc"]]
        assert 0 <= ev["start"] < ev["end"] <= len(text)
        assert ev["sentence"] in text
        assert (
            text[ev["start"] : ev["end"]].strip() in ev["sentence"] or ev["sentence"] in text[ev["start"] : ev["end"]]
        )


def test_page_record_is_the_segmented_record_of_what_the_analyzer_found(analyzer: Analyzer) -> None:
    raw = RawPage(source="p.txt", kind="text", text=PAGE, published="2024-03-06")
    seg = segment(raw)
    assert page_record(raw, seg, analyzer) == _record(analyzer)


@pytest.mark.parametrize("facts", [[]])
def test_record_without_facts_is_empty_not_missing(facts: list) -> None:
    raw = RawPage(source="p.txt", kind="text", text=PAGE)
    rec = build_record("p.txt", segment(raw).documents, facts)
    assert rec["persons"] == [] and rec["tone"] is None


def test_without_an_analyzer_every_fact_key_is_empty(tmp_path: Path) -> None:
    (tmp_path / "p.txt").write_text(PAGE, encoding="utf-8")
    records = list(iter_records([str(tmp_path)], max_bytes=1_000_000, published="2024-03-06"))
    assert len(records) == 1 and isinstance(records[0], dict)
    rec = records[0]
    assert all(rec[k] == [] for k in FACT_KEYS) and rec["tone"] is None
    assert rec["documents"][0]["title"] == "Ministers meet over border dispute"
    assert rec.keys() == empty_record("p.txt", []).keys()
