"""Nominal events: the noun table's reading and the verbs that carry a noun's event (extract/events/nominal.py)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from newsgraph.extract.events.nominal import light_verb, may_code_noun, no_event_noun, noun_pattern, undergo_verb
from newsgraph.extract.tokens import token_records


def _tok(doc: Doc, word: str):
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(
    ("text", "noun", "hosted", "verb"),
    [
        ("Serbia held talks with Kosovo.", "talks", False, "held"),
        ("In a phone call with Macron, Scholz said little.", "call", True, "said"),
        # a meeting before which the clause's act comes: its subject met ("spoke after talks with X")
        ("Scholz spoke after talks with Macron in Berlin.", "talks", True, "spoke"),
        ("He touts these operations in political rallies.", "rallies", False, None),
    ],
)
def test_light_verb(parse, text: str, noun: str, hosted: bool, verb: str | None) -> None:
    found = light_verb(_tok(parse(text), noun), hosted=hosted)
    assert (found.text if found else None) == verb


@pytest.mark.parametrize(
    ("text", "noun", "verb"),
    [
        # a run of events, or a condition, carried by the light verb of its head noun
        ("The rebels launched a series of attacks on the town.", "attacks", "launched"),
        ("The governor declared a state of emergency.", "emergency", "declared"),
    ],
)
def test_light_verb_through_a_run_or_a_condition(parse, text: str, noun: str, verb: str) -> None:
    found = light_verb(_tok(parse(text), noun))
    assert found is not None and found.text == verb


def test_noun_table_readings(parse) -> None:
    doc = parse("The agency issued a flood warning and a warning to the rebels.")
    flood, rebels = [t for t in doc if t.text == "warning"]
    assert no_event_noun(flood) and noun_pattern(flood) is None
    assert not no_event_noun(rebels) and noun_pattern(rebels) is not None


def test_undergo_verb(parse) -> None:
    doc = parse("The minister received criticism, and the former mayor was granted a pardon.")
    assert undergo_verb(_tok(doc, "criticism")).text == "received"
    assert undergo_verb(_tok(doc, "pardon")).text == "granted"


def test_light_verb_of_a_noun_misparsed_in_apposition_to_the_recipient() -> None:
    from tests.hand_parse import hand_parsed

    # "The governor granted Jane Roe a full pardon." with "pardon" in apposition to "Roe" (a dative)
    words = ["The", "governor", "granted", "Jane", "Roe", "a", "full", "pardon", "."]
    heads = [1, 2, 2, 4, 2, 7, 7, 4, 2]
    deps = ["det", "nsubj", "ROOT", "compound", "dative", "det", "amod", "appos", "punct"]
    tags = ["DT", "NN", "VBD", "NNP", "NNP", "DT", "JJ", "NN", "."]
    pos = ["DET", "NOUN", "VERB", "PROPN", "PROPN", "DET", "ADJ", "NOUN", "PUNCT"]
    lemmas = ["the", "governor", "grant", "Jane", "Roe", "a", "full", "pardon", "."]
    found = light_verb(hand_parsed(words, heads, deps, tags, pos, lemmas)[7])
    assert found is not None and found.i == 2


def test_a_hyphenated_event_noun_is_read_whole(parse) -> None:
    doc = parse("Dock workers staged a sit-in at the port.")
    pat = noun_pattern(_tok(doc, "in"))  # the head of "sit - in"
    assert pat is not None and pat.type == "PROTEST"


@pytest.mark.parametrize(
    ("text", "noun", "verb"),
    [
        ("Opposition lawmakers walked out in protest.", "protest", "walked"),
        ("The envoy flew to Doha for talks with the rebels.", "talks", "flew"),
    ],
)
def test_a_protest_manner_and_a_trip_for_talks_carry_the_noun(parse, text: str, noun: str, verb: str) -> None:
    doc = parse(text)
    lv = light_verb(_tok(doc, noun), hosted=True)
    assert lv is not None and lv.text == verb


def test_in_protest_hung_on_a_noun_is_still_the_verb_s_manner(parse) -> None:
    from newsgraph.extract.events.nominal import light_verb

    doc = parse("Myanmar's envoy walked out of the session in protest.")
    protest = next(t for t in doc if t.text == "protest")
    assert protest.head.head.text == "session"  # the parse this rule is for
    assert light_verb(protest).text == "walked"


def test_a_noun_without_rows_is_passed_over_and_every_row_is_found(parse) -> None:
    """may_code_noun, read off the token records, says yes for every noun the table reads (and for a
    hyphenated one by its whole word), and no for a word it has no row for."""
    doc = parse("Dock workers staged a sit-in at the port; the agency issued a flood warning and talks began.")
    toks = token_records(doc)
    for tok in doc:
        if noun_pattern(tok) is not None or no_event_noun(tok):
            assert may_code_noun(toks, tok.i), tok.text
    assert may_code_noun(toks, _tok(doc, "in").i)  # "sit - in"
    assert not may_code_noun(toks, _tok(doc, "port").i)
