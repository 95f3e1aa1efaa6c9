from __future__ import annotations

from collections import defaultdict

import pytest
from sqlalchemy import select

from newsgraph.analysis.popular import PopularError, popular, top_events
from newsgraph.store.db import Store
from newsgraph.store.filters import BadFilter, Filters, document_date, documents_with_page
from newsgraph.store.schema import documents, entities, events, mentions
from tests.kb_fixtures import build_handmade, build_ingested, database


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def kb(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    with database(request.param, tmp_path_factory.mktemp("popular")) as url:
        build_handmade(url)
        store = Store(url)
        yield store
        store.close()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def ingested(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("popular_ingested")
    with database(request.param, folder) as url:
        build_ingested(url, folder / "pages")
        store = Store(url)
        yield store
        store.close()


def _popular(store: Store, *, kind: str | None = None, limit: int = 20, **filters) -> list[tuple[str, int, int]]:
    with store.connect() as conn:
        return [
            (r["name"], r["documents"], r["mentions"])
            for r in popular(conn, Filters.make(**filters), kind=kind, limit=limit)
        ]


def _events(store: Store, *, limit: int = 20, **filters) -> list[tuple[str, str | None, str | None, int, int]]:
    with store.connect() as conn:
        return [
            (r["type"], r["actor_country"], r["target_country"], r["documents"], r["events"])
            for r in top_events(conn, Filters.make(**filters), limit=limit)
        ]


# -- popular entities -----------------------------------------------------------------------------


@pytest.mark.parametrize("limit", [5])
def test_entities_ranked_by_documents_then_mentions(kb: Store, limit: int) -> None:
    # UKR: grain1, grain2, protest (the duplicate of grain2 has no facts); Odesa: 3 documents, 3 mentions;
    # Kubrakov: 2 documents, 2 mentions each; RUS: grain2 and talks; POL: minister and protest.
    assert _popular(kb, limit=limit) == [
        ("Odesa", 3, 3),
        ("UKR", 3, 3),
        ("Oleksandr Kubrakov", 2, 4),
        ("Black Sea", 2, 2),
        ("POL", 2, 2),
    ]


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("person", [("Oleksandr Kubrakov", 2, 4), ("Dmitry Peskov", 1, 1)]),
        ("organization", [("United Nations", 2, 2), ("City Council", 1, 1), ("National Orchestra", 1, 1)]),
        ("country", [("UKR", 3, 3), ("POL", 2, 2), ("RUS", 2, 2)]),
    ],
)
def test_kind_filter(kb: Store, kind: str, expected: list[tuple[str, int, int]]) -> None:
    assert _popular(kb, kind=kind) == expected


@pytest.mark.parametrize(
    ("since", "until", "expected"),
    [  # "2023-08" is the whole month; a date-time on the last day of a window counts
        ("2023-08-10", "2023-08-20", [("Odesa", 2, 2), ("Oleksandr Kubrakov", 1, 2)]),
        ("2023-08", "2023-08", [("Odesa", 3, 3), ("Oleksandr Kubrakov", 2, 4), ("Dmitry Peskov", 1, 1)]),
        ("2023-08-31", "2023-08-31", [("Dmitry Peskov", 1, 1)]),
        ("2024", None, []),
        (None, "2023-08-09", [("Oleksandr Kubrakov", 1, 2), ("Odesa", 1, 1)]),
        ("2023", "2023", [("Odesa", 3, 3), ("Oleksandr Kubrakov", 2, 4), ("Dmitry Peskov", 1, 1)]),
    ],
)
def test_time_window_on_publication_dates(
    kb: Store, since: str | None, until: str | None, expected: list[tuple[str, int, int]]
) -> None:
    got = _popular(kb, since=since, until=until, limit=50)
    assert [g for g in got if g[0] in {"Odesa", "Oleksandr Kubrakov", "Dmitry Peskov"}] == expected


