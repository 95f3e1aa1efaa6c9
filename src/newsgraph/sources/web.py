"""URLs → pages: fetch each one (conditional GET with the stored validators), record the fetch, read the bytes.

:class:`WebReader` is what ``newsgraph ingest https://…`` and ``newsgraph follow`` read URLs with.
A page fetched is read by the same readers as a file (HTML or text), with the final URL as its
URL and the time of the fetch as its fetch date. A 304 yields nothing and is counted as
``not_modified``; a failure yields its :class:`~newsgraph.sources.errors.FetchError`, which the
pipeline records in ``ingest_errors`` (``newsgraph errors``) like any unreadable input.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

from newsgraph.core.errors import ReadError
from newsgraph.core.model import RawPage
from newsgraph.ingest.read import PageOrError, read_bytes
from newsgraph.sources.errors import FetchError
from newsgraph.sources.fetch import Fetcher, FetchResult
from newsgraph.sources.ledger import Ledger

URL_PREFIXES = ("http://", "https://")


def is_url(text: str) -> bool:
    return text.strip().lower().startswith(URL_PREFIXES)


def read_url_list(lines: Iterable[str]) -> list[str]:
    """The URLs of a URL list: one per line; blank lines and ``#`` comments skipped."""
    out: list[str] = []
    for line in lines:
        text = line.strip()
        if text and not text.startswith("#"):
            out.append(text)
    return out


@dataclass(slots=True)
class FetchCounts:
    fetched: int = 0
    not_modified: int = 0
    failed: int = 0
    failures: list[str] = field(default_factory=list)

    def line(self) -> str:
        """What a run says about its fetches: ``fetched 3 pages, 2 not modified, 1 failed``."""
        text = f"fetched {self.fetched} new page{'s' if self.fetched != 1 else ''}"
        if self.not_modified:
            text += f", {self.not_modified} not modified since the last run (conditional GET)"
        if self.failed:
            text += f", {self.failed} failed"
        return text


class WebReader:
    def __init__(self, fetcher: Fetcher, ledger: Ledger | None = None) -> None:
        self.fetcher = fetcher
        self.ledger = ledger
        self.counts = FetchCounts()

    def close(self) -> None:
        self.fetcher.close()

    def fetch(self, url: str, *, kind: str = "page", source_id: int | None = None) -> FetchResult:
        """Fetch with the stored validators and record the outcome; raises the :class:`FetchError`."""
        known = self.ledger.validators(url) if self.ledger is not None else None
        try:
            result = self.fetcher.fetch(
                url,
                etag=known.etag if known else None,
                last_modified=known.last_modified if known else None,
                kind=kind,
            )
        except FetchError as exc:
            if self.ledger is not None:
                self.ledger.record_fetch(
                    url, outcome=exc.reason, status=getattr(exc, "status", None), error=exc, source_id=source_id
                )
            raise
        if self.ledger is not None:
            self.ledger.record_fetch(
                url,
                outcome="not_modified" if result.not_modified else "fetched",
                final_url=result.final_url,
                status=result.status,
                size=len(result.content),
                content_type=result.content_type,
                elapsed=result.elapsed,
                source_id=source_id,
            )
            if not result.not_modified and (result.etag or result.last_modified):
                digest = hashlib.sha256(result.content).hexdigest()
                self.ledger.save_validators(url, result.etag, result.last_modified, digest)
        return result

    def read_url(
        self, url: str, *, max_bytes: int, published: str | None = None, source_id: int | None = None
    ) -> Iterator[PageOrError]:
        """The pages of one URL (none when not modified), or the error that stopped it."""
        try:
            result = self.fetch(url, source_id=source_id)
        except FetchError as exc:
            self.counts.failed += 1
            self.counts.failures.append(exc.message)
            yield exc
            return
        except Exception as exc:  # a fetcher bug must not end the run: report it for this URL
            self.counts.failed += 1
            error = FetchError(f"{url}: unexpected {type(exc).__name__}: {exc}; please report this URL", source=url)
            self.counts.failures.append(error.message)
            yield error
            return
        if result.not_modified:
            self.counts.not_modified += 1
            return
        self.counts.fetched += 1
        yield from pages_of(result, max_bytes=max_bytes, published=published)

    def read_urls(self, urls: Iterable[str], *, max_bytes: int, published: str | None = None) -> Iterator[PageOrError]:
        for url in urls:
            yield from self.read_url(url, max_bytes=max_bytes, published=published)


def pages_of(result: FetchResult, *, max_bytes: int, published: str | None = None) -> Iterator[PageOrError]:
    """Read a fetched body like a file: HTML by its content type or its look, else text."""
    suffix = ".html" if result.media_type in ("text/html", "application/xhtml+xml") else ""
    fetched_at = datetime.now(UTC)
    for item in read_bytes(result.content, result.url, suffix, max_bytes, published):
        if isinstance(item, RawPage):
            item.url = result.final_url
            item.fetched_at = fetched_at
            item.meta["http_status"] = result.status
            if result.final_url != result.url:
                item.meta["requested_url"] = result.url
        elif isinstance(item, ReadError) and item.source is None:
            item.source = result.url
        yield item


__all__ = ["URL_PREFIXES", "FetchCounts", "WebReader", "is_url", "pages_of", "read_url_list"]
