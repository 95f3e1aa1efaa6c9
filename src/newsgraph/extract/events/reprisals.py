"""Reprisals promised in a state's own quoted words: '"If Japan chooses to escalate, it will pay a price," the
spokeswoman said', '"Every violation will be answered," the minister said', '"The soldiers' actions will not go
unpunished."'.

The codebook's THREATEN covers a side's warning that it will act against another, whatever words carry it. A warning
told by a verb ("warned that X would respond") is coded through the verb table; this reads the quotations whose
speaker speaks for a state (a government, army, police or court side) for a clause told as to come (will, would,
shall) that promises a reprisal: a reprisal verb ("we will respond", "will retaliate"), a price or consequences to pay,
bear or face, a punishment or an answer told in the passive ("will be punished", "will be answered", "will be hunted
down"), or an act that "will not go unpunished". The threatened side is the clause's subject when another side is
named ("it will pay": Japan), else the subject of its condition ("if Japan escalates"), else the coder's usual
fill (the story's other side).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.extract.events.arguments import if_clause
from newsgraph.extract.events.modality import FACT
from newsgraph.extract.events.needs import told_to_come
from newsgraph.extract.events.triggers import Candidate
from newsgraph.extract.syntax import is_passive
from newsgraph.extract.tokens import token_records
from newsgraph.lexicon.events import is_reprisal_word

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from newsgraph.extract.events.actors import Actor, DocContext

__all__ = ["quoted_reprisals"]

_BORNE = frozenset({"pay", "bear", "face", "suffer"})  # "will pay a price", "will bear the consequences"
# "will be punished", "will be stopped", "will be arrested", "will be shot down": force promised to whoever acts
_DONE_TO = frozenset(
    {"punish", "answer", "hunt", "pursue", "prosecute", "crush", "stop", "arrest", "detain", "jail", "shoot",
     "target", "sanction", "expel", "destroy", "confront"}
)  # fmt: skip
_HOSTILE = frozenset({"hostile", "enemy", "target", "threat", "terrorist", "combatant"})  # "will be treated as hostile"
_STATE = frozenset({"GOV", "MIL", "POL", "JUD", "SPY"})
_SPEAKER_SIDE = frozenset({"we", "i", "us"})
_WISHED = frozenset({"hope", "wish", "expect", "trust"})


def quoted_reprisals(sent: Span, ctx: DocContext, coded: set[int]) -> list[Candidate]:
    """THREATEN candidates for the reprisals promised in ``sent``'s quotations of a state's side; clauses in
    ``coded`` already hold an event. One pass over the sentence's words: each verb told as to come is looked up in
    the quotations (a bisection), so a sentence of many quotations costs no more per word."""
    out: list[Candidate] = []
    doc = sent.doc
    speakers: dict[int, Actor | None] = {}
    for rec in token_records(doc)[sent.start : sent.end]:
        if rec.pos_ not in ("VERB", "AUX") or rec.i in coded:
            continue
        verb = doc[rec.i]
        if not told_to_come(verb):
            continue
        speaker_tok = ctx.quoted.speaker_at(rec.idx)
        if speaker_tok is None or speaker_tok < 0:
            continue
        if speaker_tok not in speakers:
            side = ctx.actor(doc[speaker_tok])
            speakers[speaker_tok] = side if side.sector in _STATE and side.country else None
        speaker = speakers[speaker_tok]
        if speaker is None or not _promised_reprisal(verb) or any(a.lemma_ in _WISHED for a in verb.ancestors):
            continue  # no state's voice; no reprisal; "a gesture we hope will be answered in kind": a wish
        out.append(Candidate("THREATEN", None, [verb], verb, [speaker], _threatened(verb, speaker, ctx), FACT))
    return out


def _promised_reprisal(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    negated = any(c.dep_ == "neg" for c in verb.children)
    if lemma == "go" and negated:  # "will not go unpunished"
        return any(c.lower_ == "unpunished" for c in verb.children)
    if negated:
        return False
    if is_reprisal_word(lemma) and not is_passive(verb):  # "we will respond", "will retaliate"
        return True
    if lemma in _BORNE:  # "will pay a price", "will bear the consequences", "will face consequences"
        return any(c.dep_ == "dobj" and is_reprisal_word(c.lemma_.lower()) for c in verb.children)
    if lemma == "be" and any(c.dep_ == "expl" for c in verb.children):  # "there will be consequences"
        return any(c.dep_ in ("attr", "nsubj") and is_reprisal_word(c.lemma_.lower()) for c in verb.children)
    if lemma == "treat" and is_passive(verb):  # "any aircraft that crosses will be treated as hostile"
        return any(c.lower_ == "as" and any(o.lemma_.lower() in _HOSTILE for o in c.subtree) for c in verb.children)
    return lemma in _DONE_TO and is_passive(verb)  # "will be punished", "every violation will be answered"


def _threatened(verb: Token, speaker: Actor, ctx: DocContext) -> list[Actor]:
    """The side the reprisal is promised to: the clause's subject or its condition's, when another side."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    cond = if_clause(verb)
    if cond is not None:
        subjects += [c for c in cond.children if c.dep_ in ("nsubj", "nsubjpass")]
    for subj in subjects:
        if subj.lower_ in _SPEAKER_SIDE:
            continue
        side = ctx.actor(subj)
        if side.entity_like and side.country != speaker.country:
            return [side]
    return []
