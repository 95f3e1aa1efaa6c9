"""Overview pages at 100k documents (issues 13 and 15): the stance board's cells kept current at ingest.

- ``stances.stated``: the stance's date, else its document's publication date (what the board orders a
  cell's statements by), set for every stored stance;
- ``ix_stances_cell_stated`` on ``stances (country, issue, stated, id)``, newest first, undated last: a
  cell's latest statements without reading the others (the "as of" replay of the board);
- ``stance_cells``: per country and stored issue label, its statements and the one that wins it (see
  :mod:`newsgraph.store.schema_summary`), filled from the stances of the counted documents.

The board without an "as of" date read every statement with its document (18,590 on the 100k bench base,
for 54 cells). The statements are written out here (not imported from the store) so this revision stays
what it was when later code changes. Both backends; an older database keeps its data and gets the
column filled.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

CELL_INDEX = {
    "postgresql": "CREATE INDEX IF NOT EXISTS ix_stances_cell_stated "
    "ON stances (country, issue, stated DESC NULLS LAST, id DESC)",
    "sqlite": "CREATE INDEX IF NOT EXISTS ix_stances_cell_stated ON stances (country, issue, stated DESC, id DESC)",
}
FILL = (
    """UPDATE stances SET stated = coalesce(stances.date,
        (SELECT d.published FROM documents d WHERE d.id = stances.document_id))""",
    "DELETE FROM stance_cells",
    """INSERT INTO stance_cells (country, issue, statements, latest_id, latest_stated)
    SELECT country, issue, n, id, coalesce(stated, '') FROM (
        SELECT s.id, s.country, s.issue, s.stated,
               row_number() OVER (PARTITION BY s.country, s.issue
                                  ORDER BY coalesce(s.stated, '') DESC, s.id DESC) AS rn,
               count(*) OVER (PARTITION BY s.country, s.issue) AS n
        FROM stances s JOIN summary_documents c ON c.document_id = s.document_id
    ) ranked WHERE rn = 1""",
)


def upgrade() -> None:
    conn = op.get_bind()
    if "stated" not in {c["name"] for c in sa.inspect(conn).get_columns("stances")}:
        with op.batch_alter_table("stances") as batch:
            batch.add_column(sa.Column("stated", sa.String(32), nullable=True))
    if not sa.inspect(conn).has_table("stance_cells"):
        op.create_table(
            "stance_cells",
            sa.Column("country", sa.String(3), primary_key=True),
            sa.Column("issue", sa.Text(), primary_key=True),
            sa.Column("statements", sa.Integer(), nullable=False),
            sa.Column("latest_id", sa.Integer(), nullable=False),
            sa.Column("latest_stated", sa.String(32), nullable=False),
        )
    for statement in FILL:
        conn.execute(sa.text(statement))
    conn.execute(sa.text(CELL_INDEX["postgresql" if conn.dialect.name == "postgresql" else "sqlite"]))
    if conn.execute(sa.text("SELECT 1 FROM stances LIMIT 1")).first() is not None:
        for table in ("stances", "stance_cells"):
            conn.execute(sa.text(f"ANALYZE {table}"))  # whole-table statistics, as revision 0004 gathers them


def downgrade() -> None:
    conn = op.get_bind()
    op.drop_table("stance_cells")
    conn.execute(sa.text("DROP INDEX IF EXISTS ix_stances_cell_stated"))
    with op.batch_alter_table("stances") as batch:
        batch.drop_column("stated")
