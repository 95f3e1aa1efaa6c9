"""The web-source tables (newsgraph.store.schema_sources): created by migration 6 on both backends."""

from __future__ import annotations

import pytest
from sqlalchemy import func, inspect, select
from sqlalchemy.exc import IntegrityError

from newsgraph.store.db import Store
from newsgraph.store.schema import metadata, now
from newsgraph.store.schema_sources import (
    SOURCE_TABLES,
    create_source_tables,
    source_entries,
    sources,
    url_key,
)


def test_every_source_table_is_on_the_shared_metadata() -> None:
    assert all(metadata.tables[t.name] is t for t in SOURCE_TABLES)


def test_url_key_is_the_sha1_hex_digest_of_the_url() -> None:
    assert url_key("") == "da39a3ee5e6b4b0d3255bfef95601890afd80709"
    assert url_key("https://example.org/a") != url_key("https://example.org/b")
    assert len(url_key("https://example.org/" + "x" * 5000)) == 40


def test_the_tables_exist_after_opening_a_store_and_creating_again_is_harmless(any_db_url: str) -> None:
    with Store(any_db_url) as store:
        with store.engine.begin() as conn:
            create_source_tables(conn)
        with store.connect() as conn:
            assert set(inspect(conn).get_table_names()) >= {t.name for t in SOURCE_TABLES}


def test_a_source_url_is_stored_once_and_its_entries_are_keyed_per_source(any_db_url: str) -> None:
    url = "https://example.org/feed.xml"
    with Store(any_db_url) as store:
        with store.engine.begin() as conn:
            sid = conn.execute(
                sources.insert().values(url=url, url_key=url_key(url), kind="feed", added_at=now())
            ).inserted_primary_key[0]
            entry = {"source_id": sid, "entry_key": url_key("https://example.org/1"), "url": "https://example.org/1"}
            conn.execute(source_entries.insert().values(first_seen_at=now(), **entry))
        with store.engine.connect() as conn:
            assert conn.execute(select(func.count()).select_from(source_entries)).scalar_one() == 1
        with pytest.raises(IntegrityError), store.engine.begin() as conn:
            conn.execute(sources.insert().values(url=url, url_key=url_key(url), kind="feed", added_at=now()))
