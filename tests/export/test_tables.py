"""The table formats (newsgraph.export.tables): JSON Lines, CSV and Parquet, and their filters.

The database for these tests (and for test_export, test_streaming, test_codes, test_gdelt,
test_plover, test_graphml, test_duckdb) is made by :func:`build_db`: the example and fixture
pages plus one page written here, ingested by the real pipeline and Analyzer. Tests
compare each export with the database it came from, so they hold whatever the
extractors find.
"""

from __future__ import annotations

import csv
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow.parquet as pq
import pytest
from sqlalchemy import func, select

from newsgraph.export import export
from newsgraph.export.tables import TABLES
from newsgraph.store.db import Store
from newsgraph.store.filters import Filters
from newsgraph.store.schema import documents, events, ingest_errors, page_documents, pages, records
from tests.conftest import FIXTURES, ROOT

# Invented for these tests: events between countries, a place with coordinates, a negated event.
BORDER_TALKS = """Poland and Lithuania hold talks on border security

Image removed.

Polish President Andrzej Duda met Lithuanian President Gitanas Nauseda in Vilnius on Tuesday to discuss \
the security of their shared border with Belarus.

German Chancellor Olaf Scholz spoke by phone with Duda on Wednesday. Lithuania accused Belarus of pushing \
migrants across the border, and the Lithuanian government summoned the Belarusian ambassador.

Belarusian police detained 12 activists in Minsk on Monday. Poland did not impose new sanctions on Belarus. \
"We will defend every metre of our territory," Duda said. Belarus could attack Lithuania next week.

Sources: Baltic Wire (Vilnius)
"""

PAGES: tuple[tuple[Path, str | None], ...] = (
    (ROOT / "examples" / "pages" / "brics_summit.txt", "2023-08-24"),  # main article and two teasers
    (ROOT / "examples" / "pages" / "grain_deal.html", None),  # carries its own date, 2023-07-17
    (FIXTURES / "pages" / "no_teasers.txt", "2021-05-01"),
    (FIXTURES / "pages" / "broken.html", "2021-05-01"),
    (FIXTURES / "pages" / "simple.html", None),  # 2024-03-05
    (FIXTURES / "pages" / "nav_only.html", None),  # no article: an ingest error
)


@lru_cache(maxsize=1)
def analyzer() -> Any:
    """One Analyzer per test session; it keeps the facts of what it parsed, so later databases cost no parse."""
    from newsgraph.core.settings import Settings
    from newsgraph.extract.runner import Analyzer

    return Analyzer(Settings.load(env={}))


def build_db(url: str, folder: Path) -> Store:
    """The export test database at ``url`` (pages written into ``folder``)."""
    from newsgraph.core.settings import Settings
    from newsgraph.ingest.pipeline import Pipeline

    folder.mkdir(parents=True, exist_ok=True)
    page = folder / "border_talks.txt"
    page.write_text(BORDER_TALKS, encoding="utf-8")
    pipeline = Pipeline(Settings.load(env={}, db=url), analyzer=analyzer())
    pipeline.ingest([str(page)], published="2022-06-14")
    for path, published in PAGES:
        pipeline.ingest([str(path)], published=published)
    return pipeline.store


def count(store: Store, query: Any) -> int:
    with store.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(query.subquery())).scalar_one())


# -- JSON Lines ---------------------------------------------------------------------------------------


def test_jsonl_is_the_stored_record_of_every_page(any_store: Store, tmp_path: Path) -> None:
    (path,) = export(any_store, "jsonl", tmp_path)
    lines = path.read_text(encoding="utf-8").splitlines()
    loaded = [json.loads(line) for line in lines]
    assert len(loaded) == count(any_store, select(records.c.page_id))
    for record in loaded:
        assert {"source", "documents", "persons", "events", "quotes", "amounts", "stances", "voices"} <= record.keys()
    sources = {r["source"] for r in loaded}
    assert any(s.endswith("border_talks.txt") for s in sources)


