"""Resolution left to do: documents stored but never resolved, and rebuilds a reprocess asked for.

A run killed between storing pages and resolving them leaves documents without a row in
``kb_resolved_documents``; a reprocess that replaced the facts of documents the knowledge
base had already used records the pending task ``kb_rebuild``. :func:`catch_up` does what is
left (a rebuild when one is pending, else the unresolved documents); ingest and reprocess call
it before and after their work, ``newsgraph resolve`` calls it, ``newsgraph resolve --all``
calls :func:`rebuild`. Both also cluster the stance issues across articles (:mod:`newsgraph.kb.issues`):
the labels not clustered yet, or all of them again with a rebuild.
"""

from __future__ import annotations

from sqlalchemy.engine import Connection

from newsgraph.kb.bulk import empty_kb
from newsgraph.kb.issues import cluster_new, rebuild_clusters
from newsgraph.kb.rebuild import rebuild_kb
from newsgraph.kb.resolve import ResolveSummary, resolve_new
from newsgraph.store.facts import prune_entities
from newsgraph.store.locks import RESOLUTION, exclusive
from newsgraph.store.schema_kb import require_kb
from newsgraph.store.schema_work import KB_REBUILD, clear_pending, has_pending


def rebuild(conn: Connection) -> ResolveSummary:
    """Rebuild the knowledge base from the stored facts in one pass (and drop the entities no fact names any more)."""
    exclusive(conn, RESOLUTION)
    require_kb(conn)
    empty_kb(conn)  # first, so the entities only the old knowledge base named are pruned
    prune_entities(conn)
    summary = rebuild_kb(conn)
    rebuild_clusters(conn)
    clear_pending(conn, KB_REBUILD)
    return summary


def rebuild_pending(conn: Connection) -> bool:
    return has_pending(conn, KB_REBUILD)


def catch_up(conn: Connection) -> ResolveSummary:
    """Do the resolution left to do: a pending rebuild, or else the documents not resolved yet."""
    if rebuild_pending(conn):
        return rebuild(conn)
    summary = resolve_new(conn)
    cluster_new(conn)
    return summary


__all__ = ["catch_up", "rebuild", "rebuild_pending"]
