"""WARC bench: pages/s reading the same HTML pages from a WARC archive and from HTML files (read + segment).

Usage: python bench/warc.py [--pages N] [--repeat R] [--gzip/--no-gzip]
Writes N article pages (about 450 words each, a related-stories block on every tenth) into a
temporary folder as HTML files and into one WARC archive (request + response + metadata record
per page, as a crawler writes them), then times reading each into segmented documents. Prints one
line per figure; never asserts.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.core.model import RawPage
from newsgraph.ingest.read import iter_pages
from newsgraph.ingest.segment import segment
from newsgraph.sources.warc import read_warc

WORDS = [
    "minister",
    "council",
    "harbour",
    "budget",
    "river",
    "bridge",
    "railway",
    "election",
    "court",
    "school",
    "hospital",
    "union",
    "strike",
    "talks",
    "agreement",
    "reform",
    "parliament",
    "vote",
    "tax",
    "police",
    "border",
    "trade",
    "export",
    "farmers",
    "grain",
    "season",
    "report",
]


def page(i: int, rng: random.Random) -> str:
    paragraphs = [" ".join(rng.choice(WORDS) for _ in range(45)).capitalize() + "." for _ in range(10)]
    related = ""
    if i % 10 == 0:
        links = "".join(
            f"<li><a href='/story/{i + k}'>Story {i + k} about the {rng.choice(WORDS)} plan</a></li>"
            for k in range(1, 4)
        )
        related = f"<aside><h2>Related articles</h2><ul>{links}</ul></aside>"
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Story {i}: {rng.choice(WORDS)} talks</title>"
        f"</head><body><nav>Home | World</nav><article><h1>Story {i}: {rng.choice(WORDS)} talks</h1>{body}"
        f"</article>{related}<footer>Copyright</footer></body></html>"
    )


def write_inputs(folder: Path, n: int, gzip: bool) -> Path:
    rng = random.Random(7)
    html_dir = folder / "html"
    html_dir.mkdir()
    archive = folder / ("crawl.warc.gz" if gzip else "crawl.warc")
    with archive.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        for i in range(n):
            html = page(i, rng)
            (html_dir / f"{i:05d}.html").write_text(html, encoding="utf-8")
            uri = f"https://news.example/story/{i}"
            req = StatusAndHeaders(f"GET /story/{i} HTTP/1.1", [("Host", "news.example")], is_http_request=True)
            writer.write_record(writer.create_warc_record(uri, "request", http_headers=req))
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(uri, "response", payload=BytesIO(html.encode()), http_headers=headers)
            )
            writer.write_record(writer.create_warc_record(uri, "metadata", payload=BytesIO(b"via: bench")))
    return archive


def timed(items: object) -> tuple[int, int, float]:
    started = time.perf_counter()
    pages = documents = 0
    for item in items:  # type: ignore[attr-defined]
        if isinstance(item, RawPage):
            pages += 1
            documents += len(segment(item).documents)
    return pages, documents, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=2, help="runs of each reader; the best is reported")
    parser.add_argument("--gzip", action=argparse.BooleanOptionalAction, default=True)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        archive = write_inputs(folder, args.pages, args.gzip)
        size = archive.stat().st_size / 1e6
        best: dict[str, float] = {}
        for _ in range(args.repeat):
            for name, items in (
                ("warc", lambda: read_warc(archive)),
                ("html files", lambda: iter_pages([folder / "html"], max_bytes=20_000_000)),
            ):
                pages, documents, elapsed = timed(items())
                rate = pages / elapsed
                best[name] = max(best.get(name, 0.0), rate)
                print(f"{name}: {pages} pages, {documents} documents in {elapsed:.2f} s = {rate:.0f} pages/s")
        print(f"archive: {archive.name}, {size:.1f} MB, {args.pages} pages (3 records each)")
        print(
            f"best: WARC {best['warc']:.0f} pages/s vs HTML files {best['html files']:.0f} pages/s "
            f"(ratio {best['warc'] / best['html files']:.2f})"
        )


if __name__ == "__main__":
    main()
