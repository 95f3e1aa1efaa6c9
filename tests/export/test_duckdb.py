"""DuckDB reads a newsgraph SQLite file as it is (no conversion), and the Parquet exports.

DuckDB's ``sqlite`` extension is normally downloaded at run time; here it comes from the
``duckdb-ext-sqlite`` wheel, which ships the extension binary for one DuckDB version
(``duckdb_ext/extensions/v<version>/<platform>/sqlite_scanner.duckdb_extension``), so
``duckdb`` is pinned to that version in the test extras. Without both packages the tests
skip with the reason (and fail when CI=true, where they are installed).
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, inspect, select, table

from newsgraph.export import export
from newsgraph.store.db import Store
from newsgraph.store.schema import V1_TABLES, V2_TABLES, documents, events
from tests.export.test_tables import build_db


def _missing(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(reason + "; CI installs the test extras")
    pytest.skip(reason)


def sqlite_extension(version: str) -> Path | None:
    """The sqlite_scanner binary that duckdb-ext-sqlite ships for DuckDB ``version``, if installed."""
    spec = importlib.util.find_spec("duckdb_ext")
    if spec is None or not spec.submodule_search_locations:
        return None
    for root in spec.submodule_search_locations:
        found = sorted(Path(root).glob(f"extensions/v{version}/*/sqlite_scanner.duckdb_extension"))
        if found:
            return found[0]
    return None


@pytest.fixture(scope="module")
def duck() -> Iterator[Any]:
    try:
        import duckdb
    except ImportError:
        _missing("duckdb is not installed: pip install -e '.[test]'")
    path = sqlite_extension(duckdb.__version__)
    if path is None:
        _missing(f"no sqlite extension for DuckDB {duckdb.__version__}: pip install duckdb-ext-sqlite matching it")
    conn = duckdb.connect(config={"autoinstall_known_extensions": False, "autoload_known_extensions": False})
    conn.execute(f"LOAD '{path}'")
    yield conn
    conn.close()


@pytest.fixture(scope="module")
def db_file(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict[str, int]]]:
    """A newsgraph SQLite file, closed, with the row count of every table."""
    folder = tmp_path_factory.mktemp("duck_db")
    path = folder / "ng.db"
    store = build_db(f"sqlite:///{path}", folder)
    with store.connect() as conn:
        names = inspect(conn).get_table_names()  # every table in the file, FTS5 shadow tables included
        counts = {n: conn.execute(select(func.count()).select_from(table(n))).scalar_one() for n in names}
    store.close()
    yield path, counts


@pytest.mark.parametrize("name", ["alembic_version", *(t.name for t in (*V1_TABLES, *V2_TABLES))])
def test_duckdb_attaches_the_sqlite_file_and_reads_every_table(
    duck: Any, db_file: tuple[Path, dict[str, int]], name: str
) -> None:
    path, counts = db_file
    duck.execute(f"ATTACH IF NOT EXISTS '{path}' AS ng (TYPE sqlite, READ_ONLY)")
    assert duck.execute(f'SELECT count(*) FROM ng."{name}"').fetchone()[0] == counts[name]
    listed = {
        r[0]
        for r in duck.execute("SELECT table_name FROM information_schema.tables WHERE table_catalog = 'ng'").fetchall()
    }
    assert listed == set(counts)


@pytest.mark.parametrize("query", ["events_by_country"])
def test_duckdb_joins_types_and_json(duck: Any, db_file: tuple[Path, dict[str, int]], query: str) -> None:
    path, counts = db_file
    duck.execute(f"ATTACH IF NOT EXISTS '{path}' AS ng (TYPE sqlite, READ_ONLY)")
    rows = duck.execute(
        "SELECT e.actor_country, count(*) FROM ng.events e JOIN ng.documents d ON d.id = e.document_id "
        "WHERE e.negated = 0 AND e.actor_country IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1"
    ).fetchall()
    assert rows and all(len(code) == 3 for code, _ in rows)
    kind = duck.execute("SELECT typeof(created_at) FROM ng.documents LIMIT 1").fetchone()[0]
    assert kind.startswith("TIMESTAMP")
    sources = duck.execute("SELECT json_extract_string(record, '$.source') FROM ng.page_records").fetchall()
    assert len(sources) == counts["page_records"] and all(s for (s,) in sources)
    indexed = duck.execute("SELECT count(*) FROM ng.documents_fts").fetchone()[0]  # the FTS5 table, read as is
    assert indexed == duck.execute("SELECT count(*) FROM ng.documents WHERE duplicate_of IS NULL").fetchone()[0]


@pytest.mark.parametrize("name", [documents.name, events.name])
def test_duckdb_reads_the_parquet_export(
    duck: Any, db_file: tuple[Path, dict[str, int]], tmp_path: Path, name: str
) -> None:
    path, counts = db_file
    with Store(f"sqlite:///{path}", migrate=False) as store:
        export(store, "parquet", tmp_path)
    parquet = tmp_path / f"{name}.parquet"
    assert duck.execute(f"SELECT count(*) FROM read_parquet('{parquet}')").fetchone()[0] == counts[name]
