"""A definite title standing for the one person the document gives that role (extract/events/titled.py)."""

from __future__ import annotations

import pytest

from newsgraph.core.model import Person
from newsgraph.extract.events.titled import role_holder

PERSONS = [Person(name="Ana Ruiz", role="guitarist"), Person(name="Tom Hale", role="Senator")]


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Fans paid tribute to the guitarist on Sunday.", "guitarist", "Ana Ruiz"),
        ("The senator spoke on Sunday.", "senator", "Tom Hale"),
        ("Fans paid tribute to a guitarist on Sunday.", "guitarist", None),  # not definite
        ("Fans paid tribute to the young guitarist on Sunday.", "guitarist", None),  # a description of its own
        ("Fans paid tribute to the drummer on Sunday.", "drummer", None),  # nobody holds that role
        ("Fans paid tribute to the table on Sunday.", "table", None),  # no title
    ],
)
def test_role_holder(parse, text: str, word: str, expected: str | None) -> None:
    head = next(t for t in parse(text) if t.text == word)
    found = role_holder(head, PERSONS)
    assert (found.name if found else None) == expected


def test_two_holders_are_no_one(parse) -> None:
    both = [*PERSONS, Person(name="Jo Lee", role="lead guitarist")]
    head = next(t for t in parse("Fans paid tribute to the guitarist.") if t.text == "guitarist")
    assert role_holder(head, both) is None


def test_he_takes_up_a_person_named_by_a_title_alone(parse) -> None:
    from newsgraph.extract.events.coder import extract_events
    from newsgraph.extract.events.titled import personal

    text = (
        "Saudi Arabia's energy minister told the meeting that free riders had cost the group billions. "
        "He demanded that Kazakhstan submit a new schedule within a week."
    )
    doc = parse(text)
    assert personal(next(t for t in doc if t.text == "minister"))
    assert not personal(next(t for t in doc if t.text == "group"))
    facts = {(e.type, e.actor_country, e.target_country) for e in extract_events(doc, "d")}
    assert ("REQUEST", "SAU", "KAZ") in facts
