"""RSS/Atom feeds and their discovery (newsgraph.sources.feeds)."""

from __future__ import annotations

import pytest

from newsgraph.sources.errors import FeedError
from newsgraph.sources.feeds import discover_feeds, parse_feed

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>
<item><title>One</title><link>/story/1</link><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item>
<item><title>Two</title><link>https://other.example/2</link></item>
<item><title>No link</title></item>
</channel></rss>"""
ATOM = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
<entry><title>Three</title><link href="https://a.example/3"/><updated>2024-03-06T08:00:00Z</updated></entry>
</feed>"""


def test_rss_items_become_entries_with_absolute_links_and_dates() -> None:
    entries = parse_feed(RSS, "https://a.example/feed.xml")
    assert [(e.url, e.title, e.published) for e in entries] == [
        ("https://a.example/story/1", "One", "2024-03-05"),
        ("https://other.example/2", "Two", None),
    ]


def test_atom_entries_are_read() -> None:
    (entry,) = parse_feed(ATOM, "https://a.example/atom")
    assert (entry.url, entry.published) == ("https://a.example/3", "2024-03-06")


@pytest.mark.parametrize("body", [b"", b"just some text", b"<html><body>a page</body></html>"])
def test_what_is_no_feed_says_so(body: bytes) -> None:
    with pytest.raises(FeedError, match="not an RSS or Atom feed"):
        parse_feed(body, "https://a.example/x")


def test_feeds_announced_by_a_page_are_discovered() -> None:
    html = (
        '<html><head><link rel="alternate" type="application/rss+xml" href="/rss.xml">'
        '<link rel="stylesheet" href="/s.css"><link rel="alternate" type="application/atom+xml" '
        'href="https://a.example/atom"><link rel="alternate" hreflang="fr" href="/fr/"></head><body></body></html>'
    )
    assert discover_feeds(html, "https://a.example/news/") == ["https://a.example/rss.xml", "https://a.example/atom"]
    assert discover_feeds("", "https://a.example/") == []
