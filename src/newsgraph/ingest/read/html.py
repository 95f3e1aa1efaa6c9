"""HTML pages → RawPage with the main text (trafilatura), the date (htmldate) and the related-story teasers.

Both libraries get a tree this module parsed (lxml, network off, ``huge_tree`` so nesting deeper than
libxml2's default 256 levels keeps its text), never the raw string: htmldate takes a string that looks
like a URL for one and fetches it, which a page posted to the API must never make it do. Markup nested
deeper than :data:`MAX_DEPTH` levels is flattened first (the excess opening tags and their closing
tags are dropped; every word stays), since libxml2 stops building a tree past about 2,000 levels.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from newsgraph.core.errors import NoText
from newsgraph.core.model import RawPage
from newsgraph.ingest.read.related import related_teasers

log = logging.getLogger(__name__)

# Pages whose main text is shorter than this are navigation or error pages.
MIN_TEXT_CHARS = 80
# Deeper nesting is flattened before parsing; real pages stay under 100 levels.
MAX_DEPTH = 500
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)\b[^>]*?(/?)>")
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
)


def looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head or "<p>" in head or "<div" in head)


def flatten(html: str, max_depth: int = MAX_DEPTH) -> tuple[str, int]:
    """``html`` with the elements nested deeper than ``max_depth`` unwrapped; and how many tags were dropped."""
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # (tag name, kept)
    depth = dropped = last = 0
    for m in _TAG.finditer(html):
        closing, name, selfclosing = m.group(1), m.group(2).lower(), m.group(3)
        keep = True
        if not closing and not selfclosing and name not in _VOID:
            keep = depth < max_depth
            stack.append((name, keep))
            depth += keep
        elif closing and any(n == name for n, _ in stack[-64:]):
            while stack:
                n, kept = stack.pop()
                depth -= kept
                if n == name:
                    keep = kept
                    break
        if not keep:
            out.append(html[last : m.start()])
            last = m.end()
            dropped += 1
    if not dropped:
        return html, 0
    out.append(html[last:])
    return "".join(out), dropped


def parse_tree(html: str) -> Any:
    """An lxml tree of ``html`` that nothing can take for a URL; no network access while parsing."""
    import lxml.html

    parser = lxml.html.HTMLParser(huge_tree=True, no_network=True, remove_comments=True, remove_pis=True)
    return lxml.html.document_fromstring(html, parser=parser)


def read_html(html: str, *, source: str, url: str | None = None) -> RawPage:
    """Extract title, text, date and metadata from an HTML page.

    Raises :class:`NoText` when the page holds no article text (empty body,
    a navigation page, or markup so broken that nothing is left).
    """
    import trafilatura
    from htmldate import find_date
    from lxml.etree import ParserError

    html, dropped = flatten(html)
    if dropped:
        log.info("%s: %d tags nested deeper than %d levels unwrapped", source, dropped, MAX_DEPTH)
    try:
        tree = parse_tree(html)
    except (ParserError, ValueError) as exc:
        raise NoText(f"{source}: HTML could not be parsed ({exc})", source=source) from exc
    options: dict[str, Any] = {"url": url, "with_metadata": True}
    doc = trafilatura.bare_extraction(
        tree, include_comments=False, include_tables=False, favor_precision=True, **options
    )
    data = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
    text = (data.get("text") or "").strip()
    if len(text) < MIN_TEXT_CHARS:
        # trafilatura's precision mode can be too strict on small pages: retry with recall
        doc = trafilatura.bare_extraction(parse_tree(html), favor_recall=True, **options)
        data = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
        text = (data.get("text") or "").strip()
    if len(text) < MIN_TEXT_CHARS:
        raise NoText(f"{source}: HTML page has no article text ({len(text)} characters found)", source=source)
    published = data.get("date")
    if not published:
        try:
            published = find_date(parse_tree(html), url=url, original_date=True, extensive_search=False)
        except Exception as exc:  # htmldate raises on some malformed trees
            log.debug("htmldate failed on %s: %s", source, exc)
            published = None
    meta = {
        k: data.get(k) for k in ("author", "sitename", "description", "hostname", "categories", "tags") if data.get(k)
    }
    teasers = related_teasers(html, url or data.get("url"))
    if teasers:  # the page's "Related articles" / "Most read" links: teaser documents (segment)
        meta["teasers"] = teasers
    if dropped:
        meta["warnings"] = [("deep_html", f"{source}: {dropped} tags nested deeper than {MAX_DEPTH} levels unwrapped")]
    return RawPage(
        source=source,
        kind="html",
        text=text,
        url=url or data.get("url"),
        title=(data.get("title") or "").strip() or None,
        published=published,
        meta=meta,
    )
