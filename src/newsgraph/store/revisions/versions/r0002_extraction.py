"""Extractor version per document, the reprocess queue and pending tasks (numbered migration 7).

``documents`` gets ``extractor_version`` and ``extraction``; a document that has facts (a
mention or a tone) was extracted by the extractor of its time, version 1, and is stamped so.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# The extractor version documents extracted before the column existed are stamped with.
BASELINE_EXTRACTOR = 1


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("extractor_version", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("extraction", sa.String(length=8), nullable=True))
    op.execute(
        f"UPDATE documents SET extractor_version = {BASELINE_EXTRACTOR}, extraction = 'ok' "
        "WHERE id IN (SELECT document_id FROM mentions) OR id IN (SELECT document_id FROM tones)"
    )
    op.create_table(
        "reprocess_queue",
        sa.Column("document_id", sa.String(length=32), sa.ForeignKey("documents.id"), primary_key=True),
        sa.Column("queued_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "pending_tasks",
        sa.Column("name", sa.String(length=32), primary_key=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("pending_tasks")
    op.drop_table("reprocess_queue")
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("extraction")
        batch.drop_column("extractor_version")
