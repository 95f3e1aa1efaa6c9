"""Theme terms (lexicon/themes.py over themes.tsv)."""

from __future__ import annotations

import pytest

from newsgraph.lexicon.themes import term_words, terms_for, theme_codes, theme_terms

REQUIRED = {
    "DIPLOMACY", "MILITARY", "CYBER_ATTACK", "DISINFORMATION", "PROTEST", "ARREST",
    "ECONOMY_CURRENCY", "ELECTION", "SANCTIONS", "ESPIONAGE",
}  # fmt: skip


def test_required_codes_present() -> None:
    assert set(theme_codes()) >= REQUIRED


def test_rows_are_well_formed_and_unique() -> None:
    terms = theme_terms()
    assert all(t.code.isupper() and t.match in ("lemma", "lower") and t.words for t in terms)
    keys = [(t.code, t.match, t.term) for t in terms]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize(
    ("term", "words"),
    [
        ("cyber-attack", ("cyber", "-", "attack")),
        ("covid-19", ("covid-19",)),
        ("2020-21", ("2020", "-", "21")),
        ("take to the street", ("take", "to", "the", "street")),
    ],
)
def test_term_words_follow_spacy_tokenizer(term: str, words: tuple[str, ...]) -> None:
    assert term_words(term) == words


@pytest.mark.parametrize(("code", "term"), [("PROTEST", "protester"), ("SANCTIONS", "sanction")])
def test_terms_for(code: str, term: str) -> None:
    assert term in terms_for(code)
