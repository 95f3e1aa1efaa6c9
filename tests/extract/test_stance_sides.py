"""Calls on every side of a dispute are neutral (extract/stance_sides.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from newsgraph.extract.events.coder import extract_events
from newsgraph.extract.stance_sides import blocks_issue, points_at_act, stopping_lead
from newsgraph.extract.stances import extract_stances


def _rows(parse: Callable[[str], Doc], text: str) -> list[tuple[str, str]]:
    return [(s.country, s.position) for s in extract_stances(parse(text), "d1")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Peru and Chile traded accusations over the tariff. Brazil urged both sides to settle the dispute.",
            [("BRA", "neutral")],
        ),
        ("The tariff angered Chile. Mexico called on all parties to return to talks.", [("MEX", "neutral")]),
        # the sides parsed as the subject of the clause the call asks for
        (
            "Soldiers seized power in a coup. China said it was closely following the situation and called on "
            "all parties to exercise restraint.",
            [("CHN", "neutral")],
        ),
        # the two sides named by their capitals
        (
            "Kyrgyzstan and Tajikistan traded accusations over the border conflict. Russia urged Bishkek and "
            "Dushanbe to show restraint.",
            [("RUS", "neutral")],
        ),
        # restraint or calm asked of no one in particular
        (
            "Kyrgyzstan and Tajikistan traded accusations over the border conflict. Kazakhstan called for restraint.",
            [("KAZ", "neutral")],
        ),
        (
            "Kyrgyzstan and Tajikistan traded accusations over the border conflict. Kazakhstan urged calm.",
            [("KAZ", "neutral")],
        ),
        # the sides named as neighbours, countries or governments
        (
            "Kuwait announced the recall of its ambassador from Baghdad. Saudi Arabia called on both neighbours "
            "to show restraint.",
            [("SAU", "neutral")],
        ),
    ],
)
def test_a_call_on_both_sides_is_neutral(
    parse: Callable[[str], Doc], text: str, expected: list[tuple[str, str]]
) -> None:
    assert _rows(parse, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The tariff angered Chile. Mexico urged Chile to lift the tariff.",  # one side: no neutral row
        "The tariff angered Chile. Mexico did not urge both sides to talk.",  # negated
        "Brazil urged both sides to settle their differences.",  # no issue in the story
    ],
)
def test_no_neutral_row(parse: Callable[[str], Doc], text: str) -> None:
    assert ("MEX", "neutral") not in _rows(parse, text) and ("BRA", "neutral") not in _rows(parse, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Police arrested the opposition leader on Tuesday. The arrest drew criticism abroad. "
            "Canada urged the authorities to free the opposition leader.",
            ("CAN", "opposes"),
        ),
        (
            "China's blockade of the islands entered its third week. Australia called on China to lift the blockade.",
            ("AUS", "opposes"),
        ),
    ],
)
def test_a_call_to_undo_is_against_the_issue(parse: Callable[[str], Doc], text: str, expected: tuple[str, str]) -> None:
    assert expected in _rows(parse, text)


def test_a_call_to_change_a_manner_is_no_position(parse: Callable[[str], Doc]) -> None:
    text = "Police arrested the opposition leader on Tuesday. Canada urged Japan to stop stirring up the arrest."
    assert ("CAN", "opposes") not in _rows(parse, text)


@pytest.mark.parametrize(
    "text",
    [
        "Thailand deported 300 workers in a crackdown on Monday. Thailand said it would not halt the crackdown.",
        "Thailand deported 300 workers in a crackdown on Monday. Thailand refused to halt the crackdown.",
    ],
)
def test_refusing_to_undo_the_issue_supports_it(parse: Callable[[str], Doc], text: str) -> None:
    assert ("THA", "supports") in _rows(parse, text)


def test_undoing_the_issue_is_no_support_for_it(parse: Callable[[str], Doc]) -> None:
    text = "Thailand deported 300 workers in a crackdown on Monday. Thailand halted the crackdown on Friday."
    assert ("THA", "supports") not in _rows(parse, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the doer of the story's act rejects the criticism of it: it backs its act
        (
            "Chilean police expelled 300 migrants on Monday. Peru condemned the expulsions. The Chilean government "
            "rejected the protest.",
            [("PER", "opposes"), ("CHL", "supports")],
        ),
        (
            "Kenyan police detained 40 students at a rally on Monday. Britain condemned the detentions. Kenya's "
            "government rejected the criticism.",
            [("GBR", "opposes"), ("KEN", "supports")],
        ),
        # a state that is not the act's doer rejects criticism: no position on the act
        (
            "Kenyan police detained 40 students at a rally on Monday. Britain condemned the detentions. Uganda's "
            "government rejected the criticism.",
            [("GBR", "opposes")],
        ),
    ],
)
def test_the_doer_rejecting_criticism_backs_its_act(
    parse: Callable[[str], Doc], text: str, expected: list[tuple[str, str]]
) -> None:
    doc = parse(text)
    events = extract_events(doc, "d1")
    assert [(s.country, s.position) for s in extract_stances(doc, "d1", events=events)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the state that did the story's act, or one of its bodies, as the object of a position
        (
            "Kenyan police detained 40 students at a rally on Monday. The detentions drew wide criticism. Britain "
            "condemned Kenya on Tuesday.",
            [("GBR", "opposes")],
        ),
        (
            "Kenyan police detained 40 students at a rally on Monday. The detentions drew wide criticism. Kenya's "
            "president praised the police.",
            [("KEN", "supports")],
        ),
    ],
)
def test_a_position_on_the_acts_doer_is_on_the_act(
    parse: Callable[[str], Doc], text: str, expected: list[tuple[str, str]]
) -> None:
    doc = parse(text)
    events = extract_events(doc, "d1")
    assert [(s.country, s.position) for s in extract_stances(doc, "d1", events=events)] == expected


@pytest.mark.parametrize(
    "text",
    [
        # a position on the blocking of the issue is the reverse position on the issue
        "Russia and China on Wednesday vetoed a Security Council resolution that would have tightened sanctions on "
        "North Korea. Britain's ambassador lambasted the two vetoes.",
        "Russia and China on Wednesday vetoed a Security Council resolution that would have tightened sanctions on "
        "North Korea. The British ambassador called the vetoes indefensible.",
    ],
)
def test_criticising_a_veto_backs_what_it_blocked(parse: Callable[[str], Doc], text: str) -> None:
    doc = parse(text)
    rows = [(s.country, s.position) for s in extract_stances(doc, "d1", events=extract_events(doc, "d1"))]
    assert rows == [("RUS", "opposes"), ("CHN", "opposes"), ("GBR", "supports")]


def test_an_act_whose_reason_names_the_issue_is_a_position_on_it(parse: Callable[[str], Doc]) -> None:
    text = (
        "Cambodia summoned Thailand's ambassador on Friday over the deportation of 300 migrant workers. "
        "The deportation began last week."
    )
    doc = parse(text)
    rows = [(s.country, s.position) for s in extract_stances(doc, "d1", events=extract_events(doc, "d1"))]
    assert rows == [("KHM", "opposes")]


def test_the_doer_that_rejects_an_account_of_its_act_backs_it(parse) -> None:
    """An account, a report, a demand or a call is what critics say or ask: rejecting it backs the act."""
    from newsgraph.extract.events.coder import extract_events

    doc = parse(
        "Chilean police expelled 300 Peruvian migrants on Monday. "
        "Chile rejected the Peruvian account of the expulsions."
    )
    assert ("CHL", "supports") in [
        (s.country, s.position) for s in extract_stances(doc, "d1", events=extract_events(doc, "d1"))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a call for the release of those the issue holds is a call against it
        (
            "Militiamen detained two Danish engineers in Benghazi on Monday. Denmark condemned the detention "
            "and called for the immediate release of the engineers.",
            ("DNK", "opposes"),
        ),
        # a demand that the doer stop or free: against the issue
        (
            "Guatemalan police expelled 200 Honduran traders on Monday. Honduras demanded that Guatemala halt "
            "the expulsions.",
            ("HND", "opposes"),
        ),
        (
            "A court in Minsk sentenced four Polish activists to prison. Poland condemned the sentences and "
            "urged Belarus to quash them.",
            ("POL", "opposes"),
        ),
    ],
)
def test_a_call_to_undo_the_issue_opposes_it(parse: Callable[[str], Doc], text: str, expected: tuple[str, str]) -> None:
    doc = parse(text)
    rows = [(s.country, s.position) for s in extract_stances(doc, "d1", events=extract_events(doc, "d1"))]
    assert expected in rows
    assert (expected[0], "supports") not in rows


def test_a_call_for_a_release_that_is_the_issue_backs_it(parse: Callable[[str], Doc]) -> None:
    # the pardon frees the man: a call for his release is no position against it
    doc = parse(
        "The king granted a royal pardon to the jailed union leader Sok Dara on Monday. Sweden welcomed "
        "the pardon and the release of Sok Dara."
    )
    rows = [(s.country, s.position) for s in extract_stances(doc, "d1", events=extract_events(doc, "d1"))]
    assert ("SWE", "opposes") not in rows


def test_blocks_issue_reads_undoings(parse: Callable[[str], Doc]) -> None:
    doc = parse("Norway welcomed the lifting of the embargo.")
    lifting = next(t for t in doc if t.lower_ == "lifting")
    assert blocks_issue([lifting], "embargo (Cuba)")
    assert not blocks_issue([lifting], "lifting of the embargo (Cuba)")
    assert not blocks_issue([lifting], "amnesty deal (Cuba)")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plural pronoun for the two states named before it
        (
            "Chad and Niger traded accusations over the border attack on Monday. Ghana urged them to resolve "
            "their differences through dialogue.",
            ("GHA", "neutral"),
        ),
        # the sides named as allies
        (
            "Spain and Portugal traded accusations over the fishing agreement. Italy urged the two allies to keep "
            "working together.",
            ("ITA", "neutral"),
        ),
    ],
)
def test_a_call_on_both_sides_named_otherwise_is_neutral(
    parse: Callable[[str], Doc], text: str, expected: tuple[str, str]
) -> None:
    doc = parse(text)
    assert expected in [(s.country, s.position) for s in extract_stances(doc, "d1", events=extract_events(doc, "d1"))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the story's act stops the issue: condemning that act backs the issue, welcoming it opposes the issue
        (
            "Poland on Monday vetoed a package of farm aid for Moldova at a meeting of EU ministers. Latvia "
            "condemned the move. Belarus welcomed the decision.",
            [("POL", "opposes"), ("LVA", "supports"), ("BLR", "opposes")],
        ),
        # defending the vote that stopped it is a position against the issue
        (
            "Hungary on Monday vetoed a package of farm aid for Moldova at a meeting of EU ministers. Serbia "
            "defended the vote. Latvia condemned the move.",
            [("HUN", "opposes"), ("SRB", "opposes"), ("LVA", "supports")],
        ),
        # an act that carries the issue out: the position on it is the position on the issue
        (
            "Poland on Monday approved a package of farm aid for Moldova. Latvia welcomed the move.",
            [("LVA", "supports")],
        ),
    ],
)
def test_a_position_on_an_act_that_stops_the_issue_is_the_reverse_one(
    parse: Callable[[str], Doc], text: str, expected: list[tuple[str, str]]
) -> None:
    doc = parse(text)
    rows = [(s.country, s.position) for s in extract_stances(doc, "d1", events=extract_events(doc, "d1"))]
    assert all(row in rows for row in expected)
    assert ("LVA", "opposes") not in rows


def test_blocking_a_challenge_to_the_issue_does_not_stop_it(parse: Callable[[str], Doc]) -> None:
    doc = parse("Chile on Monday blocked Peru's request for a panel on the wine tariff. Spain backed the decision.")
    lead = list(doc.sents)[:1]
    assert not stopping_lead(lead, "wine tariff (Chile)", frozenset({"decision"}))


def test_points_at_act(parse: Callable[[str], Doc]) -> None:
    doc = parse("Latvia condemned the move and the draft.")
    move, draft = (next(t for t in doc if t.lower_ == w) for w in ("move", "draft"))
    refs = frozenset({"move", "draft"})
    assert points_at_act([move], "farm aid (Moldova)", refs)
    assert not points_at_act([draft], "farm aid (Moldova)", refs)  # the draft names the issue itself


_DETAINED = "Georgian police detained the opposition leader on Monday. The detention drew criticism abroad. "


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a call on the act's doer (its capital, its authorities) to act otherwise presses against the act
        ("The United States urged Tbilisi to respect due process.", [("USA", "opposes")]),
        (
            "The United States urged Georgian authorities to respect the right to peaceful assembly.",
            [("USA", "opposes")],
        ),
        # not a call to carry the act on, for calm, on another state, nor one beside a backing in the same breath
        ("The United States urged Tbilisi to continue the reforms.", []),
        ("The United States called on police to show restraint.", []),
        ("The United States urged Armenia to respect the right to peaceful assembly.", []),
        ("The United States welcomed the inquiry and urged Tbilisi to respect due process.", []),
        # nor beside a call on all sides
        (
            "The United States urged all sides to show restraint and called on the authorities to respect the right "
            "to peaceful assembly.",
            [("USA", "neutral")],
        ),
    ],
)
def test_a_call_on_the_acts_doer_to_act_otherwise_opposes_it(
    parse: Callable[[str], Doc], text: str, expected: list[tuple[str, str]]
) -> None:
    doc = parse(_DETAINED + text)
    events = extract_events(doc, "d1")
    assert [(s.country, s.position) for s in extract_stances(doc, "d1", events=events)] == expected
