"""Reported judgements: a speaker saying that a side or its act is good or bad (extract/events/judged.py)."""

from __future__ import annotations

import pytest

from newsgraph.extract.events.actors import DocContext
from newsgraph.extract.events.judged import reported_judgements
from newsgraph.extract.events.memory import EventMemory


def _coded(parse, text: str) -> set[tuple[str, str | None, str | None]]:
    """(type, actor country, target country) of every event the coder finds in ``text``."""
    from newsgraph.extract.events.coder import extract_events

    return {(e.type, e.actor_country, e.target_country) for e in extract_events(parse(text), "d")}


def _judged(parse, text: str) -> list[tuple[str, str, str]]:
    doc = parse(text)
    ctx = DocContext(doc)
    out = []
    for sent in doc.sents:
        for cand in reported_judgements(sent, ctx, set(), EventMemory()):
            out.extend((cand.type, a.label, t.label) for a in cand.actors for t in cand.targets)
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a thing judged: the side behind it (its possessor) is the target; the hand-written list judges
        ('"The governor\'s plan is a disgrace," said Senator Jane Doe.', [("ACCUSE", "Jane Doe", "governor's")]),
        # a named person judged by a word of the published sentiment lexicon
        (
            "Senator Jane Doe said Governor John Roe was a decent and honest man.",
            [("SUPPORT", "Jane Doe", "John Roe")],
        ),
        # a forecast, the speaker's own side, and people judged by what befell them are no judgement
        ("Senator Jane Doe said the decision would be a disaster.", []),
        ("Senator Jane Doe said her party was ready and eager.", []),
        ("Governor John Roe said the victims were joyful girls.", []),
        # a judgement with no side behind it names no target
        ("Senator Jane Doe said the ruling was unfair.", []),
    ],
)
def test_reported_judgements(parse, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _judged(parse, text) == expected


def test_a_clause_already_coded_is_left_alone(parse) -> None:
    doc = parse('"The governor\'s plan is a disgrace," said Senator Jane Doe.')
    ctx = DocContext(doc)
    said = next(t for t in doc if t.lower_ == "said")
    assert reported_judgements(next(iter(doc.sents)), ctx, {said.i}, EventMemory()) == []


def test_pressure_named_as_such_is_a_judgement(parse) -> None:
    assert ("ACCUSE", "UKR", "RUS") in _coded(parse, "Ukraine described the Russian blockade as blackmail.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "China and Russia vetoed the resolution on Sudan. Ghana's envoy said the vetoes were a betrayal of Africa.",
            {("ACCUSE", "GHA", "CHN"), ("ACCUSE", "GHA", "RUS")},
        ),
        (
            'Peru imposed tariffs on Chilean wine. "These tariffs are illegal," Chile\'s trade minister said.',
            {("ACCUSE", "CHL", "PER")},
        ),
        ("Chile's trade minister said the tariffs were illegal.", set()),  # no act told before: no side behind it
    ],
)
def test_a_judged_act_is_aimed_at_its_doer(parse, text: str, expected: set[tuple[str, str, str]]) -> None:
    got = {f for f in _coded(parse, text) if f[0] == "ACCUSE"}
    assert got == expected


@pytest.mark.parametrize("pronoun", ["It", "This"])  # "this" names the act even where a person could be meant
def test_this_or_it_judged_is_the_act_just_told(parse, pronoun: str) -> None:
    text = f'Ruritanian police detained a Borduran reporter. "{pronoun} is a crime," said Borduran minister Jane Doe.'
    doc = parse(text)
    ctx, memory = DocContext(doc), EventMemory()
    police = ctx.actors(next(t for t in doc if t.text == "police"))[0]
    reporter = ctx.actors(next(t for t in doc if t.text == "reporter"))[0]
    memory.tell("COERCE", police, reporter, 0)
    sent = list(doc.sents)[1]
    found = [(c.type, t.label) for c in reported_judgements(sent, ctx, set(), memory) for t in c.targets]
    assert found == [("ACCUSE", "Ruritanian police")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an act named as a coup, a robbery or an attack is condemned
        (
            'Thailand\'s Constitutional Court dissolved the Forward Party. "This is a judicial coup," said its '
            "leader, Somchai Srisuk.",
            ("ACCUSE", "THA", "THA"),
        ),
        # "what happened" stands for the act just told
        (
            'Soldiers seized power in Sierra Leone on Monday. "What happened in Freetown is an assault on the '
            'will of the people," said Nigerian Foreign Minister Ibrahim Danjuma.',
            ("ACCUSE", "NGA", "SLE"),
        ),
        # "what X did" is X's doing
        (
            'Ethiopia signed a port deal with Somaliland. "What Ethiopia did yesterday is an act of aggression," '
            "Somali President Hassan Sheikh Mohamud said.",
            ("ACCUSE", "SOM", "ETH"),
        ),
        # "it" judged as an act is the act just told, not the country last named
        (
            'Russian jets breached Estonian airspace on Monday. "It was a deliberate and reckless provocation," '
            "Estonian Foreign Minister Margus Tsahkna said.",
            ("ACCUSE", "EST", "RUS"),
        ),
    ],
)
def test_acts_named_as_crimes_and_what_happened(parse, text: str, expected: tuple[str, str, str]) -> None:
    found = _coded(parse, text)
    assert expected in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a condemnation said in a quotation's own clause, the speaker named by the quotation's attribution
        (
            'The United States imposed tariffs on Canadian steel. "We did not choose this fight," Canadian Trade '
            'Minister Claire Duchesne told reporters. "Our workers did nothing wrong. These tariffs are unjustified, '
            'they are illegal under our trade agreement."',
            {("ACCUSE", "CAN", "USA")},
        ),
        # a neutral noun a modifier colours is no condemnation; nor are a newspaper's words
        ('Police seized the weapon. "It is an assault rifle," Canadian Police Chief Ann Roe said.', set()),
    ],
)
def test_condemnations_in_a_quotation_s_own_words(parse, text: str, expected: set[tuple[str, str, str]]) -> None:
    found = _coded(parse, text)
    assert {f for f in found if f[0] == "ACCUSE"} == expected
