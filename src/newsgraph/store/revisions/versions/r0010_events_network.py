"""Network speed at 100k documents (issue 15): on SQLite, a covering index of the newest events' columns the
actor network groups.

The network page's default network counts the newest 20,000 factual events (``store/network.py``):
walked down ``ix_events_day``, each of them was read from its row, scattered over the events table (the
evidence sentence makes rows wide). ``ix_events_network`` holds the same order, ``(day DESC, id)``, with
the columns the network filters and groups on, so the walk reads the index alone (the grouping's input
20,000 rows: 11 -> 5 ms on the 100k bench base). SQLite only, as revision 0005: PostgreSQL walks its own
``ix_events_day`` and was not measured with another index. The statement is written out here so this
revision stays what it was when later code changes.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

INDEX = (
    "CREATE INDEX IF NOT EXISTS ix_events_network ON events (day DESC, id, negated, hypothetical, type, "
    "actor_entity_id, actor_country, target_entity_id, target_country, actor, target)"
)


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        return
    conn.execute(sa.text(INDEX))
    if conn.execute(sa.text("SELECT 1 FROM events LIMIT 1")).first() is not None:
        conn.execute(sa.text("ANALYZE events"))  # whole-table statistics, as revision 0004 gathers them


def downgrade() -> None:
    op.get_bind().execute(sa.text("DROP INDEX IF EXISTS ix_events_network"))
