"""The schema's history as Alembic revisions, shipped with the package and run when a database opens.

``env.py`` is Alembic's environment (it runs on the connection :mod:`newsgraph.store.migrations`
hands it, no ``alembic.ini``); ``versions/`` holds the revisions, oldest first: ``0001`` the
baseline (the frozen tables of :mod:`~newsgraph.store.revisions.baseline` and
:mod:`~newsgraph.store.revisions.baseline_derived`), then one file per change, each with real
``ALTER`` statements (batch mode on SQLite). To change the schema: change the table in
``store/schema*.py`` and add a revision file whose ``down_revision`` is the current head.
"""
