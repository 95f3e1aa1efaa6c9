"""Plain-text page dumps: the page's lines are kept as they are for segmentation."""

from __future__ import annotations

from newsgraph.core.errors import EmptyInput
from newsgraph.core.model import RawPage


def read_text(text: str, *, source: str, published: str | None = None) -> RawPage:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise EmptyInput(f"{source}: page has no text (only whitespace)", source=source)
    return RawPage(source=source, kind="text", text=text, published=published)
