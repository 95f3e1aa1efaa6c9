"""Country names the parser splits at their "and" or the tokenizer at their hyphen."""

from __future__ import annotations

import pytest

from newsgraph.extract.country_names import and_named, hyphen_named


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


@pytest.mark.parametrize(
    ("text", "word", "code"),
    [
        ("Guinea-Bissau's junta postponed the vote.", "Guinea", "GNB"),  # not Guinea
        ("Guinea-Bissau's junta postponed the vote.", "Bissau", "GNB"),
        ("Timor-Leste joined the bloc.", "Timor", "TLS"),
        ("Guinea - a neighbour - closed its border.", "Guinea", None),  # a dash between words, no name
    ],
)
def test_hyphen_named(parse, text: str, word: str, code: str | None) -> None:
    assert hyphen_named(next(t for t in parse(text) if t.text == word)) == code


def test_a_hyphenated_country_name_is_one_country_for_the_events(parse) -> None:
    from newsgraph.extract.syntax import token_country

    doc = parse("Guinea-Bissau's junta postponed the vote.")
    assert token_country(next(t for t in doc if t.text == "Guinea")) == "GNB"
