"""Summary tables: counts per entity and per day, kept current as documents are stored or re-extracted.

Every row here is a sum over the fact tables, so the pages that rank or count ("most-mentioned",
``popular``, the home dashboard, entity headers, the timeline) read a few rows instead of
aggregating millions. :mod:`newsgraph.store.summaries` writes them (added when a document is
stored, taken away before its facts are replaced) and can rebuild them from the facts; revision
``0004`` created and filled them.

- ``summary_documents``: the documents counted (every stored document that is not a
  near-duplicate), with their day: the document's date, else its first page's, cut to
  ``YYYY-MM-DD`` (``""`` when neither has one).
- ``entity_totals``: per entity, documents and mentions, events as actor and as target
  (negated and hypothetical ones too, as the entity page lists them), quotes as speaker.
- ``entity_days``: per entity and document day, documents and mentions.
- ``day_totals``: per document day, documents, main articles, mentions, factual events.
- ``day_event_types``: per event day (``events.day``) and PLOVER type, factual events.
- ``stance_cells``: per country and stored issue label (a cell of the stance board before issue clusters
  merge labels into columns), its statements and the one that wins the cell: the latest by
  ``stances.stated`` (``""`` when undated), then by id (revision ``0009``).
"""

from __future__ import annotations

from sqlalchemy import Column, Index, Integer, String, Table, Text

from newsgraph.store.schema import metadata

DAY = String(10)
COUNT = Integer

summary_documents = Table(
    "summary_documents",
    metadata,
    Column("document_id", String(32), primary_key=True),
    Column("day", DAY, nullable=False),
    Column("role", String(8), nullable=False),
    Index("ix_summary_documents_day", "day"),
)

entity_totals = Table(
    "entity_totals",
    metadata,
    Column("entity_id", String(32), primary_key=True),
    Column("documents", COUNT, nullable=False),
    Column("mentions", COUNT, nullable=False),
    Column("as_actor", COUNT, nullable=False),
    Column("as_target", COUNT, nullable=False),
    Column("quotes", COUNT, nullable=False),
    Index("ix_entity_totals_rank", "documents", "mentions"),
)

entity_days = Table(
    "entity_days",
    metadata,
    Column("entity_id", String(32), primary_key=True),
    Column("day", DAY, primary_key=True),
    Column("documents", COUNT, nullable=False),
    Column("mentions", COUNT, nullable=False),
    Index("ix_entity_days_day", "day", "entity_id", "documents", "mentions"),
)

day_totals = Table(
    "day_totals",
    metadata,
    Column("day", DAY, primary_key=True),
    Column("documents", COUNT, nullable=False),
    Column("articles", COUNT, nullable=False),
    Column("mentions", COUNT, nullable=False),
    Column("events", COUNT, nullable=False),
)

day_event_types = Table(
    "day_event_types",
    metadata,
    Column("day", DAY, primary_key=True),
    Column("type", String(12), primary_key=True),
    Column("events", COUNT, nullable=False),
)

stance_cells = Table(
    "stance_cells",
    metadata,
    Column("country", String(3), primary_key=True),
    Column("issue", Text, primary_key=True),
    Column("statements", COUNT, nullable=False),
    Column("latest_id", Integer, nullable=False),
    Column("latest_stated", String(32), nullable=False),
)

# Each table's key columns and count columns, in the order the writers use.
SUMMARY_TABLES = (summary_documents, entity_totals, entity_days, day_totals, day_event_types, stance_cells)
COUNTED = {
    entity_totals: (("entity_id",), ("documents", "mentions", "as_actor", "as_target", "quotes")),
    entity_days: (("entity_id", "day"), ("documents", "mentions")),
    day_totals: (("day",), ("documents", "articles", "mentions", "events")),
    day_event_types: (("day", "type"), ("events",)),
}

__all__ = [
    "COUNTED",
    "SUMMARY_TABLES",
    "day_event_types",
    "day_totals",
    "entity_days",
    "entity_totals",
    "stance_cells",
    "summary_documents",
]
