"""Revision 0007 (newsgraph.store.revisions.versions.r0007_voices): a database at revision 0006, with its data,
gets the ``voices`` table (empty, indexed), keeps its facts, stores voices after the upgrade, and goes back;
SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import create_engine, func, inspect, select, text

from newsgraph.store.db import Store
from newsgraph.store.migrations import _config, current_revision, head_revision, upgrade_database
from newsgraph.store.schema import stances, voices

ROWS = (
    "INSERT INTO documents (id, role, title, body, sources, content_hash, created_at, published) "
    "VALUES ('d1', 'main', 'One', 'Body one', '[]', 'h1', CURRENT_TIMESTAMP, '2021-05-04')",
    "INSERT INTO entities (id, kind, name) VALUES ('e1', 'person', 'Ana Pell')",
    'INSERT INTO stances (document_id, country, issue, position, date, sentence, start, "end") '
    "VALUES ('d1', 'PER', 'port deal', 'supports', '2021-05-04', 's', 0, 4)",
)


def tables(url: str) -> tuple[set[str], set[str]]:
    engine = create_engine(url)
    with engine.connect() as conn:
        inspector = inspect(conn)
        names = set(inspector.get_table_names())
        indexes = {i["name"] for i in inspector.get_indexes("voices")} if "voices" in names else set()
    engine.dispose()
    return names, indexes


def test_a_database_at_revision_0006_gets_the_voices_table(any_db_url: str) -> None:
    engine = create_engine(any_db_url)
    upgrade_database(engine, "0006")
    with engine.begin() as conn:
        for statement in ROWS:
            conn.execute(text(statement))
    engine.dispose()
    assert "voices" not in tables(any_db_url)[0]
    with Store(any_db_url) as store:
        assert store.schema_version() == head_revision()
        with store.connect() as conn:
            assert conn.execute(select(func.count()).select_from(voices)).scalar_one() == 0
            assert conn.execute(select(stances.c.issue)).scalars().all() == ["port deal"]
            conn.execute(
                voices.insert().values(
                    document_id="d1",
                    speaker="Ana Pell",
                    speaker_entity_id="e1",
                    country="PER",
                    issue="port deal",
                    position="opposes",
                    sentence="Ana Pell opposed the port deal.",
                    start=0,
                    end=30,
                )
            )
            conn.commit()
            assert conn.execute(select(voices.c.speaker, voices.c.position)).all() == [("Ana Pell", "opposes")]
    names, indexes = tables(any_db_url)
    assert "voices" in names
    assert {"ix_voices_document_id", "ix_voices_issue", "ix_voices_speaker_entity"} <= indexes


def test_revision_0007_goes_back_and_forth(any_db_url: str) -> None:
    from alembic import command

    Store(any_db_url).close()
    engine = create_engine(any_db_url)
    with engine.connect() as conn:
        command.downgrade(_config(conn), "0006")
        conn.commit()
        assert current_revision(conn) == "0006"
    engine.dispose()
    assert "voices" not in tables(any_db_url)[0]
    with Store(any_db_url) as store:
        assert store.schema_version() == head_revision()
    assert "voices" in tables(any_db_url)[0]
