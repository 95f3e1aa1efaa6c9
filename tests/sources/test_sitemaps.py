"""Sitemaps, news sitemaps and sitemap indexes (newsgraph.sources.sitemaps)."""

from __future__ import annotations

import gzip

import pytest

from newsgraph.sources.errors import FeedError
from newsgraph.sources.sitemaps import looks_like_sitemap, parse_sitemap

NEWS = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://a.example/1</loc><news:news><news:title>One</news:title>
<news:publication_date>2024-03-05T10:00:00Z</news:publication_date></news:news></url>
<url><loc>https://a.example/2</loc><lastmod>2024-03-04</lastmod></url>
</urlset>"""
INDEX = b"""<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>/news.xml</loc></sitemap><sitemap><loc>https://a.example/old.xml.gz</loc></sitemap></sitemapindex>"""


def test_a_news_sitemap_gives_pages_with_titles_and_dates() -> None:
    found = parse_sitemap(NEWS, "https://a.example/sitemap.xml")
    assert [(p.url, p.title, p.published) for p in found.pages] == [
        ("https://a.example/1", "One", "2024-03-05"),
        ("https://a.example/2", None, "2024-03-04"),
    ]


def test_an_index_gives_its_sitemaps() -> None:
    found = parse_sitemap(INDEX, "https://a.example/sitemap.xml")
    assert found.sitemaps == ["https://a.example/news.xml", "https://a.example/old.xml.gz"] and found.pages == []


def test_a_gzip_sitemap_is_decompressed() -> None:
    body = gzip.compress(NEWS)
    assert looks_like_sitemap(body)
    assert len(parse_sitemap(body, "https://a.example/s.xml.gz").pages) == 2


def test_a_gzip_bomb_is_refused() -> None:
    with pytest.raises(FeedError, match="more than 1000 bytes"):
        parse_sitemap(gzip.compress(NEWS + b" " * 5000), "https://a.example/s.xml.gz", max_bytes=1000)


def test_entities_are_not_expanded() -> None:
    xxe = (
        b'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>&x;</loc></url></urlset>'
    )
    assert all("root:" not in p.url for p in parse_sitemap(xxe, "https://a.example/").pages)


@pytest.mark.parametrize("body", [b"<rss version='2.0'></rss>", b"not xml at all <"])
def test_what_is_no_sitemap_says_so(body: bytes) -> None:
    assert not looks_like_sitemap(body)
    with pytest.raises(FeedError, match="not a sitemap"):
        parse_sitemap(body, "https://a.example/x")
