"""Events on a true time axis (newsgraph.analysis.timeline): bin widths, contiguous bins, the events of a bin."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from newsgraph.analysis.timeline import bins, choose_step, floor, period_events, time_bins
from newsgraph.store.db import Store
from newsgraph.store.filters import Filters
from tests.api_fixtures import build
from tests.kb_fixtures import database


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def conn(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp(f"timeline-{request.param}")
    with database(request.param, folder) as url:
        build(url, folder / "pages", with_seed=False)
        store = Store(url)
        try:
            with store.connect() as c:
                yield c
        finally:
            store.close()


@pytest.mark.parametrize(
    ("first", "last", "step"),
    [
        ("2022-02-01", "2022-02-27", "day"),
        ("2022-01-01", "2022-03-04", "day"),
        ("2022-01-01", "2022-09-30", "week"),
        ("2022-01-01", "2024-08-31", "month"),
        ("2014-12-01", "2024-08-31", "year"),
    ],
)
def test_bin_width_follows_the_range(first: str, last: str, step: str) -> None:
    assert choose_step(date.fromisoformat(first), date.fromisoformat(last)) == step


@pytest.mark.parametrize(
    ("step", "first", "last", "n", "start", "end"),
    [
        ("day", "2022-02-27", "2022-03-01", 3, "2022-02-27", "2022-03-02"),
        ("week", "2022-02-27", "2022-03-01", 2, "2022-02-21", "2022-03-07"),  # weeks start on Monday
        ("month", "2014-12-05", "2015-02-01", 3, "2014-12-01", "2015-03-01"),
        ("year", "2014-12-05", "2018-03-01", 5, "2014-01-01", "2019-01-01"),
    ],
)
def test_bins_are_contiguous(step: str, first: str, last: str, n: int, start: str, end: str) -> None:
    grid = bins(date.fromisoformat(first), date.fromisoformat(last), step)
    assert len(grid) == n
    assert grid[0].start.isoformat() == start and grid[-1].end.isoformat() == end
    assert all(a.end == b.start for a, b in itertools.pairwise(grid))
    assert all(floor(b.start, step) == b.start for b in grid)


def test_time_bins_count_every_dated_event_once(conn) -> None:
    chart = time_bins(conn)
    first, last = date.fromisoformat(chart["first"]), date.fromisoformat(chart["last"])
    assert chart["step"] == choose_step(first, last) and chart["first"] <= "2023-08-24" <= chart["last"]
    assert [b["start"] for b in chart["bins"]] == sorted(b["start"] for b in chart["bins"])
    drawn = sum(b["total"] for b in chart["bins"])
    _, total = period_events(conn)
    assert drawn + chart["coarse"] + chart["outside"] == total
    assert chart["max"] == max(b["total"] for b in chart["bins"])
    assert any(b["total"] == 0 for b in chart["bins"])  # empty months keep their place on the axis
    busiest = max(chart["bins"], key=lambda b: b["total"])
    assert sum(busiest["counts"].values()) == busiest["total"] and set(busiest["counts"]) <= set(chart["types"])


@pytest.mark.parametrize(("since", "until"), [("2023-07-01", "2023-07-31"), ("2023-07-17", "2023-07-17")])
def test_a_bin_s_events_carry_their_evidence(conn, since: str, until: str) -> None:
    f = Filters.make(since=since, until=until)
    rows, total = period_events(conn, f, limit=2)
    assert total >= len(rows) >= 1
    assert all(since <= r["when"][:10] <= until and r["sentence"] and r["title"] for r in rows)
    chart = time_bins(conn, f)
    assert chart["step"] == "day" and chart["bins"][0]["start"] == since
    assert sum(b["total"] for b in chart["bins"]) == total


def test_no_events_no_bins(conn) -> None:
    chart = time_bins(conn, Filters.make(since="1990", until="1990"))
    assert chart["bins"] == [] and chart["max"] == 0


@pytest.mark.parametrize("outlier", ["1968-04-04"])
def test_the_default_range_leaves_out_far_outliers_and_says_so(outlier: str) -> None:
    from newsgraph.analysis.timeline import _core

    spans = [(date.fromisoformat(outlier), date.fromisoformat(outlier), 1)]
    spans += [(date(2019, m, 1), date(2019, m, 28), 10) for m in range(1, 13)]
    spans += [(date(2020, 3, 1), date(2020, 3, 1), 20)]
    assert _core(spans) == (date(2019, 1, 1), date(2020, 3, 1))
    assert _core(spans[1:]) == (date(2019, 1, 1), date(2020, 3, 1))  # under two years: everything


# Day values of the per-day summary as events leave them: full days over three years (a 1968 recalled in
# one), a month and a year alone, a date that does not exist.
ODD_DAYS = ["1968-05-01", "2020", "2020-05", "2019-02-30", "2021-12-31", "2022-01-01"]
ODD_DAYS += [f"{y}-{m:02d}-{d:02d}" for y in (2019, 2020, 2021) for m in range(1, 13) for d in (1, 14, 28)]


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def odd(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    from newsgraph.store.schema_summary import day_event_types

    folder = tmp_path_factory.mktemp(f"timeline-odd-{request.param}")
    with database(request.param, folder) as url, Store(url) as store:
        with store.engine.begin() as c:
            rows = [
                {"day": day, "type": type_, "events": 1 + (i * 7 + j) % 5}
                for i, day in enumerate(ODD_DAYS)
                for j, type_ in enumerate(("CONSULT", "PROTEST", "AID")[: 1 + i % 3])
            ]
            c.execute(day_event_types.insert(), rows)
        with store.connect() as c:
            yield c


@pytest.mark.parametrize(
    "dates",
    [
        {},
        {"since": "2019"},
        {"until": "2020-06"},
        {"since": "2019-03", "until": "2019-04"},
        {"since": "2019-02-01", "until": "2020-12-31"},
        {"since": "2018", "until": "2022"},
        {"since": "1960"},
        {"since": "2020-01-14", "until": "2020-09-30"},
    ],
)
@pytest.mark.parametrize("event_type", [None, "PROTEST"])
def test_the_summary_s_bins_equal_the_bins_of_every_day_type_row(odd, dates: dict, event_type: str | None) -> None:
    from newsgraph.analysis.timeline import _bins, _day_counts

    f = Filters.make(event_type=event_type, **dates)
    chart = time_bins(odd, f)
    assert chart == _bins(_day_counts(odd, f), f) and chart["bins"]
