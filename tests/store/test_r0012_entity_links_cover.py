"""Revision 0012 (newsgraph.store.revisions.versions.r0012_entity_links_cover): a database at revision 0011,
with its links, gets the canonical entities' links indexed with the columns a profile adds up and the member
entities indexed with their canonical entity (the profile stays the same), and goes back; SQLite and
PostgreSQL."""

from __future__ import annotations

from sqlalchemy import create_engine, inspect, text

from newsgraph.analysis.entities import entity_facts, find_canonical
from newsgraph.store.db import Store
from newsgraph.store.migrations import _config, current_revision, head_revision, upgrade_database

LINK = (
    "INSERT INTO entity_links (entity_id, document_id, canonical_id, rule, score, mentions, country, published, "
    "signature) VALUES ('{e}', '{d}', 'c1', 'exact', 1.0, {n}, {country}, {published}, '')"
)
ROWS = (
    "INSERT INTO documents (id, role, title, body, sources, content_hash, created_at, published) VALUES "
    "('d1', 'main', 'One', 'B', '[]', 'h1', CURRENT_TIMESTAMP, '2021-05-04'), "
    "('d2', 'main', 'Two', 'B', '[]', 'h2', CURRENT_TIMESTAMP, NULL)",
    "INSERT INTO entities (id, kind, name) VALUES ('e1', 'person', 'Ana Pell'), ('e2', 'person', 'Pell')",
    "INSERT INTO canonical_entities (id, kind, name, name_key, block) VALUES ('c1', 'person', 'Ana Pell', "
    "'ana pell', 'person|pell')",
    "INSERT INTO entity_names (entity_id, kind, block, name_key, partial, canonical_id, rule, score) VALUES "
    "('e1', 'person', 'person|pell', 'ana pell', false, 'c1', 'exact', 1.0)",
    LINK.format(e="e1", d="d1", n=2, country="'PER'", published="'2021-05-04'"),
    LINK.format(e="e2", d="d1", n=1, country="'CHL'", published="'2021-05-04'"),
    LINK.format(e="e1", d="d2", n=3, country="'PER'", published="NULL"),
)
COLUMNS = {
    "ix_entity_links_canonical": ["canonical_id", "published", "document_id", "entity_id", "mentions", "country"],
    "ix_entity_links_entity_canonical": ["entity_id", "canonical_id"],
}


def indexes(url: str) -> dict[str, list[str]]:
    engine = create_engine(url)
    with engine.connect() as conn:
        found = {i["name"]: list(i["column_names"]) for i in inspect(conn).get_indexes("entity_links")}
    engine.dispose()
    return {k: v for k, v in found.items() if k in COLUMNS}


def test_a_database_at_revision_0011_gets_the_links_covered(any_db_url: str) -> None:
    engine = create_engine(any_db_url)
    upgrade_database(engine, "0011")
    with engine.begin() as conn:
        for statement in ROWS:
            conn.execute(text(statement))
    engine.dispose()
    assert indexes(any_db_url) == {"ix_entity_links_canonical": ["canonical_id", "published"]}
    with Store(any_db_url) as store:
        assert store.schema_version() == head_revision()
        with store.connect() as conn:
            assert [r.id for r in find_canonical(conn, "Ana Pell")] == ["c1"]
            facts = entity_facts(conn, "c1")
    assert (facts["mentions"], facts["documents"], facts["first_seen"], facts["last_seen"]) == (
        6,
        2,
        "2021-05-04",
        "2021-05-04",
    )
    assert facts["countries"] == [{"country": "PER", "documents": 2}, {"country": "CHL", "documents": 1}]
    assert indexes(any_db_url) == COLUMNS


def test_revision_0012_goes_back_and_forth(any_db_url: str) -> None:
    from alembic import command

    Store(any_db_url).close()
    engine = create_engine(any_db_url)
    with engine.connect() as conn:
        command.downgrade(_config(conn), "0011")
        conn.commit()
        assert current_revision(conn) == "0011"
    engine.dispose()
    assert indexes(any_db_url) == {"ix_entity_links_canonical": ["canonical_id", "published"]}
    with Store(any_db_url) as store:
        assert store.schema_version() == head_revision()
    assert indexes(any_db_url) == COLUMNS
