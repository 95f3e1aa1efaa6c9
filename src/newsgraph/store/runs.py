"""Ingest runs and who is running them: a run that was killed is closed as ``interrupted``.

A run row records the process that runs it (``pid``, ``host``; revision 0003) and a ``heartbeat_at`` the
pipeline renews after every batch. When a run starts, the runs left unfinished are looked at
(:func:`close_interrupted`): one is taken as dead, and closed with ``status = 'interrupted'``,
when its process is gone from this machine, or when its heartbeat is older than
:data:`STALE_AFTER` (a run on another machine, or a process id that was reused). A run that is
really still going keeps beating and is left alone.
"""

from __future__ import annotations

import json
import os
import socket
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.engine import Connection

from newsgraph.store.schema import now, runs

# A run renews its heartbeat after every batch (seconds apart; a slow batch of 32 documents with
# per-document budgets takes a few minutes at most), so half an hour of silence means it is dead.
STALE_AFTER = timedelta(minutes=30)


def host_name() -> str:
    return socket.gethostname()[:255]


def start_run(conn: Connection, inputs: list[str]) -> int:
    """A new run of this process, running now."""
    stamp = now()
    values = {"started_at": stamp, "inputs": json.dumps(inputs), "status": "running", "heartbeat_at": stamp}
    result = conn.execute(runs.insert().values(**values, pid=os.getpid(), host=host_name()))
    return int(result.inserted_primary_key[0])


def beat(conn: Connection, run_id: int) -> None:
    """Renew the run's heartbeat: it is still going."""
    conn.execute(update(runs).where(runs.c.id == run_id).values(heartbeat_at=now()))


def finish_run(conn: Connection, run_id: int, **counts: int) -> None:
    conn.execute(update(runs).where(runs.c.id == run_id).values(finished_at=now(), status="finished", **counts))


def _process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: it exists
        return True
    except OSError:
        return False
    return True


def _aware(moment: datetime | None) -> datetime | None:
    """SQLite gives timestamps back without their zone; they were written in UTC."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)


def is_dead(row: Any, *, at: datetime, host: str) -> bool:
    """Whether an unfinished run's process is gone (see the module's docstring)."""
    last = _aware(row.heartbeat_at) or _aware(row.started_at)
    if last is None or at - last > STALE_AFTER:
        return True
    return row.host == host and row.pid is not None and not _process_exists(int(row.pid))


def close_interrupted(conn: Connection) -> list[int]:
    """Close the unfinished runs whose process is gone as ``interrupted``; returns their ids."""
    at, host = datetime.now(UTC), host_name()
    rows = conn.execute(select(runs).where(runs.c.finished_at.is_(None))).all()
    dead = [r.id for r in rows if is_dead(r, at=at, host=host)]
    if dead:
        conn.execute(update(runs).where(runs.c.id.in_(dead)).values(finished_at=now(), status="interrupted"))
    return dead


__all__ = [
    "STALE_AFTER",
    "beat",
    "close_interrupted",
    "finish_run",
    "host_name",
    "is_dead",
    "start_run",
]
