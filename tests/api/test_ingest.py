"""POST /api/ingest: token, text, HTML and file uploads."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.api_fixtures import EXAMPLES, TOKEN, assert_envelope, client

PAGE = """Harbour workers end strike in Eastport

Image removed.

Dock workers in the port of Eastport returned to work on Tuesday after the union accepted a pay rise of 5%.

Sources: Eastport Gazette
"""
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def api(tmp_path: Path):
    return client(f"sqlite:///{tmp_path / 'ingest.db'}", api_token=TOKEN)


@pytest.mark.parametrize(
    ("headers", "status", "code"), [({}, 401, "A401"), ({"Authorization": "Bearer wrong"}, 401, "A401")]
)
def test_missing_or_wrong_token_is_401(api, headers: dict[str, str], status: int, code: str) -> None:
    response = api.post("/api/ingest", json={"text": PAGE}, headers=headers)
    assert response.status_code == status
    assert_envelope(response.json(), status, code)
    assert response.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize("token", [None])
def test_no_token_configured_disables_ingest(tmp_path: Path, token: str | None) -> None:
    api = client(f"sqlite:///{tmp_path / 'x.db'}", api_token=token)
    response = api.post("/api/ingest", json={"text": PAGE}, headers=AUTH)
    assert response.status_code == 403
    assert_envelope(response.json(), 403, "A403")


@pytest.mark.parametrize("published", ["2024-06-04"])
def test_text_is_ingested_once(api, published: str) -> None:
    first = api.post("/api/ingest", json={"text": PAGE, "published": published, "name": "eastport.txt"}, headers=AUTH)
    assert first.status_code == 201, first.text
    body = first.json()
    assert body["pages_new"] == 1 and body["errors"] == []
    main = next(d for d in body["documents"] if d["role"] == "main")
    assert main["title"] == "Harbour workers end strike in Eastport" and main["published"] == published
    article = api.get(f"/api/articles/{main['id']}").json()
    assert article["facts"]["amounts"], "the pipeline extracted facts"
    again = api.post("/api/ingest", json={"text": PAGE, "published": published}, headers=AUTH).json()
    assert again["pages_unchanged"] == 1 and [d["id"] for d in again["documents"]] == [
        d["id"] for d in body["documents"]
    ]


@pytest.mark.parametrize("name", ["grain_deal.html"])
def test_file_upload_and_html_field(api, name: str) -> None:
    html = (EXAMPLES / name).read_bytes()
    upload = api.post("/api/ingest", files={"file": (name, html, "text/html")}, headers=AUTH)
    assert upload.status_code == 201, upload.text
    assert upload.json()["documents"]
    field = api.post("/api/ingest", data={"html": html.decode()}, headers=AUTH)
    assert field.status_code == 201 and field.json()["pages_unchanged"] == 1


@pytest.mark.parametrize(
    "body",
    [
        {"text": ""},
        {"text": "a", "html": "<p>b</p>"},
        {"text": "   \n  "},
        {"text": PAGE, "published": "soon"},
        {"text": 5},
    ],
)
def test_bad_bodies_are_422(api, body: dict[str, object]) -> None:
    response = api.post("/api/ingest", json=body, headers=AUTH)
    assert response.status_code == 422, response.text
    assert_envelope(response.json(), 422)


@pytest.mark.parametrize("max_bytes", [100])
def test_too_large_is_413(tmp_path: Path, max_bytes: int) -> None:
    api = client(f"sqlite:///{tmp_path / 'x.db'}", api_token=TOKEN, max_bytes=max_bytes)
    response = api.post("/api/ingest", json={"text": PAGE}, headers=AUTH)
    assert response.status_code == 413
    assert_envelope(response.json(), 413, "R004")


@pytest.mark.parametrize("content", [b"plain words"])
def test_other_content_types_are_refused(api, content: bytes) -> None:
    response = api.post("/api/ingest", content=content, headers={**AUTH, "Content-Type": "text/plain"})
    assert response.status_code == 422
    assert_envelope(response.json(), 422, "A422")


ARTICLE_HTML = (
    "<!DOCTYPE html><html><head><title>Harbour workers end strike in Eastport</title></head><body><article>"
    "<h1>Harbour workers end strike in Eastport</h1><p>Dock workers in the port of Eastport returned to work on "
    "Tuesday after the union accepted a pay rise of 5%, ending a strike that had stopped the harbour.</p>"
    "</article></body></html>"
)


def test_a_url_is_fetched_when_private_addresses_are_allowed(api, httpserver, monkeypatch) -> None:
    monkeypatch.setenv("NEWSGRAPH_ALLOW_PRIVATE", "1")
    monkeypatch.setenv("NEWSGRAPH_FETCH_DELAY", "0")
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/story").respond_with_data(ARTICLE_HTML, content_type="text/html")
    response = api.post("/api/ingest", json={"url": httpserver.url_for("/story")}, headers=AUTH)
    assert response.status_code == 201, response.text
    main = next(d for d in response.json()["documents"] if d["role"] == "main")
    assert main["title"] == "Harbour workers end strike in Eastport"


@pytest.mark.parametrize(
    ("url", "allow", "why"),
    [
        ("http://127.0.0.1:9/", "", "loopback"),
        ("http://[::ffff:127.0.0.1]:9/", "", "loopback"),
        ("http://10.0.0.1/", "", "private"),
        ("http://169.254.169.254/latest/meta-data/", "1", "metadata"),
        ("file:///etc/passwd", "1", "only http and https"),
    ],
)
def test_a_url_goes_through_the_ssrf_guard(api, monkeypatch, url: str, allow: str, why: str) -> None:
    monkeypatch.setenv("NEWSGRAPH_ALLOW_PRIVATE", allow)
    response = api.post("/api/ingest", data={"url": url}, headers=AUTH)
    assert response.status_code == 422
    body = response.json()
    assert_envelope(body, 422, "F001")
    assert why in body["error"]["message"]


def test_a_url_and_a_text_together_are_refused(api) -> None:
    response = api.post("/api/ingest", json={"url": "https://a.example/", "text": PAGE}, headers=AUTH)
    assert response.status_code == 422
    assert_envelope(response.json(), 422, "A422")
    assert "exactly one of" in response.json()["error"]["message"]
