"""Entity page speed: the mentions that give a role are indexed with their document.

The entity page lists, per role an entity was given, its first and last date, how many documents
and the latest of them (``store/queries.entity_roles``): it reads each role mention's document.
Revision 0004's ``ix_mentions_entity_role`` on ``(entity_id, role)`` found those mentions, but their
documents were read from the mention rows, scattered over the largest table (the 54,400 role
mentions of the most-mentioned person of the 100k bench base: 130 ms of reading).
``ix_mentions_entity_role_document`` adds ``document_id``, so the page reads the index alone, and
replaces the older index (the same rows, one column more). Both backends.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

NEW = "ix_mentions_entity_role_document ON mentions (entity_id, role, document_id) WHERE role IS NOT NULL"
OLD = "ix_mentions_entity_role ON mentions (entity_id, role) WHERE role IS NOT NULL"


def upgrade() -> None:
    conn = op.get_bind()
    conn.execute(sa.text(f"CREATE INDEX IF NOT EXISTS {NEW}"))
    conn.execute(sa.text("DROP INDEX IF EXISTS ix_mentions_entity_role"))
    if conn.execute(sa.text("SELECT 1 FROM mentions LIMIT 1")).first() is not None:
        conn.execute(sa.text("ANALYZE mentions"))  # whole-table statistics, as revision 0004 gathers them


def downgrade() -> None:
    conn = op.get_bind()
    conn.execute(sa.text(f"CREATE INDEX IF NOT EXISTS {OLD}"))
    conn.execute(sa.text("DROP INDEX IF EXISTS ix_mentions_entity_role_document"))
