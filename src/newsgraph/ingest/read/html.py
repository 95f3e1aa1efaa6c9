"""HTML pages → RawPage with the main text (trafilatura), the date (htmldate) and the related-story teasers.

One parse, one extraction (two on the pages where trafilatura's comparison could change the text, see
below): the page is parsed once (lxml, network off, ``huge_tree`` so nesting deeper
than libxml2's default 256 levels keeps its text); the teasers, the metadata and trafilatura's text
extraction all read that tree (trafilatura works on its own copy), and htmldate runs once, with the
parameters trafilatura gives it (extensive search, original date). trafilatura extracts in its ``fast``
mode, and in full (comparing its text with readability's and jusText's) only when that comparison could
change the text (:func:`comparison_cannot_win`). The metadata are only those a page
declares (meta tags, JSON-LD, the title and canonical URL): trafilatura's full metadata pass also
guesses an author, a site name, categories and a license from the body, which newsgraph never used, at
the price of a second extraction's worth of time. No library ever gets the raw string: htmldate takes
a string that looks like a URL for one and fetches it, which a page posted to the API must never make
it do. A tree deeper than :data:`MAX_DEPTH` levels (libxml2 stops building one past about 2,000) is
parsed again from the markup flattened (the excess opening tags and their closing tags are dropped;
every word stays).
"""

from __future__ import annotations

import functools
import logging
import re
from typing import Any

from newsgraph.core.errors import NoText
from newsgraph.core.model import RawPage
from newsgraph.ingest.read.related import related_teasers

log = logging.getLogger(__name__)

# Pages whose main text is shorter than this are navigation or error pages.
MIN_TEXT_CHARS = 80
# Deeper nesting is flattened and parsed again; real pages stay under 100 levels.
MAX_DEPTH = 500
_TOO_DEEP = "boolean(" + "/*" * (MAX_DEPTH + 1) + ")"  # an element MAX_DEPTH + 1 levels down (html is 1)
# What RawPage.meta keeps of the metadata a page declares.
META_KEYS = ("author", "sitename", "description", "hostname", "categories", "tags")
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

    tree, html, dropped = _tree(html, source)
    if dropped:
        log.info("%s: %d tags nested deeper than %d levels unwrapped", source, dropped, MAX_DEPTH)
    teasers = related_teasers(tree, url)  # read before htmldate runs: it may clean the tree
    data = page_metadata(tree, url)
    doc = main_text(tree, html, url)
    text = (getattr(doc, "text", None) or "").strip()
    if len(text) < MIN_TEXT_CHARS:
        # trafilatura's precision mode can be too strict on small pages: retry with recall
        doc = trafilatura.bare_extraction(parse_tree(html), favor_recall=True, url=url)
        text = (getattr(doc, "text", None) or "").strip()
    if len(text) < MIN_TEXT_CHARS:
        raise NoText(f"{source}: HTML page has no article text ({len(text)} characters found)", source=source)
    meta: dict[str, Any] = {k: data[k] for k in META_KEYS if data.get(k)}
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
        published=data.get("date"),
        meta=meta,
    )


def main_text(tree: Any, html: str, url: str | None) -> Any:
    """trafilatura's precision extraction of ``tree`` (parsed from ``html``), comments and tables left out.

    trafilatura's own extraction runs first alone (``fast``: without comparing it to readability's and
    jusText's); the full extraction runs as well only when that comparison could change the result
    (:func:`comparison_cannot_win`), so the text is the full extraction's either way, at about half its
    cost on an ordinary article page.
    """
    import trafilatura

    options: dict[str, Any] = {"url": url, "include_comments": False, "include_tables": False}
    doc = trafilatura.bare_extraction(tree, favor_precision=True, fast=True, **options)
    if comparison_cannot_win(doc, tree, html):
        return doc
    return trafilatura.bare_extraction(tree, favor_precision=True, **options)


