"""Where an entity's countries and roles come from (newsgraph.analysis.provenance)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from newsgraph.analysis.entities import find_canonical
from newsgraph.analysis.provenance import (
    CONTEXT,
    OFFICE_TABLE,
    ROLE,
    country_provenance,
    role_names_country,
    role_provenance,
)
from newsgraph.kb.resolve import resolve_new
from newsgraph.store.db import Store
from tests.resolve_fixtures import P, add_doc, kb_store


@pytest.fixture
def kb(db_url: str) -> Iterator[Store]:
    with kb_store(db_url) as store:
        with store.engine.begin() as conn:
            add_doc(conn, "a", "2021-05-01", [P("Vladimir Putin", "President", "RUS", ["Putin"])])
            add_doc(conn, "b", "2022-02-27", [P("Putin", "Russian president", "RUS")])
            add_doc(conn, "c", "2022-03-01", [P("Dana Okafor", "spokeswoman", "KEN")])
            add_doc(conn, "d", "2022-03-02", [P("Dana Okafor", "Kenyan spokeswoman", "KEN")])
            add_doc(conn, "e", "2022-03-03", [P("Dana Okafor", None, "TZA")])
            resolve_new(conn)
        yield store


@pytest.mark.parametrize(
    ("role", "country", "names"),
    [
        ("Russian president", "RUS", True),
        ("president of Russia", "RUS", True),
        ("Russia's President", "RUS", True),
        ("President", "RUS", False),
        ("Russian president", "UKR", False),
    ],
)
def test_role_names_country(role: str, country: str, names: bool) -> None:
    assert role_names_country(role, country) is names


def test_each_document_says_where_the_country_came_from(kb: Store) -> None:
    with kb.connect() as conn:
        putin = find_canonical(conn, "Putin")[0]
        (rus,) = country_provenance(conn, putin.id, putin.name)
        okafor = find_canonical(conn, "Dana Okafor")[0]
        countries = country_provenance(conn, okafor.id, okafor.name)
    by_doc = {e["document_id"]: e for e in rus["evidence"]}
    assert by_doc["b"]["source"] == ROLE and by_doc["b"]["role"] == "Russian president"
    assert by_doc["a"]["source"] == OFFICE_TABLE  # "President" names no country; the table does
    assert [c["country"] for c in countries] == ["KEN", "TZA"]  # the best supported first
    assert countries[0]["sources"] == {ROLE: 1, CONTEXT: 1}
    assert countries[1]["sources"] == {CONTEXT: 1}


def test_one_role_with_its_written_forms(kb: Store) -> None:
    with kb.connect() as conn:
        putin = find_canonical(conn, "Putin")[0]
        (role,) = role_provenance(conn, putin.id)
    assert role["role"] == "president" and role["documents"] == 2
    assert {f["as_written"] for f in role["forms"]} == {"President", "Russian president"}
