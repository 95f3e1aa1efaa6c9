"""HTML reading bench: pages/s of ``read_html`` vs bare ``trafilatura.extract`` on the same pages, and body F1.

Usage: python bench/read_html.py [--pages N] [--repeat R] [--save FILE] [--against FILE]
Renders Wikinews articles (../shared/corpus) as news pages (see :func:`render`): a head with title,
description and (on two pages in three) a published-time meta tag, navigation, the article with a
newsletter box and a photo caption inside, share buttons, reader comments, a "Related articles" block
on every tenth page, a cookie notice and a footer; every fourth page is "div soup". Each page
is read by ``read_html`` and by ``trafilatura.extract(html, url=...)`` (its defaults) one after the
other, each timed by the process's CPU time (pages per CPU second: other jobs on shared cores do not
count against either), and the best of R passes is reported. Body F1 is the
bag-of-words F1 of each reader's text against the article text the page was rendered from (mean over
pages). The ratio is also printed apart for the pages with a date tag and those without (htmldate then
searches the whole page, as trafilatura's own metadata pass does). ``--save`` writes read_html's text,
title and date per page; ``--against`` compares this run's to a saved run (e.g. before a change).
Prints figures; never asserts.
"""

from __future__ import annotations

import argparse
import csv
import html as htmlmod
import json
import re
import time
from collections import Counter
from pathlib import Path

WIKINEWS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "wikinews-2019-2020" / "data"
_WORD = re.compile(r"\w+")
NAV = ["Home", "World", "Politics", "Business", "Science", "Sport", "Culture", "Opinion", "Video", "Contact"]


def articles() -> list[dict[str, str]]:
    if not WIKINEWS.is_dir():
        raise SystemExit(f"{WIKINEWS} is absent: the bench needs the shared Wikinews corpus beside the clone")
    out: list[dict[str, str]] = []
    for path in sorted(WIKINEWS.glob("*.csv")):
        with path.open(newline="", encoding="utf-8") as fh:
            out.extend(r for r in csv.DictReader(fh) if len(r["text"].split()) >= 60)
    return out


def render(i: int, row: dict[str, str], others: list[dict[str, str]]) -> tuple[str, str, str]:
    """``(url, html, reference text)`` of page ``i`` showing ``row``: the reference is the article's paragraphs;
    around them sit boilerplate a reader must leave out (navigation, a newsletter box and a photo caption
    inside the article, share buttons, reader comments, a cookie notice, a footer). Every fourth page is
    "div soup" (no article or p elements: text in divs split by line breaks)."""
    esc = htmlmod.escape
    paragraphs = [" ".join(p.split()) for p in row["text"].split("\n") if p.strip()]
    title = row["title"].strip()
    url = f"https://news.example/{i}/{re.sub(r'[^a-z0-9]+', '-', title.lower()).strip('-')}"
    date_meta = f"<meta property='article:published_time' content='{row['date']}'>" if i % 3 else ""
    nav = "".join(f"<li><a href='/{n.lower()}'>{n}</a></li>" for n in NAV)
    boxes = (
        "<div class='newsletter'><p>Sign up for the morning briefing: the day's top stories in your inbox.</p>"
        "<a href='/subscribe'>Subscribe</a></div>"
        f"<figure><img src='/img/{i}.jpg' alt=''><figcaption>Photo: file picture, Example News archive."
        "</figcaption></figure>"
    )
    if i % 4 == 0:
        body = "<div class='story-text'>" + "<br><br>".join(esc(p) for p in paragraphs[:2]) + "</div>" + boxes
        body += "<div class='story-text'>" + "<br><br>".join(esc(p) for p in paragraphs[2:]) + "</div>"
        article = f"<div class='story'><div class='headline'>{esc(title)}</div>{body}</div>"
    else:
        body = "".join(f"<p>{esc(p)}</p>" for p in paragraphs[:2]) + boxes
        body += "".join(f"<p>{esc(p)}</p>" for p in paragraphs[2:])
        article = f"<article><h1>{esc(title)}</h1><p class='byline'>By staff reporters</p>{body}</article>"
    related = ""
    if i % 10 == 0:
        links = "".join(f"<li><a href='/story/{i}-{k}'>{esc(o['title'])}</a></li>" for k, o in enumerate(others[:3], 1))
        related = f"<aside class='related'><h2>Related articles</h2><ul>{links}</ul></aside>"
    comments = (
        "<section class='comments'><h3>2 comments</h3><div class='comment'><p>Reader one: I read this twice and "
        "still do not see what changes for us.</p></div><div class='comment'><p>Reader two: Thanks for the "
        "clear report, more of this please.</p></div></section>"
    )
    page = (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{esc(title)} | Example News</title>"
        f"<meta name='description' content='{esc(paragraphs[-1][:150])}'>{date_meta}"
        f"<link rel='canonical' href='{url}'></head><body>"
        f"<header><div class='logo'>Example News</div><nav><ul>{nav}</ul></nav></header>"
        f"<main>{article}<div class='share'>Share: Facebook | X | Email</div>{related}{comments}</main>"
        f"<div class='cookies'>We use cookies to improve your experience. <a href='/privacy'>Privacy policy</a></div>"
        f"<footer><p>Copyright Example News. All rights reserved.</p><ul>{nav}</ul></footer></body></html>"
    )
    return url, page, "\n".join(paragraphs)


