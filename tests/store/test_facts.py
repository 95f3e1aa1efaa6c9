from __future__ import annotations

import pytest

from newsgraph.core.model import RawPage
from newsgraph.extract.runner import Analyzer
from newsgraph.ingest.pipeline import fact_writer
from newsgraph.ingest.segment import segment
from newsgraph.store.db import Store
from newsgraph.store.facts import document_facts, entity_id

PAGE = (
    "Police detain protesters in the capital\n\n"
    "Police in Belgrade detained 40 protesters on Saturday, the interior ministry said. "
    '"Order was restored in the city centre by the evening," Interior Minister Ivan Petrov told reporters.\n'
)


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def test_facts_are_written_with_the_page_and_read_back(any_db_url: str, analyzer: Analyzer) -> None:
    raw = RawPage(source="p.txt", kind="text", text=PAGE, published="2024-06-02")
    seg = segment(raw)
    facts = analyzer.analyze(seg.documents)
    with Store(any_db_url) as store:
        store.save_page(raw, seg, write_facts=fact_writer(facts))
        # the same entity in a second page is inserted once
        raw2 = RawPage(source="q.txt", kind="text", text=PAGE.replace("40", "45"), published="2024-06-03")
        seg2 = segment(raw2)
        store.save_page(raw2, seg2, write_facts=fact_writer(analyzer.analyze(seg2.documents)))
        with store.connect() as conn:
            got = document_facts(conn, seg.main.id)
            # the statements, built once, read the rows of the document asked for each time
            assert not any(document_facts(conn, "no-such-document").values())
            assert document_facts(conn, seg.main.id) == got
    assert {r["document_id"] for rows in got.values() for r in rows} == {seg.main.id}
    assert any(m["name"] == "Ivan Petrov" and m["kind"] == "person" for m in got["mentions"])
    assert got["quotes"][0]["speaker"] == "Ivan Petrov"
    assert got["quotes"][0]["speaker_entity_id"] == entity_id("person", "Ivan Petrov")
    assert got["amounts"][0]["value"] == 40
    assert any(e["type"] == "COERCE" for e in got["events"])
    for row in got["quotes"] + got["amounts"] + got["events"]:
        assert seg.main.body[row["start"] : row["end"]] in row["sentence"]


@pytest.mark.parametrize(("a", "b"), [("Ivan  Petrov", "ivan petrov")])
def test_entity_ids_ignore_case_and_spacing(a: str, b: str) -> None:
    assert entity_id("person", a) == entity_id("person", b) != entity_id("organization", a)


VOICE_PAGE = (
    "Governor condemns the sanctions\n\n"
    "The government of Peru imposed new sanctions on Chile on Monday. "
    "Ohio Governor Jane Example condemned the sanctions in a statement.\n"
)


def test_voices_are_written_with_their_speaker_and_replaced_on_re_extraction(
    any_db_url: str, analyzer: Analyzer
) -> None:
    from sqlalchemy import select, update

    from newsgraph.ingest.reprocess import Reprocessor
    from newsgraph.store.schema import voices

    raw = RawPage(source="v.txt", kind="text", text=VOICE_PAGE, published="2024-06-02")
    seg = segment(raw)
    with Store(any_db_url) as store:
        store.save_page(raw, seg, write_facts=fact_writer(analyzer.analyze(seg.documents)))
        with store.connect() as conn:
            got = document_facts(conn, seg.main.id)
        (row,) = got["voices"]
        assert (row["speaker"], row["country"], row["position"]) == ("Jane Example", "USA", "opposes")
        assert row["speaker_entity_id"] == entity_id("person", "Jane Example")
        assert row["date"] == "2024-06-02" and seg.main.body[row["start"] : row["end"]] in row["sentence"]
        assert all(s["country"] != "USA" for s in got["stances"])  # a governor speaks for no country
        with store.connect() as conn:  # as an older extractor might have written it
            conn.execute(update(voices).values(position="neutral"))
            conn.commit()
        Reprocessor(store, analyzer).documents([seg.main.id])  # re-extraction replaces it, no second row
        with store.connect() as conn:
            again = conn.execute(select(voices.c.speaker, voices.c.position)).all()
    assert again == [("Jane Example", "opposes")]
