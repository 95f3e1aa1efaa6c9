"""Helpers every extractor uses to attach evidence to a fact."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.core.model import Evidence

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


def evidence(doc_id: str, span: Span) -> Evidence:
    """Evidence for a token span: its sentence text and its char span in the body."""
    doc = span.doc
    sent = span.sent if doc.has_annotation("SENT_START") or doc.has_annotation("DEP") else span
    return Evidence(doc=doc_id, sentence=sent.text.strip(), start=span.start_char, end=span.end_char)


def char_evidence(doc_id: str, doc: Doc, start: int, end: int) -> Evidence:
    """Evidence for a character span of ``doc``: finds the sentence that holds it."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:  # pragma: no cover - expand never returns None for in-range offsets
        return Evidence(doc=doc_id, sentence=doc.text[start:end], start=start, end=end)
    sents = {tok.sent for tok in span} if doc.has_annotation("SENT_START") else set()
    if len(sents) > 1:
        first = min(sents, key=lambda s: s.start)
        last = max(sents, key=lambda s: s.end)
        sentence = doc.text[first.start_char : last.end_char]
    elif sents:
        sentence = next(iter(sents)).text
    else:
        sentence = doc.text[start:end]
    return Evidence(doc=doc_id, sentence=sentence.strip(), start=start, end=end)