def f1(found: str | None, reference: str) -> float:
    got, want = Counter(_WORD.findall((found or "").lower())), Counter(_WORD.findall(reference.lower()))
    common = sum((got & want).values())
    if not common:
        return 0.0
    precision, recall = common / sum(got.values()), common / sum(want.values())
    return 2 * precision * recall / (precision + recall)


def main() -> None:
    import trafilatura

    from newsgraph.core.errors import NoText
    from newsgraph.ingest.read.html import read_html

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=600)
    parser.add_argument("--repeat", type=int, default=3, help="timed passes; the best of each reader is reported")
    parser.add_argument("--save", help="write read_html's outputs (text, title, date per page) to this JSON file")
    parser.add_argument("--against", help="compare read_html's outputs to those saved by an earlier --save")
    args = parser.parse_args()
    source = articles()
    pages = [
        render(i, source[i % len(source)], [source[(i + k) % len(source)] for k in (7, 19, 41)])
        for i in range(args.pages)
    ]
    ours: dict[str, float] = {}
    bare: dict[str, float] = {}
    outputs: list[dict[str, str | None]] = []
    best_ours = best_bare = best_ratio = 0.0
    by_kind: dict[str, list[float]] = {}  # "dated" / "undated" pages: [read_html s, extract s] of the best pass
    for n in range(args.repeat):
        spent_ours = spent_bare = 0.0
        kinds = {"dated": [0.0, 0.0], "undated": [0.0, 0.0]}
        outputs = []
        for i, (url, page, reference) in enumerate(pages):
            started = time.process_time()
            try:
                raw = read_html(page, source=f"page{i}.html", url=url)
                text, title, date = raw.text, raw.title, raw.published
            except NoText:
                text = title = date = None
            middle = time.process_time()
            plain = trafilatura.extract(page, url=url)
            spent_ours += middle - started
            spent_bare += time.process_time() - middle
            kind = kinds["dated" if i % 3 else "undated"]
            kind[0] += middle - started
            kind[1] += time.process_time() - middle
            outputs.append({"text": text, "title": title, "date": date})
            if n == 0:
                ours[url], bare[url] = f1(text, reference), f1(plain, reference)
        rate_ours, rate_bare = len(pages) / spent_ours, len(pages) / spent_bare
        if rate_ours / rate_bare > best_ratio:
            best_ratio, by_kind = rate_ours / rate_bare, kinds
        best_ours, best_bare = max(best_ours, rate_ours), max(best_bare, rate_bare)
        print(f"pass {n + 1}: read_html {rate_ours:.1f} pages/s, trafilatura.extract {rate_bare:.1f} pages/s")
    dated = sum(1 for o in outputs if o["date"])
    print(
        f"pages: {len(pages)} ({dated} with a date from read_html; {sum(1 for i in range(len(pages)) if i % 3)} "
        "carry a published-time meta tag)"
    )
    print(
        f"body F1 (mean over pages, against the article text): read_html {sum(ours.values()) / len(ours):.4f}, "
        f"trafilatura.extract {sum(bare.values()) / len(bare):.4f}"
    )
    print(
        f"best: read_html {best_ours:.1f} pages/s vs trafilatura.extract {best_bare:.1f} pages/s "
        f"= ratio {best_ours / best_bare:.2f} (goal >= 0.9)"
    )
    for name, (t_ours, t_bare) in by_kind.items():
        print(f"  {name} pages (in the pass with the best ratio): ratio {t_bare / t_ours:.2f}")
    if args.save:
        Path(args.save).write_text(json.dumps(outputs, ensure_ascii=False), encoding="utf-8")
    if args.against:
        before = json.loads(Path(args.against).read_text(encoding="utf-8"))
        pairs = list(zip(before, outputs, strict=False))
        same = {k: sum(1 for a, b in pairs if a[k] == b[k]) for k in ("text", "title", "date")}
        changed = [i for i, (a, b) in enumerate(pairs) if a["date"] != b["date"]][:5]
        print(
            f"against {args.against}: same text {same['text']}/{len(pairs)}, title {same['title']}/{len(pairs)}, "
            f"date {same['date']}/{len(pairs)} (first pages whose date changed: {changed})"
        )


if __name__ == "__main__":
    main()
