"""Calls on every side of a dispute: a position that takes no side (issue 11, "Stances").

"Brazil urged both sides to settle their differences through dialogue", "the foreign ministry called on
all parties to show restraint", "Washington asked the two sides to return to talks": a state that calls
on both sides of the story's dispute is ``neutral`` on its issue. :mod:`newsgraph.extract.stances` turns
what :func:`even_handed` finds into rows (a person without an office gives a voice).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.extract.events.actors import pobjs, subjects
from newsgraph.extract.events.modality import clause_modality
from newsgraph.extract.stance_issue import UNSPECIFIED
from newsgraph.extract.voices import speakers

if TYPE_CHECKING:
    from spacy.tokens import Token

    from newsgraph.extract.events.actors import Actor, DocContext

__all__ = ["EVEN_HANDED", "even_handed"]

# Verbs of a call on someone: "urged both sides", "called on all parties", "asked the two sides".
EVEN_HANDED = frozenset({"urge", "call", "appeal", "ask", "encourage", "press", "invite"})
_SIDES = frozenset({"side", "party"})
_EVERY = frozenset({"both", "all", "two"})


def even_handed(tok: Token, ctx: DocContext, issue: str) -> list[tuple[Actor, bool]]:
    """Who calls on both (or all) sides with verb ``tok``: (actor, speaks for its country), none when the
    call is negated or hypothetical, or the story has no issue."""
    if issue == UNSPECIFIED or tok.pos_ != "VERB" or tok.lemma_.lower() not in EVEN_HANDED:
        return []
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    objs += [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "on" for o in pobjs(c)]
    both = any(
        o.lemma_.lower() in _SIDES and o.tag_ == "NNS" and any(d.lower_ in _EVERY for d in o.children) for o in objs
    )
    mod = clause_modality(tok)
    if not both or mod.negated or mod.hypothetical:
        return []
    return speakers(subjects(tok), ctx)
