"""The baseline schema, frozen: every table as it stood when newsgraph moved to Alembic (numbered
migration 6, 2026-12-06), the tables of what was read and of the facts.

These definitions never change: a later change to the schema is a new revision under
``versions/`` that alters what this creates. The knowledge-base, analysis and web-source tables
are in :mod:`newsgraph.store.revisions.baseline_derived`, on the same :data:`BASELINE` metadata;
the baseline revision (``versions/r0001_baseline.py``) creates them.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy import MetaData, Table

BASELINE = MetaData()

Table(
    "runs",
    BASELINE,
    sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
    sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("inputs", sa.Text(), nullable=False),
    sa.Column("pages", sa.Integer(), nullable=False),
    sa.Column("documents", sa.Integer(), nullable=False),
    sa.Column("errors", sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint("id"),
)

Table(
    "pages",
    BASELINE,
    sa.Column("id", sa.String(length=32), nullable=False),
    sa.Column("source", sa.Text(), nullable=False),
    sa.Column("kind", sa.String(length=16), nullable=False),
    sa.Column("url", sa.Text(), nullable=True),
    sa.Column("title", sa.Text(), nullable=True),
    sa.Column("published", sa.String(length=32), nullable=True),
    sa.Column("encoding", sa.String(length=32), nullable=True),
    sa.Column("language", sa.String(length=32), nullable=True),
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("run_id", sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(["run_id"], ["runs.id"]),
    sa.PrimaryKeyConstraint("id"),
)

Table(
    "documents",
    BASELINE,
    sa.Column("id", sa.String(length=32), nullable=False),
    sa.Column("role", sa.String(length=8), nullable=False),
    sa.Column("title", sa.Text(), nullable=False),
    sa.Column("body", sa.Text(), nullable=False),
    sa.Column("section", sa.String(length=100), nullable=True),
    sa.Column("published", sa.String(length=32), nullable=True),
    sa.Column("sources", sa.Text(), nullable=False),
    sa.Column("picture_caption", sa.Text(), nullable=True),
    sa.Column("picture_credit", sa.Text(), nullable=True),
    sa.Column("url", sa.Text(), nullable=True),
    sa.Column("content_hash", sa.String(length=64), nullable=False),
    sa.Column("duplicate_of", sa.String(length=32), nullable=True),
    sa.Column("similarity", sa.Float(), nullable=True),
    sa.Column("minhash", sa.LargeBinary(), nullable=True),
    sa.Column("first_page_id", sa.String(length=32), nullable=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(["duplicate_of"], ["documents.id"]),
    sa.ForeignKeyConstraint(["first_page_id"], ["pages.id"]),
    sa.PrimaryKeyConstraint("id"),
    sa.UniqueConstraint("content_hash"),
    sa.Index("ix_documents_duplicate_of", "duplicate_of"),
    sa.Index("ix_documents_published", "published"),
)

Table(
    "page_documents",
    BASELINE,
    sa.Column("page_id", sa.String(length=32), nullable=False),
    sa.Column("document_id", sa.String(length=32), nullable=False),
    sa.Column("role", sa.String(length=8), nullable=False),
    sa.Column("position", sa.Integer(), nullable=False),
    sa.Column("occurrences", sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(["document_id"], ["documents.id"]),
    sa.ForeignKeyConstraint(["page_id"], ["pages.id"]),
    sa.PrimaryKeyConstraint("page_id", "document_id"),
    sa.Index("ix_page_documents_document", "document_id"),
)

Table(
    "ingest_errors",
    BASELINE,
    sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
    sa.Column("run_id", sa.Integer(), nullable=True),
    sa.Column("source", sa.Text(), nullable=False),
    sa.Column("code", sa.String(length=8), nullable=False),
    sa.Column("reason", sa.String(length=32), nullable=False),
    sa.Column("severity", sa.String(length=8), nullable=False),
    sa.Column("message", sa.Text(), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(["run_id"], ["runs.id"]),
    sa.PrimaryKeyConstraint("id"),
    sa.Index("ix_ingest_errors_run", "run_id"),
)

Table(
    "entities",
    BASELINE,
    sa.Column("id", sa.String(length=32), nullable=False),
    sa.Column("kind", sa.String(length=16), nullable=False),
    sa.Column("name", sa.Text(), nullable=False),
    sa.Column("country", sa.String(length=3), nullable=True),
    sa.Column("role", sa.Text(), nullable=True),
    sa.Column("organization", sa.Text(), nullable=True),
    sa.Column("sector", sa.String(length=8), nullable=True),
    sa.Column("lat", sa.Float(), nullable=True),
    sa.Column("lon", sa.Float(), nullable=True),
    sa.PrimaryKeyConstraint("id"),
    sa.Index("ix_entities_kind_name", "kind", "name"),
)

Table(
    "entity_aliases",
    BASELINE,
    sa.Column("entity_id", sa.String(length=32), nullable=False),
    sa.Column("alias", sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(["entity_id"], ["entities.id"]),
    sa.PrimaryKeyConstraint("entity_id", "alias"),
)

Table(
    "mentions",
    BASELINE,
    sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
    sa.Column("document_id", sa.String(length=32), nullable=False),
    sa.Column("entity_id", sa.String(length=32), nullable=False),
    sa.Column("text", sa.Text(), nullable=False),
    sa.Column("role", sa.Text(), nullable=True),
    sa.Column("country", sa.String(length=3), nullable=True),
    sa.Column("sentence", sa.Text(), nullable=False),
    sa.Column("start", sa.Integer(), nullable=False),
    sa.Column("end", sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(["document_id"], ["documents.id"]),
    sa.ForeignKeyConstraint(["entity_id"], ["entities.id"]),
    sa.PrimaryKeyConstraint("id"),
    sa.Index("ix_mentions_document_id", "document_id"),
    sa.Index("ix_mentions_entity_id", "entity_id"),
)

Table(
    "quotes",
    BASELINE,
    sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
    sa.Column("document_id", sa.String(length=32), nullable=False),
    sa.Column("text", sa.Text(), nullable=False),
    sa.Column("speaker", sa.Text(), nullable=True),
    sa.Column("speaker_entity_id", sa.String(length=32), nullable=True),
    sa.Column("speaker_role", sa.Text(), nullable=True),
    sa.Column("cue", sa.String(length=40), nullable=True),
    sa.Column("sentence", sa.Text(), nullable=False),
    sa.Column("start", sa.Integer(), nullable=False),
    sa.Column("end", sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(["document_id"], ["documents.id"]),
    sa.ForeignKeyConstraint(["speaker_entity_id"], ["entities.id"]),
    sa.PrimaryKeyConstraint("id"),
    sa.Index("ix_quotes_document_id", "document_id"),
)

Table(
    "amounts",
    BASELINE,
    sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
    sa.Column("document_id", sa.String(length=32), nullable=False),
    sa.Column("value", sa.Float(), nullable=False),
    sa.Column("unit", sa.Text(), nullable=True),
    sa.Column("about", sa.Text(), nullable=True),
    sa.Column("per", sa.String(length=20), nullable=True),
    sa.Column("approximate", sa.Boolean(), nullable=False),
    sa.Column("lower_bound", sa.Boolean(), nullable=False),
    sa.Column("text", sa.Text(), nullable=True),
    sa.Column("sentence", sa.Text(), nullable=False),
    sa.Column("start", sa.Integer(), nullable=False),
    sa.Column("end", sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(["document_id"], ["documents.id"]),
    sa.PrimaryKeyConstraint("id"),
    sa.Index("ix_amounts_document_id", "document_id"),
)

Table(
    "dates",
    BASELINE,
    sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
    sa.Column("document_id", sa.String(length=32), nullable=False),
    sa.Column("text", sa.Text(), nullable=False),
    sa.Column("value", sa.String(length=10), nullable=True),
    sa.Column("granularity", sa.String(length=8), nullable=True),
    sa.Column("sentence", sa.Text(), nullable=False),
    sa.Column("start", sa.Integer(), nullable=False),
    sa.Column("end", sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(["document_id"], ["documents.id"]),
    sa.PrimaryKeyConstraint("id"),
    sa.Index("ix_dates_document_id", "document_id"),
)

Table(
    "themes",
    BASELINE,
    sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
    sa.Column("document_id", sa.String(length=32), nullable=False),
    sa.Column("code", sa.String(length=40), nullable=False),
    sa.Column("keyword", sa.Text(), nullable=True),
    sa.Column("sentence", sa.Text(), nullable=False),
    sa.Column("start", sa.Integer(), nullable=False),
    sa.Column("end", sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(["document_id"], ["documents.id"]),
    sa.PrimaryKeyConstraint("id"),
    sa.Index("ix_themes_code", "code"),
    sa.Index("ix_themes_document_id", "document_id"),
)

Table(
    "tones",
    BASELINE,
    sa.Column("document_id", sa.String(length=32), nullable=False),
    sa.Column("positive", sa.Float(), nullable=False),
    sa.Column("negative", sa.Float(), nullable=False),
    sa.Column("polarity", sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(["document_id"], ["documents.id"]),
    sa.PrimaryKeyConstraint("document_id"),
)

Table(
    "events",
    BASELINE,
    sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
    sa.Column("document_id", sa.String(length=32), nullable=False),
    sa.Column("type", sa.String(length=12), nullable=False),
    sa.Column("mode", sa.String(length=24), nullable=True),
    sa.Column("actor", sa.Text(), nullable=True),
    sa.Column("actor_entity_id", sa.String(length=32), nullable=True),
    sa.Column("actor_country", sa.String(length=3), nullable=True),
    sa.Column("actor_sector", sa.String(length=8), nullable=True),
    sa.Column("target", sa.Text(), nullable=True),
    sa.Column("target_entity_id", sa.String(length=32), nullable=True),
    sa.Column("target_country", sa.String(length=3), nullable=True),
    sa.Column("target_sector", sa.String(length=8), nullable=True),
    sa.Column("date", sa.String(length=10), nullable=True),
    sa.Column("place", sa.Text(), nullable=True),
    sa.Column("negated", sa.Boolean(), nullable=False),
    sa.Column("hypothetical", sa.Boolean(), nullable=False),
    sa.Column("cameo_root", sa.String(length=4), nullable=True),
    sa.Column("intensity", sa.Float(), nullable=True),
    sa.Column("trigger", sa.Text(), nullable=True),
    sa.Column("sentence", sa.Text(), nullable=False),
    sa.Column("start", sa.Integer(), nullable=False),
    sa.Column("end", sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(["actor_entity_id"], ["entities.id"]),
    sa.ForeignKeyConstraint(["document_id"], ["documents.id"]),
    sa.ForeignKeyConstraint(["target_entity_id"], ["entities.id"]),
    sa.PrimaryKeyConstraint("id"),
    sa.Index("ix_events_actor_country", "actor_country"),
    sa.Index("ix_events_date", "date"),
    sa.Index("ix_events_document_id", "document_id"),
    sa.Index("ix_events_target_country", "target_country"),
    sa.Index("ix_events_type", "type"),
)

Table(
    "stances",
    BASELINE,
    sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
    sa.Column("document_id", sa.String(length=32), nullable=False),
    sa.Column("country", sa.String(length=3), nullable=False),
    sa.Column("issue", sa.Text(), nullable=False),
    sa.Column("position", sa.String(length=40), nullable=False),
    sa.Column("date", sa.String(length=10), nullable=True),
    sa.Column("sentence", sa.Text(), nullable=False),
    sa.Column("start", sa.Integer(), nullable=False),
    sa.Column("end", sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(["document_id"], ["documents.id"]),
    sa.PrimaryKeyConstraint("id"),
    sa.Index("ix_stances_country", "country"),
    sa.Index("ix_stances_document_id", "document_id"),
)

Table(
    "page_records",
    BASELINE,
    sa.Column("page_id", sa.String(length=32), nullable=False),
    sa.Column("record", sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(["page_id"], ["pages.id"]),
    sa.PrimaryKeyConstraint("page_id"),
)

__all__ = ["BASELINE"]
