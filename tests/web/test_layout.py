"""Every page at a phone's width (375 px) and a laptop's (1366 px), in Chromium.

No horizontal page scroll (wide tables and charts scroll inside their own box), tap targets
at least 44 px tall on a phone, the reader's fact panel a bottom sheet on a phone, no script
or console error, nothing fetched from another host.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from newsgraph.store.facts import entity_id
from tests.api_fixtures import seed_id
from tests.web.conftest import assert_clean

WIDTHS = (375, 1366)
# Interactive controls a finger must hit (inline links inside running text are exempt).
TAP_TARGETS = (
    "header.top a, header.top button, header.top input, form.filters button, form.filters select, "
    "form.filters input, .fact-link, .tap"
)


def _pages() -> dict[str, str]:
    return {
        "home": "/",
        "article": f"/articles/{seed_id()}",
        "entity": f"/entities/{entity_id('person', 'Vladimir Putin')}",
        "entities": "/entities",
        "stances": "/stances",
        "timeline": "/timeline",
        "network": "/network",
        "search": "/search?q=minister",
    }


def overflow(page: Any) -> tuple[int, int]:
    return page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")


def small_targets(page: Any) -> list[str]:
    return page.evaluate(
        """sel => Array.from(document.querySelectorAll(sel)).filter(e => e.offsetParent !== null)
            .map(e => [e.getBoundingClientRect(), e]).filter(([r]) => r.height < 44 - 0.5)
            .map(([r, e]) => e.tagName + '.' + e.className + ' ' + (e.textContent || e.name || '').trim().slice(0, 20)
                 + ' ' + Math.round(r.height))""",
        TAP_TARGETS,
    )


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", ["home", "article", "entity", "entities", "stances", "timeline", "network", "search"])
def test_no_horizontal_overflow(new_page: Callable[[int], Any], base_url: str, name: str, width: int) -> None:
    page = new_page(width)
    page.goto(base_url + _pages()[name])
    page.wait_for_load_state("networkidle")
    scroll, inner = overflow(page)
    assert scroll <= inner, f"{name} is {scroll} px wide at {inner} px"
    if width < 600:
        assert small_targets(page) == []
    assert_clean(page, console=True)


def test_fact_panel_is_a_bottom_sheet_on_a_phone(new_page: Callable[[int], Any], base_url: str) -> None:
    page = new_page(375, 740)
    page.goto(f"{base_url}/articles/{seed_id()}")
    sheet = page.locator("#fact-panel")
    mark = page.locator("#article-text mark.fact-event", has_text="phone").first
    mark.scroll_into_view_if_needed()
    mark.click()
    page.locator("#fact-cards .fact-card").first.wait_for()
    page.wait_for_timeout(350)  # the sheet slides up in 0.2 s
    box = sheet.bounding_box()
    assert box is not None
    assert box["y"] >= 740 * 0.3 and box["y"] + box["height"] <= 740 + 1, box  # on screen, at the bottom
    assert "he spoke on the phone" in sheet.inner_text()
    page.locator("#fact-panel .sheet-close").click()
    page.wait_for_timeout(350)
    assert not sheet.evaluate("e => e.classList.contains('open')")
    assert_clean(page, console=True)
