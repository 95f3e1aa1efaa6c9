"""A state's judgement of a thing the issue label does not name, as its last word (extract/stance_fallback.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from newsgraph.core.model import Evidence, Stance
from newsgraph.extract.events.coder import extract_events
from newsgraph.extract.stance_fallback import last_word
from newsgraph.extract.stances import extract_stances

# The story's issue is the curfew; the reactions below name it by words of their own.
_LEAD = (
    "Chile imposed a nighttime curfew on its capital on Friday after two nights of rioting. "
    "The curfew will last two weeks, the interior ministry said. "
)


def _rows(parse: Callable[[str], Doc], text: str, lead: str = _LEAD) -> list[tuple[str, str]]:
    doc = parse(lead + text)
    return [(s.country, s.position) for s in extract_stances(doc, "d1", events=extract_events(doc, "d1"))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Finnish foreign ministry condemned the approach on Sunday.", ("FIN", "opposes")),
        ("Denmark criticised the effort.", ("DNK", "opposes")),
        ("Estonia and Latvia praised the effort.", ("EST", "supports")),
        ("Estonia and Latvia praised the effort.", ("LVA", "supports")),
        ("Portugal rejected the approach.", ("PRT", "opposes")),
        ("Iceland welcomed the choice.", ("ISL", "supports")),
        ("Malta's navy, which backed the approach, sent two ships.", ("MLT", "supports")),
        # a thing introduced by "a" or "any" is still a thing of the story's matter
        ("Sudan's foreign ministry opposed any filling of the reservoir.", ("SDN", "opposes")),
        ("Norway backed an extension of the measure.", ("NOR", "supports")),
        # what the taker calls the thing it judges, and a protest that is the purpose of a summons
        ("Peru's foreign ministry condemned what it called the harsh treatment of its citizens.", ("PER", "opposes")),
        (
            "Bolivia's Foreign Ministry summoned the Chilean ambassador on Sunday to protest against what it called "
            "the closure of the border.",
            ("BOL", "opposes"),
        ),
    ],
)
def test_a_state_judging_a_told_thing_takes_a_position(
    parse: Callable[[str], Doc], text: str, expected: tuple[str, str]
) -> None:
    assert expected in _rows(parse, text)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # people of a sector or kind, a body, or a thing another owns: no judgement of the issue
        ("Sweden criticized the judges.", "SWE"),
        ("Denmark defended the officers.", "DNK"),
        ("Norway praised the volunteers.", "NOR"),
        ("Finland welcomed Peru's approach.", "FIN"),
        ("Austria praised the Peruvian Workers' Party.", "AUT"),
        # not told as a fact, not a definite thing, or a participle's inferred doer
        ("Estonia did not welcome the approach.", "EST"),
        ("Latvia could welcome the approach.", "LVA"),
        ("Portugal welcomed efforts.", "PRT"),
        ("Malta sent two ships, backing the approach.", "MLT"),
        ("Bolivia refused to protest against the closure.", "BOL"),
    ],
)
def test_no_row_from_what_is_no_judgement_of_a_told_thing(parse: Callable[[str], Doc], text: str, country: str) -> None:
    assert not [c for c, _p in _rows(parse, text) if c == country]


def _stance(country: str, position: str) -> Stance:
    ev = Evidence(doc="d1", sentence="s", start=0, end=1)
    return Stance(country=country, issue="curfew (Chile)", position=position, evidence=ev, date=None)


def test_a_state_with_another_row_keeps_that_row_alone() -> None:
    told = [_stance("NOR", "opposes")]
    judged = [_stance("NOR", "supports"), _stance("SWE", "supports"), _stance("SWE", "opposes")]
    assert [(r.country, r.position) for r in last_word(told, judged)] == [("SWE", "supports")]


@pytest.mark.parametrize(
    "text",
    [
        "Lithuania's prime minister rejected the Latvian ultimatum.",
        "The Lithuanian minister dismissed the Latvian objections.",
    ],
)
def test_an_ultimatum_and_objections_are_criticism_the_doer_rejects(parse: Callable[[str], Doc], text: str) -> None:
    # the detentions' doer rejecting a demand or objections backs its own act
    lead = "Lithuanian police detained four Latvian fishermen on Sunday. Latvia condemned the detentions. "
    rows = _rows(parse, text, lead)
    assert ("LTU", "supports") in rows
    assert ("LTU", "opposes") not in rows


_EXPELLED = (
    "Chilean police expelled 40 Peruvian migrants across the border on Monday. "
    "The expulsions were the largest this year. "
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a summons of the doer's envoy, a charge against the doer: against its act
        ("Peru summoned Chile's ambassador in Lima on Tuesday.", ("PER", "opposes")),
        ("Bolivia accused Chile of abandoning the migrants in the desert.", ("BOL", "opposes")),
        # the doer's own charge against another presses its case
        ("Chile accused Peru of refusing to take back its citizens.", ("CHL", "supports")),
    ],
)
def test_a_summons_or_a_charge_takes_a_side_on_the_doers_act(
    parse: Callable[[str], Doc], text: str, expected: tuple[str, str]
) -> None:
    assert expected in _rows(parse, text, _EXPELLED)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Bolivia summoned Argentina's ambassador.", "BOL"),  # neither is the act's doer
        ("Peru did not summon Chile's ambassador.", "PER"),
    ],
)
def test_a_summons_of_a_stranger_or_none_takes_no_side(parse: Callable[[str], Doc], text: str, country: str) -> None:
    assert not [c for c, _p in _rows(parse, text, _EXPELLED) if c == country]


def test_a_story_with_no_issue_noun_takes_the_named_thing_a_state_judges(parse: Callable[[str], Doc]) -> None:
    text = (
        "DHAKA (AP) - Bangladesh summoned India's high commissioner on Thursday to protest against the sudden opening "
        "of the Gajoldoba barrage gates. Thousands of families fled the floods."
    )
    doc = parse(text)
    rows = [(s.country, s.position, s.issue) for s in extract_stances(doc, "d1", events=extract_events(doc, "d1"))]
    assert rows == [("BGD", "opposes", "sudden opening (Bangladesh, India)")]
