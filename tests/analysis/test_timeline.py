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
