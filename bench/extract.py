"""Extraction bench: bare spaCy ``nlp.pipe`` vs newsgraph ingest-with-extraction on the same documents.

Usage: python bench/extract.py [--limit N] [--batch-size B] [--rounds R]
Input: the shared Wikinews corpus (../shared/corpus/wikinews-2019-2020/data), first N articles.
Prints docs/s for both, their ratio (goal ≥ 0.8: everything newsgraph adds — segmentation,
all extractors, storage — costs at most a quarter of the parse), the same ratio in CPU seconds of
this process (steadier than wall time when other processes share the cores), what ingest adds to the
parse in ms of CPU per article, the load average and core count, and peak memory.
Both sides are warmed up first, outside the timings: the model on a few bodies, the extractors'
lexicons by one ingest of the next articles of the corpus into a throwaway database (their one-off
loading is not a per-document cost). Never asserts.
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import statistics
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
    parser.add_argument("--rounds", type=int, default=1, help="bare and full runs, alternated; medians reported")
    args = parser.parse_args()
    csv.field_size_limit(10**8)
    rows = []
    for file in sorted(DATA.glob("*.csv")):
        with file.open(newline="", encoding="utf-8") as fh:
            rows.extend(r for r in csv.DictReader(fh) if not r["title"].startswith("TEST PAGE"))
    rows, warm_rows = rows[: args.limit], rows[args.limit : args.limit + 8]
    with tempfile.TemporaryDirectory() as tmp:
        subset, warm = _write(Path(tmp) / "subset.csv", rows), _write(Path(tmp) / "warm.csv", warm_rows)
        settings = Settings.load(db=f"sqlite:///{tmp}/bench1.db", batch_size=args.batch_size)
        analyzer = Analyzer(settings)  # loads the model outside the timings
        warm_settings = Settings.load(db=f"sqlite:///{tmp}/warm.db", batch_size=args.batch_size)
        Pipeline(warm_settings, analyzer=Analyzer(warm_settings)).ingest([str(warm)])  # the lexicons, once
        nlp = load_nlp(settings.model)
        # The same texts newsgraph parses: the document bodies after segmentation.
        from newsgraph.ingest.read import iter_pages
        from newsgraph.ingest.segment import segment

        bodies = [segment(p).main.body for p in iter_pages([subset], max_bytes=10**9) if not isinstance(p, Exception)]
        list(nlp.pipe(bodies[:8]))  # warm-up
        ratios: list[tuple[float, float]] = []
        extra_ms: list[float] = []  # CPU per article that ingest adds to the parse
        for round_no in range(1, args.rounds + 1):  # bare and full alternate: both meet the same load
            started, cpu = time.perf_counter(), time.process_time()
            for _ in nlp.pipe(bodies, batch_size=args.batch_size):
                pass
            bare_s, bare_cpu = time.perf_counter() - started, time.process_time() - cpu
            run_settings = Settings.load(db=f"sqlite:///{tmp}/bench{round_no}.db", batch_size=args.batch_size)
            pipe = Pipeline(run_settings, analyzer=analyzer if round_no == 1 else Analyzer(run_settings))
            started, cpu = time.perf_counter(), time.process_time()
            summary = pipe.ingest([str(subset)])
            full_s, full_cpu = time.perf_counter() - started, time.process_time() - cpu
            pipe.store.close()
            bare, full = len(bodies) / bare_s, summary.documents / full_s
            ratios.append((full / bare, bare_cpu / full_cpu))
            extra_ms.append((full_cpu / summary.documents - bare_cpu / len(bodies)) * 1000)
            print(f"round {round_no}: {len(bodies)} Wikinews articles ({summary.documents} ingested)")
            print(f"  bare spaCy nlp.pipe: {bare:.1f} docs/s ({bare_cpu:.1f} CPU s)")
            print(f"  newsgraph ingest with extraction: {full:.1f} docs/s ({full_cpu:.1f} CPU s)")
            print(f"  ratio: {full / bare:.2f} wall, {bare_cpu / full_cpu:.2f} CPU")
            print(f"  over the parse: {extra_ms[-1]:.1f} ms of CPU per article")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    wall, cpu_ratio = (statistics.median(r[k] for r in ratios) for k in (0, 1))
    print(f"ratio (goal >= 0.8), median of {len(ratios)} rounds: {wall:.2f} wall, {cpu_ratio:.2f} CPU")
    over = statistics.median(extra_ms)
    print(f"segmentation, extraction, storage and resolution over the parse, median: {over:.1f} ms of CPU per article")
    print(f"load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())} ({os.cpu_count()} cores)")
    print(f"peak memory (max RSS): {peak:.0f} MB")


def _write(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=["url", "date", "title", "text"])
        writer.writeheader()
        writer.writerows(rows)
    return path


if __name__ == "__main__":
    main()
