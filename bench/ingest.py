"""Foundation bench: documents/s for read + segment + store (no NLP), and peak memory.

Usage: python bench/ingest.py [PATH ...] [--db URL] [--repeat N]
Default input: ../shared/corpus/wikinews-2019-2020/data (run from the repository root).
Prints one line per figure; never asserts (speed targets live here, not in tests).
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from newsgraph.core.settings import Settings
from newsgraph.ingest.pipeline import Pipeline

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "wikinews-2019-2020" / "data"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=[str(DEFAULT)])
    parser.add_argument("--db", default=None, help="database URL (default: a fresh temporary SQLite file)")
    parser.add_argument("--repeat", type=int, default=3, help="fresh-database runs; the best is reported")
    args = parser.parse_args()
    best = None
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            url = args.db or f"sqlite:///{tmp}/bench.db"
            pipe = Pipeline(Settings.load(db=url, extract=False))
            started = time.perf_counter()
            summary = pipe.ingest(args.paths)
            elapsed = time.perf_counter() - started
            pipe.store.close()
        rate = summary.documents / elapsed
        best = rate if best is None else max(best, rate)
        print(
            f"run: {summary.documents} documents in {elapsed:.2f} s = {rate:.0f} docs/s ({len(summary.errors)} errors)"
        )
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"ingest (read+segment+store, no NLP): {best:.0f} documents/s (best of {args.repeat})")
    print(f"peak memory (max RSS): {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
