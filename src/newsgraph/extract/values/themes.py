"""Themes: which topics (DIPLOMACY, PROTEST, SANCTIONS, ...) a document touches, and where.

Terms come from ``lexicon/data/themes.tsv``. Two spaCy ``PhraseMatcher`` objects are
built once per vocabulary: one compares lemmas (so "detained" finds "detain" and
"took to the streets" finds "take to the street"), one compares lower-cased words
for fixed phrases ("central bank"). At most one :class:`Theme` is returned per
(code, sentence); its evidence is the first matching words in that sentence.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from newsgraph.core.model import Theme
from newsgraph.extract.evidence import char_evidence
from newsgraph.lexicon.themes import theme_terms

if TYPE_CHECKING:
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc
    from spacy.vocab import Vocab


@lru_cache(maxsize=4)
def _matchers(vocab: Vocab) -> tuple[PhraseMatcher, PhraseMatcher, dict[int, tuple[str, str]]]:
    """The lemma and lower-case matchers for a vocabulary, and match id → (code, term)."""
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc

    by_lemma = PhraseMatcher(vocab, attr="LEMMA")
    by_lower = PhraseMatcher(vocab, attr="LOWER")
    labels: dict[int, tuple[str, str]] = {}
    for term in theme_terms():
        key = f"{term.code}|{term.term}"
        words = list(term.words)
        labels[vocab.strings.add(key)] = (term.code, term.term)
        if term.match == "lemma":
            by_lemma.add(key, [Doc(vocab, words=words, lemmas=words)])
        else:
            by_lower.add(key, [Doc(vocab, words=words)])
    return by_lemma, by_lower, labels


def extract_themes(doc: Doc, doc_id: str) -> list[Theme]:
    """One :class:`Theme` per (code, sentence) whose words match ``themes.tsv``, in text order."""
    if len(doc) == 0:
        return []
    by_lemma, by_lower, labels = _matchers(doc.vocab)
    matches = list(by_lower(doc))
    if doc.has_annotation("LEMMA"):
        matches += by_lemma(doc)
    matches.sort(key=lambda m: (m[1], -m[2]))
    has_sents = doc.has_annotation("SENT_START") or doc.has_annotation("DEP")
    seen: set[tuple[str, int]] = set()
    out: list[Theme] = []
    for match_id, start, end in matches:
        code, term = labels[match_id]
        span = doc[start:end]
        sent_key = span.sent.start if has_sents else 0
        if (code, sent_key) in seen:
            continue
        seen.add((code, sent_key))
        ev = char_evidence(doc_id, doc, span.start_char, span.end_char)
        out.append(Theme(code=code, evidence=ev, keyword=term))
    return out
