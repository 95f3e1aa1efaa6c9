"""kill -9 during ingest, and two writers at once: nothing lost, nothing doubled, runs closed.

An ingest process is killed with SIGKILL at seeded random moments, ten times in a row on one
database; a last run completes the work. Every table then holds exactly the rows of an
uninterrupted ingest, the runs that were killed are closed as ``interrupted``, and every document
is resolved. Two processes ingesting the same pages into one database at once end the same way.
On SQLite and PostgreSQL. The ingest processes are forks of the test process, which has the
model loaded already, so a run takes a fraction of a second.
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from newsgraph.core.settings import Settings
from newsgraph.ingest.pipeline import Pipeline
from newsgraph.store.db import Store
from newsgraph.store.schema import metadata, runs
from newsgraph.store.schema_kb import kb_resolved_documents
from tests.conftest import pg_schema_url
from tests.kb_fixtures import analyzer
from tests.reliability.test_reprocess import PAGES

# What differs between runs by design: the runs themselves, and each run's own error rows.
PER_RUN = {"runs", "schema_version", "ingest_errors", "reprocess_queue", "pending_tasks"}
KILLS = 10
SEED = 20261206


@pytest.fixture(params=["sqlite", "postgresql"])
def urls(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, str, str]]:
    """Three fresh databases of one backend: an uninterrupted ingest, a timed one, the one under test."""
    if request.param == "sqlite":
        yield tuple(f"sqlite:///{tmp_path / name}.db" for name in ("clean", "timed", "test"))  # type: ignore[misc]
        return
    with pg_schema_url() as clean, pg_schema_url() as timed, pg_schema_url() as test:
        yield clean, timed, test


def ingest(url: str) -> None:
    pipeline = Pipeline(Settings.load(env={}, db=url, batch_size=1), analyzer=analyzer())
    pipeline.ingest([str(p) for p in PAGES], published="2023-08-24")
    pipeline.store.close()


def fork_ingest(url: str) -> int:
    """Start an ingest in a child process; returns its pid."""
    analyzer()  # loaded (and its facts cached) before the fork
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 1
        with contextlib.suppress(BaseException):
            ingest(url)
            code = 0
        os._exit(code)
    return pid


def wait(pid: int) -> int:
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def table_counts(url: str) -> dict[str, int]:
    with Store(url) as store, store.connect() as conn:
        return {
            t.name: int(conn.execute(select(func.count()).select_from(t)).scalar_one())
            for t in metadata.sorted_tables
            if t.name not in PER_RUN and store.engine.dialect.has_table(conn, t.name)
        }


def run_statuses(url: str) -> list[str | None]:
    with Store(url) as store, store.connect() as conn:
        return list(conn.execute(select(runs.c.status).order_by(runs.c.id)).scalars())


def test_ingest_killed_ten_times_then_completed_equals_an_uninterrupted_ingest(urls: tuple[str, str, str]) -> None:
    clean, timed, url = urls
    ingest(clean)  # in this process: the analyzer keeps the facts, so the forked runs do not parse again
    expected = table_counts(clean)
    assert expected["documents"] and expected["merged_events"] and expected["entity_links"]
    started = time.perf_counter()
    assert wait(fork_ingest(timed)) == 0
    whole = time.perf_counter() - started  # how long an uninterrupted run takes: kills land within it
    Store(url).close()  # the schema first, as `newsgraph ingest` opens it before its run
    rng = random.Random(SEED)
    for _ in range(KILLS):
        pid = fork_ingest(url)
        time.sleep(rng.uniform(0.0, whole))
        os.kill(pid, signal.SIGKILL)
        wait(pid)
    ingest(url)  # the next run completes the work
    assert table_counts(url) == expected
    statuses = run_statuses(url)
    assert statuses[-1] == "finished" and set(statuses) == {"finished", "interrupted"}  # kills landed mid-run
    with Store(url) as store, store.connect() as conn:
        assert conn.execute(select(func.count()).select_from(runs).where(runs.c.finished_at.is_(None))).scalar() == 0
        resolved = conn.execute(select(func.count()).select_from(kb_resolved_documents)).scalar_one()
    assert resolved == expected["kb_resolved_documents"] == expected["tones"]


def test_two_writers_at_once_store_each_page_once(urls: tuple[str, str, str]) -> None:
    clean, _, url = urls
    ingest(clean)
    Store(url).close()
    first, second = fork_ingest(url), fork_ingest(url)
    assert (wait(first), wait(second)) == (0, 0)
    assert table_counts(url) == table_counts(clean)
    assert run_statuses(url) == ["finished", "finished"]
