"""Finds the page a gold file annotates and builds its record, for ``newsgraph eval``.

A gold file names its page in one of two ways: ``source_file`` (a page beside
the gold file, as in the seed) or ``source`` = ``{corpus, file, url}`` (one row
of a corpus table). Corpora are looked up under ``NEWSGRAPH_SHARED``, then
``../shared`` from the working directory, then beside the gold file's parents.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsgraph.core.errors import GoldFormatError, NewsgraphError, ReadError
from newsgraph.ingest.read import iter_pages
from newsgraph.ingest.record import page_record
from newsgraph.ingest.segment import segment


def shared_roots(gold_path: Path) -> list[Path]:
    roots = []
    if env := os.environ.get("NEWSGRAPH_SHARED"):
        roots.append(Path(env))
    roots.append(Path.cwd().parent / "shared")
    roots.append(Path.cwd() / "shared")
    for parent in gold_path.resolve().parents:
        roots.append(parent / "shared")
    return roots


def locate_page(gold: dict[str, Any], gold_path: Path) -> tuple[Path, str | None]:
    """The file holding the annotated page and, for tables, the row's url."""
    if name := gold.get("source_file"):
        candidate = gold_path.parent / name
        if candidate.exists():
            return candidate, None
        raise GoldFormatError(f"{gold_path}: source_file {name!r} not found beside the gold file; pass PAGE")
    source = gold.get("source")
    if isinstance(source, dict) and source.get("file"):
        rel = Path(source.get("corpus", "")) / source["file"]
        for root in shared_roots(gold_path):
            candidate = root / "corpus" / rel
            if candidate.exists():
                return candidate, source.get("url")
        raise GoldFormatError(f"{gold_path}: corpus file {rel} not found; set NEWSGRAPH_SHARED or pass PAGE")
    raise GoldFormatError(f"{gold_path}: names no page (source_file or source.file); pass PAGE")


def record_for(
    page_path: Path, url: str | None, published: str | None, analyzer: Any, max_bytes: int
) -> dict[str, Any]:
    for page in iter_pages([page_path], max_bytes=max_bytes, published=published):
        if isinstance(page, ReadError):
            if url is None:
                raise page
            continue
        if url is not None and page.url != url:
            continue
        if published and not page.published:
            page.published = published
        try:
            seg = segment(page)
        except NewsgraphError:
            raise
        return page_record(page, seg, analyzer)
    raise GoldFormatError(f"{page_path}: no page{' with url ' + url if url else ''} found")


@dataclass(slots=True)
class GoldResult:
    """One gold file scored: the report, the record it scored, the gold and its counts."""

    report: Any
    record: dict[str, Any]
    gold: dict[str, Any]
    counts: dict[str, int]

    def breakdown(self, analyzer: Any) -> Any:
        """Events per type and mode and the missed ones by cause (:mod:`newsgraph.evaluate.breakdown`)."""
        from newsgraph.evaluate.breakdown import event_breakdown, main_verb_lemma

        return event_breakdown(self.record, self.gold, lambda text: main_verb_lemma(analyzer.nlp(text)))


def score_gold(gold_path: Path, analyzer: Any, max_bytes: int, page: Path | None = None) -> GoldResult:
    """Build the record of the page a gold file annotates and score it."""
    from newsgraph.evaluate.gold import gold_counts, load_gold
    from newsgraph.evaluate.score import score

    gold = load_gold(gold_path)
    page_path, url = (page, None) if page else locate_page(gold, gold_path)
    record = record_for(page_path, url, gold.get("assumed_published"), analyzer, max_bytes)
    return GoldResult(score(record, gold), record, gold, gold_counts(gold))


def evaluate_gold(gold_path: Path, analyzer: Any, max_bytes: int, page: Path | None = None) -> Any:
    """Score the record of the page a gold file annotates (the report only)."""
    return score_gold(gold_path, analyzer, max_bytes, page).report


def aggregate(reports: list[Any]) -> Any:
    """Micro-averaged report over several pages: counts summed, attribute accuracies averaged."""
    from newsgraph.evaluate.score import CategoryScore, Report

    counts: dict[str, list[int]] = {}
    extras: dict[str, dict[str, list[float]]] = {}
    total = Report()
    for report in reports:
        for name, cat in report.categories.items():
            c = counts.setdefault(name, [0, 0, 0])
            c[0] += cat.tp
            c[1] += cat.fp
            c[2] += cat.fn
            for key, value in cat.extra.items():
                extras.setdefault(name, {}).setdefault(key, []).append(value)
        total.not_events_violated += report.not_events_violated
        total.violations.extend(report.violations)
        total.not_persons_reported.extend(report.not_persons_reported)
    for name, (tp, fp, fn) in counts.items():
        extra = {k: sum(v) / len(v) for k, v in extras.get(name, {}).items()}
        total.categories[name] = CategoryScore.from_counts(tp, fp, fn, extra)
    return total
