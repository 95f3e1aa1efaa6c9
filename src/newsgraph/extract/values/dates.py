"""Dates: every DATE/TIME entity resolved to an absolute date from the publication date.

``extract_dates`` reads the spaCy entities (adjacent DATE and TIME entities are
merged: "Saturday" + "morning"), and :func:`resolve_date` turns each text into
``(value, granularity)``: ``"2022-02-26", "day"``, ``"2024-08", "month"`` or
``"2022", "year"``, resolved against ``published`` (YYYY-MM-DD).

Rules, in order (the vocabulary is in ``lexicon/data/time_words.tsv``):

- leading prepositions ("since 2024"), part-of-period phrases ("early March",
  "earlier this month") and parts of day ("Saturday morning") are dropped;
- an expression tied to an unnamed time ("two days later") resolves to None;
- durations and rates resolve to None: a plural calendar unit without "ago"
  ("five years", "the next five years", "for years"), or a unit without any
  anchor ("each month", "year after year", "some time", "45-year-old");
- a bare weekday is the most recent such day on or before publication ("on
  Saturday" in a Sunday article is the day before); "last Saturday" is strictly
  before, "next Saturday" strictly after;
- "last/this/next" + month name picks the year from the publication date;
- everything else goes to dateparser with ``RELATIVE_BASE`` = publication date,
  ``PREFER_DAY_OF_MONTH="first"``, ``PREFER_DATES_FROM="past"`` (STACK.md);
  weeks, quarters, decades and bare clock times have no day/month/year value
  and resolve to None.

Without a publication date only expressions that name a year resolve.

Facts whose text names no calendar date (durations, rates, clock times) are
kept with ``value=None`` and ``granularity=None``: they still mark the span as
a time expression, so no other extractor reads "five years" as an amount or a
date. Consumers that want dates filter on ``value``.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from newsgraph.core.model import DateFact
from newsgraph.extract.evidence import char_evidence
from newsgraph.lexicon.numbers import time_phrases, time_word, time_words

if TYPE_CHECKING:
    from dateparser.date import DateDataParser
    from spacy.tokens import Doc

Granularity = Literal["day", "month", "year"]
TIME_LABELS = frozenset({"DATE", "TIME"})

# dateparser's `period` → our granularity; anything else (week, quarter, time) has no value
_PERIODS: dict[str, Granularity] = {"day": "day", "part_of_day": "day", "month": "month", "year": "year"}
# the base used when there is no publication date: only texts naming a year are parsed then,
# and with a year named the base only fills the parts the text does not give
_NO_BASE = datetime(2000, 1, 1)
# dateparser prefers the past, so "October 9" in an article of 7 October reads as a year ago. News
# announces what comes next: a yearless date that falls within this many days after publication is
# taken as upcoming. 45 days covers "next month" announcements and stays clear of dates a season away,
# which are as often looked back on; a past reading this many days old or more is a candidate.
FUTURE_WINDOW_DAYS = 45
# news speaks of plans a few decades ahead ("net zero by 2050"); a later "year" is a number or a label
MAX_YEARS_AHEAD = 80
MIN_PAST_DAYS = 300
_YEAR = re.compile(r"^(1[0-9]{3}|2[0-9]{3})$")
_YEAR_INSIDE = re.compile(r"(?<!\d)(1[0-9]{3}|2[0-9]{3})(?!\d)")
_DAY_NUMBER = re.compile(r"^([0-9]{1,2})(st|nd|rd|th)?$")
# all-digit texts dateparser may read: a year, an ISO date, a numeric day/month/year
_NUMERIC_DATE = re.compile(r"^(\d{4}|\d{4}-\d{2}(-\d{2})?|\d{1,2}[/.]\d{1,2}[/.]\d{4})$")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")  # fmt: skip
_RELATIVE_DAYS = {"yesterday": -1, "today": 0, "tomorrow": 1}
_COMMON = re.compile(
    r"^(?:(?P<relative>yesterday|today|tomorrow)|(?P<bare>[12][0-9]{3})"
    rf"|(?:(?P<day2>[0-9]{{1,2}}) )?(?P<month>{'|'.join(_MONTHS)})"
    r"(?: (?P<day>[0-9]{1,2}))?,?(?: (?P<year>[12][0-9]{3}))?)$",
    re.IGNORECASE,
)
# Relative forms dateparser reads from the publication date alone: a year or month one back or ahead,
# this or last night; a week, a bare part of day or another part of day after "last" names no date.
_RELATIVE = re.compile(
    r"^(?:(?P<shift>this|last|next) (?P<unit>year|month)|(?P<none>(?:this|last|next) week|last (?:morning|afternoon"
    r"|evening)|morning|afternoon|evening|night|midnight|noon|overnight)|(?P<today>tonight|this (?:morning|afternoon"
    r"|evening|night))|(?P<yesterday>last night))$",
    re.IGNORECASE,
)
_SHIFTS = {"this": 0, "last": -1, "next": 1}
_TOKEN_STRIP = ".,;:()[]'\"\u2018\u2019\u201c\u201d"


def extract_dates(doc: Doc, doc_id: str, published: str | None) -> list[DateFact]:
    """One fact per DATE/TIME entity (adjacent ones merged), resolved against ``published``."""
    facts: list[DateFact] = []
    for start, end, only_time in _time_spans(doc):
        span = doc[start:end]
        text = span.text.strip()
        if not text:
            continue
        value, granularity = resolve_date(text, published)
        if granularity == "year" and (only_time or _clock_or_label(doc, start, end)):
            value, granularity = None, None  # "1800 UTC", "Resolution 2259": not a year
        facts.append(
            DateFact(
                text=text,
                value=value,
                granularity=granularity,
                evidence=char_evidence(doc_id, doc, span.start_char, span.end_char),
            )
        )
    return facts


def _clock_or_label(doc: Doc, start: int, end: int) -> bool:
    """A lone number before a time zone ("1800 UTC") or after a capitalised noun ("Resolution 2259")."""
    if end < len(doc) and time_word(doc[end].lower_, "timezone") is not None:
        return True
    if end - start != 1 or start == 0 or doc[start].is_sent_start:
        return False
    prev = doc[start - 1]
    named = prev.pos_ in ("NOUN", "PROPN") and prev.text[:1].isupper()
    return named and time_word(prev.lower_, "month") is None and time_word(prev.lower_, "weekday") is None


def _time_spans(doc: Doc) -> list[tuple[int, int, bool]]:
    """Token ranges of DATE/TIME entities, cut at line breaks, adjacent ones in a sentence merged."""
    spans: list[tuple[int, int, bool]] = []
    for ent in doc.ents:
        if ent.label_ not in TIME_LABELS:
            continue
        for start, end in _lines(doc, ent.start, ent.end):
            only_time = ent.label_ == "TIME"
            if spans and spans[-1][1] == start and not doc[start].is_sent_start:
                spans[-1] = (spans[-1][0], end, spans[-1][2] and only_time)
            else:
                spans.append((start, end, only_time))
    return spans


def _lines(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Split ``doc[start:end]`` at line breaks (the model sometimes runs a dateline into the text)."""
    pieces: list[tuple[int, int]] = []
    first = start
    for tok in doc[start:end]:
        if tok.is_space and "\n" in tok.text:
            if first < tok.i:
                pieces.append((first, tok.i))
            first = tok.i + 1
        elif "\n" in tok.whitespace_:
            pieces.append((first, tok.i + 1))
            first = tok.i + 1
    if first < end:
        pieces.append((first, end))
    return [(a, b) for a, b in pieces if any(not t.is_space for t in doc[a:b])]


