"""Batch runs with Dask: the same pipeline, spread over workers, writing Parquet shards.

The driver lists the input files and cuts them into tasks of about
``pages_per_task`` pages. Each task runs on a Dask worker: the ordinary
:class:`~newsgraph.ingest.pipeline.Pipeline` (read → segment → parse + extract →
store) over its files, into the shared database, and writes two Parquet
shards to ``out_dir``: ``records-NNNNN.parquet`` (one row per stored page:
page id, source, published, the OUTPUT.md record as JSON) and
``errors-NNNNN.parquet`` (one row per input that failed, with its reason).
The NLP model is loaded once per worker process, not per task.

Locally, ``LocalCluster(n_workers=N, threads_per_worker=1)`` is started; with
``scheduler="tcp://host:8786"`` the same code runs on a real cluster, whose
workers need newsgraph installed and access to the input paths and the
database (use PostgreSQL there: SQLite serialises writers on one machine).
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from newsgraph.core.errors import ConfigError
from newsgraph.core.settings import Settings
from newsgraph.ingest.read import estimate_pages, expand_paths


@dataclass(slots=True)
class TaskResult:
    part: int
    files: int
    pages_new: int = 0
    pages_unchanged: int = 0
    documents: int = 0
    errors: int = 0
    seconds: float = 0.0


@dataclass(slots=True)
class BatchSummary:
    tasks: list[TaskResult] = field(default_factory=list)
    shards: list[str] = field(default_factory=list)
    elapsed: float = 0.0

    @property
    def pages_new(self) -> int:
        return sum(t.pages_new for t in self.tasks)

    @property
    def pages_unchanged(self) -> int:
        return sum(t.pages_unchanged for t in self.tasks)

    @property
    def documents(self) -> int:
        return sum(t.documents for t in self.tasks)

    @property
    def errors(self) -> int:
        return sum(t.errors for t in self.tasks)


def plan_tasks(paths: Sequence[str], settings: Settings, pages_per_task: int) -> list[list[str]]:
    """Input files grouped into tasks of about ``pages_per_task`` pages (a big table is one task)."""
    items = expand_paths(paths, include=settings.include, exclude=settings.exclude)
    if any(str(i) == "-" for i in items):
        raise ConfigError("batch runs read files, not standard input: save the input to a file first")
    tasks: list[list[str]] = []
    current: list[str] = []
    size = 0
    for item in items:
        current.append(str(item))
        size += estimate_pages(item)
        if size >= pages_per_task:
            tasks.append(current)
            current, size = [], 0
    if current:
        tasks.append(current)
    return tasks


@lru_cache(maxsize=2)
def _worker_analyzer(model: str | None, batch_size: int) -> Any:
    from newsgraph.extract.runner import Analyzer

    return Analyzer(Settings(model=model, batch_size=batch_size))


def run_task(files: list[str], settings_json: str, out_dir: str, part: int, published: str | None) -> TaskResult:
    """One task on a worker: ingest ``files`` and write this task's Parquet shards."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from newsgraph.ingest.pipeline import Pipeline
    from newsgraph.store.db import Store

    settings = Settings(**_settings_from_json(settings_json))
    started = time.perf_counter()
    analyzer = _worker_analyzer(settings.model, settings.batch_size) if settings.extract else None
    rows: list[dict[str, Any]] = []

    def keep(raw: Any, seg: Any, record: dict[str, Any]) -> None:
        rows.append(
            {
                "page_id": seg.page_id,
                "source": raw.source,
                "published": seg.main.published,
                "documents": len(seg.documents),
                "record": json.dumps(record, ensure_ascii=False),
            }
        )

    with Store(settings.db) as store:
        summary = Pipeline(settings, store=store, analyzer=analyzer, on_record=keep).ingest(files, published=published)
    errors = [
        {"source": e.source, "code": e.code, "message": e.message, "severity": "error"} for e in summary.errors
    ] + [{"source": w.source, "code": w.code, "message": w.message, "severity": "warning"} for w in summary.warnings]
    out = Path(out_dir)
    record_schema = pa.schema(
        [
            ("page_id", pa.string()),
            ("source", pa.string()),
            ("published", pa.string()),
            ("documents", pa.int32()),
            ("record", pa.string()),
        ]
    )
    error_schema = pa.schema([(k, pa.string()) for k in ("source", "code", "message", "severity")])
    pq.write_table(pa.Table.from_pylist(rows, schema=record_schema), out / f"records-{part:05d}.parquet")
    pq.write_table(pa.Table.from_pylist(errors, schema=error_schema), out / f"errors-{part:05d}.parquet")
    return TaskResult(
        part=part,
        files=len(files),
        pages_new=summary.pages_new,
        pages_unchanged=summary.pages_unchanged,
        documents=summary.documents,
        errors=len(summary.errors),
        seconds=time.perf_counter() - started,
    )


def _settings_from_json(text: str) -> dict[str, Any]:
    data = json.loads(text)
    for key in ("include", "exclude"):
        data[key] = tuple(data.get(key) or ())
    return data


def run_batch(
    paths: Sequence[str],
    out_dir: Path,
    settings: Settings,
    *,
    workers: int = 2,
    pages_per_task: int = 200,
    scheduler: str | None = None,
    published: str | None = None,
    on_task: Any = None,
) -> BatchSummary:
    """Ingest ``paths`` on a Dask cluster (local unless ``scheduler`` is given); shards go to ``out_dir``."""
    from dask.distributed import Client, LocalCluster, as_completed

    from newsgraph.store.db import Store

    out_dir.mkdir(parents=True, exist_ok=True)
    Store(settings.db).close()  # create / migrate the schema once, before the workers race for it
    tasks = plan_tasks(paths, settings, pages_per_task)
    started = time.perf_counter()
    summary = BatchSummary()
    settings_json = json.dumps(asdict(settings))
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        futures = [
            client.submit(run_task, files, settings_json, str(out_dir), part, published, pure=False)
            for part, files in enumerate(tasks)
        ]
        for future in as_completed(futures):
            result = future.result()
            summary.tasks.append(result)
            if on_task is not None:
                on_task(result)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    summary.tasks.sort(key=lambda t: t.part)
    summary.shards = sorted(str(p) for p in out_dir.glob("*.parquet"))
    summary.elapsed = time.perf_counter() - started
    return summary
