"""GET /api/articles and /api/articles/{id}."""

from __future__ import annotations

import pytest

from tests.api_fixtures import XSS_TITLE, assert_envelope, client, seed_id, seeded_db


@pytest.fixture(scope="module")
def api():
    return client()


@pytest.mark.parametrize("limit", [1, 2])
def test_list_has_data_and_total_count(api, limit: int) -> None:
    body = api.get("/api/articles", params={"limit": limit}).json()
    assert set(body) == {"data", "count"}
    assert len(body["data"]) == min(limit, body["count"])
    assert body["count"] >= 3
    assert {"id", "role", "title", "date"} <= set(body["data"][0])


@pytest.mark.parametrize("role", ["main", "teaser"])
def test_role_filter(api, role: str) -> None:
    body = api.get("/api/articles", params={"role": role, "limit": 500}).json()
    assert body["data"] and all(a["role"] == role for a in body["data"])


@pytest.mark.parametrize("offset", [1])
def test_paging_walks_the_list_without_overlap(api, offset: int) -> None:
    everything = [a["id"] for a in api.get("/api/articles", params={"limit": 500}).json()["data"]]
    page = [a["id"] for a in api.get("/api/articles", params={"limit": 2, "offset": offset}).json()["data"]]
    assert page == everything[offset : offset + 2]


@pytest.mark.parametrize(
    ("params", "title_part"), [({"country": "KGZ"}, "Central Asian"), ({"since": "2024-05"}, "Westhaven")]
)
def test_filters_select_by_facts_and_date(api, params: dict[str, str], title_part: str) -> None:
    if "country" in params:
        seed_id()
    titles = [a["title"] for a in api.get("/api/articles", params=params).json()["data"]]
    assert any(title_part in t for t in titles)


@pytest.mark.parametrize(
    "params", [{"since": "2020-13"}, {"country": "KZ"}, {"event_type": "BOMB"}, {"limit": 0}, {"role": "x"}]
)
def test_bad_filters_are_422_in_the_envelope(api, params: dict[str, str]) -> None:
    response = api.get("/api/articles", params=params)
    assert response.status_code == 422
    assert_envelope(response.json(), 422)
    assert response.json()["error"]["details"]


@pytest.mark.parametrize("prefix", [8, 16])
def test_one_article_by_id_or_prefix_with_its_facts(api, prefix: int) -> None:
    doc_id = seed_id()
    body = api.get(f"/api/articles/{doc_id[:prefix]}").json()
    assert body["id"] == doc_id
    assert body["sources"] and body["picture_caption"] and body["picture_credit"]
    assert {t["role"] for t in body["teasers"]} == {"teaser"}
    events = body["facts"]["events"]
    call = next(e for e in events if e["actor_country"] == "RUS" and e["target_country"] == "KGZ")
    assert call["type"] == "CONSULT"
    assert body["body"][call["start"] : call["end"]] in call["sentence"]
    assert {"mentions", "quotes", "amounts", "dates", "themes", "events", "stances", "voices"} == set(body["facts"])


@pytest.mark.parametrize("title", [XSS_TITLE])
def test_payloads_come_back_verbatim_in_json(api, title: str) -> None:
    doc_id = seeded_db()[1][title]
    body = api.get(f"/api/articles/{doc_id}").json()
    assert body["title"] == title
    assert "<script>" in body["body"]


@pytest.mark.parametrize("bad", ["ffffffffffffffff", "nothere0"])
def test_unknown_id_is_404_in_the_envelope(api, bad: str) -> None:
    response = api.get(f"/api/articles/{bad}")
    assert response.status_code == 404
    assert_envelope(response.json(), 404, "S404")
