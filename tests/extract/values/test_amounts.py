"""Amounts: value, unit, flags and exclusions on short texts."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from newsgraph.core.model import Amount
from newsgraph.extract.values.amounts import extract_amounts


def _amounts(parse: Callable[[str], Doc], text: str) -> list[Amount]:
    return extract_amounts(parse(text), "d1")


def _values(parse: Callable[[str], Doc], text: str) -> list[tuple[float, str | None]]:
    return [(a.value, a.unit) for a in _amounts(parse, text)]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The ministry approved $45 million for the new bridge.", 45_000_000, "USD"),
        ("Exports earned the company €2.5 billion last year.", 2_500_000_000, "EUR"),
        ("The club paid £3.2m for the striker.", 3_200_000, "GBP"),
        ("Officials said 1.5bn euros had been set aside.", 1_500_000_000, "EUR"),
        ("The fine was set at 800 million tenge.", 800_000_000, "KZT"),
        ("The court ordered him to repay 40 million roubles.", 40_000_000, "RUB"),
        ("A loaf now costs ₽100 in the capital.", 100, "RUB"),
        ("Tickets were sold for HK$30 each.", 30, "HKD"),
        ("The coffee costs 90 cents.", 0.9, "USD"),
        # a name one country's currency has, and a shared name with the country's adjective
        ("The national government had withheld 45 million kina.", 45_000_000, "PGK"),
        ("Farmers were paid 2 billion Kenyan shillings.", 2_000_000_000, "KES"),
        ("The ministry set aside 300 million Egyptian pounds.", 300_000_000, "EGP"),
        ("The currency fell 13% against the euro.", 13, "percent"),
        ("Turnout rose to 64 per cent in the north.", 64, "percent"),
        ("Support for the party slipped 3 percentage points.", 3, "percentage points"),
    ],
)
def test_money_and_percent(parse: Callable[[str], Doc], text: str, value: float, unit: str) -> None:
    found = _amounts(parse, text)
    assert len(found) == 1, found
    assert found[0].value == pytest.approx(value)
    assert found[0].unit == unit


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The army moved 40,000 Chinese soldiers to the border.", 40_000, "soldiers"),
        ("The factory builds 300 armoured personnel carriers.", 300, "armoured personnel carriers"),
        ("Engineers delivered 75 Bayraktar drones in spring.", 75, "Bayraktar drones"),
        ("Two hundred workers walked out of the plant.", 200, "workers"),
        ("Half a million people signed the petition.", 500_000, "people"),
        ("The storm dropped 30 centimetres of snow.", 30, "centimetres"),
        ("Police arrested fourteen protesters near the square.", 14, "protesters"),
        ("The company will hire 5,000 new engineers.", 5_000, "engineers"),
    ],
)
def test_counted_units(parse: Callable[[str], Doc], text: str, value: float, unit: str) -> None:
    assert _values(parse, text) == [(value, unit)]


@pytest.mark.parametrize(
    ("text", "value", "approximate", "lower"),
    [
        ("Nearly 300 families lost their homes.", 300, True, False),
        ("About a dozen journalists were held overnight.", 12, True, False),
        ("More than 80 villages were flooded.", 80, False, True),
        ("At least 71 miners were rescued.", 71, False, True),
        ("Forty-two climbers or more reached the summit.", 42, False, True),
        ("Up to 500 soldiers may be sent.", 500, True, False),
        ("Dozens of nurses protested outside the hospital.", 12, True, True),
        ("Tens of thousands of farmers blocked the roads.", 10_000, True, True),
    ],
)
def test_flags(parse: Callable[[str], Doc], text: str, value: float, approximate: bool, lower: bool) -> None:
    found = _amounts(parse, text)
    assert len(found) == 1, found
    assert (found[0].value, found[0].approximate, found[0].lower_bound) == (value, approximate, lower)


@pytest.mark.parametrize(
    ("text", "per"),
    [
        ("The mine produces 2,000 tonnes of copper a day.", "day"),
        ("The plant ships 40 turbines per year.", "year"),
        ("The port handles 900 containers annually.", "year"),
        ("The works turned out each week nearly 60 locomotives and 15 cranes.", "week"),
    ],
)
def test_rate(parse: Callable[[str], Doc], text: str, per: str) -> None:
    found = _amounts(parse, text)
    assert found and all(a.per == per for a in found)


@pytest.mark.parametrize(
    ("text", "about"),
    [
        ("The rupee, India's currency, dropped 4% in a week.", "rupee"),
        ("The airport opened despite the $90 million lent by the Asian Development Bank.", "Asian Development Bank"),
        ("Almost 40% of the voters stayed at home.", "voters"),
    ],
)
def test_about(parse: Callable[[str], Doc], text: str, about: str) -> None:
    found = _amounts(parse, text)
    assert len(found) == 1 and found[0].about is not None
    assert about.lower() in found[0].about.lower()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Repairs will cost between $3 and $4 billion.", [(3e9, "USD"), (4e9, "USD")]),
        ("Roughly 20–25 percent of the harvest was lost.", [(20, "percent"), (25, "percent")]),
    ],
)
def test_ranges(parse: Callable[[str], Doc], text: str, expected: list[tuple[float, str]]) -> None:
    assert _values(parse, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The alliance won 23 out of 30 districts.", [(23, "districts"), (30, "districts")]),
        ("She was one of 12 candidates.", [(12, "candidates")]),
        ("Around 2,000 Kenyan and 80 Ugandan nurses joined.", [(2000, "nurses"), (80, "nurses")]),
        ("Northern Rally Party - 40 seats", [(40, "seats")]),
    ],
)
def test_shared_units(parse: Callable[[str], Doc], text: str, expected: list[tuple[float, str]]) -> None:
    assert _values(parse, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The law was passed in 2016 after a long debate.",
        "The election was held on 12 March.",
        "The 58-year-old mayor resigned.",
        "The mayor, aged 58, resigned.",
        "Maria Lopez, 58, said she would appeal.",
        "The campaign, called Operation 1776, was exposed.",
        "Flight 302 crashed shortly after take-off.",
        "Hackers from the group APT29 were blamed.",
        "For details call 555-867-5309 today.",
        "He came first in the race.",
        "One of the ministers resigned.",
        "The two leaders met in the capital.",
        "The team won 3-1 on Sunday.",
        "The talks lasted ten days.",
        "Prices have tripled over the past three years.",
    ],
)
def test_not_amounts(parse: Callable[[str], Doc], text: str) -> None:
    assert _amounts(parse, text) == []


@pytest.mark.parametrize(
    ("text", "snippet"),
    [("Officials said more than 120 firefighters fought the blaze.", "more than 120 firefighters")],
)
def test_evidence_points_at_the_words(parse: Callable[[str], Doc], text: str, snippet: str) -> None:
    (amount,) = _amounts(parse, text)
    assert amount.text == snippet
    assert text[amount.evidence.start : amount.evidence.end] == snippet
    assert amount.evidence.sentence == text and amount.evidence.doc == "d1"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n ",
        "\u201cAbout 300 people, he said",
        'Unbalanced " quote with $ and % and 1,2,3,4,5',
        "Some\u00a0200\u00a0residents fled \u202e\u200b\ufeff 42",
        "2 2 2 2 2 2 2",
        "$ € £ million billion dozens of",
    ],
)
def test_odd_input_does_not_crash(parse: Callable[[str], Doc], text: str) -> None:
    for amount in _amounts(parse, text):
        assert amount.value >= 0
        assert 0 <= amount.evidence.start <= amount.evidence.end <= len(text)


def test_the_word_memo_changes_no_figure(parse: Callable[[str], Doc], monkeypatch: pytest.MonkeyPatch) -> None:
    """Whether a word may start a figure is kept per word (emptied when full): the same figures either way."""
    from newsgraph.extract.values import amounts

    text = "Dozens of residents fled and 1,200 more left; two hundred stayed behind with 3 boats."
    first = [(a.value, a.unit) for a in _amounts(parse, text)]
    assert first and first == [(a.value, a.unit) for a in _amounts(parse, text)]  # answered from the memo
    monkeypatch.setattr(amounts, "MAY_SEED_SIZE", 1)  # emptied at every new word
    amounts._MAY_SEED.clear()
    assert [(a.value, a.unit) for a in _amounts(parse, text)] == first
