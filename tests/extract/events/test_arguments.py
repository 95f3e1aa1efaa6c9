"""Arguments of event triggers: conditions, evaluative predicates, slots, nominal actors."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from newsgraph.extract.events.arguments import (
    evaluation_of,
    fallback_heads,
    objects,
    own_actor_heads,
    slot_heads,
    within,
)


def _tok(doc: Doc, word: str):
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(
    ("text", "verb", "polarity"),
    [
        ('The Greek prime minister called the deal "null and void".', "called", "negative"),
        ("Iraq characterized the strike as a violation of its sovereignty.", "characterized", "negative"),
        ("The Israeli prime minister found the strike justified.", "found", "positive"),
        ("They concluded that the agreement is illegal.", "concluded", "negative"),
        ("Ankara called the agreements legitimate and illegal to oppose.", "called", "negative"),  # negative wins
        ("The minister called the meeting on Monday.", "called", None),
        # a person or a group characterized: the published sentiment lexicon judges words the list lacks
        ("The senator described the governor as a liar.", "described", "negative"),
        ("The senator described her rival as a good man.", "described", "positive"),
        # things characterized stay with the hand-written list
        ("The doctor described the case as interesting.", "described", None),
    ],
)
def test_evaluation_of(parse, text: str, verb: str, polarity: str | None) -> None:
    assert evaluation_of(_tok(parse(text), verb)) == polarity


@pytest.mark.parametrize(
    ("text", "verb", "absent"),
    [("He named it Peace Spring and named the PKK as terrorists.", "named", "terrorists")],
)
def test_within_stays_out_of_conjoined_clauses(parse, text: str, verb: str, absent: str) -> None:
    assert absent not in [t.text for t in within(_tok(parse(text), verb), 3)]


@pytest.mark.parametrize(
    ("text", "verb", "slot", "expected"),
    [
        ("The parliament voted on a resolution to expel American troops.", "voted", "comp", ["troops"]),
        ("Opposition leaders claimed the rioters were paid by the government.", "claimed", "agent", ["government"]),
        ("The president said foreign agents were involved in the riots.", "involved", "speaker", ["president"]),
        ("Pompeo sent a letter requesting the rules to Elaine Chao.", "requesting", "prep:to", ["Chao"]),
    ],
)
def test_slots(parse, text: str, verb: str, slot: str, expected: list[str]) -> None:
    tok = _tok(parse(text), verb)
    assert [h.text for h in slot_heads(slot, tok, tok)] == expected


@pytest.mark.parametrize(
    ("text", "noun", "expected"),
    [
        ("Russia's invasion of Ukraine began.", "invasion", ["Russia"]),
        ("Monday's attack killed five.", "attack", []),
        ("Khashoggi's killing shocked the world.", "killing", []),
        ("A Russian attack killed five.", "attack", ["Russian"]),
        ("A Kabul car bombing killed five.", "bombing", []),
        ("The bombing was attributed to Houthi rebels.", "bombing", ["rebels"]),
    ],
)
def test_own_actor_heads(parse, text: str, noun: str, expected: list[str]) -> None:
    assert [h.text for h in own_actor_heads(_tok(parse(text), noun))] == expected


@pytest.mark.parametrize(
    ("text", "noun", "expected"),
    [
        ("They denounced the memorandum between Turkey and Libya.", "memorandum", ["Turkey"]),
        ("They denounced the government's decision.", "decision", ["government"]),
    ],
)
def test_fallback_heads(parse, text: str, noun: str, expected: list[str]) -> None:
    assert [h.text for h in fallback_heads(_tok(parse(text), noun))] == expected


@pytest.mark.parametrize(
    ("text", "verb", "expected"), [("Kenya expelled two Somali diplomats.", "expelled", ["diplomats"])]
)
def test_objects(parse, text: str, verb: str, expected: list[str]) -> None:
    assert [o.text for o in objects(_tok(parse(text), verb))] == expected


def test_a_name_parsed_as_object_predicate_is_the_object() -> None:
    from newsgraph.extract.events.arguments import objects
    from tests.hand_parse import hand_parsed

    # "named Jane Roe as his running mate" with "Roe" parsed as an object predicate (oprd)
    words = ["Biden", "named", "Jane", "Roe", "as", "his", "running", "mate", "."]
    heads = [1, 1, 3, 1, 1, 7, 7, 4, 1]
    deps = ["nsubj", "ROOT", "compound", "oprd", "prep", "poss", "amod", "pobj", "punct"]
    tags = ["NNP", "VBD", "NNP", "NNP", "IN", "PRP$", "NN", "NN", "."]
    pos = ["PROPN", "VERB", "PROPN", "PROPN", "ADP", "PRON", "NOUN", "NOUN", "PUNCT"]
    assert [t.text for t in objects(hand_parsed(words, heads, deps, tags, pos)[1])] == ["Roe"]


@pytest.mark.parametrize(
    ("text", "verb", "polarity"),
    [
        # a characterization of someone's act judges its doer, with the published sentiment lexicon
        ("The senator referred to the riots as acts of domestic terror.", "referred", "negative"),
        # a thing that is no act is judged by the hand-written list only
        ("The minister called the weather awful.", "called", None),
    ],
)
def test_characterization_of_an_act(parse, text: str, verb: str, polarity: str | None) -> None:
    assert evaluation_of(_tok(parse(text), verb)) == polarity


@pytest.mark.parametrize(
    ("text", "verb", "obj"),
    [
        # a relative clause with no relative pronoun and no object of its own acts on the noun it describes
        ("The opposition asked for a recount, a request the commission turned down.", "turned", "request"),
        ("The deal Iran signed with Russia was criticised.", "signed", "deal"),
        # one with a relative pronoun or an object of its own does not
        ("The minister who signed the deal resigned.", "signed", "deal"),
    ],
)
def test_contact_clause_objects(parse, text: str, verb: str, obj: str) -> None:
    assert [o.text for o in objects(_tok(parse(text), verb))] == [obj]


def test_turning_down_a_request_is_a_rejection(parse) -> None:
    from newsgraph.extract.events.coder import extract_events

    text = "The electoral commission turned down the opposition's request for a recount."
    assert "REJECT" in {e.type for e in extract_events(parse(text), "d1")}


def test_their_act_is_the_coordinated_subject_s(parse) -> None:
    doc = parse("Tesco and the Salling Group announced their agreement on Thursday.")
    heads = own_actor_heads(_tok(doc, "agreement"))
    assert [h.text for h in heads] == ["Tesco"]  # the coordinated subject (its conjuncts are the actors)


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        ("Beijing described the sanctions as illegal and unacceptable.", "described", "negative"),
        ("The minister described the talks as constructive and useful.", "described", "positive"),
    ],
)
def test_an_adjective_hung_on_as_is_what_the_thing_is_called(parse, text: str, verb: str, expected: str) -> None:
    from newsgraph.extract.events.arguments import evaluation_of

    doc = parse(text)
    assert evaluation_of(next(t for t in doc if t.text == verb)) == expected
