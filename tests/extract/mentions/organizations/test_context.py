"""Organization country from the words around the name: possessive, descriptor, apposition, "in PLACE"."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.extract.mentions.index import MentionIndex
from newsgraph.extract.mentions.organizations.context import context_country, describes_organization, place_country
from tests.extract.mentions.conftest import span as _span


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Chile's Codelco raised output.", "Codelco", "CHL"),
        ("The Lyon-based charity Vela Aid sent food.", "Vela Aid", "FRA"),
        ("South Korean retailer Lotte Mart closed stores.", "Lotte Mart", "KOR"),
        ("Nordbank, the Finnish savings bank, cut rates.", "Nordbank", "FIN"),
        ("Fenix is a banned militant group in Peru, officials said.", "Fenix", "PER"),
        ("Zeta Labs, headquartered in Lyon, hired staff.", "Zeta Labs", "FRA"),
        ("It will grow its Orchid chain in Thailand.", "Orchid", "THA"),
        ("Nour Brigade, an Iranian-backed militia, fired rockets.", "Nour Brigade", None),
        ("Officials said Tesla would invest.", "Tesla", None),
        # a side joined to a state's forces or government that a country names: that country's conflict
        ("Sudan's army and the Rapid Front agreed to open a corridor on Thursday.", "Rapid Front", "SDN"),
        (
            "Myanmar's military government and the Kachin Liberation Army accused each other.",
            "Kachin Liberation Army",
            "MMR",
        ),
        # joined to something else: no country from it
        ("Sudan's farmers and the Rapid Front agreed to open a corridor on Thursday.", "Rapid Front", None),
    ],
)
def test_context_country(index: Callable[[str], MentionIndex], text: str, name: str, country: str | None) -> None:
    ix = index(text)
    assert context_country(ix, *_span(ix, name)) == country


@pytest.mark.parametrize(
    ("text", "word", "country"),
    [
        ("They met in Berlin.", "Berlin", "DEU"),
        ("They met in Peru.", "Peru", "PER"),
        ("They met Tom.", "Tom", None),
    ],
)
def test_place_country(index: Callable[[str], MentionIndex], text: str, word: str, country: str | None) -> None:
    ix = index(text)
    assert place_country(ix, _span(ix, word)[0]) == country


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Nordbank, the Finnish savings bank, grew.", True), ("Anna, the Finnish singer, sang.", False)],
)
def test_describes_organization(index: Callable[[str], MentionIndex], text: str, expected: bool) -> None:
    ix = index(text)
    comma = next(t.i for t in ix.toks if t.text == ",")
    assert describes_organization(ix, comma + 1) is expected


@pytest.mark.parametrize("text", ["", "\u00a0", '"Unclosed (quote, the', "Acme, the"])
def test_odd_input(index: Callable[[str], MentionIndex], text: str) -> None:
    ix = index(text)
    for i in range(len(ix.toks)):
        context_country(ix, i, i + 1)
