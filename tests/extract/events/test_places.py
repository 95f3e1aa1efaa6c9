"""Countries of place words: country names and capitals directly, cities and regions through the gazetteer."""

from __future__ import annotations

import pytest

from newsgraph.extract.events.places import located, place_country


@pytest.mark.parametrize(
    ("text", "word", "country"),
    [
        ("Protesters gathered in Lagos.", "Lagos", "NGA"),
        ("Troops entered Kenya.", "Kenya", "KEN"),
        # a place noun takes the country of the name it is given, its owner first
        ("Drones hit a refinery in Russia's Belgorod region.", "region", "RUS"),
        ("Shells fell on a village in the Kharkiv region.", "region", "UKR"),
    ],
)
def test_place_country(parse, text: str, word: str, country: str) -> None:
    tok = next(t for t in parse(text) if t.text == word)
    assert place_country(tok) == country


def test_place_country_of_a_common_word_is_none(parse) -> None:
    tok = next(t for t in parse("The police gathered.") if t.text == "police")
    assert place_country(tok) is None


@pytest.mark.parametrize(
    ("text", "head", "countries"),
    [("Police in Nairobi arrested him.", "Police", ["KEN"]), ("Police arrested him.", "Police", [])],
)
def test_located(parse, text: str, head: str, countries: list[str]) -> None:
    tok = next(t for t in parse(text) if t.text == head)
    assert located(tok) == countries
