"""Speed at 100k documents: the indexes the entity and event pages read through, ``events.day``, and the
summary tables (counts per entity and per day), filled from the stored facts.

- indexes on ``events (actor_entity_id)``, ``events (target_entity_id)``,
  ``quotes (speaker_entity_id)``, ``canonical_entities (name_key)``, the mentions that give a
  role, and (PostgreSQL) an entity's latest mentions;
- ``events.day``: the event's date, else its document's (the document's own, else its first
  page's), cut to ``YYYY-MM-DD``; indexed newest first for the time-ordered lists;
- ``summary_documents``, ``entity_totals``, ``entity_days``, ``day_totals``, ``day_event_types``
  (see :mod:`newsgraph.store.schema_summary`), filled here with one statement each.

The statements are written out here (not imported from the store) so this revision stays what it
was when later code changes.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

INDEXES = (
    ("ix_events_actor_entity", "events", "actor_entity_id"),
    ("ix_events_target_entity", "events", "target_entity_id"),
    ("ix_quotes_speaker_entity", "quotes", "speaker_entity_id"),
    ("ix_canonical_entities_name_key", "canonical_entities", "name_key"),
)
# The roles an entity was given (few of its mentions carry one), its latest mentions (PostgreSQL; SQLite's
# index on mentions (entity_id) holds the rowid already).
PARTIAL_INDEXES = {
    "ix_mentions_entity_role": "mentions (entity_id, role) WHERE role IS NOT NULL",
    "ix_mentions_entity_recent": "mentions (entity_id, id)",
}
# Newest first, undated last, ties by id: the order of the event lists.
DAY_INDEX = {
    "postgresql": "CREATE INDEX IF NOT EXISTS ix_events_day ON events (day DESC NULLS LAST, id)",
    "sqlite": "CREATE INDEX IF NOT EXISTS ix_events_day ON events (day DESC, id)",  # SQLite sorts NULL last in DESC
}
SUMMARY_TABLES = ("summary_documents", "entity_totals", "entity_days", "day_totals", "day_event_types")
DOCUMENT_DAY = "coalesce(substr(coalesce(d.published, p.published), 1, 10), '')"
FACTUAL = "e.negated = false AND e.hypothetical = false"

FILL = (
    """UPDATE events SET day = (
        SELECT substr(coalesce(events.date, d.published, p.published), 1, 10)
        FROM documents d LEFT JOIN pages p ON p.id = d.first_page_id WHERE d.id = events.document_id)""",
    f"""INSERT INTO summary_documents (document_id, day, role)
        SELECT d.id, {DOCUMENT_DAY}, d.role FROM documents d LEFT JOIN pages p ON p.id = d.first_page_id
        WHERE d.duplicate_of IS NULL""",
    """INSERT INTO entity_totals (entity_id, documents, mentions, as_actor, as_target, quotes)
        SELECT entity_id, sum(documents), sum(mentions), sum(as_actor), sum(as_target), sum(quotes) FROM (
            SELECT m.entity_id, count(DISTINCT m.document_id) AS documents, count(*) AS mentions,
                   0 AS as_actor, 0 AS as_target, 0 AS quotes
            FROM mentions m JOIN summary_documents s ON s.document_id = m.document_id GROUP BY m.entity_id
            UNION ALL
            SELECT e.actor_entity_id, 0, 0, count(*), 0, 0 FROM events e
            JOIN summary_documents s ON s.document_id = e.document_id
            WHERE e.actor_entity_id IS NOT NULL GROUP BY e.actor_entity_id
            UNION ALL
            SELECT e.target_entity_id, 0, 0, 0, count(*), 0 FROM events e
            JOIN summary_documents s ON s.document_id = e.document_id
            WHERE e.target_entity_id IS NOT NULL GROUP BY e.target_entity_id
            UNION ALL
            SELECT q.speaker_entity_id, 0, 0, 0, 0, count(*) FROM quotes q
            JOIN summary_documents s ON s.document_id = q.document_id
            WHERE q.speaker_entity_id IS NOT NULL GROUP BY q.speaker_entity_id
        ) parts GROUP BY entity_id""",
    """INSERT INTO entity_days (entity_id, day, documents, mentions)
        SELECT m.entity_id, s.day, count(DISTINCT m.document_id), count(*)
        FROM mentions m JOIN summary_documents s ON s.document_id = m.document_id GROUP BY m.entity_id, s.day""",
    f"""INSERT INTO day_totals (day, documents, articles, mentions, events)
        SELECT day, sum(documents), sum(articles), sum(mentions), sum(events) FROM (
            SELECT s.day, count(*) AS documents, sum(CASE WHEN s.role = 'main' THEN 1 ELSE 0 END) AS articles,
                   0 AS mentions, 0 AS events
            FROM summary_documents s GROUP BY s.day
            UNION ALL
            SELECT s.day, 0, 0, count(*), 0 FROM mentions m JOIN summary_documents s ON s.document_id = m.document_id
            GROUP BY s.day
            UNION ALL
            SELECT s.day, 0, 0, 0, count(*) FROM events e JOIN summary_documents s ON s.document_id = e.document_id
            WHERE {FACTUAL} GROUP BY s.day
        ) parts GROUP BY day""",
    f"""INSERT INTO day_event_types (day, type, events)
        SELECT e.day, e.type, count(*) FROM events e JOIN summary_documents s ON s.document_id = e.document_id
        WHERE {FACTUAL} AND e.day IS NOT NULL GROUP BY e.day, e.type""",
)


def _create_tables() -> None:
    count = sa.Integer()
    op.create_table(
        "summary_documents",
        sa.Column("document_id", sa.String(32), primary_key=True),
        sa.Column("day", sa.String(10), nullable=False),
        sa.Column("role", sa.String(8), nullable=False),
    )
    op.create_index("ix_summary_documents_day", "summary_documents", ["day"])
    op.create_table(
        "entity_totals",
        sa.Column("entity_id", sa.String(32), primary_key=True),
        *(sa.Column(c, count, nullable=False) for c in ("documents", "mentions", "as_actor", "as_target", "quotes")),
    )
    op.create_index("ix_entity_totals_rank", "entity_totals", ["documents", "mentions"])
    op.create_table(
        "entity_days",
        sa.Column("entity_id", sa.String(32), primary_key=True),
        sa.Column("day", sa.String(10), primary_key=True),
        sa.Column("documents", count, nullable=False),
        sa.Column("mentions", count, nullable=False),
    )
    op.create_index("ix_entity_days_day", "entity_days", ["day", "entity_id", "documents", "mentions"])
    op.create_table(
        "day_totals",
        sa.Column("day", sa.String(10), primary_key=True),
        *(sa.Column(c, count, nullable=False) for c in ("documents", "articles", "mentions", "events")),
    )
    op.create_table(
        "day_event_types",
        sa.Column("day", sa.String(10), primary_key=True),
        sa.Column("type", sa.String(12), primary_key=True),
        sa.Column("events", count, nullable=False),
    )


def upgrade() -> None:
    """Idempotent: a database whose schema already has these (stamped at an older revision) is filled again."""
    conn = op.get_bind()
    for name, table, column in INDEXES:
        conn.execute(sa.text(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({column})"))
    for name, what in PARTIAL_INDEXES.items():
        if name != "ix_mentions_entity_recent" or conn.dialect.name == "postgresql":
            conn.execute(sa.text(f"CREATE INDEX IF NOT EXISTS {name} ON {what}"))
    if "day" not in {c["name"] for c in sa.inspect(conn).get_columns("events")}:
        with op.batch_alter_table("events") as batch:
            batch.add_column(sa.Column("day", sa.String(10), nullable=True))
    if not sa.inspect(conn).has_table("summary_documents"):
        _create_tables()
    for table in SUMMARY_TABLES:
        conn.execute(sa.text(f"DELETE FROM {table}"))
    for statement in FILL:
        conn.execute(sa.text(statement))
    conn.execute(sa.text(DAY_INDEX["postgresql" if conn.dialect.name == "postgresql" else "sqlite"]))
    # Planner statistics for the new tables and indexes of a database with data (whole tables: SQLite's
    # sampled statistics, analysis_limit, were off by 25x on the 100k bench base and made filtered event
    # lists slower). A new, empty database gets none (and no sqlite_stat1 table).
    if conn.execute(sa.text("SELECT 1 FROM documents LIMIT 1")).first() is not None:
        for table in (*SUMMARY_TABLES, "events", "quotes", "mentions", "canonical_entities"):
            conn.execute(sa.text(f"ANALYZE {table}"))


def downgrade() -> None:
    for table in reversed(SUMMARY_TABLES):
        op.drop_table(table)
    conn = op.get_bind()
    conn.execute(sa.text("DROP INDEX IF EXISTS ix_events_day"))
    with op.batch_alter_table("events") as batch:
        batch.drop_column("day")
    for name in [*(i[0] for i in INDEXES), *PARTIAL_INDEXES]:
        conn.execute(sa.text(f"DROP INDEX IF EXISTS {name}"))
