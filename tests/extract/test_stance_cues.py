"""The readers of a stance's words: verb cues, position nouns, characterizations, quotations."""

from __future__ import annotations

from itertools import pairwise

import pytest

from newsgraph.core.model import Stance
from newsgraph.extract.events.actors import DocContext
from newsgraph.extract.events.coder import extract_events
from newsgraph.extract.stance_cues import (
    NOUN_POSITIONS,
    characterization_rows,
    characterizing_verbs,
    cue_rows,
    cue_tables,
    noun_rows,
    quote_rows,
)
from newsgraph.extract.stances import extract_stances


def _first(doc, lemma: str):
    return next(t for t in doc if t.lemma_.lower() == lemma)


def _pairs(rows) -> list[tuple[str, str]]:
    return [(r.country, r.position) for r in rows if isinstance(r, Stance)]


def test_cue_tables_hold_verb_and_quote_cues() -> None:
    by_head, quotes = cue_tables()
    assert "condemn" in by_head and quotes
    assert all(len(a.words) >= len(b.words) for cues in by_head.values() for a, b in pairwise(cues))


def test_a_verb_cue_on_the_issue(parse) -> None:
    doc = parse("France condemned the invasion.")
    by_head, _ = cue_tables()
    rows = cue_rows(_first(doc, "condemn"), by_head["condemn"], DocContext(doc, None, None), "invasion", "d1", None)
    assert _pairs(rows) == [("FRA", "opposes")]


def test_a_position_noun(parse) -> None:
    doc = parse("The Chilean government expressed its support for the invasion.")
    assert "support" in NOUN_POSITIONS
    rows = noun_rows(_first(doc, "support"), DocContext(doc, None, None), "invasion", "d1", None, frozenset())
    assert _pairs(rows) == [("CHL", "supports")]


def test_a_characterization_of_the_issue(parse) -> None:
    doc = parse("The Peruvian government called the agreement illegal.")
    assert "call" in characterizing_verbs()
    rows = characterization_rows(_first(doc, "call"), DocContext(doc, None, None), "agreement", "d1", None)
    assert _pairs(rows) == [("PER", "opposes")]


def test_a_quoted_condemnation(parse) -> None:
    doc = parse('Ivan Petrovic, a Serbian official, said: "The operation is illegal."')
    _, quotes = cue_tables()
    sent = next(iter(doc.sents))
    assert _pairs(quote_rows(sent, quotes, DocContext(doc, None, None), "operation", "d1", None)) == [
        ("SRB", "opposes")
    ]


def test_the_drafters_of_a_text_support_it(parse) -> None:
    """A reduced relative ("the resolution, drafted by ...") acts on the noun it qualifies."""
    from newsgraph.extract.stances import extract_stances

    text = "The council voted on the mission. The resolution, drafted by Chile and Peru, passed with 23 votes."
    assert [(s.country, s.position) for s in extract_stances(parse(text), "d1")] == [
        ("CHL", "supports"),
        ("PER", "supports"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # concern about the issue is disapproval of it: the one concerned, not the agent after "by"
        ("The raid on the newspaper angered its staff. Norway said it was deeply concerned by the raid.", "NOR"),
        ("The raid on the newspaper angered its staff. Portugal was alarmed at the raid.", "PRT"),
        ("The raid on the newspaper angered its staff. Austria expressed concern over the raid.", "AUT"),
    ],
)
def test_concern_about_the_issue_opposes_it(parse, text: str, expected: str) -> None:
    from newsgraph.extract.stances import extract_stances

    assert [(s.country, s.position) for s in extract_stances(parse(text), "d1")] == [(expected, "opposes")]


def test_concern_for_something_else_is_no_position(parse) -> None:
    from newsgraph.extract.stances import extract_stances

    text = "The raid on the newspaper angered its staff. Austria expressed concern for the safety of its citizens."
    assert extract_stances(parse(text), "d1") == []


def test_backing_a_call_for_calm_takes_no_side(parse) -> None:
    from newsgraph.extract.stances import extract_stances

    text = (
        "Soldiers from Chad raided a Sudanese border post. The AU called for calm. Kenya backed the AU call for calm."
    )
    assert [(s.country, s.position) for s in extract_stances(parse(text), "d1")] == [("KEN", "neutral")]


