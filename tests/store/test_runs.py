"""Runs and their liveness (newsgraph.store.runs): a killed run is closed as interrupted, a live one is not."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update

from newsgraph.store.db import Store
from newsgraph.store.runs import STALE_AFTER, host_name
from newsgraph.store.schema import runs


def dead_pid() -> int:
    """The id of a process that has ended."""
    proc = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, check=True)
    return int(proc.stdout)


def test_only_the_runs_whose_process_is_gone_are_closed_as_interrupted(any_db_url: str) -> None:
    stale = datetime.now(UTC) - STALE_AFTER - timedelta(minutes=1)
    with Store(any_db_url) as store:
        ids = {name: store.start_run([name]) for name in ("killed", "alive", "far", "far_silent", "legacy")}
        with store.engine.begin() as conn:
            conn.execute(update(runs).where(runs.c.id == ids["killed"]).values(pid=dead_pid()))
            conn.execute(update(runs).where(runs.c.id == ids["far"]).values(host="elsewhere", pid=1))
            far_silent = {"host": "elsewhere", "pid": 1, "heartbeat_at": stale}
            conn.execute(update(runs).where(runs.c.id == ids["far_silent"]).values(**far_silent))
            legacy = {"host": None, "pid": None, "heartbeat_at": None, "status": None, "started_at": stale}
            conn.execute(update(runs).where(runs.c.id == ids["legacy"]).values(**legacy))
        new = store.start_run(["next"])
        store.heartbeat(new)
        store.finish_run(new, pages_=1, documents_=2, errors_=0)
        with store.connect() as conn:
            status = dict(conn.execute(select(runs.c.id, runs.c.status)).all())
            unfinished = set(conn.execute(select(runs.c.id).where(runs.c.finished_at.is_(None))).scalars())
    assert {name: status[i] for name, i in ids.items()} == {
        "killed": "interrupted",
        "alive": "running",  # this very process
        "far": "running",  # another machine, beating recently
        "far_silent": "interrupted",
        "legacy": "interrupted",
    }
    assert status[new] == "finished" and unfinished == {ids["alive"], ids["far"]}


def test_a_run_records_its_process_and_machine(db_url: str) -> None:
    with Store(db_url) as store:
        run_id = store.start_run(["x"])
        with store.connect() as conn:
            row = conn.execute(select(runs).where(runs.c.id == run_id)).one()
    assert (row.pid, row.host, row.status) == (os.getpid(), host_name(), "running") and row.heartbeat_at
