"""GET /api/stances: the board with issue and as_of."""

from __future__ import annotations

import pytest

from tests.api_fixtures import assert_envelope, client, seed_id

CENTRAL_ASIA = ("KAZ", "KGZ", "TJK", "TKM", "UZB")


@pytest.fixture(scope="module")
def api():
    return client()


@pytest.mark.parametrize("issue", [None, "Ukraine"])
def test_central_asia_has_no_official_statement(api, issue: str | None) -> None:
    seed_id()
    body = api.get("/api/stances", params={"issue": issue} if issue else {}).json()
    assert body["count"] == len(body["data"])
    cells = {c["country"]: c for c in body["data"] if "Ukraine" in c["issue"]}
    for country in CENTRAL_ASIA:
        assert cells[country]["position"] == "no official statement"
        ev = cells[country]["evidence"]
        assert ev["sentence"] and ev["document_id"] == seed_id()


@pytest.mark.parametrize("as_of", ["2022-02-26", "2021"])
def test_as_of_before_the_article_shows_nothing_from_it(api, as_of: str) -> None:
    seed_id()
    body = api.get("/api/stances", params={"as_of": as_of}).json()
    assert all(c["date"] is None or c["date"] <= as_of + "\uffff" for c in body["data"])
    assert not [c for c in body["data"] if c["evidence"]["document_id"] == seed_id()]


@pytest.mark.parametrize("country", ["kaz"])
def test_country_filter(api, country: str) -> None:
    body = api.get("/api/stances", params={"country": country}).json()
    assert body["data"] and {c["country"] for c in body["data"]} == {"KAZ"}
    assert body["all_issues"]


@pytest.mark.parametrize("params", [{"as_of": "2022-02-30"}, {"country": "Kazakhstan"}])
def test_bad_filters_are_422(api, params: dict[str, str]) -> None:
    response = api.get("/api/stances", params=params)
    assert response.status_code == 422
    assert_envelope(response.json(), 422)


def test_a_cells_history_is_read_on_demand(api) -> None:
    board = api.get("/api/stances").json()
    assert board["data"] and all(len(c["history"]) == 1 for c in board["data"])
    full = {(c["country"], c["issue"]): c for c in api.get("/api/stances", params={"history": "true"}).json()["data"]}
    for cell in board["data"]:
        got = api.get("/api/stances/history", params={"country": cell["country"], "issue": cell["issue"]}).json()
        assert got["data"] == full[(cell["country"], cell["issue"])]["history"]
        assert got["count"] == cell["statements"]
    assert api.get("/api/stances/history", params={"country": "KAZAKH", "issue": "x"}).status_code == 422


def test_cells_name_their_issue_cluster_and_each_statement_its_own_issue(api) -> None:
    seed_id()
    body = api.get("/api/stances", params={"history": "true"}).json()
    assert any(c["issue_key"] for c in body["data"])  # the ingest clustered its labels
    assert set(body["all_issues"]) >= {c["issue"] for c in body["data"]}
    for cell in body["data"]:
        assert all(h["issue"] for h in cell["history"])
        if cell["issue_key"] is None:  # a row written without an ingest: its label is a column of its own
            assert {h["issue"] for h in cell["history"]} == {cell["issue"]}
