"""The organization a role names without a name of it: a party word, a state body named by a common noun."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.extract.mentions.index import MentionIndex
from newsgraph.extract.mentions.role_bodies import acronym, body_in, party_in


def _span(ix: MentionIndex, words: str) -> tuple[int, int]:
    start = ix.body.index(words)
    span = ix.doc.char_span(start, start + len(words))
    assert span is not None
    return span.start, span.end


@pytest.mark.parametrize(
    ("text", "role", "expected"),
    [
        (
            "The bill was written by Republican state representative Terri Collins.",
            "Republican state representative",
            "Republican Party",
        ),
        (
            "The Democratic presidential nominee, Joe Biden, spoke in Ohio.",
            "Democratic presidential nominee",
            "Democratic Party",
        ),
        ("The Democratic Republic of the Congo's envoy, Jean Ilunga, spoke.", "envoy", None),
    ],
)
def test_party_in(index: Callable[[str], MentionIndex], text: str, role: str, expected: str | None) -> None:
    ix = index(text)
    assert party_in(ix, *_span(ix, role), "USA") == expected


@pytest.mark.parametrize(
    ("text", "role", "expected"),
    [
        (
            "China rejected it. Foreign ministry spokesperson Lin Jian spoke.",
            "ministry spokesperson",
            "Foreign ministry",
        ),
        ("Gunmen attacked a hotel. Police spokesman Abdirahman Nur said five died.", "Police spokesman", "Police"),
        ("Rwanda sent troops. Rwandan army spokesman Eric Habimana spoke.", "Rwandan army spokesman", "Rwandan army"),
        (
            "A bomb went off. The district police chief, Imran Khattak, spoke.",
            "district police chief",
            "district police",
        ),
        # a ministry without its portfolio names none
        ("China rejected it. A ministry spokesperson, Lin Jian, spoke.", "ministry spokesperson", None),
    ],
)
def test_body_in(index: Callable[[str], MentionIndex], text: str, role: str, expected: str | None) -> None:
    ix = index(text)
    assert body_in(ix, *_span(ix, role)) == expected


def test_acronym() -> None:
    assert acronym("IMF") and acronym("U.N.") and not acronym("PG&E") and not acronym("State Department")
