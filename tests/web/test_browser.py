"""The web pages in a real browser: Playwright for Python driving Debian's Chromium.

Skipped, with the reason, when /usr/bin/chromium or the playwright package is
missing; failed instead when CI=true (CI installs both). The app runs in a
uvicorn server on a free loopback port in a background thread. Every request to
another host is aborted and recorded: the pages must work offline. Screenshots
of each page are saved under the test's tmp dir.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

from newsgraph.store.facts import entity_id
from tests.api_fixtures import XSS_TITLE, seed_id, seeded_db, settings_for

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
CENTRAL_ASIA = ("KAZ", "KGZ", "TJK", "TKM", "UZB")
# Runs before any page script: a sentinel every payload would set, and a count of CSP violations.
SENTINEL = """
window.__xss = undefined;
window.__violations = [];
document.addEventListener('securitypolicyviolation',
    e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


def _require_browser() -> Any:
    reason = None
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        reason = "the playwright package is not installed (pip install playwright; never `playwright install`)"
    if reason is None and not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing (apt-get install -y chromium)"
    if reason:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason + "; CI must run the browser tests")
        pytest.skip(reason)
    return sync_playwright


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    import uvicorn

    from newsgraph.api.app import create_app

    _require_browser()
    seed_id()
    url = seeded_db()[0]
    port = _free_port()
    app = create_app(settings_for(url, port=port))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(base_url: str) -> Iterator[Any]:
    sync_playwright = _require_browser()
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any, base_url: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.add_init_script(SENTINEL)
    pg.foreign = []
    pg.dialogs = []
    pg.errors = []
    own = urlparse(base_url).netloc

    def guard(route: Any) -> None:
        if urlparse(route.request.url).netloc == own:
            route.continue_()
        else:
            pg.foreign.append(route.request.url)
            route.abort()

    pg.route("**/*", guard)
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    context.close()


def _clean(page: Any) -> None:
    assert page.foreign == [], "pages must not load anything from other hosts"
    assert page.errors == []
    assert page.evaluate("window.__violations") == []


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
    page.locator('td.cell[data-country="KAZ"] summary').first.click()
    assert (
        "Kazakhstan has not made an official statement"
        in page.locator('td.cell[data-country="KAZ"]').first.inner_text()
    )
    page.screenshot(path=str(tmp_path / "stances.png"), full_page=True)

    page.goto(f"{base_url}/articles/{seed_id()}")
    page.locator("#article-text mark.fact-person", has_text="Vladimir Putin").first.click()
    page.locator("#fact-cards a.entity-link").first.click()
    page.wait_for_url(f"**/entities/{entity_id('person', 'Vladimir Putin')}")
    assert page.locator("h1").inner_text() == "Vladimir Putin"
    assert "Sadyr Zhaparov" in page.locator("#events-actor").inner_text()
    page.screenshot(path=str(tmp_path / "entity.png"), full_page=True)
    _clean(page)


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
    _clean(page)


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
    for link in page.locator("main a").all()[:20]:
        link.hover()
    page.wait_for_timeout(200)
    page.screenshot(path=str(tmp_path / f"xss-{which}.png"), full_page=True)
    assert page.evaluate("window.__xss") is None
    assert page.dialogs == []
    assert page.locator("main script:not([type='application/json']), main iframe, main img, main textarea").count() == 0
    if which == "article":
        assert "<script>window.__xss='title'</script>" in page.locator("h1.headline").inner_text()
    _clean(page)
