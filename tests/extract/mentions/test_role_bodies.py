"""The organization a role names without a name of it: a party word, a state body named by a common noun."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.extract.mentions.index import MentionIndex
from newsgraph.extract.mentions.role_bodies import (
    acronym,
    body_before,
    body_in,
    department_led,
    government_headed,
    ministry_led,
    party_before,
    party_in,
)


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


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        (
            "Democrat Rod Blagojevich, the former governor of Illinois, was freed in Chicago.",
            "Rod Blagojevich",
            "Democratic Party",
        ),
        ("Republican Kevin McCarthy of California voted against the bill.", "Kevin McCarthy", "Republican Party"),
        ("Senator Kevin McCarthy of California voted against the bill.", "Kevin McCarthy", None),
    ],
)
def test_party_before(index: Callable[[str], MentionIndex], text: str, name: str, expected: str | None) -> None:
    ix = index(text)
    start, _end = _span(ix, name)
    assert party_before(ix, start, "USA") == expected


def test_a_party_word_before_a_name_and_a_body_after_of_are_the_person_s_organization() -> None:
    from newsgraph.extract.mentions.collect import extract_mentions
    from newsgraph.ingest.nlp import load_nlp, parse_one

    load_nlp()
    text = (
        "WASHINGTON (AP) - The commutations included Democrat Rod Blagojevich, the former governor of Illinois. "
        '"It was chaos," said Lucy Fischer of The Times, who saw the attack.'
    )
    persons = {p.name: p for p in extract_mentions(parse_one(text), "d").persons}
    assert persons["Rod Blagojevich"].organization == "Democratic Party"
    assert persons["Lucy Fischer"].organization == "The Times"  # a name that begins with its article


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"It is false," foreign ministry spokesman Zhou Ming\'an said in Beijing.', "foreign ministry"),
        ("The men were arrested, navy spokesman Commander Nalin Perera said.", "navy"),
        ("The men were arrested, a ministry spokesman said.", None),  # which ministry the text tells elsewhere
        ("The men were arrested, spokesman Nalin Perera said.", None),
    ],
)
def test_body_before(index: Callable[[str], MentionIndex], text: str, expected: str | None) -> None:
    ix = index(text)
    start, _end = _span(ix, "spokesman")
    assert body_before(ix, start) == expected


def test_a_body_right_before_a_spokesman_is_his_organization() -> None:
    from newsgraph.extract.mentions.collect import extract_mentions
    from newsgraph.ingest.nlp import load_nlp, parse_one

    load_nlp()
    text = '"Small countries are no chessboard," foreign ministry spokesman Zhou Ming\'an said in Beijing.'
    persons = {p.name: p for p in extract_mentions(parse_one(text), "d").persons}
    assert persons["Zhou Ming'an"].organization == "foreign ministry"


@pytest.mark.parametrize(
    ("role", "country", "holds_office", "expected"),
    [
        ("Greek Prime Minister", "GRC", False, "Government of Greece"),
        ("President of the Philippines", "PHL", False, "Government of the Philippines"),
        ("South Korean President", "KOR", False, "Government of South Korea"),
        ("Greece's prime minister", "GRC", False, "Government of Greece"),
        # a bare title only for one the office-holder table gives a term in that government
        ("President", "FRA", True, "Government of France"),
        ("President", "FRA", False, None),
        # another office or another body's head
        ("former President", "FRA", True, None),
        ("company president", "FRA", True, None),
        ("President of the European Commission", "DEU", True, None),
        ("Foreign Minister", "FRA", True, None),
        ("Vice President", "FRA", True, None),
        ("Chilean President", "PER", False, None),
    ],
)
def test_government_headed(role: str, country: str, holds_office: bool, expected: str | None) -> None:
    assert government_headed(role, country, holds_office) == expected


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("Interior Minister", "Interior Ministry"),
        ("Water and Energy Minister", "Water and Energy Ministry"),
        ("Russia's Emergencies Minister", "Emergencies Ministry"),
        ("Polish Foreign Minister", "Foreign Ministry"),
        ("Minister of Culture and Fine Arts", "Ministry of Culture and Fine Arts"),
        # no portfolio written, another office, a rank, or no office now
        ("Minister", None),
        ("Prime Minister", None),
        ("First Minister", None),
        ("former Interior Minister", None),
        ("Minister of State for Europe", None),
        ("Maritime Affairs Minister", None),
    ],
)
def test_ministry_led(role: str, expected: str | None) -> None:
    assert ministry_led(role) == expected


@pytest.mark.parametrize(
    ("role", "country", "expected"),
    [
        ("Commerce Secretary", "USA", "Department of Commerce"),
        ("Homeland Security Secretary", "USA", "Department of Homeland Security"),
        ("Secretary of State", "USA", "State Department"),
        ("Treasury Secretary", "USA", "Department of the Treasury"),
        ("Trade Secretary", "PHL", "Department of Trade"),
        # a secretary of no portfolio, a country whose secretaries head no departments, no office now
        ("Press Secretary", "USA", None),
        ("Secretary-General", "USA", None),
        ("Foreign Secretary", "PHL", None),
        ("Transport Secretary", "GBR", None),
        ("former Commerce Secretary", "USA", None),
    ],
)
def test_department_led(role: str, country: str, expected: str | None) -> None:
    assert department_led(role, country) == expected
