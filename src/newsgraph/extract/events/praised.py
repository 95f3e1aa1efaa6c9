"""Praise in a quotation: a speaker's quoted words that speak well of a third person.

Tributes, eulogies and endorsements are mostly told in the praiser's own words, in a sentence of
their own: 'Jane Roe said: "He was a gentle soul and a brilliant artist."' The codebook files praise
under SUPPORT (mode praise). A quoted clause is praise when its subject is a person other than the
speaker — a name, or "he"/"she" standing for the last other person named before the quotation — its
main verb is active and not negated, and VADER (a maintained, published sentiment lexicon, as for the
document tone) rates the quoted words clearly positive. Speaking ill is not coded this way: quoted
negative words are as often about events, illness or loss as about the person ("he fired a live shot
at the attacker").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.extract.events.modality import clause_modality
from newsgraph.extract.events.triggers import Candidate
from newsgraph.extract.syntax import is_passive
from newsgraph.extract.tokens import token_records
from newsgraph.extract.values.tone import compound_score

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from newsgraph.extract.events.actors import Actor, DocContext

__all__ = ["quoted_praise"]

_MIN_COMPOUND = 0.5  # VADER compound score of the quoted words: clearly positive
_MIN_CHARS = 20  # a quoted phrase shorter than this is a label, not a statement
_THIRD_PERSON = frozenset({"he", "she"})
_LOOKBACK_SENTENCES = 3  # how far back "he" may find the person it stands for
_SUBJECTS = ("nsubj",)


def quoted_praise(
    sent: Span, ctx: DocContext, coded: set[int], praised: set[tuple[str, str]] = frozenset()
) -> list[Candidate]:
    """SUPPORT (praise) candidates for the quotations of ``sent`` that speak well of a third person;
    clauses in ``coded`` already hold an event and are left alone, and so are (speaker, person) pairs in
    ``praised`` (the praise just told: a tribute of several sentences is one)."""
    out: list[Candidate] = []
    doc = sent.doc
    for start, end, speaker_tok in ctx.quoted.in_sentence(sent):
        if speaker_tok < 0:
            continue
        lo, hi = max(start, sent.start_char), min(end, sent.end_char)
        if hi - lo < _MIN_CHARS:
            continue
        inside = [r for r in token_records(doc)[sent.start : sent.end] if lo <= r.idx < hi]  # the parsed verbs only
        verbs = [doc[r.i] for r in inside if r.dep_ in ("ROOT", "ccomp", "conj") and r.pos_ in ("VERB", "AUX")]
        found = next(((v, s) for v in verbs if v.i not in coded and (s := _person_subject(v, lo, hi))), None)
        if found is None or is_passive(verb := found[0]) or not (modality := clause_modality(verb)).is_fact:
            continue
        if compound_score(ctx.text[lo:hi]) < _MIN_COMPOUND:
            continue
        speaker = ctx.actor(ctx.doc[speaker_tok])
        person = _praised(found[1], speaker, ctx)
        if person is None or not speaker.entity_like or (speaker.label, person.label) in praised:
            continue
        out.append(Candidate("SUPPORT", "praise", [verb], verb, [speaker], [person], modality))
    return out


def _person_subject(verb: Token, lo: int, hi: int) -> Token | None:
    """The verb's subject inside the quotation when it is a person's name or "he"/"she"."""
    for s in verb.children:
        if s.dep_ in _SUBJECTS and lo <= s.idx < hi and (s.lower_ in _THIRD_PERSON or s.ent_type_ == "PERSON"):
            return s
    return None


def _praised(subject: Token, speaker: Actor, ctx: DocContext) -> Actor | None:
    """Who the praise is about: the person named, or the last person other than the speaker named before
    the quotation (within a few sentences)."""
    if subject.ent_type_ == "PERSON":
        actor = ctx.actor(subject)
        return actor if actor.label != speaker.label else None
    first = ctx.sent_of(subject).start
    for _ in range(_LOOKBACK_SENTENCES):
        if first == 0:
            break
        first = ctx.sent_of(ctx.doc[first - 1]).start
    for tok in reversed(ctx.doc[first : subject.i]):
        if not ctx.is_person(tok) or tok.dep_ == "compound":
            continue
        actor = ctx.actor(tok)
        if actor.label != speaker.label and actor.named:
            return actor
    return None
