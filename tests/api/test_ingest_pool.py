"""The bounded ingest pool (newsgraph.api.ingest_pool): off the loop, refuses when full, stops on close."""

from __future__ import annotations

import asyncio
import threading

import pytest

from newsgraph.api.ingest_pool import RETRY_AFTER_S, Busy, IngestPool
from newsgraph.core.budget import check
from newsgraph.core.errors import ExtractionTimeout


def test_a_job_runs_on_a_worker_thread_and_its_result_or_error_comes_back() -> None:
    pool = IngestPool(workers=1, queue=0)

    async def main() -> tuple[str, str]:
        name = await pool.run(lambda: threading.current_thread().name)
        with pytest.raises(ValueError, match="boom"):
            await pool.run(_fail)
        return name, threading.current_thread().name

    worker, loop = asyncio.run(main())
    assert worker.startswith("newsgraph-ingest") and worker != loop
    assert pool.in_use == 0
    pool.close()


def _fail() -> None:
    raise ValueError("boom")


def test_a_full_pool_refuses_at_once_with_a_retry_delay() -> None:
    pool = IngestPool(workers=1, queue=1)
    release = threading.Event()

    async def main() -> None:
        first = asyncio.ensure_future(pool.run(release.wait, 10))
        second = asyncio.ensure_future(pool.run(release.wait, 10))
        await asyncio.sleep(0.05)
        assert pool.in_use == 2
        with pytest.raises(Busy) as refused:
            await pool.run(release.wait, 10)
        assert refused.value.retry_after == RETRY_AFTER_S and refused.value.http_status == 503
        release.set()
        assert await first and await second

    asyncio.run(main())
    assert pool.in_use == 0
    pool.close()


def test_close_stops_running_extractions_and_refuses_new_ones() -> None:
    pool = IngestPool(workers=1, queue=0)
    started, outcome = threading.Event(), {}

    def extraction() -> None:
        started.set()
        for _ in range(500):  # an extraction checking its budget between sentences
            try:
                check()
            except ExtractionTimeout as exc:
                outcome["stopped"] = exc.message
                return
            threading.Event().wait(0.01)

    async def main() -> None:
        job = asyncio.ensure_future(pool.run(extraction))
        await asyncio.get_running_loop().run_in_executor(None, started.wait, 5)
        pool.close()
        await job
        with pytest.raises(Busy):
            await pool.run(extraction)

    asyncio.run(main())
    assert "shutting down" in outcome["stopped"]
    check()  # only the pool's own jobs were stopped
