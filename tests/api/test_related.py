"""GET /api/articles/{id}/related."""

from __future__ import annotations

import pytest

from tests.api_fixtures import assert_envelope, client, seed_id


@pytest.fixture(scope="module")
def api():
    return client()


@pytest.mark.parametrize("limit", [1, 10])
def test_related_lists_other_articles_with_reasons(api, limit: int) -> None:
    doc_id = seed_id()
    body = api.get(f"/api/articles/{doc_id}/related", params={"limit": limit}).json()
    assert body["count"] == len(body["data"]) <= limit
    assert body["data"], "the seed's teasers share words and entities with it"
    assert all(r["id"] != doc_id and r["reason"] for r in body["data"])


@pytest.mark.parametrize(
    ("path", "status"), [("/api/articles/ffffffff/related", 404), ("/api/articles/{id}/related?limit=0", 422)]
)
def test_errors(api, path: str, status: int) -> None:
    response = api.get(path.replace("{id}", seed_id()))
    assert response.status_code == status
    assert_envelope(response.json(), status)
