"""Voices (newsgraph.extract.voices): a position whose taker holds no office that speaks for a country is a
voice (person → issue → position, with the speaker's country when known), never the country's stance."""

from __future__ import annotations

import pytest

from newsgraph.core.model import Evidence, Person
from newsgraph.extract.events.actors import Actor
from newsgraph.extract.mentions.collect import extract_mentions
from newsgraph.extract.stances import extract_positions, extract_stances
from newsgraph.extract.voices import voice_of


def _positions(parse, text: str, published: str | None = "2024-03-05"):
    doc = parse(text)
    return extract_positions(doc, "d1", published=published, resolver=extract_mentions(doc, "d1", published, None))


@pytest.mark.parametrize(
    ("text", "speaker", "country", "position"),
    [
        ("Ohio Governor Jane Example condemned the invasion.", "Jane Example", "USA", "opposes"),
        ("Senator John Example of Chile condemned the invasion.", "John Example", "CHL", "opposes"),
        ("Former Chilean president John Example condemned the invasion.", "John Example", "CHL", "opposes"),
        ("Mary Sample, a commentator, welcomed the agreement.", "Mary Sample", None, "supports"),
        (
            "Brazil signed the trade agreement. Party leader Paulo Sample expressed his support for the agreement.",
            "Paulo Sample",
            "BRA",
            "supports",
        ),
    ],
)
def test_a_person_without_an_office_gives_a_voice_not_a_stance(
    parse, text: str, speaker: str, country: str | None, position: str
) -> None:
    found = _positions(parse, text)
    assert found.stances == []
    assert [(v.speaker, v.country, v.position) for v in found.voices] == [(speaker, country, position)]
    (voice,) = found.voices
    assert voice.date == "2024-03-05" and voice.issue
    assert text[voice.evidence.start : voice.evidence.end] in voice.evidence.sentence
    assert speaker in text[voice.evidence.start : voice.evidence.end]


def test_a_voice_keeps_the_role_the_document_gives_its_speaker(parse) -> None:
    (voice,) = _positions(parse, "Ohio Governor Jane Example condemned the invasion.").voices
    assert voice.speaker_role == "Ohio Governor"


def test_a_quoted_voice_spans_the_quotation_and_its_speaker(parse) -> None:
    text = 'Russia imposed sanctions on Peru. "The sanctions are illegal," said Mayor Tom Sample of Lima.'
    found = _positions(parse, text)
    assert found.stances == []
    (voice,) = found.voices
    assert (voice.speaker, voice.country, voice.position) == ("Tom Sample", "PER", "opposes")
    said = text[voice.evidence.start : voice.evidence.end]
    assert said.startswith("The sanctions are illegal") and "Tom Sample" in said


@pytest.mark.parametrize(
    "text",
    [
        "France condemned the invasion.",  # a state: its stance
        "Political analysts say that they favour neutrality.",  # no named person
        "Ohio Governor Jane Example did not condemn the invasion.",  # negated: no position at all
        "Ohio Governor Jane Example could condemn the invasion.",  # hypothetical
        "Ohio Governor Jane Example backed the football team.",  # no issue
        # a pronoun names nobody: no voice (on unseen news "she" often fell on the wrong person)
        "Ohio Governor Jane Example spoke on Monday. She condemned the invasion.",
        'Mayor Tom Sample of Lima spoke on Monday. "The sanctions are illegal," he said.',
    ],
)
def test_no_voice(parse, text: str) -> None:
    assert _positions(parse, text).voices == []


def test_a_state_keeps_its_stance_beside_a_voice(parse) -> None:
    text = "France condemned the invasion. Ohio Governor Jane Example also condemned the invasion."
    found = _positions(parse, text)
    assert [(s.country, s.position) for s in found.stances] == [("FRA", "opposes")]
    assert [(v.speaker, v.position) for v in found.voices] == [("Jane Example", "opposes")]
    assert found.voices[0].issue == found.stances[0].issue  # one issue label for both
    assert [(s.country, s.position) for s in extract_stances(parse(text), "d1")] == [("FRA", "opposes")]


def test_one_voice_per_speaker_and_position(parse) -> None:
    text = "Ohio Governor Jane Example condemned the invasion. Jane Example later criticised the invasion again."
    assert [(v.speaker, v.position) for v in _positions(parse, text).voices] == [("Jane Example", "opposes")]


def test_voice_of_needs_a_name_and_reads_the_role_from_the_resolver() -> None:
    ev = Evidence("d1", "s", 0, 1)
    unnamed = Actor("he", None, None, None, 0, 2, 0)
    assert voice_of(unnamed, "opposes", "invasion", ev, None, None) is None

    class Resolver:
        def resolve(self, name: str) -> Person | None:
            return Person(name="Ana Pell", role="Mayor of Lima", country="PER") if name == "Ana Pell" else None

    named = Actor("Ana Pell", "Ana Pell", "PER", "GOV", 0, 8, 1, named=True)
    voice = voice_of(named, "supports", "the port deal", ev, "2024-01-02", Resolver())
    assert voice is not None
    assert (voice.speaker, voice.country, voice.speaker_role, voice.date) == (
        "Ana Pell",
        "PER",
        "Mayor of Lima",
        "2024-01-02",
    )


def test_a_capital_tagged_as_a_person_speaks_for_its_state(parse) -> None:
    text = 'Soldiers seized power in a coup. Nigeria\'s foreign ministry said that Abuja "strongly condemns" the coup.'
    found = _positions(parse, text)
    assert [(s.country, s.position) for s in found.stances] == [("NGA", "opposes")]
    assert found.voices == []


@pytest.mark.parametrize(
    ("text", "country", "position"),
    [
        # a country named as the actor speaks for itself, whatever an apposition calls it
        (
            "Indonesia banned palm oil exports on Monday. Malaysia, the second-largest producer, declined to comment "
            "on the ban.",
            "MYS",
            "no official statement",
        ),
        # a state's delegation or embassy, named with its country's possessive, speaks for it
        (
            "Delegates clashed over the climate deal on Monday. China's delegation declined to comment on the deal.",
            "CHN",
            "no official statement",
        ),
    ],
)
def test_a_state_named_with_a_description_or_by_its_delegation_speaks_for_itself(
    parse, text: str, country: str, position: str
) -> None:
    found = _positions(parse, text)
    assert (country, position) in [(s.country, s.position) for s in found.stances]
