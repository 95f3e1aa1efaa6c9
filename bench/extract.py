"""Extraction bench: bare spaCy ``nlp.pipe`` vs newsgraph ingest-with-extraction on the same documents.

Usage: python bench/extract.py [--limit N] [--batch-size B]
Input: the shared Wikinews corpus (../shared/corpus/wikinews-2019-2020/data), first N articles.
Prints docs/s for both, their ratio (goal ≥ 0.8: everything newsgraph adds — segmentation,
all extractors, storage — costs at most a quarter of the parse), and peak memory. Never asserts.
"""

from __future__ import annotations

import argparse
import csv
import resource
import tempfile
import time
from pathlib import Path

from newsgraph.core.settings import Settings
from newsgraph.extract.runner import Analyzer
from newsgraph.ingest.nlp import load_nlp
from newsgraph.ingest.pipeline import Pipeline

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "wikinews-2019-2020" / "data"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=120)
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()
    csv.field_size_limit(10**8)
    rows = []
    for file in sorted(DATA.glob("*.csv")):
        with file.open(newline="", encoding="utf-8") as fh:
            rows.extend(r for r in csv.DictReader(fh) if not r["title"].startswith("TEST PAGE"))
    rows = rows[: args.limit]
    with tempfile.TemporaryDirectory() as tmp:
        subset = Path(tmp) / "subset.csv"
        with subset.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=["url", "date", "title", "text"])
            writer.writeheader()
            writer.writerows(rows)
        settings = Settings.load(db=f"sqlite:///{tmp}/bench.db", batch_size=args.batch_size)
        analyzer = Analyzer(settings)  # loads the model (and warms the caches) outside the timings
        nlp = load_nlp(settings.model)
        # The same texts newsgraph parses: the document bodies after segmentation.
        from newsgraph.ingest.read import iter_pages
        from newsgraph.ingest.segment import segment

        bodies = [segment(p).main.body for p in iter_pages([subset], max_bytes=10**9) if not isinstance(p, Exception)]
        list(nlp.pipe(bodies[:8]))  # warm-up
        started = time.perf_counter()
        for _ in nlp.pipe(bodies, batch_size=args.batch_size):
            pass
        bare = len(bodies) / (time.perf_counter() - started)
        pipe = Pipeline(settings, analyzer=analyzer)
        started = time.perf_counter()
        summary = pipe.ingest([str(subset)])
        full = summary.documents / (time.perf_counter() - started)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"documents: {len(bodies)} Wikinews articles")
    print(f"bare spaCy nlp.pipe: {bare:.1f} docs/s")
    print(f"newsgraph ingest with extraction: {full:.1f} docs/s")
    print(f"ratio (goal >= 0.8): {full / bare:.2f}")
    print(f"peak memory (max RSS): {peak:.0f} MB")


if __name__ == "__main__":
    main()
