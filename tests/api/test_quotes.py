"""GET /api/quotes."""

from __future__ import annotations

import pytest

from newsgraph.store.facts import entity_id
from tests.api_fixtures import assert_envelope, client, seed_id


@pytest.fixture(scope="module")
def api():
    return client()


@pytest.mark.parametrize(
    ("params", "speaker"), [({"speaker": "rutte"}, "Mark Rutte"), ({"q": "military operation"}, "Valentina Matviyenko")]
)
def test_quotes_by_speaker_or_words(api, params: dict[str, str], speaker: str) -> None:
    seed_id()
    body = api.get("/api/quotes", params=params).json()
    assert body["data"] and {q["speaker"] for q in body["data"]} == {speaker}
    assert all(q["sentence"] and q["title"] for q in body["data"])


@pytest.mark.parametrize("name", ["Mark Rutte"])
def test_quotes_by_entity(api, name: str) -> None:
    seed_id()
    body = api.get("/api/quotes", params={"entity": entity_id("person", name)}).json()
    assert body["count"] == len(body["data"]) >= 1


@pytest.mark.parametrize("limit", [1])
def test_count_is_the_total(api, limit: int) -> None:
    body = api.get("/api/quotes", params={"limit": limit}).json()
    assert len(body["data"]) == limit < body["count"]


@pytest.mark.parametrize("params", [{"since": "02/2022"}, {"offset": -1}, {"entity": "not-an-id"}])
def test_bad_filters_are_422(api, params: dict[str, str]) -> None:
    response = api.get("/api/quotes", params=params)
    assert response.status_code == 422
    assert_envelope(response.json(), 422)
