"""Politeness: robots.txt (parsed with protego) and one request per host at a time, a delay apart.

:class:`RobotsRules` keeps one parsed robots.txt per origin (scheme, host, port) for 24 hours.
What an answer means follows RFC 9309: a 4xx (no robots.txt) allows everything; a 5xx or an
unreachable server disallows everything for now (the URL is retried on a later run).

:class:`HostPacer` spaces requests to one host by the configured delay, or by the robots.txt
``Crawl-delay`` when that is longer; a lock per host keeps one request to it at a time even when
a caller fetches from several threads. Clock and sleep are injectable so tests run in no time.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from protego import Protego

# What robots.txt fetching returns: (status, body text) or None when the server was unreachable.
RobotsFetch = Callable[[str], "tuple[int, str] | None"]

# RFC 9309 §2.4: a cached robots.txt should not be used for more than 24 hours (a follow process runs for days).
ROBOTS_TTL = 24 * 3600.0
# An unreachable robots.txt (5xx, no answer) disallows the site only until it is asked again, soon.
ROBOTS_FAILURE_TTL = 15 * 60.0
# Crawl-delay values above this are capped: a site asking for hours between requests would stall
# a follow loop; at this delay a source is still read, slowly.
MAX_CRAWL_DELAY = 60.0


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


@dataclass(slots=True)
class RobotsVerdict:
    allowed: bool
    crawl_delay: float | None = None
    why: str = ""


@dataclass(slots=True)
class _Parsed:
    parser: Protego | None  # None: everything allowed (no robots.txt)
    disallow_all: bool = False
    why: str = ""
    expires_at: float = 0.0


class RobotsRules:
    """robots.txt per origin, fetched once through ``fetch`` and matched for ``agent``."""

    def __init__(
        self, fetch: RobotsFetch, agent: str, *, clock: Callable[[], float] = time.monotonic, ttl: float = ROBOTS_TTL
    ) -> None:
        self._fetch = fetch
        self._agent = agent
        self._clock = clock
        self._ttl = ttl
        self._cache: dict[str, _Parsed] = {}
        self._lock = threading.Lock()

    def check(self, url: str) -> RobotsVerdict:
        parsed = self._rules(origin_of(url))
        if parsed.disallow_all:
            return RobotsVerdict(False, why=parsed.why)
        if parsed.parser is None:
            return RobotsVerdict(True)
        allowed = parsed.parser.can_fetch(url, self._agent)
        delay = parsed.parser.crawl_delay(self._agent)
        return RobotsVerdict(
            bool(allowed),
            crawl_delay=min(float(delay), MAX_CRAWL_DELAY) if delay else None,
            why="" if allowed else f"robots.txt of {origin_of(url)} disallows it for {self._agent}",
        )

    def sitemaps(self, url: str) -> list[str]:
        """The ``Sitemap:`` lines of the origin's robots.txt."""
        parsed = self._rules(origin_of(url))
        return list(parsed.parser.sitemaps) if parsed.parser is not None else []

    def _rules(self, origin: str) -> _Parsed:
        with self._lock:
            cached = self._cache.get(origin)
        if cached is not None and self._clock() < cached.expires_at:
            return cached
        answer = self._fetch(origin + "/robots.txt")
        if answer is None:
            parsed = _Parsed(None, disallow_all=True, why=f"robots.txt of {origin} could not be fetched; retry later")
        else:
            status, body = answer
            if 200 <= status < 300:
                parsed = _Parsed(Protego.parse(body))
            elif 400 <= status < 500:
                parsed = _Parsed(None)
            else:
                parsed = _Parsed(None, disallow_all=True, why=f"robots.txt of {origin} answered {status}; retry later")
        parsed.expires_at = self._clock() + (min(self._ttl, ROBOTS_FAILURE_TTL) if parsed.disallow_all else self._ttl)
        with self._lock:
            self._cache[origin] = parsed
        return parsed


@dataclass(slots=True)
class HostPacer:
    """Spaces requests to the same host by ``delay`` seconds (or the host's longer crawl delay)."""

    delay: float
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    _last: dict[str, float] = field(default_factory=dict)
    _locks: dict[str, threading.Lock] = field(default_factory=dict)
    _guard: threading.Lock = field(default_factory=threading.Lock)

    def lock(self, host: str) -> threading.Lock:
        """The lock that keeps one request to ``host`` in flight at a time."""
        with self._guard:
            return self._locks.setdefault(host.lower(), threading.Lock())

    def wait(self, host: str, crawl_delay: float | None = None) -> float:
        """Sleep until ``host`` may be asked again; marks the request as starting now. Returns the wait."""
        key = host.lower()
        delay = max(self.delay, crawl_delay or 0.0)
        last = self._last.get(key)
        waited = 0.0
        if last is not None:
            waited = max(0.0, last + delay - self.clock())
            if waited:
                self.sleep(waited)
        self._last[key] = self.clock()
        return waited


__all__ = [
    "MAX_CRAWL_DELAY",
    "ROBOTS_FAILURE_TTL",
    "ROBOTS_TTL",
    "HostPacer",
    "RobotsRules",
    "RobotsVerdict",
    "origin_of",
]
