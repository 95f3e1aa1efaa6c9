"""The story's own policy act: a government that enacts what the story is about supports it."""

from __future__ import annotations

import pytest

from newsgraph.extract.stance_enact import reference_nouns
from newsgraph.extract.stances import extract_stances


def _rows(parse, text: str) -> list[tuple[str, str, str]]:
    return [(s.country, s.position, s.issue) for s in extract_stances(parse(text), "d1")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On Monday, Chilean President Ana Torres declared a national emergency over the floods.",
            [("CHL", "supports", "national emergency over floods (Chile)")],
        ),
        # the act is done to something: the issue is the act's noun and its object
        (
            "On Friday, the Peruvian government banned the airline Example Air from its airspace.",
            [("PER", "supports", "ban on airline Example Air")],
        ),
        # a parliament acts as a body, by its vote
        (
            "On Tuesday, the parliament of Peru voted to legalise same-sex marriage.",
            [("PER", "supports", "legalisation of same-sex marriage (Peru)")],
        ),
        # a map legend or caption before the story is no lead
        (
            "Red: flooded areas\n\nOn Monday, Chilean President Ana Torres declared a national emergency.",
            [("CHL", "supports", "national emergency (Chile)")],
        ),
        # a licence or concession undone, goods barred: acts done to their object
        (
            "On Tuesday, the Chilean government revoked the fishing licences of 12 foreign trawlers.",
            [("CHL", "supports", "revocation of fishing licences of 12 foreign trawlers (Chile)")],
        ),
        (
            "The Peruvian government on Monday cancelled the mining concession of Example Metals.",
            [("PER", "supports", "cancellation of mining concession of Example Metals")],
        ),
        ("On Friday, Bolivia barred imports of Chilean wine.", [("BOL", "supports", "ban on imports of Chilean wine")]),
        # an intent is the government's stated position too
        (
            "The Kenyan government said it will withdraw the tax bill.",
            [("KEN", "supports", "withdrawal of tax bill (Kenya)")],
        ),
    ],
)
def test_the_act_of_the_lead(parse, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _rows(parse, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # no office that speaks for the country: a governor, a party, someone out of office
        "On Monday, the governor of Texas declared a state of emergency over the floods.",
        "On Monday, former Chilean president Ana Torres declared a national emergency.",
        # a negated act
        "On Monday, Chilean President Ana Torres did not declare a national emergency.",
        # an act in the third sentence is no longer the story's own
        "Heavy rain fell across the south all week. Rivers rose above their banks in many towns. "
        "Chilean President Ana Torres declared a national emergency.",
        # "issued a statement" is words, not a policy
        "On Monday, the Chilean government issued a statement about the floods.",
    ],
)
def test_no_act(parse, text: str) -> None:
    assert not any(position == "supports" for _c, position, _i in _rows(parse, text))


def test_who_asks_for_an_act_supports_it_and_who_declines_opposes_it(parse) -> None:
    text = (
        "On Monday, the British government asked the United States to waive the diplomatic immunity of an "
        "American diplomat. The American embassy declined the request."
    )
    assert _rows(parse, text) == [
        ("GBR", "supports", "waiver of diplomatic immunity of American diplomat"),
        ("USA", "opposes", "waiver of diplomatic immunity of American diplomat"),
    ]


def test_other_states_doing_the_same_act_support_it(parse) -> None:
    text = (
        "On Friday, the Prime Minister of Tunisia signed a decree banning face veils in public offices. "
        "Neighbouring countries including Algeria and Morocco have imposed bans on face veils."
    )
    assert [(c, p) for c, p, _i in _rows(parse, text)] == [
        ("TUN", "supports"),
        ("DZA", "supports"),
        ("MAR", "supports"),
    ]


def test_reactions_point_back_at_the_act(parse) -> None:
    text = (
        "On Friday, the Peruvian government banned the airline Example Air from its airspace. "
        "The Bolivian foreign minister criticised the move. Chile welcomed the ban."
    )
    assert [(c, p) for c, p, _i in _rows(parse, text)] == [
        ("PER", "supports"),
        ("BOL", "opposes"),
        ("CHL", "supports"),
    ]


def test_reference_nouns() -> None:
    assert {"move", "decision", "claim"} <= reference_nouns()


def test_the_headline_is_no_lead(parse) -> None:
    from newsgraph.extract.events.actors import DocContext
    from newsgraph.extract.stance_enact import lead_sentences

    doc = parse(
        "Kenya bans plastic bags in a push to clean up its cities\n\n"
        "Kenya's government banned plastic bags on Monday. Shops have two weeks to comply.\n\n"
        "Officials said more rules would follow."
    )
    ctx = DocContext(doc, None, None)
    lead = lead_sentences(ctx.sents, ctx.paragraph_of)
    first = "Kenya's government banned plastic bags on Monday."
    assert [s.text.strip() for s in lead] == [first, "Shops have two weeks to comply."]
