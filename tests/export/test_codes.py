"""What the event formats share (newsgraph.export.codes): CAMEO codes, event days, places, the event query."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from newsgraph.export.codes import PlaceInfo, actor_code, day_date, event_query, quad_class, resolve_places
from newsgraph.store.db import Store
from newsgraph.store.filters import NO_FILTERS, Filters
from newsgraph.store.schema import entities, events


@pytest.mark.parametrize(
    ("root", "quad"),
    [("01", 1), ("05", 1), ("06", 2), ("08", 2), ("09", 3), ("13", 3), ("14", 4), ("20", 4), (None, None), ("x", None)],
)
def test_quad_class_from_the_cameo_root(root: str | None, quad: int | None) -> None:
    assert quad_class(root) == quad


@pytest.mark.parametrize(
    ("country", "sector", "code"),
    [("RUS", "GOV", "RUSGOV"), ("KAZ", "POL", "KAZPOL"), (None, "GOV", "GOV"), ("TJK", None, "TJK")],
)
def test_actor_code_is_country_then_sector(country: str | None, sector: str | None, code: str) -> None:
    assert actor_code(country, sector) == code


@pytest.mark.parametrize(
    ("event_date", "doc_date", "day"),
    [
        ("2022-02-24", "2022-02-27", "2022-02-24"),
        ("2022-02", "2022-02-27", "2022-02-27"),
        ("2022-02-30", "2022-02-27T10:00:00", "2022-02-27"),
        (None, "2022", None),
    ],
)
def test_day_date_prefers_the_events_own_day(event_date: str | None, doc_date: str, day: str | None) -> None:
    assert day_date(event_date, doc_date) == day


def test_places_resolve_to_stored_places_or_countries(store: Store) -> None:
    with store.connect() as conn:
        stored = conn.execute(select(entities.c.name).where(entities.c.kind == "place").limit(1)).scalar_one()
        found = resolve_places(conn, [stored, "Lithuania", None, "Nowhere-on-earth"])
    assert found[stored].name == stored and not found[stored].is_country
    assert found["Lithuania"] == PlaceInfo("Lithuania", "LTU", None, None, is_country=True)
    assert "Nowhere-on-earth" not in found


@pytest.mark.parametrize("facts_only", [True, False])
def test_the_event_query_has_one_row_per_event_with_its_document(store: Store, facts_only: bool) -> None:
    with store.connect() as conn:
        rows = conn.execute(event_query(conn, NO_FILTERS, facts_only=facts_only)).all()
        q = select(func.count()).select_from(events)
        if facts_only:
            q = q.where(events.c.negated.is_(False), events.c.hypothetical.is_(False))
        assert len(rows) == conn.execute(q).scalar_one()
        kept = conn.execute(event_query(conn, Filters.make(country="BLR"))).all()
    assert all(r.doc_title and r.num_articles >= 1 for r in rows)
    assert kept and all("BLR" in (r.actor_country, r.target_country) for r in kept)
