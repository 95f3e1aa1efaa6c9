"""Reported judgements: "X said the ruling was unfair", "'The plan is a disgrace,' said X".

A speaker who says that a side or its act is wrong disapproves of it (the codebook's ACCUSE, mode
disapprove: "criticize or denounce"); one who says it is good approves of it (SUPPORT, praise). Only a
copular clause reported by a speech verb counts ("said [the move was illegal]"), or one that stands alone in
a quotation whose speaker is known ('"... These tariffs are illegal," as the second sentence of a minister's
quotation), its predicate judged by
the hand-written evaluative list (``event_context.tsv``), or, when the clause is about a person or a group,
by VADER's published lexicon (as for "called X a liar"). The target is who the clause is about: a person,
an organisation or a group the text names, or the side behind a thing ("the government's plan", "the
court's ruling": the government, the court). A negated or hypothetical report, a forecast ("would be a
disaster") and a judgement of the speaker's own side are no event.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.extract.events.actors import subjects
from newsgraph.extract.events.arguments import characterizes, judge_predicate
from newsgraph.extract.events.memory import verb_antecedent
from newsgraph.extract.events.modality import clause_modality
from newsgraph.extract.events.triggers import POINTING, Candidate
from newsgraph.extract.tokens import token_records
from newsgraph.lexicon.cues import speech_verbs
from newsgraph.lexicon.events import act_types, evaluation

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from newsgraph.extract.events.actors import Actor, DocContext
    from newsgraph.extract.events.memory import EventMemory

__all__ = ["quoted_judgements", "reported_judgements"]

_COPULA = frozenset({"be"})
_NAMED = frozenset({"PERSON", "ORG"})
_OWN = frozenset({"my", "our", "his", "her", "their", "its"})
_PREDICATES = frozenset({"acomp", "attr"})
_MAIN = frozenset({"ROOT", "conj"})
_POINTED = frozenset({"this", "that", "what"})  # "this", "that", "what happened": the act just told
_OCCUR = frozenset({"happen", "occur", "unfold", "transpire"})
_POLARITY_TYPES = {"negative": ("ACCUSE", "disapprove"), "positive": ("SUPPORT", "praise")}


def reported_judgements(sent: Span, ctx: DocContext, coded: set[int], memory: EventMemory) -> list[Candidate]:
    """ACCUSE / SUPPORT candidates for the judgements a speaker reports in ``sent``; clauses in ``coded``
    (token indices that already hold an event) are left alone; ``memory`` tells who did an act the judged
    phrase names without its owner ("the vetoes were a betrayal")."""
    out: list[Candidate] = []
    doc = sent.doc
    for rec in token_records(doc)[sent.start : sent.end]:  # the shared records; the parsed token for a copula only
        # the cheap tests first, from the reported copula up (a sentence of thousands of "said" stays linear)
        if rec.dep_ != "ccomp" or rec.lemma_.lower() not in _COPULA or rec.i in coded:
            continue
        comp = doc[rec.i]
        verb = comp.head
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in speech_verbs() or verb.i in coded:
            continue
        if not any(c.dep_ in _PREDICATES for c in comp.children) or not clause_modality(verb).is_fact:
            continue
        speakers = [a for s in subjects(verb) for a in ctx.actors(s) if a.entity_like]
        if speakers and (cand := _judgement(verb, comp, speakers, ctx, memory)) is not None:
            out.append(cand)
    return out


def quoted_judgements(sent: Span, ctx: DocContext, coded: set[int], memory: EventMemory) -> list[Candidate]:
    """ACCUSE candidates for the condemnations of ``sent`` said in a quotation's own main clause, not reported
    by a speech verb of the sentence (those are :func:`reported_judgements`'), by the quotation's speaker when
    that is a side (a country's or a body's person), not a newspaper."""
    out: list[Candidate] = []
    doc = sent.doc
    for rec in token_records(doc)[sent.start : sent.end]:  # one pass: a run-on sentence of many quotes stays linear
        if rec.i in coded or rec.lemma_.lower() not in _COPULA:
            continue
        speaker_tok = ctx.quoted.speaker_at(rec.idx)  # the quotation holding the copula (None: outside any)
        if speaker_tok is None or speaker_tok < 0:
            continue
        comp = doc[rec.i]
        if comp.dep_ == "ccomp" and comp.head.lemma_.lower() in speech_verbs():
            continue  # reported: reported_judgements' own
        if comp.dep_ not in _MAIN and not (comp.dep_ == "ccomp" and comp.head.lemma_.lower() in _COPULA):
            continue  # a clause of its own: "X is illegal", "..., and they are illegal", "X is unjust, it is ..."
        if not _condemning(comp):
            continue
        speaker = ctx.actor(doc[speaker_tok])
        if speaker.sector == "MED" or (speaker.country is None and speaker.sector is None):
            continue  # a newspaper's or an unplaced person's words: no side's
        if (cand := _judgement(comp, comp, [speaker], ctx, memory)) is not None:
            out.append(cand)
    return out


def _condemning(comp: Token) -> bool:
    """A predicate that is itself a word of condemnation, or says so by an adjective ("a flagrant violation",
    "unjustified"), not a neutral noun a modifier colours ("an assault rifle")."""
    for pred in (c for c in comp.children if c.dep_ in _PREDICATES):
        words = [pred, *(c for c in pred.children if c.dep_ in ("amod", "conj"))]
        if any(evaluation(w.lemma_.lower()) == "negative" or evaluation(w.lower_) == "negative" for w in words):
            return True
    return False


def _judgement(
    verb: Token, comp: Token, speakers: list[Actor], ctx: DocContext, memory: EventMemory
) -> Candidate | None:
    """The candidate of one reported copular clause, when its predicate judges who it is about."""
    if comp.lemma_.lower() not in _COPULA or not clause_modality(comp).is_fact:
        return None  # "would be a disaster": a forecast; "is not fair": no judgement to code
    preds = [c for c in comp.children if c.dep_ in _PREDICATES]
    told = subjects(comp)
    about = [s for s in told if s.pos_ in ("NOUN", "PROPN", "PRON") and not _own(s)]
    # '"What happened in Freetown is an assault on the will of the people"': the act just told
    about += [w for s in told if s.dep_ == "csubj" and s.lemma_.lower() in _OCCUR
              for w in s.children if w.dep_ == "nsubj" and w.lower_ == "what"]  # fmt: skip
    # '"What Ethiopia did yesterday is an act of aggression"': the doer of what was done
    about += [w for s in told if s.dep_ == "csubj" and any(c.lower_ == "what" for c in s.children)
              for w in s.children if w.dep_ == "nsubj" and w.lower_ != "what"]  # fmt: skip
    if not preds or not about:
        return None
    # the published lexicon judges named people and bodies only ("the victims were joyful girls" judges no one)
    polarity = judge_predicate(preds, people=all(s.ent_type_ in _NAMED and characterizes(s) for s in about))
    if polarity is None:
        return None
    # a judged act ("a reckless provocation", "a crime", "an act of aggression"): a noun of an act or a verdict
    act = any(p.pos_ == "NOUN" and (act_types(p.lemma_.lower()) or evaluation(p.lemma_.lower())) for p in preds)
    targets = [a for s in about for a in _behind(s, ctx, memory, speakers[0], act) if a.entity_like]
    targets = [t for t in targets if not any(_same_side(t, s) for s in speakers)]
    if not targets:
        return None
    type_, mode = _POLARITY_TYPES[polarity]
    return Candidate(type_, mode, [verb], comp, speakers, targets, clause_modality(verb))


def _own(head: Token) -> bool:
    """A phrase the speaker owns ("his party", "our plan"): a judgement of one's own side is no event."""
    return head.lower_ in ("we", "i") or any(c.dep_ == "poss" and c.lower_ in _OWN for c in head.children)


def _same_side(a: Actor, b: Actor) -> bool:
    """One side: the same name, or the same country and sector (a minister judging his government's plan)."""
    return a.label == b.label or (a.country is not None and a.country == b.country and a.sector == b.sector)


def _behind(head: Token, ctx: DocContext, memory: EventMemory, speaker: Actor, act: bool = False) -> list[Actor]:
    """Who a judged phrase is about: the phrase itself when it names a side, else its possessor ("the
    government's plan", "his remarks"), else the doer of the act a definite noun refers back to ("the
    strikes were a deliberate attempt", "these tariffs are illegal", "the vetoes were a betrayal"); "it" judged
    as an act ('"It was a reckless provocation"') is the act just told, as "this" is."""
    pointed = head.lower_ in _POINTED or (act and head.lower_ == "it")
    if pointed and head.pos_ == "PRON" and (done := memory.last_act(head, speaker)):
        return memory.fellow_doers(done)  # '"This was a flagrant violation"': the act, not a person "this" names
    found = [a for a in ctx.actors(head) if a.entity_like]
    if found:
        return found
    owners = [c for c in head.children if c.dep_ == "poss"]
    if owners:
        return [a for o in owners for a in ctx.actors(o)]
    if told := verb_antecedent(head, ctx, speaker):  # "Russia and China vetoed it ... the vetoes were a betrayal"
        return told
    doer = memory.doer(head) or memory.answered_act(head, speaker)
    if doer is None and head.lower_ in POINTING and head.pos_ == "PRON":
        doer = memory.last_act(head, speaker)  # '"This was a flagrant violation," the minister said': what was done
    return memory.fellow_doers(doer) if doer is not None else []
