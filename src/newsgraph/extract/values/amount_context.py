"""What a figure is about and the rate it is given at, read from the dependency parse.

Helpers for :mod:`newsgraph.extract.values.amounts`, kept apart so each reads on its own:

- :func:`figure_about`: for money and percentages, the agent of a participle on
  the figure ("the $137 million provided by the National Bank"), the object of
  an ``of`` after it ("13% of voters"), the noun it qualifies ("a $5bn deal"), or
  the subject of the verb that governs it ("The currency ... lost 13%"); for counts,
  the ``of`` object after the counted noun ("30 tonnes of grain");
- :func:`figure_rate`: a rate phrase right after the figure ("a year", "per
  day", "annually") or attached to the noun or verb that governs it ("Russia has
  been producing each month around 150 tanks"), as a unit name ("month").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.lexicon.numbers import number_word, time_word

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# dependency labels walked from a figure up to the verb that governs it
CLIMB_DEPS = frozenset(
    {"prep", "pobj", "dobj", "npadvmod", "attr", "conj", "appos", "advmod", "quantmod", "nummod", "oprd"}
)
QUALIFIER_DEPS = frozenset({"compound", "nummod", "amod", "nmod"})
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "prep"})
NAME_SKIP_LABELS = frozenset({"MONEY", "PERCENT", "QUANTITY", "CARDINAL", "DATE", "TIME", "ORDINAL"})
# longest `about` phrase kept whole; a longer subtree is cut to its head word
MAX_ABOUT_TOKENS = 8
# how many heads to climb from a figure to its verb; deeper than this the link is too loose to trust
MAX_CLIMB = 6
_NOT_RATE_AFTER = frozenset({"ago", "later", "earlier", "before", "after"})


def span_root(doc: Doc, start: int, end: int) -> Token:
    """The token of ``doc[start:end]`` whose head lies outside it (the last such one)."""
    root = doc[end - 1]
    for tok in doc[start:end]:
        if not start <= tok.head.i < end or tok.head.i == tok.i:
            root = tok
    return root


def of_object(doc: Doc, start: int, end: int) -> Token | None:
    """The object of an ``of`` attached to ``doc[start:end]`` after it: "dozens of police" → police."""
    for tok in doc[start:end]:
        for child in tok.children:
            if child.dep_ != "prep" or child.lower_ != "of" or child.i < end:
                continue
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ in ("NOUN", "PROPN") and not _is_number(obj):
                    return obj
    return None


def _is_number(tok: Token) -> bool:
    return tok.like_num or number_word(tok.text) is not None


def figure_about(doc: Doc, start: int, end: int, *, counted: bool, unit_head: Token | None = None) -> str | None:
    """What the figure ``doc[start:end]`` (number, sign, percent word) is about, or None."""
    skip = range(start, end)
    if counted:
        obj = of_object(doc, unit_head.i, unit_head.i + 1) if unit_head is not None else None
        return noun_phrase(obj, skip) if obj is not None else None
    root = span_root(doc, start, end)
    for child in root.children:  # "the $137 million provided by the National Bank"
        if child.dep_ != "acl":
            continue
        for grand in child.children:
            obj = next((g for g in grand.children if g.dep_ == "pobj"), None) if grand.dep_ == "agent" else None
            if obj is not None:
                return noun_phrase(obj, skip)
    obj = of_object(doc, start, end)
    if obj is not None:
        return noun_phrase(obj, skip)
    head = root.head
    if root.dep_ in QUALIFIER_DEPS and head.i >= end and head.pos_ == "NOUN":
        return noun_phrase(head, skip)  # "a $5bn deal", "a 13% rise"
    subject = _governing_subject(root, start, end)
    return noun_phrase(subject, skip) if subject is not None else None


def _governing_verb(tok: Token) -> Token | None:
    for _ in range(MAX_CLIMB):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.dep_ not in CLIMB_DEPS or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _governing_subject(root: Token, start: int, end: int) -> Token | None:
    verb = _governing_verb(root)
    for _ in range(3):
        if verb is None:
            return None
        subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None:
            inside = subject.left_edge.i <= start and end <= subject.right_edge.i + 1
            return None if inside or subject.pos_ == "PRON" else subject
        if verb.dep_ not in ("conj", "xcomp", "advcl", "ccomp") or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def noun_phrase(tok: Token, skip: range = range(0)) -> str | None:
    """A short phrase for ``tok``: its named entity, or its subtree without clauses and ``skip``."""
    if tok.pos_ == "PRON":
        return None
    doc = tok.doc
    if tok.ent_type_ and tok.ent_type_ not in NAME_SKIP_LABELS:
        ent = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
        if ent is not None:
            return _strip_det(ent.text)
    drop: set[int] = set(skip)
    for child in tok.children:
        if child.dep_ in CLAUSE_DEPS and child.i > tok.i and child.lower_ != "of":
            drop.update(range(child.left_edge.i, child.right_edge.i + 1))
    toks = [t for t in tok.subtree if t.i not in drop and not t.is_space]
    while toks and (toks[0].dep_ in ("det", "poss", "case") or toks[0].is_punct):
        if toks[0].dep_ == "poss" and toks[0].pos_ != "PRON":
            break  # "Kazakhstan's currency" keeps its owner
        toks.pop(0)
    while toks and toks[-1].is_punct:
        toks.pop()
    if not toks or len(toks) > MAX_ABOUT_TOKENS:
        return tok.text
    return "".join(t.text_with_ws for t in toks).strip()


def _strip_det(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text


def figure_rate(doc: Doc, end: int, hi: int, anchor: Token) -> str | None:
    """The rate unit of a figure ending at ``end``: "a year" after it, or "each month" on its verb."""
    if end < hi:
        adverb = time_word(doc[end].lower_, "rate_adverb")
        if adverb:
            return adverb
        if end + 1 < hi and time_word(doc[end].lower_, "rate_cue") is not None:
            unit = time_word(doc[end + 1].lower_, "unit")
            follows = doc[end + 2].lower_ if end + 2 < hi else ""
            if unit and follows not in _NOT_RATE_AFTER:
                return unit
    tok = anchor
    for _ in range(MAX_CLIMB):
        for child in tok.children:
            rate = _rate(child)
            if rate:
                return rate
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            break
        tok = tok.head
    return None


def _rate(tok: Token) -> str | None:
    if tok.dep_ == "advmod":
        return time_word(tok.lower_, "rate_adverb")
    if tok.dep_ == "npadvmod":
        unit = time_word(tok.lower_, "unit")
        cue = any(c.dep_ == "det" and time_word(c.lower_, "rate_cue") is not None for c in tok.children)
        return unit if unit and cue else None
    if tok.dep_ == "prep" and tok.lower_ == "per":
        obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        return time_word(obj.lower_, "unit") if obj is not None else None
    return None
