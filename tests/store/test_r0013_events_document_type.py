"""Revision 0013 (newsgraph.store.revisions.versions.r0013_events_document_type): a database at revision 0012,
with its documents and events, gets the index of a document's events by type (search's event-type filter
gives the same documents), and goes back; SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import create_engine, text

from newsgraph.store.db import Store
from newsgraph.store.filters import Filters
from newsgraph.store.migrations import _config, current_revision, head_revision, upgrade_database
from newsgraph.store.search import create_index
from tests.revision_fixtures import index_names

DOCUMENT = (
    "INSERT INTO documents (id, role, title, body, sources, content_hash, created_at, published) "
    "VALUES ('{id}', 'main', 'Ferry crews {id}', 'Ferry crews met the port board.', '[]', '{id}', "
    "CURRENT_TIMESTAMP, '2021-05-04')"
)
EVENT = (
    'INSERT INTO events (document_id, type, actor, negated, hypothetical, sentence, start, "end") '
    "VALUES ('{id}', '{type}', 'crews', {negated}, false, 's', 0, 4)"
)
ROWS = (
    DOCUMENT.format(id="d1"),
    DOCUMENT.format(id="d2"),
    DOCUMENT.format(id="d3"),
    EVENT.format(id="d1", type="PROTEST", negated="false"),
    EVENT.format(id="d2", type="PROTEST", negated="true"),  # not a fact
    EVENT.format(id="d3", type="CONSULT", negated="false"),
)
INDEX = "ix_events_document_type"


def has_index(url: str) -> bool:
    return INDEX in index_names(url)


def _protest_documents(store: Store) -> list[str]:
    return [h.document_id for h in store.search("ferry", Filters.make(event_type="PROTEST"))]


def test_a_database_at_revision_0012_gets_the_events_indexed_by_document_and_type(any_db_url: str) -> None:
    engine = create_engine(any_db_url)
    upgrade_database(engine, "0012")
    with engine.begin() as conn:
        for statement in ROWS:
            conn.execute(text(statement))
        if conn.dialect.name == "sqlite":  # the full-text rows ingest writes (PostgreSQL's column is generated)
            conn.execute(text("DELETE FROM documents_fts"))
            create_index(conn)
    engine.dispose()
    assert not has_index(any_db_url)
    with Store(any_db_url) as store:
        assert store.schema_version() == head_revision()
        assert _protest_documents(store) == ["d1"]
    assert has_index(any_db_url)


def test_revision_0013_goes_back_and_forth(any_db_url: str) -> None:
    from alembic import command

    Store(any_db_url).close()
    engine = create_engine(any_db_url)
    with engine.connect() as conn:
        command.downgrade(_config(conn), "0012")
        conn.commit()
        assert current_revision(conn) == "0012"
    engine.dispose()
    assert not has_index(any_db_url)
    with Store(any_db_url) as store:
        assert store.schema_version() == head_revision()
    assert has_index(any_db_url)
