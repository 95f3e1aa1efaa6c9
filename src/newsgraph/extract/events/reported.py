"""Who a pronoun of a reported clause stands for: the one who reports it ("the ministry said it had expelled
the envoy", "the government said its army had killed 32 militants")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.extract.person_head import person_head
from newsgraph.lexicon.cues import speech_verbs
from newsgraph.lexicon.events import sector_of
from newsgraph.lexicon.titles import titles

if TYPE_CHECKING:
    from spacy.tokens import Token

SPEAKER_SELF = frozenset({"i", "me", "my", "we", "us", "our"})  # inside a quotation: the speaker


_REPORTED_BY = frozenset({"it", "he", "she", "they"})
_REPORTED_POSS = {"its": "it", "his": "he", "her": "she", "their": "they"}


def reporter(tok: Token) -> Token | None:
    """Who a subject pronoun of a reported clause stands for: the reporting verb's subject ("the ministry
    said it had expelled ...", "Kenya's president said he would attend": the speaker speaks of itself)."""
    if tok.lower_ in _REPORTED_POSS and tok.dep_ == "poss" and tok.head.dep_ in ("nsubj", "nsubjpass"):
        clause = tok.head.head  # "the government said its army had killed ...": the government's army
    elif tok.lower_ in _REPORTED_BY and tok.dep_ in ("nsubj", "nsubjpass"):
        clause = tok.head
    else:
        return None
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in speech_verbs():
        return None
    said = [c for c in clause.head.children if c.dep_ == "nsubj" and c.i < tok.i]
    if len(said) != 1 or said[0].lower_ in _REPORTED_BY or said[0].lower_ in SPEAKER_SELF:
        return None
    subj = said[0]
    low = _REPORTED_POSS.get(tok.lower_, tok.lower_)
    plural = subj.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subj.children)
    body = low == "they" and sector_of(subj.lemma_.lower()) is not None  # "Police said they ..."
    if (low == "they") != plural and not body:
        return None  # "they" for one person, "it" for several: not the speaker
    person = person_head(subj) or _person_title(subj)
    if (low in ("he", "she")) != person:
        return None  # "he" for a body, "it" for a person: someone else
    return subj


def _person_title(tok: Token) -> bool:
    """A noun of a person's office ("the minister", "the spokeswoman"), not of a body ("the ministry")."""
    row = titles().get((tok.lemma_.lower(),))
    return row is not None and row.kind == "title"
