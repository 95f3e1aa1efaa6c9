"""Revision 0008 (newsgraph.store.revisions.versions.r0008_issue_clusters): a database at revision 0007, with
its stances, gets the issue cluster tables (empty, indexed); a catch-up then clusters the stored labels and
the stance board shows one column per cluster; the revision goes back and forth; SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import create_engine, func, inspect, select, text

from newsgraph.analysis.stances import board
from newsgraph.kb.pending import catch_up
from newsgraph.store.db import Store
from newsgraph.store.migrations import _config, current_revision, head_revision, upgrade_database
from newsgraph.store.schema_kb import issue_cluster_members

ROWS = (
    "INSERT INTO documents (id, role, title, body, sources, content_hash, created_at, published) "
    "VALUES ('d1', 'main', 'One', 'Body one', '[]', 'h1', CURRENT_TIMESTAMP, '2021-05-04')",
    "INSERT INTO documents (id, role, title, body, sources, content_hash, created_at, published) "
    "VALUES ('d2', 'main', 'Two', 'Body two', '[]', 'h2', CURRENT_TIMESTAMP, '2021-05-09')",
    'INSERT INTO stances (document_id, country, issue, position, date, sentence, start, "end") '
    "VALUES ('d1', 'PER', 'agreement (France, Peru)', 'supports', '2021-05-04', 's', 0, 4)",
    'INSERT INTO stances (document_id, country, issue, position, date, sentence, start, "end") '
    "VALUES ('d2', 'CHL', 'port agreement (France, Peru)', 'opposes', '2021-05-09', 's', 0, 4)",
)
TABLES = {"issue_clusters", "issue_cluster_members"}


def tables(url: str) -> tuple[set[str], set[str]]:
    engine = create_engine(url)
    with engine.connect() as conn:
        inspector = inspect(conn)
        names = set(inspector.get_table_names())
        indexes = (
            {i["name"] for i in inspector.get_indexes("issue_cluster_members")}
            if "issue_cluster_members" in names
            else set()
        )
    engine.dispose()
    return names, indexes


def test_a_database_at_revision_0007_gets_the_issue_cluster_tables(any_db_url: str) -> None:
    engine = create_engine(any_db_url)
    upgrade_database(engine, "0007")
    with engine.begin() as conn:
        for statement in ROWS:
            conn.execute(text(statement))
    engine.dispose()
    assert not TABLES & tables(any_db_url)[0]
    with Store(any_db_url) as store:
        assert store.schema_version() == head_revision()
        with store.connect() as conn:
            assert conn.execute(select(func.count()).select_from(issue_cluster_members)).scalar_one() == 0
            assert {c.issue for c in board(conn)} == {"agreement (France, Peru)", "port agreement (France, Peru)"}
        with store.engine.begin() as conn:
            catch_up(conn)
        with store.connect() as conn:
            cells = board(conn)
    assert {(c.country, c.issue) for c in cells} == {
        ("PER", "port agreement (France, Peru)"),
        ("CHL", "port agreement (France, Peru)"),
    }
    names, indexes = tables(any_db_url)
    assert names >= TABLES and "ix_issue_cluster_members_cluster" in indexes


def test_revision_0008_goes_back_and_forth(any_db_url: str) -> None:
    from alembic import command

    Store(any_db_url).close()
    engine = create_engine(any_db_url)
    with engine.connect() as conn:
        command.downgrade(_config(conn), "0007")
        conn.commit()
        assert current_revision(conn) == "0007"
    engine.dispose()
    assert not TABLES & tables(any_db_url)[0]
    with Store(any_db_url) as store:
        assert store.schema_version() == head_revision()
    assert tables(any_db_url)[0] >= TABLES
