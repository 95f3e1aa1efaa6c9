"""The bounded pool that runs ``POST /api/ingest`` off the event loop.

Reading, parsing, extraction and storage of a posted page run on ``workers`` threads of their own,
never on the event loop, so every other request (lists, pages, static files) keeps answering while
a page is being extracted. At most ``workers + queue`` ingests are accepted at a time; one more is
refused at once with :class:`Busy` (503 and ``Retry-After``) instead of piling up. :meth:`close`
(the server's shutdown) asks running extractions to stop at their next budget check
(:func:`newsgraph.core.budget.stop_on`: the pool's own jobs only) and drops the queued ones, so SIGTERM ends the server
in seconds, not when a pathological page is done.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from newsgraph.core.budget import stop_on
from newsgraph.core.errors import NewsgraphError

T = TypeVar("T")

# One extraction at a time per process: the analyzer is not thread-safe, and on a small server a
# second one would only halve the speed of both. Four more may wait.
DEFAULT_WORKERS = 1
DEFAULT_QUEUE = 4
# Seconds a refused client is told to wait: about one page's extraction.
RETRY_AFTER_S = 5


class Busy(NewsgraphError):
    """Every ingest slot is taken; the client should retry after ``retry_after`` seconds."""

    code = "A503"
    reason = "busy"
    http_status = 503

    def __init__(self, message: str, *, retry_after: int = RETRY_AFTER_S) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class IngestPool:
    """``workers`` threads and ``queue`` waiting places for ingests."""

    def __init__(self, workers: int = DEFAULT_WORKERS, queue: int = DEFAULT_QUEUE) -> None:
        self.capacity = workers + queue
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="newsgraph-ingest")
        self._closed = False
        self._lock = threading.Lock()
        self._in_use = 0
        self._stop = threading.Event()  # set by close(): the running jobs' budget checks fail

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        """Run ``fn(*args)`` on a worker thread and wait for it; :class:`Busy` when no slot is free."""
        if self._closed or not self._take():
            raise Busy(
                f"the server is busy ingesting ({self.capacity} pages running or waiting); "
                f"retry in {RETRY_AFTER_S} s (see the Retry-After header)"
            )
        try:
            future = self._executor.submit(self._job, fn, *args)
        except RuntimeError:  # shut down meanwhile
            self._give()
            raise Busy("the server is shutting down; retry on its next start") from None
        future.add_done_callback(lambda _f: self._give())  # a request cancelled meanwhile keeps its slot till done
        return await asyncio.wrap_future(future)

    def _job(self, fn: Callable[..., T], *args: Any) -> T:
        with stop_on(self._stop):
            return fn(*args)

    @property
    def in_use(self) -> int:
        """Ingests running or waiting now."""
        return self._in_use

    def _take(self) -> bool:
        with self._lock:
            if self._in_use >= self.capacity:
                return False
            self._in_use += 1
            return True

    def _give(self) -> None:
        with self._lock:
            self._in_use -= 1

    def close(self) -> None:
        """Stop: running extractions end at their next check, waiting ingests are dropped."""
        self._closed = True
        self._stop.set()
        self._executor.shutdown(wait=False, cancel_futures=True)


__all__ = ["DEFAULT_QUEUE", "DEFAULT_WORKERS", "RETRY_AFTER_S", "Busy", "IngestPool"]