@pytest.mark.parametrize("since", ["2023-01-01"])
def test_documents_without_a_date_are_outside_any_window(kb: Store, since: str) -> None:
    everything = dict((n, d) for n, d, _ in _popular(kb, limit=100))
    windowed = dict((n, d) for n, d, _ in _popular(kb, since=since, limit=100))
    assert everything["POL"] == 2 and windowed["POL"] == 1  # the undated protest story drops out


@pytest.mark.parametrize("limit", [1, 3])
def test_limit(kb: Store, limit: int) -> None:
    assert len(_popular(kb, limit=limit)) == limit


@pytest.mark.parametrize("kw", [{"kind": "people"}, {"kind": ""}, {"limit": 0}])
def test_bad_arguments_raise_a_named_error(kb: Store, kw: dict) -> None:
    with kb.connect() as conn, pytest.raises(PopularError) as err:
        popular(conn, **kw)
    assert err.value.code == "Q003"


@pytest.mark.parametrize("window", [{"since": "last week"}, {"until": "2020-1-5"}, {"since": "2020-01-01T00:00"}])
def test_a_bad_window_is_a_bad_filter(kb: Store, window: dict) -> None:
    with pytest.raises(BadFilter):
        _popular(kb, **window)


@pytest.mark.parametrize(("country", "event_type"), [("UKR", None), (None, "THREATEN")])
def test_other_filters_narrow_the_documents_and_events(kb: Store, country: str | None, event_type: str | None) -> None:
    every = dict((n, d) for n, d, _ in _popular(kb, limit=100))
    narrowed = dict((n, d) for n, d, _ in _popular(kb, country=country, event_type=event_type, limit=100))
    assert narrowed and all(d <= every[n] for n, d in narrowed.items()) and narrowed != every
    events = _events(kb, country=country, event_type=event_type)
    assert events and all(country in (e[1], e[2]) if country else e[0] == event_type for e in events)


# -- top events -----------------------------------------------------------------------------------


@pytest.mark.parametrize("limit", [20])
def test_events_grouped_by_type_and_countries_negated_and_hypothetical_left_out(kb: Store, limit: int) -> None:
    assert _events(kb, limit=limit) == [
        ("CONSULT", "UKR", "POL", 1, 2),  # two events, one document
        ("COOPERATE", None, None, 1, 1),
        ("COOPERATE", "UKR", None, 1, 1),
        ("PROTEST", "POL", "UKR", 1, 1),
        ("REJECT", "RUS", None, 1, 1),
        ("THREATEN", "RUS", "UKR", 1, 1),
    ]


@pytest.mark.parametrize(
    ("since", "until", "expected"),
    [
        ("2023-08-05", "2023-08-31", ["CONSULT", "REJECT", "THREATEN"]),
        ("2024-01", None, ["COOPERATE"]),
        ("2025", None, []),
    ],
)
def test_events_window(kb: Store, since: str | None, until: str | None, expected: list[str]) -> None:
    assert [e[0] for e in _events(kb, since=since, until=until)] == expected


@pytest.mark.parametrize("limit", [2])
def test_events_carry_first_and_last_dates(kb: Store, limit: int) -> None:
    with kb.connect() as conn:
        found = top_events(conn, limit=limit)
    assert len(found) == limit
    assert (found[0]["first"], found[0]["last"]) == ("2023-08-19", "2023-08-20")  # the events' own dates
    assert (found[1]["first"], found[1]["last"]) == (None, None)


@pytest.mark.parametrize("limit", [0, -1])
def test_events_bad_limit(kb: Store, limit: int) -> None:
    with kb.connect() as conn, pytest.raises(PopularError):
        top_events(conn, limit=limit)


# -- on ingested pages: the same answers as counting by hand ----------------------------------------


