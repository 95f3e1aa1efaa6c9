"""The table formats: JSON Lines of the stored records, and one CSV or Parquet file per table.

- ``jsonl``: one OUTPUT.md record per page (``records.jsonl``), as stored in ``page_records``.
- ``csv`` / ``parquet``: one file per table (:data:`TABLES`); ``documents`` without its MinHash blob.

Tables not tied to a document: ``ingest_errors`` is never filtered; ``entities`` and
``entity_aliases`` are reduced, when a filter is given, to the entities that the exported
mentions, quotes and events refer to. Parquet row groups hold :data:`ROW_GROUP` rows or
:data:`ROW_GROUP_BYTES` of Arrow data, whichever comes first.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Boolean, Column, DateTime, Float, Integer, LargeBinary, Select, Table, exists, select, union
from sqlalchemy.engine import Connection

from newsgraph.core.record_form import expand_record
from newsgraph.export.streaming import atomic_open, stream
from newsgraph.store.filters import Filters, event_row_conditions, selected_documents
from newsgraph.store.schema import (
    amounts,
    dates,
    documents,
    entities,
    entity_aliases,
    events,
    ingest_errors,
    mentions,
    page_documents,
    pages,
    quotes,
    records,
    stances,
    themes,
    tones,
    voices,
)

# Parquet row groups: readers (DuckDB, Spark, pyarrow) scan and skip by row group and want groups
# of tens of thousands of rows, not one per fetched batch; a group is closed at ROW_GROUP rows or
# ROW_GROUP_BYTES of Arrow data, whichever comes first (document bodies: ~7 kB a row).
ROW_GROUP = 65536
ROW_GROUP_BYTES = 32 * 1024 * 1024


# -- JSON Lines --------------------------------------------------------------------------------------


def export_jsonl(conn: Connection, f: Filters, out_dir: Path) -> list[Path]:
    """``records.jsonl``: the stored OUTPUT.md record of every page holding a selected document."""
    q = select(records.c.page_id, records.c.record).join(pages, pages.c.id == records.c.page_id)
    if f.any:
        q = q.where(
            exists().where(
                page_documents.c.page_id == records.c.page_id,
                page_documents.c.document_id.in_(selected_documents(f)),
            )
        )
    path = out_dir / "records.jsonl"
    with atomic_open(path, encoding="utf-8", newline="\n") as out:
        for batch in stream(conn, q.order_by(pages.c.ingested_at, records.c.page_id)):
            for row in batch:
                # stored compact (each evidence sentence once); exported in the OUTPUT.md shape, one line each
                out.write(json.dumps(expand_record(json.loads(row.record)), ensure_ascii=False) + "\n")
    return [path]


# -- CSV and Parquet: one file per table ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TableExport:
    name: str
    table: Table
    columns: tuple[Column[Any], ...]
    order: tuple[Column[Any], ...]


def _table_export(table: Table, *, drop: tuple[str, ...] = ()) -> TableExport:
    cols = tuple(c for c in table.columns if c.name not in drop)
    return TableExport(table.name, table, cols, tuple(table.primary_key.columns))


TABLES: tuple[TableExport, ...] = (
    _table_export(documents, drop=("minhash",)),
    _table_export(entities),
    _table_export(entity_aliases),
    _table_export(mentions),
    _table_export(quotes),
    _table_export(amounts),
    _table_export(dates),
    _table_export(themes),
    _table_export(tones),
    _table_export(events),
    _table_export(stances),
    _table_export(voices),
    _table_export(ingest_errors),
)


def referenced_entities(f: Filters) -> Select[Any]:
    """Ids of the entities that exported mentions, quotes, voices and events refer to."""
    docs = selected_documents(f)
    event_rows = select(events.c.actor_entity_id, events.c.target_entity_id).where(
        events.c.document_id.in_(docs), *event_row_conditions(f, facts_only=False)
    )
    ev = event_rows.subquery()
    return union(
        select(mentions.c.entity_id).where(mentions.c.document_id.in_(docs)),
        select(quotes.c.speaker_entity_id.label("entity_id")).where(
            quotes.c.document_id.in_(docs), quotes.c.speaker_entity_id.is_not(None)
        ),
        select(voices.c.speaker_entity_id.label("entity_id")).where(
            voices.c.document_id.in_(docs), voices.c.speaker_entity_id.is_not(None)
        ),
        select(ev.c.actor_entity_id).where(ev.c.actor_entity_id.is_not(None)),
        select(ev.c.target_entity_id).where(ev.c.target_entity_id.is_not(None)),
    )


def table_query(spec: TableExport, f: Filters) -> Select[Any]:
    """The rows of one table that the filters select, in primary-key order."""
    q = select(*spec.columns).order_by(*spec.order)
    if not f.any:
        return q
    table = spec.table
    if table is documents:
        return q.where(documents.c.id.in_(selected_documents(f)))
    if "document_id" in table.c:
        q = q.where(table.c.document_id.in_(selected_documents(f)))
        if table is events:
            q = q.where(*event_row_conditions(f, facts_only=False))
        return q
    if table is entities:
        return q.where(entities.c.id.in_(referenced_entities(f)))
    if table is entity_aliases:
        return q.where(entity_aliases.c.entity_id.in_(referenced_entities(f)))
    return q  # ingest_errors: not tied to a document


def csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)


def export_csv(conn: Connection, f: Filters, out_dir: Path) -> list[Path]:
    """One ``<table>.csv`` per table (UTF-8, header row, RFC 4180 quoting, empty = NULL)."""
    written: list[Path] = []
    for spec in TABLES:
        path = out_dir / f"{spec.name}.csv"
        with atomic_open(path, encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow([c.name for c in spec.columns])
            for batch in stream(conn, table_query(spec, f)):
                writer.writerows([csv_value(v) for v in row] for row in batch)
        written.append(path)
    return written


def arrow_schema(columns: Sequence[Column[Any]]) -> Any:
    """The Arrow schema of a table's columns (timestamps in UTC)."""
    import pyarrow as pa

    def arrow_type(col: Column[Any]) -> Any:
        t = col.type
        if isinstance(t, Boolean):
            return pa.bool_()
        if isinstance(t, Integer):
            return pa.int64()
        if isinstance(t, Float):
            return pa.float64()
        if isinstance(t, DateTime):
            return pa.timestamp("us", tz="UTC")
        if isinstance(t, LargeBinary):
            return pa.binary()
        return pa.string()

    return pa.schema([pa.field(c.name, arrow_type(c), nullable=c.nullable or c.primary_key) for c in columns])


