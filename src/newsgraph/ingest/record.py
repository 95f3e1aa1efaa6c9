"""The extraction record of OUTPUT.md: one JSON object per page."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from newsgraph.core.errors import NewsgraphError, ReadError
from newsgraph.core.model import Document, RawPage
from newsgraph.ingest.read import iter_pages
from newsgraph.ingest.segment import Segmented, segment

FACT_KEYS = (
    "persons",
    "organizations",
    "places",
    "countries_mentioned",
    "events",
    "quotes",
    "amounts",
    "stances",
    "themes",
)


def empty_record(source: str, documents: Sequence[Document]) -> dict[str, Any]:
    record: dict[str, Any] = {"source": source, "documents": [d.to_record() for d in documents]}
    for key in FACT_KEYS:
        record[key] = []
    record["tone"] = None
    return record


def iter_records(
    paths: Sequence[str],
    *,
    max_bytes: int,
    published: str | None = None,
    analyzer: Any = None,
) -> Iterator[dict[str, Any] | NewsgraphError]:
    """Records for every page under ``paths`` without touching any database.

    Yields the error for an item that cannot be read or segmented.
    """
    for page in iter_pages(paths, max_bytes=max_bytes, published=published):
        if isinstance(page, ReadError):
            yield page
            continue
        try:
            seg = segment(page)
        except NewsgraphError as exc:
            yield exc
            continue
        yield page_record(page, seg, analyzer)


def page_record(page: RawPage, seg: Segmented, analyzer: Any = None) -> dict[str, Any]:
    if analyzer is None:
        return empty_record(page.source, seg.documents)
    facts = analyzer.analyze(seg.documents)
    return analyzer.record(page, seg, facts)
