"""Batch bench: pages/s of `newsgraph batch` on ONE CSV file with 1 and with 2 Dask workers (LocalCluster).

Usage: python bench/batch.py [--pages 2000] [--pages-per-task 100] [--workers 1 2] [--db URL] [--schema NAME]
       [--no-extract]
Writes N pages into one CSV file: page k joins the first half of Wikinews article k mod 295 to the
second half of another article (a different one for each copy), so no two pages are near-duplicates
and every page is parsed. Each run ingests that file, with extraction, into a fresh PostgreSQL schema
(``NAME_wN``, dropped at the end) through :func:`newsgraph.ingest.batch.run_batch`; the time is the
whole run: cluster start, the model loading in each worker, every task. Since one file is cut into
row ranges of ``--pages-per-task`` rows, the workers share it. Prints the load average before and
after each run and the workers' CPU time (CPU seconds / wall seconds = cores the run really got: the
cores may be shared with other jobs); never asserts.
"""

from __future__ import annotations

import argparse
import csv
import os
import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from newsgraph.core.settings import Settings
from newsgraph.ingest.batch import plan_tasks, run_batch

WIKINEWS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "wikinews-2019-2020" / "data"
DEFAULT_DB = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
COLUMNS = ("url", "date", "title", "text")


def articles() -> list[dict[str, str]]:
    if not WIKINEWS.is_dir():
        raise SystemExit(f"{WIKINEWS} is absent: the bench needs the shared Wikinews corpus beside the clone")
    out: list[dict[str, str]] = []
    for path in sorted(WIKINEWS.glob("*.csv")):
        with path.open(newline="", encoding="utf-8") as fh:
            out.extend(r for r in csv.DictReader(fh) if len(r["text"].split()) >= 60)
    return out


def halves(body: str) -> tuple[str, str]:
    paragraphs = [p for p in body.split("\n") if p.strip()]
    cut = max(1, len(paragraphs) // 2)
    return "\n\n".join(paragraphs[:cut]), "\n\n".join(paragraphs[cut:])


def write_pages(path: Path, n: int) -> None:
    """``n`` distinct pages in one CSV (text fields with newlines, quoted)."""
    source = articles()
    parts = [halves(r["text"]) for r in source]
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        for k in range(n):
            a, copy = k % len(source), k // len(source)
            b = (a + 1 + 13 * copy) % len(source)
            row = source[a]
            writer.writerow(
                [
                    f"{row['url']}?copy={copy}",
                    row["date"],
                    f"{row['title']} ({copy})" if copy else row["title"],
                    f"{parts[a][0]}\n\n{parts[b][1]}",
                ]
            )


def schema_url(base: str, schema: str, *, drop: bool = False) -> str:
    engine = create_engine(base)
    try:
        with engine.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
            if not drop:
                conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    finally:
        engine.dispose()
    return make_url(base).update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(False)


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--pages-per-task", type=int, default=100)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--db", default=DEFAULT_DB, help="PostgreSQL URL (a schema per run is made in it)")
    parser.add_argument("--schema", default="bench_batch", help="schema name prefix (one of your own)")
    parser.add_argument("--extract", action=argparse.BooleanOptionalAction, default=True)
    args = parser.parse_args()
    rates: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        table = Path(tmp) / "pages.csv"
        write_pages(table, args.pages)
        tasks = plan_tasks([str(table)], Settings.load(env={}), args.pages_per_task)
        print(
            f"input: one CSV, {args.pages} pages, {table.stat().st_size / 1e6:.1f} MB, cut into {len(tasks)} tasks "
            f"of <= {args.pages_per_task} rows; {os.cpu_count()} cores; extraction {'on' if args.extract else 'off'}"
        )
        for workers in args.workers:
            schema = f"{args.schema}_w{workers}"
            url = schema_url(args.db, schema)
            settings = Settings.load(env={}, db=url, extract=args.extract)
            before = load()
            started = time.perf_counter()
            summary = run_batch(
                [str(table)], Path(tmp) / f"out{workers}", settings, workers=workers, pages_per_task=args.pages_per_task
            )
            elapsed = time.perf_counter() - started
            rates[workers] = summary.pages_new / elapsed
            busy = sorted(t.seconds for t in summary.tasks)
            cpu = sum(t.cpu_seconds for t in summary.tasks)
            print(
                f"workers {workers}: {summary.pages_new} pages, {summary.documents} documents, "
                f"{summary.errors} errors, {len(summary.tasks)} tasks ({len(summary.failed)} failed) in "
                f"{elapsed:.1f} s = {rates[workers]:.2f} pages/s; task seconds min {busy[0]:.1f} / max "
                f"{busy[-1]:.1f} / sum {sum(busy):.1f}; worker CPU {cpu:.1f} s "
                f"({cpu / max(summary.pages_new, 1):.3f} s/page, "
                f"{cpu / elapsed:.2f} cores busy on average); {before} before, {load()} after"
            )
            schema_url(args.db, schema, drop=True)
    if 1 in rates and len(rates) > 1:
        for workers, rate in sorted(rates.items()):
            if workers != 1:
                print(f"ratio {workers} workers / 1 worker: {rate / rates[1]:.2f} (goal >= 1.7 with 2)")


if __name__ == "__main__":
    main()