@lru_cache(maxsize=8192)
def resolve_date(text: str, published: str | None) -> tuple[str | None, str | None]:
    """``(value, granularity)`` of a date expression; ``(None, None)`` when it names no date.

    ``resolve_date("Saturday morning", "2022-02-27")`` → ``("2022-02-26", "day")``;
    ``resolve_date("August 2024", None)`` → ``("2024-08", "month")``;
    ``resolve_date("five years", "2022-02-27")`` → ``(None, None)``.
    """
    base = _published_date(published)
    toks = _tokens(text)
    keys = [_key(t) for t in toks]
    _drop_leading(toks, keys)
    if not toks:
        return None, None
    if keys[-1] in time_words()["unknown_anchor"]:
        return None, None
    raw_toks = list(toks)
    dayparts = time_words()["daypart"]
    kept = [(t, k) for t, k in zip(toks, keys, strict=True) if k not in dayparts]
    if kept and any(_is_content(k) for _, k in kept):
        toks, keys = [t for t, _ in kept], [k for _, k in kept]
    elif len(kept) < len(toks):
        # "last night", "this morning": nothing but an anchor and a part of day
        return _with_dateparser(" ".join(raw_toks), base, has_year=False)
    return _resolve_tokens(toks, keys, base)


def _resolve_tokens(toks: list[str], keys: list[str], base: date | None) -> tuple[str | None, str | None]:
    words = time_words()
    anchors = [k for k in keys if k in words["anchor"]]
    years = [k for k in keys if _YEAR.match(k)]
    weekdays = [k for k in keys if k in words["weekday"]]
    months = [k for k in keys if k in words["month"]]
    days = [k for k in keys if _DAY_NUMBER.match(k)]
    units = [k for k in keys if k in words["unit"]]
    plural_unit = any(words["unit"][u] != u for u in units)
    if plural_unit and "ago" not in anchors:
        return None, None
    if units and not (anchors or years or weekdays or months):
        return None, None
    if not (anchors or years or weekdays or months or units):
        ordinal_day = any(not k.isdigit() for k in days)  # "the 24th"
        if not ordinal_day and not _NUMERIC_DATE.match("".join(toks)):
            return None, None
    if weekdays and not (months or years):
        return _weekday(words["weekday"][weekdays[0]], anchors, base)
    if months and not years and anchors and base is not None:
        year = _year_for_month(int(words["month"][months[0]]), anchors[0], base)
        toks = [t for t, k in zip(toks, keys, strict=True) if k not in words["anchor"]] + [str(year)]
        years = [str(year)]
    has_year = bool(years) or any(_YEAR_INSIDE.search(k) for k in keys)
    return _with_dateparser(" ".join(toks), base, has_year=has_year)


