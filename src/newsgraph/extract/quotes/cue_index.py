"""The speech cues of one parsed document and who speaks for each, found once per document.

Used by :mod:`newsgraph.extract.quotes.attribution`. :class:`QuoteIndex` holds the sentences,
paragraphs and quote-mark mask of a ``Doc`` and every speech cue outside the quote marks
(``speech_verbs.tsv``) with the speaker its subject names: the subject of a speech verb (the agent
of a passive; climbing from "adding" or "by saying" to the clause that has one, and past a
subject that cannot speak, "the trial would be unfair, saying ..."), the object of "according
to" (a document's author, else the subject of the clause it modifies), the possessor or the
subject of the verb of a speech noun ("made a statement"), and "quoted X as saying": X.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsgraph.extract.quotes.spans import QuoteSpan
from newsgraph.extract.quotes.speakers import Speaker, SpeakerResolver
from newsgraph.extract.tokens import Tok, doc_text, token_records
from newsgraph.lexicon.cues import Cue, document_noun, noun_cue, verb_cue
from newsgraph.lexicon.titles import role_group

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["CLAUSE_LINKS", "CueHit", "QuoteIndex", "can_speak"]

_SUBJECTS = ("nsubj", "nsubjpass")
# A speech verb without a subject of its own takes the subject of the clause it hangs from:
# "and warned" (conj), "adding" (advcl), "by saying" (pcomp → prep), "went on to say" (xcomp).
_CLIMB = frozenset({"conj", "xcomp", "advcl", "pcomp", "prep"})
# "quoted X as saying", "cited X as saying": X speaks, not the one who quotes.
_QUOTING = frozenset({"quote", "cite"})
# Past a subject that cannot speak, the climb also leaves a reported clause or a relative clause.
_CLIMB_PAST = frozenset({"ccomp", "relcl"})
# The links from a clause to the one above it, either climb.
CLAUSE_LINKS = _CLIMB | _CLIMB_PAST


@dataclass(slots=True)
class CueHit:
    """A speech cue, the speaker it names (None when unknown) and whether it is negated."""

    token: Token
    cue: Cue
    speaker: Speaker | None
    negated: bool


class QuoteIndex:
    """What the attribution needs from a doc, computed once: sentences, cue tokens, quote masks."""

    def __init__(self, doc: Doc, spans: Sequence[QuoteSpan], resolver: SpeakerResolver) -> None:
        self.doc = doc
        self.resolver = resolver
        self.text = text = doc_text(doc)
        self.has_dep = doc.has_annotation("DEP")
        self.sent_starts = resolver.sent_starts
        self.sent_end_chars = resolver.sent_end_chars
        self.para_breaks = [m.start() for m in re.finditer(r"\n(?:[ \t]*\n)*", text)]  # a blank line is no paragraph
        self.token_starts = [t.idx for t in token_records(doc)]
        self.in_quote = [False] * len(doc)
        for span in spans:
            a, b = self.token_range(span.start - 1, span.end + (1 if span.closer else 0))
            for i in range(a, b):
                self.in_quote[i] = True
        resolver.in_quote = self.in_quote
        # (last token, speaker, runs on into the next paragraph) of each quotation attributed so far
        self.said: list[tuple[int, Speaker, bool]] = []
        self.cues: dict[int, CueHit] = {}
        if self.has_dep:
            self._find_cues(resolver)
        self.cue_order = sorted(self.cues)

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """Tokens overlapping ``[start, end)``."""
        a = max(bisect.bisect_right(self.token_starts, start) - 1, 0)
        if a < len(self.doc) and self.doc[a].idx + len(self.doc[a]) <= start:
            a += 1
        b = bisect.bisect_left(self.token_starts, end)
        return a, max(a, b)

    def sent_index(self, i: int) -> int:
        return bisect.bisect_right(self.sent_starts, i) - 1

    def sent_bounds(self, k: int) -> tuple[int, int]:
        start = self.sent_starts[k]
        end = self.sent_starts[k + 1] if k + 1 < len(self.sent_starts) else len(self.doc)
        return start, end

    def paragraph(self, char: int) -> int:
        return bisect.bisect_right(self.para_breaks, char)

    def _find_cues(self, resolver: SpeakerResolver) -> None:
        doc = self.doc
        for rec in token_records(doc):  # the parsed token only for a subject or a word that may be a cue
            if self.in_quote[rec.i] or not (rec.dep_ in _SUBJECTS or _may_be_cue(rec)):
                continue
            tok = doc[rec.i]
            if tok.dep_ in _SUBJECTS:
                resolver.note_subject(tok)
            cue = _cue_of(tok)
            if cue is None:
                continue
            subject = self._speaker_token(tok, cue)
            if cue.kind == "prep" and _speech_verb(tok.head):  # "according to the Daily Post, a spokesman said ..."
                subject = self._clause_subject(tok) or subject
            speaker = resolver.resolve(subject) if subject is not None else None
            if speaker is None and cue.kind == "prep" and subject is not None and _message(subject):
                subject = self._clause_subject(tok)  # "X ruled, according to the summary, '...'"
                speaker = resolver.resolve(subject) if subject is not None else None
            governing = tok.head if cue.kind == "noun" else tok
            negated = any(c.dep_ == "neg" for c in governing.children)
            self.cues[tok.i] = CueHit(tok, cue, speaker, negated)
            if speaker is not None and cue.kind != "weak" and not negated:
                resolver.note_speaker(speaker, subject.i if subject is not None else tok.i, verb=cue.kind == "verb")

    def subject_of(self, verb: Token) -> Token | None:
        """The subject of a speech verb, climbing from "adding"/"by saying" to the clause that has one.

        A subject met on the way up that cannot speak ("the trial" in 'he stated the trial would be
        unfair, saying ...') only stands in when no clause above has one that can."""
        node = came = verb
        fallback: Token | None = None
        for _ in range(6):
            if node is not verb and node.lemma_ in _QUOTING and came.dep_ != "conj":  # "quoted the mayor as saying"
                # "quoted the mayor as saying", "the mayor was quoted as saying"
                quoted = next((c for c in node.children if c.dep_ in ("dobj", "nsubjpass") and can_speak(c)), None)
                if quoted is not None:
                    return quoted
            if node is not verb and came.dep_ == "xcomp":  # "the backlash led the senator to say": the senator
                controller = next((c for c in node.children if c.dep_ == "dobj" and can_speak(c)), None)
                if controller is not None and not _message(controller):
                    return controller
            subjects = [c for c in node.children if c.dep_ in _SUBJECTS and not self.in_quote[c.i]]
            if subjects:
                subj = _best_subject(subjects)
                if subj.dep_ == "nsubjpass":
                    agent = next((c for c in node.children if c.dep_ == "agent"), None)
                    subj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent else None
                elif subj.tag_ in ("WP", "WDT") and node.dep_ == "relcl":
                    subj = node.head
                if node is verb or subj is None or can_speak(subj):
                    return subj if subj is not None or fallback is None else fallback
                fallback = fallback or subj
            elif node is verb and node.dep_ == "acl":  # "a pattern described by the bulletin as '...'"
                agent = next((c for c in node.children if c.dep_ == "agent"), None)
                by = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent else None
                if by is not None:
                    return by
            if node.dep_ == "relcl" and (fallback is None or can_speak(node.head)):
                return node.head
            climb = _CLIMB | _CLIMB_PAST if fallback is not None else _CLIMB
            if node.dep_ not in climb or node.head is node or self.in_quote[node.head.i]:
                if fallback is not None:
                    return fallback
                return (self._left_speaker(verb) or self._right_speaker(verb)) if node is verb else None
            came, node = node, node.head
        return fallback

    def _clause_subject(self, prep: Token) -> Token | None:
        """The subject of the clause an "according to" phrase modifies, when it can speak."""
        head = prep.head
        if head is prep:
            return None
        subject = self.subject_of(head)
        return subject if subject is not None and can_speak(subject) and not _message(subject) else None

    def _left_speaker(self, verb: Token) -> Token | None:
        """A mis-parse can leave "..., Omar Haddad, said" without a subject: take the name before."""
        left = verb.i - 1
        while left >= 0 and (verb.doc[left].is_punct or verb.doc[left].is_space):
            left -= 1
        if left >= 0 and not self.in_quote[left] and _could_speak(verb.doc[left]):
            return verb.doc[left]
        return None

    def _right_speaker(self, verb: Token) -> Token | None:
        """'"...," tweeted the Mayor of Lyon Ana Ruiz' parsed without a subject: a name just after a verb
        that follows a quotation."""
        doc = verb.doc
        if verb.i == 0 or not self.in_quote[verb.i - 1]:
            return None
        for j in range(verb.i + 1, min(verb.i + 8, len(doc))):
            tok = doc[j]
            if tok.is_punct or self.in_quote[j]:
                break
            if tok.ent_type_ == "PERSON":
                ent = next(e for e in doc.ents if e.start <= j < e.end)
                return ent.root
        return None

    def _speaker_token(self, tok: Token, cue: Cue) -> Token | None:
        """The token that names who speaks for a cue."""
        if cue.kind == "prep":
            to = next((c for c in tok.children if c.lower_ == cue.particle), None)
            if to is None and tok.i + 1 < len(tok.doc):
                to = tok.nbor(1)
            return next((g for g in to.children if g.dep_ == "pobj"), None) if to is not None else None
        if cue.kind == "noun":
            poss = next((c for c in tok.children if c.dep_ == "poss"), None)
            if poss is not None:
                return poss
            head = tok.head
            for _ in range(3):
                if head.pos_ in ("VERB", "AUX") or head is head.head:
                    break
                head = head.head
            return self.subject_of(head) if head.pos_ in ("VERB", "AUX") else None
        return self.subject_of(tok)


def _best_subject(subjects: list[Token]) -> Token:
    """Among several subjects (a mis-parse or "leader and Prime Minister Boris Johnson"): a name,
    then a noun with a name in apposition, then the subject nearest the verb."""
    for subj in subjects:
        if subj.ent_type_ == "PERSON":
            return subj
    for subj in subjects:
        if any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in subj.children):
            return subj
    return subjects[-1] if len(subjects) > 1 and subjects[-1].i < subjects[-1].head.i else subjects[0]


