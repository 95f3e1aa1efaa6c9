from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from newsgraph.core.errors import ConfigError
from newsgraph.core.settings import Settings
from newsgraph.ingest.batch import TaskFailed, plan_tasks, run_batch, run_task
from newsgraph.store.db import Store

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("per_task", "n_tasks", "n_items"), [(1, 5, 5), (2, 2, 4), (100, 1, 4)])
def test_plan_groups_files_by_page_count(fixtures: Path, per_task: int, n_tasks: int, n_items: int) -> None:
    files = [str(fixtures / "pages" / n) for n in ("no_teasers.txt", "simple.html", "teasers_first.txt")]
    files.append(str(fixtures / "records.csv"))  # 2 rows: two ranges of one row with one page a task
    tasks = plan_tasks(files, Settings.load(env={}), per_task)
    assert len(tasks) == n_tasks and sum(len(t) for t in tasks) == n_items


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


def test_a_second_run_into_the_same_folder_keeps_the_first_runs_shards(fixtures: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'batch.db'}"
    inputs = [str(ROOT / "examples" / "pages" / "brics_summit.txt")]
    settings = Settings.load(env={}, db=url)  # with extraction: only extracted pages have records
    first = run_batch(inputs, tmp_path / "out", settings, workers=1)
    second = run_batch(inputs, tmp_path / "out", settings, workers=1)  # everything unchanged: empty shards
    assert first.run != second.run and len(first.shards) == len(second.shards) == 2
    assert not set(first.shards) & set(second.shards)
    assert sorted(str(p) for p in (tmp_path / "out").iterdir()) == sorted(first.shards + second.shards)
    [records] = [f for f in first.shards if "records-" in f]
    assert pq.read_table(records).num_rows == 1  # not overwritten by the second run's empty shard
    assert second.pages_unchanged == 1


def fails_on_part_one(files: list[str], settings_json: str, out: str, part: int, published: Any, run: str) -> Any:
    """A worker task that fails for the task numbered 1, like a worker killed midway."""
    if part == 1:
        raise RuntimeError("worker lost")
    return run_task(files, settings_json, out, part, published, run)


def test_a_failed_task_is_recorded_and_the_others_finish(fixtures: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'batch.db'}"
    inputs = [str(ROOT / "examples" / "pages" / "brics_summit.txt"), str(fixtures / "pages" / "no_teasers.txt")]
    settings = Settings.load(env={}, db=url, extract=False)
    summary = run_batch(inputs, tmp_path / "out", settings, workers=1, pages_per_task=1, task=fails_on_part_one)
    assert [(f.part, f.files) for f in summary.failed] == [(1, [inputs[1]])]
    assert "worker lost" in summary.failed[0].error
    assert len(summary.tasks) == 2 and summary.pages_new == 1 and summary.errors == 1
    assert not any("-00001.parquet" in s for s in summary.shards)
    with Store(url) as store:
        [row] = [e for e in store.errors() if e["code"] == TaskFailed.code]
        assert row["source"] == inputs[1] and "ingest these files again" in row["message"]


def test_a_warc_archive_is_split_into_record_ranges_read_by_separate_tasks(tmp_path: Path) -> None:
    from dataclasses import asdict

    from tests.sources.test_warc import page_html, write_warc

    archive = tmp_path / "crawl.warc.gz"
    write_warc(archive, [page_html(i) for i in range(6)])  # 18 records: request, response, metadata per page
    tasks = plan_tasks([str(archive)], Settings.load(env={}), 2)  # 2 pages a task
    assert [len(t) for t in tasks] == [1, 1, 1] and all("#" in t[0] for t in tasks)
    url = f"sqlite:///{tmp_path / 'batch.db'}"
    settings_json = json.dumps(asdict(Settings.load(env={}, db=url, extract=False)))
    (tmp_path / "out").mkdir()
    results = [run_task(t, settings_json, str(tmp_path / "out"), i, None) for i, t in enumerate(tasks)]
    assert [r.pages_new for r in results] == [2, 2, 2] and sum(r.errors for r in results) == 0
    with Store(url) as store:
        assert store.counts()["documents"] == 6


