"""Tables derived from the facts: the knowledge base (migration 5) and the caches and indexes of the
analyses (migration 4). Defined on :data:`newsgraph.store.schema.metadata`; every row here can be
rebuilt from the fact tables.

Knowledge base (written by :mod:`newsgraph.kb`, rebuilt by ``newsgraph.kb.rebuild.rebuild_kb``):

- ``canonical_entities``: one row per real-world entity, its id derived from kind
  and normalized canonical name (and country, for a surname nobody resolved),
  so it is the same whatever order the documents were ingested in.
- ``entity_names``: each ``entities`` row, its block (kind + surname) and, for a
  full name, the canonical entity it belongs to and the rule that put it there.
- ``entity_links``: every (entity, document) pair → canonical entity, with the
  merge rule, score and evidence: the member level that ``explain`` reports.
- ``entity_alias_links``: names merged inside one document by the extractor
  ("Putin" with "Vladimir Putin"), with the first document that did it.
- ``entity_roles``: the roles a canonical entity was given, one row per document.
- ``canonical_features``: the roles, aliases and countries of a canonical entity's full
  names, with document counts: what a surname alone is matched against, kept incrementally.
- ``merged_events`` / ``merged_event_sources``: reports of the same event merged.
- ``kb_resolved_documents``: the documents already resolved (for ``resolve_new``).
- ``issue_clusters`` / ``issue_cluster_members``: the stance issue labels grouped into one issue across
  articles (:mod:`newsgraph.kb.issues`), each cluster with its key and readable label.

Analyses (:mod:`newsgraph.analysis.related`, :mod:`newsgraph.analysis.popular`):
``related_term_stats``, ``related_stat_documents`` (PostgreSQL term statistics),
``related_embeddings`` (the embedding cache), and the indexes both analyses read through.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    inspect,
    text,
)
from sqlalchemy.engine import Connection

from newsgraph.core.errors import StoreError
from newsgraph.store.schema import metadata

# Ids are 16 hex chars like ``entities.id``; String(32) leaves room.
ID = String(32)

canonical_entities = Table(
    "canonical_entities",
    metadata,
    Column("id", ID, primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("name", Text, nullable=False),
    Column("name_key", Text, nullable=False),
    Column("block", Text, nullable=False),
    Index("ix_canonical_entities_kind_key", "kind", "name_key"),
    Index("ix_canonical_entities_name_key", "name_key"),  # a name looked up whatever its kind (revision 0004)
    Index("ix_canonical_entities_block", "block"),
)

entity_names = Table(
    "entity_names",
    metadata,
    Column("entity_id", ID, ForeignKey("entities.id"), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("block", Text, nullable=False),
    Column("name_key", Text, nullable=False),
    Column("partial", Boolean, nullable=False, default=False),
    Column("canonical_id", ID),  # NULL for a partial name: decided per document
    Column("rule", String(40), nullable=False),
    Column("score", Float, nullable=False),
    Column("evidence", Text),
    Index("ix_entity_names_block", "block"),
    Index("ix_entity_names_canonical", "canonical_id"),
    Index("ix_entity_names_key", "name_key"),
)

entity_links = Table(
    "entity_links",
    metadata,
    Column("entity_id", ID, ForeignKey("entities.id"), primary_key=True),
    Column("document_id", String(32), ForeignKey("documents.id"), primary_key=True),
    Column("canonical_id", ID, nullable=False),
    Column("rule", String(40), nullable=False),
    Column("score", Float, nullable=False),
    Column("evidence", Text),
    Column("mentions", Integer, nullable=False, default=1),
    Column("country", String(3)),
    Column("published", String(32)),
    Column("signature", Text, nullable=False, default=""),  # its role keys, sorted, "|"-joined
    # Covering (revision 0012): a canonical entity's links added up from the index alone.
    Index("ix_entity_links_canonical", "canonical_id", "published", "document_id", "entity_id", "mentions", "country"),
    Index("ix_entity_links_document", "document_id"),
    Index("ix_entity_links_entity_canonical", "entity_id", "canonical_id"),
)

entity_alias_links = Table(
    "entity_alias_links",
    metadata,
    Column("entity_id", ID, ForeignKey("entities.id"), primary_key=True),
    Column("alias_key", Text, primary_key=True),
    Column("alias", Text, nullable=False),
    Column("rule", String(40), nullable=False),
    Column("document_id", String(32), ForeignKey("documents.id"), nullable=False),
    Column("sentence", Text),
    Column("start", Integer),
    Column("end", Integer),
    Index("ix_entity_alias_links_alias", "alias_key"),
)

entity_roles = Table(
    "entity_roles",
    metadata,
    Column("entity_id", ID, ForeignKey("entities.id"), primary_key=True),
    Column("document_id", String(32), ForeignKey("documents.id"), primary_key=True),
    Column("role_key", Text, primary_key=True),
    Column("canonical_id", ID, nullable=False),
    Column("role", Text, nullable=False),  # as written
    Column("published", String(32)),
    Index("ix_entity_roles_canonical", "canonical_id", "role_key"),
)

canonical_features = Table(
    "canonical_features",
    metadata,
    Column("canonical_id", ID, primary_key=True),
    Column("feature", String(8), primary_key=True),  # role, alias, country (from full-name members only)
    Column("value", Text, primary_key=True),
    Column("documents", Integer, nullable=False),
)

merged_events = Table(
    "merged_events",
    metadata,
    Column("id", ID, primary_key=True),
    Column("type", String(12), nullable=False),
    Column("actor_key", Text, nullable=False),  # "e:<canonical id>", "c:<ISO3>" or ""
    Column("target_key", Text, nullable=False),
    Column("actor", Text),  # as written in the report that opened it
    Column("actor_id", ID),
    Column("actor_country", String(3)),
    Column("target", Text),
    Column("target_id", ID),
    Column("target_country", String(3)),
    Column("day", String(10)),  # the event date, or the publication day when undated
    Column("dated", Boolean, nullable=False),
    Column("place", Text),
    Column("place_key", Text),
    Column("first_day", String(10)),
    Column("last_day", String(10)),
    Column("sources", Integer, nullable=False, default=0),
    Column("documents", Integer, nullable=False, default=0),
    Column("updated_at", DateTime(timezone=True)),
    Index("ix_merged_events_match", "type", "actor_key", "target_key", "day"),
    Index("ix_merged_events_day", "day"),
    Index("ix_merged_events_actor", "actor_id"),
    Index("ix_merged_events_target", "target_id"),
)

merged_event_sources = Table(
    "merged_event_sources",
    metadata,
    Column("event_id", Integer, ForeignKey("events.id"), primary_key=True),
    Column("merged_id", ID, nullable=False),
    Column("document_id", String(32), ForeignKey("documents.id"), nullable=False),
    Column("day", String(10)),
    Index("ix_merged_event_sources_merged", "merged_id"),
    Index("ix_merged_event_sources_document", "document_id"),
)

kb_resolved_documents = Table(
    "kb_resolved_documents",
    metadata,
    Column("document_id", String(32), ForeignKey("documents.id"), primary_key=True),
    Column("resolved_at", DateTime(timezone=True), nullable=False),
)

# Issues across articles (revision 0008; written by newsgraph.kb.issues): each stance issue label's cluster.
issue_clusters = Table(
    "issue_clusters",
    metadata,
    Column("key", ID, primary_key=True),
    Column("label", Text, nullable=False),
    Column("members", Integer, nullable=False),
    Column("first_date", String(10)),
    Column("last_date", String(10)),
)

issue_cluster_members = Table(
    "issue_cluster_members",
    metadata,
    Column("issue", Text, primary_key=True),  # stances.issue
    Column("cluster_key", ID, nullable=False),
    Column("first_date", String(10)),
    Column("last_date", String(10)),
    Column("documents", Integer, nullable=False),
    Column("countries", Text, nullable=False),  # the countries of its stances, space-separated
    Column("rule", String(16), nullable=False),
    Column("score", Float, nullable=False),
    Index("ix_issue_cluster_members_cluster", "cluster_key"),
)

KB_TABLES = (
    canonical_entities,
    entity_names,
    entity_links,
    entity_alias_links,
    entity_roles,
    canonical_features,
    merged_events,
    merged_event_sources,
    kb_resolved_documents,
)


class KnowledgeBaseMissing(StoreError):
    code = "S010"
    reason = "kb_missing"


def create_kb_tables(conn: Connection) -> None:
    """The knowledge-base migration: these tables and their indexes (idempotent)."""
    for table in KB_TABLES:
        table.create(conn, checkfirst=True)


def drop_kb_rows(conn: Connection) -> None:
    """Empty every knowledge-base table (before a full rebuild)."""
    for table in reversed(KB_TABLES):
        conn.execute(table.delete())


def require_kb(conn: Connection) -> None:
    """Raise :class:`KnowledgeBaseMissing` when the tables have not been created.

    Asked table by table (``has_table``, one catalog lookup each): listing every table cost 20 ms a call
    on a PostgreSQL server with many schemas, and an entity profile asks three times."""
    inspector = inspect(conn)
    missing = [t.name for t in KB_TABLES if not inspector.has_table(t.name)]
    if missing:
        raise KnowledgeBaseMissing(
            f"the knowledge-base tables ({', '.join(missing)}) are missing: open the database once with this "
            "newsgraph (opening a Store applies the missing migrations), or call "
            "newsgraph.store.schema_kb.create_kb_tables"
        )


# -- the analyses' caches and indexes (migration 4) ---------------------------------------------------

related_term_stats = Table(
    "related_term_stats",
    metadata,
    Column("term", Text, primary_key=True),
    Column("documents", BigInteger, nullable=False),
)
related_stat_documents = Table(
    "related_stat_documents",
    metadata,
    Column("document_id", String(32), ForeignKey("documents.id"), primary_key=True),
    Column("batch", String(32), nullable=False, index=True),
)
related_embeddings = Table(
    "related_embeddings",
    metadata,
    Column("document_id", String(32), ForeignKey("documents.id"), primary_key=True),
    Column("model", String(64), primary_key=True),
    Column("vector", LargeBinary, nullable=False),
)
RELATED_TABLES = (related_term_stats, related_stat_documents, related_embeddings)


def create_related_tables(conn: Connection) -> None:
    """Migration: term statistics (PostgreSQL), embedding cache, and a mentions index both analyses use."""
    for table in RELATED_TABLES:
        table.create(conn, checkfirst=True)
    for index in (  # the second because SQLite's planner skips a column index ANALYZE saw almost all NULL
        "ix_mentions_entity_document ON mentions (entity_id, document_id)",
        "ix_documents_duplicates ON documents (duplicate_of) WHERE duplicate_of IS NOT NULL",
    ):
        conn.execute(text("CREATE INDEX IF NOT EXISTS " + index))


def create_popular_indexes(conn: Connection) -> None:
    """Migration: a covering index for ``newsgraph.analysis.popular.top_events`` (6x faster on 400k events)."""
    conn.execute(
        text(
            "CREATE INDEX IF NOT EXISTS ix_events_groups ON events "
            "(type, actor_country, target_country, negated, hypothetical, document_id, date)"
        )
    )


__all__ = [
    "KB_TABLES",
    "RELATED_TABLES",
    "KnowledgeBaseMissing",
    "canonical_entities",
    "canonical_features",
    "create_kb_tables",
    "create_popular_indexes",
    "create_related_tables",
    "drop_kb_rows",
    "entity_alias_links",
    "entity_links",
    "entity_names",
    "entity_roles",
    "kb_resolved_documents",
    "merged_event_sources",
    "merged_events",
    "related_embeddings",
    "related_stat_documents",
    "related_term_stats",
    "require_kb",
]
