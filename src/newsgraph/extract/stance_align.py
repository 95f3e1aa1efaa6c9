"""Sides taken with another state (issue 11, "Stances"): a government that stands with a state takes its position.

"Lithuania said it stood in solidarity with Warsaw", "the United States stood shoulder to shoulder with Canada",
"Russia said it stood with Belgrade", "Finland also voiced support for Tallinn", "the United Arab Emirates also
backed Manama", "Syria backed Baghdad's demand", "Cuba thanked Mexico": the codebook's SUPPORT of a side, not of the
issue itself. What
the side's government holds on the issue is told elsewhere in the story, so the one that sides with it holds the
same: a state that stands with the act's doer supports the act, one that stands with its target opposes it.

:func:`alignments` reads one cue word (a verb of standing or siding, a verb of backing with a state as its
object, or a noun of solidarity or support for a state) and gives who sides with whom; :func:`aligned_rows`
turns them into rows once the story's other rows are known, for a side whose government holds one position
(``supports`` or ``opposes``) on the issue and no other.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsgraph.core.model import Stance
from newsgraph.extract.events.actors import Actor, pobjs, subjects
from newsgraph.extract.events.modality import clause_modality
from newsgraph.extract.stance_cues import evidence_of
from newsgraph.extract.voices import is_person, speakers

if TYPE_CHECKING:
    from spacy.tokens import Token

    from newsgraph.extract.events.actors import DocContext

__all__ = ["ALIGNING", "Alignment", "aligned_rows", "alignments"]

# Verbs of standing with a side ("stood with", "stands shoulder to shoulder with", "sided with", "stood behind").
_STANDING = frozenset({"stand", "side"})
_WITH = frozenset({"with", "behind", "by"})
# Verbs of backing whose object is a side ("backed Manama") or a side's claim ("backed Baghdad's demand").
_BACKING = frozenset({"back", "support", "endorse"})
# Verbs of thanking a side for what it did ("Cuba thanked Mexico", "thanked Russia and China for their vetoes").
_THANKING = frozenset({"thank"})
_CLAIMS = frozenset({"position", "demand", "call", "claim", "complaint", "case", "stance", "bid", "request"})
# Nouns of siding, with the preposition that names the side ("solidarity with Warsaw", "support for Tallinn").
_SIDING_NOUNS = {"solidarity": frozenset({"with"}), "support": frozenset({"for"}), "backing": frozenset({"for"})}
_EXPRESSING = frozenset({"express", "voice", "reiterate", "reaffirm", "declare", "pledge", "offer", "stand"})
ALIGNING = _STANDING | _BACKING | _THANKING | frozenset(_SIDING_NOUNS)
_SIDES = frozenset({"supports", "opposes"})


@dataclass(frozen=True, slots=True)
class Alignment:
    """``actor`` (speaking for its country) sides with the state ``side``, told between ``start`` and ``end`` by
    the verb at token ``at``."""

    actor: Actor
    side: str
    start: int
    end: int
    at: int


def _side_of(obj: Token, ctx: DocContext) -> str | None:
    """The state a side names ("Warsaw", "the Malian people", "the government in Chisinau"), not a person."""
    if obj.pos_ not in ("NOUN", "PROPN") or is_person(obj, ctx):
        return None
    return ctx.actor(obj).country


def _within(tok: Token, preps: frozenset[str], depth: int = 4) -> list[Token]:
    """Objects of ``preps`` under ``tok``, down through nouns and adverbs ("stood shoulder to shoulder with
    Canada", "stood in full solidarity with Burundi"), not into clauses."""
    out: list[Token] = []
    frontier = [tok]
    for _ in range(depth):
        nxt = []
        for t in frontier:
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ in preps:
                    out += pobjs(c)
                elif c.dep_ in ("prep", "pobj", "advmod", "npadvmod", "dobj") or c.lower_ == "shoulder":
                    nxt.append(c)
        frontier = nxt
    return out


def _does(obj: Token) -> bool:
    """The object backed is told doing something ("supports Pakistan reaching an agreement")."""
    nxt = obj.nbor(1) if obj.i + 1 < len(obj.doc) else None
    return any(c.dep_ in ("acl", "relcl") for c in obj.children) or (nxt is not None and nxt.tag_ == "VBG")


def _sides_told(tok: Token) -> tuple[list[Token], Token | None]:
    """(the sides a cue word names, the verb whose subject sides with them), or ([], None)."""
    lemma = tok.lemma_.lower()
    if tok.pos_ in ("VERB", "AUX") and lemma in _STANDING:
        return _within(tok, _WITH), tok
    if tok.pos_ == "VERB" and lemma in _BACKING:
        objs = [c for c in tok.children if c.dep_ == "dobj"]
        # "backed Baghdad's demand": the side whose claim is backed
        sides = [p for o in objs if o.lemma_.lower() in _CLAIMS for p in o.children if p.dep_ == "poss"]
        # "backed Manama", not "supports Pakistan reaching an agreement" (the side's act is what is backed)
        sides += [o for o in objs if o.pos_ == "PROPN" and not _does(o)]
        return sides, tok
    if tok.pos_ == "VERB" and lemma in _THANKING:  # "thanked Mexico", "thanked Mexican authorities"
        objs = [c for c in tok.children if c.dep_ == "dobj"]
        return [o for t in objs for o in (t, *(c for c in t.children if c.dep_ == "conj"))], tok
    if tok.pos_ == "NOUN" and lemma in _SIDING_NOUNS:
        verb = tok.head
        if tok.dep_ == "dobj" and verb.lemma_.lower() in _EXPRESSING:
            preps = _SIDING_NOUNS[lemma]  # "with Bahrain" under the noun, or hung on the verb
            sides = [
                o for t in (tok, verb) for c in t.children if c.dep_ == "prep" and c.lower_ in preps for o in pobjs(c)
            ]
            return sides, verb
    return [], None


def alignments(tok: Token, ctx: DocContext) -> list[Alignment]:
    """Who sides with which state by the cue word ``tok`` (a fact, said by a state's voice)."""
    sides, verb = _sides_told(tok)
    if verb is None or not sides or not clause_modality(verb).is_fact:
        return []
    states = [s for s in (_side_of(o, ctx) for o in sides) if s]
    if not states:
        return []
    out = []
    for actor, speaks in speakers(subjects(verb), ctx):
        if not speaks or actor.country is None:
            continue
        end = max(tok.idx + len(tok), *(o.idx + len(o) for o in sides))
        start = min(actor.start, verb.idx)
        out += [Alignment(actor, s, start, end, verb.i) for s in states if s != actor.country]
    return out


def aligned_rows(
    found: Sequence[Alignment], rows: Sequence[object], ctx: DocContext, issue: str, doc_id: str
) -> list[Stance]:
    """The side's one position for each government that sides with it, when the other rows give the side's
    government exactly one of ``supports`` and ``opposes``."""
    held: dict[str, set[str]] = {}
    for row in rows:
        if isinstance(row, Stance) and row.position in _SIDES:
            held.setdefault(row.country, set()).add(row.position)
    out = []
    for a in found:
        positions = held.get(a.side, set())
        if len(positions) != 1:
            continue
        ev = evidence_of(a.actor, ctx.sent_of(ctx.doc[a.at]), doc_id, a.start, a.end)
        position = next(iter(positions))
        out.append(Stance(country=a.actor.country, issue=issue, position=position, evidence=ev, date=ctx.published))
    return out
