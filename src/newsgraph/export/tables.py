"""Exports: the database as files that other tools read.

``export(store, fmt, out_dir)`` writes one format into ``out_dir`` and returns the
paths it wrote. Built-in formats (:data:`FORMATS`):

- ``jsonl``: one OUTPUT.md record per page (``records.jsonl``), as stored in ``page_records``.
- ``csv`` / ``parquet``: one file per table (:data:`TABLES`); ``documents`` without its MinHash blob.
- ``gdelt`` / ``gkg``: GDELT 2.0 event table and GKG 2.1 table (:mod:`newsgraph.export.gdelt`).
- ``plover``: one PLOVER JSON object per event, POLECAT-like keys (:mod:`newsgraph.export.plover`).
- ``graphml``: the actor network for Gephi / networkx (:mod:`newsgraph.export.graphml`).

Filters (every format):

- ``since`` / ``until`` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, both inclusive) select documents
  by their publication date; a teaser that carries none has the date of the page it was found on.
- ``country`` (ISO alpha-3) selects documents that mention the country or hold an event whose
  actor or target is of that country; event rows (events table, GDELT, PLOVER, graph edges)
  must themselves have it as actor or target country.
- ``event_type`` (PLOVER type) selects documents holding a factual (not negated, not
  hypothetical) event of that type; event rows must be of that type.

Tables not tied to a document: ``ingest_errors`` is never filtered; ``entities`` and
``entity_aliases`` are reduced, when a filter is given, to the entities that the exported
mentions, quotes and events refer to.

Exports stream: rows go from the database cursor to the file in batches of :data:`BATCH`
rows, so a 100k-article database is never held in memory. Each file is written under a
temporary name and renamed when complete.

Exporters are registered by name (:func:`register_exporter`), the built-in ones the same way
a plugin would add its own.
"""

from __future__ import annotations

import csv
import importlib
import json
import os
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Float,
    Integer,
    LargeBinary,
    Select,
    Table,
    exists,
    func,
    or_,
    select,
    union,
)
from sqlalchemy.engine import Connection, Row
from sqlalchemy.sql.elements import ColumnElement

from newsgraph.core.errors import NewsgraphError
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
)

if TYPE_CHECKING:
    from newsgraph.store.db import Store

FORMATS: tuple[str, ...] = ("jsonl", "csv", "parquet", "gdelt", "gkg", "plover", "graphml")

# Rows per batch between the database and a file: large enough that per-batch overhead
# (one Arrow record batch, one keyset query) is negligible, small enough that a batch of
# documents with their bodies stays within a few tens of MB.
BATCH = 2000
# Parquet row groups: readers (DuckDB, Spark, pyarrow) scan and skip by row group and want groups
# of tens of thousands of rows, not one per fetched batch; a group is closed at ROW_GROUP rows or
# ROW_GROUP_BYTES of Arrow data, whichever comes first (document bodies: ~7 kB a row).
ROW_GROUP = 65536
ROW_GROUP_BYTES = 32 * 1024 * 1024


class ExportError(NewsgraphError):
    code = "O001"
    reason = "export"


class UnknownFormat(ExportError):
    code = "O002"
    reason = "unknown_format"


class BadFilter(ExportError):
    code = "O003"
    reason = "bad_filter"


# -- filters ---------------------------------------------------------------------------------------

_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_COUNTRY = re.compile(r"^[A-Za-z]{3}$")


@dataclass(frozen=True, slots=True)
class Filters:
    """What to export; every field None means everything."""

    since: str | None = None
    until: str | None = None
    country: str | None = None
    event_type: str | None = None

    @classmethod
    def make(
        cls,
        *,
        since: str | None = None,
        until: str | None = None,
        country: str | None = None,
        event_type: str | None = None,
    ) -> Filters:
        """Checked and normalized filters; raises :class:`BadFilter` saying what is wrong."""
        for name, value in (("since", since), ("until", until)):
            if value and not (_DATE.match(value) and _valid_date(value)):
                raise BadFilter(f"--{name} {value!r} is not a date: give YYYY, YYYY-MM or YYYY-MM-DD")
        if since and until and since > until:
            raise BadFilter(f"--since {since} is after --until {until}: swap them")
        if country and not _COUNTRY.match(country):
            raise BadFilter(f"--country {country!r} is not an ISO 3166-1 alpha-3 code such as RUS or KAZ")
        if event_type:
            from newsgraph.lexicon.events import plover_types

            valid = sorted(plover_types())
            if event_type.upper() not in valid:
                raise BadFilter(f"--event-type {event_type!r} is not a PLOVER type; use one of {', '.join(valid)}")
        return cls(
            since=since or None,
            until=until or None,
            country=country.upper() if country else None,
            event_type=event_type.upper() if event_type else None,
        )

    @property
    def any(self) -> bool:
        return any((self.since, self.until, self.country, self.event_type))


def _valid_date(value: str) -> bool:
    parts = [int(p) for p in value.split("-")]
    try:
        date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


