"""Voices (issue 11, item 4 "Stances"): the ``voices`` table, one row per position a person took on a
document's issue without holding an office that speaks for a country (a governor, a legislator, a party
leader, a candidate, a commentator), with its evidence.

A database upgraded from 0006 has no voices yet: its documents get them when they are re-extracted
(``newsgraph reprocess``), as every fact a new extractor finds. The table is written out here (not
imported from the store) so this revision stays what it was when later code changes; a database that has
the table already is left as it is. Both backends.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

INDEXES = (
    ("ix_voices_document_id", ["document_id"]),
    ("ix_voices_country", ["country"]),
    ("ix_voices_issue", ["issue"]),
    ("ix_voices_speaker_entity", ["speaker_entity_id"]),
)


def upgrade() -> None:
    conn = op.get_bind()
    if sa.inspect(conn).has_table("voices"):  # created where missing, as every revision since the baseline
        return
    op.create_table(
        "voices",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("document_id", sa.String(length=32), nullable=False),
        sa.Column("speaker", sa.Text(), nullable=False),
        sa.Column("speaker_entity_id", sa.String(length=32), nullable=True),
        sa.Column("speaker_role", sa.Text(), nullable=True),
        sa.Column("country", sa.String(length=3), nullable=True),
        sa.Column("issue", sa.Text(), nullable=False),
        sa.Column("position", sa.String(length=40), nullable=False),
        sa.Column("date", sa.String(length=10), nullable=True),
        sa.Column("sentence", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"]),
        sa.ForeignKeyConstraint(["speaker_entity_id"], ["entities.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    for name, columns in INDEXES:
        op.create_index(name, "voices", columns)


def downgrade() -> None:
    for name, _columns in INDEXES:
        op.drop_index(name, table_name="voices")
    op.drop_table("voices")
