"""Candidate names that are no organization: things, places, honours, contests, common words, persons."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.extract.mentions.index import MentionIndex
from newsgraph.extract.mentions.organizations.collect import build_organizations, find_org_mentions
from newsgraph.extract.mentions.persons import find_person_spans


@pytest.fixture(scope="module")
def org_names() -> Callable[[str], list[tuple[str, list[str]]]]:
    from newsgraph.ingest.nlp import load_nlp, parse_one

    load_nlp()

    def run(text: str) -> list[tuple[str, list[str]]]:
        ix = MentionIndex(parse_one(text))
        orgs = build_organizations(ix, find_org_mentions(ix, find_person_spans(ix)), "d1")
        return [(o.name, o.aliases) for o in orgs.values()]

    return run


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Reports said at least ten people died in the flood.", []),  # a common word with a capital
        ("Protesters gathered outside the Harbour Police Headquarters on Monday.", []),  # the building
        ("The Borduria Chess Festival opened on Monday with 300 players.", []),  # a contest
        ("She won the Ruritania Prize for Literature in 2001.", []),  # an honour
        ("He received the Borduria National Medal of Science in 2010.", []),  # an honour with its field
        ("The crew boarded the International Space Station on Friday.", []),  # a craft
        ("The Skylark capsule docked with the station. The Skylark carried cargo.", []),  # a spacecraft
        (
            "The cargo ship MV Sea Lantern vanished. Sea Lantern was owned by Lantern Shipping Company.",
            [("Lantern Shipping Company", [])],
        ),
        (
            "The National Institute of Rivers and Coastal Studies director spoke on Monday.",
            [("National Institute of Rivers and Coastal Studies", [])],
        ),
        (
            "The Senate Select Committee on Borduria met on Tuesday.",
            [("Senate Select Committee on Borduria", [])],
        ),
        ("Dana Okafor and Lars Lindqvist campaigned together. The Okafor-Lindqvist ticket won.", []),
        ("The Daily Herald reported the deal.", [("The Daily Herald", ["Daily Herald"])]),
        ("Typhoon Mirella struck the coast on Tuesday, and Tropical Storm Benno formed later.", []),  # storms
        ("Hurricane Orla weakened overnight. The weather office said Orla's winds slowed.", []),  # its name alone
        ("Police raided ten homes as part of Operation Silver Lantern on Monday.", []),  # an operation
        ("Police closed the road between Wajir and Elwak on Friday.", []),  # a town after "between"
        ("Many workers in Sfax joined the strike.", []),  # a town after "in"
        # names listed after an area word: places
        ("The unrest spread to the provinces of Imbabura, Cotopaxi and Chimborazo on Monday.", []),
        ("Reporters were turned away from the districts of Androy and Anosy.", []),
        # places: listed after "in", one word after "at", before a word of an area or road, before "border"
        ("Police raided sites in Rellport, Samut Vahon and Kestrow last week.", []),
        ("A garment factory in Ksar Vellal shut on Thursday.", []),
        ("Gunmen overran the post at Varaboule before dawn.", []),
        ("About 300 supporters gathered outside Parliament House on Monday.", []),  # the building
        ("The tanker lay at anchor off Porvalo with a police boat beside it.", []),
        ("Crowds gathered near the Kashvelo church on Monday.", []),
        ("Workers were trucked to the Poivet border crossing on Tuesday.", []),
        ("Farmers blocked the Dhavar-Mymenpur highway for three hours.", []),
        ("The families were taken to the Chacaluna border post on Saturday.", []),
        ("The boat sank in the Mawddach Estuary on Sunday.", []),  # an estuary
        ("Farmers blocked the B9 motorway with tractors.", []),
        ("Junta detains ministers\n\nBANJUL/DAKAR, May 27 (Reuters) - Soldiers detained seven ministers.", []),
        # a portfolio before "Minister" or "Secretary": the office's field
        ("Ocean Trade and Fisheries Minister Dana Okafor told reporters the ban was unfair.", []),
        ("Home Minister Dana Okafor announced the curfew.", []),
        # one letter: the platform X, and the model's entity run on past it into the next sentence
        ('"We will not give in," Okafor wrote on X. Borduria\'s cabinet met later.', []),
    ],
)
def test_names_that_are_no_organization(
    org_names: Callable[[str], list[tuple[str, list[str]]]], text: str, expected: list[tuple[str, list[str]]]
) -> None:
    assert org_names(text) == expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Borduria ranked 59th in Transparency International's latest index.", "Transparency International"),
        ("The president announced the dismissals at Liberty House on Monday.", "Liberty House"),  # a body's seat
        ("Dana Okafor, a professor at Harvard, said the study was flawed.", "Harvard"),  # an employer after "at"
    ],
)
def test_bodies_after_a_preposition_of_place_stay(
    org_names: Callable[[str], list[tuple[str, list[str]]]], text: str, name: str
) -> None:
    assert name in [n for n, _ in org_names(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dana Okafor ran for Congress in 2018 and lost.", []),  # a seat, not the chamber acting
        ("The Senate race drew three candidates.", []),
    ],
)
def test_a_legislature_named_for_a_seat_is_no_organization_mention(
    org_names: Callable[[str], list[tuple[str, list[str]]]], text: str, expected: list[tuple[str, list[str]]]
) -> None:
    assert org_names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an international body's name qualifying one of its branches names the branch
        ("The United Nations human rights office in Geneva urged restraint.", []),
        ("A spokesman for the United Nations peacekeeping force said so.", []),
        # the body itself stays
        ("The United Nations condemned the attack.", [("United Nations", [])]),
    ],
)
def test_a_body_qualifying_its_branch_is_no_mention_of_it(
    org_names: Callable[[str], list[tuple[str, list[str]]]], text: str, expected: list[tuple[str, list[str]]]
) -> None:
    assert org_names(text) == expected


def test_dateline_tokens() -> None:
    from newsgraph.extract.mentions.organizations.exclude import dateline_tokens
    from newsgraph.ingest.nlp import load_nlp, parse_one

    load_nlp()
    ix = MentionIndex(parse_one("MAE SOT, Thailand (Reuters) — Jets bombed a village."))
    start, end = dateline_tokens(ix)
    assert ix.text(start, end) == "MAE SOT"
    assert dateline_tokens(MentionIndex(parse_one("Jets bombed a village on Monday."))) == (0, 0)
