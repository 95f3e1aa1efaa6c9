"""GET /api/entities and /api/entities/{id}."""

from __future__ import annotations

import pytest

from newsgraph.store.facts import entity_id
from tests.api_fixtures import assert_envelope, client, seed_id


@pytest.fixture(scope="module")
def api():
    return client()


@pytest.mark.parametrize(
    ("params", "name"), [({"q": "putin"}, "Vladimir Putin"), ({"q": "Putin", "kind": "person"}, "Vladimir Putin")]
)
def test_list_finds_by_name_or_alias(api, params: dict[str, str], name: str) -> None:
    seed_id()
    body = api.get("/api/entities", params=params).json()
    assert name in [e["name"] for e in body["data"]]
    assert body["count"] >= 1


@pytest.mark.parametrize("kind", ["person", "country"])
def test_kind_filter_and_order(api, kind: str) -> None:
    data = api.get("/api/entities", params={"kind": kind, "limit": 500}).json()["data"]
    assert data and all(e["kind"] == kind for e in data)
    docs = [e["documents"] for e in data]
    assert docs == sorted(docs, reverse=True)


@pytest.mark.parametrize("name", ["Vladimir Putin"])
def test_one_entity_with_roles_events_and_co_mentions(api, name: str) -> None:
    seed_id()
    body = api.get(f"/api/entities/{entity_id('person', name)}").json()
    assert body["name"] == name and "Putin" in body["aliases"]
    assert body["roles"] and all(r["documents"] for r in body["roles"])
    assert body["timeline"] and body["timeline"][0]["period"] == "2022-02"
    assert any(o["country"] == "RUS" and o["why"].startswith("country from the office-holder") for o in body["offices"])
    call = [e for e in body["events_as_actor"] if e["target_country"] == "KGZ"]
    assert call and call[0]["type"] == "CONSULT"
    shared = [c["documents"] for c in body["co_mentioned"]]
    assert "RUS" in [c["name"] for c in body["co_mentioned"]] and shared == sorted(shared, reverse=True)


@pytest.mark.parametrize("name", ["Sadyr Zhaparov"])
def test_events_as_target(api, name: str) -> None:
    seed_id()
    body = api.get(f"/api/entities/{entity_id('person', name)}").json()
    assert [e["actor"] for e in body["events_as_target"]] == ["Vladimir Putin"]


@pytest.mark.parametrize(
    ("path", "status"),
    [("/api/entities/0000000000000000", 404), ("/api/entities?kind=alien", 422), ("/api/entities?country=1", 422)],
)
def test_errors(api, path: str, status: int) -> None:
    response = api.get(path)
    assert response.status_code == status
    assert_envelope(response.json(), status)
