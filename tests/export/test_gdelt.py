"""GDELT 2.0 event table and GKG 2.1 table, read back with pandas as GDELT users read them."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from sqlalchemy import select

from newsgraph.export import export
from newsgraph.export.codes import PlaceInfo, quad_class
from newsgraph.export.gdelt import (
    EVENT_COLUMNS,
    GKG_COLUMNS,
    clean,
    date_block,
    event_row,
    fraction_date,
    gdelt_tone,
    gkg_row,
    source_common_name,
    tone_field,
)
from newsgraph.store.db import Store
from newsgraph.store.facts import entity_id
from newsgraph.store.filters import Filters, document_date, documents_with_page
from newsgraph.store.schema import documents, entities, events, tones


def read_gdelt(folder: Path, name: str) -> pd.DataFrame:
    """How a GDELT user loads a headerless file: names from the sidecar header."""
    names = (folder / f"{name}.header.tsv").read_text(encoding="utf-8").rstrip("\n").split("\t")
    return pd.read_csv(
        folder / f"{name}.tsv", sep="\t", header=None, names=names, dtype=str, keep_default_na=False, quoting=3
    )


# -- pure helpers ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("index", "name"),
    [
        (0, "GLOBALEVENTID"),
        (1, "SQLDATE"),
        (4, "FractionDate"),
        (5, "Actor1Code"),
        (14, "Actor1Type3Code"),
        (15, "Actor2Code"),
        (25, "IsRootEvent"),
        (28, "EventRootCode"),
        (29, "QuadClass"),
        (34, "AvgTone"),
        (35, "Actor1Geo_Type"),
        (39, "Actor1Geo_ADM2Code"),
        (51, "ActionGeo_Type"),
        (57, "ActionGeo_Long"),
        (59, "DATEADDED"),
        (60, "SOURCEURL"),
    ],
)
def test_event_columns_are_gdelt_2_in_order(index: int, name: str) -> None:
    assert len(EVENT_COLUMNS) == 61 and len(set(EVENT_COLUMNS)) == 61
    assert EVENT_COLUMNS[index] == name


@pytest.mark.parametrize(
    ("index", "name"),
    [(0, "GKGRECORDID"), (7, "V1THEMES"), (15, "V1.5TONE"), (22, "V2.1QUOTATIONS"), (26, "V2EXTRASXML")],
)
def test_gkg_columns_are_gkg_2_1_in_order(index: int, name: str) -> None:
    assert len(GKG_COLUMNS) == 27 and GKG_COLUMNS[index] == name


@pytest.mark.parametrize(("pos", "neg", "tone"), [(0.05, 0.02, 3.0), (0.0, 0.1, -10.0), (None, 0.1, None)])
def test_tone_is_gdelts_positive_minus_negative_percent(
    pos: float | None, neg: float | None, tone: float | None
) -> None:
    assert gdelt_tone(pos, neg) == (pytest.approx(tone) if tone is not None else None)


@pytest.mark.parametrize(("day", "value"), [(date(2019, 1, 25), 2019.0685), (date(2022, 12, 31), 2023.0)])
def test_fraction_date(day: date, value: float) -> None:
    assert fraction_date(day) == pytest.approx(value)


@pytest.mark.parametrize(("text", "out"), [("a\tb\nc", "a b c"), ("x;y#z", "x y z"), (None, "")])
def test_clean_keeps_fields_on_one_line_without_delimiters(text: str | None, out: str) -> None:
    assert clean(text, ";", "#") == out


@pytest.mark.parametrize(
    ("value", "granularity", "block"),
    [("2022-02-24", "day", "4#2#24#2022#7"), ("2024-08", "month", "2#8#0#2024#7"), ("2022", "year", "1#0#0#2022#7")],
)
def test_enhanced_dates_blocks(value: str, granularity: str, block: str) -> None:
    assert date_block(value, granularity, 7) == block


@pytest.mark.parametrize(
    ("url", "sources", "page", "name"),
    [
        ("https://www.example.org/a", "[]", None, "example.org"),
        (None, '["Reuters (London)", "BBC"]', "x.txt", "Reuters (London)"),
        (None, "[]", "dir/page.txt", "page.txt"),
    ],
)
def test_source_common_name(url: str | None, sources: str, page: str | None, name: str) -> None:
    assert source_common_name(url, sources, page) == name


EVENT = {
    "id": 7,
    "date": "2024-08",  # month only: the event is filed under its document's date
    "doc_date": "2024-09-02",
    "cameo_root": "17",
    "intensity": -7.0,
    "lead_end": 120,
    "start": 300,
    "num_articles": 3,
    "positive": 0.04,
    "negative": 0.09,
    "actor": "Kazakh\tpolice",
    "actor_country": "KAZ",
    "actor_sector": "POL",
    "target": "activists",
    "target_country": None,
    "target_sector": "CVL",
    "created_at": datetime(2024, 9, 3, 10, 11, 12),
    "source_url": "https://example.org/x",
}


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("GLOBALEVENTID", "7"),
        ("SQLDATE", "20240902"),
        ("MonthYear", "202409"),
        ("Year", "2024"),
        ("Actor1Code", "KAZPOL"),
        ("Actor1Name", "Kazakh police"),
        ("Actor1Type1Code", "POL"),
        ("Actor2Code", "CVL"),
        ("Actor2CountryCode", ""),
        ("IsRootEvent", "0"),
        ("EventCode", "170"),
        ("EventRootCode", "17"),
        ("QuadClass", "4"),
        ("GoldsteinScale", "-7"),
        ("NumArticles", "3"),
        ("AvgTone", "-5"),
        ("ActionGeo_Type", "4"),
        ("ActionGeo_FullName", "Almaty"),
        ("ActionGeo_CountryCode", "KAZ"),
        ("ActionGeo_Lat", "43.25"),
        ("Actor1Geo_Type", ""),
        ("DATEADDED", "20240903101112"),
        ("SOURCEURL", "https://example.org/x"),
    ],
)
def test_event_row_fields(column: str, value: str) -> None:
    row = dict(zip(EVENT_COLUMNS, event_row(EVENT, PlaceInfo("Almaty", "KAZ", 43.25, 76.92)), strict=True))
    assert row[column] == value


@pytest.mark.parametrize(("lead_end", "start", "root"), [(0, 900, "1"), (50, 10, "1"), (50, 60, "0")])
def test_root_event_is_one_in_the_first_paragraph(lead_end: int, start: int, root: str) -> None:
    row = event_row({**EVENT, "lead_end": lead_end, "start": start}, None)
    assert row[EVENT_COLUMNS.index("IsRootEvent")] == root


@pytest.mark.parametrize("tone", [{"positive": 0.1, "negative": 0.05}, None])
def test_tone_field_has_seven_values(tone: dict[str, float] | None) -> None:
    values = tone_field(tone, 42).split(",")
    assert len(values) == 7 and values[-1] == "42"
    if tone:
        assert float(values[0]) == pytest.approx(5.0) and float(values[3]) == pytest.approx(15.0)


@pytest.mark.parametrize("title", ["Talks\tend"])
def test_gkg_row_of_a_document_without_facts(title: str) -> None:
    doc = {
        "id": "abc",
        "title": title,
        "body": "One two three.",
        "url": None,
        "sources": "[]",
        "page_source": "p.txt",
        "source_url": "p.txt",
        "doc_date": None,
        "created_at": datetime(2024, 1, 2, 3, 4, 5),
        "positive": None,
        "negative": None,
    }
    row = dict(zip(GKG_COLUMNS, gkg_row(doc, {}), strict=True))
    assert row["GKGRECORDID"] == "20240102030405-abc" and row["V2.1DATE"] == "20240102030405"
    assert row["V1.5TONE"].endswith(",3") and row["V2EXTRASXML"] == "<PAGE_TITLE>Talks end</PAGE_TITLE>"


# -- files read back ---------------------------------------------------------------------------------


def _factual_events(store: Store, *where: Any) -> list[Any]:
    with store.connect() as conn:
        q = select(events).where(events.c.negated.is_(False), events.c.hypothetical.is_(False), *where)
        return list(conn.execute(q.order_by(events.c.id)))


def test_gdelt_events_load_with_pandas(any_store: Store, tmp_path: Path) -> None:
    written = export(any_store, "gdelt", tmp_path)
    assert [p.name for p in written] == ["gdelt_events.tsv", "gdelt_events.header.tsv"]
    frame = read_gdelt(tmp_path, "gdelt_events")
    assert list(frame.columns) == list(EVENT_COLUMNS)
    factual = _factual_events(any_store)
    assert [int(i) for i in frame["GLOBALEVENTID"]] == [e.id for e in factual]  # no negated, no hypothetical
    by_id = {str(e.id): e for e in factual}
    for _, row in frame.iterrows():
        ev = by_id[row["GLOBALEVENTID"]]
        assert row["EventRootCode"] == (ev.cameo_root or "")
        assert row["QuadClass"] == str(quad_class(ev.cameo_root))
        assert row["Actor1CountryCode"] == (ev.actor_country or "")
        assert len(row["SQLDATE"]) == 8 and row["SQLDATE"].startswith(row["Year"])
        assert -100 <= float(row["AvgTone"]) <= 100
        assert len(row["DATEADDED"]) == 14
    assert not (tmp_path / "gdelt_events.tsv").read_text(encoding="utf-8").startswith("GLOBALEVENTID")


def test_gdelt_action_geo_uses_stored_places(store: Store, tmp_path: Path) -> None:
    export(store, "gdelt", tmp_path)
    frame = read_gdelt(tmp_path, "gdelt_events").set_index("GLOBALEVENTID")
    located = 0
    with store.connect() as conn:
        for ev in _factual_events(store, events.c.place.is_not(None)):
            place = conn.execute(select(entities).where(entities.c.id == entity_id("place", ev.place))).first()
            if place is not None and place.lat is not None:
                row = frame.loc[str(ev.id)]
                assert float(row["ActionGeo_Lat"]) == pytest.approx(place.lat)
                assert float(row["ActionGeo_Long"]) == pytest.approx(place.lon)
                assert row["ActionGeo_CountryCode"] == (place.country or "")
                located += 1
    assert located >= 1  # the border-talks page: "in Vilnius", "in Minsk"


@pytest.mark.parametrize(("filters", "country"), [({"country": "BLR"}, "BLR"), ({"country": "pol"}, "POL")])
def test_gdelt_country_filter(store: Store, tmp_path: Path, filters: dict[str, str], country: str) -> None:
    export(store, "gdelt", tmp_path, Filters.make(**filters))
    frame = read_gdelt(tmp_path, "gdelt_events")
    assert len(frame) >= 1
    assert ((frame["Actor1CountryCode"] == country) | (frame["Actor2CountryCode"] == country)).all()


@pytest.mark.parametrize(("since", "until"), [("2022", "2022"), ("2023-08-24", None), (None, "2021-12")])
def test_gdelt_date_filters_follow_the_document_date(
    store: Store, tmp_path: Path, since: str | None, until: str | None
) -> None:
    export(store, "gdelt", tmp_path, Filters.make(since=since, until=until))
    frame = read_gdelt(tmp_path, "gdelt_events")
    with store.connect() as conn:
        doc_dates = dict(conn.execute(select(documents.c.id, document_date()).select_from(documents_with_page())).all())
    expected = [
        e.id
        for e in _factual_events(store)
        if doc_dates[e.document_id]
        and (since is None or doc_dates[e.document_id] >= since)
        and (until is None or doc_dates[e.document_id][: len(until)] <= until)
    ]
    assert [int(i) for i in frame["GLOBALEVENTID"]] == expected


def test_gkg_loads_with_pandas_one_row_per_document(any_store: Store, tmp_path: Path) -> None:
    export(any_store, "gkg", tmp_path)
    frame = read_gdelt(tmp_path, "gkg")
    assert list(frame.columns) == list(GKG_COLUMNS)
    with any_store.connect() as conn:
        docs = conn.execute(
            select(documents.c.id, tones.c.positive, tones.c.negative)
            .outerjoin(tones, tones.c.document_id == documents.c.id)
            .where(documents.c.duplicate_of.is_(None))
        ).all()
    assert sorted(r.split("-", 1)[1] for r in frame["GKGRECORDID"]) == sorted(d.id for d in docs)
    tone_of = {d.id: gdelt_tone(d.positive, d.negative) for d in docs}
    for _, row in frame.iterrows():
        doc_id = row["GKGRECORDID"].split("-", 1)[1]
        first = row["V1.5TONE"].split(",")[0]
        assert (float(first) if first else None) == pytest.approx(tone_of[doc_id])
        assert row["V2EXTRASXML"].startswith("<PAGE_TITLE>")
    border = frame[frame["V2EXTRASXML"].str.contains("Poland and Lithuania")].iloc[0]
    assert "Andrzej Duda" in border["V1PERSONS"].split(";")
    assert any(block.split("#")[1] == "Vilnius" for block in border["V1LOCATIONS"].split(";"))
    assert border["V2.1QUOTATIONS"].count("|") >= 3
    assert all(len(block.split(",")) == 2 for block in border["V2ENHANCEDTHEMES"].split(";"))


@pytest.mark.parametrize("event_type", ["COERCE"])
def test_gkg_event_type_filter(store: Store, tmp_path: Path, event_type: str) -> None:
    export(store, "gkg", tmp_path, Filters.make(event_type=event_type))
    frame = read_gdelt(tmp_path, "gkg")
    kept = {r.split("-", 1)[1] for r in frame["GKGRECORDID"]}
    assert kept == {e.document_id for e in _factual_events(store, events.c.type == event_type)}
