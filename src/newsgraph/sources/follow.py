"""Following sources: feeds, sitemaps and sites, read again and again, only new entries fetched.

For each source URL :class:`Follower` fetches the document (conditional GET: an unchanged feed
costs one 304), decides what it is (an RSS/Atom feed, a sitemap or sitemap index, or an HTML page
whose ``rel="alternate"`` feeds — else its robots.txt sitemaps — are followed instead), lists its
entries, keeps those not yet seen for that source (``source_entries``), fetches them and ingests
the pages through the ordinary pipeline. A source that fails is recorded (``sources.last_error``,
``failures``) and logged; the others go on, and it is tried again next round.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from newsgraph.core.errors import NewsgraphError, ReadError
from newsgraph.core.model import RawPage
from newsgraph.ingest.pipeline import IngestSummary, Pipeline
from newsgraph.sources.errors import FeedError
from newsgraph.sources.feeds import Entry, discover_feeds, parse_feed
from newsgraph.sources.ledger import Ledger
from newsgraph.sources.sitemaps import looks_like_sitemap, parse_sitemap
from newsgraph.sources.web import WebReader

log = logging.getLogger(__name__)

MAX_SITEMAP_DEPTH = 2  # sitemap index → sitemaps → pages


@dataclass(slots=True)
class SourceReport:
    url: str
    kind: str = "?"
    entries: int = 0
    new: int = 0
    not_modified: bool = False
    error: str | None = None


@dataclass(slots=True)
class Round:
    reports: list[SourceReport] = field(default_factory=list)
    summary: IngestSummary | None = None
    fetched: int = 0


def parse_every(text: str) -> float:
    """``15m`` / ``1h`` / ``30s`` / ``90`` → seconds; raises ValueError on anything else."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", text.lower())
    if not match:
        raise ValueError(f"{text!r} is not a duration: use e.g. 30s, 15m, 1h")
    return float(match.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}[match.group(2)]


class Follower:
    def __init__(self, pipeline: Pipeline, web: WebReader, ledger: Ledger, *, published: str | None = None) -> None:
        self.pipeline = pipeline
        self.web = web
        self.ledger = ledger
        self.published = published

    def round(self, urls: Sequence[str]) -> Round:
        """Read every source once and ingest the pages of their new entries."""
        result = Round()
        before = self.web.counts.fetched
        todo: list[tuple[int, Entry]] = []
        for url in urls:
            report = SourceReport(url=url)
            result.reports.append(report)
            source_id = self.ledger.add_source(url, "unknown")
            try:
                entries = self._entries(url, source_id, report)
                fresh = set(self.ledger.unseen(source_id, [e.url for e in entries]))
                new = [e for e in entries if e.url in fresh]
                report.new = len(new)
                self.ledger.source_succeeded(source_id, entries=len(new), pages=0)
                todo.extend((source_id, e) for e in new)
            except Exception as exc:  # one source failing, for whatever reason, must not stop the others
                message = exc.message if isinstance(exc, NewsgraphError) else f"unexpected {type(exc).__name__}: {exc}"
                report.error = message
                self.ledger.source_failed(source_id, message)
                log.warning("source %s failed: %s", url, message)
        result.summary = self.pipeline.ingest_pages(self._pages(todo), inputs=list(urls))
        result.fetched = self.web.counts.fetched - before
        return result

    def run(
        self,
        urls: Sequence[str],
        *,
        every: float,
        rounds: int | None = None,
        sleep: Callable[[float], None] = time.sleep,
        on_round: Callable[[Round], None] | None = None,
    ) -> None:
        """Rounds ``every`` seconds apart, forever (or ``rounds`` times); a failing round is logged, not fatal."""
        done = 0
        while rounds is None or done < rounds:
            started = time.monotonic()
            try:
                outcome = self.round(urls)
                if on_round is not None:
                    on_round(outcome)
            except Exception:  # a database hiccup must not end a long-lived follower
                log.exception("follow round failed; retrying in %.0f s", every)
            done += 1
            if rounds is not None and done >= rounds:
                break
            sleep(max(0.0, every - (time.monotonic() - started)))

    # -- what a source lists ----------------------------------------------------------------------

    def _entries(self, url: str, source_id: int, report: SourceReport, depth: int = 0) -> list[Entry]:
        result = self.web.fetch(url, kind="feed", source_id=source_id)
        if result.not_modified:
            report.not_modified = True
            report.kind = self._kind_of(source_id)
            self.ledger.source_succeeded(source_id, entries=0, pages=0)
            return []
        content = result.content
        if looks_like_sitemap(content):
            sitemap = parse_sitemap(content, result.final_url)
            entries = list(sitemap.pages)
            if depth < MAX_SITEMAP_DEPTH:
                for child in sitemap.sitemaps:
                    entries.extend(self._entries(child, source_id, SourceReport(child), depth + 1))
            kind = "sitemap"
        elif _looks_like_html(content):
            feeds = discover_feeds(content.decode("utf-8", errors="replace"), result.final_url)
            found = feeds or self.web.fetcher.robots.sitemaps(result.final_url)
            if not found:
                raise FeedError(f"{url}: the page links no RSS/Atom feed and robots.txt lists no sitemap", source=url)
            entries = []
            for target in found[:3] if depth < MAX_SITEMAP_DEPTH else []:
                entries.extend(self._entries(target, source_id, SourceReport(target), depth + 1))
            self.ledger.add_source(url, "site", feed_url=found[0])
            report.kind = "site"
            report.entries = len(entries)
            self.ledger.source_succeeded(source_id, entries=0, pages=0)
            return entries
        else:
            entries = parse_feed(content, result.final_url)
            kind = "feed"
        if depth == 0:
            self.ledger.add_source(url, kind)
            report.kind = kind
            self.ledger.source_succeeded(source_id, entries=0, pages=0)
        report.entries = len(entries)
        return entries

    def _kind_of(self, source_id: int) -> str:
        return next((s.kind for s in self.ledger.list_sources() if s.id == source_id), "?")

    def _pages(self, todo: list[tuple[int, Entry]]) -> Iterator[RawPage | ReadError]:
        max_bytes = self.pipeline.settings.max_bytes
        for source_id, entry in todo:
            fetched = False
            unchanged = self.web.counts.not_modified
            for item in self.web.read_url(
                entry.url, max_bytes=max_bytes, published=entry.published, source_id=source_id
            ):
                fetched = fetched or isinstance(item, RawPage)
                if isinstance(item, RawPage) and not item.published and entry.published:
                    item.published = entry.published
                yield item
            if fetched or self.web.counts.not_modified > unchanged:  # a 304: stored by an earlier run
                self.ledger.mark_seen(source_id, entry.url, title=entry.title, published=entry.published, fetched=True)
                self.ledger.source_succeeded(source_id, entries=0, pages=1 if fetched else 0)


def _looks_like_html(content: bytes) -> bool:
    head = content[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<head" in head


__all__ = ["Follower", "Round", "SourceReport", "parse_every"]
