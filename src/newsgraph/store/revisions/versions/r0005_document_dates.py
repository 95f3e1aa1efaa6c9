"""Overview speed on SQLite: a covering index of the document columns the overview pages read by id.

The stance board, the entity page's roles, the latest articles, the timeline's events and the
filters on a document's date look a document up by id for its ``published`` date, its first page
(whose date a teaser takes) or whether it is a near-duplicate. In a SQLite row those columns come
after ``body``, so each lookup read the body's overflow pages: on the 100k bench base the stance
board of all issues spent half its time there (13,182 lookups). ``ix_documents_dates`` holds them
beside the id, so these lookups never touch the row.

PostgreSQL keeps a long body out of line (TOAST), so its rows stay short and the index would only
cost writes: the revision leaves PostgreSQL as it is.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

INDEX = "ix_documents_dates"
COLUMNS = "documents (id, published, first_page_id, duplicate_of)"


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        return
    conn.execute(sa.text(f"CREATE INDEX IF NOT EXISTS {INDEX} ON {COLUMNS}"))
    if conn.execute(sa.text("SELECT 1 FROM documents LIMIT 1")).first() is not None:
        conn.execute(sa.text("ANALYZE documents"))  # whole-table statistics, as revision 0004 gathers them


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        conn.execute(sa.text(f"DROP INDEX IF EXISTS {INDEX}"))
