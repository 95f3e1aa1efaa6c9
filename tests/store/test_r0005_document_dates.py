"""Revision 0005 (newsgraph.store.revisions.versions.r0005_document_dates): a SQLite database at
revision 0004, with its data, gains the covering index of the documents' dates and goes back;
PostgreSQL is left as it is."""

from __future__ import annotations

from sqlalchemy import create_engine, inspect, text

from newsgraph.store.db import Store
from newsgraph.store.migrations import _config, current_revision, head_revision, upgrade_database

ROWS = (
    "INSERT INTO pages (id, source, kind, published, ingested_at) VALUES ('p1', 'a.txt', 'text', '2021-05-04', "
    "CURRENT_TIMESTAMP)",
    "INSERT INTO documents (id, role, title, body, sources, content_hash, first_page_id, created_at, published) "
    "VALUES ('d1', 'main', 'One', 'Body one', '[]', 'h1', 'p1', CURRENT_TIMESTAMP, '2021-05-04T08:00:00')",
)


def document_indexes(url: str) -> set[str]:
    engine = create_engine(url)
    with engine.connect() as conn:
        names = {i["name"] for i in inspect(conn).get_indexes("documents")}
    engine.dispose()
    return names


def test_a_database_at_revision_0004_gains_the_index_on_sqlite_only(any_db_url: str) -> None:
    engine = create_engine(any_db_url)
    upgrade_database(engine, "0004")
    with engine.begin() as conn:
        for statement in ROWS:
            conn.execute(text(statement))
    engine.dispose()
    assert "ix_documents_dates" not in document_indexes(any_db_url)
    with Store(any_db_url) as store:
        assert store.schema_version() == head_revision()
        with store.connect() as conn:
            assert conn.execute(text("SELECT published FROM documents WHERE id = 'd1'")).scalar_one().startswith("2021")
    sqlite = any_db_url.startswith("sqlite")
    assert ("ix_documents_dates" in document_indexes(any_db_url)) is sqlite


def test_revision_0005_goes_back_and_forth(any_db_url: str) -> None:
    from alembic import command

    Store(any_db_url).close()
    engine = create_engine(any_db_url)
    with engine.connect() as conn:
        command.downgrade(_config(conn), "0004")
        conn.commit()
        assert current_revision(conn) == "0004"
    engine.dispose()
    assert "ix_documents_dates" not in document_indexes(any_db_url)
    with Store(any_db_url) as store:
        assert store.schema_version() == head_revision()
    assert ("ix_documents_dates" in document_indexes(any_db_url)) is any_db_url.startswith("sqlite")
