"""Sitemaps and news sitemaps (XML parsed with lxml, entities and network access off).

:func:`parse_sitemap` gives the pages of a ``<urlset>`` (with the Google News ``news:title`` and
``news:publication_date`` when present) or the child sitemaps of a ``<sitemapindex>``; a gzip
body (``sitemap.xml.gz``) is decompressed first, at most ``max_bytes``.
"""

from __future__ import annotations

import gzip
import io
import zlib
from dataclasses import dataclass, field
from urllib.parse import urljoin

from newsgraph.sources.errors import FeedError
from newsgraph.sources.feeds import Entry

NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"


@dataclass(slots=True)
class Sitemap:
    pages: list[Entry] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)  # children of a sitemap index


def looks_like_sitemap(content: bytes) -> bool:
    head = _maybe_gunzip(content[:4096], 4096, partial=True)[:2048].lower()
    return b"<urlset" in head or b"<sitemapindex" in head


def parse_sitemap(content: bytes, base_url: str, *, max_bytes: int = 50 * 1024 * 1024) -> Sitemap:
    from lxml import etree

    data = _maybe_gunzip(content, max_bytes)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=True)
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise FeedError(f"{base_url}: not a sitemap ({exc})", source=base_url) from exc
    if root is None:
        raise FeedError(f"{base_url}: not a sitemap (empty document)", source=base_url)
    kind = etree.QName(root).localname
    out = Sitemap()
    if kind == "sitemapindex":
        out.sitemaps = [urljoin(base_url, loc) for loc in _locs(root, "sitemap")]
        return out
    if kind != "urlset":
        raise FeedError(f"{base_url}: not a sitemap (root element <{kind}>)", source=base_url)
    for url in root:
        if not isinstance(url.tag, str) or etree.QName(url).localname != "url":
            continue
        loc = _child_text(url, "loc")
        if not loc:
            continue
        title = published = None
        for news in url.iter(f"{{{NEWS_NS}}}news"):
            title = _child_text(news, "title")
            date = _child_text(news, "publication_date")
            published = date[:10] if date else None
        if published is None:
            modified = _child_text(url, "lastmod")
            published = modified[:10] if modified else None
        out.pages.append(Entry(url=urljoin(base_url, loc), title=title, published=published))
    return out


def _locs(root: object, element: str) -> list[str]:
    from lxml import etree

    out = []
    for child in root:  # type: ignore[attr-defined]
        if isinstance(child.tag, str) and etree.QName(child).localname == element:
            loc = _child_text(child, "loc")
            if loc:
                out.append(loc)
    return out


def _child_text(node: object, name: str) -> str | None:
    from lxml import etree

    for child in node:  # type: ignore[attr-defined]
        if isinstance(child.tag, str) and etree.QName(child).localname == name and child.text:
            return child.text.strip()
    return None


def _maybe_gunzip(content: bytes, max_bytes: int, *, partial: bool = False) -> bytes:
    if not content.startswith(b"\x1f\x8b"):
        return content
    try:
        if partial:
            return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(content, max_bytes)
        with gzip.GzipFile(fileobj=io.BytesIO(content)) as fh:
            data = fh.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise FeedError(f"a gzip sitemap could not be decompressed ({exc})") from exc
    if len(data) > max_bytes:
        raise FeedError(f"a gzip sitemap decompresses to more than {max_bytes} bytes; it was not read")
    return data


__all__ = ["Sitemap", "looks_like_sitemap", "parse_sitemap"]
