"""Parties named by their members or as an adjective, in a story of the party's country."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from newsgraph.core.model import Organization
from newsgraph.extract.mentions.index import MentionIndex
from newsgraph.extract.mentions.organizations.parties import add_parties


@pytest.fixture(scope="module")
def parse() -> Callable[[str], Doc]:
    from newsgraph.ingest.nlp import load_nlp, parse_one

    load_nlp()
    return parse_one


def _parties(parse: Callable[[str], Doc], text: str, country: str | None, orgs=None) -> dict[str, Organization]:
    found: dict[str, Organization] = dict(orgs or {})
    add_parties(MentionIndex(parse(text)), country, found, "d1")
    return found


def test_members_and_adjectives_name_the_party(parse) -> None:
    text = "Democrats backed the bill and Republicans opposed it. A Democratic senator spoke."
    found = _parties(parse, text, "USA")
    assert [(o.name, o.aliases, o.country, len(o.mentions)) for o in found.values()] == [
        ("Democratic Party", ["Democrats", "Democratic"], "USA", 2),
        ("Republican Party", ["Republicans"], "USA", 1),
    ]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Democrats backed the bill.", "GBR"),  # another country's story
        ("Democrats backed the bill.", None),
        ("The Democratic Republic of the Congo protested.", "USA"),  # inside another name
        ("The Democratic Party met.", "USA"),  # the name itself, found as such
    ],
)
def test_no_party(parse, text: str, country: str | None) -> None:
    assert _parties(parse, text, country) == {}


def test_the_words_join_the_party_the_story_names(parse) -> None:
    named = Organization(name="Republican Party", aliases=["GOP"], country="USA", mentions=[])
    found = _parties(parse, "Republicans opposed it.", "USA", {"k:Republican Party": named})
    assert list(found) == ["k:Republican Party"]
    assert found["k:Republican Party"].aliases == ["GOP", "Republicans"] and len(named.mentions) == 1
