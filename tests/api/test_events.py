"""GET /api/events, /api/events/timeline and /api/events/network."""

from __future__ import annotations

import pytest

from newsgraph.store.facts import entity_id
from tests.api_fixtures import assert_envelope, client, seed_id


@pytest.fixture(scope="module")
def api():
    return client()


@pytest.mark.parametrize(
    "params",
    [
        {"type": "CONSULT"},
        {"country": "KGZ"},
        {"actor_country": "RUS", "target_country": "KGZ"},
        {"since": "2022-02", "until": "2022-02"},
    ],
)
def test_filters_find_the_phone_call(api, params: dict[str, str]) -> None:
    seed_id()
    body = api.get("/api/events", params=params).json()
    assert body["count"] >= len(body["data"]) >= 1
    assert any(e["actor"] == "Vladimir Putin" and e["target_country"] == "KGZ" for e in body["data"])
    if "type" in params:
        assert {e["type"] for e in body["data"]} == {"CONSULT"}


@pytest.mark.parametrize("side", ["actor", "target", "entity"])
def test_entity_filters(api, side: str) -> None:
    seed_id()
    who = "Vladimir Putin" if side != "target" else "Sadyr Zhaparov"
    body = api.get("/api/events", params={side: entity_id("person", who)}).json()
    assert body["data"] and all(who in (e["actor"], e["target"]) for e in body["data"])


@pytest.mark.parametrize("flag", [False, True])
def test_negated_and_hypothetical_only_on_request(api, flag: bool) -> None:
    seed_id()
    data = api.get("/api/events", params={"include_negated": flag, "limit": 500}).json()["data"]
    flagged = [e for e in data if e["negated"] or e["hypothetical"]]
    assert bool(flagged) == flag


@pytest.mark.parametrize("granularity", ["year", "month", "day"])
def test_timeline_counts_events_per_period_and_type(api, granularity: str) -> None:
    seed_id()
    body = api.get("/api/events/timeline", params={"granularity": granularity, "country": "KGZ"}).json()
    width = {"year": 4, "month": 7, "day": 10}[granularity]
    assert body["data"] and all(len(p["period"]) == width for p in body["data"])
    assert body["count"] == len(body["data"])


@pytest.mark.parametrize("params", [{}, {"type": "CONSULT"}])
def test_network_has_nodes_for_every_edge(api, params: dict[str, str]) -> None:
    seed_id()
    body = api.get("/api/events/network", params=params).json()
    ids = {n["id"] for n in body["nodes"]}
    assert body["edges"] and all(e["source"] in ids and e["target"] in ids for e in body["edges"])
    putin = f"e:{entity_id('person', 'Vladimir Putin')}"
    assert putin in ids
    if params:
        assert {e["type"] for e in body["edges"]} == {"CONSULT"}


@pytest.mark.parametrize(
    "path",
    [
        "/api/events?type=NUKE",
        "/api/events?since=2022-2",
        "/api/events/timeline?granularity=week",
        "/api/events/network?limit=0",
        "/api/events?actor=<x>",
    ],
)
def test_bad_filters_are_422(api, path: str) -> None:
    response = api.get(path)
    assert response.status_code == 422
    assert_envelope(response.json(), 422)


@pytest.mark.parametrize(("since", "until"), [("2022", "2022"), ("2022-02", "2022-03")])
def test_period_lists_a_bar_s_events_with_evidence(api, since: str, until: str) -> None:
    seed_id()
    body = api.get("/api/events/period", params={"since": since, "until": until, "limit": 50}).json()
    assert body["count"] >= len(body["data"]) >= 1
    assert all(since <= e["when"][: len(since)] <= until and e["sentence"] for e in body["data"])
    assert any(e["actor"] == "Vladimir Putin" and e["target_country"] == "KGZ" for e in body["data"])
    assert_envelope(api.get("/api/events/period", params={"since": "soon"}).json(), 422)


@pytest.mark.parametrize(
    "params", [{"since": "2022-02", "until": "2022-03"}, {"since": "2022", "until": "2022", "type": "CONSULT"}]
)
def test_bins_give_what_the_timeline_draws_and_add_up_to_the_period(api, params: dict[str, str]) -> None:
    body = api.get("/api/events/bins", params=params).json()
    assert body["step"] in ("day", "week", "month", "year") and body["bins"]
    assert body["max"] == max(b["total"] for b in body["bins"])
    drawn = sum(b["total"] for b in body["bins"]) + body["coarse"] + body["outside"]
    listed = api.get("/api/events/period", params={**params, "limit": 1}).json()
    assert drawn == listed["count"]  # every factual event of the range, drawn or counted apart
    assert_envelope(api.get("/api/events/bins", params={"until": "someday"}).json(), 422)
