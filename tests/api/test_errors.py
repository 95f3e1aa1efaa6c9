"""One error envelope for every error (datasette's test_error_shape idea)."""

from __future__ import annotations

import pytest
from fastapi import APIRouter

from newsgraph.api.errors import status_for
from newsgraph.core.errors import ConfigError, EmptyInput, NotFound, StoreError, TooLarge
from newsgraph.export import UnknownFormat
from newsgraph.store.filters import BadFilter
from newsgraph.store.search import SearchError
from tests.api_fixtures import assert_envelope, client


@pytest.fixture(scope="module")
def api():
    app_client = client()
    boom = APIRouter()

    @boom.get("/api/test-boom")
    def explode() -> None:
        raise RuntimeError("secret internals")

    app_client.app.include_router(boom)  # type: ignore[attr-defined]
    return app_client


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("get", "/api/nothing-here", 404),
        ("get", "/api/articles/0000000000000000", 404),
        ("get", "/api/entities/0000000000000000", 404),
        ("get", "/api/articles?limit=100000", 422),
        ("get", "/api/events?since=2022-02-31", 422),
        ("get", "/api/search", 422),
        ("delete", "/api/articles", 405),
        ("post", "/api/ingest", 403),
        ("get", "/api/test-boom", 500),
    ],
)
def test_every_error_has_the_same_shape(api, method: str, path: str, status: int) -> None:
    response = getattr(api, method)(path)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/json")
    assert_envelope(response.json(), status)


@pytest.mark.parametrize("path", ["/api/test-boom"])
def test_unexpected_errors_hide_internals(api, path: str) -> None:
    body = api.get(path).json()
    assert body["error"]["code"] == "E500" and "secret" not in body["error"]["message"]


@pytest.mark.parametrize("path", ["/api/articles?limit=0&offset=-1"])
def test_validation_details_name_each_bad_field(api, path: str) -> None:
    details = api.get(path).json()["error"]["details"]
    assert sorted(d["loc"][-1] for d in details) == ["limit", "offset"]
    assert all(set(d) == {"loc", "msg", "type"} for d in details)


@pytest.mark.parametrize(
    ("exc", "status"),
    [
        (NotFound("x"), 404),
        (TooLarge("x"), 413),
        (EmptyInput("x"), 422),
        (SearchError("x"), 422),
        (BadFilter("x"), 422),
        (UnknownFormat("x"), 422),
        (StoreError("x"), 503),
        (ConfigError("x"), 500),
    ],
)
def test_status_of_named_errors(exc: Exception, status: int) -> None:
    assert status_for(exc) == status  # type: ignore[arg-type]


@pytest.mark.parametrize("path", ["/openapi.json"])
def test_openapi_documents_the_envelope(api, path: str) -> None:
    spec = api.get(path).json()
    assert "ErrorEnvelope" in spec["components"]["schemas"]
    assert {"/api/articles", "/api/stances", "/api/search", "/api/ingest", "/api/exports/{fmt}"} <= set(spec["paths"])


@pytest.mark.parametrize("with_page", [False, True])
def test_html_errors_come_from_the_page_renderer_the_app_gives(with_page: bool) -> None:
    from fastapi import FastAPI
    from fastapi.responses import HTMLResponse
    from fastapi.testclient import TestClient

    from newsgraph.api import errors

    app = FastAPI()

    def page(request, status: int, code: str, message: str) -> HTMLResponse:
        return HTMLResponse(f"<p>{code}: {message}</p>", status_code=status)

    errors.install(app, error_page=page if with_page else None)
    response = TestClient(app).get("/nowhere", headers={"accept": "text/html"})
    assert response.status_code == 404
    if with_page:
        assert response.text.startswith("<p>H404: no route /nowhere")
    else:
        assert response.json()["error"]["code"] == "H404"
