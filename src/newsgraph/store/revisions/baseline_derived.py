"""The baseline schema, frozen (see :mod:`newsgraph.store.revisions.baseline`): the knowledge base,
the caches of the analyses and the web-source tables, as they stood at numbered migration 6."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy import Table

from newsgraph.store.revisions.baseline import BASELINE

Table(
    "canonical_entities",
    BASELINE,
    sa.Column("id", sa.String(length=32), nullable=False),
    sa.Column("kind", sa.String(length=16), nullable=False),
    sa.Column("name", sa.Text(), nullable=False),
    sa.Column("name_key", sa.Text(), nullable=False),
    sa.Column("block", sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint("id"),
    sa.Index("ix_canonical_entities_block", "block"),
    sa.Index("ix_canonical_entities_kind_key", "kind", "name_key"),
)

Table(
    "canonical_features",
    BASELINE,
    sa.Column("canonical_id", sa.String(length=32), nullable=False),
    sa.Column("feature", sa.String(length=8), nullable=False),
    sa.Column("value", sa.Text(), nullable=False),
    sa.Column("documents", sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint("canonical_id", "feature", "value"),
)

Table(
    "merged_events",
    BASELINE,
    sa.Column("id", sa.String(length=32), nullable=False),
    sa.Column("type", sa.String(length=12), nullable=False),
    sa.Column("actor_key", sa.Text(), nullable=False),
    sa.Column("target_key", sa.Text(), nullable=False),
    sa.Column("actor", sa.Text(), nullable=True),
    sa.Column("actor_id", sa.String(length=32), nullable=True),
    sa.Column("actor_country", sa.String(length=3), nullable=True),
    sa.Column("target", sa.Text(), nullable=True),
    sa.Column("target_id", sa.String(length=32), nullable=True),
    sa.Column("target_country", sa.String(length=3), nullable=True),
    sa.Column("day", sa.String(length=10), nullable=True),
    sa.Column("dated", sa.Boolean(), nullable=False),
    sa.Column("place", sa.Text(), nullable=True),
    sa.Column("place_key", sa.Text(), nullable=True),
    sa.Column("first_day", sa.String(length=10), nullable=True),
    sa.Column("last_day", sa.String(length=10), nullable=True),
    sa.Column("sources", sa.Integer(), nullable=False),
    sa.Column("documents", sa.Integer(), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint("id"),
    sa.Index("ix_merged_events_actor", "actor_id"),
    sa.Index("ix_merged_events_day", "day"),
    sa.Index("ix_merged_events_match", "type", "actor_key", "target_key", "day"),
    sa.Index("ix_merged_events_target", "target_id"),
)

Table(
    "related_term_stats",
    BASELINE,
    sa.Column("term", sa.Text(), nullable=False),
    sa.Column("documents", sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint("term"),
)

Table(
    "sources",
    BASELINE,
    sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
    sa.Column("url", sa.Text(), nullable=False),
    sa.Column("url_key", sa.String(length=40), nullable=False),
    sa.Column("kind", sa.String(length=16), nullable=False),
    sa.Column("feed_url", sa.Text(), nullable=True),
    sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("last_checked_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("last_success_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("last_error_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("last_error", sa.Text(), nullable=True),
    sa.Column("failures", sa.Integer(), nullable=False),
    sa.Column("entries_seen", sa.Integer(), nullable=False),
    sa.Column("pages_fetched", sa.Integer(), nullable=False),
    sa.Column("active", sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint("id"),
    sa.UniqueConstraint("url_key"),
)

Table(
    "url_validators",
    BASELINE,
    sa.Column("url_key", sa.String(length=40), nullable=False),
    sa.Column("url", sa.Text(), nullable=False),
    sa.Column("etag", sa.Text(), nullable=True),
    sa.Column("last_modified", sa.Text(), nullable=True),
    sa.Column("content_hash", sa.String(length=64), nullable=True),
    sa.Column("checked_at", sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint("url_key"),
)

Table(
    "entity_names",
    BASELINE,
    sa.Column("entity_id", sa.String(length=32), nullable=False),
    sa.Column("kind", sa.String(length=16), nullable=False),
    sa.Column("block", sa.Text(), nullable=False),
    sa.Column("name_key", sa.Text(), nullable=False),
    sa.Column("partial", sa.Boolean(), nullable=False),
    sa.Column("canonical_id", sa.String(length=32), nullable=True),
    sa.Column("rule", sa.String(length=40), nullable=False),
    sa.Column("score", sa.Float(), nullable=False),
    sa.Column("evidence", sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(["entity_id"], ["entities.id"]),
    sa.PrimaryKeyConstraint("entity_id"),
    sa.Index("ix_entity_names_block", "block"),
    sa.Index("ix_entity_names_canonical", "canonical_id"),
    sa.Index("ix_entity_names_key", "name_key"),
)

Table(
    "fetches",
    BASELINE,
    sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
    sa.Column("run_id", sa.Integer(), nullable=True),
    sa.Column("source_id", sa.Integer(), nullable=True),
    sa.Column("url", sa.Text(), nullable=False),
    sa.Column("url_key", sa.String(length=40), nullable=False),
    sa.Column("final_url", sa.Text(), nullable=True),
    sa.Column("status", sa.Integer(), nullable=True),
    sa.Column("bytes", sa.Integer(), nullable=False),
    sa.Column("content_type", sa.String(length=120), nullable=True),
    sa.Column("outcome", sa.String(length=16), nullable=False),
    sa.Column("error_code", sa.String(length=8), nullable=True),
    sa.Column("error", sa.Text(), nullable=True),
    sa.Column("elapsed_ms", sa.Float(), nullable=True),
    sa.Column("fetched_at", sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(["run_id"], ["runs.id"]),
    sa.ForeignKeyConstraint(["source_id"], ["sources.id"]),
    sa.PrimaryKeyConstraint("id"),
    sa.Index("ix_fetches_run", "run_id"),
    sa.Index("ix_fetches_url_key", "url_key"),
)

Table(
    "source_entries",
    BASELINE,
    sa.Column("source_id", sa.Integer(), nullable=False),
    sa.Column("entry_key", sa.String(length=40), nullable=False),
    sa.Column("url", sa.Text(), nullable=False),
    sa.Column("title", sa.Text(), nullable=True),
    sa.Column("published", sa.String(length=32), nullable=True),
    sa.Column("first_seen_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("fetched_at", sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(["source_id"], ["sources.id"]),
    sa.PrimaryKeyConstraint("source_id", "entry_key"),
)

Table(
    "entity_alias_links",
    BASELINE,
    sa.Column("entity_id", sa.String(length=32), nullable=False),
    sa.Column("alias_key", sa.Text(), nullable=False),
    sa.Column("alias", sa.Text(), nullable=False),
    sa.Column("rule", sa.String(length=40), nullable=False),
    sa.Column("document_id", sa.String(length=32), nullable=False),
    sa.Column("sentence", sa.Text(), nullable=True),
    sa.Column("start", sa.Integer(), nullable=True),
    sa.Column("end", sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(["document_id"], ["documents.id"]),
    sa.ForeignKeyConstraint(["entity_id"], ["entities.id"]),
    sa.PrimaryKeyConstraint("entity_id", "alias_key"),
    sa.Index("ix_entity_alias_links_alias", "alias_key"),
)

Table(
    "entity_links",
    BASELINE,
    sa.Column("entity_id", sa.String(length=32), nullable=False),
    sa.Column("document_id", sa.String(length=32), nullable=False),
    sa.Column("canonical_id", sa.String(length=32), nullable=False),
    sa.Column("rule", sa.String(length=40), nullable=False),
    sa.Column("score", sa.Float(), nullable=False),
    sa.Column("evidence", sa.Text(), nullable=True),
    sa.Column("mentions", sa.Integer(), nullable=False),
    sa.Column("country", sa.String(length=3), nullable=True),
    sa.Column("published", sa.String(length=32), nullable=True),
    sa.Column("signature", sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(["document_id"], ["documents.id"]),
    sa.ForeignKeyConstraint(["entity_id"], ["entities.id"]),
    sa.PrimaryKeyConstraint("entity_id", "document_id"),
    sa.Index("ix_entity_links_canonical", "canonical_id", "published"),
    sa.Index("ix_entity_links_document", "document_id"),
)

Table(
    "entity_roles",
    BASELINE,
    sa.Column("entity_id", sa.String(length=32), nullable=False),
    sa.Column("document_id", sa.String(length=32), nullable=False),
    sa.Column("role_key", sa.Text(), nullable=False),
    sa.Column("canonical_id", sa.String(length=32), nullable=False),
    sa.Column("role", sa.Text(), nullable=False),
    sa.Column("published", sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(["document_id"], ["documents.id"]),
    sa.ForeignKeyConstraint(["entity_id"], ["entities.id"]),
    sa.PrimaryKeyConstraint("entity_id", "document_id", "role_key"),
    sa.Index("ix_entity_roles_canonical", "canonical_id", "role_key"),
)

Table(
    "kb_resolved_documents",
    BASELINE,
    sa.Column("document_id", sa.String(length=32), nullable=False),
    sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(["document_id"], ["documents.id"]),
    sa.PrimaryKeyConstraint("document_id"),
)

Table(
    "related_embeddings",
    BASELINE,
    sa.Column("document_id", sa.String(length=32), nullable=False),
    sa.Column("model", sa.String(length=64), nullable=False),
    sa.Column("vector", sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(["document_id"], ["documents.id"]),
    sa.PrimaryKeyConstraint("document_id", "model"),
)

Table(
    "related_stat_documents",
    BASELINE,
    sa.Column("document_id", sa.String(length=32), nullable=False),
    sa.Column("batch", sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(["document_id"], ["documents.id"]),
    sa.PrimaryKeyConstraint("document_id"),
    sa.Index("ix_related_stat_documents_batch", "batch"),
)

Table(
    "merged_event_sources",
    BASELINE,
    sa.Column("event_id", sa.Integer(), nullable=False),
    sa.Column("merged_id", sa.String(length=32), nullable=False),
    sa.Column("document_id", sa.String(length=32), nullable=False),
    sa.Column("day", sa.String(length=10), nullable=True),
    sa.ForeignKeyConstraint(["document_id"], ["documents.id"]),
    sa.ForeignKeyConstraint(["event_id"], ["events.id"]),
    sa.PrimaryKeyConstraint("event_id"),
    sa.Index("ix_merged_event_sources_document", "document_id"),
    sa.Index("ix_merged_event_sources_merged", "merged_id"),
)
