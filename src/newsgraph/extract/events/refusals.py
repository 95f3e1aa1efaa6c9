"""Stated refusals: "the government would not revisit the permit", "we will not hand over the building".

A side that says it will not do what yielding or complying would be refuses (the codebook's REJECT:
"refuse, decline"; CAMEO 12). A verb of yielding that the verb table does not code (``event_context.tsv``,
kind ``yield``: allow, hand over, approve, revisit, go ...) is a REJECT only in that construction: negated,
told as to come (will, would, won't; :func:`~newsgraph.extract.events.completion.stated_refusal`), under no
condition, its subject a side that can act (a name, a country, a sector noun, or the speaker for "said it
would not"). A verb the table codes as cooperation or yielding is refused through
:func:`~newsgraph.extract.events.completion.refused_type` instead. The target is the side the verb acts on
when one is named ("would not allow Russian ships to dock"); else the event memory may fill it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.extract.events.actors import subjects
from newsgraph.extract.events.arguments import acted_on
from newsgraph.extract.events.completion import reported_clause, stated_refusal
from newsgraph.extract.events.intent import able_actors
from newsgraph.extract.events.modality import FACT, clause_modality
from newsgraph.extract.events.triggers import Candidate
from newsgraph.extract.tokens import token_records
from newsgraph.lexicon.events import is_yielding

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from newsgraph.extract.events.actors import DocContext

__all__ = ["stated_refusals"]


def stated_refusals(sent: Span, ctx: DocContext, coded: set[int]) -> list[Candidate]:
    """REJECT candidates for the stated refusals of ``sent`` whose verb (a token index) is not in ``coded``
    (the clauses and triggers that already hold an event)."""
    out: list[Candidate] = []
    doc = sent.doc
    for rec in token_records(doc)[sent.start : sent.end]:  # the shared records; the parsed token for a verb only
        if rec.pos_ != "VERB" or rec.i in coded:
            continue
        tok = doc[rec.i]
        if not _yielding(tok):
            continue
        if not stated_refusal(tok, clause_modality(tok)) or _absolute(tok) or _judged(tok):
            continue
        said = subjects(tok)
        actors = able_actors(ctx, said)
        if not actors and said and all(s.pos_ == "PRON" for s in said) and reported_clause(tok):
            actors = able_actors(ctx, subjects(tok.head))  # "Kenya said it would not": the one who said it
        actors = [a for a in actors if a.sector is not None]  # a side's refusal, not a private person's
        if not actors:
            continue
        targets = [a for a in able_actors(ctx, acted_on(tok)) if a.label != actors[0].label]
        out.append(Candidate("REJECT", None, [tok], tok, actors[:1], targets[:1], FACT))
    return out


def _absolute(verb: Token) -> bool:
    """ "would never go back": a resolve or a habit, not a refusal of something asked."""
    return any(c.dep_ == "neg" and c.lower_ == "never" for c in verb.children)


def _judged(verb: Token) -> bool:
    """ "would not accept that X could ...": a judgement of a claim, not a refusal to act."""
    return any(c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX") for c in verb.children)


def _yielding(verb: Token) -> bool:
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    if particles:
        return is_yielding(verb.lemma_, particles[0])
    return is_yielding(verb.lemma_)
