"""GET /api/voices: positions of persons who do not speak for a country, apart from the stance board."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.analysis.test_voices import ANA, build_voices
from tests.api_fixtures import assert_envelope, client


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory):
    url = f"sqlite:///{Path(tmp_path_factory.mktemp('voices')) / 'v.db'}"
    build_voices(url).close()
    return client(url)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, 4),
        ({"issue": "port deal"}, 3),
        ({"issue": "river dam plan", "exact": "true"}, 1),
        ({"person": "ana pell"}, 2),
        ({"person": ANA}, 2),
        ({"country": "CHL"}, 1),
        ({"since": "2024-03-05"}, 2),
        ({"limit": 1}, 4),  # count is the total, data one page
    ],
)
def test_voices_by_issue_person_country_and_date(api, params: dict[str, str], expected: int) -> None:
    response = api.get("/api/voices", params=params)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["count"] == expected and len(body["data"]) == min(expected, int(params.get("limit", 50)))
    for row in body["data"]:
        assert {"speaker", "speaker_entity_id", "country", "issue", "position", "date", "title"} <= set(row)
        assert {"document_id", "sentence", "start", "end"} <= set(row)


def test_a_voice_carries_its_evidence(api) -> None:
    (row,) = api.get("/api/voices", params={"person": "ana", "since": "2024-03-10"}).json()["data"]
    assert (row["speaker"], row["country"], row["position"], row["date"]) == (
        "Ana Pell",
        "PER",
        "neutral",
        "2024-03-10",
    )
    assert row["document_id"] == "d2" and row["title"] == "Port deal row" and row["sentence"] == "Ana Pell spoke."


@pytest.mark.parametrize("params", [{"country": "XX"}, {"since": "02/2022"}, {"offset": -1}, {"limit": 0}])
def test_bad_filters_are_422_in_the_error_envelope(api, params: dict[str, str]) -> None:
    response = api.get("/api/voices", params=params)
    assert response.status_code == 422
    assert_envelope(response.json(), 422)


def test_openapi_lists_voices_with_their_schema(api) -> None:
    spec = api.get("/openapi.json").json()
    assert "/api/voices" in spec["paths"]
    assert {"VoicePublic", "VoicesPublic"} <= set(spec["components"]["schemas"])
    listed = {p["name"] for p in spec["paths"]["/api/voices"]["get"]["parameters"]}
    assert {"issue", "person", "country", "since", "until", "limit", "offset"} <= listed
