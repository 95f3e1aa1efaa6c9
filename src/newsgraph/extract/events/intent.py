"""Announced intentions: "X announced it would join the alliance", "announced Y was to sign the deal".

An announcement that a side will do something is the codebook's AGREE ("express intent to cooperate",
PLOVER_MANUAL.tex, AGREE), whatever the verb of the announced act, when that act is no event the verb
table knows (a known one is coded through :func:`~newsgraph.extract.events.completion.intended_type`:
"announced it would withdraw" is CONCEDE, "announced it would attack" THREATEN). The side that intends is
the subject of the announced clause when it can act ("announced Ghana was to join": Ghana), else the one
who announced; the target is the first actor the announced clause acts on ("would meet the president").
Only the announcing verbs of ``_ANNOUNCING`` open such a clause: "said it would" reports far more
forecasts and opinions than intentions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.extract.events.actors import subjects
from newsgraph.extract.events.arguments import acted_on
from newsgraph.extract.events.completion import country_side
from newsgraph.extract.events.modality import clause_modality
from newsgraph.extract.events.triggers import Candidate
from newsgraph.extract.tokens import token_records
from newsgraph.lexicon.events import modality_kinds

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from newsgraph.extract.events.actors import Actor, DocContext

__all__ = ["announced_intents", "helped_side"]

_ANNOUNCING = frozenset({"announce"})
# the cue of an announced clause that makes it an intention: "will/would join", "is to join", "plans to join"
_INTENT_KINDS = frozenset({"future", "commit", "obligation"})
_REPORTED = frozenset({"would", "'d"})


def announced_intents(sent: Span, ctx: DocContext, coded: set[int]) -> list[Candidate]:
    """AGREE candidates for the announced intentions of ``sent`` whose clause (a token index) is not in
    ``coded`` (the clauses that already hold an event of the verb table)."""
    out: list[Candidate] = []
    doc = sent.doc
    for rec in token_records(doc)[sent.start : sent.end]:  # the shared records; the parsed token for a verb only
        if rec.pos_ != "VERB" or rec.lemma_.lower() not in _ANNOUNCING:
            continue
        tok = doc[rec.i]
        if not clause_modality(tok).is_fact:
            continue
        for comp in (c for c in tok.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")):
            clause = _announced_act(comp)
            if clause is None or clause.i in coded:
                continue
            said = subjects(clause)
            actors = able_actors(ctx, said)
            if not actors and said and all(s.pos_ == "PRON" for s in said):  # "announced it would": the announcer
                actors = able_actors(ctx, subjects(tok))
            if not actors:
                continue
            heads = acted_on(clause)
            targets = [a for a in able_actors(ctx, heads) if a.label != actors[0].label]
            out.append(Candidate("AGREE", None, [tok], clause, actors, targets[:1], clause_modality(tok)))
    return out


def _announced_act(comp: Token) -> Token | None:
    """The verb of the announced act when the clause tells an intention, not a negation or a condition:
    "it would join", "Ghana was to join", "it planned to join" (the planned verb)."""
    mod = clause_modality(comp)
    if mod.negated:
        return None
    if mod.hypothetical and mod.cue and (modality_kinds(mod.cue.lower()) & _INTENT_KINDS or mod.cue in _REPORTED):
        return comp
    for x in (c for c in comp.children if c.dep_ == "xcomp" and c.pos_ == "VERB"):  # "planned to join", "was to"
        inner = clause_modality(x)
        if not inner.negated and inner.hypothetical and inner.cue and modality_kinds(inner.cue.lower()) & _INTENT_KINDS:
            return x
    return None


def able_actors(ctx: DocContext, heads: list[Token]) -> list[Actor]:
    """The actors of ``heads`` that can act: a name, a country or a sector noun."""
    return [a for h in heads for a in ctx.actors(h) if a.entity_like]


_HELP = frozenset({"help", "assist", "support", "aid"})


def helped_side(cand: Candidate, actor: Actor, ctx: DocContext) -> Actor | None:
    """Whom a side's readiness to help is offered to ("ready to help", the codebook's AGREE: offer aid): the
    side the help is for ("stood ready to help the Lebanese army", "ready to send experts to help Moldovan
    authorities"), else the country of a story about one country ("Dakar was ready to help organise the vote"
    in a story about Guinea-Bissau)."""
    if cand.type != "AGREE" or cand.trigger[0].pos_ != "ADJ":
        return None
    helps = [t for t in cand.trigger[0].subtree if t.lemma_.lower() in _HELP and t.pos_ == "VERB"]
    for verb in helps:  # "help the army", "help the army extend its deployment": the army
        helped = [c for c in verb.children if c.dep_ == "dobj"]
        helped += [s for c in verb.children if c.dep_ in ("xcomp", "ccomp") for s in c.children if s.dep_ == "nsubj"]
        for obj in helped:
            side = ctx.actor(obj)
            if side.entity_like and side.country not in (None, actor.country):
                return side
    if helps and ctx.dominant is not None and ctx.dominant != actor.country:
        return country_side(ctx.dominant, cand.trigger[0], side=False)
    return None
