"""GET /api/search."""

from __future__ import annotations

import pytest

from tests.api_fixtures import assert_envelope, client, seed_id


@pytest.fixture(scope="module")
def api():
    return client()


@pytest.mark.parametrize(("q", "title_part"), [("grain", "grain"), ("Westhaven", "Westhaven")])
def test_search_ranks_matching_articles(api, q: str, title_part: str) -> None:
    body = api.get("/api/search", params={"q": q}).json()
    assert body["count"] == len(body["data"]) >= 1
    assert any(title_part.lower() in (h["title"] + h["snippet"]).lower() for h in body["data"])
    assert all("[" in h["snippet"] for h in body["data"])


@pytest.mark.parametrize("params", [{"q": "Zhaparov", "country": "KGZ"}, {"q": "Zhaparov", "person": "Putin"}])
def test_search_with_fact_filters(api, params: dict[str, str]) -> None:
    seed_id()
    body = api.get("/api/search", params=params).json()
    assert [h["document_id"] for h in body["data"]] == [seed_id()]


@pytest.mark.parametrize(
    "params", [{}, {"q": ""}, {"q": "x", "country": "K"}, {"q": "x", "since": "yesterday"}, {"q": "%%%"}]
)
def test_bad_searches_are_422(api, params: dict[str, str]) -> None:
    response = api.get("/api/search", params=params)
    assert response.status_code == 422
    assert_envelope(response.json(), 422)
