"""Country names the parser splits: a name with an "and" in it read as two coordinated names."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.lexicon.countries import country_code

if TYPE_CHECKING:
    from spacy.tokens import Token


def and_named(tok: Token) -> str | None:
    """The country whose name has an "and" that the parser read as two conjuncts ("Trinidad and Tobago",
    "Saint Kitts and Nevis", "Bosnia and Herzegovina"), for either of its words."""
    if tok.pos_ != "PROPN":
        return None
    first = tok.head if tok.dep_ == "conj" else tok
    second = tok if tok.dep_ == "conj" else next((c for c in tok.children if c.dep_ == "conj"), None)
    if second is None or first.pos_ != "PROPN" or not 1 < second.i - first.i < 4:
        return None
    if not any(t.lower_ == "and" for t in tok.doc[first.i + 1 : second.i]):
        return None
    lo = min([first.i, *(c.i for c in first.lefts if c.dep_ == "compound")])
    return country_code(tok.doc[lo : second.i + 1].text)


def hyphen_named(tok: Token) -> str | None:
    """The country whose hyphenated name the tokenizer cut in three ("Guinea-Bissau", "Timor-Leste"), for either
    of its words: Guinea-Bissau's "Guinea" is not Guinea."""
    doc = tok.doc
    for lo in (tok.i, tok.i - 2):  # the word as the name's first part, then as its second
        joined = lo >= 0 and lo + 2 < len(doc) and not (doc[lo].whitespace_ or doc[lo + 1].whitespace_)
        if joined and doc[lo + 1].text == "-" and (code := country_code(doc[lo : lo + 3].text)):
            return code
    return None
