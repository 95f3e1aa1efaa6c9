"""Who runs a run and whether it still does: ``runs.status``, ``pid``, ``host``, ``heartbeat_at``
(numbered migration 8). Runs finished before are marked ``finished``."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("runs") as batch:
        batch.add_column(sa.Column("status", sa.String(length=12), nullable=True))
        batch.add_column(sa.Column("pid", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("host", sa.String(length=255), nullable=True))
        batch.add_column(sa.Column("heartbeat_at", sa.DateTime(timezone=True), nullable=True))
    op.execute("UPDATE runs SET status = 'finished' WHERE finished_at IS NOT NULL")


def downgrade() -> None:
    with op.batch_alter_table("runs") as batch:
        for name in ("heartbeat_at", "host", "pid", "status"):
            batch.drop_column(name)
