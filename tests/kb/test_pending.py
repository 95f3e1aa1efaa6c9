"""Resolution left to do (newsgraph.kb.pending): unresolved documents, and a pending rebuild."""

from __future__ import annotations

from sqlalchemy import func, select

from newsgraph.core.settings import Settings
from newsgraph.ingest.pipeline import Pipeline
from newsgraph.kb.pending import catch_up, rebuild, rebuild_pending
from newsgraph.store.schema import entities
from newsgraph.store.schema_kb import drop_kb_rows, entity_links, kb_resolved_documents
from newsgraph.store.schema_work import KB_REBUILD, set_pending
from tests.conftest import ROOT
from tests.kb_fixtures import analyzer


def counts(conn) -> tuple[int, int, int]:
    return tuple(  # type: ignore[return-value]
        conn.execute(select(func.count()).select_from(t)).scalar_one()
        for t in (kb_resolved_documents, entity_links, entities)
    )


def test_catch_up_resolves_what_was_left_and_a_pending_rebuild_is_done_once(any_db_url: str) -> None:
    pipeline = Pipeline(Settings.load(env={}, db=any_db_url), analyzer=analyzer())
    pipeline.ingest([str(ROOT / "examples" / "pages")], published="2023-08-24")
    with pipeline.store.engine.begin() as conn:
        resolved = counts(conn)
        drop_kb_rows(conn)  # resolution is one transaction: a run killed before it commits leaves none
        assert catch_up(conn).documents == resolved[0]
        assert counts(conn) == resolved
        assert catch_up(conn).documents == 0
        set_pending(conn, KB_REBUILD)
        assert rebuild_pending(conn)
        assert catch_up(conn).documents == resolved[0]  # rebuilt from scratch
        assert not rebuild_pending(conn) and counts(conn) == resolved
        assert rebuild(conn).documents == resolved[0] and counts(conn) == resolved
    pipeline.store.close()