def _is_content(key: str) -> bool:
    words = time_words()
    return bool(
        key in words["weekday"]
        or key in words["month"]
        or key in words["unit"]
        or _YEAR.match(key)
        or _DAY_NUMBER.match(key)
        or key in ("yesterday", "today", "tomorrow")
    )


def _weekday(target: str, anchors: list[str], base: date | None) -> tuple[str | None, str | None]:
    if base is None:
        return None, None
    wanted = int(target)
    back = (base.weekday() - wanted) % 7
    direction = time_word(anchors[0], "anchor") if anchors else None
    if direction == "future":
        ahead = (wanted - base.weekday()) % 7 or 7
        return (base + timedelta(days=ahead)).isoformat(), "day"
    if direction == "past" and back == 0:
        back = 7
    return (base - timedelta(days=back)).isoformat(), "day"


def _year_for_month(month: int, anchor: str, base: date) -> int:
    direction = time_word(anchor, "anchor")
    if direction == "past":
        return base.year if month < base.month else base.year - 1
    if direction == "future":
        return base.year if month > base.month else base.year + 1
    return base.year


def _with_dateparser(text: str, base: date | None, *, has_year: bool) -> tuple[str | None, str | None]:
    if base is None and not has_year:
        return None, None
    common = _common_form(text, base)
    if common is not None:
        return common
    relative = datetime(base.year, base.month, base.day) if base else _NO_BASE
    try:
        data = _parser(relative).get_date_data(text)
    except (ValueError, TypeError, OverflowError, KeyError):
        # dateparser raises on some odd inputs ("32nd of Smarch"); such a text names no date
        return None, None
    found = data.date_obj
    granularity = _PERIODS.get(data.period or "")
    latest = (base.year if base else _NO_BASE.year) + MAX_YEARS_AHEAD
    if found is None or granularity is None or not 1000 <= found.year <= latest:
        return None, None
    if base is not None and not has_year:
        found = _upcoming(found, base, granularity)
    if granularity == "day":
        return found.date().isoformat(), "day"
    if granularity == "month":
        return f"{found.year:04d}-{found.month:02d}", "month"
    return f"{found.year:04d}", "year"


