"""The related-story blocks of an HTML page: link lists headed "Related articles", "Most read", "Read more"…

trafilatura keeps a page's main text only; the teasers a page shows beside it (the stories the
text-dump segmenter keeps as teaser documents) are found here. A block starts at an element whose
whole text is a block heading of ``lexicon/data/page_layout.tsv`` (``h2``–``h6``, a ``strong``,
a ``div`` title…); its links are those of the elements that follow the heading up to the next
heading (looking one or two levels up when the heading sits alone in a wrapper). Each link
becomes a :class:`Teaser`: its text as title, its absolute URL, and the text of a paragraph in
the same card as summary when there is one. A teaser printed in two blocks is listed twice, so
the segmenter can count its occurrences.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from newsgraph.lexicon.layout import is_heading

HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "span", "div", "p", "header", "summary"})
MAX_HEADING_CHARS = 60
# A teaser title is a headline: at least three words (not "More", "Next »") and at most a long headline.
MIN_TITLE_WORDS = 3
MAX_TITLE_WORDS = 30
MAX_LEVELS_UP = 2
CARD_TAGS = frozenset({"li", "article", "div", "section", "figure"})
# A block is a list beside the article, not the rest of the page: bounds that also keep a page made
# of thousands of headings linear.
MAX_BLOCK_SIBLINGS = 50
MAX_BLOCK_LINKS = 100


@dataclass(frozen=True, slots=True)
class Teaser:
    title: str
    url: str | None
    summary: str | None = None


def related_teasers(html: str | Any, base_url: str | None = None) -> list[Teaser]:
    """The teasers of every related-story block of ``html`` (markup, or a tree already parsed: it is
    only read), in page order (repeats kept)."""
    import lxml.html
    from lxml import etree

    if isinstance(html, str):
        try:
            tree = lxml.html.fromstring(html)
        except (ValueError, etree.LxmlError):
            return []
    else:
        tree = html
    out: list[Teaser] = []
    used: set[object] = set()  # anchors already taken by an earlier block (held, so lxml keeps their proxies)
    for element in tree.iter(*HEADING_TAGS):  # lxml picks the tags: no Python object for the other elements
        text = _short_text(element)
        if not text or not is_heading(text):
            continue
        for anchor in _block_links(element):
            if anchor in used:
                continue
            used.add(anchor)
            teaser = _teaser(anchor, base_url)
            if teaser is not None:
                out.append(teaser)
    return out


def _text(element: object) -> str:
    return " ".join(element.text_content().split())  # type: ignore[attr-defined]


def _short_text(element: object) -> str | None:
    """The element's text when it is short enough to be a heading, else None — without reading all of a
    long element's text (every ``div`` of a page is asked: reading each whole would be quadratic)."""
    pieces: list[str] = []
    size = 0
    for piece in element.itertext():  # type: ignore[attr-defined]
        size += len(piece)
        if size > 4 * MAX_HEADING_CHARS:
            return None
        pieces.append(piece)
    text = " ".join("".join(pieces).split())
    return text if len(text) <= MAX_HEADING_CHARS else None


def _is_heading_element(element: object) -> bool:
    tag = getattr(element, "tag", None)
    if not isinstance(tag, str):
        return False
    if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
        return True
    if tag not in HEADING_TAGS:
        return False
    text = _short_text(element)
    return bool(text) and is_heading(text)  # type: ignore[arg-type]


def _block_links(heading: object) -> list[object]:
    """The anchors of the elements after ``heading`` up to the next heading, climbing when it stands alone."""
    node = heading
    for _ in range(MAX_LEVELS_UP + 1):
        anchors: list[object] = []
        for seen, sibling in enumerate(node.itersiblings()):  # type: ignore[attr-defined]
            if seen >= MAX_BLOCK_SIBLINGS or len(anchors) >= MAX_BLOCK_LINKS:
                break
            if _is_heading_element(sibling) or any(_is_heading_element(h) for h in _inner_headings(sibling)):
                break
            anchors.extend(a for a in sibling.iter("a") if a.get("href"))
        if anchors:
            return anchors
        parent = node.getparent()  # type: ignore[attr-defined]
        if parent is None or parent.tag in {"body", "html", "article", "main"}:
            return []
        node = parent
    return []


def _inner_headings(element: object) -> list[object]:
    return [e for e in element.iter("h1", "h2", "h3", "h4", "h5", "h6")]  # type: ignore[attr-defined]


def _teaser(anchor: object, base_url: str | None) -> Teaser | None:
    href = (anchor.get("href") or "").strip()  # type: ignore[attr-defined]
    if not href or href.startswith(("#", "javascript:", "mailto:", "tel:")):
        return None
    title = _text(anchor)
    if not MIN_TITLE_WORDS <= len(title.split()) <= MAX_TITLE_WORDS:
        return None
    return Teaser(title=title, url=urljoin(base_url, href) if base_url else href, summary=_summary(anchor, title))


def _summary(anchor: object, title: str) -> str | None:
    """The text of a paragraph in the anchor's card (its nearest ``li``/``article``/``div``), if any."""
    card = anchor.getparent()  # type: ignore[attr-defined]
    while card is not None and card.tag not in CARD_TAGS:
        card = card.getparent()
    if card is None:
        return None
    for paragraph in card.iter("p"):
        text = " ".join(paragraph.text_content().split())
        if text and text != title and paragraph not in anchor.iterancestors():  # type: ignore[attr-defined]
            return text
    return None


__all__ = ["Teaser", "related_teasers"]
