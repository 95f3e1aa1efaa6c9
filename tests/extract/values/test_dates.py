"""Dates: DATE/TIME entities resolved against the publication date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from spacy.tokens import Doc

from newsgraph.extract.values import dates
from newsgraph.extract.values.dates import _common_form, _with_dateparser, extract_dates, resolve_date


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


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")  # fmt: skip
# Publication dates around the edges the reading depends on: year ends, a leap day, mid-month.
_BASES = (None, date(2019, 1, 1), date(2020, 2, 29), date(2019, 3, 15), date(2020, 12, 31), date(2021, 11, 20))


def _common_forms() -> list[tuple[str, bool]]:
    forms: list[tuple[str, bool]] = [(w, False) for w in ("yesterday", "Today", "TOMORROW")]
    forms += [(str(y), True) for y in (1000, 1066, 1999, 2019, 2080, 2081, 2100, 2101, 2999)]
    for n, month in enumerate(_MONTHS):
        day = (1, 9, 15, 28, 29, 30, 31)[n % 7]
        forms += [(month, False), (month.lower(), False), (f"{month} {day}", False), (f"{day} {month}", False)]
        forms += [(f"{month} {day}, 2019", True), (f"{day} {month} 2020", True), (f"{month} 2019", True)]
    for shift in ("this", "last", "next", "Last", "THIS"):
        forms += [(f"{shift} {unit}", False) for unit in ("year", "month", "week", "Month", "morning", "evening")]
        forms += [(f"{shift} {unit}", False) for unit in ("afternoon", "night", "weekend", "day", "decade")]
    forms += [(w, False) for w in ("morning", "Afternoon", "evening", "night", "midnight", "noon", "overnight")]
    forms += [(w, False) for w in ("tonight", "Tonight", "last  year", "last year's", "this past week")]
    return forms


@pytest.mark.parametrize(("text", "has_year"), _common_forms())
def test_common_forms_read_as_dateparser_reads_them(text: str, has_year: bool, monkeypatch) -> None:
    """The forms read without dateparser (it costs milliseconds a call) give what dateparser gives."""
    fast = [_with_dateparser(text, base, has_year=has_year) for base in _BASES if base or has_year]
    monkeypatch.setattr(dates, "_common_form", lambda text, base: None)
    assert fast == [_with_dateparser(text, base, has_year=has_year) for base in _BASES if base or has_year]


@pytest.mark.parametrize(
    ("text", "base", "expected"),
    [
        ("March 5", date(2019, 3, 15), ("2019-03-05", "day")),
        ("June 1", date(2019, 3, 15), ("2018-06-01", "day")),  # read in the past
        ("April 2", date(2019, 3, 15), ("2019-04-02", "day")),  # a year ago, but just ahead: upcoming
        ("yesterday", date(2020, 3, 1), ("2020-02-29", "day")),
        ("May 30", date(2019, 3, 15), None),  # a 29th to 31st: dateparser reads it
        ("the 5th", date(2019, 3, 15), None),
        ("last month", date(2020, 1, 31), ("2019-12", "month")),
        ("next year", date(2020, 12, 31), ("2021", "year")),
        ("last night", date(2020, 3, 1), ("2020-02-29", "day")),
        ("this week", date(2020, 3, 1), (None, None)),  # a week is no period dateparser gives
        ("evening", date(2020, 3, 1), (None, None)),
        ("last year", None, None),  # no publication date: dateparser decides
    ],
)
def test_common_forms_skip_dateparser(text: str, base: date | None, expected: tuple[str, str] | None) -> None:
    assert _common_form(text, base) == expected
