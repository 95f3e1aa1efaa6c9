"""Foundation bench: documents/s for read + segment + store (no NLP), and peak memory.

Usage: python bench/ingest.py [PATH ...] [--db URL] [--repeat N]
       python bench/ingest.py --stream N [--extract] [--db URL]
Default input: ../shared/corpus/wikinews-2019-2020/data (run from the repository root).

``--stream N`` ingests N generated pages in one run, streamed (never all in memory): the input
pages replicated with new ids (copy k suffixes every word of four letters or more with a tag of
its own, so no copy is the same text or a near duplicate of another), and prints the peak memory
(VmHWM) at 1k, 10k and 50k pages (those up to N) and at the end. No NLP by default: read, segment,
deduplicate and store, as the plain bench; ``--extract`` adds parsing and every extractor (about
10 documents/s on 2 cores: hours for 50k).

Prints one line per figure; never asserts (speed targets live here, not in tests).
"""

from __future__ import annotations

import argparse
import dataclasses
import re
import resource
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from newsgraph.core.model import RawPage
from newsgraph.core.settings import Settings
from newsgraph.ingest.pipeline import IngestSummary, Pipeline
from newsgraph.ingest.read import iter_pages

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "wikinews-2019-2020" / "data"
CHECKPOINTS = (1_000, 10_000, 50_000)
_LONG_WORD = re.compile(r"\b([A-Za-z]{4,})\b")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=[str(DEFAULT)])
    parser.add_argument("--db", default=None, help="database URL (default: a fresh temporary SQLite file)")
    parser.add_argument("--repeat", type=int, default=3, help="fresh-database runs; the best is reported")
    parser.add_argument("--stream", type=int, default=0, metavar="N", help="ingest N generated pages in one run")
    parser.add_argument("--extract", action="store_true", help="with --stream: parse and extract too")
    args = parser.parse_args()
    if args.stream:
        stream(args.paths, args.stream, db=args.db, extract=args.extract)
        return
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


def stream(paths: list[str], n: int, *, db: str | None, extract: bool) -> None:
    """Ingest ``n`` generated pages in one run; print the peak memory at each checkpoint."""
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings.load(db=db or f"sqlite:///{tmp}/stream.db", extract=extract)
        analyzer = None
        if extract:
            from newsgraph.extract.runner import Analyzer

            analyzer = Analyzer(settings)
        pipe = Pipeline(settings, analyzer=analyzer)
        started = time.perf_counter()
        marks = [c for c in CHECKPOINTS if c < n] + [n]
        print(f"streaming {n} generated pages ({'with' if extract else 'no'} extraction) into {pipe.store.safe_url}")
        print(f"start: peak memory {_peak_mb():.0f} MB")

        def progress(_: int, summary: IngestSummary) -> None:
            done = summary.pages_ok + len(summary.errors)
            if marks and done >= marks[0]:
                marks.pop(0)
                elapsed = time.perf_counter() - started
                print(
                    f"{done:>7} pages ({summary.documents} documents, {summary.duplicates} near duplicates): "
                    f"{elapsed:.0f} s, {summary.documents / elapsed:.0f} docs/s, peak memory {_peak_mb():.0f} MB",
                    flush=True,
                )

        summary = pipe.ingest_pages(_generated(paths, n, settings.max_bytes), inputs=paths, progress=progress)
        pipe.store.close()
    print(f"done: {summary.pages_new} new pages, {summary.documents} documents, {len(summary.errors)} errors")


def _generated(paths: list[str], n: int, max_bytes: int) -> Iterator[RawPage]:
    """``n`` pages: the input pages, then copies of them with new words (a new page id, no near duplicate)."""
    originals = [p for p in iter_pages(paths, max_bytes=max_bytes) if isinstance(p, RawPage)]
    count = 0
    copy = 0
    while count < n:
        for page in originals:
            if count >= n:
                return
            yield page if copy == 0 else _copy(page, copy)
            count += 1
        copy += 1


def _copy(page: RawPage, copy: int) -> RawPage:
    tag = _tag(copy)

    def alter(text: str) -> str:
        return _LONG_WORD.sub(lambda m: m.group(1) + tag, text)

    return dataclasses.replace(
        page,
        source=f"{page.source}#copy={copy}",
        text=alter(page.text) if page.text is not None else None,
        html=alter(page.html) if page.html is not None else None,
        title=alter(page.title) if page.title is not None else None,
        url=f"{page.url}?copy={copy}" if page.url else None,
    )


def _tag(copy: int) -> str:
    """A word ending of its own per copy: 1 → "qb", 2 → "qc", ..., 26 → "qba"."""
    letters = ""
    while True:
        copy, k = divmod(copy, 26)
        letters = "abcdefghijklmnopqrstuvwxyz"[k] + letters
        if not copy:
            return "q" + letters


def _peak_mb() -> float:
    """Peak resident memory of this process so far (VmHWM; ru_maxrss where /proc is missing)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    main()
