"""Party words: a party named by its members or as an adjective, only in a story of its country."""

from __future__ import annotations

import pytest

from newsgraph.lexicon.parties import party_of


@pytest.mark.parametrize(
    ("word", "country", "party"),
    [
        ("Democrats", "USA", "Democratic Party"),
        ("Republican", "USA", "Republican Party"),
        ("Tories", "GBR", "Conservative Party"),
        ("Conservatives", "CAN", "Conservative Party"),
        # another country's story, no country, or another case: no party
        ("Democrats", "GBR", None),
        ("Democrats", None, None),
        ("democrats", "USA", None),
    ],
)
def test_party_of(word: str, country: str | None, party: str | None) -> None:
    assert party_of(word, country) == party