def comparison_cannot_win(doc: Any, tree: Any, html: str) -> bool:
    """Whether trafilatura's full precision extraction of ``tree`` would give ``doc``, its ``fast`` one.

    The full extraction differs from the fast one in two places (trafilatura 2.x, ``core`` and
    ``external``): it compares the text found with readability's and jusText's, and in its wild-text
    recovery (run when the main pass found under ``MIN_EXTRACTED_SIZE`` characters) it drops blocks
    whose class or id says "teaser". The comparison keeps trafilatura's own text unless that text is
    under ``MIN_EXTRACTED_SIZE`` characters or holds leftovers (``SANITIZED_XPATH``: nav, figure,
    footer…), in which case jusText is tried; or has no paragraph text or more tables than
    paragraphs; or readability's text is over twice as long. Readability only keeps and moves the
    page's own text (it adds "VIDEO" into video iframes), so its text is never longer than the whole
    page's text. True when none of this can happen: the text is long enough, clean, in paragraphs,
    and at least half the page's text, and no markup mentions a teaser (spelt out: a class written
    with character references is not looked for). Lengths are taken on the returned body, whose text
    is never longer than the one trafilatura compares (duplicates and blank line breaks are dropped
    after it). False whenever trafilatura's parts are not where expected: the full extraction then runs.
    """
    body = getattr(doc, "body", None)
    parts = _comparison_parts()
    if body is None or parts is None or "teaser" in html or "Teaser" in html:  # trafilatura lowercases T only
        return False
    unclean, paragraph_text, min_size = parts
    size = len(" ".join(body.itertext()).strip())
    if size < min_size or unclean(body) or not paragraph_text(body):
        return False
    if len(body.findall(".//table")) > len(body.findall(".//p")):
        return False
    page_chars = len(tree.text_content()) + len("VIDEO") * len(tree.findall(".//iframe"))
    return 2 * size >= page_chars


@functools.cache
def _comparison_parts() -> tuple[Any, Any, int] | None:
    """The XPaths of trafilatura's comparison (leftovers in an extraction, paragraph text), compiled once,
    and its MIN_EXTRACTED_SIZE; None when this trafilatura keeps them elsewhere."""
    from lxml.etree import XPath

    try:
        from trafilatura.external import SANITIZED_XPATH
        from trafilatura.settings import DEFAULT_CONFIG

        return XPath(SANITIZED_XPATH), XPath(".//p//text()"), DEFAULT_CONFIG.getint("DEFAULT", "MIN_EXTRACTED_SIZE")
    except (ImportError, ValueError, LookupError):  # pragma: no cover - another trafilatura layout
        return None


def _tree(html: str, source: str) -> tuple[Any, str, int]:
    """The page's tree, the markup it was parsed from and how many tags were dropped to parse it: the
    markup as it is unless the tree is deeper than :data:`MAX_DEPTH` (or cannot be built), flattened then."""
    from lxml.etree import ParserError

    try:
        tree = parse_tree(html)
        # every element opens with a "<" but the few libxml2 implies (html, head, body, a paragraph)
        if html.count("<") < MAX_DEPTH - 8 or not tree.xpath(_TOO_DEEP):
            return tree, html, 0
    except (ParserError, ValueError):
        pass
    html, dropped = flatten(html)
    try:
        return parse_tree(html), html, dropped
    except (ParserError, ValueError) as exc:
        raise NoText(f"{source}: HTML could not be parsed ({exc})", source=source) from exc


def page_metadata(tree: Any, url: str | None) -> dict[str, Any]:
    """Title, canonical URL, date and the metadata the page declares (meta tags, JSON-LD), as trafilatura
    finds them; the date by htmldate with trafilatura's parameters. Falls back on trafilatura's whole
    metadata pass should its parts move in another version."""
    from htmldate import find_date
    from trafilatura.settings import set_date_params

    try:
        from trafilatura.metadata import examine_meta, extract_meta_json, extract_title, extract_url
    except ImportError:  # pragma: no cover - another trafilatura layout
        return _full_metadata(tree, url)
    document = examine_meta(tree)
    try:
        document = extract_meta_json(tree, document)
    except Exception as exc:  # trafilatura guards this call the same way (bugs in its JSON-LD reader)
        log.debug("JSON-LD metadata failed: %s", exc)
    document.title = document.title or extract_title(tree)
    document.url = document.url or extract_url(tree, url)
    try:
        document.date = find_date(tree, **{**set_date_params(True), "url": document.url})
    except Exception as exc:  # htmldate raises on some malformed trees
        log.debug("htmldate failed: %s", exc)
        document.date = None
    if document.url and not document.hostname:
        from courlan import extract_domain

        document.hostname = extract_domain(document.url, fast=True)
    document.clean_and_trim()
    return {k: getattr(document, k, None) for k in ("title", "url", "date", *META_KEYS)}


def _full_metadata(tree: Any, url: str | None) -> dict[str, Any]:  # pragma: no cover - see page_metadata
    from copy import deepcopy

    from trafilatura import extract_metadata

    return extract_metadata(deepcopy(tree), url).as_dict()
