"""Themes: lemma and phrase matching from themes.tsv, one theme per (code, sentence), with evidence."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from newsgraph.extract.values.themes import extract_themes


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Police detained three men after the rally.", {"ARREST", "PROTEST"}),
        ("The central bank raised interest rates again.", {"ECONOMY_CURRENCY"}),
        ("Hospitals were hit by cyber-attacks last week.", {"CYBER_ATTACK", "HEALTH"}),
        ("Thousands took to the streets of the capital.", {"PROTEST"}),
        ("The embassy was closed and the envoy recalled.", {"DIPLOMACY"}),
        ("Voters went to the polls in the referendum.", {"ELECTION"}),
        ("New sanctions target the oil exports.", {"SANCTIONS", "ENERGY"}),
        ("A spy was caught selling secrets to a foreign intelligence service.", {"ESPIONAGE"}),
        ("The cat sat quietly on the mat.", set()),
        ("According to a think tank, the plan works.", set()),
    ],
)
def test_theme_codes(parse: Callable[[str], Doc], text: str, codes: set[str]) -> None:
    assert {t.code for t in extract_themes(parse(text), "d1")} == codes


@pytest.mark.parametrize(
    "text",
    ["The currency fell as inflation and the exchange rate worried the central bank. Inflation stayed high."],
)
def test_one_theme_per_code_and_sentence(parse: Callable[[str], Doc], text: str) -> None:
    themes = [t for t in extract_themes(parse(text), "d1") if t.code == "ECONOMY_CURRENCY"]
    assert len(themes) == 2
    assert len({t.evidence.sentence for t in themes}) == 2


@pytest.mark.parametrize(("text", "word"), [("Protesters gathered outside.", "Protesters")])
def test_evidence_is_the_matching_words(parse: Callable[[str], Doc], text: str, word: str) -> None:
    (theme,) = extract_themes(parse(text), "doc-3")
    assert text[theme.evidence.start : theme.evidence.end] == word
    assert theme.evidence.doc == "doc-3"
    assert theme.evidence.sentence == text
    assert theme.keyword == "protester"


@pytest.mark.parametrize("text", ["", " \n\n", "\u00a0\u200b\U0001f600"])
def test_odd_input(parse: Callable[[str], Doc], text: str) -> None:
    assert extract_themes(parse(text), "d1") == []
