"""Entity profile speed at 100k documents (issue 15): the links of a canonical entity added up from an index.

``entity_profile`` (``newsgraph entity``) adds up a canonical entity's links: mentions, documents, first and
last date, documents per country, member entities. ``ix_entity_links_canonical`` on ``(canonical_id,
published)`` found the links, but every other column was read from the link rows (the 59,150 links of the
most-linked entity of the 100k bench base: 300 ms). The index now also holds ``document_id``, ``entity_id``,
``mentions`` and ``country`` (the same name and leading columns, so the latest documents are still read
down it in date order), and ``ix_entity_links_entity_canonical`` on ``(entity_id, canonical_id)`` gives the
canonical entities a member entity links to without reading its link rows (``find_canonical``: 66 ms for
the member entity of 59,150 links). Both backends; the knowledge-base rebuild drops and builds them again
as declared in ``store/schema_kb.py``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

COVER = ["canonical_id", "published", "document_id", "entity_id", "mentions", "country"]


def upgrade() -> None:
    conn = op.get_bind()
    have = {i["name"] for i in sa.inspect(conn).get_indexes("entity_links")}
    if "ix_entity_links_canonical" in have:
        op.drop_index("ix_entity_links_canonical", table_name="entity_links")
    op.create_index("ix_entity_links_canonical", "entity_links", COVER)
    if "ix_entity_links_entity_canonical" not in have:
        op.create_index("ix_entity_links_entity_canonical", "entity_links", ["entity_id", "canonical_id"])
    if conn.execute(sa.text("SELECT 1 FROM entity_links LIMIT 1")).first() is not None:
        conn.execute(sa.text("ANALYZE entity_links"))  # whole-table statistics, as revision 0004 gathers them


def downgrade() -> None:
    op.drop_index("ix_entity_links_entity_canonical", table_name="entity_links")
    op.drop_index("ix_entity_links_canonical", table_name="entity_links")
    op.create_index("ix_entity_links_canonical", "entity_links", ["canonical_id", "published"])
