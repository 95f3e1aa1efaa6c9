"""The stored form of records (newsgraph.core.record_form): sentences once, the OUTPUT.md shape restored."""

from __future__ import annotations

import json

import pytest

from newsgraph.core.record_form import compact_record, expand_record


def _evidence(sentence: str, start: int) -> dict[str, object]:
    return {"doc": "d1", "sentence": sentence, "start": start, "end": start + 3}


LONG = "A long run-on sentence " * 200
RECORD = {
    "source": "page.txt",
    "documents": [{"id": "d1", "role": "main", "title": "T", "body": LONG, "sentence": "not evidence"}],
    "persons": [{"name": "Anna Berg", "aliases": [], "mentions": [_evidence(LONG, 0), _evidence(LONG, 40)]}],
    "events": [{"type": "CONSULT", "evidence": _evidence(LONG, 10)}, {"type": "AID", "evidence": _evidence("S.", 9)}],
    "quotes": [],
    "tone": {"positive": 0.1, "negative": 0.0, "polarity": 0.1},
}


def test_each_sentence_is_stored_once_and_the_record_comes_back_exactly() -> None:
    stored = compact_record(RECORD)
    assert stored["sentences"] == [LONG, "S."]
    assert stored["events"][0]["evidence"] == {"doc": "d1", "sentence_ref": 0, "start": 10, "end": 13}
    assert stored["documents"] == RECORD["documents"]  # documents are not evidence
    assert len(json.dumps(stored)) < len(json.dumps(RECORD)) - 1.9 * len(LONG)  # three copies became one
    assert expand_record(json.loads(json.dumps(stored))) == RECORD


@pytest.mark.parametrize("record", [RECORD, {"source": "x", "documents": [], "events": [], "tone": None}])
def test_both_directions_leave_a_record_already_in_that_form_alone(record: dict[str, object]) -> None:
    assert expand_record(record) is record  # stored before the compact form existed: already expanded
    stored = compact_record(record)
    assert compact_record(stored) is stored
