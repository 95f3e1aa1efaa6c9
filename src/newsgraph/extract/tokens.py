"""Token records of one parsed ``Doc``, read once and shared by every extractor.

spaCy builds a new ``Token`` object on every ``doc[i]`` and every step of ``for tok in doc``, and
looks its strings up on every attribute access; ``Doc.text`` joins every token on each call. The
extractors read the same document many times over, so the first one to ask copies what they read
into plain :class:`Tok` records (:func:`token_records`) and the text into one string
(:func:`doc_text`), both kept in ``Doc.user_data``: the mention index, amounts, quotes and tone
scan these, and go back to the ``Doc`` only for the few tokens whose parse they need.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_TOKENS_KEY = "newsgraph.tokens"
_TEXT_KEY = "newsgraph.text"
_SENTENCES_KEY = "newsgraph.token_sentences"


class Tok:
    """The attributes of one spaCy token that the extractors scan, copied once (names follow spaCy's)."""

    __slots__ = (
        "dep_",
        "ent_iob",
        "ent_type_",
        "i",
        "idx",
        "is_lower",
        "is_punct",
        "is_sent_start",
        "is_space",
        "lemma_",
        "like_num",
        "lower_",
        "pos_",
        "tag_",
        "text",
        "whitespace_",
    )

    def __init__(self, token: Token) -> None:
        self.i: int = token.i
        self.text: str = token.text
        self.lower_: str = token.lower_
        self.whitespace_: str = token.whitespace_
        self.idx: int = token.idx
        self.pos_: str = token.pos_
        self.tag_: str = token.tag_
        self.dep_: str = token.dep_
        self.lemma_: str = token.lemma_
        self.is_space: bool = token.is_space
        self.is_punct: bool = token.is_punct
        self.is_lower: bool = token.is_lower
        self.like_num: bool = token.like_num
        self.is_sent_start: bool = bool(token.is_sent_start)
        self.ent_iob: int = token.ent_iob  # 3 begins an entity, 1 continues it, 2 / 0 outside
        self.ent_type_: str = token.ent_type_ if self.ent_iob in (1, 3) else ""

    @property
    def end_char(self) -> int:
        return self.idx + len(self.text)

    def __repr__(self) -> str:
        return f"Tok({self.i}, {self.text!r})"


def token_records(doc: Doc) -> list[Tok]:
    """One :class:`Tok` per token of ``doc``, built on the first call (do not modify them)."""
    toks: list[Tok] | None = doc.user_data.get(_TOKENS_KEY)
    if toks is None:
        toks = doc.user_data[_TOKENS_KEY] = [Tok(tok) for tok in doc]
    return toks


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once (from the token records)."""
    text: str | None = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = "".join(tok.text + tok.whitespace_ for tok in token_records(doc))
    return text


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Per token, the ``(start, end)`` tokens of its sentence (the whole document when it has no sentences)."""
    bounds: list[tuple[int, int]] | None = doc.user_data.get(_SENTENCES_KEY)
    if bounds is None:
        bounds = [(0, len(doc))] * len(doc)
        if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
            for sent in doc.sents:
                bounds[sent.start : sent.end] = [(sent.start, sent.end)] * len(sent)
        doc.user_data[_SENTENCES_KEY] = bounds
    return bounds


def doc_memo(doc: Doc, key: str, *owners: object) -> dict[Any, Any]:
    """A dict kept in ``Doc.user_data`` under ``key``, one per ``owners`` (the objects and values its answers
    depend on besides the parse: callers passing equal ``owners`` share it, others get a dict of their own)."""
    memos: list[tuple[tuple[object, ...], dict[Any, Any]]] = doc.user_data.setdefault(key, [])
    for known, memo in memos:
        if known == owners:
            return memo
    memos.append((owners, {}))
    return memos[-1][1]
