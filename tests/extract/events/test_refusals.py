"""Stated refusals (newsgraph.extract.events.refusals): a side that says it will not do what yielding or
complying would be refuses (REJECT), for verbs of yielding the verb table does not code."""

from __future__ import annotations

import pytest

from newsgraph.extract.events.coder import extract_events


def _facts(parse, text: str) -> list[tuple[str, str | None, str | None]]:
    return [
        (e.type, e.actor_country, e.target_country)
        for e in extract_events(parse(text), "d1")
        if not (e.negated or e.hypothetical)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Peru said it would not hand over the suspects to Chile.", [("REJECT", "PER", "CHL")]),
        ("The Kenyan government said it would not revisit the permit.", [("REJECT", "KEN", None)]),
        ("Ghana's foreign minister said Accra won't approve the new budget.", [("REJECT", "GHA", None)]),
    ],
)
def test_refusals(parse, text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    got = _facts(parse, text)
    assert [g[:2] for g in got] == [e[:2] for e in expected]
    assert all(e[2] is None or g[2] == e[2] for g, e in zip(got, expected, strict=True))


@pytest.mark.parametrize(
    "text",
    [
        "The minister said she would not comment on the case.",  # no verb of yielding
        "Prices will not go down soon, the central bank said.",  # no side refuses
        "Peru said it would hand over the suspects to Chile.",  # no negation: no refusal
        "Peru would not hand over the suspects if Chile paid the debt.",  # a condition, not a refusal
        "The activist said she would never accept a copy of the film.",  # a private person's resolve
        "Chile said it would not accept that a single country could block the deal.",  # a judgement of a claim
    ],
)
def test_no_refusal(parse, text: str) -> None:
    assert [f for f in _facts(parse, text) if f[0] == "REJECT"] == []


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        # a side stating that it does not accept or recognise something refuses it, whatever the tense
        ('"Kazakhstan does not accept the extraterritorial application of US laws," the minister said.', True),
        ("Venezuela said it did not recognise the fact-finding mission.", True),
        # the narrator's background of a standing position is no statement made in the story
        ("Serbia does not recognise the independence that Kosovo declared in 2008.", False),
    ],
)
def test_a_stated_non_acceptance_is_a_refusal(parse, text: str, refused: bool) -> None:
    found = [e for e in extract_events(parse(text), "d") if e.type == "REJECT" and not (e.negated or e.hypothetical)]
    assert bool(found) is refused
