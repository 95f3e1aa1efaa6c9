"""Screenshots of the article reader and the stance board for the README.

Usage: python bench/screenshots.py [--db URL] [--out docs/screenshots]
Without ``--db`` the seed page is ingested into a temporary database first. The app is
served on a free loopback port and Debian's Chromium (``/usr/bin/chromium``, driven by
Playwright) saves ``article.png`` (the Putin–Zhaparov phone call opened) and
``stances.png`` (Kazakhstan's cell opened).
"""

from __future__ import annotations

import argparse
import socket
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed" / "000_f91c6608d9f9b579.txt"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def ingest_seed(url: str) -> None:
    from newsgraph.core.settings import Settings
    from newsgraph.extract.runner import Analyzer
    from newsgraph.ingest.pipeline import Pipeline

    settings = Settings.load(env={}, db=url)
    Pipeline(settings, analyzer=Analyzer(settings)).ingest([str(SEED)], published="2022-02-27")


def main() -> None:
    import uvicorn
    from playwright.sync_api import sync_playwright
    from sqlalchemy import text

    from newsgraph.api.app import create_app
    from newsgraph.core.settings import Settings

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="database to show (default: the seed ingested into a temporary file)")
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or f"sqlite:///{tmp}/seed.db"
        if not args.db:
            ingest_seed(url)
        app = create_app(Settings.load(env={}, db=url))
        with app.state.store.connect() as conn:
            doc_id = conn.execute(text("SELECT id FROM documents WHERE role = 'main' ORDER BY id LIMIT 1")).scalar()
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        base = f"http://127.0.0.1:{port}"
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(f"{base}/articles/{doc_id}")
            page.locator("#article-text mark.fact-event", has_text="phone").first.click()
            page.screenshot(path=str(out / "article.png"))
            page.goto(f"{base}/stances?issue=Ukraine")
            page.locator('td.cell[data-country="KAZ"] summary').first.click()
            page.screenshot(path=str(out / "stances.png"))
            browser.close()
        server.should_exit = True
        thread.join(timeout=10)
        app.state.store.close()
    print(f"wrote {out / 'article.png'} and {out / 'stances.png'}")


if __name__ == "__main__":
    main()
