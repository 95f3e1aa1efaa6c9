"""Events on a true time axis: contiguous bins of a day, a week, a month or a year, stacked by type.

An event's date is its own, else its document's (``when``). The bin width follows the range the
filters select: up to two months by day, up to a year by week (weeks start on Monday), up to six
years by month, beyond by year. An event whose date is coarser than the bin (``2022`` in a chart by
month) is counted apart in ``coarse``, never placed at a guessed day. ``period_events`` lists the
events of one bin (or any range of ``when``), newest first, each with its evidence sentence.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import desc, func, select
from sqlalchemy.engine import Connection

from newsgraph.store.filters import NO_FILTERS, Filters, after, document_date, event_row_conditions
from newsgraph.store.filters import events_with_documents as _source
from newsgraph.store.schema import documents, events
from newsgraph.store.schema_summary import day_event_types
from newsgraph.store.sql import chunked

Rows = list[dict[str, Any]]
# Bin widths by the span of the range, in days (see the module docstring).
DAY_UP_TO, WEEK_UP_TO, MONTH_UP_TO = 62, 366, 6 * 366
# The default range leaves out the first and last 5% of the events when all of them span over two years.
TAIL, CORE_FROM_DAYS = 0.05, 2 * 366
# Characters of an ISO date a bin of each width needs.
PRECISION = {"day": 10, "week": 10, "month": 7, "year": 4}


@dataclass(frozen=True, slots=True)
class Bin:
    start: date
    end: date  # exclusive

    def to_dict(self) -> dict[str, str]:
        return {"start": self.start.isoformat(), "end": self.end.isoformat()}


def when_column() -> Any:
    """An event's date: its own, else its document's."""
    return func.coalesce(events.c.date, document_date())


def choose_step(first: date, last: date) -> str:
    """``day``, ``week``, ``month`` or ``year``: the bin width for a range of dates."""
    span = (last - first).days
    if span <= DAY_UP_TO:
        return "day"
    if span <= WEEK_UP_TO:
        return "week"
    return "month" if span <= MONTH_UP_TO else "year"


def floor(d: date, step: str) -> date:
    """The start of the bin of width ``step`` that holds ``d``."""
    if step == "week":
        return d - timedelta(days=d.weekday())
    if step == "month":
        return d.replace(day=1)
    if step == "year":
        return d.replace(month=1, day=1)
    return d


def next_start(d: date, step: str) -> date:
    if step == "day":
        return d + timedelta(days=1)
    if step == "week":
        return d + timedelta(days=7)
    if step == "month":
        return date(d.year + d.month // 12, d.month % 12 + 1, 1)
    return date(d.year + 1, 1, 1)


def bins(first: date, last: date, step: str) -> list[Bin]:
    """Contiguous bins from the one holding ``first`` to the one holding ``last``."""
    out: list[Bin] = []
    start = floor(first, step)
    while start <= last:
        end = next_start(start, step)
        out.append(Bin(start, end))
        start = end
    return out


def _parse(value: str, *, end: bool = False) -> date:
    """A date from ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``: its first day, or with ``end`` its last."""
    if end:
        return date.fromisoformat(_pad(after(value))) - timedelta(days=1)
    return date.fromisoformat(_pad(value))


def _pad(value: str) -> str:
    n = len(value)
    return value + "-01-01" if n == 4 else (value + "-01" if n == 7 else value[:10])


def _conditions(f: Filters) -> list[Any]:
    """The factual events ``f`` selects, on ``events`` alone (``events.day`` is ``when`` cut to a day)."""
    day = events.c.day
    return [*event_row_conditions(f, facts_only=True), day.is_not(None), *f.date_range(day)]


def _day_counts(conn: Connection, f: Filters) -> list[Any]:
    """``(day, type, events)`` of the factual events ``f`` selects: from the per-day summary unless ``f``
    names a country (then from ``events``, by day)."""
    if f.country:
        day = events.c.day
        q = select(day, events.c.type, func.count(events.c.id)).where(*_conditions(f)).group_by(day, events.c.type)
        return list(conn.execute(q).all())
    t = day_event_types.c
    q = select(t.day, t.type, t.events).where(*f.date_range(t.day))
    return list(conn.execute(q.where(t.type == f.event_type) if f.event_type else q).all())


def _total(conn: Connection, f: Filters) -> int:
    """How many factual events ``f`` selects: the sum of :func:`_day_counts`, added up in SQL."""
    if f.country:
        return int(conn.execute(select(func.count(events.c.id)).where(*_conditions(f))).scalar_one())
    t = day_event_types.c
    q = select(func.coalesce(func.sum(t.events), 0)).where(*f.date_range(t.day))
    return int(conn.execute(q.where(t.type == f.event_type) if f.event_type else q).scalar_one())


def time_bins(conn: Connection, f: Filters = NO_FILTERS) -> dict[str, Any]:
    """``{step, first, last, types, bins: [{start, end, counts: {TYPE: n}, total}], coarse, outside, whole,
    max}`` for the factual events the filters select (country, type, and ``since`` / ``until`` on
    ``when``). Without dates the range is :func:`_core`; ``outside`` counts the events left out of
    it, ``whole`` is the range of them all.

    Without a country, from the per-day summary: the range and the bin width from one total per day, the
    bins of a month or a year summed per bin and type in SQL (not every day-type row: 19,400 on the 100k
    base); see :func:`_summary_bins`."""
    if f.country:
        return _bins(_day_counts(conn, f), f)
    return _summary_bins(conn, f)


@dataclass(slots=True)
class Layout:
    """A chart's range, bin width and bins, and per day value the bin it goes to (see :func:`_layout`)."""

    step: str
    first: date
    last: date
    whole: tuple[date, date]
    grid: list[Bin]
    slots: dict[str, int]
    index: dict[date, int]