def after(value: str) -> str:
    """The first date string past an inclusive ``until`` bound: 2020 → 2021, 2020-12 → 2021-01."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return f"{parts[0] + 1:04d}"
    if len(parts) == 2:
        year, month = parts[0] + parts[1] // 12, parts[1] % 12 + 1
        return f"{year:04d}-{month:02d}"
    return (date(*parts) + timedelta(days=1)).isoformat()


# -- SQL shared by the exporters ---------------------------------------------------------------

first_page = pages.alias("first_page")


def documents_with_page() -> Any:
    """``documents`` LEFT JOIN the page it was first stored from (for teasers' dates and sources)."""
    return documents.outerjoin(first_page, first_page.c.id == documents.c.first_page_id)


def document_date() -> ColumnElement[Any]:
    """A document's date: its own publication date, else its first page's (teasers carry none)."""
    return func.coalesce(documents.c.published, first_page.c.published)


def _date_conditions(f: Filters) -> list[ColumnElement[bool]]:
    out: list[ColumnElement[bool]] = []
    if f.since:
        out.append(document_date() >= f.since)
    if f.until:
        out.append(document_date() < after(f.until))
    return out


def document_conditions(f: Filters) -> list[ColumnElement[bool]]:
    """WHERE clauses on ``documents_with_page()`` for the documents the filters select."""
    out = _date_conditions(f)
    if f.country:
        out.append(
            or_(
                exists().where(mentions.c.document_id == documents.c.id, mentions.c.country == f.country),
                exists().where(
                    events.c.document_id == documents.c.id,
                    or_(events.c.actor_country == f.country, events.c.target_country == f.country),
                ),
            )
        )
    if f.event_type:
        out.append(
            exists().where(
                events.c.document_id == documents.c.id,
                events.c.type == f.event_type,
                events.c.negated.is_(False),
                events.c.hypothetical.is_(False),
            )
        )
    return out


def selected_documents(f: Filters) -> Select[Any]:
    """``SELECT documents.id`` of the documents the filters select (all when none is given)."""
    return select(documents.c.id).select_from(documents_with_page()).where(*document_conditions(f))


def event_conditions(f: Filters, *, facts_only: bool) -> list[ColumnElement[bool]]:
    """WHERE clauses on events joined to ``documents_with_page()``.

    ``facts_only`` drops negated and hypothetical events (they are not facts: GDELT, graph).
    """
    out = _date_conditions(f)
    if f.country:
        out.append(or_(events.c.actor_country == f.country, events.c.target_country == f.country))
    if f.event_type:
        out.append(events.c.type == f.event_type)
    if facts_only:
        out += [events.c.negated.is_(False), events.c.hypothetical.is_(False)]
    return out


def events_with_documents() -> Any:
    return events.join(documents, documents.c.id == events.c.document_id).outerjoin(
        first_page, first_page.c.id == documents.c.first_page_id
    )


def referenced_entities(f: Filters) -> Select[Any]:
    """Ids of the entities that exported mentions, quotes and events refer to."""
    docs = selected_documents(f)
    event_rows = select(events.c.actor_entity_id, events.c.target_entity_id).where(events.c.document_id.in_(docs))
    if f.country:
        event_rows = event_rows.where(or_(events.c.actor_country == f.country, events.c.target_country == f.country))
    if f.event_type:
        event_rows = event_rows.where(events.c.type == f.event_type)
    ev = event_rows.subquery()
    return union(
        select(mentions.c.entity_id).where(mentions.c.document_id.in_(docs)),
        select(quotes.c.speaker_entity_id.label("entity_id")).where(
            quotes.c.document_id.in_(docs), quotes.c.speaker_entity_id.is_not(None)
        ),
        select(ev.c.actor_entity_id).where(ev.c.actor_entity_id.is_not(None)),
        select(ev.c.target_entity_id).where(ev.c.target_entity_id.is_not(None)),
    )


# -- streaming --------------------------------------------------------------------------------------


def stream(conn: Connection, query: Select[Any], size: int = BATCH) -> Iterator[Sequence[Row[Any]]]:
    """Rows of ``query`` in batches, from a server-side cursor where the driver has one."""
    result = conn.execute(query.execution_options(stream_results=True, yield_per=size))
    try:
        yield from result.partitions(size)
    finally:
        result.close()


def keyset(conn: Connection, query: Select[Any], key: Column[Any], size: int = BATCH) -> Iterator[list[Row[Any]]]:
    """Rows of ``query`` in batches ordered by the unique ``key`` (which ``query`` must select).

    Each batch is its own short query, so the caller may run other queries between batches
    (look-ups for the rows it got) on the same connection, on any backend.
    """
    last: Any = None
    while True:
        q = query.order_by(key).limit(size)
        if last is not None:
            q = q.where(key > last)
        rows = conn.execute(q).all()
        if not rows:
            return
        yield rows
        last = rows[-1]._mapping[key]
        if len(rows) < size:
            return


@contextmanager
def atomic_open(path: Path, mode: str = "w", **kwargs: Any) -> Iterator[IO[Any]]:
    """Open ``path`` for writing under a temporary name; rename it into place when complete."""
    tmp = path.with_name(path.name + ".part")
    try:
        with open(tmp, mode, **kwargs) as handle:
            yield handle
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


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
                text = row.record
                if "\n" in text or "\r" in text:  # never true for json.dumps output; guards hand-made rows
                    text = json.dumps(json.loads(text), ensure_ascii=False)
                out.write(text + "\n")
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
    _table_export(ingest_errors),
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
            q = q.where(*event_conditions(Filters(country=f.country, event_type=f.event_type), facts_only=False))
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


# -- registry and dispatcher --------------------------------------------------------------------------

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


def export(
    store: Store,
    fmt: str,
    out_dir: Path,
    *,
    since: str | None = None,
    until: str | None = None,
    country: str | None = None,
    event_type: str | None = None,
) -> list[Path]:
    """Write ``store`` in format ``fmt`` into ``out_dir`` (created if missing); returns the files written."""
    exporter = _exporter(fmt)
    filters = Filters.make(since=since, until=until, country=country, event_type=event_type)
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"cannot create output folder {out_dir}: {exc.strerror}; choose a writable --out") from exc
    with store.connect() as conn:
        return exporter(conn, filters, out_dir)


__all__ = [
    "BATCH",
    "FORMATS",
    "TABLES",
    "BadFilter",
    "ExportError",
    "Filters",
    "UnknownFormat",
    "export",
    "formats",
    "register_exporter",
]
