"""RSS and Atom feeds (parsed with feedparser) and their discovery on a site's HTML page.

:func:`parse_feed` gives the entries of a feed (link, title, date); :func:`discover_feeds` the
feeds a page announces with ``<link rel="alternate" type="application/rss+xml|atom+xml">``.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin

from newsgraph.sources.errors import FeedError

FEED_LINK_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json", "application/rdf+xml")


@dataclass(frozen=True, slots=True)
class Entry:
    """One item of a feed or a sitemap: the page to fetch."""

    url: str
    title: str | None = None
    published: str | None = None


def parse_feed(content: bytes, base_url: str) -> list[Entry]:
    """The entries of an RSS/Atom feed, links made absolute; raises :class:`FeedError` when it is no feed."""
    import feedparser

    parsed = feedparser.parse(content, response_headers={"content-location": base_url})
    if not parsed.entries and (parsed.bozo or not parsed.get("version")):
        detail = getattr(parsed, "bozo_exception", None)
        raise FeedError(
            f"{base_url}: not an RSS or Atom feed" + (f" ({detail})" if detail else "") + "; give the feed's URL",
            source=base_url,
        )
    out: list[Entry] = []
    for item in parsed.entries:
        link = item.get("link") or next((x.get("href") for x in item.get("links", []) if x.get("href")), None)
        if not link:
            continue
        out.append(Entry(url=urljoin(base_url, link.strip()), title=item.get("title"), published=_date(item)))
    return out


def _date(item: dict) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        value = item.get(key)
        if value:
            return f"{value.tm_year:04d}-{value.tm_mon:02d}-{value.tm_mday:02d}"
    return None


def discover_feeds(html: str, base_url: str) -> list[str]:
    """The feed URLs a page links with ``rel="alternate"``, absolute, in page order."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.LxmlError):
        return []
    found: list[str] = []
    for link in tree.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        kind = (link.get("type") or "").lower().split(";", 1)[0].strip()
        href = link.get("href")
        if "alternate" in rel and kind in FEED_LINK_TYPES and href:
            url = urljoin(base_url, href.strip())
            if url not in found:
                found.append(url)
    return found


__all__ = ["Entry", "discover_feeds", "parse_feed"]
