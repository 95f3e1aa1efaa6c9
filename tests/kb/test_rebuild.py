"""The one-pass rebuild (newsgraph.kb.rebuild) writes the knowledge base the incremental path writes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Connection

from newsgraph.kb.rebuild import rebuild_kb
from newsgraph.kb.resolve import resolve_new
from newsgraph.store.db import Store
from newsgraph.store.schema import documents
from newsgraph.store.schema_kb import KB_TABLES, drop_kb_rows
from tests.kb_fixtures import build_ingested, database
from tests.resolve_fixtures import E, P, add_doc, kb_store

# Columns that hold the time of the run, not a result.
CLOCK = {"resolved_at", "updated_at"}

# Invented people: two Okafors of different countries, a surname that only a title ties to one of two
# Marchettis, initials, titles, aliases; events between them, some a day apart (merged), one negated.
OKAFOR = P("Adaeze Okafor", "Foreign Minister", "NGA", ["Okafor"])
OKAFOR_US = P("Brian Okafor", "senator", "USA", ["Okafor"])
MARCHETTI = P("Lucia Marchetti", "Mayor", "ITA", ["Marchetti"])
MARCHETTI_2 = P("Paolo Marchetti", "coach", "ITA")
DOCS: list[tuple[str, str | None, list[P], list[E]]] = [
    ("d01", "2021-03-01", [OKAFOR, P("Halvorsen", "Prime Minister", "NOR")], [E("CONSULT", "Adaeze Okafor")]),
    ("d02", "2021-03-02", [P("Okafor", "foreign minister", "NGA")], [E("CONSULT", "Okafor", date="2021-03-02")]),
    ("d03", "2021-03-02", [OKAFOR_US, P("Okafor", None, "USA")], [E("ACCUSE", "Brian Okafor", actor_country="USA")]),
    ("d04", None, [P("Okafor", None, None)], []),
    ("d05", "2021-04-10", [MARCHETTI, MARCHETTI_2], [E("AID", "Lucia Marchetti", target_country="UKR")]),
    ("d06", "2021-04-11", [P("Marchetti", "mayor", "ITA")], [E("AID", "Marchetti", target_country="UKR")]),
    ("d07", "2021-04-11", [P("Marchetti", None, "ITA")], [E("AID", None, "Lucia", "ITA", "UKR", "2021-04-12")]),
    ("d08", "2021-05-01", [P("A. Okafor", None, "NGA"), P("Foreign Minister Adaeze Okafor", None, "NGA")], []),
    ("d09", "2021-05-02", [P("Ingrid Halvorsen", "Prime Minister", "NOR", ["Halvorsen"])], []),
    ("d10", "2021-05-03", [P("Halvorsen", None, "NOR")], [E("ASSAULT", "Halvorsen", negated=True)]),
    ("d11", "2021-05-03", [P("Nordic Council", kind="organization"), P("Oslo", kind="place", country="NOR")], []),
    ("d12", "2021-05-04", [P("Nordic Council", kind="organization", aliases=["the Council"])], []),
    ("d13", "2021-05-05", [P("Okafor", "senator", None)], [E("PROTEST", None, None, "NGA", None, None, "Lagos")]),
    ("d14", "2021-05-06", [], [E("PROTEST", None, None, "NGA", None, "2021-05-06", "Lagos")]),
]


def _snapshot(conn: Connection) -> dict[str, list[tuple]]:
    """Every knowledge-base row, clock columns left out, sorted."""
    out = {}
    for table in KB_TABLES:
        columns = [c for c in table.c if c.name not in CLOCK]
        out[table.name] = sorted((tuple(r) for r in conn.execute(select(*columns))), key=repr)
    return out


def _incremental_then_rebuilt(store: Store) -> tuple[dict, dict]:
    with store.engine.begin() as conn:
        drop_kb_rows(conn)
        resolve_new(conn)  # the incremental path: resolve_documents over the unresolved documents
        incremental = _snapshot(conn)
        summary = rebuild_kb(conn)
        rebuilt = _snapshot(conn)
    assert summary.documents == len(rebuilt["kb_resolved_documents"])
    return incremental, rebuilt


@pytest.fixture
def handmade(any_db_url: str) -> Iterator[Store]:
    with kb_store(any_db_url) as store:
        with store.engine.begin() as conn:
            for doc_id, published, people, evs in DOCS:
                add_doc(conn, doc_id, published, people, evs)
        yield store


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def ingested(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    folder = tmp_path_factory.mktemp("rebuild_ingested")
    with database(request.param, folder) as url:
        build_ingested(url, folder / "pages")
        with kb_store(url) as store:
            yield store


@pytest.mark.parametrize("corpus", ["handmade"])
def test_rebuild_equals_the_incremental_path_on_written_documents(handmade: Store, corpus: str) -> None:
    incremental, rebuilt = _incremental_then_rebuilt(handmade)
    assert incremental["entity_links"] and incremental["merged_events"] and incremental["entity_alias_links"]
    assert {r[3] for r in incremental["entity_links"]} >= {"alias-table", "title+surname", "ambiguous-surname"}
    for name, rows in incremental.items():
        assert rebuilt[name] == rows, name


@pytest.mark.parametrize("duplicate", ["d02"])
def test_rebuild_leaves_out_duplicates_as_the_incremental_path_does(handmade: Store, duplicate: str) -> None:
    with handmade.engine.begin() as conn:
        conn.execute(documents.update().where(documents.c.id == duplicate).values(duplicate_of="d01"))
    incremental, rebuilt = _incremental_then_rebuilt(handmade)
    assert not [r for r in incremental["entity_links"] if r[1] == duplicate]
    for name, rows in incremental.items():
        assert rebuilt[name] == rows, name


@pytest.mark.parametrize("corpus", ["fixture pages"])
def test_rebuild_equals_the_incremental_path_on_ingested_pages(ingested: Store, corpus: str) -> None:
    incremental, rebuilt = _incremental_then_rebuilt(ingested)
    assert incremental["entity_links"] and incremental["merged_event_sources"]
    for name, rows in incremental.items():
        assert rebuilt[name] == rows, name


@pytest.mark.parametrize("twice", [2])
def test_rebuilding_again_gives_the_same(handmade: Store, twice: int, tmp_path: Path) -> None:
    with handmade.engine.begin() as conn:
        snapshots = []
        for _ in range(twice):
            rebuild_kb(conn)
            snapshots.append(_snapshot(conn))
    assert snapshots[0] == snapshots[1]


@pytest.mark.parametrize("pragma", ["cache_size"])
def test_sqlite_page_cache_and_indexes_are_as_before_a_rebuild(handmade: Store, pragma: str) -> None:
    index_sql = "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"
    with handmade.engine.begin() as conn:
        if conn.dialect.name != "sqlite":
            pytest.skip("a SQLite setting")
        before = conn.exec_driver_sql(f"PRAGMA {pragma}").scalar(), conn.exec_driver_sql(index_sql).all()
        rebuild_kb(conn)
        after = conn.exec_driver_sql(f"PRAGMA {pragma}").scalar(), conn.exec_driver_sql(index_sql).all()
    assert after == before and any(name == "ix_entity_links_canonical" for name, _ in before[1])
