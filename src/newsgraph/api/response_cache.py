"""Rendered responses reused until the database changes: pure ASGI middleware in front of the app.

A ``GET`` of a page or of an API read (:data:`CACHED_PREFIXES`) is answered from memory when the
same request (method, path, query string, ``Host``) was answered ``200`` at the same database
*version* (:func:`newsgraph.api.cache.version`: the largest ids of runs, stances and events, one
index lookup each, read before every request). A hit skips routing, dependency injection,
validation, Jinja rendering and the queries: the stored body and headers are sent as they were.

Never cached: other methods, requests carrying ``Authorization`` or ``Cookie`` (per-user), paths
outside :data:`CACHED_PREFIXES` (exports, ingest jobs, static files, the docs), any status but
``200``, responses that set a cookie, say ``Cache-Control: no-store`` or ``private``, carry a
``Vary``, are not HTML or JSON, or exceed :data:`MAX_BODY` bytes. The version is read before the
app runs, so a page computed while a write lands is stored under the old version and never served.

Each stored response gets a strong ``ETag`` (a hash of its body); a request whose ``If-None-Match``
names it is answered ``304 Not Modified`` without a body.

Reading the version through the app's pool costs ~250 µs (a worker thread, a pooled connection, three
lookups): half of a hit. On an SQLite file, :class:`SqliteWatch` first asks ``PRAGMA data_version`` on a
connection of its own (a few µs, on the event loop): it changes whenever any other connection, in this
process or another, commits; only then is the version read again. PostgreSQL reads it every time.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any

import anyio.to_thread
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsgraph.api.cache import version

# The pages and API reads whose answer depends only on the request and the database.
CACHED_PREFIXES = (
    "/articles/",
    "/entities",
    "/stances",
    "/timeline",
    "/network",
    "/search",
    "/api/articles",
    "/api/search",
    "/api/entities",
    "/api/events",
    "/api/quotes",
    "/api/amounts",
    "/api/stances",
    "/api/voices",
)
CACHED_PATHS = frozenset({"/", "/api"})
ENTRIES = 1024
MAX_BODY = 2 * 1024 * 1024  # bytes of one stored body
MAX_TOTAL = 96 * 1024 * 1024  # bytes of all stored bodies
_SKIPPED_HEADERS = frozenset({b"set-cookie", b"vary"})
# Headers a 304 repeats from the response it stands for (RFC 9110 15.4.5), besides the security headers.
_NOT_MODIFIED_DROPS = frozenset({b"content-length", b"content-type"})


@dataclass(frozen=True, slots=True)
class Stored:
    version: Hashable
    status: int
    headers: tuple[tuple[bytes, bytes], ...]
    body: bytes
    etag: bytes


def cacheable_request(scope: Scope) -> bool:
    """A ``GET`` of a cached path without credentials."""
    if scope["type"] != "http" or scope["method"] != "GET":
        return False
    path = scope["path"]
    if path not in CACHED_PATHS and not path.startswith(CACHED_PREFIXES):
        return False
    return not any(name in (b"authorization", b"cookie") for name, _ in scope["headers"])


def cacheable_response(status: int, headers: list[tuple[bytes, bytes]]) -> bool:
    """A ``200`` HTML or JSON answer that is the same for every reader."""
    if status != 200:
        return False
    for name, value in headers:
        low = name.lower()
        if low in _SKIPPED_HEADERS:
            return False
        if low == b"cache-control" and (b"no-store" in value or b"private" in value):
            return False
        if low == b"content-type" and not value.startswith((b"text/html", b"application/json")):
            return False
    return True


def etag_of(body: bytes) -> bytes:
    return b'"' + hashlib.blake2b(body, digest_size=16).hexdigest().encode() + b'"'


def _header(scope: Scope, name: bytes) -> bytes | None:
    for key, value in scope["headers"]:
        if key == name:
            return bytes(value)
    return None


def _matches(if_none_match: bytes | None, etag: bytes) -> bool:
    if not if_none_match:
        return False
    tags = [t.strip().removeprefix(b"W/") for t in if_none_match.split(b",")]
    return etag in tags or b"*" in tags


class Responses:
    """The stored answers, least recently used dropped first (:data:`ENTRIES`, :data:`MAX_TOTAL`); thread-safe."""

    def __init__(self, *, entries: int = ENTRIES, max_total: int = MAX_TOTAL) -> None:
        self.entries = entries
        self.max_total = max_total
        self._items: OrderedDict[Hashable, Stored] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key: Hashable, current: Hashable) -> Stored | None:
        """The answer stored for ``key`` at version ``current``, if any."""
        with self._lock:
            entry = self._items.get(key)
            if entry is None or entry.version != current:
                self.misses += 1
                return None
            self._items.move_to_end(key)
            self.hits += 1
            return entry

    def put(self, key: Hashable, entry: Stored) -> None:
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._bytes -= len(old.body)
            self._items[key] = entry
            self._bytes += len(entry.body)
            while self._items and (len(self._items) > self.entries or self._bytes > self.max_total):
                _, dropped = self._items.popitem(last=False)
                self._bytes -= len(dropped.body)

    def __len__(self) -> int:
        return len(self._items)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._bytes = 0


class ResponseCache:
    """ASGI middleware answering from :class:`Responses` (its own unless one is given)."""

    def __init__(self, app: ASGIApp, *, responses: Responses | None = None) -> None:
        self.app = app
        self.responses = responses if responses is not None else Responses()
        self._watch: SqliteWatch | None = None
        self._watch_of: Any = None  # the store the watch is for

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not cacheable_request(scope):
            await self.app(scope, receive, send)
            return
        current = await self._current(scope["app"].state.store)
        key = (scope["path"], scope["query_string"], _header(scope, b"host"))
        entry = self.responses.get(key, current)
        if entry is not None:
            await _send(entry, _header(scope, b"if-none-match"), send)
            return
        await self._compute(scope, receive, send, key, current)

    async def _current(self, store: Any) -> Hashable:
        """The database's version: from the SQLite watch while ``data_version`` stands still, else read."""
        if self._watch is None or self._watch_of is not store:
            self._watch_of, self._watch = store, sqlite_watch(store)
        watch = self._watch
        if watch is None:
            return await anyio.to_thread.run_sync(_version, store)
        moved = watch.data_version()
        known = watch.current(moved)
        if known is not None:
            return known
        value = await anyio.to_thread.run_sync(_version, store)
        watch.remember(moved, value)
        return value

    async def _compute(self, scope: Scope, receive: Receive, send: Send, key: Hashable, current: Hashable) -> None:
        """Run the app; hold back a cacheable answer until its body is complete, then store and send it."""
        start: Message | None = None
        chunks: list[bytes] = []
        size = 0
        passing = False  # the answer goes out as the app sends it

        async def capture(message: Message) -> None:
            nonlocal start, size, passing
            if passing:
                await send(message)
                return
            if message["type"] == "http.response.start":
                if cacheable_response(message["status"], list(message.get("headers", []))):
                    start = message
                    return
                passing = True
                await send(message)
                return
            if message["type"] != "http.response.body" or start is None:
                await send(message)
                return
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > MAX_BODY:  # too big to keep: out as it comes
                passing = True
                await send(start)
                await send({"type": "http.response.body", "body": b"".join(chunks), "more_body": True})
                if not message.get("more_body", False):
                    await send({"type": "http.response.body", "body": b""})
                return
            if message.get("more_body", False):
                return
            body = b"".join(chunks)
            etag = etag_of(body)
            kept = tuple((k, v) for k, v in start.get("headers", []) if k.lower() != b"etag")
            entry = Stored(current, int(start["status"]), (*kept, (b"etag", etag)), body, etag)
            self.responses.put(key, entry)
            await _send(entry, _header(scope, b"if-none-match"), send)

        await self.app(scope, receive, capture)


