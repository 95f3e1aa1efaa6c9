"""HTML pages → RawPage with the main text (trafilatura), the date (htmldate) and the related-story teasers."""

from __future__ import annotations

import logging

from newsgraph.core.errors import NoText
from newsgraph.core.model import RawPage
from newsgraph.ingest.read.related import related_teasers

log = logging.getLogger(__name__)

# Pages whose main text is shorter than this are navigation or error pages.
MIN_TEXT_CHARS = 80


def looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head or "<p>" in head or "<div" in head)


def read_html(html: str, *, source: str, url: str | None = None) -> RawPage:
    """Extract title, text, date and metadata from an HTML page.

    Raises :class:`NoText` when the page holds no article text (empty body,
    a navigation page, or markup so broken that nothing is left).
    """
    import trafilatura
    from htmldate import find_date

    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    data = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
    text = (data.get("text") or "").strip()
    if len(text) < MIN_TEXT_CHARS:
        # trafilatura's precision mode can be too strict on small pages: retry with recall
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, favor_recall=True)
        data = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
        text = (data.get("text") or "").strip()
    if len(text) < MIN_TEXT_CHARS:
        raise NoText(f"{source}: HTML page has no article text ({len(text)} characters found)", source=source)
    published = data.get("date")
    if not published:
        try:
            published = find_date(html, url=url, original_date=True, extensive_search=False)
        except Exception as exc:  # htmldate raises on some malformed trees
            log.debug("htmldate failed on %s: %s", source, exc)
            published = None
    meta = {
        k: data.get(k) for k in ("author", "sitename", "description", "hostname", "categories", "tags") if data.get(k)
    }
    teasers = related_teasers(html, url or data.get("url"))
    if teasers:  # the page's "Related articles" / "Most read" links: teaser documents (segment)
        meta["teasers"] = teasers
    return RawPage(
        source=source,
        kind="html",
        text=text,
        url=url or data.get("url"),
        title=(data.get("title") or "").strip() or None,
        published=published,
        meta=meta,
    )
