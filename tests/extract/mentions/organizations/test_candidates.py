"""Organization names found by how the text uses them, not by the model's label."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.extract.mentions.index import MentionIndex
from newsgraph.extract.mentions.organizations.candidates import (
    country_ministries,
    defined_acronyms,
    described_organizations,
    domain_country,
    listed_instances,
    named_before_org_words,
    web_sites,
)


def _texts(ix: MentionIndex, spans: list[tuple[int, int]]) -> list[str]:
    return [ix.text(s, e) for s, e in spans]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Portfolio.hu", (True, "HUN")),
        ("Politico.eu", (True, None)),
        ("Example.co.uk", (True, "GBR")),
        ("Reuters.com", (True, None)),
        ("U.S.", (False, None)),
        ("Mr.", (False, None)),
    ],
)
def test_domain_country(text: str, found: tuple[bool, str | None]) -> None:
    assert domain_country(text) == found


@pytest.mark.parametrize(
    ("text", "names"),
    [("Speaking to Novinky.cz, the mayor agreed.", ["Novinky.cz"]), ("He left at 5 p.m. sharp.", [])],
)
def test_web_sites(index: Callable[[str], MentionIndex], text: str, names: list[str]) -> None:
    ix = index(text)
    assert _texts(ix, web_sites(ix)) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Shoppers prefer discount stores like Zabka and Netto.", ["Zabka", "Netto"]),
        (
            "Banks such as Nordea, Danske and Handelsbanken raised rates.",
            ["Nordea", "Danske", "Handelsbanken"],
        ),
        ("Leaders of his party such as Ana Lima disagreed.", []),
    ],
)
def test_listed_instances(index: Callable[[str], MentionIndex], text: str, names: list[str]) -> None:
    ix = index(text)
    assert _texts(ix, listed_instances(ix)) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Buyers included the Kaufhof chain.", ["Kaufhof"]),
        ("Devon police said two men were held.", ["Devon police"]),
        ("The police said two men were held.", []),
        ("Troops of the U.S.-led coalition left.", []),
    ],
)
def test_named_before_org_words(index: Callable[[str], MentionIndex], text: str, names: list[str]) -> None:
    ix = index(text)
    assert _texts(ix, named_before_org_words(ix)) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("According to News from Latvia (NFL), prices rose.", ["News from Latvia"]),
        ("The Clean Air Act (CAA) passed.", []),  # a law, not an organization
        ("The new Regional Sales Manager (RSM) resigned.", []),  # a title
    ],
)
def test_defined_acronyms(index: Callable[[str], MentionIndex], text: str, names: list[str]) -> None:
    ix = index(text)
    assert _texts(ix, defined_acronyms(ix)) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("KNF, the Polish financial regulator, fined the bank.", ["KNF"]),
        ("On Monday, the ministers met.", []),
    ],
)
def test_described_organizations(index: Callable[[str], MentionIndex], text: str, names: list[str]) -> None:
    ix = index(text)
    assert _texts(ix, described_organizations(ix)) == names


@pytest.mark.parametrize("text", ["", "( )", "like", "stores like", "(AB)", ", the agency"])
def test_odd_input(index: Callable[[str], MentionIndex], text: str) -> None:
    ix = index(text)
    for finder in (
        web_sites,
        listed_instances,
        named_before_org_words,
        defined_acronyms,
        described_organizations,
    ):
        assert isinstance(finder(ix), list)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Armenia's defence ministry said one soldier was wounded.", ["Armenia's defence ministry"]),
        ("The Chinese foreign ministry rejected the statement.", ["Chinese foreign ministry"]),
        ("Moldova's emergency situations ministry said 300 people left.", ["Moldova's emergency situations ministry"]),
        ("Chinese ministry officials met on Monday.", []),  # no portfolio: no name
        ("The Foreign Ministry of Chile said nothing.", []),  # written as a name: found by the model
        ("Officials at the Finance ministry said the money would come in May.", ["Finance ministry"]),
        ("Finance ministry official Dana Okafor said the money would come in May.", ["Finance ministry"]),
        ("Officials at the health ministry said nothing.", []),  # no capital: no name
    ],
)
def test_country_ministries(index: Callable[[str], MentionIndex], text: str, expected: list[str]) -> None:
    ix = index(text)
    assert _texts(ix, country_ministries(ix)) == expected


def test_a_country_ministry_is_one_organization_with_its_country() -> None:
    from newsgraph.extract.mentions.organizations.collect import build_organizations, find_org_mentions
    from newsgraph.extract.mentions.persons import find_person_spans
    from newsgraph.ingest.nlp import parse_one

    ix = MentionIndex(parse_one("Armenia's defence ministry said one soldier was wounded on Thursday."))
    orgs = build_organizations(ix, find_org_mentions(ix, find_person_spans(ix)), "d1")
    assert [(o.name, o.country) for o in orgs.values()] == [("Armenia's defence ministry", "ARM")]