@pytest.mark.parametrize(
    ("filters", "expected_sources"),
    [
        ({"since": "2023-08"}, {"brics_summit.txt", "simple.html"}),
        ({"until": "2021"}, {"no_teasers.txt", "broken.html"}),
        ({"since": "2022-06-14", "until": "2022-06-14"}, {"border_talks.txt"}),
        ({"country": "LTU"}, {"border_talks.txt"}),
    ],
)
def test_jsonl_filters_select_pages(
    store: Store, tmp_path: Path, filters: dict[str, str], expected_sources: set[str]
) -> None:
    (path,) = export(store, "jsonl", tmp_path, Filters.make(**filters))
    found = {Path(json.loads(line)["source"]).name for line in path.read_text(encoding="utf-8").splitlines()}
    assert found == expected_sources


# -- CSV and Parquet ------------------------------------------------------------------------------------


def _table_counts(store: Store) -> dict[str, int]:
    return {spec.name: count(store, select(*spec.table.primary_key.columns)) for spec in TABLES}


def test_csv_has_every_table_and_loads_with_pandas(any_store: Store, tmp_path: Path) -> None:
    written = export(any_store, "csv", tmp_path)
    assert [p.name for p in written] == [f"{spec.name}.csv" for spec in TABLES]
    counts = _table_counts(any_store)
    for spec, path in zip(TABLES, written, strict=True):
        frame = pd.read_csv(path)
        assert list(frame.columns) == [c.name for c in spec.columns], spec.name
        assert len(frame) == counts[spec.name], spec.name
    docs = pd.read_csv(tmp_path / "documents.csv")
    assert "minhash" not in docs.columns and docs["body"].str.len().max() > 200
    ev = pd.read_csv(tmp_path / "events.csv")
    assert ev["negated"].dtype == bool and ev["negated"].any()
    assert counts["ingest_errors"] >= 1 and counts["events"] >= 5


def test_parquet_has_every_table_and_loads_with_pyarrow(any_store: Store, tmp_path: Path) -> None:
    written = export(any_store, "parquet", tmp_path)
    counts = _table_counts(any_store)
    for spec, path in zip(TABLES, written, strict=True):
        table = pq.read_table(path)
        assert table.column_names == [c.name for c in spec.columns]
        assert table.num_rows == counts[spec.name], spec.name
    ev = pq.read_table(tmp_path / "events.parquet")
    assert str(ev.schema.field("negated").type) == "bool" and str(ev.schema.field("intensity").type) == "double"
    docs = pq.read_table(tmp_path / "documents.parquet")
    assert str(docs.schema.field("created_at").type) == "timestamp[us, tz=UTC]"
    assert docs.column("created_at").null_count == 0


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_tables_of_an_empty_database_keep_their_columns(tmp_path: Path, fmt: str) -> None:
    with Store(f"sqlite:///{tmp_path / 'empty.db'}") as empty:
        written = export(empty, fmt, tmp_path / "out")
    for spec, path in zip(TABLES, written, strict=True):
        frame = pd.read_csv(path) if fmt == "csv" else pq.read_table(path).to_pandas()
        assert list(frame.columns) == [c.name for c in spec.columns] and len(frame) == 0


def _doc_dates(store: Store) -> dict[str, str | None]:
    """Document id → its date (its own, else its first page's)."""
    with store.connect() as conn:
        rows = conn.execute(
            select(documents.c.id, func.coalesce(documents.c.published, pages.c.published)).outerjoin(
                pages, pages.c.id == documents.c.first_page_id
            )
        )
        return {i: d for i, d in rows}


