"""The extraction record of OUTPUT.md: one JSON object per page, built from the facts of its documents.

:func:`build_record` assembles it (persons, organizations and places merged across the page's
documents, every other fact listed, the main article's tone); :func:`iter_records` reads,
segments and extracts pages without any database (``newsgraph extract``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from newsgraph.core.errors import NewsgraphError, ReadError
from newsgraph.core.model import Document, RawPage, to_plain
from newsgraph.ingest.read import iter_pages
from newsgraph.ingest.segment import Segmented, segment

if TYPE_CHECKING:
    from newsgraph.extract.runner import DocFacts

FACT_KEYS = (
    "persons",
    "organizations",
    "places",
    "countries_mentioned",
    "events",
    "quotes",
    "amounts",
    "stances",
    "voices",
    "themes",
)


def empty_record(source: str, documents: Sequence[Document]) -> dict[str, Any]:
    """The record of a page with its documents and no facts (every fact key present, empty)."""
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


def build_record(source: str, documents: Sequence[Document], facts: Sequence[DocFacts]) -> dict[str, Any]:
    """The OUTPUT.md record of a page from the facts of its documents."""
    from newsgraph.extract.mentions.collect import merge_mention_sets  # the extractors load only when used

    record = empty_record(source, documents)
    if not facts:
        return record
    merged = merge_mention_sets([f.mentions for f in facts])
    record["persons"] = to_plain(merged.persons)
    record["organizations"] = to_plain(merged.organizations)
    record["places"] = to_plain(merged.places)
    record["countries_mentioned"] = list(merged.countries)
    for key in ("events", "quotes", "amounts", "stances", "voices", "themes", "dates"):
        record[key] = [to_plain(x) for f in facts for x in getattr(f, key)]
    main = next((f for f in facts if f.document.role == "main"), facts[0])
    record["tone"] = to_plain(main.tone) if main.tone else None
    return record


def segmented_record(page: RawPage, seg: Segmented, facts: Mapping[str, DocFacts]) -> dict[str, Any]:
    """The record of a segmented page, from the facts found for its documents (by document id)."""
    return build_record(page.source, seg.documents, [facts[d.id] for d in seg.documents if d.id in facts])


def page_record(page: RawPage, seg: Segmented, analyzer: Any = None) -> dict[str, Any]:
    """The record of a segmented page: extracted by ``analyzer``, or without facts when it is None."""
    if analyzer is None:
        return empty_record(page.source, seg.documents)
    return segmented_record(page, seg, analyzer.analyze(seg.documents))
