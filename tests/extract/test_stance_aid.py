"""Help as a position: in a story about help for a country, the states that give it support the issue."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from newsgraph.extract.events.coder import extract_events
from newsgraph.extract.mentions.collect import extract_mentions
from newsgraph.extract.stance_aid import is_aid_story
from newsgraph.extract.stances import extract_positions


def _rows(parse: Callable[[str], Doc], text: str) -> list[tuple[str, str]]:
    doc = parse(text)
    mentions = extract_mentions(doc, "d1", "2026-05-04", None)
    events = extract_events(doc, "d1", published="2026-05-04", resolver=mentions)
    found = extract_positions(doc, "d1", published="2026-05-04", resolver=mentions, events=events)
    return [(s.country, s.position) for s in found.stances]


def test_states_that_send_help_support_it(parse: Callable[[str], Doc]) -> None:
    text = (
        "Foreign rescue teams join the search as the flood toll in Moldova rises\n\n"
        "Rescue teams arrived in Moldova on Tuesday to help search for people missing after floods. "
        "Romania sent 120 firefighters and four helicopters across the border on Monday evening."
    )
    assert ("ROU", "supports") in _rows(parse, text)


def test_help_in_a_story_about_something_else_is_no_position(parse: Callable[[str], Doc]) -> None:
    text = (
        "Parliament in Moldova passes a new budget after a long debate\n\n"
        "Moldova's parliament passed the budget on Tuesday after a debate of nine hours.\n\n"
        "Romania sent 120 firefighters and four helicopters across the border on Monday evening."
    )
    assert ("ROU", "supports") not in _rows(parse, text)


def test_an_aid_story_is_told_by_its_lead(parse: Callable[[str], Doc]) -> None:
    assert is_aid_story(list(parse("Donors pledged $1 billion to help Madagascar on Thursday.").sents))
    assert not is_aid_story(list(parse("Parliament passed the budget on Thursday.").sents))
