"""Browser fixtures for the web tests: Playwright for Python driving Debian's Chromium.

Skipped, with the reason, when /usr/bin/chromium or the playwright package is missing;
failed instead when CI=true (CI installs both). The app runs in a uvicorn server on a free
loopback port in a background thread, once per test session. Every request to another host
is aborted and recorded (``page.foreign``): the pages must work offline. ``new_page(width)``
opens a page at a given viewport width (375: a phone, 1366: a laptop).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

from tests.api_fixtures import seed_id, seeded_db, settings_for

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
# Runs before any page script: a sentinel every payload would set, and a count of CSP violations.
SENTINEL = """
window.__xss = undefined;
window.__violations = [];
document.addEventListener('securitypolicyviolation',
    e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


def require_browser() -> Any:
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


@pytest.fixture(scope="session")
def base_url() -> Iterator[str]:
    import uvicorn

    from newsgraph.api.app import create_app

    require_browser()
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


@pytest.fixture(scope="session")
def browser(base_url: str) -> Iterator[Any]:
    sync_playwright = require_browser()
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture
def new_page(browser: Any, base_url: str) -> Iterator[Callable[[int], Any]]:
    """Opens pages at a viewport width, each recording foreign requests, dialogs, errors and console errors."""
    contexts: list[Any] = []
    own = urlparse(base_url).netloc

    def make(width: int = 1280, height: int = 900) -> Any:
        mobile = width < 600
        context = browser.new_context(
            viewport={"width": width, "height": height}, is_mobile=mobile, has_touch=mobile, device_scale_factor=1
        )
        contexts.append(context)
        pg = context.new_page()
        pg.add_init_script(SENTINEL)
        pg.foreign, pg.dialogs, pg.errors, pg.console_errors = [], [], [], []

        def guard(route: Any) -> None:
            if urlparse(route.request.url).netloc == own:
                route.continue_()
            else:
                pg.foreign.append(route.request.url)
                route.abort()

        pg.route("**/*", guard)
        pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
        pg.on("pageerror", lambda e: pg.errors.append(str(e)))
        pg.on("console", lambda m: pg.console_errors.append(m.text) if m.type == "error" else None)
        return pg

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page: Callable[[int], Any]) -> Any:
    return new_page(1280)


def assert_clean(page: Any, *, console: bool = False) -> None:
    """Nothing loaded from another host, no script error, no CSP violation (and no console error)."""
    assert page.foreign == [], "pages must not load anything from other hosts"
    assert page.errors == []
    assert page.evaluate("window.__violations") == []
    if console:
        assert page.console_errors == []
