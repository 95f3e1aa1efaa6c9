"""Quoted statements for the stances (issue 11): where a sentence's quotations are and who speaks them.

:func:`quote_spans` finds the quoted passages of a sentence; :func:`quote_speaker` the subject of its verb
of speech outside them ("..., the minister said"), else — for a sentence that is all quotation, the second
sentence of a statement — the speaker of the sentence before it in the same paragraph ("We have no choice,"
the minister told reporters. "These measures are protectionism.").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsgraph.extract.tokens import doc_text, token_records
from newsgraph.lexicon.cues import speech_verbs

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from newsgraph.extract.events.actors import DocContext

__all__ = ["quote_spans", "quote_speaker"]

_QUOTE_RE = re.compile(r"[\"“”«»„]")
_OPENERS = frozenset("“«„")
_CLOSERS = frozenset("”»")
_OPEN_KEY = "newsgraph.stance_quotes.open"


def quote_spans(sent: Span) -> list[tuple[int, int]]:
    """Char spans (in the document) of quoted passages in a sentence; an unclosed quote runs to the end."""
    text = doc_text(sent.doc)[sent.start_char : sent.end_char]  # Span.text joins its tokens on each call
    spans: list[tuple[int, int]] = []
    open_at: int | None = 0 if _open_before(sent) else None  # a quotation begun in an earlier sentence
    for m in _QUOTE_RE.finditer(text):
        ch = m.group()
        if open_at is None and ch not in _CLOSERS:
            open_at = m.end()
        elif open_at is not None and ch not in _OPENERS:
            spans.append((sent.start_char + open_at, sent.start_char + m.start()))
            open_at = None
    if open_at is not None:
        spans.append((sent.start_char + open_at, sent.end_char))
    return spans


def _open_before(sent: Span) -> bool:
    """A quotation opened earlier in the sentence's paragraph is still open where the sentence begins."""
    return sent.start > 0 and _open_at(sent.doc)[sent.start]


def _open_at(doc: Doc) -> list[bool]:
    """Per token, whether a quotation opened earlier in its paragraph is still open where it stands: the
    document's quote marks read once, in order (while none is open, any mark but a closer opens one; while one
    is, any mark but an opener closes it), kept in ``Doc.user_data`` for every sentence that asks."""
    found: list[bool] | None = doc.user_data.get(_OPEN_KEY)
    if found is None:
        found = []
        open_ = False
        for tok in token_records(doc):
            found.append(open_)
            if "\n" in tok.whitespace_ or (tok.is_space and "\n" in tok.text):
                open_ = False  # a line break ends the paragraph
            elif _QUOTE_RE.fullmatch(tok.text):
                open_ = tok.text not in _CLOSERS if not open_ else tok.text in _OPENERS
        doc.user_data[_OPEN_KEY] = found
    return found


def _speaker(sent: Span, inside: set[int]) -> Token | None:
    verbs = speech_verbs()
    for tok in sent:
        if tok.i in inside:
            continue
        lemma = tok.lemma_.lower()
        speech = lemma in verbs or (
            lemma == "make" and any(c.dep_ == "dobj" and c.lemma_.lower() == "statement" for c in tok.children)
        )
        if speech and tok.pos_ == "VERB":
            subj = [c for c in tok.children if c.dep_ == "nsubj" and c.i not in inside]
            if subj:
                return subj[0]
    return None


def quote_speaker(sent: Span, inside: set[int], ctx: DocContext) -> Token | None:
    """Who speaks the quotations of ``sent`` (token indices ``inside`` them): the subject of a verb of speech
    outside them, else, when the sentence is all quotation, the speaker of the sentence before it in its
    paragraph."""
    found = _speaker(sent, inside)
    if found is not None or any(not (t.is_punct or t.is_space) and t.i not in inside for t in sent):
        return found
    k = next((i for i, s in enumerate(ctx.sents) if s.start == sent.start), 0)
    if k == 0 or ctx.paragraph_of.get(ctx.sents[k - 1].start) != ctx.paragraph_of.get(sent.start):
        return None
    before = ctx.sents[k - 1]
    spans = quote_spans(before)
    quoted = {t.i for t in before if any(s <= t.idx < e for s, e in spans)}
    return _speaker(before, quoted)
