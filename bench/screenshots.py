"""Screenshots of the web pages for the README, in Debian's Chromium (driven by Playwright).

Usage: python bench/screenshots.py [--db URL] [--out docs/screenshots] [--corpus N]

Without ``--db`` a temporary base is built first: the seed page, the two example pages and
``--corpus`` Wikinews articles (default 60, spread evenly over 2019-2020) ingested with the real
pipeline, so the timeline and the network have some spread. The app is served on a free loopback
port and each page is shot with the interaction that shows its evidence:

- ``home.png``: the dashboard at 1366 px;
- ``stance-map.png``: the world map of the issue most countries spoke on, Kazakhstan's evidence open;
- ``stances.png``: the board below it, a cell's evidence open;
- ``timeline.png``: the timeline with the busiest bar's events open;
- ``network.png``: the actor network, a node hovered;
- ``article.png``: the reader at 1366 px with the Putin–Zhaparov phone call open;
- ``article-phone.png``: the reader at 375 px with a fact open in the bottom sheet.
"""

from __future__ import annotations

import argparse
import csv
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_f91c6608d9f9b579.txt"
WIKINEWS = SHARED / "corpus" / "wikinews-2019-2020" / "data"
PAGES = ROOT / "examples" / "pages"
EXAMPLES = {PAGES / "grain_deal.html": None, PAGES / "brics_summit.txt": "2023-08-24"}
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def corpus_sample(folder: Path, n: int) -> Path:
    """``n`` Wikinews rows, evenly spaced over the corpus, as one CSV in ``folder``."""
    csv.field_size_limit(sys.maxsize)
    rows: list[dict[str, str]] = []
    for path in sorted(WIKINEWS.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as f:
            rows.extend(csv.DictReader(f))
    step = max(1, len(rows) // max(n, 1))
    out = folder / "wikinews_sample.csv"
    with out.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["url", "date", "title", "text"])
        writer.writeheader()
        writer.writerows(rows[::step][:n])
    return out


def build_base(url: str, folder: Path, n: int) -> None:
    from newsgraph.core.settings import Settings
    from newsgraph.extract.runner import Analyzer
    from newsgraph.ingest.pipeline import Pipeline

    settings = Settings.load(env={}, db=url)
    pipe = Pipeline(settings, analyzer=Analyzer(settings))
    pipe.ingest([str(SEED)], published="2022-02-27")
    for path, published in EXAMPLES.items():
        if path.exists():
            pipe.ingest([str(path)], published=published)
    if n and WIKINEWS.exists():
        pipe.ingest([str(corpus_sample(folder, n))])


def serve(app: Any) -> tuple[Any, threading.Thread, str]:
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    return server, thread, f"http://127.0.0.1:{port}"


def shoot(browser: Any, base: str, out: Path, doc_id: str) -> list[Path]:
    """Every screenshot (see the module docstring); returns their paths."""
    written: list[Path] = []

    def save(page: Any, name: str, **kw: Any) -> None:
        page.wait_for_timeout(350)  # sheets and panels slide in
        page.screenshot(path=str(out / name), **kw)
        written.append(out / name)

    desk = browser.new_page(viewport={"width": 1366, "height": 900})
    desk.goto(f"{base}/")
    desk.locator("svg.timeline g.bin").first.wait_for()
    save(desk, "home.png", full_page=True)

    desk.goto(f"{base}/stances")
    kaz = desk.locator('svg#stance-map path[data-country="KAZ"].has-cell')
    if kaz.count():
        kaz.click()
    save(desk, "stance-map.png")
    desk.locator("#stance-board").scroll_into_view_if_needed()
    desk.locator("#stance-board button.cell-btn").first.click()
    save(desk, "stances.png")

    desk.goto(f"{base}/timeline")
    bins = desk.locator("svg.timeline g.bin.has-events")
    bins.first.wait_for()
    totals = desk.evaluate("JSON.parse(document.getElementById('timeline-data').textContent).bins.map(b => b.total)")
    busiest = max(range(len(totals)), key=totals.__getitem__)
    desk.locator("svg.timeline g.bin").nth(busiest).click()
    desk.locator("#period-panel li.event-item").first.wait_for()
    desk.evaluate("window.scrollTo(0, 0)")
    save(desk, "timeline.png", full_page=False)

    desk.goto(f"{base}/network")
    desk.locator("svg#network g.node").first.wait_for()
    hub = desk.locator("svg#network g.node circle").first  # nodes are drawn hubs first
    hub.hover()
    save(desk, "network.png")

    desk.goto(f"{base}/articles/{doc_id}")
    desk.locator("#article-text mark.fact-event", has_text="phone").first.click()
    save(desk, "article.png")
    desk.close()

    context = browser.new_context(viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True)
    phone = context.new_page()
    phone.goto(f"{base}/articles/{doc_id}")
    mark = phone.locator("#article-text mark.fact-event", has_text="phone").first
    mark.scroll_into_view_if_needed()
    mark.tap()
    save(phone, "article-phone.png")
    context.close()
    return written


def main() -> None:
    from playwright.sync_api import sync_playwright
    from sqlalchemy import text

    from newsgraph.api.app import create_app
    from newsgraph.core.settings import Settings

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="database to show (default: a temporary base, see above)")
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--corpus", type=int, default=60, help="Wikinews articles in the temporary base")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or f"sqlite:///{tmp}/shots.db"
        if not args.db:
            started = time.perf_counter()
            build_base(url, Path(tmp), args.corpus)
            print(f"built the base in {time.perf_counter() - started:.0f} s")
        app = create_app(Settings.load(env={}, db=url))
        with app.state.store.connect() as conn:
            doc_id = conn.execute(
                text("SELECT id FROM documents WHERE role = 'main' AND body LIKE '%on the phone with the president%'")
            ).scalar()
        server, thread, base = serve(app)
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
                written = shoot(browser, base, out, str(doc_id))
                browser.close()
        finally:
            server.should_exit = True
            thread.join(timeout=10)
            app.state.store.close()
    for path in written:
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