def _reference_popular(conn, since: str | None, until: str | None) -> dict[str, tuple[int, int]]:
    """Counted by hand over every mention; a document's date is its own, else its first page's."""
    q = (
        select(mentions.c.entity_id, mentions.c.document_id, document_date())
        .select_from(documents_with_page())
        .join(mentions, documents.c.id == mentions.c.document_id)
    )
    docs: dict[str, set[str]] = defaultdict(set)
    count: dict[str, int] = defaultdict(int)
    for eid, did, published in conn.execute(q):
        if since and (published is None or published < since):
            continue
        if until and (published is None or published[: len(until)] > until):
            continue
        docs[eid].add(did)
        count[eid] += 1
    return {e: (len(docs[e]), count[e]) for e in docs}


@pytest.mark.parametrize(("since", "until"), [(None, None), ("2023", "2023-08"), ("2024-05-06", None)])
def test_popular_matches_a_count_by_hand(ingested: Store, since: str | None, until: str | None) -> None:
    with ingested.connect() as conn:
        expected = _reference_popular(conn, since, until)
        got = popular(conn, Filters.make(since=since, until=until), limit=10_000)
        names = dict(conn.execute(select(entities.c.id, entities.c.name)).all())
    assert expected, "the fixture pages yield entities"
    assert {r["id"]: (r["documents"], r["mentions"]) for r in got} == expected
    keys = [(-r["documents"], -r["mentions"], r["name"]) for r in got]
    assert keys == sorted(keys)
    assert all(names[r["id"]] == r["name"] for r in got)


@pytest.mark.parametrize(("since", "until"), [(None, None), ("2023-07", "2023-07")])
def test_top_events_match_a_count_by_hand(ingested: Store, since: str | None, until: str | None) -> None:
    with ingested.connect() as conn:
        rows = conn.execute(
            select(
                events.c.type,
                events.c.actor_country,
                events.c.target_country,
                events.c.document_id,
                events.c.negated,
                events.c.hypothetical,
                document_date(),
            )
            .select_from(documents_with_page())
            .join(events, documents.c.id == events.c.document_id)
        ).all()
        got = top_events(conn, Filters.make(since=since, until=until), limit=10_000)
    expected: dict[tuple, list] = defaultdict(lambda: [set(), 0])
    for etype, actor, target, did, negated, hypothetical, published in rows:
        if negated or hypothetical:
            continue
        if since and (published is None or published < since):
            continue
        if until and (published is None or published[: len(until)] > until):
            continue
        expected[(etype, actor, target)][0].add(did)
        expected[(etype, actor, target)][1] += 1
    assert rows, "the fixture pages yield events"
    assert {(r["type"], r["actor_country"], r["target_country"]): (r["documents"], r["events"]) for r in got} == {
        k: (len(v[0]), v[1]) for k, v in expected.items()
    }


@pytest.mark.parametrize(("busy_days", "extra"), [((1,), 50), ((2, 1), 0), ((100,), 1)])
@pytest.mark.parametrize(("since", "until", "limit"), [("2023", "2023-08", 2), ("2023-01-01", "2024-12-31", 3)])
def test_a_window_ranked_among_its_busy_entities_is_the_full_ranking(
    ingested: Store,
    monkeypatch: pytest.MonkeyPatch,
    busy_days: tuple[int, ...],
    extra: int,
    since: str,
    until: str,
    limit: int,
) -> None:
    from newsgraph.analysis import popular as module

    f = Filters.make(since=since, until=until)
    with ingested.connect() as conn:
        full = module._popular_rows(conn, module.popular_query(f, limit=limit))
        monkeypatch.setattr(module, "BUSY_DAYS", busy_days)
        monkeypatch.setattr(module, "SMALL_WINDOW", 0)  # the fixture's windows are small: try them anyway
        monkeypatch.setattr(module, "NAMED_EXTRA", extra)  # names joined past the limit (0: ties fall back)
        assert popular(conn, f, limit=limit) == full and full
        for kind in ("person", "country"):
            everyone = module._popular_rows(conn, module.popular_query(f, kind=kind, limit=limit))
            assert popular(conn, f, kind=kind, limit=limit) == everyone
