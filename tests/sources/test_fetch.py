"""The fetcher (newsgraph.sources.fetch) against a local HTTP server: redirects, robots.txt, retries, caps."""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpx
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from newsgraph.core.version import __version__
from newsgraph.sources.errors import (
    BadContentType,
    FetchTimeout,
    HTTPStatusError,
    ResponseTooLarge,
    RobotsDisallowed,
    TooManyRedirects,
    UnsafeURL,
)
from newsgraph.sources.fetch import Fetcher, GuardedTransport, retry_after_seconds
from newsgraph.sources.guard import Guard
from newsgraph.sources.settings import FetchSettings

PAGE = "<html><head><title>A</title></head><body><p>Hello</p></body></html>"


class FakeTime:
    """A clock that sleeping advances: tests see the waits without spending them."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()


def make_fetcher(fake: FakeTime | None = None, **overrides: object) -> Fetcher:
    values: dict[str, object] = {"allow_private": True, "delay": 0.0, "retries": 2, "backoff": 0.5}
    values.update(overrides)
    settings = FetchSettings.load(env={}, **values)
    if fake is None:
        return Fetcher(settings)
    return Fetcher(settings, sleep=fake.sleep, clock=fake.clock)


def test_a_page_is_fetched_with_newsgraph_s_user_agent(site: HTTPServer) -> None:
    site.expect_request("/a").respond_with_data(PAGE, content_type="text/html; charset=utf-8")
    with make_fetcher(contact="ops@x.org") as fetcher:
        result = fetcher.fetch(site.url_for("/a"))
    assert (result.status, result.content.decode(), result.media_type) == (200, PAGE, "text/html")
    assert f"newsgraph/{__version__}" in site.log[-1][0].headers["User-Agent"]
    assert "ops@x.org" in site.log[-1][0].headers["User-Agent"]


def test_without_allow_private_the_local_server_is_refused(site: HTTPServer) -> None:
    with make_fetcher(allow_private=False) as fetcher, pytest.raises(UnsafeURL, match="--allow-private"):
        fetcher.fetch(site.url_for("/a"))
    assert [r.path for r, _ in site.log] == []


def test_redirects_are_followed_and_the_final_url_kept(site: HTTPServer) -> None:
    site.expect_request("/old").respond_with_data("", status=301, headers={"Location": "/new"})
    site.expect_request("/new").respond_with_data(PAGE, content_type="text/html")
    with make_fetcher() as fetcher:
        result = fetcher.fetch(site.url_for("/old"))
    assert result.final_url == site.url_for("/new")
    assert result.redirects == [site.url_for("/new")]


def test_more_than_five_redirects_are_refused(site: HTTPServer) -> None:
    for i in range(7):
        site.expect_request(f"/r{i}").respond_with_data("", status=302, headers={"Location": f"/r{i + 1}"})
    with make_fetcher() as fetcher, pytest.raises(TooManyRedirects, match="more than 5 redirects"):
        fetcher.fetch(site.url_for("/r0"))


REDIRECT_TARGETS = [
    "http://127.0.0.1/admin",
    "http://169.254.169.254/latest/meta-data/",
    "http://10.0.0.1/",
    "http://[::ffff:127.0.0.1]/",
]


@pytest.mark.parametrize("target", REDIRECT_TARGETS)
def test_a_redirect_to_a_private_address_is_refused(target: str) -> None:
    """The first hop is a public name (resolved by a stub); its redirect to a local address is refused."""
    asked: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        asked.append(str(request.url))
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        return httpx.Response(302, headers={"Location": target})

    guard = Guard(resolver=lambda host, port: ["93.184.215.14"])
    settings = FetchSettings.load(env={}, delay=0.0, retries=0)
    transport = httpx.MockTransport(handler)
    with Fetcher(settings, guard=guard, transport=transport) as f, pytest.raises(UnsafeURL, match="refused") as caught:
        f.fetch("http://news.example/story")
    assert "only fetches public addresses" in caught.value.message
    assert all("news.example" in url for url in asked)


@pytest.mark.parametrize("target", ["http://169.254.169.254/latest/meta-data/", "http://[fe80::1]/"])
def test_metadata_and_link_local_stay_refused_with_allow_private(target: str) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        return httpx.Response(302, headers={"Location": target})

    guard = Guard(allow_private=True, resolver=lambda host, port: ["10.0.0.5"])
    settings = FetchSettings.load(env={}, delay=0.0, retries=0)
    transport = httpx.MockTransport(handler)
    with Fetcher(settings, guard=guard, transport=transport) as f, pytest.raises(UnsafeURL, match=r"metadata|link"):
        f.fetch("http://intranet.example/")


def test_the_connection_itself_goes_only_to_checked_addresses() -> None:
    """DNS rebinding: the transport resolves through the guard again and refuses at connect time."""
    guard = Guard(resolver=lambda host, port: ["127.0.0.1"])
    with httpx.Client(transport=GuardedTransport(guard)) as client, pytest.raises(UnsafeURL, match="loopback"):
        client.get("http://rebind.example/")


def test_robots_txt_is_obeyed(site: HTTPServer) -> None:
    site.expect_oneshot_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /private/\n")
    site.expect_request("/private/a").respond_with_data(PAGE, content_type="text/html")
    site.expect_request("/public/a").respond_with_data(PAGE, content_type="text/html")
    with make_fetcher() as fetcher:
        assert fetcher.fetch(site.url_for("/public/a")).status == 200
        with pytest.raises(RobotsDisallowed, match="disallows"):
            fetcher.fetch(site.url_for("/private/a"))
    paths = [request.path for request, _ in site.log]
    assert paths.count("/robots.txt") == 1 and "/private/a" not in paths


def test_robots_txt_crawl_delay_spaces_requests(site: HTTPServer, fake_time: FakeTime) -> None:
    site.expect_oneshot_request("/robots.txt").respond_with_data("User-agent: newsgraph\nCrawl-delay: 7\n")
    site.expect_request("/a").respond_with_data(PAGE, content_type="text/html")
    with make_fetcher(fake_time, delay=2.0) as fetcher:
        fetcher.fetch(site.url_for("/a"))
        fetcher.fetch(site.url_for("/a"))
    assert fake_time.sleeps and max(fake_time.sleeps) == pytest.approx(7.0)


def test_the_per_host_delay_is_kept(site: HTTPServer, fake_time: FakeTime) -> None:
    site.expect_request("/a").respond_with_data(PAGE, content_type="text/html")
    with make_fetcher(fake_time, delay=1.5) as fetcher:
        for _ in range(3):
            fetcher.fetch(site.url_for("/a"))
    # four requests to the host (robots.txt, then the page three times): three waits between them
    assert fake_time.sleeps == [pytest.approx(1.5)] * 3


def test_a_304_is_not_modified(site: HTTPServer) -> None:
    site.expect_request("/a", headers={"If-None-Match": '"v1"'}).respond_with_data("", status=304)
    site.expect_request("/a").respond_with_data(PAGE, content_type="text/html", headers={"ETag": '"v1"'})
    with make_fetcher() as fetcher:
        first = fetcher.fetch(site.url_for("/a"))
        second = fetcher.fetch(site.url_for("/a"), etag=first.etag)
    assert (first.etag, first.not_modified) == ('"v1"', False)
    assert (second.status, second.not_modified, second.content) == (304, True, b"")


def test_429_with_retry_after_is_retried_after_that_wait(site: HTTPServer, fake_time: FakeTime) -> None:
    calls = {"n": 0}

    def handler(request: Request) -> Response:
        calls["n"] += 1
        if calls["n"] == 1:
            return Response("slow down", status=429, headers={"Retry-After": "3"})
        return Response(PAGE, content_type="text/html")

    site.expect_request("/a").respond_with_handler(handler)
    with make_fetcher(fake_time) as fetcher:
        result = fetcher.fetch(site.url_for("/a"))
    assert (result.status, result.attempts) == (200, 2)
    assert fake_time.sleeps == [3.0]


def test_5xx_is_retried_with_exponential_backoff_then_fails(site: HTTPServer, fake_time: FakeTime) -> None:
    site.expect_request("/a").respond_with_data("down", status=503)
    with make_fetcher(fake_time, retries=2, backoff=0.5) as fetcher, pytest.raises(HTTPStatusError, match="503"):
        fetcher.fetch(site.url_for("/a"))
    assert fake_time.sleeps == [0.5, 1.0]


def test_a_retry_after_longer_than_the_cap_is_not_waited_for(site: HTTPServer, fake_time: FakeTime) -> None:
    site.expect_request("/a").respond_with_data("later", status=429, headers={"Retry-After": "3600"})
    with make_fetcher(fake_time) as fetcher, pytest.raises(HTTPStatusError, match="retry after 3600 s"):
        fetcher.fetch(site.url_for("/a"))
    assert fake_time.sleeps == []


def test_a_404_is_not_retried(site: HTTPServer) -> None:
    site.expect_request("/gone").respond_with_data("no", status=404)
    with make_fetcher() as fetcher, pytest.raises(HTTPStatusError, match="404") as caught:
        fetcher.fetch(site.url_for("/gone"))
    assert caught.value.status == 404
    assert [r.path for r, _ in site.log].count("/gone") == 1


def test_a_slow_endpoint_times_out(site: HTTPServer) -> None:
    def slow(request: Request) -> Response:
        time.sleep(0.6)
        return Response(PAGE, content_type="text/html")

    site.expect_request("/slow").respond_with_handler(slow)
    with make_fetcher(timeout=0.2, retries=0) as fetcher, pytest.raises(FetchTimeout, match="no answer within"):
        fetcher.fetch(site.url_for("/slow"))


def test_an_endless_body_is_cut_at_the_size_cap(site: HTTPServer) -> None:
    def endless() -> Iterator[bytes]:
        while True:
            yield b"<p>" + b"x" * 8192 + b"</p>"

    site.expect_request("/endless").respond_with_response(Response(endless(), content_type="text/html"))
    with make_fetcher(max_bytes=100_000) as fetcher, pytest.raises(ResponseTooLarge, match="100000 byte limit"):
        fetcher.fetch(site.url_for("/endless"))


def test_an_announced_oversized_body_is_refused_before_reading(site: HTTPServer) -> None:
    site.expect_request("/big").respond_with_data("x" * 5000, content_type="text/html")
    with make_fetcher(max_bytes=1000) as fetcher, pytest.raises(ResponseTooLarge, match="5000 bytes announced"):
        fetcher.fetch(site.url_for("/big"))


def test_gzip_bodies_are_decoded(site: HTTPServer) -> None:
    import gzip

    body = gzip.compress(PAGE.encode())
    site.expect_request("/z").respond_with_data(body, content_type="text/html", headers={"Content-Encoding": "gzip"})
    with make_fetcher() as fetcher:
        assert fetcher.fetch(site.url_for("/z")).content == PAGE.encode()


def test_a_page_that_is_not_html_or_text_is_refused(site: HTTPServer) -> None:
    site.expect_request("/x.pdf").respond_with_data(b"%PDF-1.4", content_type="application/pdf")
    with make_fetcher() as fetcher, pytest.raises(BadContentType, match="application/pdf"):
        fetcher.fetch(site.url_for("/x.pdf"))


@pytest.mark.parametrize(
    ("value", "seconds"),
    [("5", 5.0), (None, None), ("soon", None), ("Sun, 06 Dec 2026 10:00:30 GMT", 30.0)],
)
def test_retry_after_reads_seconds_and_dates(value: str | None, seconds: float | None) -> None:
    from datetime import UTC, datetime

    now = datetime(2026, 12, 6, 10, 0, 0, tzinfo=UTC)
    assert retry_after_seconds(value, now) == seconds


def test_a_body_that_cannot_be_decoded_is_a_fetch_error(site: HTTPServer) -> None:
    from newsgraph.sources.errors import FetchError

    site.expect_request("/bad.gz").respond_with_data(
        b"not gzip at all", content_type="text/html", headers={"Content-Encoding": "gzip"}
    )
    with make_fetcher() as fetcher, pytest.raises(FetchError, match="DecodingError"):
        fetcher.fetch(site.url_for("/bad.gz"))
