"""Dates: DATE/TIME entities resolved against the publication date."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from newsgraph.extract.values.dates import extract_dates, resolve_date


@pytest.fixture(scope="module")
def parse() -> Callable[[str], Doc]:
    from newsgraph.ingest.nlp import load_nlp, parse_one

    load_nlp()
    return parse_one


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # weekdays: the most recent such day on or before publication (2023-05-14 is a Sunday)
        ("Friday", "2023-05-14", ("2023-05-12", "day")),
        ("Sunday", "2023-05-14", ("2023-05-14", "day")),
        ("last Sunday", "2023-05-14", ("2023-05-07", "day")),
        ("next Tuesday", "2023-05-14", ("2023-05-16", "day")),
        ("Friday evening", "2023-05-14", ("2023-05-12", "day")),
        ("Thursday\u00a0night", "2023-05-14", ("2023-05-11", "day")),
        ("since Wednesday", "2023-05-14", ("2023-05-10", "day")),
        ("Monday's", "2023-05-14", ("2023-05-08", "day")),
        # calendar dates, months and years
        ("3 May", "2023-05-14", ("2023-05-03", "day")),
        ("May 3", "2023-05-14", ("2023-05-03", "day")),
        ("11\u00a0May", "2023-05-14", ("2023-05-11", "day")),
        ("March 2021", None, ("2021-03", "month")),
        ("2019", None, ("2019", "year")),
        ("since 2019", "2023-05-14", ("2019", "year")),
        ("2023-04-30", None, ("2023-04-30", "day")),
        ("early June 2020", None, ("2020-06", "month")),
        ("the end of 2018", None, ("2018", "year")),
        # relative to publication
        ("yesterday", "2023-05-14", ("2023-05-13", "day")),
        ("last night", "2023-05-14", ("2023-05-13", "day")),
        ("earlier this month", "2023-05-14", ("2023-05", "month")),
        ("last year", "2023-05-14", ("2022", "year")),
        ("four years ago", "2023-05-14", ("2019", "year")),
        ("last October", "2023-05-14", ("2022-10", "month")),
        ("next January", "2023-05-14", ("2024-01", "month")),
        # a yearless date just after publication is upcoming; one months back stays past
        ("May 20", "2023-05-14", ("2023-05-20", "day")),
        ("December 2", "2023-05-14", ("2022-12-02", "day")),
    ],
)
def test_resolve_date(text: str, published: str | None, expected: tuple[str, str]) -> None:
    assert resolve_date(text, published) == expected


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # durations and rates name no date
        ("six years", "2023-05-14"),
        ("the next three years", "2023-05-14"),
        ("more than two decades", "2023-05-14"),
        ("years", "2023-05-14"),
        ("month after month", "2023-05-14"),
        ("some time", "2023-05-14"),
        ("each week", "2023-05-14"),
        ("a year", "2023-05-14"),
        # tied to an unnamed time, too coarse, or not a date at all
        ("three days later", "2023-05-14"),
        ("last week", "2023-05-14"),
        ("the 1980s", "2023-05-14"),
        ("2015-2016", "2023-05-14"),
        ("38-year-old", "2023-05-14"),
        ("61", "2023-05-14"),
        ("2190", "2023-05-14"),
        ("10 a.m.", "2023-05-14"),
        ("evening", "2023-05-14"),
        # relative expressions need a publication date; so does a date without a year
        ("Friday", None),
        ("earlier this month", None),
        ("3 May", None),
        ("3 May", "not a date"),
        ("", "2023-05-14"),
        ("\u00a0 ", "2023-05-14"),
        ("\u201c", None),
    ],
)
def test_resolve_date_gives_none(text: str, published: str | None) -> None:
    assert resolve_date(text, published) == (None, None)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "The minister resigned on Friday morning after the vote.",
            "2023-05-14",
            [("Friday morning", "2023-05-12", "day")],
        ),
        (
            "Talks began in March 2021 and lasted for six years.",
            "2023-05-14",
            [("March 2021", "2021-03", "month"), ("six years", None, None)],
        ),
    ],
)
def test_extract_dates(parse: Callable[[str], Doc], text: str, published: str, expected: list[tuple]) -> None:
    facts = extract_dates(parse(text), "d1", published)
    assert [(f.text, f.value, f.granularity) for f in facts] == expected
    for fact in facts:
        assert fact.evidence.doc == "d1"
        assert text[fact.evidence.start : fact.evidence.end] == fact.text
        assert fact.text in fact.evidence.sentence


@pytest.mark.parametrize(
    ("text", "value"),
    [("The ferry left shortly before 21:00 local time (2000 UTC), officials said.", None)],
)
def test_clock_time_is_not_a_year(parse: Callable[[str], Doc], text: str, value: str | None) -> None:
    facts = extract_dates(parse(text), "d1", "2023-05-14")
    assert facts and all(f.value == value for f in facts)


@pytest.mark.parametrize(
    "text",
    ["Tuesday, 9 May 2023\n\nMonday evening the council met."],
)
def test_dates_do_not_run_across_lines(parse: Callable[[str], Doc], text: str) -> None:
    facts = extract_dates(parse(text), "d1", "2023-05-14")
    assert all("\n" not in f.text for f in facts)
    assert "2023-05-09" in [f.value for f in facts]


@pytest.mark.parametrize(
    "text",
    ["", "   ", "\u201cOn Friday", 'Unbalanced " quote since 2019 \u00a0and\u00a0then', "\u202e\u200b 2020 \ufeff"],
)
def test_odd_input_does_not_crash(parse: Callable[[str], Doc], text: str) -> None:
    for fact in extract_dates(parse(text), "d1", "2023-05-14"):
        assert fact.value is None or fact.value[:4].isdigit()