def _layout(per_day: dict[str, int], f: Filters) -> Layout:
    """The range, bin width and bins for the events per day value ``per_day``, and where each value goes:
    its bin's index, -1 outside the range, -2 coarser than a bin (or no date)."""
    spans: list[tuple[date, date, int]] = []
    starts: dict[str, date | None] = {}
    for value, n in per_day.items():
        try:
            start = starts[value] = _parse(value)
            spans.append((start, start if len(value) == 10 else _parse(value, end=True), n))  # a day ends on itself
        except ValueError:
            starts[value] = None
    if not spans:
        spans = [(date.today(), date.today(), 0)]
    whole = (min(s[0] for s in spans), max(s[1] for s in spans))
    first, last = _core(spans) if not (f.since or f.until) else whole
    first = _parse(f.since) if f.since else first
    last = _parse(f.until, end=True) if f.until else last
    step = choose_step(first, last)
    width = PRECISION[step]
    grid = bins(first, last, step)
    index = {b.start: i for i, b in enumerate(grid)}
    slots: dict[str, int] = {}
    for value, day_ in starts.items():
        if day_ is None:
            slots[value] = -2
        elif not first <= day_ <= last:
            slots[value] = -1
        else:
            slots[value] = index.get(floor(day_, step), -2) if len(value) >= width else -2
    return Layout(step, first, last, whole, grid, slots, index)


def _bins(rows: list[Any], f: Filters) -> dict[str, Any]:
    """:func:`time_bins` from ``(day, type, events)`` rows."""
    if not rows:
        return _empty()
    per_day: dict[str, int] = defaultdict(int)  # the same day comes once per type: parse each day once
    for value, _, n in rows:
        per_day[value] += int(n)
    lay = _layout(per_day, f)
    counts: list[dict[str, int]] = [defaultdict(int) for _ in lay.grid]
    coarse = outside = 0
    for value, type_, n in rows:
        slot = lay.slots[value]
        if slot == -1:
            outside += int(n)
        elif slot == -2:
            coarse += int(n)
        else:
            counts[slot][type_] += int(n)
    return _result(lay, counts, sorted({r[1] for r in rows}), coarse, outside)


