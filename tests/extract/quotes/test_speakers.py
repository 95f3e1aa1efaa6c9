"""Speaker resolution for quotes: names, titles, roles, organisations and pronouns."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from newsgraph.core.model import Organization, Person
from newsgraph.extract.quotes.speakers import SpeakerResolver


def _subject(doc: Doc, i: int = 0):
    """The n-th subject token of a doc."""
    return [t for t in doc if t.dep_ in ("nsubj", "nsubjpass")][i]


@pytest.mark.parametrize(
    ("text", "persons", "name", "role"),
    [
        ("Finance minister Karl Olsen spoke first.", [], "Karl Olsen", "Finance minister"),
        ("Olsen spoke first.", [Person(name="Karl Olsen", role="finance minister")], "Karl Olsen", "finance minister"),
        ("The union leader, Eva Holm, spoke first.", [], "Eva Holm", "union leader"),
        ("The mayor of Paris, Anne Hidalgo, spoke first.", [], "Anne Hidalgo", "mayor of Paris"),
    ],
)
def test_person_subjects(parse: Callable[[str], Doc], text: str, persons: list[Person], name: str, role: str) -> None:
    doc = parse(text)
    speaker = SpeakerResolver(doc, persons).resolve(_subject(doc))
    assert speaker is not None
    assert (speaker.name, speaker.role, speaker.kind) == (name, role, "person")


@pytest.mark.parametrize(
    ("text", "orgs", "name"),
    [
        ("The Red Cross said it would help.", [], "Red Cross"),
        (
            "The IMF said it would help.",
            [Organization(name="International Monetary Fund", aliases=["IMF"])],
            "International Monetary Fund",
        ),
    ],
)
def test_organisation_subjects(parse: Callable[[str], Doc], text: str, orgs: list[Organization], name: str) -> None:
    doc = parse(text)
    speaker = SpeakerResolver(doc, (), orgs).resolve(_subject(doc))
    assert speaker is not None
    assert (speaker.name, speaker.kind) == (name, "org")


@pytest.mark.parametrize(
    ("text", "persons", "name"),
    [
        # role noun + organisation in the phrase → the one person holding that office there
        (
            "The UN chief spoke.",
            [
                Person(name="Ada Moss", role="Secretary-General", organization="UN"),
                Person(name="Li Wei", role="spokesperson", organization="UN"),
            ],
            "Ada Moss",
        ),
        # a role with a country modifier picks the person of that country
        (
            "The French minister spoke.",
            [
                Person(name="Jean Roux", role="foreign minister", country="FRA"),
                Person(name="Hans Vogt", role="foreign minister", country="DEU"),
            ],
            "Jean Roux",
        ),
        # indefinite: a new, unnamed speaker, kept as the phrase
        (
            "A spokesperson for the city spoke.",
            [Person(name="Li Wei", role="spokesperson")],
            "spokesperson for the city",
        ),
    ],
)
def test_role_subjects(parse: Callable[[str], Doc], text: str, persons: list[Person], name: str) -> None:
    doc = parse(text)
    speaker = SpeakerResolver(doc, persons).resolve(_subject(doc))
    assert speaker is not None
    assert speaker.name == name


@pytest.mark.parametrize("text", ["Laura Bennett arrived late. She spoke."])
def test_pronoun_goes_to_previous_person_subject(parse: Callable[[str], Doc], text: str) -> None:
    doc = parse(text)
    resolver = SpeakerResolver(doc)
    first, pronoun = _subject(doc, 0), _subject(doc, 1)
    resolver.note_subject(first)
    speaker = resolver.resolve(pronoun)
    assert speaker is not None
    assert speaker.name == "Laura Bennett"


@pytest.mark.parametrize("text", ["It rained. There was no one. We spoke."])
def test_non_speakers(parse: Callable[[str], Doc], text: str) -> None:
    doc = parse(text)
    resolver = SpeakerResolver(doc)
    assert [resolver.resolve(t) for t in doc if t.dep_ in ("nsubj", "expl")] == [None, None, None]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Weekly Post's chief editor, Lena Brandt, spoke first.", "Lena Brandt"),
        ("The Northern Institute of Soil Science's director, Dr. Omar Falk, spoke first.", "Omar Falk"),
    ],
)
def test_name_in_apposition_to_a_role_in_apposition(parse: Callable[[str], Doc], text: str, name: str) -> None:
    doc = parse(text)
    speaker = SpeakerResolver(doc).resolve(_subject(doc))
    assert speaker is not None and speaker.name == name


def test_the_author_of_a_released_statement(parse: Callable[[str], Doc]) -> None:
    doc = parse("According to a statement released by Lars Olin's office, the plan is dead.")
    statement = next(t for t in doc if t.lower_ == "statement")
    speaker = SpeakerResolver(doc).resolve(statement)
    assert speaker is not None and "Olin" in speaker.name


def test_a_known_person_whatever_the_tagger_says(parse: Callable[[str], Doc]) -> None:
    doc = parse("Rivers spoke first.")
    speaker = SpeakerResolver(doc, [Person(name="Rivers")]).resolve(_subject(doc))
    assert speaker is not None and (speaker.name, speaker.kind) == ("Rivers", "person")


def test_a_title_tagged_as_an_adjective_keeps_the_name_in_apposition(parse: Callable[[str], Doc]) -> None:
    text = '"The offer is an insult," said COAG\'s secretary-general, Ramon Ibarra, on Monday.'
    doc = parse(text)
    subject = next(t for t in doc if t.dep_ == "nsubj" and t.i > 5)
    speaker = SpeakerResolver(doc, [Person(name="Ramon Ibarra")]).resolve(subject)
    assert speaker is not None and speaker.name == "Ramon Ibarra"
