"""Names tagged as persons that the document uses as things, groups or places."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.extract.mentions.index import MentionIndex
from newsgraph.extract.mentions.not_persons import camel_case, drop_things, person_names, place_like
from newsgraph.extract.mentions.persons import find_person_spans


def _names(ix: MentionIndex) -> list[str]:
    return [ix.text(s, e) for s, e in find_person_spans(ix)]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("EastLink", True),
        ("NordStream", True),
        ("McConnell", False),
        ("MacArthur", False),
        ("DeSantis", False),
        ("FitzGerald", False),
        ("Smith", False),
        ("USA", False),
    ],
)
def test_camel_case(word: str, expected: bool) -> None:
    assert camel_case(word) is expected


@pytest.mark.parametrize(
    ("text", "thing"),
    [
        ("Customers switched to discount stores like Biedra and Lidl.", "Biedra"),
        ("The Kessler gas pipeline was delayed.", "Kessler"),
        ("Troops entered Tel Tamr and Hasakah yesterday.", "Tel Tamr"),
        ("Crews came from Dolgellau, Harlech, Barmouth, Bala, and Blaenau Ffestiniog on Sunday.", "Bala"),
        ("The Skylark Dragon capsule docked on Sunday. The Skylark Dragon carried cargo.", "Skylark Dragon"),
        ("She spoke on the talk show Morning Harbour on Monday.", "Morning Harbour"),
        ("Voters in the electoral district of Grooma will go to the polls.", "Grooma"),
        ("The attack was claimed by the far-left Kestrel Brigada organization.", "Kestrel Brigada"),
        # described as a group or a place
        ("Kestrel Brigada, an Iran-backed militia, denied it.", "Kestrel Brigada"),
    ],
)
def test_things_are_dropped(index: Callable[[str], MentionIndex], text: str, thing: str) -> None:
    assert thing not in _names(index(text))


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("The move was the Trump administration's latest step.", "Trump"),
        ("Leaders of his party such as Bernie Sanders and Elizabeth Warren disagreed.", "Bernie Sanders"),
        ("Two leaders of the United States, Bill Clinton and Andrew Johnson, were impeached.", "Bill Clinton"),
        ("Senator Ana Lima said the EastLink deal was fair.", "Ana Lima"),
        ("Senator Ana Lima said the Skylark capsule was safe.", "Ana Lima"),
        (
            "Rescuers reached the vessel MV Dana Lima on Monday. The ship is named after Dana Lima, a child.",
            "Dana Lima",
        ),
    ],
)
def test_persons_are_kept(index: Callable[[str], MentionIndex], text: str, person: str) -> None:
    assert person in _names(index(text))


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Troops entered Tel Tamr and Hasakah yesterday.", "Tel Tamr", True),
        ("Presidents Ana Lima of Peru and Jorge Paz signed.", "Jorge Paz", False),
    ],
)
def test_place_like(index: Callable[[str], MentionIndex], text: str, name: str, expected: bool) -> None:
    ix = index(text)
    words = name.split()
    start = next(t.i for t in ix.toks if t.text == words[0])
    assert place_like(ix, start, start + len(words)) is expected


def test_person_names_holds_full_names_and_surnames(index: Callable[[str], MentionIndex]) -> None:
    ix = index("Ana Lima met Jorge Paz.")
    assert person_names(ix, [(0, 2), (3, 5)]) == {"Ana Lima", "Lima", "Jorge Paz", "Paz"}


@pytest.mark.parametrize("text", ["", "\u00a0", "like", "EastLink"])
def test_odd_input(index: Callable[[str], MentionIndex], text: str) -> None:
    ix = index(text)
    assert isinstance(drop_things(ix, [(0, len(ix.toks))] if ix.toks else []), list)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a capital's name with no first name in it is a place the model took for a person
        ("Argentina slapped duties on salmon, a tariff that Buenos Aires says breaks the trade agreement.", False),
    ],
)
def test_a_capitals_name_is_no_person(index: Callable[[str], MentionIndex], text: str, kept: bool) -> None:
    ix = index(text)
    spans = [(e.start, e.end) for e in ix.ents if e.label == "PERSON"]
    assert spans, "the model tags the capital a person here"
    assert bool(drop_things(ix, spans)) is kept