@pytest.mark.parametrize(
    "text",
    [
        # "as" parsed inside an adverbial clause, or a quoted adjective hung on "as" itself
        "Rebels in Mali detained two Danish engineers on Monday. Denmark described the detention as "
        "completely unacceptable.",
        'Rebels in Mali detained two Danish engineers on Monday. Denmark described the detention as "completely '
        'unacceptable."',
    ],
)
def test_a_characterization_however_parsed(parse, text: str) -> None:
    from newsgraph.extract.stances import extract_stances

    assert ("DNK", "opposes") in [(s.country, s.position) for s in extract_stances(parse(text), "d1")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # dismay, regret and disappointment are disapproval of what they are about
        ("The raid on the newspaper angered its staff. Austria expressed regret over the raid.", ("AUT", "opposes")),
        # after an act that stops the issue, dismay at nothing named or at the outcome is for the issue
        (
            "Hungary on Monday vetoed a package of farm aid for Moldova at a meeting of EU ministers. "
            "Ireland voiced dismay.",
            ("IRL", "supports"),
        ),
        (
            "Hungary on Monday vetoed a package of farm aid for Moldova at a meeting of EU ministers. "
            "Ireland expressed regret at the outcome.",
            ("IRL", "supports"),
        ),
    ],
)
def test_dismay_and_regret(parse, text: str, expected: tuple[str, str]) -> None:
    from newsgraph.extract.stances import extract_stances

    assert expected in [(s.country, s.position) for s in extract_stances(parse(text), "d1")]


_DETAINED = "Georgian police detained the opposition leader on Monday. "


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # silence: an unanswered request, a refusal told as to come
        ("The British embassy did not respond to a request for comment.", [("GBR", "no official statement")]),
        ("Britain said it would not comment on the case.", [("GBR", "no official statement")]),
        # watching without judging, taking note, offering to host talks: no side taken
        ("France said it was following the situation closely.", [("FRA", "neutral")]),
        ("Britain said it had taken note of the arrest.", [("GBR", "neutral")]),
        # studying or examining before judging: no side yet; reviewing what it gives is no wait
        ("Slovakia said it was still studying the case.", [("SVK", "neutral")]),
        ("Britain said it was reviewing the situation.", [("GBR", "neutral")]),
        ("Chile said it was examining the decision.", [("CHL", "neutral")]),
        ("Britain said it was reviewing its aid programmes.", []),
        # watching, but silent in the same breath: the silence is the row
        ("France said it was following the case closely but declined to comment.", [("FRA", "no official statement")]),
    ],
)
def test_silence_and_watching(parse, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(s.country, s.position) for s in extract_stances(parse(_DETAINED + text), "d1")] == expected


def test_a_refusal_to_comment_further_is_no_silence(parse) -> None:
    text = _DETAINED + "Britain said it respected the ruling and would not comment further."
    assert ("GBR", "no official statement") not in _pairs(extract_stances(parse(text), "d1"))


def test_an_offer_to_host_talks_takes_no_side(parse) -> None:
    text = "Armenia and Azerbaijan clashed on the border on Monday. Kazakhstan offered to host talks between the sides."
    assert _pairs(extract_stances(parse(text), "d1")) == [("KAZ", "neutral")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the thing condemned named in the taker's own words
        (
            "Chilean police expelled 300 Venezuelan migrants on Monday. The expulsions drew criticism. Venezuela's "
            "foreign ministry condemned what it called the xenophobic expulsions.",
            [("VEN", "opposes")],
        ),
        # congratulating the winner backs the result
        (
            "Kyrgyzstan held a referendum on extending presidential rule on Sunday. The Kremlin congratulated "
            "Mamytov on what it called a convincing result.",
            [("KGZ", "supports"), ("RUS", "supports")],
        ),
        # a body named by an office's title speaks for its state
        (
            "A Canadian court on Monday approved the extradition of Reza Farahani to the United States. The United "
            "States Justice Department welcomed the decision.",
            [("USA", "supports")],
        ),
    ],
)
def test_positions_named_otherwise(parse, text: str, expected: list[tuple[str, str]]) -> None:
    doc = parse(text)
    assert _pairs(extract_stances(doc, "d1", events=extract_events(doc, "d1"))) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the head of a relative clause is its verb's object ("a verdict that Argentina condemned")
        (
            "A court in Santiago on Tuesday sentenced the opposition leader to five years in prison, a verdict that "
            "Argentina condemned.",
            ("ARG", "opposes"),
        ),
        # what a winner won is the result congratulated ("congratulated the president on his victory")
        (
            "Chile held a referendum on a new constitution on Sunday, and the government's proposal won. The "
            "referendum result was certified on Monday. Argentina and Uruguay congratulated the incumbent on his "
            "victory.",
            ("URY", "supports"),
        ),
    ],
)
def test_objects_a_clause_gives_its_cue(parse, text: str, expected: tuple[str, str]) -> None:
    doc = parse(text)
    assert expected in _pairs(extract_stances(doc, "d1", events=extract_events(doc, "d1")))
