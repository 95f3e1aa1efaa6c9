from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from newsgraph.core.errors import ConfigError
from newsgraph.core.settings import Settings
from newsgraph.ingest.batch import plan_tasks, run_batch
from newsgraph.store.db import Store

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("per_task", "n_tasks"), [(1, 4), (100, 1)])
def test_plan_groups_files_by_page_count(fixtures: Path, per_task: int, n_tasks: int) -> None:
    files = [str(fixtures / "pages" / n) for n in ("no_teasers.txt", "simple.html", "teasers_first.txt")]
    files.append(str(fixtures / "records.csv"))  # 2 rows
    tasks = plan_tasks(files, Settings.load(env={}), per_task)
    assert len(tasks) == n_tasks and sum(len(t) for t in tasks) == 4


def test_stdin_is_refused() -> None:
    with pytest.raises(ConfigError):
        plan_tasks(["-"], Settings.load(env={}), 10)


def test_local_cluster_run_stores_pages_and_writes_shards(fixtures: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'batch.db'}"
    inputs = [str(ROOT / "examples" / "pages" / "brics_summit.txt"), str(fixtures / "pages" / "nav_only.html")]
    summary = run_batch(inputs, tmp_path / "out", Settings.load(env={}, db=url), workers=1, pages_per_task=1)
    assert summary.pages_new == 1 and summary.errors == 1 and len(summary.tasks) == 2
    records = [r for f in sorted((tmp_path / "out").glob("records-*.parquet")) for r in pq.read_table(f).to_pylist()]
    [row] = records
    record = json.loads(row["record"])
    assert record["documents"][0]["title"].startswith("BRICS leaders")
    assert any(p["name"] == "Cyril Ramaphosa" for p in record["persons"])
    errors = [r for f in (tmp_path / "out").glob("errors-*.parquet") for r in pq.read_table(f).to_pylist()]
    assert [e["code"] for e in errors if e["severity"] == "error"] == ["R005"]
    with Store(url) as store:
        assert store.counts()["documents"] == 3
