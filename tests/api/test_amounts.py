"""GET /api/amounts."""

from __future__ import annotations

import pytest

from tests.api_fixtures import assert_envelope, client, seed_id


@pytest.fixture(scope="module")
def api():
    return client()


@pytest.mark.parametrize(("params", "value"), [({"unit": "usd"}, 137e6), ({"min": 100, "max": 20000}, 150.0)])
def test_amount_filters(api, params: dict[str, object], value: float) -> None:
    seed_id()
    body = api.get("/api/amounts", params=params).json()
    assert value in [a["value"] for a in body["data"]]
    assert body["count"] == len(body["data"])


@pytest.mark.parametrize("limit", [500])
def test_largest_first(api, limit: int) -> None:
    values = [a["value"] for a in api.get("/api/amounts", params={"limit": limit}).json()["data"]]
    assert values and values == sorted(values, reverse=True)


@pytest.mark.parametrize("params", [{"min": 5, "max": 1}, {"min": "lots"}, {"until": "2022-00"}])
def test_bad_filters_are_422(api, params: dict[str, object]) -> None:
    response = api.get("/api/amounts", params=params)
    assert response.status_code == 422
    assert_envelope(response.json(), 422)
