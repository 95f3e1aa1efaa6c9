"""Following feeds, sitemaps and sites (newsgraph.sources.follow) on a local server; and ``newsgraph follow``."""

from __future__ import annotations

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from newsgraph.sources.follow import parse_every
from newsgraph.sources.ledger import Ledger
from newsgraph.store.db import Store
from tests.cli_fixtures import invoke

ARTICLE = (
    "<!DOCTYPE html><html><head><title>{t}</title></head><body><article><h1>{t}</h1><p>Officials met on Tuesday "
    "to discuss {t} after residents complained that nothing had been done about it for many years.</p>"
    "</article></body></html>"
)


def feed(site: HTTPServer, names: list[str]) -> bytes:
    items = "".join(f"<item><title>{n}</title><link>{site.url_for('/' + n)}</link></item>" for n in names)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>N</title>{items}</channel></rss>'.encode()


def conditional(body: bytes, etag: str, content_type: str):
    def answer(request: Request) -> Response:
        if request.headers.get("If-None-Match") == etag:
            return Response(status=304, headers={"ETag": etag})
        return Response(body, content_type=content_type, headers={"ETag": etag})

    return answer


def serve_pages(site: HTTPServer, names: list[str]) -> None:
    for n in names:
        site.expect_request(f"/{n}").respond_with_handler(
            conditional(ARTICLE.format(t=f"the {n} plan").encode(), f'"{n}"', "text/html")
        )


def follow(db_url: str, *urls: str):
    return invoke("follow", *urls, "--once", "--db", db_url, "--no-extract", "--allow-private", "--delay", "0")


def test_follow_once_ingests_every_item_and_a_second_run_fetches_nothing(site: HTTPServer, db_url: str) -> None:
    names = ["bridge", "harbour", "railway"]
    site.expect_request("/feed.xml").respond_with_handler(conditional(feed(site, names), '"f1"', "application/rss+xml"))
    serve_pages(site, names)
    first = follow(db_url, site.url_for("/feed.xml"))
    assert first.exit_code == 0, first.output
    assert "(feed): 3 entries, 3 new" in first.output and "fetched 3 new pages" in first.output
    listing = invoke("list", "--db", db_url).output
    assert all(f"the {n} plan" in listing for n in names)
    second = follow(db_url, site.url_for("/feed.xml"))
    assert second.exit_code == 0, second.output
    assert "fetched 0 new pages" in second.output and "not modified" in second.output
    sources = invoke("sources", "--db", db_url).output
    assert "feed.xml" in sources and "feed" in sources


def test_a_changed_feed_fetches_only_its_new_entries(site: HTTPServer, db_url: str) -> None:
    versions = iter([feed(site, ["bridge"]), feed(site, ["bridge", "harbour"])])
    site.expect_request("/feed.xml").respond_with_handler(lambda r: Response(next(versions), content_type="text/xml"))
    serve_pages(site, ["bridge", "harbour"])
    assert "1 entries, 1 new" in follow(db_url, site.url_for("/feed.xml")).output
    second = follow(db_url, site.url_for("/feed.xml")).output
    assert "2 entries, 1 new" in second and "fetched 1 new page" in second
    assert [r.path for r, _ in site.log].count("/bridge") == 1


def test_a_site_page_leads_to_its_feed_and_a_sitemap_is_followed(site: HTTPServer, db_url: str) -> None:
    site.expect_request("/").respond_with_data(
        '<html><head><link rel="alternate" type="application/rss+xml" href="/rss"></head><body>x</body></html>',
        content_type="text/html",
    )
    site.expect_request("/rss").respond_with_data(feed(site, ["bridge"]), content_type="application/rss+xml")
    sitemap = (
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{site.url_for('/harbour')}</loc></url></urlset>"
    )
    site.expect_request("/sitemap.xml").respond_with_data(sitemap, content_type="application/xml")
    serve_pages(site, ["bridge", "harbour"])
    result = follow(db_url, site.url_for("/"), site.url_for("/sitemap.xml"))
    assert result.exit_code == 0, result.output
    assert "(site): 1 entries" in result.output and "(sitemap)" in result.output
    assert "fetched 2 new pages" in result.output


def test_a_failing_source_is_recorded_and_the_others_go_on(site: HTTPServer, db_url: str) -> None:
    site.expect_request("/down.xml").respond_with_data("", status=404)
    site.expect_request("/feed.xml").respond_with_data(feed(site, ["bridge"]), content_type="application/rss+xml")
    serve_pages(site, ["bridge"])
    result = follow(db_url, site.url_for("/down.xml"), site.url_for("/feed.xml"))
    assert result.exit_code == 0, result.output
    assert "error:" in result.output and "fetched 1 new page" in result.output
    with Store(db_url) as store:
        rows = {r.url: r for r in Ledger(store.engine).list_sources()}
    down = rows[site.url_for("/down.xml")]
    assert down.failures == 1 and "404" in (down.last_error or "")
    assert rows[site.url_for("/feed.xml")].pages_fetched == 1


def test_a_private_feed_is_refused_without_the_setting(site: HTTPServer, db_url: str) -> None:
    result = invoke("follow", site.url_for("/feed.xml"), "--once", "--db", db_url, "--no-extract")
    assert result.exit_code == 1 and "refused" in result.output


@pytest.mark.parametrize(("text", "seconds"), [("15m", 900.0), ("30s", 30.0), ("1h", 3600.0), ("90", 90.0)])
def test_parse_every(text: str, seconds: float) -> None:
    assert parse_every(text) == seconds


def test_a_bad_every_is_a_usage_error(db_url: str) -> None:
    assert invoke("follow", "https://a.example/feed", "--every", "soon", "--db", db_url).exit_code == 2


def test_an_entry_already_ingested_by_url_is_marked_seen_on_its_304(site: HTTPServer, db_url: str) -> None:
    site.expect_request("/feed.xml").respond_with_data(feed(site, ["bridge"]), content_type="application/rss+xml")
    serve_pages(site, ["bridge"])
    flags = ("--db", db_url, "--no-extract", "-q", "--allow-private", "--delay", "0")
    assert invoke("ingest", site.url_for("/bridge"), *flags).exit_code == 0
    first = follow(db_url, site.url_for("/feed.xml")).output
    assert "1 entries, 1 new" in first and "fetched 0 new pages" in first
    second = follow(db_url, site.url_for("/feed.xml")).output
    assert "1 entries, 0 new" in second
    assert [r.path for r, _ in site.log].count("/bridge") == 2


def test_an_unexpected_error_in_one_source_is_recorded_like_any_failure(
    site: HTTPServer, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsgraph.sources.follow as follow_module

    def broken(content: bytes, base_url: str) -> list:
        raise RuntimeError("parser bug")

    monkeypatch.setattr(follow_module, "parse_feed", broken)
    site.expect_request("/feed.xml").respond_with_data(feed(site, ["bridge"]), content_type="application/rss+xml")
    result = follow(db_url, site.url_for("/feed.xml"))
    assert result.exit_code == 1 and "unexpected RuntimeError: parser bug" in result.output
