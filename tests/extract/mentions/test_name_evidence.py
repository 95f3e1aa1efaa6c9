"""Person evidence from a first name: names the model tags ORG, and names glued to a place or body."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.extract.mentions.index import MentionIndex
from newsgraph.extract.mentions.name_evidence import (
    first_name_at,
    first_name_start,
    lone_name_evidence,
    name_after_prefix,
    relative_who_after,
    with_first_name_before,
)
from newsgraph.extract.mentions.persons import find_person_spans


def _span(ix: MentionIndex, text: str) -> tuple[int, int]:
    words = text.split()
    for i in range(len(ix.toks) - len(words) + 1):
        if [ix.toks[i + k].text for k in range(len(words))] == words:
            return i, i + len(words)
    raise AssertionError(f"{text!r} not in the tokens")


def _names(ix: MentionIndex) -> list[str]:
    return [ix.text(s, e) for s, e in find_person_spans(ix)]


def test_first_name_token(index: Callable[[str], MentionIndex]) -> None:
    ix = index("Tomasz met Georgia officials in the Senate.")
    assert first_name_at(ix, 0)
    assert not first_name_at(ix, _span(ix, "Georgia")[0])  # a country before it is a name
    assert not first_name_at(ix, _span(ix, "Senate")[0])


def test_a_citys_alternate_name_is_still_a_first_name(index: Callable[[str], MentionIndex]) -> None:
    ix = index("Nadia Halvorsen said the decree must go.")  # "Nadia" is also an alternate name of an Indian city
    assert first_name_at(ix, 0)
    assert "Nadia Halvorsen" in _names(ix)


def test_a_name_the_model_tags_org_is_a_persons(index: Callable[[str], MentionIndex]) -> None:
    ix = index("Nikki Harrowgate of the National Crime Agency said so.")
    assert first_name_start(ix, *_span(ix, "Nikki Harrowgate"))
    assert "Nikki Harrowgate" in _names(ix)
    assert _names(index("Dominic Harebell stole the toilet.")) == ["Dominic Harebell"]


@pytest.mark.parametrize(
    "text",
    [
        "The Morgan Stanley report came out.",  # after a determiner: a firm named after a person
        "Marine One landed at the base.",  # a name and a number
        "Roman Catholic bishops met in the capital.",  # a group (NORP)
    ],
)
def test_no_person(index: Callable[[str], MentionIndex], text: str) -> None:
    assert _names(index(text)) == []


def test_place_glued_to_a_name(index: Callable[[str], MentionIndex]) -> None:
    ix = index("First Minister of Scotland Nicola Brennan said the vote mattered.")
    whole = _span(ix, "Scotland Nicola Brennan")
    assert name_after_prefix(ix, *whole) == _span(ix, "Nicola Brennan")
    assert _names(ix) == ["Nicola Brennan"]


def test_two_first_names_stay_one_name(index: Callable[[str], MentionIndex]) -> None:
    ix = index("Health official Ali Reza Tavakoli resigned.")
    assert name_after_prefix(ix, *_span(ix, "Ali Reza Tavakoli")) is None


def test_after_title_from_a_place_needs_no_listed_first_name(index: Callable[[str], MentionIndex]) -> None:
    ix = index("The United States Senator from Vermont Zebulon Okafor spoke on Monday.")
    whole = _span(ix, "Vermont Zebulon Okafor")
    assert name_after_prefix(ix, *whole) == _span(ix, "Zebulon Okafor")
    untitled = index("The man from Vermont Zebulon Okafor spoke on Monday.")
    assert name_after_prefix(untitled, *_span(untitled, "Vermont Zebulon Okafor")) is None


def test_a_first_name_that_starts_a_place_is_no_evidence(index: Callable[[str], MentionIndex]) -> None:
    ix = index("She told Abu Dhabi Radio about it.")
    assert not first_name_start(ix, *_span(ix, "Abu Dhabi Radio"))


def test_a_surname_tagged_alone_takes_the_first_name_before_it(index: Callable[[str], MentionIndex]) -> None:
    ix = index("The fire killed five. Tomasz Wrobel filed a complaint.")
    assert with_first_name_before(ix, *_span(ix, "Wrobel")) == _span(ix, "Tomasz Wrobel")
    assert "Tomasz Wrobel" in _names(ix)


def test_two_surnames_joined_by_a_hyphen_are_no_person(index: Callable[[str], MentionIndex]) -> None:
    names = _names(index("Ann Holt and Bob Reyes met. The Holt-Reyes debate was loud."))
    assert "Holt-Reyes" not in names and {"Ann Holt", "Bob Reyes"} <= set(names)
    assert _names(index("Anna Smith-Jones spoke.")) == ["Anna Smith-Jones"]


@pytest.mark.parametrize(
    ("text", "word", "evident"),
    [
        ("Pilgrims travelled to Qomar last week.", "Qomar", False),
        ("Minister Okafor denied it.", "Okafor", True),
        ("Okafor said the talks failed.", "Okafor", True),
        ("A chef named Lukasz helped.", "Lukasz", True),
    ],
)
def test_lone_name_evidence(index: Callable[[str], MentionIndex], text: str, word: str, evident: bool) -> None:
    ix = index(text)
    assert lone_name_evidence(ix, *_span(ix, word)) is evident


def test_a_hyphenated_first_name_starts_a_persons_name(index: Callable[[str], MentionIndex]) -> None:
    ix = index("Nils-Erik Haagenrud of Rogaland Fire and Rescue said late on Tuesday the fire was out.")
    assert "Nils-Erik Haagenrud" in _names(ix)


def test_one_hyphenated_word_is_no_persons_name(index: Callable[[str], MentionIndex]) -> None:
    ix = index("The paper maker Kimberly-Clark said on Monday it would run its mills around the clock.")
    assert not first_name_start(ix, *_span(ix, "Kimberly - Clark"))


@pytest.mark.parametrize(
    ("text", "name", "evident"),
    [
        ("Olga Petrova headed the campaign of Viktar Babaryka, who was arrested in June.", "Viktar Babaryka", True),
        ("Funds went to Harbour Fire Rescue, which bought two boats.", "Harbour Fire Rescue", False),
    ],
)
def test_who_after_a_name_is_person_evidence(
    index: Callable[[str], MentionIndex], text: str, name: str, evident: bool
) -> None:
    ix = index(text)
    assert relative_who_after(ix, *_span(ix, name)) is evident


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("President Roch Marc Christian Kaboré said the army would respond.", "Roch Marc Christian Kaboré"),
        ("He was received by President Sahle-Work Zewde at the palace.", "Sahle-Work Zewde"),
        ("Interior Minister Fred Matiang'i said the three were safe.", "Fred Matiang'i"),
    ],
)
def test_name_words_the_model_left_out_after_a_name(index: Callable[[str], MentionIndex], text: str, name: str) -> None:
    assert name in _names(index(text))


def test_a_credit_word_after_a_name_stays_out(index: Callable[[str], MentionIndex]) -> None:
    text = "The candidates met in Ohio on Monday.\n\nDana Okafor Image: campaign handout."
    assert not any(n.endswith("Image") for n in _names(index(text)))


def test_the_before_a_lone_name_is_no_person(index: Callable[[str], MentionIndex]) -> None:
    ix = index("The Speaker said after the vote that the Seimas had defended its own dignity.")
    assert not lone_name_evidence(ix, *_span(ix, "Seimas"))
    ix = index("Critics said the Okafor government had failed.")
    assert lone_name_evidence(ix, *_span(ix, "Okafor"))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a capitalised noun for a person's trade before a first name is no part of the name
        ("Criminologist Maryse Tremblay said the numbers were rising.", "Maryse Tremblay"),
        ("The debate was led by Moderator Chris Wallace on Tuesday.", "Chris Wallace"),
        # a first name with such an ending stays
        ("Hunter Biden said so.", "Hunter Biden"),
    ],
)
def test_a_trade_noun_before_a_name(index: Callable[[str], MentionIndex], text: str, name: str) -> None:
    assert _names(index(text)) == [name]


def test_a_trade_noun_is_no_first_name_and_no_people() -> None:
    from newsgraph.extract.mentions.name_evidence import agent_noun
    from newsgraph.ingest.nlp import parse_one

    ix = MentionIndex(parse_one("Moderator Hunter met Asian delegates."))
    assert [agent_noun(ix, i, i + 1) for i in range(3)] == [True, False, False]


def test_a_name_is_not_extended_over_a_title_before_another_name(index: Callable[[str], MentionIndex]) -> None:
    from newsgraph.extract.mentions.name_evidence import extend_name_right

    ix = index("Tajik Energy Minister Davlatali Saidzoda rejected the request.")
    assert extend_name_right(ix, *_span(ix, "Tajik Energy")) == _span(ix, "Tajik Energy")
    # a surname that is a title word, with no name after it, still ends the name
    ix = index("The prize went to Michel Mayor of the University of Geneva.")
    assert _names(ix) == ["Michel Mayor"]
