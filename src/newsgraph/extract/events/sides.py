"""The side an event aims at when the sentence names none, told by the story around it: the other of the two
countries a story is about, the country of the envoys an expeller expelled before, the side complained of rather than
the forum a complaint is lodged with, and the country a state body belongs to by the place its sentence opens with."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from newsgraph.extract.events.completion import country_side
from newsgraph.extract.events.groups import two_sides
from newsgraph.extract.syntax import pobjs, token_country

if TYPE_CHECKING:
    from spacy.tokens import Token

    from newsgraph.extract.events.actors import Actor, DocContext
    from newsgraph.extract.events.memory import EventMemory
    from newsgraph.extract.events.triggers import Candidate

__all__ = ["asked_of_both", "both_sides", "expelled_side", "forum", "fronted_place", "other_side", "story_thing"]

_STATE_BODIES = frozenset({"GOV", "MIL", "POL", "JUD", "LEG", "SPY"})


def other_side(cand: Candidate, actor: Actor, ctx: DocContext) -> Actor | None:
    """The other of the two countries a story about two countries is about, for a state side of one of them
    refusing, accusing, asking, threatening or punishing no side the sentence names ("Kenya said it would not
    withdraw the ship" in a story about Kenya and Somalia: Somalia). A story about one country
    (``ctx.dominant``) has no other side."""
    if cand.type not in _AIMED or ctx.pair is None or ctx.dominant is not None or actor.country not in ctx.pair:
        return None
    if actor.sector not in _STATE_BODIES:
        return None
    other = ctx.pair[1] if actor.country == ctx.pair[0] else ctx.pair[0]
    return country_side(other, cand.trigger[0], side=False)


_AIMED = frozenset(
    {"REJECT", "ACCUSE", "REQUEST", "THREATEN", "SANCTION", "AGREE"}
)  # not CONSULT, SUPPORT: measured worse
_JUDGED = frozenset({"SUPPORT", "ACCUSE", "REJECT"})
_SPEAKS_FOR = frozenset({"GOV", "MIL", "JUD", "LEG", "POL", "IGO", "SPY"})


def story_thing(cand: Candidate, actor: Actor, targets: list[Actor], ctx: DocContext) -> list[Actor]:
    """A thing of no country that a foreign side praises, condemns or rejects in a story about one country is that
    country's ("Italy praised the interceptions", "Russia's embassy criticised the trial", "Moscow rejected the
    accusations" in a story about Tunisia, Bosnia, Romania): the judged thing is the story's own doing."""
    home = ctx.dominant
    if cand.type not in _JUDGED or home is None or actor.country in (None, home) or actor.sector not in _SPEAKS_FOR:
        return targets  # a state's or a body's judgement, not a foreign bishop's
    if not targets or any(t.entity_like or t.country is not None for t in targets):
        return targets
    return [replace(t, country=home, inferred=True) for t in targets]


def expelled_side(cand: Candidate, actor: Actor, targets: list[Actor], memory: EventMemory) -> list[Actor]:
    """People expelled or declared persona non grata with no country of their own ("the two men had been
    declared persona non grata"): of the side the same expeller expelled before (its envoys), not its own."""
    if cand.type != "SANCTION" or cand.mode != "expel":
        return targets
    earlier = memory.continued_target(cand.type, actor)
    if earlier is None or earlier.country in (None, actor.country):
        return targets
    return [
        replace(t, country=earlier.country, inferred=True) if t.country in (None, actor.country) and not t.named else t
        for t in targets
    ]


_LODGING = frozenset({"lodge", "file", "submit", "bring", "take"})


def forum(cand: Candidate, target: Actor) -> bool:
    """A body a complaint is lodged with or taken to (the UN Security Council, the WTO, a court): the forum, not
    the side complained of ("lodged a complaint with the Security Council"; "with China" is aimed at China)."""
    return cand.type == "ACCUSE" and cand.trigger[0].lemma_.lower() in _LODGING and target.sector in ("IGO", "JUD")


def fronted_place(actor: Actor, clause: Token) -> Actor:
    """A state body named without its country in a sentence that opens with its place ("In New Delhi, the Ministry
    of External Affairs summoned ...", "In Moscow, Foreign Ministry spokeswoman X said"): of that place's country,
    the wire-copy way of saying whose ministry it is."""
    if actor.country is not None or actor.sector not in _STATE_BODIES:
        return actor
    sent = clause.sent
    opening = sent[0] if sent[0].lower_ == "in" and sent[0].dep_ == "prep" else None
    if opening is None:
        return actor
    for obj in pobjs(opening):
        code = token_country(obj)
        if code:
            return replace(actor, country=code, inferred=True)
    return actor


def both_sides(actor: Actor, targets: list[Actor], ctx: DocContext, memory: EventMemory, sent_no: int) -> list[Actor]:
    """ "Both governments", "the two sides" as a target: the two countries the story names most, each a target,
    when the actor is neither ("Turkey urged both sides to exercise restraint"); else, when the actor is one of
    them, the countries of the two sides the memory told of the latest act between two ("Saudi Arabia, host of
    talks between Sudan's army and the RSF, urged both delegations": Sudan's)."""
    # "the two allies" read as the asking side's own (or "both sides" as one): still both
    both = [t.head >= 0 and not t.named and _two_sides(t, ctx.doc[t.head]) for t in targets]
    if not any(both):
        return targets
    if ctx.pair is not None and actor.country not in ctx.pair:
        codes: list[str] = list(ctx.pair)
    else:
        codes = list(dict.fromkeys(t.country for t in memory.last_sides(sent_no) if t.country))
        if not codes or actor.country in codes or (ctx.pair is not None and not set(codes) <= set(ctx.pair)):
            return targets
    out: list[Actor] = []
    for t, two in zip(targets, both, strict=True):
        out += [replace(t, country=code, inferred=True) for code in codes] if two else [t]
    return out


def asked_of_both(cand: Candidate, actor: Actor, ctx: DocContext) -> list[Actor]:
    """A thing a third side asks of "both sides" by a preposition ("urged restraint by both sides", "called for
    calm on both sides"): each of the story's two countries is asked."""
    if cand.type != "REQUEST" or ctx.pair is None or actor.country in ctx.pair:
        return []
    for thing in (c for c in cand.clause.subtree if c.pos_ == "NOUN" and c.i > cand.clause.i):
        of = [o for c in thing.children if c.dep_ == "prep" and c.lower_ in ("by", "from", "on") for o in pobjs(c)]
        if any(two_sides(o) for o in of):
            return [country_side(code, cand.trigger[0], side=False) for code in ctx.pair]
    return []


def _two_sides(side: Actor, head: Token) -> bool:
    """``two_sides`` of a side's head, or of what its pronoun stands for ("both governments ... urged them")."""
    if head.pos_ == "PRON" and side.label:
        last = side.label.split()[-1]
        before = head.doc[max(head.sent.start, head.i - 40) : head.i]  # a few clauses back, not a run-on's start
        head = next((t for t in reversed(before) if t.text == last), head)
    return two_sides(head)
