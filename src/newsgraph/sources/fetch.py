"""The fetcher: one URL → its bytes, politely (robots.txt, per-host delay) and safely (the SSRF guard).

Built on httpx with redirects followed by hand, so that :class:`~newsgraph.sources.guard.Guard`
checks every hop (at most ``max_redirects``), and with a connection backend that resolves each
host through the guard and connects only to an address it checked. A response is streamed and cut
off at ``max_bytes`` (after decompression: gzip, deflate and, with ``brotli`` installed, br) and at
a total deadline, so an endless or slow-drip body costs at most that. 429 and 5xx answers,
timeouts and refused connections are retried with exponential backoff; a ``Retry-After`` (seconds
or an HTTP date) is honoured when it is no longer than ``max_retry_after``. A conditional GET
(``If-None-Match`` / ``If-Modified-Since`` from the last answer) that gets a 304 returns a result
with ``not_modified`` set and no body.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from newsgraph.sources.errors import (
    BadContentType,
    ConnectionFailed,
    FetchError,
    FetchTimeout,
    HTTPStatusError,
    ResponseTooLarge,
    RobotsDisallowed,
    TooManyRedirects,
)
from newsgraph.sources.guard import Guard
from newsgraph.sources.politeness import HostPacer, RobotsRules
from newsgraph.sources.settings import FetchSettings

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
FEED_TYPES = PAGE_TYPES | {
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
    "application/gzip",
    "application/x-gzip",
    "application/octet-stream",
}
ACCEPT = {
    "page": "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.5",
    "feed": "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,text/html;q=0.5",
    "robots": "text/plain",
}
ROBOTS_MAX_BYTES = 512 * 1024  # Google reads the first 500 KiB of a robots.txt


@dataclass(slots=True)
class FetchResult:
    url: str
    final_url: str
    status: int
    content: bytes = b""
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False
    elapsed: float = 0.0
    attempts: int = 1
    redirects: list[str] = field(default_factory=list)

    @property
    def media_type(self) -> str:
        return (self.content_type or "").split(";", 1)[0].strip().lower()


class _Retry(Exception):
    """A failure worth another try: carries the error to raise when the tries run out."""

    def __init__(self, error: FetchError, retry_after: float | None = None) -> None:
        super().__init__(error.message)
        self.error = error
        self.retry_after = retry_after


class GuardedBackend(httpcore.SyncBackend):
    """Resolves every host through the guard and connects only to the addresses it checked."""

    def __init__(self, guard: Guard) -> None:
        self.guard = guard

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        addresses = self.guard.resolve(host, port)
        last: Exception | None = None
        for address in addresses:
            try:
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout, OSError) as exc:
                last = exc
        assert last is not None
        raise last


class GuardedTransport(httpx.HTTPTransport):
    """httpx's transport with its connection pool on :class:`GuardedBackend`."""

    def __init__(self, guard: Guard) -> None:
        super().__init__(trust_env=False)
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(),
            network_backend=GuardedBackend(guard),
            socket_options=[(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)],
        )


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """A ``Retry-After`` header in seconds: a number, or an HTTP date from ``now``; None when absent or bad."""
    if not value:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class Fetcher:
    """Fetches URLs one at a time per host; ``transport``, ``sleep`` and ``clock`` are injectable for tests."""

    def __init__(
        self,
        settings: FetchSettings | None = None,
        *,
        guard: Guard | None = None,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.settings = settings or FetchSettings.load()
        self.guard = guard or Guard(allow_private=self.settings.allow_private)
        self.sleep = sleep
        self.clock = clock
        self.pacer = HostPacer(self.settings.delay, clock=clock, sleep=sleep)
        self.robots = RobotsRules(self._fetch_robots, self.settings.robots_agent, clock=clock)
        self.client = httpx.Client(
            transport=transport or GuardedTransport(self.guard),
            follow_redirects=False,
            trust_env=False,
            timeout=httpx.Timeout(self.settings.timeout),
            headers={"User-Agent": self.settings.agent},
        )

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def fetch(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None, kind: str = "page"
    ) -> FetchResult:
        """Fetch ``url`` (``kind``: page or feed picks the accepted content types); raises a :class:`FetchError`."""
        started = self.clock()
        headers = {"Accept": ACCEPT.get(kind, "*/*")}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        tries = self.settings.retries + 1
        for attempt in range(1, tries + 1):
            try:
                result = self._follow(url, headers, kind, robots=self.settings.obey_robots)
            except _Retry as retry:
                if attempt == tries:
                    raise retry.error from None
                wait = retry.retry_after
                if wait is None:
                    wait = self.settings.backoff * 2 ** (attempt - 1)
                elif wait > self.settings.max_retry_after:
                    raise HTTPStatusError(
                        f"{retry.error.message}; the server asks to retry after {wait:.0f} s, more than the "
                        f"{self.settings.max_retry_after:.0f} s newsgraph waits: it is retried on the next run",
                        source=url,
                        status=getattr(retry.error, "status", None),
                    ) from None
                self.sleep(wait)
                continue
            result.attempts = attempt
            result.elapsed = self.clock() - started
            return result
        raise AssertionError("unreachable: the loop returns or raises")

    # -- one try: the redirect chain --------------------------------------------------------------

    def _follow(self, url: str, headers: dict[str, str], kind: str, *, robots: bool) -> FetchResult:
        current = url
        redirects: list[str] = []
        for _hop in range(self.settings.max_redirects + 1):
            checked = self.guard.check_url(current)
            crawl_delay = None
            if robots:
                verdict = self.robots.check(current)
                if not verdict.allowed:
                    raise RobotsDisallowed(f"{current}: {verdict.why}", source=url)
                crawl_delay = verdict.crawl_delay
            with self.pacer.lock(checked.host):
                self.pacer.wait(checked.host, crawl_delay)
                result = self._request(url, current, headers, kind)
            if isinstance(result, str):
                redirects.append(result)
                current = result
                continue
            result.redirects = redirects
            return result
        raise TooManyRedirects(
            f"{url}: more than {self.settings.max_redirects} redirects (last: {current}); check the URL", source=url
        )

    def _request(self, url: str, current: str, headers: dict[str, str], kind: str) -> FetchResult | str:
        """One request: a result, or the next URL of a redirect."""
        deadline = self.clock() + self.settings.total_timeout
        try:
            with self.client.stream("GET", current, headers=headers) as response:
                status = response.status_code
                if status in REDIRECT_STATUSES:
                    location = response.headers.get("location")
                    if not location:
                        raise HTTPStatusError(f"{current}: redirect {status} without a Location", source=url)
                    return urljoin(current, location)
                if status == 304:
                    validators = _validators(response)
                    return FetchResult(url=url, final_url=current, status=304, not_modified=True, **validators)
                if status in RETRY_STATUSES:
                    error = HTTPStatusError(f"{current}: the server answered {status}", source=url, status=status)
                    raise _Retry(error, retry_after_seconds(response.headers.get("retry-after")))
                if status >= 400:
                    raise HTTPStatusError(f"{current}: the server answered {status}", source=url, status=status)
                content_type = response.headers.get("content-type")
                _check_type(url, content_type, kind)
                limit = ROBOTS_MAX_BYTES if kind == "robots" else self.settings.max_bytes
                body = self._read(response, url, limit, deadline, truncate=kind == "robots")
                return FetchResult(
                    url=url,
                    final_url=current,
                    status=status,
                    content=body,
                    content_type=content_type,
                    **_validators(response),
                )
        except httpx.TimeoutException as exc:
            error = FetchTimeout(
                f"{current}: no answer within {self.settings.timeout:g} s ({type(exc).__name__}); "
                "raise NEWSGRAPH_FETCH_TIMEOUT for slow sites",
                source=url,
            )
            raise _Retry(error) from exc
        except httpx.TransportError as exc:
            raise _Retry(ConnectionFailed(f"{current}: {type(exc).__name__}: {exc}", source=url)) from exc
        except (httpx.HTTPError, httpx.InvalidURL) as exc:  # a body that cannot be decoded, a URL httpx refuses
            raise FetchError(f"{current}: {type(exc).__name__}: {exc}", source=url) from exc

    def _read(self, response: httpx.Response, url: str, limit: int, deadline: float, *, truncate: bool) -> bytes:
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit and not truncate:
            raise ResponseTooLarge(f"{url}: {int(declared)} bytes announced, over the {limit} byte limit", source=url)
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                if truncate:
                    chunks.append(chunk[: len(chunk) - (size - limit)])
                    break
                raise ResponseTooLarge(
                    f"{url}: the body passed the {limit} byte limit while streaming; raise --max-bytes if it is a page",
                    source=url,
                )
            chunks.append(chunk)
            if self.clock() > deadline:
                raise FetchTimeout(
                    f"{url}: the body was still arriving after {self.settings.total_timeout:g} s", source=url
                )
        return b"".join(chunks)

    def _fetch_robots(self, robots_url: str) -> tuple[int, str] | None:
        try:
            result = self._follow(robots_url, {"Accept": ACCEPT["robots"]}, "robots", robots=False)
        except HTTPStatusError as exc:
            return (exc.status, "") if exc.status else None
        except _Retry as retry:
            status = getattr(retry.error, "status", None)
            return (status, "") if status else None
        except FetchError:
            return None
        return result.status, result.content.decode("utf-8", errors="replace")


def _validators(response: httpx.Response) -> dict[str, str | None]:
    return {"etag": response.headers.get("etag"), "last_modified": response.headers.get("last-modified")}


def _check_type(url: str, content_type: str | None, kind: str) -> None:
    if kind not in ("page", "feed") or not content_type:
        return
    media = content_type.split(";", 1)[0].strip().lower()
    allowed = PAGE_TYPES if kind == "page" else FEED_TYPES
    if media not in allowed and not media.endswith("+xml"):
        raise BadContentType(f"{url}: content type {media!r} is not a {kind} newsgraph reads", source=url)


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


__all__ = [
    "FEED_TYPES",
    "PAGE_TYPES",
    "FetchResult",
    "Fetcher",
    "GuardedBackend",
    "GuardedTransport",
    "host_of",
    "retry_after_seconds",
]
