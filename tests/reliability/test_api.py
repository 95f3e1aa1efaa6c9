"""The API under hostile or heavy use (issue 12, item 6): nothing fetched from posted text, bounded
pagination, bodies capped while read, strong tokens off loopback, IPv6 loopback, a full ingest queue,
and a server that keeps answering (and stops on SIGTERM) while it extracts a pathological page."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from newsgraph.api.app import create_app
from newsgraph.api.deps import MAX_OFFSET
from newsgraph.api.ingest_pool import IngestPool
from newsgraph.api.routes.ingest import body_cap
from newsgraph.api.server import check_startup, new_token
from newsgraph.cli.app import app as cli
from newsgraph.core.errors import ConfigError
from newsgraph.core.settings import Settings
from tests.reliability.pathological import long_sentence, quote_page

TOKEN = new_token()
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def _app(url: str, **overrides: Any) -> Any:
    return create_app(Settings.load(env={}, db=url, api_token=TOKEN, extract=False, **overrides))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


_NBSP_SENTENCE = "\u00a0".join(["The minister said the talks would resume next week in the capital."] * 4).replace(
    " ", "\u00a0"
)
# Pages that begin with a URL and hold no ASCII space: htmldate took such a string for a URL and fetched it.
URL_LIKE_PAGES = (
    "{url}<html>\n<body>\n<article>\n<h1>Talks\u00a0resume</h1>\n<p>{s}</p>\n<p>{s}</p>\n</article>\n</body>\n</html>",
    "{url}\n<p>{s}</p>\n<p>{s}</p>",
    "{url}",
)


@pytest.mark.parametrize("template", URL_LIKE_PAGES)
def test_posted_html_that_looks_like_a_url_is_never_fetched(tmp_path: Path, template: str) -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    html = template.format(url=f"http://127.0.0.1:{listener.getsockname()[1]}/x", s=_NBSP_SENTENCE)
    try:
        with TestClient(_app(f"sqlite:///{tmp_path / 'x.db'}"), raise_server_exceptions=False) as api:
            response = api.post("/api/ingest", json={"html": html}, headers=AUTH)
        assert response.status_code in (201, 422)
        listener.settimeout(0.5)
        with pytest.raises(TimeoutError):
            listener.accept()  # nobody connected
    finally:
        listener.close()


def _paged_routes(app: Any) -> list[str]:
    paths = app.openapi()["paths"]
    return [
        path
        for path, ops in paths.items()
        if "get" in ops and "{" not in path and any(p["name"] == "offset" for p in ops["get"].get("parameters", []))
    ]


@pytest.mark.parametrize("offset", [MAX_OFFSET + 1, 2**63, 2**70])
def test_an_offset_past_ten_million_is_422_on_every_list(tmp_path: Path, any_db_url: str, offset: int) -> None:
    app = _app(any_db_url)
    routes = _paged_routes(app)
    assert {"/api/articles", "/api/entities", "/api/events", "/api/quotes", "/api/amounts"} <= set(routes)
    with TestClient(app, raise_server_exceptions=False) as api:
        for path in routes:
            response = api.get(path, params={"offset": offset, "q": "talks"})
            assert response.status_code == 422, (path, response.text)
            assert response.json()["error"]["code"] == "A422"
        assert api.get("/api/articles", params={"offset": MAX_OFFSET}).status_code == 200


def _asgi_post(app: Any, chunks: Iterator[bytes], headers: list[tuple[bytes, bytes]]) -> tuple[int, int]:
    """POST /api/ingest straight through ASGI, the body sent chunk by chunk; (status, bytes the app read)."""
    read = 0
    status: dict[str, int] = {}

    async def receive() -> dict[str, Any]:
        nonlocal read
        chunk = next(chunks, None)
        if chunk is None:
            return {"type": "http.request", "body": b"", "more_body": False}
        read += len(chunk)
        return {"type": "http.request", "body": chunk, "more_body": True}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            status["code"] = message["status"]

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/api/ingest",
        "raw_path": b"/api/ingest",
        "query_string": b"",
        "root_path": "",
        "headers": [(b"authorization", f"Bearer {TOKEN}".encode()), *headers],
        "client": ("127.0.0.1", 1),
        "server": ("127.0.0.1", 80),
    }
    asyncio.run(app(scope, receive, send))
    return status["code"], read


def test_a_huge_body_is_refused_while_it_is_read(tmp_path: Path) -> None:
    """100 MB of JSON in 64 kB chunks: 413 after about the cap, not after reading it all."""
    app = _app(f"sqlite:///{tmp_path / 'x.db'}", max_bytes=100_000)
    cap = body_cap(100_000)
    chunk = b"a" * 65536
    chunks = iter([b'{"text": "', *([chunk] * (100 * 1024 * 1024 // len(chunk)))])
    status, read = _asgi_post(app, chunks, [(b"content-type", b"application/json")])
    assert status == 413
    assert read <= cap + len(chunk) + 16
    declared = [(b"content-type", b"application/json"), (b"content-length", str(100 * 1024 * 1024).encode())]
    status, read = _asgi_post(app, iter([chunk] * 4), declared)
    assert (status, read) == (413, 0)  # refused on its Content-Length, nothing read


def test_a_full_ingest_queue_answers_503_with_retry_after(tmp_path: Path) -> None:
    app = _app(f"sqlite:///{tmp_path / 'x.db'}")
    pool = app.state.ingest_pool = IngestPool(workers=1, queue=0)
    release = threading.Event()
    loop = asyncio.new_event_loop()
    blocker = threading.Thread(target=lambda: loop.run_until_complete(pool.run(release.wait, 10)), daemon=True)
    blocker.start()
    try:
        deadline = time.monotonic() + 5
        while pool.in_use == 0 and time.monotonic() < deadline:
            time.sleep(0.01)
        with TestClient(app, raise_server_exceptions=False) as api:
            response = api.post("/api/ingest", json={"text": "Title\n\nSome body text of the page."}, headers=AUTH)
        assert response.status_code == 503
        assert response.headers["retry-after"] == "5"
        assert response.json()["error"]["code"] == "A503"
    finally:
        release.set()
        blocker.join(5)
        loop.close()


@pytest.mark.parametrize("token", ["a", "123", "test", "changeme", "x" * 40, "abcd" * 7, " " * 40])
def test_a_weak_token_is_refused_off_loopback(token: str) -> None:
    with pytest.raises(ConfigError, match=r"refusing to listen on 0\.0\.0\.0"):
        check_startup(Settings.load(env={}, host="0.0.0.0", api_token=token))


def test_newsgraph_token_prints_a_strong_token_that_starts_a_public_server() -> None:
    runner = CliRunner()
    tokens = {runner.invoke(cli, ["token"]).output.strip() for _ in range(3)}
    assert len(tokens) == 3 and all(len(t) >= 32 for t in tokens)
    for token in tokens:
        check_startup(Settings.load(env={}, host="0.0.0.0", api_token=token))


def _serve(tmp_path: Path, host: str, port: int, **env: str) -> subprocess.Popen[str]:
    environ = {**os.environ, "NEWSGRAPH_API_TOKEN": TOKEN, **env}
    return subprocess.Popen(
        [sys.executable, "-m", "newsgraph", "serve", "--host", host, "--port", str(port)],
        env={**environ, "NEWSGRAPH_DB": f"sqlite:///{tmp_path / 'serve.db'}"},
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _get(url: str, timeout: float = 5) -> tuple[int, float]:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=timeout) as response:
        response.read()
        return response.status, time.perf_counter() - started


def _wait_up(url: str, server: subprocess.Popen[str], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert server.poll() is None, server.stdout.read() if server.stdout else ""
        try:
            _get(url, timeout=1)
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    pytest.fail(f"{url} never answered")


def _stop(server: subprocess.Popen[str], seconds: float = 20) -> tuple[bool, float]:
    """SIGTERM; (whether the server shut down cleanly, seconds it took). uvicorn ends by raising the
    signal again after its shutdown, so a clean exit is code 0 or -SIGTERM with the shutdown logged."""
    started = time.perf_counter()
    server.send_signal(signal.SIGTERM)
    try:
        code = server.wait(seconds)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
        pytest.fail(f"the server ignored SIGTERM for {seconds} s")
    took = time.perf_counter() - started
    log = server.stdout.read() if server.stdout else ""
    return code in (0, -signal.SIGTERM) and "Application shutdown complete" in log, took


@pytest.mark.parametrize("host", ["::1", "[::1]"])
def test_ipv6_loopback_is_accepted_and_the_server_starts(tmp_path: Path, host: str) -> None:
    if not socket.has_ipv6:
        pytest.skip("no IPv6 on this machine")
    port = _free_port()
    server = _serve(tmp_path, host, port, NEWSGRAPH_API_TOKEN="")
    try:
        _wait_up(f"http://[::1]:{port}/api", server)
        assert _get(f"http://[::1]:{port}/api")[0] == 200
    finally:
        clean, _ = _stop(server)
    assert clean


def _post(url: str, body: dict[str, str], timeout: float = 120) -> dict[str, Any]:
    request = urllib.request.Request(
        url, data=json.dumps(body).encode(), headers={**AUTH, "Content-Type": "application/json"}, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return {"status": response.status, **json.loads(response.read())}
    except urllib.error.HTTPError as exc:
        return {"status": exc.code, **json.loads(exc.read())}


def test_the_server_answers_within_1_s_while_it_extracts_a_pathological_page_and_stops_on_sigterm(
    tmp_path: Path,
) -> None:
    """Real server, real model: the 100,000-quote page is cut off with its reason; while a 205 kB
    sentence is being extracted /api/articles answers within a second; SIGTERM ends it promptly."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = _serve(tmp_path, "127.0.0.1", port)
    try:
        _wait_up(f"{base}/api", server)
        quotes = _post(f"{base}/api/ingest", {"text": quote_page(100_000), "name": "quotes.txt"})
        assert quotes["status"] == 201 and len(quotes["documents"]) == 1
        assert [e["code"] for e in quotes["errors"]] == ["X004"]  # too_large: stored without facts
        slow: dict[str, Any] = {}
        poster = threading.Thread(
            target=lambda: slow.update(_post(f"{base}/api/ingest", {"text": long_sentence(205_000)})), daemon=True
        )
        poster.start()
        time.sleep(1.5)
        latencies = []
        for _ in range(5):
            status, took = _get(f"{base}/api/articles")
            assert status == 200
            latencies.append(took)
            time.sleep(0.3)
        assert poster.is_alive(), "the 205 kB sentence was extracted before the server was probed"
        assert max(latencies) < 1, latencies
    finally:
        clean, took = _stop(server)
    assert clean and took < 15
