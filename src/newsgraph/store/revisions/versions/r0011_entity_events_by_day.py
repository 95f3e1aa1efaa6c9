"""Entity page speed at 100k documents (issue 15): an entity's events as actor and as target, newest first,
read down an index in that order.

The entity page lists an entity's latest 100 events as actor and as target, ordered as every event list
(``events.day`` newest first, undated last, then id). Through ``ix_events_actor_entity`` (the entity alone)
every event of the entity was read and joined to its document, then sorted: the 100k bench base's most
reported person has thousands. ``ix_events_actor_day`` and ``ix_events_target_day`` add the order, so the
lists stop after their 100 rows. Both backends (NULLS LAST written out on PostgreSQL, as ``ix_events_day``);
the statements are written out here so this revision stays what it was when later code changes.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

SIDES = ("actor", "target")


def _index(side: str, dialect: str) -> str:
    nulls = " NULLS LAST" if dialect == "postgresql" else ""  # SQLite sorts NULL last in DESC
    return f"CREATE INDEX IF NOT EXISTS ix_events_{side}_day ON events ({side}_entity_id, day DESC{nulls}, id)"


def upgrade() -> None:
    conn = op.get_bind()
    for side in SIDES:
        conn.execute(sa.text(_index(side, conn.dialect.name)))
    if conn.execute(sa.text("SELECT 1 FROM events LIMIT 1")).first() is not None:
        conn.execute(sa.text("ANALYZE events"))  # whole-table statistics, as revision 0004 gathers them


def downgrade() -> None:
    conn = op.get_bind()
    for side in SIDES:
        conn.execute(sa.text(f"DROP INDEX IF EXISTS ix_events_{side}_day"))
