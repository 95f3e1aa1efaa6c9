"""Exports: the database as files that other tools read, one module per format and a registry of them.

``export(store, fmt, out_dir, filters)`` writes one format into ``out_dir`` and returns the
paths it wrote. Built-in formats (:data:`FORMATS`):

- ``jsonl``: one OUTPUT.md record per page (``records.jsonl``), as stored in ``page_records``.
- ``csv`` / ``parquet``: one file per table; ``documents`` without its MinHash blob
  (:mod:`newsgraph.export.tables`).
- ``gdelt`` / ``gkg``: GDELT 2.0 event table and GKG 2.1 table (:mod:`newsgraph.export.gdelt`).
- ``plover``: one PLOVER JSON object per event, POLECAT-like keys (:mod:`newsgraph.export.plover`).
- ``graphml``: the actor network for Gephi / networkx (:mod:`newsgraph.export.graphml`).

What the event formats share (CAMEO codes, places, the event query) is in
:mod:`newsgraph.export.codes`; streaming rows to files in :mod:`newsgraph.export.streaming`;
the staging folder, ``manifest.json`` and the final rename in :mod:`newsgraph.export.manifest`.

Filters (every format), one :class:`~newsgraph.store.filters.Filters`:

- ``since`` / ``until`` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, both inclusive) select documents
  by their publication date; a teaser that carries none has the date of the page it was found on.
- ``country`` (ISO alpha-3) selects documents that mention the country or hold an event whose
  actor or target is of that country; event rows (events table, GDELT, PLOVER, graph edges)
  must themselves have it as actor or target country.
- ``event_type`` (PLOVER type) selects documents holding a factual (not negated, not
  hypothetical) event of that type; event rows must be of that type.

Exporters are registered by name (:func:`register_exporter`), the built-in ones the same way
a plugin would add its own.
"""

from __future__ import annotations

import importlib
import shutil
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.engine import Connection

from newsgraph.core.errors import NewsgraphError
from newsgraph.export.manifest import place, staging_folder, write_manifest
from newsgraph.store.filters import NO_FILTERS, Filters

if TYPE_CHECKING:
    from newsgraph.store.db import Store

FORMATS: tuple[str, ...] = ("jsonl", "csv", "parquet", "gdelt", "gkg", "plover", "graphml")


class ExportError(NewsgraphError):
    code = "O001"
    reason = "export"


class UnknownFormat(ExportError):
    code = "O002"
    reason = "unknown_format"


Exporter = Callable[[Connection, Filters, Path], list[Path]]

_EXPORTERS: dict[str, str | Exporter] = {
    "jsonl": "newsgraph.export.tables:export_jsonl",
    "csv": "newsgraph.export.tables:export_csv",
    "parquet": "newsgraph.export.tables:export_parquet",
    "gdelt": "newsgraph.export.gdelt:export_gdelt",
    "gkg": "newsgraph.export.gdelt:export_gkg",
    "plover": "newsgraph.export.plover:export_plover",
    "graphml": "newsgraph.export.graphml:export_graphml",
}


def register_exporter(name: str, exporter: str | Exporter) -> None:
    """Add (or replace) a format: a callable ``(conn, filters, out_dir) -> paths`` or ``"module:function"``."""
    _EXPORTERS[name.lower()] = exporter


def formats() -> tuple[str, ...]:
    """Every registered format name, built-in ones first."""
    return tuple(_EXPORTERS)


def _exporter(fmt: str) -> Exporter:
    target = _EXPORTERS.get(fmt.lower())
    if target is None:
        raise UnknownFormat(f"unknown export format {fmt!r}; use one of {', '.join(formats())}")
    if isinstance(target, str):
        module, _, name = target.partition(":")
        return getattr(importlib.import_module(module), name)
    return target


def export(store: Store, fmt: str, out_dir: Path, filters: Filters = NO_FILTERS, **options: Any) -> list[Path]:
    """Write what ``filters`` selects of ``store`` in format ``fmt`` into ``out_dir`` (created if missing);
    returns the files written (``manifest.json`` beside them is not listed). ``options`` go to the
    format's exporter as keyword arguments (``all_nodes=True`` for ``graphml``).

    The files are written into a staging folder beside ``out_dir`` with a ``manifest.json`` and
    moved into place only when complete (:mod:`newsgraph.export.manifest`).
    """
    exporter = _exporter(fmt)
    out_dir = Path(out_dir)
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        if out_dir.exists() and not out_dir.is_dir():
            raise NotADirectoryError(20, "not a folder")
        stage = staging_folder(out_dir)
    except OSError as exc:
        raise ExportError(f"cannot create output folder {out_dir}: {exc.strerror}; choose a writable --out") from exc
    try:
        with store.connect() as conn:
            written = exporter(conn, filters, stage, **options)
        write_manifest(stage, written, fmt=fmt.lower(), source=store.safe_url, filters=asdict(filters))
        place(stage, out_dir)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    return [out_dir / p.name for p in written]


__all__ = ["FORMATS", "ExportError", "Exporter", "UnknownFormat", "export", "formats", "register_exporter"]
