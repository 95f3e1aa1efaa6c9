"""Batch runs with Dask: the same pipeline, spread over workers, writing Parquet shards.

The driver lists the input files and cuts them into tasks of about
``pages_per_task`` pages: small files are grouped, a big CSV or JSON Lines table is cut into
row ranges (``PATH#rows=0-200``, ``PATH#lines=1-201``: whole records, so a quoted newline in
a CSV field never splits one) and a WARC archive into byte ranges of whole records
(``PATH#START-STOP``), each range a task. Whatever the cut, the pages, ids and errors are
those of reading each file whole. Each task runs on a Dask worker: the ordinary
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
import os
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from newsgraph.core.errors import ConfigError, NewsgraphError
from newsgraph.core.settings import Settings
from newsgraph.ingest.read import estimate_pages, expand_paths, row_range
from newsgraph.sources.inputs import is_warc, iter_inputs, plan_inputs, warc_range
from newsgraph.sources.warc import split_ranges

TABLE_CUTS = (".csv", ".jsonl", ".ndjson")  # tables a task can read a range of rows of


@dataclass(slots=True)
class TaskResult:
    part: int
    files: int
    pages_new: int = 0
    pages_unchanged: int = 0
    documents: int = 0
    errors: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0  # the worker process's CPU time for this task (seconds / cpu_seconds: how shared)


class TaskFailed(NewsgraphError):
    """A batch task that ended in an error; its files are recorded, the run goes on."""

    code = "B001"
    reason = "task_failed"


@dataclass(slots=True)
class FailedTask:
    part: int
    files: list[str]
    error: str


@dataclass(slots=True)
class BatchSummary:
    run: str = ""  # the name in this run's shard files
    tasks: list[TaskResult] = field(default_factory=list)
    failed: list[FailedTask] = field(default_factory=list)
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
    """Input files grouped into tasks of about ``pages_per_task`` pages; a table or WARC archive with more
    pages is cut into ranges of at most ``pages_per_task`` pages (about, for WARC), one task each."""
    items = expand_paths(paths, include=settings.include, exclude=settings.exclude)
    if any(str(i) == "-" for i in items):
        raise ConfigError("batch runs read files, not standard input: save the input to a file first")
    tasks: list[list[str]] = []
    current: list[str] = []
    size = 0
    for item in items:
        if is_warc(item):  # a WARC archive is cut into byte ranges of whole records, one task each
            ranges = split_ranges(Path(item), pages_per_task)
            tasks.extend([warc_range(item, start, stop)] for start, stop in ranges)
            continue
        ranges = table_ranges(item, pages_per_task, settings.max_bytes)
        if ranges:
            tasks.extend([r] for r in ranges)
            continue
        current.append(str(item))
        size += estimate_pages(item)
        if size >= pages_per_task:
            tasks.append(current)
            current, size = [], 0
    if current:
        tasks.append(current)
    return tasks


def table_ranges(item: Path | str, pages_per_task: int, max_bytes: int) -> list[str] | None:
    """A CSV or JSON Lines file of more than ``pages_per_task`` rows cut into even row ranges of at most
    that many rows (the last open-ended); None for any other input, or a file too large to be read
    (its one task reports it). The cuts only balance the tasks: any cut reads the same pages."""
    if isinstance(item, str) or item.suffix.lower() not in TABLE_CUTS or not item.is_file():
        return None
    try:
        if item.stat().st_size > max_bytes:
            return None
    except OSError:
        return None
    per_task = max(1, pages_per_task)
    csv = item.suffix.lower() == ".csv"
    # where each record starts: CSV data rows count from 0, JSON Lines lines from 1 (blank ones hold none)
    records = list(range(estimate_pages(item))) if csv else _record_lines(item)
    if len(records) <= per_task:
        return None
    parts = -(-len(records) // per_task)  # even parts of at most per_task records
    starts = [0 if csv else 1] + [records[k * len(records) // parts] for k in range(1, parts)]
    return [row_range(item, a, starts[i + 1] if i + 1 < len(starts) else None) for i, a in enumerate(starts)]


def _record_lines(path: Path) -> list[int]:
    """The numbers (from 1) of the non-blank lines of a JSON Lines file: one record each."""
    with path.open("rb") as fh:
        return [n for n, line in enumerate(fh, 1) if line.strip()]


@lru_cache(maxsize=2)
def _worker_analyzer(model: str | None, batch_size: int) -> Any:
    from newsgraph.extract.runner import Analyzer

    return Analyzer(Settings(model=model, batch_size=batch_size))


def run_name() -> str:
    """A name for one batch run, unique across runs into one folder: UTC time and a random suffix."""
    return time.strftime("%Y%m%dT%H%M%SZ", time.gmtime()) + "-" + uuid.uuid4().hex[:6]


def write_shard(table: Any, path: Path) -> None:
    """Write a Parquet file under a temporary name and rename it into place when complete."""
    import pyarrow.parquet as pq

    tmp = path.with_name(path.name + ".part")
    try:
        pq.write_table(table, tmp)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def run_task(
    files: list[str], settings_json: str, out_dir: str, part: int, published: str | None, run: str = "run"
) -> TaskResult:
    """One task on a worker: ingest ``files`` and write this task's Parquet shards (named after ``run``)."""
    import pyarrow as pa

    from newsgraph.ingest.pipeline import Pipeline
    from newsgraph.store.db import Store

    settings = Settings(**_settings_from_json(settings_json))
    started, cpu_started = time.perf_counter(), time.process_time()
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
        pipeline = Pipeline(settings, store=store, analyzer=analyzer, on_record=keep)
        pages = iter_inputs(plan_inputs(files), max_bytes=settings.max_bytes, published=published)
        summary = pipeline.ingest_pages(pages, inputs=files)
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
    write_shard(pa.Table.from_pylist(rows, schema=record_schema), out / f"records-{run}-{part:05d}.parquet")
    write_shard(pa.Table.from_pylist(errors, schema=error_schema), out / f"errors-{run}-{part:05d}.parquet")
    return TaskResult(
        part=part,
        files=len(files),
        pages_new=summary.pages_new,
        pages_unchanged=summary.pages_unchanged,
        documents=summary.documents,
        errors=len(summary.errors),
        seconds=time.perf_counter() - started,
        cpu_seconds=time.process_time() - cpu_started,
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
    task: Callable[..., TaskResult] = run_task,
) -> BatchSummary:
    """Ingest ``paths`` on a Dask cluster (local unless ``scheduler`` is given); shards go to ``out_dir``.

    ``task`` is what runs on the workers (:func:`run_task`; tests pass one that fails).
    """
    from dask.distributed import Client, LocalCluster, as_completed

    from newsgraph.store.db import Store

    out_dir.mkdir(parents=True, exist_ok=True)
    Store(settings.db).close()  # create / migrate the schema once, before the workers race for it
    tasks = plan_tasks(paths, settings, pages_per_task)
    started = time.perf_counter()
    summary = BatchSummary(run=run_name())
    settings_json = json.dumps(asdict(settings))
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        futures = {
            client.submit(task, files, settings_json, str(out_dir), part, published, summary.run, pure=False): part
            for part, files in enumerate(tasks)
        }
        for future in as_completed(futures):
            part = futures[future]
            try:
                result = future.result()
            except Exception as exc:  # a failed task costs its own files only
                failure = FailedTask(part, tasks[part], f"{type(exc).__name__}: {exc}")
                summary.failed.append(failure)
                _record_failure(settings, failure)
                result = TaskResult(part=part, files=len(tasks[part]), errors=len(tasks[part]))
            summary.tasks.append(result)
            if on_task is not None:
                on_task(result)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    summary.tasks.sort(key=lambda t: t.part)
    summary.failed.sort(key=lambda t: t.part)
    summary.shards = sorted(str(p) for p in out_dir.glob(f"*-{summary.run}-*.parquet"))
    summary.elapsed = time.perf_counter() - started
    return summary


def _record_failure(settings: Settings, failure: FailedTask) -> None:
    """One ``ingest_errors`` row per file of a failed task, so ``newsgraph errors`` lists them."""
    from newsgraph.store.db import Store

    message = f"batch task {failure.part} failed ({failure.error}); ingest these files again"
    with Store(settings.db) as store:
        for source in failure.files:
            store.record_error(source=source, code=TaskFailed.code, reason=TaskFailed.reason, message=message)
