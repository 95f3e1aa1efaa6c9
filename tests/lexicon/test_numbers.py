"""Number words, currencies, amount modifiers and time words read from the lexicon tables."""

from __future__ import annotations

import pytest

from newsgraph.lexicon.numbers import (
    currencies,
    currency_name,
    currency_symbol,
    is_age_cue,
    is_unit_skip,
    modifier_after,
    modifier_before,
    number_value,
    number_word,
    number_word_kind,
    number_words,
    parse_number,
    split_currency_prefix,
    time_phrases,
    time_word,
)


@pytest.mark.parametrize(
    ("text", "money", "value", "approximate", "lower"),
    [
        ("137", False, 137, False, False),
        ("200,000", False, 200_000, False, False),
        ("1,000,000", False, 1_000_000, False, False),
        ("12.5", False, 12.5, False, False),
        ("two hundred", False, 200, False, False),
        ("twenty-five", False, 25, False, False),
        ("one hundred and fifty", False, 150, False, False),
        ("half a million", False, 500_000, False, False),
        ("two and a half million", False, 2_500_000, False, False),
        ("a dozen", False, 12, False, False),
        ("two dozen", False, 24, False, False),
        ("1.5 million", False, 1_500_000, False, False),
        ("1.5bn", False, 1_500_000_000, False, False),
        ("3.2m", True, 3_200_000, False, False),
        ("10k", True, 10_000, False, False),
        ("dozens", False, 12, True, True),
        ("tens of thousands", False, 10_000, True, True),
        ("hundreds of millions", False, 100_000_000, True, True),
        ("several hundred", False, 300, True, True),
    ],
)
def test_number_value_reads_written_numbers(
    text: str, money: bool, value: float, approximate: bool, lower: bool
) -> None:
    reading = number_value(text, money=money)
    assert reading is not None
    assert reading.value == pytest.approx(value)
    assert (reading.approximate, reading.lower_bound) == (approximate, lower)


@pytest.mark.parametrize("text", ["", "seats", "3.2m", "twenty apples", "thirds"])
def test_number_value_refuses_non_numbers(text: str) -> None:
    assert number_value(text) is None  # "3.2m" outside money is 3.2 metres, not millions


@pytest.mark.parametrize(("words", "value"), [(["2", "million"], 2_000_000), (["a", "hundred"], 100)])
def test_parse_number_takes_word_lists(words: list[str], value: float) -> None:
    reading = parse_number(words)
    assert reading is not None and reading.value == value


@pytest.mark.parametrize(("word", "kind"), [("dozen", "collective"), ("Million", "scale"), ("hundreds", "plural")])
def test_number_word_kinds(word: str, kind: str) -> None:
    entry = number_word(word)
    assert entry is not None and entry.kind == kind
    assert word.lower() in number_words()


@pytest.mark.parametrize(
    ("lower", "kind"), [("dozen", "collective"), ("twenty-five", "unit"), ("hundreds", "plural"), ("pier", None)]
)
def test_number_word_kind_reads_a_hyphenated_word_by_its_last_part(lower: str, kind: str | None) -> None:
    assert number_word_kind(lower) == kind
    assert number_word_kind(f"{lower}-pier") is None  # every part must be a number word


@pytest.mark.parametrize(
    ("sign", "code"),
    [("$", "USD"), ("€", "EUR"), ("£", "GBP"), ("₽", "RUB"), ("₸", "KZT"), ("A$", "AUD"), ("USD", "USD")],
)
def test_currency_symbols(sign: str, code: str) -> None:
    cur = currency_symbol(sign)
    assert cur is not None and cur.code == code


@pytest.mark.parametrize(("text", "code", "rest"), [("HK$30", "HKD", "30"), ("$5", "USD", "5"), ("530", None, "530")])
def test_split_currency_prefix(text: str, code: str | None, rest: str) -> None:
    cur, remainder = split_currency_prefix(text)
    assert (cur.code if cur else None, remainder) == (code, rest)


@pytest.mark.parametrize(
    ("words", "money", "code", "n"),
    [
        (["rubles", "in"], False, "RUB", 1),
        (["Hong", "Kong", "dollars"], False, "HKD", 3),
        (["tenge", "."], False, "KZT", 1),
        (["pounds", "of"], False, None, 0),
        (["pounds"], True, "GBP", 1),
        (["cents"], False, "USD", 1),
    ],
)
def test_currency_names(words: list[str], money: bool, code: str | None, n: int) -> None:
    cur, used = currency_name(words, money=money)
    assert (cur.code if cur else None, used) == (code, n)


def test_currency_table_has_subunit_factors() -> None:
    cents = next(c for c in currencies() if c.term == "cents")
    assert cents.factor == pytest.approx(0.01)


@pytest.mark.parametrize(
    ("words", "flag", "n"),
    [
        (["killed", "more", "than"], "lower_bound", 2),
        (["gathered", "around"], "approximate", 1),
        (["up", "to"], "upper_bound", 2),
        (["an", "estimated"], "approximate", 2),
        (["said"], None, 0),
    ],
)
def test_modifier_before(words: list[str], flag: str | None, n: int) -> None:
    assert modifier_before(words) == (flag, n)


@pytest.mark.parametrize(
    ("words", "flag", "n"),
    [(["or", "more", "were"], "lower_bound", 2), (["%"], "percent", 1), (["per", "cent"], "percent", 2)],
)
def test_modifier_after(words: list[str], flag: str, n: int) -> None:
    assert modifier_after(words) == (flag, n)


@pytest.mark.parametrize(
    ("word", "age", "skip"), [("aged", True, False), ("new", False, True), ("troops", False, False)]
)
def test_age_cues_and_unit_skips(word: str, age: bool, skip: bool) -> None:
    assert (is_age_cue(word), is_unit_skip(word)) == (age, skip)


@pytest.mark.parametrize(
    ("term", "kind", "value"),
    [
        ("Saturday", "weekday", "5"),
        ("august", "month", "8"),
        ("years", "unit", "year"),
        ("annually", "rate_adverb", "year"),
        ("morning", "daypart", "morning"),
        ("ago", "anchor", "past"),
        ("tractor", "unit", None),
    ],
)
def test_time_words(term: str, kind: str, value: str | None) -> None:
    assert time_word(term, kind) == value


@pytest.mark.parametrize("kind", ["edge"])
def test_time_phrases_longest_first(kind: str) -> None:
    phrases = time_phrases(kind)
    assert ("the", "end", "of") in phrases
    assert [len(p) for p in phrases] == sorted((len(p) for p in phrases), reverse=True)
