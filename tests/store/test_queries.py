"""newsgraph.store.queries on SQLite and PostgreSQL, and its pure helpers."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.core.errors import NotFound
from newsgraph.store import queries
from newsgraph.store.db import Store
from newsgraph.store.facts import entity_id
from newsgraph.store.filters import BadFilter, Filters
from tests.api_fixtures import XSS_TITLE, build
from tests.kb_fixtures import database

SEED_TITLE = "Russia busy keeping Central Asian states in line as Ukraine crisis unfolds"
GRAIN = "grain"


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def kb(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp(f"queries-{request.param}")
    with database(request.param, folder) as url:
        ids = build(url, folder / "pages", with_seed=False)
        store = Store(url)
        try:
            with store.connect() as conn:
                yield conn, ids
        finally:
            store.close()


@pytest.mark.parametrize("limit", [1, 3])
def test_list_articles_counts_and_pages(kb, limit: int) -> None:
    conn, ids = kb
    rows, total = queries.list_articles(conn, limit=limit)
    assert len(rows) == min(limit, total) and total == len({i for i in ids.values()})
    dates = [r["date"] for r in queries.list_articles(conn, limit=100)[0] if r["date"]]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize(("filters", "expected"), [({"since": "2024"}, XSS_TITLE), ({"country": "KAZ"}, XSS_TITLE)])
def test_list_articles_filters(kb, filters: dict[str, str], expected: str) -> None:
    conn, _ = kb
    titles = [r["title"] for r in queries.list_articles(conn, Filters.make(**filters))[0]]
    assert expected in titles


@pytest.mark.parametrize("filters", [{"since": "2024-02-30"}, {"country": "XX"}, {"event_type": "FIGHT"}])
def test_bad_filters_raise(kb, filters: dict[str, str]) -> None:
    conn, _ = kb
    with pytest.raises(BadFilter):
        queries.list_articles(conn, Filters.make(**filters))


@pytest.mark.parametrize("title", [XSS_TITLE])
def test_get_article_with_facts_and_prefix(kb, title: str) -> None:
    conn, ids = kb
    doc = queries.get_article(conn, ids[title][:6])
    assert doc["id"] == ids[title] and doc["facts"]["events"] and doc["sources"]
    with pytest.raises(NotFound):
        queries.get_article(conn, "ffffffffffffffff")


@pytest.mark.parametrize("q", ["evil", "EVIL"])
def test_entities_by_name(kb, q: str) -> None:
    conn, _ = kb
    rows, total = queries.list_entities(conn, q=q)
    assert total == 1 and rows[0]["kind"] == "person"


@pytest.mark.parametrize("kind", ["person"])
def test_get_entity(kb, kind: str) -> None:
    conn, _ = kb
    ent = queries.get_entity(conn, entity_id(kind, "Evil <img src=x onerror=\"window.__xss='entity'\"> Person"))
    assert ent["quotes"] and ent["events_as_actor"] and ent["roles"] and ent["co_mentioned"]
    assert ent["timeline"] == [{"period": "2024-05", "mentions": 1}]
    with pytest.raises(NotFound):
        queries.get_entity(conn, "0")


@pytest.mark.parametrize(
    ("filters", "sides"),
    [({}, {"actor_country": "KAZ", "target_country": "rus"}), ({"event_type": "CONSULT", "since": "2024"}, {})],
)
def test_list_event_reports(kb, filters: dict[str, str], sides: dict[str, str]) -> None:
    conn, _ = kb
    f = Filters.make(**filters)
    rows, total = queries.list_event_reports(conn, f, **sides)
    assert total == len(rows) >= 1
    assert any(r["actor"].startswith("Evil") for r in rows)
    assert queries.list_event_reports(conn, f, **sides, limit=1)[1] == total


def test_a_bad_side_country_is_a_bad_filter(kb) -> None:
    conn, _ = kb
    with pytest.raises(BadFilter, match="alpha-3"):
        queries.list_event_reports(conn, actor_country="KAZAKHSTAN")


@pytest.mark.parametrize("speaker", ["evil"])
def test_quotes_and_amounts(kb, speaker: str) -> None:
    conn, _ = kb
    assert queries.list_quotes(conn, speaker=speaker)[1] == 1
    rows, total = queries.list_amounts(conn, min_value=1000)
    assert total == len(rows) and all(r["value"] >= 1000 for r in rows)


@pytest.mark.parametrize("granularity", ["year", "month", "day"])
def test_event_timeline(kb, granularity: str) -> None:
    conn, _ = kb
    points = queries.event_timeline(conn, granularity=granularity)
    assert points and points == sorted(points, key=lambda p: (p["period"], p["type"]))
    with pytest.raises(BadFilter):
        queries.event_timeline(conn, granularity="week")


@pytest.mark.parametrize("country", [None, "RUS"])
def test_actor_network(kb, country: str | None) -> None:
    conn, _ = kb
    net = queries.actor_network(conn, Filters.make(country=country))
    ids = {n["id"] for n in net["nodes"]}
    assert net["edges"] and all(e["source"] in ids and e["target"] in ids for e in net["edges"])


@pytest.mark.parametrize(("country", "phrases"), [(None, True), (None, False), ("RUS", True)])
def test_actor_network_counted_in_sql_equals_one_row_per_event(kb, country: str | None, phrases: bool) -> None:
    from sqlalchemy import or_, select

    from newsgraph.store.filters import event_conditions, events_with_documents
    from newsgraph.store.schema import events

    conn, _ = kb
    f = Filters.make(country=country)
    e = events.c
    cols = [e.type, e.actor, e.actor_entity_id, e.actor_country, e.target, e.target_entity_id, e.target_country]
    rows = [
        dict(r) | {"actor_kind": None, "actor_name": None, "target_kind": None, "target_name": None}
        for r in conn.execute(
            select(*cols)
            .select_from(events_with_documents())
            .where(*event_conditions(f, facts_only=True), or_(e.target.is_not(None), e.target_country.is_not(None)))
        ).mappings()
    ]
    by_row = queries.build_network(rows, limit=10_000, phrases=phrases)
    grouped = queries.actor_network(conn, f, limit=10_000, phrases=phrases)

    def shape(net: dict) -> tuple:
        edges = sorted((x["source"], x["target"], x["type"], x["events"]) for x in net["edges"])
        nodes = sorted((n["id"], n["events"], n["as_actor"], n["as_target"], n["degree"]) for n in net["nodes"])
        return edges, nodes

    assert shape(grouped) == shape(by_row) and grouped["edges"]


@pytest.mark.parametrize(("recent", "phrases"), [(2, False), (5, True), (5, False)])
def test_the_newest_events_network_equals_one_row_per_newest_event(kb, recent: int, phrases: bool) -> None:
    from sqlalchemy import select

    from newsgraph.store.schema import events

    conn, _ = kb
    e = events.c
    cols = [e.type, e.actor, e.actor_entity_id, e.actor_country, e.target, e.target_entity_id, e.target_country]
    factual = conn.execute(
        select(e.day, e.id, *cols).where(e.negated.is_(False), e.hypothetical.is_(False), e.day.is_not(None))
    ).mappings()
    newest = sorted(factual, key=lambda r: r["id"])
    newest = sorted(newest, key=lambda r: r["day"], reverse=True)[:recent]  # day newest first, then id
    blank = {"actor_kind": None, "actor_name": None, "target_kind": None, "target_name": None}
    rows = [dict(r) | blank for r in newest if r["target"] is not None or r["target_country"] is not None]
    by_row = queries.build_network(rows, limit=10_000, phrases=phrases)
    grouped = queries.actor_network(conn, limit=10_000, phrases=phrases, recent=recent)
    edges = [sorted((x["source"], x["target"], x["type"], x["events"]) for x in n["edges"]) for n in (grouped, by_row)]
    assert edges[0] == edges[1] and len(newest) == recent


@pytest.mark.parametrize("title", [XSS_TITLE])
def test_page_neighbours_and_latest_date(kb, title: str) -> None:
    conn, ids = kb
    assert queries.page_neighbours(conn, ids[title]) == []
    assert (
        queries.latest_date(conn) == max(r["date"] for r in queries.list_articles(conn, limit=500)[0] if r["date"])[:10]
    )


# -- pure helpers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rows", "roles"),
    [
        (
            [
                {"document_id": "a", "title": "A", "role": "minister", "date": "2020-01-02", "mentions": 1},
                {"document_id": "b", "title": "B", "role": "president", "date": "2021-03-04", "mentions": 2},
                {"document_id": "c", "title": "C", "role": "minister", "date": "2020-06-01", "mentions": 1},
                {"document_id": "d", "title": "D", "role": None, "date": "2022-01-01", "mentions": 1},
            ],
            [("minister", "2020-01-02", "2020-06-01", 2), ("president", "2021-03-04", "2021-03-04", 1)],
        )
    ],
)
def test_roles_over_time_and_months(rows: list[dict[str, object]], roles: list[tuple[str, str, str, int]]) -> None:
    got = [(r["role"], r["first"], r["last"], len(r["documents"])) for r in queries.roles_over_time(rows)]
    assert got == roles
    assert queries.mentions_per_month(rows) == [
        {"period": "2020-01", "mentions": 1},
        {"period": "2020-06", "mentions": 1},
        {"period": "2021-03", "mentions": 2},
        {"period": "2022-01", "mentions": 1},
    ]


def _event(type_: str, actor: str | None, target: str | None, actor_country: str | None = None) -> dict[str, object]:
    return {
        "type": type_,
        "actor": actor,
        "actor_entity_id": None,
        "actor_country": actor_country,
        "actor_kind": None,
        "actor_name": None,
        "target": target,
        "target_entity_id": None,
        "target_country": None,
        "target_kind": None,
        "target_name": None,
        "id": 1,
    }


@pytest.mark.parametrize("limit", [1, 10])
def test_build_network_groups_and_limits(limit: int) -> None:
    rows = [
        _event("CONSULT", "A", "B"),
        _event("CONSULT", "a", "B"),
        _event("ACCUSE", "C", "B", "RUS"),
        _event("X", "A", "A"),
    ]
    net = queries.build_network(rows, limit=limit)
    assert net["edges"][0] == {"source": "t:a", "target": "t:b", "type": "CONSULT", "events": 2}
    assert len(net["edges"]) == min(limit, 2)
    assert {n["id"] for n in net["nodes"]} == ({"t:a", "t:b"} if limit == 1 else {"t:a", "t:b", "c:RUS"})


@pytest.mark.parametrize(("phrases", "min_weight"), [(False, 1), (True, 2)])
def test_build_network_leaves_out_phrases_light_edges_and_isolates(phrases: bool, min_weight: int) -> None:
    rows = [
        _event("CONSULT", "A", "B"),
        _event("CONSULT", "a", "B"),
        _event("ACCUSE", "C", "B", "RUS"),
        {**_event("AID", None, None, "RUS"), "target_country": "UKR"},
    ]
    net = queries.build_network(rows, phrases=phrases, min_weight=min_weight)
    ids = {n["id"] for n in net["nodes"]}
    if phrases:  # only the CONSULT edge has two events
        assert ids == {"t:a", "t:b"} and [e["type"] for e in net["edges"]] == ["CONSULT"]
    else:
        assert ids == {"c:RUS", "c:UKR"} and [e["type"] for e in net["edges"]] == ["AID"]
    assert all(n["degree"] == 1 and n["as_actor"] + n["as_target"] == n["events"] for n in net["nodes"])


@pytest.mark.parametrize("path", [Path("x")])
def test_module_stays_small(path: Path) -> None:
    assert len(Path(queries.__file__).read_text().splitlines()) < 600


@pytest.mark.parametrize("role", [None, "main", "teaser"])
def test_article_pages_found_through_the_day_index_are_the_pages_of_the_whole_list(kb, role: str | None) -> None:
    conn, _ = kb
    everything, total = queries.list_articles(conn, role=role, limit=10_000)
    assert total == len(everything) > 0
    for offset in range(0, len(everything), 2):
        page, n = queries.list_articles(conn, role=role, limit=2, offset=offset)
        assert n == total and page == everything[offset : offset + 2]


@pytest.mark.parametrize("recent", [1, 5, 100_000])
def test_the_network_of_the_newest_events_counts_no_more_of_them(kb, recent: int) -> None:
    conn, _ = kb
    whole = queries.actor_network(conn, limit=10_000)
    newest = queries.actor_network(conn, limit=10_000, recent=recent)
    assert sum(e["events"] for e in newest["edges"]) <= min(recent, sum(e["events"] for e in whole["edges"]))
    if recent >= 100_000:
        assert newest == whole


def test_entity_roles_agree_with_roles_over_time_from_every_row(kb) -> None:
    from sqlalchemy import func, select

    from newsgraph.store.filters import document_date, first_page
    from newsgraph.store.schema import documents, mentions

    conn, _ = kb
    m = mentions.c
    ids = conn.execute(select(m.entity_id).where(m.role.is_not(None)).distinct().limit(8)).scalars().all()
    assert ids
    date = document_date().label("date")
    src = mentions.join(documents, documents.c.id == m.document_id).outerjoin(
        first_page, first_page.c.id == documents.c.first_page_id
    )
    for eid in ids:
        rows = [
            dict(r)
            for r in conn.execute(
                select(m.document_id, documents.c.title, m.role, date, func.count().label("mentions"))
                .select_from(src)
                .where(m.entity_id == eid)
                .group_by(m.document_id, documents.c.title, m.role, date)
                .order_by(date, m.document_id)
            ).mappings()
        ]
        want = {r["role"]: r for r in queries.roles_over_time(rows)}
        got = {r["role"]: r for r in queries.entity_roles(conn, eid)}
        assert set(got) == set(want)
        for role, r in got.items():
            assert (r["first"], r["last"], r["articles"]) == (
                want[role]["first"],
                want[role]["last"],
                len(want[role]["documents"]),
            )
            assert {d["id"] for d in r["documents"]} <= {d["id"] for d in want[role]["documents"]}
            assert len(r["documents"]) == min(queries.ROLE_DOCUMENTS, r["articles"])
