"""Revision 0006 (newsgraph.store.revisions.versions.r0006_mention_roles): a database at revision 0005, with
its data, has the mentions that give a role indexed with their document instead of without, and goes
back; SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import create_engine, inspect, text

from newsgraph.store.db import Store
from newsgraph.store.migrations import _config, current_revision, head_revision, upgrade_database
from newsgraph.store.queries import entity_roles

ROWS = (
    "INSERT INTO documents (id, role, title, body, sources, content_hash, created_at, published) "
    "VALUES ('d1', 'main', 'One', 'Body one', '[]', 'h1', CURRENT_TIMESTAMP, '2021-05-04')",
    "INSERT INTO entities (id, kind, name) VALUES ('e1', 'person', 'Ana Pell')",
    'INSERT INTO mentions (document_id, entity_id, text, sentence, start, "end", role) VALUES '
    "('d1', 'e1', 'Ana Pell', 's', 0, 8, 'mayor'), ('d1', 'e1', 'Pell', 's', 9, 13, NULL)",
)
OLD, NEW = "ix_mentions_entity_role", "ix_mentions_entity_role_document"


def mention_indexes(url: str) -> set[str]:
    engine = create_engine(url)
    with engine.connect() as conn:
        names = {i["name"] for i in inspect(conn).get_indexes("mentions")}
    engine.dispose()
    return names & {OLD, NEW}


def test_a_database_at_revision_0005_gets_the_roles_indexed_with_their_document(any_db_url: str) -> None:
    engine = create_engine(any_db_url)
    upgrade_database(engine, "0005")
    with engine.begin() as conn:
        for statement in ROWS:
            conn.execute(text(statement))
    engine.dispose()
    assert mention_indexes(any_db_url) == {OLD}
    with Store(any_db_url) as store:
        assert store.schema_version() == head_revision()
        with store.connect() as conn:
            roles = entity_roles(conn, "e1")
    assert [(r["role"], r["first"], r["articles"], [d["id"] for d in r["documents"]]) for r in roles] == [
        ("mayor", "2021-05-04", 1, ["d1"])
    ]
    assert mention_indexes(any_db_url) == {NEW}


def test_revision_0006_goes_back_and_forth(any_db_url: str) -> None:
    from alembic import command

    Store(any_db_url).close()
    engine = create_engine(any_db_url)
    with engine.connect() as conn:
        command.downgrade(_config(conn), "0005")
        conn.commit()
        assert current_revision(conn) == "0005"
    engine.dispose()
    assert mention_indexes(any_db_url) == {OLD}
    with Store(any_db_url) as store:
        assert store.schema_version() == head_revision()
    assert mention_indexes(any_db_url) == {NEW}
