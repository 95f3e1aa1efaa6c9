"""What an event acts on: the candidate's targets that can be acted on, their countries filled from their place.

A time is no target ("retaliated on Tuesday"), nor a place visited ("visiting the town of X"), nor the weapon
an attack is fired with ("launched missiles targeting US troops").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.extract.events.groups import is_weapon
from newsgraph.extract.syntax import np_countries
from newsgraph.lexicon.events import is_helped_noun, is_place_noun

if TYPE_CHECKING:
    from spacy.tokens import Token

    from newsgraph.extract.events.actors import Actor, DocContext
    from newsgraph.extract.events.triggers import Candidate

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_TARGET_LOC = frozenset({"in", "at", "to", "into"})
_WHEN = frozenset({"DATE", "TIME"})
_PROPEL = frozenset({"launch", "fire"})  # verbs whose object is the weapon sent, not whom it is sent at


def entity_targets(cand: Candidate, ctx: DocContext) -> list[Actor]:
    """The candidate's targets that can be acted on, countries filled from their place ("flights to Cuba",
    "withdrew from the region")."""
    for t in cand.targets:
        if t.country is None and t.head >= 0 and not t.named:
            head = ctx.doc[t.head]
            found = np_countries(head, locative=True, loc_preps=_TARGET_LOC)
            t.country = found[0] if found else None
            if t.country is None and is_place_noun(head.lemma_):
                t.country = ctx.location_country(head)
            if (
                t.country is None
                and cand.type == "AID"
                and (is_helped_noun(head.lemma_) or is_helped_noun(head.lower_))
            ):
                t.country = ctx.location_country(head) or ctx.dominant  # "flew the wounded to a hospital in Quetta"
                t.agentive = t.agentive or t.country is not None
    out = [t for t in cand.targets if t.entity_like or (t.agentive and t.head >= 0)]  # "at striking miners"
    out = [t for t in out if t.head < 0 or ctx.doc[t.head].ent_type_ not in _WHEN]  # "retaliated on Tuesday"
    if cand.type == "ASSAULT" and cand.trigger[0].lemma_ in _PROPEL:  # "launched missiles targeting US troops"
        out = [t for t in out if t.head < 0 or not is_weapon(ctx.doc[t.head])]  # the weapon fired is no target
    if cand.mode == "visit":  # "visiting the town of Pandeglang": a place, not a host
        out = [t for t in out if t.country is not None or t.head < 0 or not is_place(ctx.doc[t.head])]
    return out


def is_place(tok: Token) -> bool:
    """A place, not an actor: a place name, "the region", or the name in "the town of X"."""
    if tok.ent_type_ in _PLACE_LABELS or is_place_noun(tok.lemma_):
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and is_place_noun(tok.head.head.lemma_)
