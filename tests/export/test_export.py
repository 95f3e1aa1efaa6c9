"""The export registry and dispatcher (newsgraph.export): formats by name, a plugin's own, output folders."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from newsgraph import export as module
from newsgraph.export import FORMATS, ExportError, UnknownFormat, export, formats, register_exporter
from newsgraph.store.db import Store
from newsgraph.store.filters import Filters
from newsgraph.store.schema import documents
from tests.export.test_tables import count


@pytest.mark.parametrize("fmt", ["xml", "", "gdelt1"])
def test_unknown_format_names_the_valid_ones(store: Store, tmp_path: Path, fmt: str) -> None:
    with pytest.raises(UnknownFormat) as err:
        export(store, fmt, tmp_path)
    assert all(name in str(err.value) for name in FORMATS)
    assert err.value.code == "O002"


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_writes_into_a_new_folder(store: Store, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "a" / "b"
    written = export(store, fmt, out)
    assert written and all(p.parent == out and p.stat().st_size > 0 for p in written)
    assert not list(out.glob("*.part"))


@pytest.mark.parametrize("fmt", ["csv"])
def test_an_output_path_that_is_a_file_is_an_export_error(store: Store, tmp_path: Path, fmt: str) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ExportError) as err:
        export(store, fmt, blocker / "out")
    assert "--out" in err.value.message


@pytest.mark.parametrize("name", ["rows"])
def test_a_registered_exporter_is_dispatched_like_the_built_in_ones(store: Store, tmp_path: Path, name: str) -> None:
    def rows(conn: Any, f: Filters, out_dir: Path) -> list[Path]:
        path = out_dir / "n.txt"
        path.write_text(str(conn.execute(select(func.count()).select_from(documents)).scalar_one()))
        return [path]

    register_exporter(name, rows)
    try:
        assert name in formats()
        (path,) = export(store, name.upper(), tmp_path)
        assert int(path.read_text()) == count(store, select(documents.c.id))
    finally:
        module._EXPORTERS.pop(name)


def test_the_built_in_formats_come_first() -> None:
    assert formats()[: len(FORMATS)] == FORMATS
