"""GET /api/exports and /api/exports/{fmt} (streamed files)."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from tests.api_fixtures import assert_envelope, client


@pytest.fixture(scope="module")
def api():
    return client()


@pytest.mark.parametrize("fmt", ["jsonl", "graphml"])
def test_formats_are_listed(api, fmt: str) -> None:
    body = api.get("/api/exports").json()
    assert fmt in body["data"] and body["count"] == len(body["data"])


@pytest.mark.parametrize("fmt", ["jsonl"])
def test_one_file_formats_stream_the_file(api, fmt: str) -> None:
    response = api.get(f"/api/exports/{fmt}")
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    records = [json.loads(line) for line in response.text.splitlines() if line.strip()]
    assert records and all("documents" in r for r in records)


@pytest.mark.parametrize("fmt", ["csv"])
def test_many_file_formats_stream_a_zip(api, fmt: str) -> None:
    response = api.get(f"/api/exports/{fmt}", params={"since": "2024"})
    assert response.headers["content-type"] == "application/zip"
    names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    assert "documents.csv" in names and "events.csv" in names


@pytest.mark.parametrize(("path", "status"), [("/api/exports/xlsx", 422), ("/api/exports/csv?country=RUSSIA", 422)])
def test_errors(api, path: str, status: int) -> None:
    response = api.get(path)
    assert response.status_code == status
    assert_envelope(response.json(), status)
