"""newsgraph.api.response_cache: rendered answers are reused until the database changes, never for errors,
writes, credentials or uncached paths; ETag and 304."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import insert, make_url

from newsgraph.api import response_cache
from newsgraph.api.app import SECURITY_HEADERS, create_app
from newsgraph.api.response_cache import ResponseCache, Responses, cacheable_request, etag_of
from newsgraph.core.settings import Settings
from newsgraph.store.db import Store
from newsgraph.store.schema import documents, now, stances


@pytest.fixture
def app_client(tmp_path: Path) -> Iterator[tuple[TestClient, Store]]:
    url = f"sqlite:///{tmp_path / 'r.db'}"
    store = Store(url)
    app = create_app(Settings.load(env={}, db=url), store=store)
    with TestClient(app) as client:
        yield client, store
    store.close()


def _add_stance(store: Store, doc: str) -> None:
    with store.engine.begin() as conn:
        values = {"id": doc, "role": "article", "title": "Harbour vote", "body": "The council voted."}
        conn.execute(insert(documents).values(**values, content_hash=doc, created_at=now()))
        row = {"document_id": doc, "country": "NLD", "issue": "harbour fees", "position": "supports"}
        conn.execute(insert(stances).values(**row, sentence="The council voted.", start=0, end=18))


@pytest.mark.parametrize("path", ["/api", "/stances"])
def test_a_repeated_get_is_answered_from_memory(app_client, path: str) -> None:
    client, _ = app_client
    responses: Responses = client.app.state.responses
    first, second = client.get(path), client.get(path)
    assert first.status_code == second.status_code == 200
    assert first.content == second.content
    assert first.headers == second.headers
    assert responses.hits == 1 and responses.misses == 1
    for name, value in SECURITY_HEADERS:
        assert second.headers[name.decode()] == value.decode()
    assert second.headers["etag"] == etag_of(second.content).decode()


@pytest.mark.parametrize("path", ["/api"])
def test_a_write_is_seen_by_the_next_request(app_client, path: str) -> None:
    client, store = app_client
    before = client.get(path).json()["counts"]["stances"]
    _add_stance(store, "doc-harbour-1")
    assert client.get(path).json()["counts"]["stances"] == before + 1
    store.start_run(["x"])
    assert client.get(path).json()["counts"]["stances"] == before + 1
    assert client.app.state.responses.hits == 0


@pytest.mark.parametrize("path", ["/api", "/search?q=harbour"])
def test_if_none_match_is_answered_304_without_a_body(app_client, path: str) -> None:
    client, _ = app_client
    etag = client.get(path).headers["etag"]
    again = client.get(path, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == etag and "content-security-policy" in again.headers
    assert client.get(path, headers={"If-None-Match": '"something-else"'}).status_code == 200


@pytest.mark.parametrize(
    ("path", "headers"),
    [
        ("/api/articles/nothing-here", {}),  # an error
        ("/openapi.json", {}),  # not a cached path
        ("/api", {"Authorization": "Bearer abc"}),
        ("/api", {"Cookie": "session=1"}),
    ],
)
def test_errors_credentials_and_other_paths_are_never_stored(app_client, path: str, headers: dict[str, str]) -> None:
    client, _ = app_client
    responses: Responses = client.app.state.responses
    first = client.get(path, headers=headers)
    client.get(path, headers=headers)
    assert len(responses) == 0 and responses.hits == 0
    assert "etag" not in first.headers


@pytest.mark.parametrize("method", ["POST", "HEAD", "DELETE"])
def test_only_get_is_cacheable(method: str) -> None:
    scope = {"type": "http", "method": method, "path": "/api", "headers": []}
    assert not cacheable_request(scope)
    assert cacheable_request(scope | {"method": "GET"})


# -- the middleware alone, in front of a small app ---------------------------------------------------


class _Store:
    """What the middleware reads the version through: a connection whose queries answer ``self.version``."""

    engine = SimpleNamespace(url=make_url("postgresql://bench/none"))  # not an SQLite file: no watch

    def __init__(self) -> None:
        self.version = 1

    def connect(self) -> Any:
        store = self

        class _Conn:
            def __enter__(self) -> Any:
                return self

            def __exit__(self, *exc: object) -> None:
                return None

            def execute(self, _stmt: Any) -> Any:
                return SimpleNamespace(one=lambda: (store.version, 0, 0))

        return _Conn()


def _chunked_app(calls: list[int], chunks: list[bytes], status: int = 200) -> Any:
    async def app(scope: dict, receive: Any, send: Any) -> None:
        calls.append(1)
        headers = [(b"content-type", b"application/json")]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        for i, chunk in enumerate(chunks):
            await send({"type": "http.response.body", "body": chunk, "more_body": i < len(chunks) - 1})

    return app


async def _get(app: Any, store: _Store, path: str = "/api/events") -> tuple[int, bytes, dict[bytes, bytes]]:
    sent: list[dict] = []

    async def send(message: dict) -> None:
        sent.append(message)

    async def receive() -> dict:
        return {"type": "http.request", "body": b""}

    scope = {"type": "http", "method": "GET", "path": path, "query_string": b"", "headers": []}
    await app(scope | {"app": SimpleNamespace(state=SimpleNamespace(store=store))}, receive, send)
    start = sent[0]
    return start["status"], b"".join(m.get("body", b"") for m in sent[1:]), dict(start["headers"])


@pytest.mark.parametrize("chunks", [[b'{"a":', b" 1}"], [b"", b"[1]", b""]])
@pytest.mark.anyio
async def test_a_body_sent_in_chunks_is_stored_whole(chunks: list[bytes]) -> None:
    calls: list[int] = []
    store = _Store()
    app = ResponseCache(_chunked_app(calls, chunks))
    first, second = await _get(app, store), await _get(app, store)
    assert first[1] == second[1] == b"".join(chunks) and len(calls) == 1
    store.version = 2
    await _get(app, store)
    assert len(calls) == 2


@pytest.mark.parametrize("limit", [4])
@pytest.mark.anyio
async def test_a_body_over_the_limit_goes_out_whole_and_is_not_stored(limit: int, monkeypatch) -> None:
    monkeypatch.setattr(response_cache, "MAX_BODY", limit)
    calls: list[int] = []
    chunks = [b"[1,2,", b"3,4,", b"5]"]
    app = ResponseCache(_chunked_app(calls, chunks))
    store = _Store()
    assert (await _get(app, store))[1] == b"[1,2,3,4,5]"
    assert (await _get(app, store))[1] == b"[1,2,3,4,5]"
    assert len(calls) == 2 and len(app.responses) == 0


@pytest.mark.parametrize("status", [404, 500, 201])
@pytest.mark.anyio
async def test_other_statuses_go_out_unchanged_and_are_not_stored(status: int) -> None:
    calls: list[int] = []
    app = ResponseCache(_chunked_app(calls, [b"{}"], status))
    got = await _get(app, _Store())
    assert got[0] == status and got[1] == b"{}" and b"etag" not in got[2]
    assert len(app.responses) == 0


@pytest.mark.parametrize(("entries", "max_total"), [(2, 10_000), (100, 25)])
def test_least_recently_used_answers_are_dropped_first(entries: int, max_total: int) -> None:
    responses = Responses(entries=entries, max_total=max_total)
    for i in range(4):
        body = b"x" * 10
        responses.put(i, response_cache.Stored(1, 200, (), body, etag_of(body)))
    assert len(responses) == 2
    assert responses.get(0, 1) is None and responses.get(3, 1) is not None


# -- the SQLite watch: the version read again only after a commit ------------------------------------


def test_the_sqlite_watch_sees_commits_of_other_connections(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'w.db'}")
    watch = response_cache.sqlite_watch(store)
    assert watch is not None
    first = watch.data_version()
    watch.remember(first, ("v", 1))
    assert watch.current(watch.data_version()) == ("v", 1)
    store.start_run(["x"])  # a commit by the store's own pool
    moved = watch.data_version()
    assert moved != first and watch.current(moved) is None
    watch.close()
    store.close()


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///:memory:"])
def test_no_watch_without_an_sqlite_file(url: str) -> None:
    assert response_cache.sqlite_watch(SimpleNamespace(engine=SimpleNamespace(url=make_url(url)))) is None


def test_a_watch_that_cannot_read_answers_none(tmp_path: Path) -> None:
    watch = response_cache.SqliteWatch(str(tmp_path / "missing" / "w.db"))
    assert watch.data_version() is None and watch.current(None) is None
