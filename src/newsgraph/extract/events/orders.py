"""Acts one side orders another to make: an authority's act made through its agents ("ordered operators to shut
down internet access": the regulator censors; "ordered the army to deploy": the president deploys)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from newsgraph.extract.events.triggers import Candidate

__all__ = ["ordered_act", "orderer"]

_ORDERS = frozenset({"order", "instruct", "direct", "command"})
# acts an authority makes by ordering its agents to make them (the codebook codes the one who orders): a
# deployment, an expulsion, a closure of borders, a shutdown, an arrest, an attack, an investigation
_ORDERED = frozenset({"MOBILIZE", "SANCTION", "COERCE", "ASSAULT"})


def ordered_act(cand: Candidate) -> bool:
    """An act of force, coercion, sanction or deployment, or an investigation, that one side orders."""
    return cand.type in _ORDERED or (cand.type == "ACCUSE" and cand.mode == "investigate")


def orderer(cand: Candidate) -> Token | None:
    """The verb that orders the candidate's act ("ordered operators to shut down access"), if any."""
    head = cand.clause.head
    if cand.nominal or cand.clause.dep_ not in ("xcomp", "ccomp") or head.lemma_.lower() not in _ORDERS:
        return None
    return head if cand.modality.cue in _ORDERS and ordered_act(cand) else None
