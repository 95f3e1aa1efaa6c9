"""Praise in a quotation: a speaker's quoted words that speak well of a third person
(extract/events/praised.py)."""

from __future__ import annotations

import pytest

from newsgraph.extract.events.actors import DocContext
from newsgraph.extract.events.praised import quoted_praise


def _praise(parse, text: str) -> list[tuple[str, str, str, str | None]]:
    doc = parse(text)
    ctx = DocContext(doc)
    out = []
    for sent in doc.sents:
        for cand in quoted_praise(sent, ctx, set()):
            out.extend((cand.type, cand.mode, a.label, t.label) for a in cand.actors for t in cand.targets)
        ctx.note_sentence(sent)
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a tribute: "he" is the last person named before the quotation who is not the speaker
        (
            'Former senator Anna Berg died on Sunday. Governor Tom Hale said: "She was a brave and generous '
            'leader who gave her life to public service."',
            [("SUPPORT", "praise", "Tom Hale", "Anna Berg")],
        ),
        # the person praised is named in the quotation
        (
            'Mayor Lena Ortiz wrote, "Paul Dunn was a true hero and a wonderful friend."',
            [("SUPPORT", "praise", "Lena Ortiz", "Paul Dunn")],
        ),
    ],
)
def test_quoted_praise_of_a_third_person(parse, text: str, expected: list) -> None:
    assert _praise(parse, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # about a thing, not a person
        'Mayor Lena Ortiz said, "The new bridge is a wonderful and beautiful gift to the city."',
        # words of loss, not of praise
        'Mayor Lena Ortiz said of Paul Dunn, "He was killed in a terrible and senseless attack."',
        # not done, a forecast
        'Mayor Lena Ortiz said, "Paul Dunn would be a great and wonderful governor."',
        # the speaker praising herself
        'Lena Ortiz said, "I am proud and happy with what we achieved together."',
        # a short label, not a statement
        'Lena Ortiz called Paul Dunn "a good man".',
    ],
)
def test_no_praise(parse, text: str) -> None:
    assert _praise(parse, text) == []


def test_one_tribute_of_several_sentences_is_one_event(parse) -> None:
    from newsgraph.extract.events.coder import extract_events

    text = (
        'Former senator Anna Berg died on Sunday. Governor Tom Hale said: "She was a brave and generous leader. '
        'She was a wonderful friend to all of us."'
    )
    praise = [e for e in extract_events(parse(text), "d1") if e.type == "SUPPORT" and e.mode == "praise"]
    assert [(e.actor, e.target) for e in praise] == [("Tom Hale", "Anna Berg")]
