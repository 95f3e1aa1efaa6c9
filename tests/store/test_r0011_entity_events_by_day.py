"""Revision 0011 (newsgraph.store.revisions.versions.r0011_entity_events_by_day): a database at revision 0010,
with its events, gets an entity's events indexed by side and day (the entity page's lists stay the same), and
goes back; SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import create_engine, text

from newsgraph.store.db import Store
from newsgraph.store.migrations import _config, current_revision, head_revision, upgrade_database
from newsgraph.store.queries import list_event_reports
from tests.revision_fixtures import index_names

EVENT = (
    "INSERT INTO events (document_id, type, actor, actor_entity_id, target, target_entity_id, negated, "
    "hypothetical, sentence, start, \"end\", day) VALUES ('d1', 'CONSULT', 'Ana Pell', 'e1', 'Tom Reyl', 'e2', "
    "false, false, 's', {start}, 4, {day})"
)
ROWS = (
    "INSERT INTO documents (id, role, title, body, sources, content_hash, created_at, published) "
    "VALUES ('d1', 'main', 'One', 'Body one', '[]', 'h1', CURRENT_TIMESTAMP, '2021-05-04')",
    "INSERT INTO entities (id, kind, name) VALUES ('e1', 'person', 'Ana Pell'), ('e2', 'person', 'Tom Reyl')",
    EVENT.format(start=0, day="'2021-05-04'"),
    EVENT.format(start=1, day="NULL"),
    EVENT.format(start=2, day="'2021-06-01'"),
    EVENT.format(start=3, day="'2021-05-04'"),
)
INDEXES = {"ix_events_actor_day", "ix_events_target_day"}


def indexes(url: str) -> set[str]:
    return index_names(url) & INDEXES


def test_a_database_at_revision_0010_gets_the_entity_events_indexed_by_day(any_db_url: str) -> None:
    engine = create_engine(any_db_url)
    upgrade_database(engine, "0010")
    with engine.begin() as conn:
        for statement in ROWS:
            conn.execute(text(statement))
    engine.dispose()
    assert not indexes(any_db_url)
    with Store(any_db_url) as store:
        assert store.schema_version() == head_revision()
        with store.connect() as conn:
            for side in ("actor", "target"):
                rows, _ = list_event_reports(
                    conn, include_negated=True, counted=False, **{side: f"e{1 + (side == 'target')}"}
                )
                assert [r["start"] for r in rows] == [2, 0, 3, 1]  # newest first, undated last, then by id
                rows, _ = list_event_reports(
                    conn, include_negated=True, counted=False, limit=2, **{side: f"e{1 + (side == 'target')}"}
                )
                assert [r["start"] for r in rows] == [2, 0]
    assert indexes(any_db_url) == INDEXES


def test_revision_0011_goes_back_and_forth(any_db_url: str) -> None:
    from alembic import command

    Store(any_db_url).close()
    engine = create_engine(any_db_url)
    with engine.connect() as conn:
        command.downgrade(_config(conn), "0010")
        conn.commit()
        assert current_revision(conn) == "0010"
    engine.dispose()
    assert not indexes(any_db_url)
    with Store(any_db_url) as store:
        assert store.schema_version() == head_revision()
    assert indexes(any_db_url) == INDEXES
