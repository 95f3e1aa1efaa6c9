"""Event coding + stance cost per document, as a share of the parse cost (goal ≤ 15 %).

Usage: python bench/events.py [--limit N]
Parses the first N Wikinews articles once (timed), then times the mention, date, event and
stance extractors over the same parsed documents. Events need mentions and dates as input, so
those are computed first and not counted. The lexicons (the compiled CAMEO patterns, the agent,
office-holder and actor tables) load once per process, on first use: that one-time cost is timed
apart, on five warm-up documents, and the per-document figures are the steady state. Prints
per-document milliseconds and the share of the parse. Never asserts.
"""

from __future__ import annotations

import argparse
import csv
import time
from pathlib import Path

from newsgraph.extract.events.coder import extract_events
from newsgraph.extract.mentions.collect import extract_mentions
from newsgraph.extract.stances import extract_stances
from newsgraph.extract.values.dates import extract_dates
from newsgraph.ingest.nlp import load_nlp

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "wikinews-2019-2020" / "data"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=150)
    args = parser.parse_args()
    csv.field_size_limit(10**8)
    rows = []
    for file in sorted(DATA.glob("*.csv")):
        with file.open(newline="", encoding="utf-8") as fh:
            rows.extend(r for r in csv.DictReader(fh) if len(r["text"]) > 200)
    rows = rows[: args.limit]
    if not rows:
        raise SystemExit(f"no Wikinews articles under {DATA}: the bench reads ../shared beside the repository")
    nlp = load_nlp()
    list(nlp.pipe([r["text"] for r in rows[:5]]))  # warm-up
    started = time.perf_counter()
    docs = list(nlp.pipe([r["text"] for r in rows]))
    parse = time.perf_counter() - started
    inputs = []
    for doc, row in zip(docs, rows, strict=True):
        inputs.append((doc, row["date"], extract_mentions(doc, "d"), extract_dates(doc, "d", row["date"])))
    started = time.perf_counter()
    for doc, published, mentions, dates in inputs[:5]:  # loads every lexicon the coder reads, once
        warm = extract_events(doc, "d", published=published, resolver=mentions, dates=dates)
        extract_stances(doc, "d", published=published, resolver=mentions, events=warm)
    loading = time.perf_counter() - started
    events_time = stances_time = 0.0
    n_events = n_stances = 0
    for doc, published, mentions, dates in inputs:
        t = time.perf_counter()
        events = extract_events(doc, "d", published=published, resolver=mentions, dates=dates)
        events_time += time.perf_counter() - t
        t = time.perf_counter()
        stances = extract_stances(doc, "d", published=published, resolver=mentions, events=events)
        stances_time += time.perf_counter() - t
        n_events += len(events)
        n_stances += len(stances)
    n = len(docs)
    print(f"documents: {n} Wikinews articles; {n_events} events, {n_stances} stance rows")
    print(f"parse: {1000 * parse / n:.1f} ms/doc")
    print(f"lexicons loaded once (first five documents): {loading:.2f} s")
    print(f"event coding: {1000 * events_time / n:.2f} ms/doc = {events_time / parse:.1%} of parse")
    print(f"stances: {1000 * stances_time / n:.2f} ms/doc = {stances_time / parse:.1%} of parse")
    print(f"events + stances: {(events_time + stances_time) / parse:.1%} of parse (goal <= 15%)")


if __name__ == "__main__":
    main()
