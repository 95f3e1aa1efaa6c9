"""Revision 0010 (newsgraph.store.revisions.versions.r0010_events_network): a SQLite database at revision
0009, with its events, gets the covering index the actor network reads the newest events through (the
network is the same), and goes back; PostgreSQL is left as it was."""

from __future__ import annotations

from sqlalchemy import create_engine, text

from newsgraph.store.db import Store
from newsgraph.store.migrations import _config, current_revision, head_revision, upgrade_database
from newsgraph.store.queries import actor_network
from tests.revision_fixtures import index_names

ROWS = (
    "INSERT INTO documents (id, role, title, body, sources, content_hash, created_at, published) "
    "VALUES ('d1', 'main', 'One', 'Body one', '[]', 'h1', CURRENT_TIMESTAMP, '2021-05-04')",
    "INSERT INTO events (document_id, type, actor, actor_country, target, target_country, negated, hypothetical, "
    "sentence, start, \"end\", day) VALUES ('d1', 'CONSULT', 'Peru', 'PER', 'Chile', 'CHL', false, false, "
    "'s', 0, 4, '2021-05-04'), ('d1', 'CONSULT', 'Peru', 'PER', 'Chile', 'CHL', false, false, 's', 5, 9, "
    "'2021-05-04')",
)
INDEX = "ix_events_network"


def has_index(url: str) -> bool:
    return INDEX in index_names(url)


def test_a_database_at_revision_0009_gets_the_network_index_on_sqlite(any_db_url: str) -> None:
    engine = create_engine(any_db_url)
    upgrade_database(engine, "0009")
    with engine.begin() as conn:
        for statement in ROWS:
            conn.execute(text(statement))
    engine.dispose()
    assert not has_index(any_db_url)
    with Store(any_db_url) as store:
        assert store.schema_version() == head_revision()
        with store.connect() as conn:
            net = actor_network(conn, phrases=False, recent=20_000)
    assert net["edges"] == [{"source": "c:PER", "target": "c:CHL", "type": "CONSULT", "events": 2}]
    assert has_index(any_db_url) is any_db_url.startswith("sqlite")


def test_revision_0010_goes_back_and_forth(any_db_url: str) -> None:
    from alembic import command

    Store(any_db_url).close()
    engine = create_engine(any_db_url)
    with engine.connect() as conn:
        command.downgrade(_config(conn), "0009")
        conn.commit()
        assert current_revision(conn) == "0009"
    engine.dispose()
    assert not has_index(any_db_url)
    with Store(any_db_url) as store:
        assert store.schema_version() == head_revision()
    assert has_index(any_db_url) is any_db_url.startswith("sqlite")
