"""One filters object (newsgraph.store.filters): checked values, one date range, the documents and events it selects."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Connection

from newsgraph.store.db import Store
from newsgraph.store.filters import (
    BadFilter,
    Filters,
    after,
    check_country,
    check_date,
    check_event_type,
    event_conditions,
    events_with_documents,
    selected_documents,
)
from newsgraph.store.schema import documents, now, pages
from tests.kb_fixtures import Doc, Ent, Ev, add_documents, doc_id


@pytest.mark.parametrize(
    ("given", "says"),
    [
        ({"since": "2020-13"}, "YYYY-MM"),
        ({"until": "yesterday"}, "YYYY-MM"),
        ({"since": "2024", "until": "2023"}, "swap"),
        ({"country": "RU"}, "alpha-3"),
        ({"event_type": "PARTY"}, "CONSULT"),
    ],
)
def test_bad_filters_say_what_to_give(given: dict[str, str], says: str) -> None:
    with pytest.raises(BadFilter) as err:
        Filters.make(**given)
    assert says in err.value.message and err.value.code == "O003"


@pytest.mark.parametrize(
    ("given", "normalized"),
    [({"country": "kaz"}, Filters(country="KAZ")), ({"event_type": "consult"}, Filters(event_type="CONSULT"))],
)
def test_filters_are_normalized(given: dict[str, str], normalized: Filters) -> None:
    assert Filters.make(**given) == normalized


@pytest.mark.parametrize(
    ("until", "bound"), [("2020", "2021"), ("2020-12", "2021-01"), ("2020-02", "2020-03"), ("2020-02-29", "2020-03-01")]
)
def test_until_is_inclusive(until: str, bound: str) -> None:
    assert after(until) == bound


@pytest.mark.parametrize("value", ["2020-02-30", "2020-1", "20200", "last week", "2020-13-01"])
def test_check_date_refuses_what_is_not_a_date(value: str) -> None:
    with pytest.raises(ValueError, match="not a date: give YYYY, YYYY-MM or YYYY-MM-DD"):
        check_date(value)


@pytest.mark.parametrize(
    ("check", "value", "expected"),
    [
        (check_date, "2020-02-29", "2020-02-29"),
        (check_date, "", None),
        (check_country, "kaz", "KAZ"),
        (check_country, None, None),
        (check_event_type, "protest", "PROTEST"),
        (check_event_type, "", None),
    ],
)
def test_checks_normalize(check, value: str | None, expected: str | None) -> None:
    assert check(value) == expected


@pytest.mark.parametrize(("check", "value"), [(check_country, "RU"), (check_event_type, "PARTY")])
def test_checks_raise_value_errors_the_api_reports(check, value: str) -> None:
    with pytest.raises(ValueError, match="not a"):
        check(value)


def test_a_bad_filter_names_the_option() -> None:
    with pytest.raises(BadFilter, match="--until 'yesterday' is not a date"):
        Filters.make(until="yesterday")


@pytest.mark.parametrize(("given", "anything"), [({}, False), ({"person": "  "}, False), ({"person": "Berg"}, True)])
def test_any_and_blank_person(given: dict[str, str], anything: bool) -> None:
    assert Filters.make(**given).any is anything


# -- what the filters select, on a small database --------------------------------------------------

BERG = Ent("person", "Anna Berg", "SWE", aliases=("Berg",))
DOCS = [
    Doc("jan", "Talks in January", "Anna Berg met ministers.", "2020-01-15", [BERG], [Ev("CONSULT", "SWE", "NOR")]),
    Doc("feb", "Protest in February", "Farmers protested.", "2020-02-03", [], [Ev("PROTEST", "FRA", None)]),
    Doc("teaser", "A teaser", "Short text.", None),
]


@pytest.fixture(scope="module")
def conn(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Connection]:
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('filters') / 'f.db'}")
    with store.engine.begin() as c:
        add_documents(c, DOCS)
        page = {"id": "p1", "source": "p.txt", "kind": "text", "published": "2020-02-20", "ingested_at": now()}
        c.execute(pages.insert().values(**page))
        c.execute(documents.update().where(documents.c.id == doc_id("teaser")).values(first_page_id="p1"))
    with store.connect() as c:
        yield c
    store.close()


def _selected(conn: Connection, **given: str) -> set[str]:
    ids = set(conn.execute(selected_documents(Filters.make(**given))).scalars())
    return {d.key for d in DOCS if doc_id(d.key) in ids}


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ({}, {"jan", "feb", "teaser"}),
        ({"since": "2020-02"}, {"feb", "teaser"}),  # the teaser has its page's date
        ({"until": "2020-01"}, {"jan"}),
        ({"since": "2020-01-15", "until": "2020-01-15"}, {"jan"}),
        ({"country": "swe"}, {"jan"}),
        ({"country": "FRA"}, {"feb"}),
        ({"person": "berg"}, {"jan"}),
        ({"person": "100%"}, set()),
        ({"event_type": "protest"}, {"feb"}),
    ],
)
def test_selected_documents(conn: Connection, given: dict[str, str], expected: set[str]) -> None:
    assert _selected(conn, **given) == expected


@pytest.mark.parametrize(
    ("given", "expected"),
    [({}, {"CONSULT", "PROTEST"}), ({"country": "NOR"}, {"CONSULT"}), ({"since": "2020-02", "person": "Berg"}, set())],
)
def test_event_conditions(conn: Connection, given: dict[str, str], expected: set[str]) -> None:
    from newsgraph.store.schema import events

    q = select(events.c.type).select_from(events_with_documents())
    q = q.where(*event_conditions(Filters.make(**given), facts_only=True))
    assert set(conn.execute(q).scalars()) == expected


def test_date_range_on_any_column_and_undated_rows(conn: Connection) -> None:
    f = Filters.make(since="2020-02", until="2020-02")
    q = select(documents.c.id).where(*f.date_range(documents.c.published))
    assert set(conn.execute(q).scalars()) == {doc_id("feb")}
    q = select(documents.c.id).where(*f.date_range(documents.c.published, undated=True))
    assert set(conn.execute(q).scalars()) == {doc_id("feb"), doc_id("teaser")}
    assert after("2020-02") == "2020-03"
