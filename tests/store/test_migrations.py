"""Forward migrations (newsgraph.store.migrations): numbered, applied in order, never renumbered."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, inspect, select

from newsgraph.core.errors import SchemaTooNew
from newsgraph.store.db import Store
from newsgraph.store.migrations import MIGRATIONS, apply_migrations, current_version, latest_version
from newsgraph.store.schema import now, schema_version


def test_an_old_database_is_upgraded_forward(any_db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    engine = create_engine(any_db_url)
    monkeypatch.setattr("newsgraph.store.migrations.MIGRATIONS", MIGRATIONS[:1])
    assert apply_migrations(engine.begin) == [1]
    monkeypatch.undo()
    with Store(any_db_url) as store:
        assert store.schema_version() == latest_version()
        with store.engine.connect() as conn:
            versions = list(conn.execute(select(schema_version.c.version).order_by(schema_version.c.version)).scalars())
            assert versions == list(range(1, latest_version() + 1))
            assert inspect(conn).has_table("events")
    engine.dispose()


def test_migrations_are_numbered_in_order() -> None:
    versions = [v for v, _, _ in MIGRATIONS]
    assert versions == sorted(versions) == list(range(1, len(versions) + 1))


def test_the_released_migrations_keep_their_numbers_and_descriptions() -> None:
    assert [(v, d) for v, d, _ in MIGRATIONS] == [
        (1, "pages, documents, page_documents, ingest_errors, runs"),
        (2, "extracted facts: entities, mentions, quotes, amounts, dates, themes, tones, events, stances"),
        (3, "full-text index (SQLite FTS5 table or PostgreSQL tsvector column)"),
        (4, "related articles (term statistics, embedding cache) and knowledge-base indexes"),
        (5, "knowledge base: canonical entities, merge decisions, roles, merged events"),
        (6, "web sources: fetches, per-URL validators, followed sources, seen entries"),
        (7, "extractor version per document; reprocess queue and pending tasks"),
        (8, "runs: status, process id, host and heartbeat"),
    ]


def test_a_database_newer_than_the_code_is_refused(any_db_url: str) -> None:
    engine = create_engine(any_db_url)
    assert apply_migrations(engine.begin) == list(range(1, latest_version() + 1))
    assert apply_migrations(engine.begin) == []
    with engine.begin() as conn:
        conn.execute(schema_version.insert().values(version=latest_version() + 1, applied_at=now(), description="x"))
        assert current_version(conn) == latest_version() + 1
    with pytest.raises(SchemaTooNew, match="newer than this newsgraph"):
        apply_migrations(engine.begin)
    engine.dispose()
