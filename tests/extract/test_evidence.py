from __future__ import annotations

import pytest

from newsgraph.extract.evidence import char_evidence, evidence
from newsgraph.ingest.nlp import parse_one


@pytest.mark.parametrize(("text", "needle"), [("The mayor resigned. Protesters cheered in the square.", "Protesters")])
def test_evidence_gives_the_sentence_and_the_span(text: str, needle: str) -> None:
    doc = parse_one(text)
    start = text.index(needle)
    ev = char_evidence("d1", doc, start, start + len(needle))
    assert (ev.doc, ev.start, ev.end) == ("d1", start, start + len(needle))
    assert ev.sentence == "Protesters cheered in the square."
    span = doc.char_span(start, start + len(needle))
    assert evidence("d1", span) == ev
