"""Country names the parser splits at their "and"."""

from __future__ import annotations

import pytest

from newsgraph.extract.country_names import and_named


@pytest.mark.parametrize(
    ("text", "word", "code"),
    [
        ("Trinidad and Tobago demanded compensation.", "Trinidad", "TTO"),
        ("Trinidad and Tobago demanded compensation.", "Tobago", "TTO"),
        ("Antigua and Barbuda expelled a diplomat.", "Barbuda", "ATG"),
        ("Chile and Peru signed a deal.", "Chile", None),  # two countries
        ("Trinidad is a town in Bolivia.", "Trinidad", None),
    ],
)
def test_and_named(parse, text: str, word: str, code: str | None) -> None:
    assert and_named(next(t for t in parse(text) if t.text == word)) == code
