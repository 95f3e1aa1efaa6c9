"""Alembic's environment for newsgraph: runs the revisions on the connection it is handed.

:func:`newsgraph.store.migrations.upgrade_database` puts an open connection, already holding the
migration lock, in ``config.attributes["connection"]``; the revisions run on it, in the caller's
transaction (the caller commits). SQLite gets batch mode, so column changes that its ``ALTER
TABLE`` cannot do are done by copying the table.
"""

from __future__ import annotations

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=None, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
