"""Pronouns of reported clauses and who they stand for (extract/events/reported.py), on sentences of our own."""

from __future__ import annotations

import pytest

from newsgraph.extract.events.reported import reporter


@pytest.mark.parametrize(
    ("text", "pronoun", "expected"),
    [
        ("The ministry said it had expelled the envoy.", "it", "ministry"),
        ("The Danish police said they had detained two men.", "they", "police"),
        ("The minister said he would resign.", "he", "minister"),
        ("The government said its army had killed 32 militants.", "its", "government"),
        # no speaker to stand for: a person as "it", a body as "he", a question of someone else's
        ("The minister said it would rain.", "it", None),
        ("The ministry said he would resign.", "he", None),
        ("We said they would come.", "they", None),
    ],
)
def test_reporter(nlp, text: str, pronoun: str, expected: str | None) -> None:
    doc = nlp(text)
    found = reporter(next(t for t in doc if t.text == pronoun))
    assert (found.text if found is not None else None) == expected


def test_those_who_is_no_anaphor_of_the_speaker(parse) -> None:
    from newsgraph.extract.events.coder import extract_events

    text = '"Those who attacked our soldiers thought they could sow terror," the defence minister said.'
    assert not [e for e in extract_events(parse(text), "d1") if e.type == "ASSAULT" and e.actor != "Those"]