@pytest.mark.parametrize(
    ("filters", "keep"),
    [
        ({"since": "2023"}, lambda d: d >= "2023"),
        ({"until": "2022-06"}, lambda d: d < "2022-07"),
        ({"since": "2023-07-17", "until": "2023-08-24"}, lambda d: "2023-07-17" <= d <= "2023-08-24"),
    ],
)
def test_date_filters_select_documents_by_their_or_their_pages_date(
    store: Store, tmp_path: Path, filters: dict[str, str], keep: Any
) -> None:
    export(store, "csv", tmp_path, Filters.make(**filters))
    dates = _doc_dates(store)
    expected = {i for i, d in dates.items() if d and keep(d)}
    got = set(pd.read_csv(tmp_path / "documents.csv")["id"])
    assert got == expected and expected
    assert set(pd.read_csv(tmp_path / "mentions.csv")["document_id"]) <= expected
    teasers = pd.read_csv(tmp_path / "documents.csv").query("role == 'teaser'")
    if filters.get("since") == "2023":
        assert len(teasers) >= 1  # teasers carry no date of their own: their page's counts


@pytest.mark.parametrize("country", ["BLR", "POL"])
def test_country_filter_keeps_its_documents_and_events(store: Store, tmp_path: Path, country: str) -> None:
    export(store, "csv", tmp_path, Filters.make(country=country))
    ev = pd.read_csv(tmp_path / "events.csv", keep_default_na=False)
    assert len(ev) >= 1
    assert ((ev["actor_country"] == country) | (ev["target_country"] == country)).all()
    docs = set(pd.read_csv(tmp_path / "documents.csv")["id"])
    assert set(ev["document_id"]) <= docs
    mentioned = pd.read_csv(tmp_path / "mentions.csv", keep_default_na=False)
    for doc in docs:
        in_doc = mentioned[mentioned["document_id"] == doc]
        assert (in_doc["country"] == country).any() or doc in set(ev["document_id"])
    entity_ids = set(pd.read_csv(tmp_path / "entities.csv")["id"])
    assert set(mentioned["entity_id"]) <= entity_ids
    assert set(pd.read_csv(tmp_path / "entity_aliases.csv")["entity_id"]) <= entity_ids
    assert len(pd.read_csv(tmp_path / "ingest_errors.csv")) == count(store, select(ingest_errors.c.id))


@pytest.mark.parametrize("event_type", ["COERCE", "CONSULT"])
def test_event_type_filter_keeps_documents_with_such_a_factual_event(
    store: Store, tmp_path: Path, event_type: str
) -> None:
    export(store, "parquet", tmp_path, Filters.make(event_type=event_type))
    ev = pq.read_table(tmp_path / "events.parquet").to_pandas()
    assert len(ev) >= 1 and (ev["type"] == event_type).all()
    with store.connect() as conn:
        factual = set(
            conn.execute(
                select(events.c.document_id).where(
                    events.c.type == event_type, events.c.negated.is_(False), events.c.hypothetical.is_(False)
                )
            ).scalars()
        )
    assert set(pq.read_table(tmp_path / "documents.parquet").column("id").to_pylist()) == factual


def test_csv_quotes_bodies_with_line_breaks(store: Store, tmp_path: Path) -> None:
    export(store, "csv", tmp_path)
    with open(tmp_path / "documents.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert any("\n" in r["body"] for r in rows)
    assert len(rows) == count(store, select(documents.c.id))
    assert count(store, select(page_documents.c.page_id)) >= len(rows)


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_voices_are_exported_where_stances_are_with_their_speakers(tmp_path: Path, fmt: str) -> None:
    from tests.analysis.test_voices import ANA, TOM, build_voices

    with build_voices(f"sqlite:///{tmp_path / 'v.db'}") as store:
        export(store, fmt, tmp_path / "all")
        export(store, fmt, tmp_path / "march", Filters.make(since="2024-03-05"))

    def read(folder: str, name: str) -> pd.DataFrame:
        path = tmp_path / folder / f"{name}.{fmt}"
        return pd.read_csv(path, keep_default_na=False) if fmt == "csv" else pq.read_table(path).to_pandas()

    every = read("all", "voices")
    assert len(every) == 4 and {"speaker", "speaker_entity_id", "country", "issue", "position", "sentence"} <= set(
        every.columns
    )
    march = read("march", "voices")
    assert sorted(march["document_id"]) == ["d2", "d2"]  # the selected documents' voices only
    assert set(read("march", "entities")["id"]) == {ANA, TOM}  # the speakers they name come along