def can_speak(tok: Token) -> bool:
    """Whether a subject may be a speaker: a pronoun, a name, an organization or a people noun; not
    "the trial" or "the attack"."""
    if tok.pos_ in ("PRON", "PROPN") or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    if any(c.dep_ == "appos" for c in tok.children):
        return True
    return role_group(tok.lemma_) is not None or _message(tok)


def _message(tok: Token) -> bool:
    """A noun for something said or written ("statement", "memo"): its author speaks, not the noun."""
    return tok.pos_ == "NOUN" and (noun_cue(tok.lemma_) is not None or document_noun(tok.lemma_))


def _speech_verb(tok: Token) -> bool:
    """Whether a token is a speech verb (a verb or weak cue): 'according to X' on it reports who says."""
    cue = verb_cue(tok.lemma_) if tok.pos_ in ("VERB", "AUX") else None
    return cue is not None and cue.kind in ("verb", "weak")


def _could_speak(tok: Token) -> bool:
    """A person's name or a role noun ("governor"): a stand-in subject when the parse has none."""
    if tok.ent_type_ == "PERSON":
        return True
    return tok.pos_ in ("NOUN", "PROPN") and not tok.ent_type_ and role_group(tok.lemma_) is not None


def _may_be_cue(rec: Tok) -> bool:
    """Whether :func:`_cue_of` may find a cue in this token (its words are in a cue table)."""
    return verb_cue(rec.lemma_) is not None or noun_cue(rec.lemma_) is not None or verb_cue(rec.lower_) is not None


def _cue_of(tok: Token) -> Cue | None:
    """The speech cue this token is, if any (see ``speech_verbs.tsv``)."""
    if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
        cue = verb_cue(tok.lemma_)
        if cue is not None and cue.kind in ("verb", "weak"):
            if cue.particle and not any(c.dep_ == "prt" and c.lower_ == cue.particle for c in tok.children):
                return None
            return cue
    if tok.pos_ in ("NOUN", "PROPN"):
        cue = noun_cue(tok.lemma_)
        if cue is not None:
            return cue
    cue = verb_cue(tok.lower_)
    if cue is not None and cue.kind == "prep":
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        if nxt is not None and nxt.lower_ == cue.particle:
            return cue
    return None
