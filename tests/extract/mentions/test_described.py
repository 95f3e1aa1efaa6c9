"""Roles a common noun gives a person: a noun before the name, a description after it, an office in a
relative clause; the head noun that shows a name to be a group's or a place's."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.extract.mentions.described import described_role, describing_noun
from newsgraph.extract.mentions.index import MentionIndex


def _span(ix: MentionIndex, name: str) -> tuple[int, int]:
    start = ix.body.index(name)
    span = ix.doc.char_span(start, start + len(name))
    assert span is not None
    return span.start, span.end


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("The band hired bassist Jack Example in London.", "Jack Example", "bassist"),
        ("The debate was led by Moderator Chris Example on Tuesday.", "Chris Example", "Moderator"),
        ("The party nominated truck driver Ana Example for vice president.", "Ana Example", "truck driver"),
        ("Jan Example, a grain trader, said prices rose.", "Jan Example", "grain trader"),
        ("Jan Example, a Lima-based security analyst, said so.", "Jan Example", "Lima-based security analyst"),
        ("Jan Example, 34, a cereal grower from Albacete, said so.", "Jan Example", "cereal grower from Albacete"),
        ("He assaulted Ana Example, his ex-wife, in May.", "Ana Example", "ex-wife"),
        ("Ana Example, Jan Roe's mother, told reporters she was relieved.", "Ana Example", "Jan Roe's mother"),
        ("Jan Example, who served as President of Peru for ten years, died.", "Jan Example", "President of Peru"),
        ("She met Jan Example, then the Prime Minister, in May.", "Jan Example", "Prime Minister"),
        # a list of names under a plural noun: its role in the singular
        ("NASA chose two astronauts, Jan Example and Ana Example, for the flight.", "Ana Example", "astronaut"),
        ("Critics such as Jan Example and Ana Example spoke.", "Jan Example", "critic"),
        ("Two Democratic Representatives, Jan Example and Ana Example, voted no.", "Jan Example", "Representative"),
        # one name after a comma is no list; nor a list that opens with "and"
        ("Police fired on the protesters, Jan Example said.", "Jan Example", None),
        ("The page has over 7000 likes, and Jan Example, who runs it, is proud.", "Jan Example", None),
        ("She thanked her daughters Ana Example and Eva.", "Ana Example", "daughter"),
        # no description: a verb, a bare name after the comma
        ("Jan Example, said the report, was wrong.", "Jan Example", None),
        ("Jan Example, Ana Example and Eva Example met.", "Jan Example", None),
        # a relative clause that names no office
        ("Jan Example, who lives in Lima, spoke.", "Jan Example", None),
    ],
)
def test_described_role(index: Callable[[str], MentionIndex], text: str, name: str, role: str | None) -> None:
    ix = index(text)
    found = described_role(ix, *_span(ix, name))
    assert (found.text if found else None) == role
    assert found is None or found.described


def test_the_describing_noun(index: Callable[[str], MentionIndex]) -> None:
    ix = index("Kataib Example, an Iran-backed militia, denied involvement.")
    assert describing_noun(ix, *_span(ix, "Kataib Example")) == "militia"
    ix = index("He spoke to Ana Example on Monday.")
    assert describing_noun(ix, *_span(ix, "Ana Example")) is None
