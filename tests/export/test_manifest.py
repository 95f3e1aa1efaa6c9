"""An export is a whole folder or nothing (newsgraph.export.manifest): staging, manifest.json, the final rename."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from newsgraph import export as module
from newsgraph.export import export
from newsgraph.export.manifest import MANIFEST, count_rows, place, staging_folder, write_manifest
from newsgraph.store.db import Store
from newsgraph.store.filters import Filters
from newsgraph.store.schema import documents, events
from tests.export.test_tables import count


def test_the_manifest_names_every_table_with_its_rows_the_source_and_the_time(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "out"
    written = export(store, "csv", out, Filters.make(since="2020"))
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert sorted(e["file"] for e in manifest["files"]) == sorted(p.name for p in written)
    assert manifest["tables"]["documents"] == count(store, select(documents.c.id))
    assert manifest["tables"]["events"] == count(store, select(events.c.id))
    assert manifest["source"] == store.safe_url and manifest["format"] == "csv"
    assert manifest["filters"] == {"since": "2020"} and manifest["created_at"].startswith("20")
    assert sorted(p.name for p in out.iterdir()) == sorted([*(p.name for p in written), MANIFEST])
    assert not list(tmp_path.glob(".out.*"))  # no staging folder left


def test_an_export_killed_midway_leaves_the_older_export_whole(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    first = export(store, "csv", out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def dies_midway(conn, f, out_dir: Path) -> list[Path]:
        (out_dir / "documents.csv").write_text("half a file")
        raise KeyboardInterrupt  # stands for the process being killed

    monkeypatch.setitem(module._EXPORTERS, "csv", dies_midway)
    with pytest.raises(KeyboardInterrupt):
        export(store, "csv", out)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert not list(tmp_path.glob(".out.*"))
    monkeypatch.undo()
    assert export(store, "csv", out) == first  # the next export replaces the old one whole


def test_a_staging_folder_left_by_a_killed_process_is_removed_by_the_next_export(tmp_path: Path) -> None:
    out = tmp_path / "out"
    left = tmp_path / ".out.partial-deadbeef"
    left.mkdir()
    (left / "documents.csv").write_text("x")
    stage = staging_folder(out)
    assert not left.exists() and stage.parent == tmp_path and not list(stage.iterdir())


def test_a_folder_holding_other_files_keeps_them_and_gets_the_manifest_last(tmp_path: Path) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep me")
    stage = staging_folder(out)
    (stage / "plover.jsonl").write_text('{"a": 1}\n{"a": 2}\n')
    write_manifest(stage, [stage / "plover.jsonl"], fmt="plover", source="sqlite:///x.db", filters={})
    place(stage, out)
    assert sorted(p.name for p in out.iterdir()) == [MANIFEST, "notes.txt", "plover.jsonl"]
    assert json.loads((out / MANIFEST).read_text())["tables"] == {"plover": 2}
    assert not stage.exists()


@pytest.mark.parametrize(
    ("name", "text", "rows"),
    [
        ("t.csv", 'id,body\n1,"two\nlines"\n2,x\n', {"rows": 2}),
        ("t.tsv", "a\tb\nc\td\n", {"rows": 2}),
        ("g.graphml", "<node id='a'/><node id='b'/><edge source='a' target='b'/>", {"rows": 1, "nodes": 2}),
    ],
)
def test_rows_are_counted_per_format(tmp_path: Path, name: str, text: str, rows: dict[str, int]) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert count_rows(path) == rows
