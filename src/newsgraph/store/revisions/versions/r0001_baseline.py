"""Baseline: the schema of numbered migration 6 (pages and documents, facts, full-text index, knowledge
base, analysis caches, web sources), created where missing.

A new database gets all of it. A database made by the numbered migrations (``schema_version``
at 1 to 6) has some or all of these tables already; only the missing ones are created, so it
ends at this revision like a new one.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from newsgraph.store.revisions import baseline_derived
from newsgraph.store.revisions.baseline import BASELINE

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# Indexes written as SQL: a partial index, and covering ones the analyses read through.
SQL_INDEXES = (
    "ix_mentions_entity_document ON mentions (entity_id, document_id)",
    "ix_documents_duplicates ON documents (duplicate_of) WHERE duplicate_of IS NOT NULL",
    "ix_events_groups ON events (type, actor_country, target_country, negated, hypothetical, document_id, date)",
)

# The full-text index: a generated tsvector column on PostgreSQL, an FTS5 table on SQLite.
PG_TSV = (
    "ALTER TABLE documents ADD COLUMN tsv tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('english', coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('english', coalesce(body, '')), 'B')) STORED"
)
SQLITE_FTS = (
    "CREATE VIRTUAL TABLE documents_fts USING fts5("
    "document_id UNINDEXED, title, body, tokenize = 'porter unicode61 remove_diacritics 2')"
)

assert baseline_derived.BASELINE is BASELINE  # its tables are on the baseline metadata


def _full_text_index(conn: sa.engine.Connection) -> None:
    """Create and fill the full-text index unless the database has it (a numbered database from 3 on)."""
    inspector = sa.inspect(conn)
    if conn.dialect.name == "postgresql":
        if "tsv" not in {c["name"] for c in inspector.get_columns("documents")}:
            conn.execute(sa.text(PG_TSV))
        conn.execute(sa.text("CREATE INDEX IF NOT EXISTS ix_documents_tsv ON documents USING GIN (tsv)"))
    elif not inspector.has_table("documents_fts"):
        conn.execute(sa.text(SQLITE_FTS))
        conn.execute(
            sa.text(
                "INSERT INTO documents_fts (document_id, title, body) "
                "SELECT id, title, body FROM documents WHERE duplicate_of IS NULL"
            )
        )


def upgrade() -> None:
    conn = op.get_bind()
    BASELINE.create_all(conn, checkfirst=True)
    _full_text_index(conn)
    for index in SQL_INDEXES:
        conn.execute(sa.text("CREATE INDEX IF NOT EXISTS " + index))


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        conn.execute(sa.text("DROP TABLE IF EXISTS documents_fts"))
    BASELINE.drop_all(conn)