def export_parquet(conn: Connection, f: Filters, out_dir: Path) -> list[Path]:
    """One ``<table>.parquet`` per table, written batch by batch with ``ParquetWriter``."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    written: list[Path] = []
    for spec in TABLES:
        schema = arrow_schema(spec.columns)
        path = out_dir / f"{spec.name}.parquet"
        with atomic_open(path, "wb") as out, pq.ParquetWriter(out, schema, compression="zstd") as writer:
            pending: list[Any] = []
            rows, size, wrote = 0, 0, False
            for batch in stream(conn, table_query(spec, f)):
                columns = list(zip(*batch, strict=True))
                arrays = [pa.array(list(col), type=field.type) for col, field in zip(columns, schema, strict=True)]
                pending.append(pa.Table.from_arrays(arrays, schema=schema))
                rows, size = rows + len(batch), size + pending[-1].nbytes
                if rows >= ROW_GROUP or size >= ROW_GROUP_BYTES:
                    writer.write_table(pa.concat_tables(pending))
                    pending, rows, size, wrote = [], 0, 0, True
            if pending or not wrote:  # the rest, or an empty table that still carries the schema
                writer.write_table(pa.concat_tables(pending) if pending else schema.empty_table())
        written.append(path)
    return written


__all__ = [
    "ROW_GROUP",
    "ROW_GROUP_BYTES",
    "TABLES",
    "TableExport",
    "export_csv",
    "export_jsonl",
    "export_parquet",
    "referenced_entities",
    "table_query",
]
