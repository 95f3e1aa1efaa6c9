"""An export is a whole folder or nothing: staged beside its destination, described by ``manifest.json``,
renamed into place when complete.

:func:`staging_folder` makes ``.NAME.partial-XXXX`` next to the output folder ``NAME`` (same file
system, so the final rename is atomic); the exporter writes there; :func:`write_manifest` adds
``manifest.json`` (format, files with their row counts and sizes, source database with the
password hidden, filters, time, newsgraph version); :func:`place` puts the folder where it
belongs. A destination that is missing, empty or an earlier export (it has a manifest) is
replaced whole: the old folder is renamed aside, the new one renamed in, the old one deleted,
so a reader sees the old export or the new one, never a mix. A destination that holds other
files keeps them: the old manifest is removed first, the new files are renamed in one by one
and the manifest comes last, so a folder without ``manifest.json`` is an unfinished export.
A staging folder left by a killed export is removed by the next export to the same place.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newsgraph.core.version import __version__

MANIFEST = "manifest.json"


def staging_folder(out_dir: Path) -> Path:
    """A new empty folder beside ``out_dir`` to write the export into (leftovers of killed exports removed)."""
    for old in out_dir.parent.glob(f".{out_dir.name}.partial-*"):
        shutil.rmtree(old, ignore_errors=True)
    stage = out_dir.parent / f".{out_dir.name}.partial-{uuid.uuid4().hex[:8]}"
    stage.mkdir()
    return stage


def count_rows(path: Path) -> dict[str, int]:
    """Rows in one exported file (records, CSV rows without the header, lines, Parquet rows, graph edges)."""
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        import pyarrow.parquet as pq

        return {"rows": pq.ParquetFile(path).metadata.num_rows}
    if suffix == ".csv":
        with open(path, encoding="utf-8", newline="") as handle:
            return {"rows": max(sum(1 for _ in csv.reader(handle)) - 1, 0)}
    if suffix == ".graphml":
        text = path.read_text(encoding="utf-8")
        return {"rows": text.count("<edge "), "nodes": text.count("<node ")}
    with open(path, "rb") as handle:
        return {"rows": sum(1 for line in handle if line.strip())}


def write_manifest(folder: Path, files: Sequence[Path], *, fmt: str, source: str, filters: dict[str, Any]) -> Path:
    """Write ``manifest.json`` into ``folder``: what was exported, from where, when."""
    entries = [{"file": p.name, "bytes": p.stat().st_size} | count_rows(p) for p in files]
    manifest = {
        "format": fmt,
        "files": entries,
        "tables": {Path(e["file"]).stem: e["rows"] for e in entries},
        "source": source,
        "filters": {k: v for k, v in filters.items() if v is not None},
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "newsgraph": __version__,
    }
    path = folder / MANIFEST
    tmp = folder / (MANIFEST + ".part")
    tmp.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return path


def _replaceable(out_dir: Path) -> bool:
    """Missing, empty, or an earlier export holding nothing but the files its manifest lists."""
    if not out_dir.exists():
        return True
    names = {p.name for p in out_dir.iterdir()}
    if not names:
        return True
    if MANIFEST not in names:
        return False
    try:
        listed = {e["file"] for e in json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))["files"]}
    except (OSError, ValueError, KeyError, TypeError):
        return False
    return names <= listed | {MANIFEST}


def place(stage: Path, out_dir: Path) -> None:
    """Move the finished export in ``stage`` to ``out_dir`` (see the module's docstring for how)."""
    if _replaceable(out_dir):
        old = None
        if out_dir.exists():
            old = out_dir.parent / f".{out_dir.name}.old-{uuid.uuid4().hex[:8]}"
            os.replace(out_dir, old)
        os.replace(stage, out_dir)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        return
    (out_dir / MANIFEST).unlink(missing_ok=True)
    for path in sorted(stage.iterdir(), key=lambda p: p.name == MANIFEST):  # the manifest last
        os.replace(path, out_dir / path.name)
    stage.rmdir()


__all__ = ["MANIFEST", "count_rows", "place", "staging_folder", "write_manifest"]
