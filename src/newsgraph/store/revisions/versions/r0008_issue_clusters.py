"""Issues across articles (issue 11, item 4 "Stances"): the ``issue_clusters`` and ``issue_cluster_members``
tables, which group the stance issue labels of different documents into one issue with a stable key and a
readable label (:mod:`newsgraph.kb.issues`).

The tables are created empty: the next catch-up (``newsgraph resolve``, or any ingest) clusters every stored
label, ``newsgraph resolve --all`` rebuilds them; until then the stance board shows each label as its own
column, as before. The tables are written out here (not imported from the store) so this revision stays what
it was when later code changes; tables that exist already are left as they are. Both backends.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    have = set(sa.inspect(op.get_bind()).get_table_names())
    if "issue_clusters" not in have:
        op.create_table(
            "issue_clusters",
            sa.Column("key", sa.String(length=32), nullable=False),
            sa.Column("label", sa.Text(), nullable=False),
            sa.Column("members", sa.Integer(), nullable=False),
            sa.Column("first_date", sa.String(length=10), nullable=True),
            sa.Column("last_date", sa.String(length=10), nullable=True),
            sa.PrimaryKeyConstraint("key"),
        )
    if "issue_cluster_members" not in have:
        op.create_table(
            "issue_cluster_members",
            sa.Column("issue", sa.Text(), nullable=False),
            sa.Column("cluster_key", sa.String(length=32), nullable=False),
            sa.Column("first_date", sa.String(length=10), nullable=True),
            sa.Column("last_date", sa.String(length=10), nullable=True),
            sa.Column("documents", sa.Integer(), nullable=False),
            sa.Column("countries", sa.Text(), nullable=False),
            sa.Column("rule", sa.String(length=16), nullable=False),
            sa.Column("score", sa.Float(), nullable=False),
            sa.PrimaryKeyConstraint("issue"),
        )
        op.create_index("ix_issue_cluster_members_cluster", "issue_cluster_members", ["cluster_key"])


def downgrade() -> None:
    op.drop_index("ix_issue_cluster_members_cluster", table_name="issue_cluster_members")
    op.drop_table("issue_cluster_members")
    op.drop_table("issue_clusters")
