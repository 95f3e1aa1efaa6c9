"""Quotations found by their marks: curly and straight quote marks paired at character level.

Line by line (a line is a paragraph in page dumps), curly marks (“ ” „ « ») and straight ``"`` are
read by their context: a mark after a space and before a word opens, a mark after a word and before
a space or punctuation closes. A closing mark with nothing open is dropped; an opening mark met
while a quote is still open means that quote was never closed, so the earlier opening mark is
dropped and the new one starts a quote (sites reuse an opening ``"`` this way). Every dropped mark
is logged (debug level) with its offset. A quote still open at the end of a paragraph is kept only
when the next paragraph opens with a quote mark (quotations that run over several paragraphs), or
when the first mark of the next paragraph closes a quotation: that paragraph goes on with it up to
that mark (a writer who leaves out the opening mark of the continued paragraph).
:mod:`newsgraph.extract.quotes.attribution` finds who said each one; the event coder reads the
spans to tell who "we" is inside a quotation.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

__all__ = ["QuoteSpan", "find_quote_spans", "is_name", "quote_words", "trimmed"]

log = logging.getLogger(__name__)

_OPENERS = "\u201c\u201e\u201f\u00ab"  # “ „ ‟ «
_CLOSERS = "\u201d\u00bb"  # ” »
_STRAIGHT = '"'
_MARKS = _OPENERS + _CLOSERS + _STRAIGHT
_MARK = re.compile(f"[{re.escape(_MARKS)}]")  # finds the marks of a line without a Python loop over its characters
_LEFT_EDGE = "([{<\u2014\u2013-/\u2018'"  # a mark after one of these (or a space) can open
_RIGHT_EDGE = ".,;:!?)]}>\u2014\u2013-\u2019'"  # a mark before one of these (or a space) can close
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019\-][^\W\d_]+)*|\d+(?:[.,]\d+)*")
_NAME_JOINERS = frozenset(
    {"of", "for", "the", "and", "de", "in", "on", "at", "to", "a", "an", "&", "du", "la", "v", "vs", "versus"}
)


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """The inside of a pair of quote marks: ``text[start:end]``; ``closer`` is "" when continued."""

    start: int
    end: int
    opener: str
    closer: str


def _edges(text: str, i: int, lo: int, hi: int) -> tuple[bool, bool]:
    """(can open, can close) for the mark at ``i`` in line ``text[lo:hi]``."""
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    left = prev.isspace() or prev in _LEFT_EDGE or prev in _MARKS
    right = nxt.isspace() or nxt in _RIGHT_EDGE or nxt in _MARKS
    return left and not right, right and not left


def _scan_line(text: str, lo: int, hi: int, out: list[QuoteSpan], *, continued: bool = False) -> int | None:
    """Append the quote spans of one line; return the offset of a mark still open at its end.
    ``continued``: the line goes on with a quotation the line before left open (its text up to the
    first closing mark is quoted)."""
    open_at: int | None = lo - 1 if continued else None
    for mark in _MARK.finditer(text, lo, hi):
        i, ch = mark.start(), mark.group()
        opens, closes = _edges(text, i, lo, hi)
        if ch in _OPENERS:
            is_open = not (closes and open_at is not None)
        elif ch in _CLOSERS:
            is_open = opens and open_at is None
        elif open_at is None:
            is_open = not closes
        else:
            is_open = opens
        if is_open:
            if open_at is not None:
                log.debug("quote mark at %d never closed (a new quote opens at %d); dropped", open_at, i)
            open_at = i
        elif open_at is None:
            log.debug("closing quote mark at %d has no opening mark; dropped", i)
        else:
            out.append(QuoteSpan(open_at + 1, i, "" if open_at < lo else text[open_at], ch))
            open_at = None
    return open_at


def _closes_first(text: str, lo: int, hi: int) -> bool:
    """True when the first quote mark of line ``text[lo:hi]`` closes a quotation (nothing opens before it)."""
    mark = _MARK.search(text, lo, hi)
    if mark is None:
        return False
    i = mark.start()
    opens, closes = _edges(text, i, lo, hi)
    return text[i] not in _OPENERS and closes and not opens


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Pair the quote marks of ``text`` paragraph by paragraph (see the module docstring)."""
    out: list[QuoteSpan] = []
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", text)]  # blank lines skipped
    continued = False
    for n, (lo, hi) in enumerate(lines):
        open_at = _scan_line(text, lo, hi, out, continued=continued)
        continued = False
        if open_at is None:
            continue
        nxt = lines[n + 1] if n + 1 < len(lines) else None
        first = text[nxt[0] : nxt[1]].lstrip()[:1] if nxt else ""
        # the quotation runs on: the next paragraph opens with a quote mark, or its first mark closes
        opens_next = bool(first) and first in _OPENERS + _STRAIGHT
        continued = nxt is not None and hi - open_at > 1 and not opens_next and _closes_first(text, *nxt)
        if continued or (opens_next and hi - open_at > 1):
            out.append(QuoteSpan(open_at + 1, hi, "" if open_at < lo else text[open_at], ""))
        else:
            log.debug("quote mark at %d is not closed before the end of its paragraph; dropped", open_at)
    return out


def trimmed(text: str, span: QuoteSpan) -> tuple[int, int]:
    """Offsets of the quote's inside without edge spaces and a trailing comma."""
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def is_name(words: list[str], inner: str) -> bool:
    """True for a quoted title-case name ("Center for Geopolitical Expertise", "Person of the Year")."""
    if not words or inner.rstrip().endswith((".", "!", "?")):
        return False
    if not all(w[0].isupper() or w[0].isdigit() or w.lower() in _NAME_JOINERS for w in words):
        return False
    return not (words[0].lower() in _NAME_JOINERS - {"the", "a", "an"} or words[-1].lower() in _NAME_JOINERS)


def quote_words(inner: str) -> list[str]:
    """The words of a quotation, as counted for the fragment rules."""
    return _WORD.findall(inner)
