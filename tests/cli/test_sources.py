"""``newsgraph ingest URL…``, ``--urls``, WARC and the fetch options (newsgraph.cli.sources), on a local server."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tests.cli_fixtures import invoke

ARTICLE = (
    "<!DOCTYPE html><html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
    "<p>Fisheries ministers from five coastal states met in Nordby on Tuesday to discuss {title}, after "
    "scientists warned that cod stocks had fallen sharply over the past three seasons.</p></article></body></html>"
)


@pytest.fixture
def site(httpserver: HTTPServer) -> HTTPServer:
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    for name in ("quotas", "nets"):
        httpserver.expect_request(f"/{name}").respond_with_handler(_page(name))
    return httpserver


def _page(name: str) -> Callable[[Request], Response]:
    """A page with an ETag, answering 304 to a request that sends it back."""

    def answer(request: Request) -> Response:
        etag = f'"{name}"'
        if request.headers.get("If-None-Match") == etag:
            return Response(status=304, headers={"ETag": etag})
        body = ARTICLE.format(title=f"Ministers meet on {name}")
        return Response(body, content_type="text/html", headers={"ETag": etag})

    return answer


def test_a_url_is_ingested_and_a_second_run_fetches_nothing_new(site: HTTPServer, db_url: str) -> None:
    url = site.url_for("/quotas")
    first = invoke("ingest", url, "--db", db_url, "--no-extract", "-q", "--allow-private", "--delay", "0")
    assert first.exit_code == 0, first.output
    assert "fetched 1 new page" in first.output
    assert "Ministers meet on quotas" in invoke("list", "--db", db_url).output
    second = invoke("ingest", url, "--db", db_url, "--no-extract", "-q", "--allow-private", "--delay", "0")
    assert second.exit_code == 0, second.output
    assert "fetched 0 new pages, 1 not modified" in second.output
    assert [r.headers.get("If-None-Match") for r, _ in site.log if r.path == "/quotas"] == [None, '"quotas"']


def test_urls_listed_in_a_file_are_fetched(site: HTTPServer, db_url: str, tmp_path: Path) -> None:
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# outlets\n{site.url_for('/quotas')}\n\n{site.url_for('/nets')}\n", encoding="utf-8")
    result = invoke(
        "ingest",
        "--urls",
        str(listing),
        "--db",
        db_url,
        "--no-extract",
        "-q",
        "--delay",
        "0",
        env={"NEWSGRAPH_ALLOW_PRIVATE": "1"},
    )
    assert result.exit_code == 0, result.output
    assert "fetched 2 new pages" in result.output


def test_a_local_url_is_refused_without_allow_private_and_listed_in_errors(site: HTTPServer, db_url: str) -> None:
    result = invoke("ingest", site.url_for("/quotas"), "--db", db_url, "--no-extract", "-q")
    assert result.exit_code == 1
    assert "refused" in result.output and "--allow-private" in result.output
    assert "F001" in invoke("errors", "--db", db_url).output
    assert [r.path for r, _ in site.log] == []


def test_a_warc_archive_is_ingested(tmp_path: Path, db_url: str) -> None:
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    archive = tmp_path / "crawl.warc.gz"
    with archive.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for name in ("quotas", "nets"):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            payload = BytesIO(ARTICLE.format(title=f"Ministers meet on {name}").encode())
            record = writer.create_warc_record(
                f"https://news.example/{name}", "response", payload=payload, http_headers=headers
            )
            writer.write_record(record)
    result = invoke("ingest", str(archive), "--db", db_url, "--no-extract", "-q")
    assert result.exit_code == 0, result.output
    listing = invoke("list", "--db", db_url).output
    assert "Ministers meet on quotas" in listing and "Ministers meet on nets" in listing


def test_sources_lists_the_last_fetches(site: HTTPServer, db_url: str) -> None:
    invoke("ingest", site.url_for("/quotas"), "--db", db_url, "--no-extract", "-q", "--allow-private", "--delay", "0")
    result = invoke("sources", "--db", db_url, "--fetches", "5")
    assert result.exit_code == 0, result.output
    assert "Last fetches" in result.output and "/quotas" in result.output and "200" in result.output
    assert "No followed sources yet" in result.output