def _summary_bins(conn: Connection, f: Filters) -> dict[str, Any]:
    """:func:`time_bins` from ``day_event_types`` (no country): the events per day value first (a few
    thousand rows), then per bin and type. A bin of a month or a year sums in SQL the full days of the range
    (``YYYY-MM-DD`` compares as a date), apart from the few values that are no such day (``2020-05``, a
    bad date) or fall outside the range, counted from their own rows; narrower bins read the range's rows."""
    t = day_event_types.c
    where = [*f.date_range(t.day), *([t.type == f.event_type] if f.event_type else [])]
    per_day = {v: int(n) for v, n in conn.execute(select(t.day, func.sum(t.events)).where(*where).group_by(t.day))}
    if not per_day:
        return _empty()
    lay = _layout(per_day, f)
    types = sorted(conn.execute(select(t.type).where(*where).distinct()).scalars())
    coarse = sum(n for v, n in per_day.items() if lay.slots[v] == -2)
    outside = sum(n for v, n in per_day.items() if lay.slots[v] == -1)
    counts: list[dict[str, int]] = [defaultdict(int) for _ in lay.grid]
    binned = [v for v, slot in lay.slots.items() if slot >= 0]
    lo, hi = lay.first.isoformat(), lay.last.isoformat()
    full = [v for v in binned if len(v) == 10 and lo <= v <= hi]
    if lay.step in ("month", "year") and full:
        width = PRECISION[lay.step]
        bad = [v for v, slot in lay.slots.items() if slot < 0 and len(v) == 10 and lo <= v <= hi]
        prefix = func.substr(t.day, 1, width)
        q = select(prefix, t.type, func.sum(t.events)).where(*where, func.length(t.day) == 10, t.day >= lo, t.day <= hi)
        q = q.where(t.day.not_in(bad)) if bad else q
        for part, type_, n in conn.execute(q.group_by(prefix, t.type)):
            counts[lay.index[_parse(part)]][type_] += int(n)
        rest = sorted(set(binned) - set(full))
    else:
        rest = binned
    for chunk in chunked(rest):
        for value, type_, n in conn.execute(select(t.day, t.type, t.events).where(*where, t.day.in_(chunk))):
            counts[lay.slots[value]][type_] += int(n)
    return _result(lay, counts, types, coarse, outside)


def _empty() -> dict[str, Any]:
    empty = {"first": None, "last": None, "types": [], "bins": [], "coarse": 0, "outside": 0, "whole": None}
    return {"step": "day", **empty, "max": 0}


def _result(lay: Layout, counts: list[dict[str, int]], types: list[str], coarse: int, outside: int) -> dict[str, Any]:
    out = [
        {**b.to_dict(), "counts": dict(sorted(c.items())), "total": sum(c.values())}
        for b, c in zip(lay.grid, counts, strict=True)
    ]
    return {
        "step": lay.step,
        "first": lay.first.isoformat(),
        "last": lay.last.isoformat(),
        "types": types,
        "bins": out,
        "coarse": coarse,
        "outside": outside,
        "whole": {"first": lay.whole[0].isoformat(), "last": lay.whole[1].isoformat()},
        "max": max((b["total"] for b in out), default=0),
    }


def _core(spans: list[tuple[date, date, int]]) -> tuple[date, date]:
    """The range to draw by default: all dates, unless that is over ``CORE_FROM_DAYS`` long; then without
    the first and last ``TAIL`` of the events (a 1968 recalled in a 2019 article would squeeze the
    years the articles report into one bar; the page links to the whole range)."""
    first, last = min(s[0] for s in spans), max(s[1] for s in spans)
    if (last - first).days <= CORE_FROM_DAYS:
        return first, last
    total = sum(n for *_, n in spans)
    cut = total * TAIL
    seen, lo = 0, first
    for start, _, n in sorted(spans):
        seen += n
        if seen > cut:
            lo = start
            break
    seen, hi = 0, last
    for _, end, n in sorted(spans, key=lambda s: s[1], reverse=True):
        seen += n
        if seen > cut:
            hi = end
            break
    return (lo, hi) if lo <= hi else (first, last)


def period_events(conn: Connection, f: Filters = NO_FILTERS, *, limit: int = 25, offset: int = 0) -> tuple[Rows, int]:
    """Factual events whose ``when`` falls in ``f.since`` … ``f.until`` (of the country and type), newest
    first (by ``events.day``, then id), with their document's title: ``(rows, total)``."""
    when = when_column().label("when")
    q = select(events, documents.c.title, when).select_from(_source()).where(*_conditions(f))
    total = _total(conn, f)
    q = q.order_by(desc(events.c.day).nulls_last(), events.c.id).limit(limit).offset(offset)
    return [dict(r) for r in conn.execute(q).mappings()], total


__all__ = ["Bin", "bins", "choose_step", "floor", "next_start", "period_events", "time_bins", "when_column"]
