"""Helpers every extractor uses to attach evidence to a fact.

An evidence sentence is copied into every fact that cites it, so a sentence longer than
:data:`MAX_SENTENCE_CHARS` is cut to a window around the fact's words (marked with "…" at a cut
end): a 200 kB run-on sentence with thousands of facts must not make records of gigabytes. The
character span (``start``, ``end`` into the document body) always points at the exact words.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from newsgraph.core.model import Evidence
from newsgraph.extract.tokens import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# Far above a real news sentence (the longest in the development gold is about 600 characters).
MAX_SENTENCE_CHARS = 1000
ELLIPSIS = "\u2026"
_SENTS_KEY = "newsgraph.evidence.sentences"


def _window(lo: int, hi: int, start: int, end: int) -> tuple[int, int]:
    """Char bounds of at most MAX_SENTENCE_CHARS within ``[lo, hi)``, centred on ``[start, end)``."""
    start, end = max(lo, min(start, hi)), max(lo, min(end, hi))
    if end - start >= MAX_SENTENCE_CHARS:
        return start, start + MAX_SENTENCE_CHARS
    a = max(lo, start - (MAX_SENTENCE_CHARS - (end - start)) // 2)
    b = min(hi, a + MAX_SENTENCE_CHARS)
    return max(lo, b - MAX_SENTENCE_CHARS), b


def _marked(text: str, cut_left: bool, cut_right: bool) -> str:
    text = text.strip()
    return f"{ELLIPSIS if cut_left else ''}{text}{ELLIPSIS if cut_right else ''}"


def clip_text(body: str, lo: int, hi: int, start: int, end: int) -> str:
    """The sentence ``body[lo:hi]`` (stripped), cut around ``[start, end)`` when it is too long."""
    if hi - lo <= MAX_SENTENCE_CHARS:
        return body[lo:hi].strip()
    a, b = _window(lo, hi, start, end)
    return _marked(body[a:b], a > lo, b < hi)


def sentence_text(sent: Span, start: int, end: int) -> str:
    """The text of ``sent`` (stripped), cut around ``[start, end)`` when it is too long."""
    lo, hi = sent.start_char, sent.end_char
    if hi - lo <= MAX_SENTENCE_CHARS:  # a span's text is the body between its offsets (joined once a doc)
        return (doc_text(sent.doc)[lo:hi] if len(sent) else sent.text).strip()
    a, b = _window(lo, hi, start, end)
    part = sent.doc.char_span(a, b, alignment_mode="contract")
    text = part.text if part is not None else ""
    return _marked(text, a > lo, b < hi)


def evidence(doc_id: str, span: Span) -> Evidence:
    """Evidence for a token span: its sentence text and its char span in the body."""
    doc = span.doc
    sent = span.sent if doc.has_annotation("SENT_START") or doc.has_annotation("DEP") else span
    start, end = span.start_char, span.end_char
    return Evidence(doc=doc_id, sentence=sentence_text(sent, start, end), start=start, end=end)


def char_evidence(doc_id: str, doc: Doc, start: int, end: int) -> Evidence:
    """Evidence for a character span of ``doc``: finds the sentence(s) that hold it (by bisection)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:  # pragma: no cover - expand never returns None for in-range offsets
        return Evidence(doc=doc_id, sentence=doc.text[start:end], start=start, end=end)
    if len(span) and doc.has_annotation("SENT_START"):
        starts, ends = _sentence_bounds(doc)
        first = bisect_right(starts, span.start) - 1
        last = bisect_right(starts, span.end - 1) - 1
        sentence = sentence_text(doc[starts[first] : ends[last]], start, end)
    else:
        sentence = sentence_text(span, start, end)
    return Evidence(doc=doc_id, sentence=sentence, start=start, end=end)


def _sentence_bounds(doc: Doc) -> tuple[list[int], list[int]]:
    """Token offsets where each sentence of ``doc`` starts and ends, kept in ``doc.user_data``."""
    bounds = doc.user_data.get(_SENTS_KEY)
    if bounds is None:
        sents = list(doc.sents)
        bounds = doc.user_data[_SENTS_KEY] = ([s.start for s in sents], [s.end for s in sents])
    return bounds
