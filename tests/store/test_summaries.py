"""The summary tables (newsgraph.store.summaries) equal a recount of the facts: after ingest, after
re-extraction, after a second ingest, after revision 0004 filled them in an older database, on
SQLite and PostgreSQL."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, select, text

from newsgraph.store import summaries
from newsgraph.store.db import Store
from newsgraph.store.migrations import head_revision, upgrade_database
from newsgraph.store.schema import documents, events
from newsgraph.store.schema_summary import day_totals, entity_totals
from tests.conftest import FIXTURES, ROOT
from tests.kb_fixtures import analyzer

EXAMPLES = ROOT / "examples" / "pages"
# Invented page: two persons, a country, an event and a quote, published on its own day.
PAGE = """Harbour talks resume in Eastport

The mayor Lena Korvik met the port director Tomas Reyl in Eastport on Tuesday. Kazakhstan sent an observer.

"We will reopen the north gate next week," Korvik said. Reyl criticized the delay.

Sources: Eastport Herald
"""
NEW_INDEXES = {
    "events": {"ix_events_actor_entity", "ix_events_target_entity", "ix_events_day"},
    "quotes": {"ix_quotes_speaker_entity"},
    "canonical_entities": {"ix_canonical_entities_name_key"},
}


def assert_exact(url: str) -> summaries.Snapshot:
    """The summary tables hold what a recount of the facts gives, and something."""
    with Store(url) as store, store.connect() as conn:
        have, want = summaries.stored(conn), summaries.recount(conn)
    for table in want:
        assert have[table] == want[table], table
    assert have["summary_documents"] and have["entity_totals"] and have["day_totals"]
    return have


def ingest(url: str, *paths: tuple[Path, str]) -> None:
    from newsgraph.core.settings import Settings
    from newsgraph.ingest.pipeline import Pipeline

    with Store(url) as store:
        pipe = Pipeline(Settings.load(env={}, db=url), store=store, analyzer=analyzer())
        for path, published in paths:
            summary = pipe.ingest([str(path)], published=published)
            assert not summary.errors, summary.errors


def test_counts_stay_exact_through_ingest_reprocess_and_a_second_ingest(any_db_url: str, tmp_path: Path) -> None:
    from newsgraph.ingest.reprocess import Reprocessor

    ingest(any_db_url, (EXAMPLES / "brics_summit.txt", "2023-08-24"))
    first = assert_exact(any_db_url)
    with Store(any_db_url) as store:
        with store.connect() as conn:
            ids = list(conn.execute(select(documents.c.id)).scalars())
        done = Reprocessor(store, analyzer()).documents(ids)
        assert done.documents == len(ids)
    assert assert_exact(any_db_url) == first  # the same facts again: the same counts
    page = tmp_path / "eastport.txt"
    page.write_text(PAGE, encoding="utf-8")
    ingest(any_db_url, (page, "2024-03-05"), (EXAMPLES / "brics_summit.txt", "2023-08-24"))  # one new, one again
    second = assert_exact(any_db_url)
    assert second["day_totals"][("2024-03-05",)][0] == 1 and ("2024-03-05",) not in first["day_totals"]
    with Store(any_db_url) as store, store.connect() as conn:  # events carry their day from ingest on
        assert conn.execute(select(events.c.id).where(events.c.day.is_(None))).first() is None


def test_adding_twice_or_subtracting_what_was_never_added_changes_nothing(any_db_url: str) -> None:
    ingest(any_db_url, (EXAMPLES / "brics_summit.txt", "2023-08-24"))
    before = assert_exact(any_db_url)
    with Store(any_db_url) as store, store.engine.begin() as conn:
        ids = list(conn.execute(select(documents.c.id)).scalars())
        assert summaries.add(conn, ids) == 0
        assert summaries.subtract(conn, ids) == len(ids)
        assert summaries.subtract(conn, ids) == 0
        assert conn.execute(select(entity_totals.c.entity_id)).first() is None  # nothing counted, no row left
        assert conn.execute(select(day_totals.c.day)).first() is None
        assert summaries.add(conn, ids) == len(ids)
    assert assert_exact(any_db_url) == before


def test_rebuild_equals_the_counts_kept_at_ingest(any_db_url: str) -> None:
    ingest(any_db_url, (EXAMPLES / "brics_summit.txt", "2023-08-24"))
    kept = assert_exact(any_db_url)
    with Store(any_db_url) as store, store.engine.begin() as conn:
        conn.execute(events.update().values(day=None))
        summaries.rebuild(conn)
    assert assert_exact(any_db_url) == kept


def test_the_numbered_database_is_upgraded_with_its_summaries_filled(tmp_path: Path) -> None:
    path = tmp_path / "v5.sqlite"
    shutil.copy(FIXTURES / "db" / "v5.sqlite", path)
    url = f"sqlite:///{path}"
    with Store(url) as store:
        assert store.schema_version() == head_revision()
        with store.connect() as conn:
            undated = conn.execute(text("SELECT count(*) FROM events WHERE day IS NULL")).scalar_one()
            assert undated == 0  # every event of the fixture has a date or a dated document
            for table, names in NEW_INDEXES.items():
                assert names <= {i["name"] for i in inspect(conn).get_indexes(table)}, table
    have = assert_exact(url)
    assert len(have["summary_documents"]) == 11


# Rows as revision 0003 stored them, written as SQL so they do not depend on today's schema.
OLD_ROWS = (
    "INSERT INTO pages (id, source, kind, published, ingested_at) VALUES ('p1', 'a.txt', 'text', '2021-05-04', "
    "CURRENT_TIMESTAMP)",
    "INSERT INTO documents (id, role, title, body, sources, content_hash, first_page_id, created_at, published) "
    "VALUES ('d1', 'main', 'One', 'Body one', '[]', 'h1', 'p1', CURRENT_TIMESTAMP, '2021-05-04T08:00:00')",
    "INSERT INTO documents (id, role, title, body, sources, content_hash, first_page_id, created_at) "
    "VALUES ('d2', 'teaser', 'Two', 'Body two', '[]', 'h2', 'p1', CURRENT_TIMESTAMP)",
    "INSERT INTO entities (id, kind, name) VALUES ('e1', 'person', 'Ana Pell'), ('e2', 'country', 'KAZ')",
    'INSERT INTO mentions (document_id, entity_id, text, sentence, start, "end") VALUES '
    "('d1', 'e1', 'Ana Pell', 's', 0, 8), ('d1', 'e1', 'Pell', 's', 9, 13), ('d2', 'e1', 'Pell', 's', 0, 4), "
    "('d2', 'e2', 'KAZ', 's', 5, 8)",
    "INSERT INTO events (document_id, type, actor, actor_entity_id, target_country, date, negated, hypothetical, "
    "sentence, start, \"end\") VALUES ('d1', 'CONSULT', 'Pell', 'e1', 'KAZ', NULL, false, false, 's', 0, 4), "
    "('d2', 'AID', 'Pell', 'e1', NULL, '2020-01', false, false, 's', 0, 4), "
    "('d2', 'ASSAULT', 'Pell', 'e1', NULL, NULL, true, false, 's', 0, 4)",
    'INSERT INTO quotes (document_id, text, speaker, speaker_entity_id, sentence, start, "end") VALUES '
    "('d1', 'Yes', 'Pell', 'e1', 's', 0, 3)",
)


def test_a_database_at_revision_0003_is_upgraded_with_its_data(any_db_url: str) -> None:
    engine = create_engine(any_db_url)
    upgrade_database(engine, "0003")
    with engine.begin() as conn:
        for statement in OLD_ROWS:
            conn.execute(text(statement))
    engine.dispose()
    have = assert_exact(any_db_url)
    assert have["entity_totals"][("e1",)] == (2, 3, 3, 0, 1)  # 2 documents, 3 mentions, 3 events, 1 quote
    assert have["day_totals"][("2021-05-04",)] == (2, 1, 4, 2)  # the teaser takes its page's day
    assert have["day_event_types"] == {("2021-05-04", "CONSULT"): (1,), ("2020-01", "AID"): (1,)}
    with Store(any_db_url) as store, store.connect() as conn:
        days = dict(conn.execute(select(events.c.type, events.c.day)).all())
    assert days == {"CONSULT": "2021-05-04", "AID": "2020-01", "ASSAULT": "2021-05-04"}


@pytest.mark.parametrize("start", ["0003"])
def test_revision_0004_goes_back_and_forth(any_db_url: str, start: str) -> None:
    from alembic import command

    from newsgraph.store.migrations import _config

    Store(any_db_url).close()
    engine = create_engine(any_db_url)
    with engine.connect() as conn:
        command.downgrade(_config(conn), start)
        conn.commit()
        assert "day" not in {c["name"] for c in inspect(conn).get_columns("events")}
        assert not inspect(conn).has_table("entity_totals")
    engine.dispose()
    with Store(any_db_url) as store:
        assert store.schema_version() == head_revision()