def _common_form(text: str, base: date | None) -> tuple[str | None, str | None] | None:
    """What dateparser reads in the most frequent forms, without it (it costs milliseconds a call).

    A bare year, "yesterday"/"today"/"tomorrow", and a full month name with a day and/or a year
    ("March 5", "5 March 2019", "March 5, 2019", "March 2019", "March"), the yearless ones read in
    the past and then :func:`_upcoming`, as dateparser's ``PREFER_DATES_FROM="past"`` does. None
    for any other text (dateparser reads it). ``tests/extract/values/test_dates.py`` holds these
    equal to dateparser's reading over a grid of forms and publication dates.
    """
    relative_form = _relative_form(text, base)
    if relative_form is not None:
        return relative_form
    match = _COMMON.match(text)
    if match is None:
        return None
    year_text = match.group("year") or match.group("bare")
    relative, month_name = match.group("relative"), match.group("month")
    day_text = match.group("day") or match.group("day2")
    if (match.group("day") and match.group("day2")) or day_text in ("0", "00"):
        return None
    latest = (base.year if base else _NO_BASE.year) + MAX_YEARS_AHEAD
    if relative is not None:
        if base is None:
            return None, None
        return (base + timedelta(days=_RELATIVE_DAYS[relative.lower()])).isoformat(), "day"
    year = int(year_text) if year_text else None
    if year is not None and not 1000 <= year <= latest:
        return None, None
    if month_name is None:  # a bare year
        return f"{year:04d}", "year"
    month = _MONTHS.index(month_name.lower()) + 1
    day = int(day_text or 0)
    if year is not None:
        if not day:
            return f"{year:04d}-{month:02d}", "month"
        try:
            return date(year, month, day).isoformat(), "day"
        except ValueError:
            return None  # no such day: dateparser decides what it reads
    if base is None or day > 28:  # the 29th to 31st exist in some years only: dateparser decides
        return None
    found = date(base.year, month, day or 1)
    if (found > base) if day else (month > base.month):
        found = found.replace(year=base.year - 1)
    granularity = "day" if day else "month"
    found = _upcoming(datetime(found.year, found.month, found.day), base, granularity).date()
    return (found.isoformat(), "day") if day else (f"{found.year:04d}-{found.month:02d}", "month")


def _relative_form(text: str, base: date | None) -> tuple[str | None, str | None] | None:
    """What dateparser reads in "last year", "next month", "this week", "last night", "this morning", a bare
    "evening" (held equal to it by ``tests/extract/values/test_dates.py``); None for other texts."""
    match = _RELATIVE.match(text) if base is not None else None
    if match is None or base is None:
        return None
    if match.group("none"):
        return None, None
    if match.group("today") or match.group("yesterday"):
        return (base - timedelta(days=1 if match.group("yesterday") else 0)).isoformat(), "day"
    shift = _SHIFTS[match.group("shift").lower()]
    if match.group("unit").lower() == "year":
        return f"{base.year + shift:04d}", "year"
    months = base.year * 12 + base.month - 1 + shift
    return f"{months // 12:04d}-{months % 12 + 1:02d}", "month"


def _upcoming(found: datetime, base: date, granularity: str) -> datetime:
    """A yearless date just after publication is upcoming, not a year old ("premieres October 9")."""
    if (base - found.date()).days < MIN_PAST_DAYS:
        return found
    try:
        ahead = found.replace(year=found.year + 1)
    except ValueError:  # 29 February
        return found
    start = ahead.date().replace(day=1) if granularity == "month" else ahead.date()
    return ahead if 0 < (start - base).days <= FUTURE_WINDOW_DAYS else found


@lru_cache(maxsize=64)
def _parser(relative_base: datetime) -> DateDataParser:
    """One dateparser per publication date (construction is cheap; parses are cached by resolve_date)."""
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": relative_base,
            "PREFER_DAY_OF_MONTH": "first",
            "PREFER_DATES_FROM": "past",
            "RETURN_TIME_AS_PERIOD": True,
        },
    )


def _published_date(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None


def _tokens(text: str) -> list[str]:
    text = text.replace("\u00a0", " ").replace("\u2013", "-").replace("\u2014", "-")
    out: list[str] = []
    for tok in text.split():
        # split words joined by hyphens ("mid-March", "45-year-old"), keep numeric dates ("2022-02-24")
        if "-" in tok and not re.match(r"^\d[\d-]*\d$", tok):
            out.extend(p for p in tok.split("-") if p)
        else:
            out.append(tok)
    return [t for t in out if t.strip(_TOKEN_STRIP)]


def _key(tok: str) -> str:
    key = tok.replace("\u2019", "'").strip(_TOKEN_STRIP).lower()
    return key[:-2] if key.endswith("'s") else key


def _drop_leading(toks: list[str], keys: list[str]) -> None:
    """Drop leading prepositions, "the" and part-of-period phrases, in place."""
    leads = time_words()["lead"]
    edges = time_phrases("edge")
    changed = True
    while toks and changed:
        changed = False
        if keys[0] in leads:
            del toks[0], keys[0]
            changed = True
            continue
        for phrase in edges:
            n = len(phrase)
            if len(keys) > n and tuple(keys[:n]) == phrase:
                del toks[:n], keys[:n]
                changed = True
                break
