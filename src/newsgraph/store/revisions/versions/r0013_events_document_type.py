"""Search speed at 100k documents (issue 15): whether a document holds a factual event of a type, in one
index lookup.

Search's event-type filter asks, per candidate document, whether it holds an event of the type that is
neither negated nor hypothetical (``newsgraph.store.filters.document_conditions``). With only
``ix_events_document_id`` that read every event row of the document; and on an SQLite database without
statistics (``ANALYZE`` never run) the planner chose ``ix_events_type`` instead and read every event of
the type for each candidate (minutes for a common word on the 100k bench base). ``ix_events_document_type``
on ``(document_id, type, negated, hypothetical)`` answers the question from the index alone. Both backends;
the statement is written out here so this revision stays what it was when later code changes.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

INDEX = "CREATE INDEX IF NOT EXISTS ix_events_document_type ON events (document_id, type, negated, hypothetical)"


def upgrade() -> None:
    conn = op.get_bind()
    conn.execute(sa.text(INDEX))
    if conn.execute(sa.text("SELECT 1 FROM events LIMIT 1")).first() is not None:
        conn.execute(sa.text("ANALYZE events"))  # whole-table statistics, as revision 0004 gathers them


def downgrade() -> None:
    op.get_bind().execute(sa.text("DROP INDEX IF EXISTS ix_events_document_type"))
