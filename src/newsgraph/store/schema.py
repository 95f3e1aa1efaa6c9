"""The database schema (SQLAlchemy Core): the tables of what was read and of the facts extracted.

One schema for SQLite and PostgreSQL, on one :data:`metadata`. Version 1: runs, pages,
documents, which page holds which document, ingest errors; version 2: the facts, each row with
its evidence (document, sentence, character span). The tables derived from them (knowledge
base, analysis caches) are in :mod:`newsgraph.store.schema_kb`; the Alembic revisions that
create and alter them all, in order, in :mod:`newsgraph.store.revisions`.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

runs = Table(
    "runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),
    Column("inputs", Text, nullable=False, default=""),
    Column("pages", Integer, nullable=False, default=0),
    Column("documents", Integer, nullable=False, default=0),
    Column("errors", Integer, nullable=False, default=0),
    # Who runs it and whether it still does (newsgraph.store.runs, migration 8).
    Column("status", String(12)),  # running, finished, interrupted
    Column("pid", Integer),
    Column("host", String(255)),
    Column("heartbeat_at", DateTime(timezone=True)),
)

pages = Table(
    "pages",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("source", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("url", Text),
    Column("title", Text),
    Column("published", String(32)),
    Column("encoding", String(32)),
    Column("language", String(32)),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("run_id", Integer, ForeignKey("runs.id")),
)

documents = Table(
    "documents",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("role", String(8), nullable=False),
    Column("title", Text, nullable=False),
    Column("body", Text, nullable=False),
    Column("section", String(100)),
    Column("published", String(32)),
    Column("sources", Text, nullable=False, default="[]"),  # JSON list
    Column("picture_caption", Text),
    Column("picture_credit", Text),
    Column("url", Text),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("duplicate_of", String(32), ForeignKey("documents.id")),
    Column("similarity", Float),
    Column("minhash", LargeBinary),
    Column("first_page_id", String(32), ForeignKey("pages.id")),
    Column("created_at", DateTime(timezone=True), nullable=False),
    # Which extractor wrote the document's facts (``core.version.EXTRACTOR_VERSION``) and how it went:
    # "ok", "failed" (stored without facts), NULL when extraction did not run (``--no-extract``).
    Column("extractor_version", Integer),
    Column("extraction", String(8)),
    Index("ix_documents_published", "published"),
    Index("ix_documents_duplicate_of", "duplicate_of"),
)

page_documents = Table(
    "page_documents",
    metadata,
    Column("page_id", String(32), ForeignKey("pages.id"), primary_key=True),
    Column("document_id", String(32), ForeignKey("documents.id"), primary_key=True),
    Column("role", String(8), nullable=False),
    Column("position", Integer, nullable=False),
    Column("occurrences", Integer, nullable=False, default=1),
    Index("ix_page_documents_document", "document_id"),
)

ingest_errors = Table(
    "ingest_errors",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("run_id", Integer, ForeignKey("runs.id")),
    Column("source", Text, nullable=False),
    Column("code", String(8), nullable=False),
    Column("reason", String(32), nullable=False),
    Column("severity", String(8), nullable=False, default="error"),
    Column("message", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_ingest_errors_run", "run_id"),
)

V1_TABLES = (runs, pages, documents, page_documents, ingest_errors)


def _evidence_columns() -> list[Column]:
    return [
        Column("sentence", Text, nullable=False),
        Column("start", Integer, nullable=False),
        Column("end", Integer, nullable=False),
    ]


def _doc_fk() -> Column:
    return Column("document_id", String(32), ForeignKey("documents.id"), nullable=False, index=True)


# -- version 2: extracted facts, each row with its evidence ------------------------------------------

entities = Table(
    "entities",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("kind", String(16), nullable=False),  # person, organization, place, country
    Column("name", Text, nullable=False),
    Column("country", String(3)),
    Column("role", Text),
    Column("organization", Text),
    Column("sector", String(8)),
    Column("lat", Float),
    Column("lon", Float),
    Index("ix_entities_kind_name", "kind", "name"),
)

entity_aliases = Table(
    "entity_aliases",
    metadata,
    Column("entity_id", String(32), ForeignKey("entities.id"), primary_key=True),
    Column("alias", Text, primary_key=True),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _doc_fk(),
    Column("entity_id", String(32), ForeignKey("entities.id"), nullable=False, index=True),
    Column("text", Text, nullable=False),
    Column("role", Text),
    Column("country", String(3)),
    *_evidence_columns(),
)

quotes = Table(
    "quotes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _doc_fk(),
    Column("text", Text, nullable=False),
    Column("speaker", Text),
    Column("speaker_entity_id", String(32), ForeignKey("entities.id")),
    Column("speaker_role", Text),
    Column("cue", String(40)),
    *_evidence_columns(),
    Index("ix_quotes_speaker_entity", "speaker_entity_id"),
)

amounts = Table(
    "amounts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _doc_fk(),
    Column("value", Float, nullable=False),
    Column("unit", Text),
    Column("about", Text),
    Column("per", String(20)),
    Column("approximate", Boolean, nullable=False, default=False),
    Column("lower_bound", Boolean, nullable=False, default=False),
    Column("text", Text),
    *_evidence_columns(),
)

dates = Table(
    "dates",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _doc_fk(),
    Column("text", Text, nullable=False),
    Column("value", String(10)),
    Column("granularity", String(8)),
    *_evidence_columns(),
)

themes = Table(
    "themes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _doc_fk(),
    Column("code", String(40), nullable=False, index=True),
    Column("keyword", Text),
    *_evidence_columns(),
)

tones = Table(
    "tones",
    metadata,
    Column("document_id", String(32), ForeignKey("documents.id"), primary_key=True),
    Column("positive", Float, nullable=False),
    Column("negative", Float, nullable=False),
    Column("polarity", Float, nullable=False),
)

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _doc_fk(),
    Column("type", String(12), nullable=False, index=True),
    Column("mode", String(24)),
    Column("actor", Text),
    Column("actor_entity_id", String(32), ForeignKey("entities.id")),
    Column("actor_country", String(3), index=True),
    Column("actor_sector", String(8)),
    Column("target", Text),
    Column("target_entity_id", String(32), ForeignKey("entities.id")),
    Column("target_country", String(3), index=True),
    Column("target_sector", String(8)),
    Column("date", String(10), index=True),
    Column("place", Text),
    Column("negated", Boolean, nullable=False, default=False),
    Column("hypothetical", Boolean, nullable=False, default=False),
    Column("cameo_root", String(4)),
    Column("intensity", Float),
    Column("trigger", Text),
    *_evidence_columns(),
    # Its date, else its document's, cut to YYYY-MM-DD (revision 0004; set by newsgraph.store.summaries).
    Column("day", String(10)),
    Index("ix_events_actor_entity", "actor_entity_id"),
    Index("ix_events_target_entity", "target_entity_id"),
)

stances = Table(
    "stances",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _doc_fk(),
    Column("country", String(3), nullable=False, index=True),
    Column("issue", Text, nullable=False),
    Column("position", String(40), nullable=False),
    Column("date", String(10)),
    *_evidence_columns(),
    # Its date, else its document's publication date (revision 0009; set by newsgraph.store.summaries): the
    # order of a stance cell's statements, read newest first through ix_stances_cell_stated.
    Column("stated", String(32)),
)

# Positions of persons who hold no office that speaks for a country (revision 0007; newsgraph.extract.voices).
voices = Table(
    "voices",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _doc_fk(),
    Column("speaker", Text, nullable=False),
    Column("speaker_entity_id", String(32), ForeignKey("entities.id")),
    Column("speaker_role", Text),
    Column("country", String(3), index=True),
    Column("issue", Text, nullable=False),
    Column("position", String(40), nullable=False),
    Column("date", String(10)),
    *_evidence_columns(),
    Index("ix_voices_speaker_entity", "speaker_entity_id"),
    Index("ix_voices_issue", "issue"),
)

records = Table(
    "page_records",
    metadata,
    Column("page_id", String(32), ForeignKey("pages.id"), primary_key=True),
    Column("record", Text, nullable=False),  # the OUTPUT.md record as JSON
)

V2_TABLES = (
    entities,
    entity_aliases,
    mentions,
    quotes,
    amounts,
    dates,
    themes,
    tones,
    events,
    stances,
    voices,
    records,
)
FACT_TABLES = (mentions, quotes, amounts, dates, themes, tones, events, stances, voices)


def now() -> datetime:
    return datetime.now(UTC)