def _version(store: Any) -> Hashable:
    with store.connect() as conn:
        return version(conn)


class SqliteWatch:
    """The database version of an SQLite file, read again only when ``PRAGMA data_version`` moved.

    The pragma is asked on a connection of this object's own, which never writes: its value changes
    after any commit by any other connection. It is read *before* the version, so a stored pair is never
    older than its ``data_version``. :meth:`current` returns None when the pragma cannot answer now (the
    file locked by a writer outside WAL mode, or gone): the caller then reads the version as usual.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.Lock()
        self._seen: tuple[int, Hashable] | None = None

    def data_version(self) -> int | None:
        with self._lock:
            try:
                if self._conn is None:  # never writes; timeout 0: a locked file answers None at once
                    self._conn = sqlite3.connect(self.path, timeout=0, check_same_thread=False)
                return int(self._conn.execute("PRAGMA data_version").fetchone()[0])
            except sqlite3.Error:
                return None

    def current(self, data_version: int | None) -> Hashable | None:
        """The version last read at ``data_version``, if it is still that."""
        seen = self._seen
        if data_version is None or seen is None or seen[0] != data_version:
            return None
        return seen[1]

    def remember(self, data_version: int | None, value: Hashable) -> None:
        if data_version is not None:
            self._seen = (data_version, value)

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None


def sqlite_watch(store: Any) -> SqliteWatch | None:
    """A :class:`SqliteWatch` for the store's database when it is an SQLite file."""
    url = store.engine.url
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return SqliteWatch(url.database)


async def _send(entry: Stored, if_none_match: bytes | None, send: Send) -> None:
    if _matches(if_none_match, entry.etag):
        headers = [(k, v) for k, v in entry.headers if k.lower() not in _NOT_MODIFIED_DROPS]
        await send({"type": "http.response.start", "status": 304, "headers": headers})
        await send({"type": "http.response.body", "body": b""})
        return
    await send({"type": "http.response.start", "status": entry.status, "headers": list(entry.headers)})
    await send({"type": "http.response.body", "body": entry.body})


__all__ = [
    "CACHED_PATHS",
    "CACHED_PREFIXES",
    "MAX_BODY",
    "ResponseCache",
    "Responses",
    "SqliteWatch",
    "Stored",
    "cacheable_request",
    "cacheable_response",
    "etag_of",
    "sqlite_watch",
]
