"""The web pages in a real browser: Playwright for Python driving Debian's Chromium.

The fixtures (server, browser, pages that record foreign requests) are in
``conftest.py``. Screenshots of each page are saved under the test's tmp dir.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsgraph.store.facts import entity_id
from tests.api_fixtures import XSS_TITLE, seed_id, seeded_db
from tests.web.conftest import assert_clean

CENTRAL_ASIA = ("KAZ", "KGZ", "TJK", "TKM", "UZB")


@pytest.mark.parametrize("shots", ["article"])
def test_seed_article_stances_and_entity(page: Any, base_url: str, tmp_path: Path, shots: str) -> None:
    page.goto(f"{base_url}/articles/{seed_id()}")
    assert "Central Asian" in page.locator("h1.headline").inner_text()
    call = page.locator("#article-text mark.fact-event", has_text="phone").first
    fact_id = call.get_attribute("data-fact-id")
    call.click()
    card = page.locator(f'#fact-cards .fact-card[data-fact-id="{fact_id}"]')
    card.wait_for()
    text = card.inner_text()
    assert "CONSULT" in text and "Vladimir Putin" in text and "Sadyr Zhaparov" in text
    assert "he spoke on the phone with the president of" in card.locator("blockquote.evidence").inner_text()
    page.locator("#related-list li a[href^='/articles/']").first.wait_for()  # fetched by reader.js
    page.screenshot(path=str(tmp_path / f"{shots}.png"), full_page=True)

    page.goto(f"{base_url}/stances?issue=Ukraine")
    for country in CENTRAL_ASIA:
        cell = page.locator(f'td.cell[data-country="{country}"]').first
        assert cell.get_attribute("data-position") == "no official statement"
        assert "pos-none" in (cell.get_attribute("class") or "")
        assert cell.locator(".pos-label").inner_text() == "no official statement"
    page.locator('td.cell[data-country="KAZ"] button.cell-btn').first.click()
    assert "Kazakhstan has not made an official statement" in page.locator("#evidence-panel").inner_text()
    page.screenshot(path=str(tmp_path / "stances.png"), full_page=True)

    page.goto(f"{base_url}/articles/{seed_id()}")
    page.locator("#article-text mark.fact-person", has_text="Vladimir Putin").first.click()
    page.locator("#fact-cards a.entity-link").first.click()
    page.wait_for_url(f"**/entities/{entity_id('person', 'Vladimir Putin')}")
    assert page.locator("h1").inner_text() == "Vladimir Putin"
    assert "Sadyr Zhaparov" in page.locator("#events-actor").inner_text()
    page.screenshot(path=str(tmp_path / "entity.png"), full_page=True)
    assert_clean(page)


@pytest.mark.parametrize("path", ["/", "/timeline", "/network", "/docs"])
def test_other_pages_work_offline(page: Any, base_url: str, tmp_path: Path, path: str) -> None:
    page.goto(base_url + path)
    if path == "/network":
        page.locator("svg#network g.node").first.wait_for()
        assert page.locator("svg#network line.edge").count() > 0
    if path == "/docs":
        page.locator(".swagger-ui .opblock").first.wait_for(timeout=15000)
        assert page.locator(".swagger-ui .opblock").count() >= 10
    if path == "/timeline":
        assert page.locator("#timeline-chart svg rect").count() > 0
    page.screenshot(path=str(tmp_path / f"{path.strip('/') or 'home'}.png"), full_page=True)
    assert_clean(page)


@pytest.mark.parametrize("which", ["article", "entity", "stances", "search"])
def test_xss_payloads_never_run(page: Any, base_url: str, tmp_path: Path, which: str) -> None:
    ids = seeded_db()[1]
    evil = entity_id("person", "Evil <img src=x onerror=\"window.__xss='entity'\"> Person")
    path = {
        "article": f"/articles/{ids[XSS_TITLE]}",
        "entity": f"/entities/{evil}",
        "stances": "/stances",
        "search": "/search?q=minister",
    }[which]
    page.goto(base_url + path)
    page.wait_for_load_state("networkidle")
    for mark in page.locator("mark.fact").all()[:40]:  # open every fact card: values go into the DOM
        mark.hover()
        mark.click()
    for summary in page.locator("summary").all():
        summary.click()
    for cell in page.locator("button[data-key]").all():  # stance cells: their evidence goes into the panel
        cell.click()
    for link in page.locator("main a").all()[:20]:
        link.hover()
    page.wait_for_timeout(200)
    page.screenshot(path=str(tmp_path / f"xss-{which}.png"), full_page=True)
    assert page.evaluate("window.__xss") is None
    assert page.dialogs == []
    assert page.locator("main script:not([type='application/json']), main iframe, main img, main textarea").count() == 0
    if which == "article":
        assert "<script>window.__xss='title'</script>" in page.locator("h1.headline").inner_text()
    assert_clean(page)
