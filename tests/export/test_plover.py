"""PLOVER JSON: one object per event, read back with json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from newsgraph.export import export
from newsgraph.export.codes import PlaceInfo
from newsgraph.export.plover import CODER, plover_record
from newsgraph.store.db import Store
from newsgraph.store.filters import Filters
from newsgraph.store.schema import events

KEYS = {
    "event_id",
    "event_date",
    "event_date_coded",
    "event_type",
    "event_mode",
    "quad_code",
    "cameo_root",
    "event_intensity",
    "event_text",
    "trigger",
    "actor",
    "actor_id",
    "actor_country",
    "actor_sector",
    "recipient",
    "recipient_id",
    "recipient_country",
    "recipient_sector",
    "placename",
    "place_country",
    "latitude",
    "longitude",
    "negated",
    "hypothetical",
    "story_id",
    "headline",
    "publication_date",
    "url",
    "evidence",
    "coder",
}


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


ROW = {
    "id": 3,
    "document_id": "d1",
    "type": "ACCUSE",
    "mode": "allege",
    "actor": "Lithuania",
    "actor_entity_id": None,
    "actor_country": "LTU",
    "actor_sector": "GOV",
    "target": "Belarus",
    "target_entity_id": "e9",
    "target_country": "BLR",
    "target_sector": "GOV",
    "date": "2022",
    "doc_date": "2022-06-14",
    "place": "Vilnius",
    "negated": 1,
    "hypothetical": 0,
    "cameo_root": "11",
    "intensity": -2.0,
    "trigger": "accused",
    "sentence": "Lithuania accused Belarus.",
    "start": 0,
    "end": 26,
    "doc_title": "Talks",
    "source_url": "https://example.org/t",
}


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("event_id", "newsgraph-3"),
        ("event_date", "2022-06-14"),
        ("event_date_coded", "2022"),
        ("event_mode", ["allege"]),
        ("quad_code", 3),
        ("recipient", "Belarus"),
        ("recipient_id", "e9"),
        ("actor_country", "LTU"),
        ("placename", "Vilnius"),
        ("latitude", 54.69),
        ("negated", True),
        ("hypothetical", False),
        ("story_id", "d1"),
        ("evidence", {"doc": "d1", "sentence": "Lithuania accused Belarus.", "start": 0, "end": 26}),
        ("coder", CODER),
    ],
)
def test_plover_record_fields(key: str, value: Any) -> None:
    record = plover_record(ROW, PlaceInfo("Vilnius", "LTU", 54.69, 25.28))
    assert set(record) == KEYS
    assert record[key] == value


@pytest.mark.parametrize(("mode", "modes"), [(None, []), ("phone", ["phone"])])
def test_event_mode_is_a_list(mode: str | None, modes: list[str]) -> None:
    assert plover_record({**ROW, "mode": mode}, None)["event_mode"] == modes


def test_plover_has_every_event_with_its_flags(any_store: Store, tmp_path: Path) -> None:
    (path,) = export(any_store, "plover", tmp_path)
    loaded = read_jsonl(path)
    with any_store.connect() as conn:
        stored = {r.id: r for r in conn.execute(select(events))}
    assert [int(r["event_id"].split("-")[1]) for r in loaded] == sorted(stored)
    for record in loaded:
        assert set(record) == KEYS
        ev = stored[int(record["event_id"].split("-")[1])]
        assert record["negated"] is bool(ev.negated) and record["hypothetical"] is bool(ev.hypothetical)
        assert (record["event_type"], record["actor"], record["recipient"]) == (ev.type, ev.actor, ev.target)
        assert record["evidence"]["doc"] == record["story_id"] == ev.document_id
        assert record["event_date"] is None or len(record["event_date"]) == 10
    assert any(r["negated"] for r in loaded) and any(r["hypothetical"] for r in loaded)
    vilnius = [r for r in loaded if r["placename"] == "Vilnius"]
    assert vilnius and vilnius[0]["latitude"] == pytest.approx(54.69, abs=0.01)


@pytest.mark.parametrize(("filters", "check"), [({"event_type": "consult"}, lambda r: r["event_type"] == "CONSULT")])
def test_plover_event_type_filter(store: Store, tmp_path: Path, filters: dict[str, str], check: Any) -> None:
    (path,) = export(store, "plover", tmp_path, Filters.make(**filters))
    loaded = read_jsonl(path)
    assert loaded and all(check(r) for r in loaded)


@pytest.mark.parametrize("country", ["LTU"])
def test_plover_country_filter(store: Store, tmp_path: Path, country: str) -> None:
    (path,) = export(store, "plover", tmp_path, Filters.make(country=country))
    loaded = read_jsonl(path)
    assert loaded and all(country in (r["actor_country"], r["recipient_country"]) for r in loaded)
