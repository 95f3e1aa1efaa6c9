"""The overview pages in Chromium at a phone's and a laptop's width: the stance map and board,
the timeline, the network and the home dashboard. Each click must show its evidence; no
page may scroll sideways, log a console error or fetch from another host."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from newsgraph.web.worldmap import world
from tests.web.conftest import assert_clean
from tests.web.test_layout import overflow

NewPage = Callable[..., Any]


@pytest.mark.parametrize("width", [375, 1366])
def test_stance_map_has_a_path_per_country_and_opens_evidence(new_page: NewPage, base_url: str, width: int) -> None:
    page = new_page(width)
    page.goto(f"{base_url}/stances")
    assert page.locator("svg#stance-map path.country").count() == len(world()["countries"])
    kaz = page.locator('svg#stance-map path[data-country="KAZ"]')
    assert "pos-none" in (kaz.get_attribute("class") or "").split()
    assert "pos-supports" in (page.locator('svg#stance-map path[data-country="RUS"]').get_attribute("class") or "")
    assert "pos-empty" in (page.locator('svg#stance-map path[data-country="FRA"]').get_attribute("class") or "")
    if width > 900:
        kaz.click()
    else:  # a finger hits the chip: Central Asia is a few pixels wide on a phone's map
        page.locator('.chips button[data-key^="KAZ|"]').click()
    panel = page.locator("#evidence-panel")
    page.wait_for_timeout(300)
    assert "Kazakhstan has not made an official statement" in panel.inner_text()
    box = panel.bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= page.viewport_size["height"] + 1
    assert overflow(page)[0] <= overflow(page)[1]
    assert_clean(page, console=True)


def test_board_scrolls_inside_with_sticky_header_and_country_column(new_page: NewPage, base_url: str) -> None:
    page = new_page(375)
    page.goto(f"{base_url}/stances")
    scroller = page.locator(".board-scroll")
    assert scroller.evaluate("e => e.scrollWidth > e.clientWidth")  # wider than the phone: scrolls in its box
    row_head = page.locator('#stance-board tr[data-country="ZAF"] th')
    x0 = row_head.bounding_box()["x"]
    scroller.evaluate("e => { e.scrollLeft = 400; e.scrollTop = 200; }")
    page.wait_for_timeout(100)
    assert abs(row_head.bounding_box()["x"] - x0) < 1  # the country column stays
    head_y = page.locator("#stance-board thead th.corner").bounding_box()["y"]
    assert abs(head_y - scroller.bounding_box()["y"]) < 3  # the header row stays at the top of the box
    page.locator('#stance-board button[data-key="ZAF|agreement"]').click()
    page.wait_for_timeout(300)
    assert "South Africa" in page.locator("#evidence-panel").inner_text()
    assert overflow(page)[0] <= overflow(page)[1]
    assert_clean(page, console=True)


def test_as_of_slider_replays_positions(new_page: NewPage, base_url: str) -> None:
    page = new_page(1366)
    page.goto(f"{base_url}/stances")
    zaf = page.locator('#stance-board td.cell:has(button[data-key="ZAF|agreement"])')
    assert "pos-supports" in (zaf.get_attribute("class") or "")
    slider = page.locator("#as-of-slider")
    slider.evaluate("e => { e.value = e.min; e.dispatchEvent(new Event('input')); }")
    assert page.locator("#as-of-label").inner_text() == "2022-02-27"
    assert "pos-empty" in (zaf.get_attribute("class") or "")  # ZAF spoke on 2023-08-24
    assert "pos-none" in (page.locator('svg#stance-map path[data-country="KAZ"]').get_attribute("class") or "")
    slider.evaluate("e => { e.value = e.max; e.dispatchEvent(new Event('input')); }")
    assert "pos-supports" in (zaf.get_attribute("class") or "")
    assert_clean(page, console=True)


def _axis_labels_overlap(page: Any) -> list[str]:
    return page.evaluate(
        """() => {
            const boxes = Array.from(document.querySelectorAll('svg.timeline text.axis[text-anchor="middle"]'))
                .map(t => [t.textContent, t.getBoundingClientRect()]).sort((a, b) => a[1].left - b[1].left);
            const out = [];
            for (let i = 1; i < boxes.length; i++)
                if (boxes[i][1].left < boxes[i - 1][1].right + 2) out.push(boxes[i - 1][0] + '|' + boxes[i][0]);
            return out;
        }"""
    )


@pytest.mark.parametrize("width", [375, 1366])
def test_timeline_has_a_time_axis_and_a_bar_opens_its_events(new_page: NewPage, base_url: str, width: int) -> None:
    page = new_page(width)
    page.goto(f"{base_url}/timeline")
    bars = page.locator("svg.timeline g.bin.has-events")
    bars.first.wait_for()
    assert page.locator("svg.timeline text.axis[text-anchor='middle']").count() >= 3
    assert _axis_labels_overlap(page) == []
    font = page.locator("svg.timeline text.axis").first.evaluate("t => t.getBoundingClientRect().height")
    assert font >= 11  # legible: drawn at the box's pixel width, never scaled down
    # 2022-02 (the seed) and 2023-08 bars sit at a distance that follows their dates
    xs = {g.get_attribute("data-start"): g.bounding_box()["x"] for g in bars.all()}
    starts = sorted(xs)
    assert [xs[s] for s in starts] == sorted(xs[s] for s in starts)
    bars.first.click()
    panel = page.locator("#period-panel")
    panel.locator("li.event-item blockquote.evidence").first.wait_for()
    page.wait_for_timeout(300)
    box = panel.bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= page.viewport_size["height"] + 1
    assert "2022-02" in page.locator("#period-title").inner_text()
    assert overflow(page)[0] <= overflow(page)[1]
    assert_clean(page, console=True)


def test_timeline_brush_zooms_and_the_table_pages(new_page: NewPage, base_url: str) -> None:
    page = new_page(1366)
    page.goto(f"{base_url}/timeline")
    page.locator("svg.timeline g.bin").first.wait_for()
    assert "page 1 of" in page.locator(".pager").inner_text()
    first_rows = page.locator("#timeline-table tbody tr").count()
    assert first_rows == 25
    svg = page.locator("svg.timeline").bounding_box()
    y = svg["y"] + svg["height"] / 2
    page.mouse.move(svg["x"] + 60, y)
    page.mouse.down()
    page.mouse.move(svg["x"] + 200, y, steps=5)
    page.mouse.up()
    page.wait_for_url("**/timeline?since=*")
    assert "since=" in page.url and "until=" in page.url
    page.locator("a", has_text="Whole range").wait_for()
    page.goto(f"{base_url}/timeline?page=2")
    assert "page 2 of" in page.locator(".pager").inner_text()
    assert 1 <= page.locator("#timeline-table tbody tr").count() <= 25
    assert_clean(page, console=True)
