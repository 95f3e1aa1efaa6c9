"""Who stands behind an act a sentence tells without its doer: the state body that reports an agentless detention
in its own country's words ("Belarusian police said the pilot was being held"), the issuers of a statement whose
relative clause acts ("issued a joint statement that called on parliament to repeal the law")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.extract.events.arguments import own_actor_heads
from newsgraph.extract.syntax import np_countries, pobjs, subjects
from newsgraph.lexicon.cues import noun_cue, speech_verbs

if TYPE_CHECKING:
    from spacy.tokens import Token

    from newsgraph.extract.events.actors import DocContext

__all__ = ["reporting_state", "statement_issuers"]


def reporting_state(clause: Token, ctx: DocContext, bodies: frozenset[str]) -> str | None:
    """The country of a state body that reports a passive act of its state's ("the KGB said the pilot was being
    held": held by Belarus's; "Belarusian police said ..."): the body that tells of an agentless detention is its
    doer's side far more often than not."""
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in speech_verbs():
        return None
    for subj in (c for c in clause.head.children if c.dep_ == "nsubj"):
        named = np_countries(subj)  # its country in its own words ("Belarusian police", "Iran's judiciary")
        for actor in ctx.actors(subj):
            if actor.sector in bodies and actor.country is not None and actor.country in named:
                return actor.country
    return None


def statement_issuers(clause: Token) -> list[Token]:
    """Who issued the statement a relative clause's "that" or "which" stands for ("Germany and France issued a
    joint statement that called on parliament to repeal the law": Germany and France; "a letter from 40 MPs
    which urged ...": the MPs)."""
    if clause.dep_ != "relcl" or not any(c.dep_ == "nsubj" and c.lower_ in ("that", "which") for c in clause.children):
        return []
    noun = clause.head
    if noun.pos_ != "NOUN" or noun_cue(noun.lemma_) is None:
        return []
    own = own_actor_heads(noun) + [
        x for p in noun.children if p.dep_ == "prep" and p.lower_ == "from" for x in pobjs(p)
    ]
    if own:
        return own
    return subjects(noun.head) if noun.dep_ == "dobj" else []  # the issuing verb's subject