def snapshot(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """What a run leaves in the database, in an order that does not depend on the order of the tasks."""
    from sqlalchemy import select

    from newsgraph.store.schema import documents, ingest_errors, page_documents, pages

    with Store(url) as store, store.engine.connect() as conn:
        return {
            "pages": sorted(tuple(r) for r in conn.execute(select(pages.c.id, pages.c.source, pages.c.published))),
            "documents": sorted(
                tuple(r) for r in conn.execute(select(documents.c.id, documents.c.title, documents.c.body))
            ),
            "links": sorted(
                tuple(r) for r in conn.execute(select(page_documents.c.page_id, page_documents.c.document_id))
            ),
            "errors": sorted(
                tuple(r)
                for r in conn.execute(select(ingest_errors.c.source, ingest_errors.c.code, ingest_errors.c.message))
            ),
        }


def table_inputs(folder: Path, kind: str) -> Path:
    """A 9-page input of ``kind``: CSV rows with quoted newlines, JSON Lines with a broken line, or a WARC."""
    from tests.ingest.read.test_table import write_csv, write_jsonl
    from tests.sources.test_warc import page_html, write_warc

    if kind == "csv":
        return write_csv(folder / "board.csv", 10)  # row 4 has no text, row 6 a stray field
    if kind == "jsonl":
        return write_jsonl(folder / "board.jsonl", 12)  # a blank, a broken and a non-object line
    archive = folder / "crawl.warc.gz"
    write_warc(archive, [page_html(i) for i in range(9)])
    return archive


def run_tasks(tasks: list[list[str]], url: str, out: Path) -> None:
    from dataclasses import asdict

    out.mkdir(exist_ok=True)
    settings_json = json.dumps(asdict(Settings.load(env={}, db=url, extract=False)))
    for part, files in enumerate(tasks):
        run_task(files, settings_json, str(out), part, None)


@pytest.mark.parametrize("kind", ["csv", "jsonl", "warc"])
def test_one_file_cut_into_ranges_stores_what_one_task_stores(tmp_path: Path, kind: str) -> None:
    source = table_inputs(tmp_path, kind)
    tasks = plan_tasks([str(source)], Settings.load(env={}), 2)
    assert len(tasks) >= 4 and all(len(t) == 1 and "#" in t[0] for t in tasks)
    whole, cut = f"sqlite:///{tmp_path / 'whole.db'}", f"sqlite:///{tmp_path / 'cut.db'}"
    run_tasks([[str(source)]], whole, tmp_path / "out-whole")
    run_tasks(tasks, cut, tmp_path / "out-cut")
    expected = snapshot(whole)
    assert len(expected["pages"]) == 9 and snapshot(cut) == expected


@pytest.mark.parametrize(
    ("name", "rows", "per_task", "sizes", "first"),
    [
        ("a.csv", 2000, 200, [200] * 10, "#rows=0-200"),
        ("a.csv", 10, 4, [3, 3, 4], "#rows=0-3"),
        ("a.jsonl", 13, 4, [4, 4, 4], "#lines=1-6"),  # line 3 is blank
    ],
)
def test_a_big_table_is_cut_into_even_row_ranges(
    tmp_path: Path, name: str, rows: int, per_task: int, sizes: list[int], first: str
) -> None:
    from newsgraph.ingest.read import estimate_pages
    from tests.ingest.read.test_table import write_csv, write_jsonl

    path = write_csv(tmp_path / name, rows) if name.endswith(".csv") else write_jsonl(tmp_path / name, rows)
    small = write_csv(tmp_path / "small.csv", 2)
    tasks = plan_tasks([str(small), str(path)], Settings.load(env={}), per_task)
    assert tasks[-1] == [str(small)] and [estimate_pages(Path(t[0])) for t in tasks[:-1]] == sizes
    assert tasks[0][0].endswith(first) and tasks[-2][0].endswith("-")


def test_a_killed_range_is_ingested_by_the_next_run_and_the_base_equals_one_task(tmp_path: Path) -> None:
    source = table_inputs(tmp_path, "csv")
    whole = f"sqlite:///{tmp_path / 'whole.db'}"
    run_tasks([[str(source)]], whole, tmp_path / "out-whole")
    url = f"sqlite:///{tmp_path / 'batch.db'}"
    settings = Settings.load(env={}, db=url, extract=False)
    first = run_batch([str(source)], tmp_path / "out", settings, workers=1, pages_per_task=3, task=fails_on_part_one)
    [failed] = first.failed
    assert failed.files == [f"{source}#rows=2-5"]  # 10 rows cut 2, 3, 2, 3
    with Store(url) as store:
        assert [e["source"] for e in store.errors() if e["code"] == TaskFailed.code] == failed.files
    second = run_batch([str(source)], tmp_path / "out", settings, workers=1, pages_per_task=3)
    assert not second.failed and second.pages_new == 2 and second.pages_unchanged == 7  # rows 2 and 3; 4 has no text
    resumed = snapshot(url)
    resumed["errors"] = [e for e in resumed["errors"] if e[1] != TaskFailed.code]
    assert {k: sorted(set(v)) for k, v in resumed.items()} == {k: sorted(set(v)) for k, v in snapshot(whole).items()}
