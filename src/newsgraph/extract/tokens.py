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

    def __init__(self, token: Token, words: _Words | None = None) -> None:
        self.i: int = token.i
        self.whitespace_: str = token.whitespace_
        self.idx: int = token.idx
        if words is None:
            words = _Words()
        # the word's own attributes, read once per word of the vocabulary
        lexical = words.lexical.get(token.orth)
        if lexical is None:
            lexical = words.lexical[token.orth] = (
                token.text,
                token.lower_,
                token.is_space,
                token.is_punct,
                token.is_lower,
                token.like_num,
            )
        self.text, self.lower_, self.is_space, self.is_punct, self.is_lower, self.like_num = lexical
        # the tags' and the lemma's strings, read once per combination seen
        tagged = words.tagged.get((token.pos, token.tag, token.dep, token.lemma))
        if tagged is None:
            tagged = words.tagged[token.pos, token.tag, token.dep, token.lemma] = (
                token.pos_,
                token.tag_,
                token.dep_,
                token.lemma_,
            )
        self.pos_, self.tag_, self.dep_, self.lemma_ = tagged
        self.is_sent_start: bool = bool(token.is_sent_start)
        self.ent_iob: int = token.ent_iob  # 3 begins an entity, 1 continues it, 2 / 0 outside
        self.ent_type_: str = token.ent_type_ if self.ent_iob in (1, 3) else ""

    @property
    def end_char(self) -> int:
        return self.idx + len(self.text)

    def __repr__(self) -> str:
        return f"Tok({self.i}, {self.text!r})"


class _Words:
    """The strings and flags of the words and tag combinations of one vocabulary, read from spaCy once:
    a ``Token``'s string attributes look their string up on every access (``pos_``, ``lemma_``: 0.2-0.3 µs)."""

    __slots__ = ("lexical", "tagged", "vocab")

    def __init__(self, vocab: object = None) -> None:
        self.vocab = vocab
        self.lexical: dict[int, tuple[str, str, bool, bool, bool, bool]] = {}  # orth → text, lower, flags
        self.tagged: dict[tuple[int, int, int, int], tuple[str, str, str, str]] = {}  # pos, tag, dep, lemma

    def fresh(self) -> None:
        """Forget what was read when it grew past :data:`_WORDS_MAX` entries (memory stays bounded)."""
        if len(self.lexical) + len(self.tagged) > _WORDS_MAX:
            self.lexical.clear()
            self.tagged.clear()


_WORDS_MAX = 400_000
_words = _Words()


def token_records(doc: Doc) -> list[Tok]:
    """One :class:`Tok` per token of ``doc``, built on the first call (do not modify them)."""
    global _words
    toks: list[Tok] | None = doc.user_data.get(_TOKENS_KEY)
    if toks is None:
        words = _words
        if words.vocab is not doc.vocab:  # the string hashes are one vocabulary's (one model's)
            words = _words = _Words(doc.vocab)
        words.fresh()
        toks = doc.user_data[_TOKENS_KEY] = [Tok(tok, words) for tok in doc]
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
