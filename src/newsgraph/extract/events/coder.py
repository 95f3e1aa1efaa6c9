"""PLOVER event coder: who did what to whom, read from the dependency parse.

For every sentence the coder looks at each token once:

- a verb (or adjective) whose lemma has a pattern in ``event_verbs.tsv`` whose
  conditions hold ("call" + "for" → REQUEST, "speak" + "phone" → CONSULT phone,
  "hold" + "responsible" → ACCUSE) is a verbal trigger; its actor is the subject, or the
  by-agent of a passive ("were detained by Kazakh police"), or the subject inherited from
  the verb it is conjoined with or depends on ("crossed the border and invaded Ukraine",
  "gathered ... to protest"); its target comes from the slots the pattern names;
- a noun from ``event_nouns.tsv`` is a nominal trigger when it is the object of a light
  verb ("held talks with X": the light verb's subject is the actor), or, for nouns marked
  standalone, when it names its own actor: a possessor, "by X", a country adjective, or an
  attribution ("the cyberattack ... was attributed to X").

The document's memory (``extract/event_memory.py``) links sentences: "condemned the
attack" targets whoever did the document's attack, "the rocket strikes were carried out by X"
gives X the target of the rocket attacks told before, an offensive continued without a target
keeps the earlier one, and a response ("protesters responded by throwing stones") is aimed at
whoever acted on the responders. A nominal protest without an actor ("protests in Hong Kong")
has the implicit actor its noun row names (protesters of that place).

Each event gets one actor and one target; coordinated actors or targets with different
countries give one event each ("Kyrgyzstan and Turkmenistan"). Events without an actor,
or without the target their type needs (``plover.tsv``), are not coded. Negated,
hypothetical, denied, intended or alleged clauses keep their event with ``negated`` /
``hypothetical`` set (``extract/modality.py``): they never count as facts.

Decisions: a summoned ambassador is ACCUSE (mode disapprove), the formal complaint the
summons expresses (CAMEO 11), not SANCTION; "made a statement" is no event (PLOVER has no
"make statement" type; statements are stance data, ``extract/stances.py``); an event whose
actor and target both lack a country and a sector is nobody's political event ("Emily met two
officers at a pub") and is dropped; a meeting of three or more parties is one CONSULT with mode
multilateral; a named person "attacking" a person or an idea attacks in words (ACCUSE).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from newsgraph.core.budget import check
from newsgraph.core.model import DateFact, Event, Evidence
from newsgraph.extract.events.actors import (
    Actor,
    ActorResolver,
    DocContext,
    ent_of,
    pobjs,
    token_country,
)
from newsgraph.extract.events.arguments import (
    ancestors,
    anchor,
    date_roots,
    objects,
)
from newsgraph.extract.events.completion import (
    advised,
    bereaved_target,
    condition_side,
    conditional_threat,
    deployed_forces,
    generic_issue,
    intended_type,
    located_side,
    mediated_sides,
    mishap_toll,
    own_government,
    place_target,
    public_target,
    refused_type,
    text_target,
    threatened_named,
    threatened_side,
    unknown_attacker,
)
from newsgraph.extract.events.dedupe import deduplicated, superseded_dropped
from newsgraph.extract.events.dismay import dismay_events
from newsgraph.extract.events.groups import is_weapon, reciprocal, the_two, two_sides
from newsgraph.extract.events.intent import announced_intents, helped_side
from newsgraph.extract.events.judged import quoted_judgements, reported_judgements
from newsgraph.extract.events.memory import EventMemory, answered_target, is_definite
from newsgraph.extract.events.modality import FACT
from newsgraph.extract.events.needs import asks_release, told_to_come
from newsgraph.extract.events.nominal import may_code_noun
from newsgraph.extract.events.orders import orderer
from newsgraph.extract.events.pairing import complete_pair
from newsgraph.extract.events.praised import quoted_praise
from newsgraph.extract.events.refusals import stated_refusals
from newsgraph.extract.events.reprisals import quoted_reprisals
from newsgraph.extract.events.sides import (
    asked_of_both,
    both_sides,
    expelled_side,
    forum,
    fronted_place,
    other_side,
    story_thing,
)
from newsgraph.extract.events.targets import entity_targets
from newsgraph.extract.events.triggers import Candidate, noun_candidate, verb_candidate
from newsgraph.extract.evidence import sentence_text
from newsgraph.extract.tokens import token_records
from newsgraph.lexicon.events import is_hazard, plover_types, sector_of, verb_patterns

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["ActorResolver", "extract_events"]

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_VISIT_WORDS = frozenset({"visit", "trip", "tour"})
_MUTUAL = frozenset({"AGREE", "CONSULT", "COOPERATE"})
# sides whose readiness to act is an offer (the codebook's AGREE, "express willingness"), not a person's mood
_READY_SIDES = frozenset({"GOV", "MIL", "LEG", "OPP", "REB", "IGO", "POL", "JUD"})
# "X and Y fought a war", "exchanged fire", "traded accusations": each attacks or accuses the other
_MUTUAL_FORCE = frozenset({"fight", "clash", "exchange", "trade"})
# promises made side by side are made to a third party, not to each other ("China and Russia pledged funds")
_ONE_WAY = frozenset({"pledge", "promise", "offer", "vow"})
_SWAP = frozenset({"exchange", "swap", "trade"})  # prisoners exchanged: each side frees the other's
_EXTENDED = frozenset({"AGREE", "ASSAULT", "ACCUSE"})  # types whose act with an extent is still each at the other
# Types whose verb takes what it is about from its to-complement ("threatened to expel X", "vowed to punish X",
# "promised to help X"): the complement's target is theirs.
_THROUGH_COMPLEMENT = frozenset({"THREATEN", "AGREE", "REJECT", "REQUEST"})
# Types whose missing target the memory may fill: the same actor's earlier target (continuation)
# and, for force, the actor of what the responders suffered (response).
_CONTINUED = frozenset({"ASSAULT", "MOBILIZE", "RETREAT", "SANCTION", "COERCE"})
_RESPONSE = frozenset({"ASSAULT", "COERCE"})
_RESPONDS_TO = ("ASSAULT", "COERCE")
# a promised response answers what was done to the promiser ("Poland expelled two diplomats. Belarus said it
# would respond in kind": at Poland)
_RETALIATE = frozenset({"respond", "retaliate", "reciprocate"})
_PROVOCATIONS = ("ASSAULT", "COERCE", "SANCTION", "ACCUSE", "THREATEN", "REJECT", "MOBILIZE")
# Types an actor does on its own (no recipient in the codebook's sense): a compiled pattern may code them
# without a target; every other compiled event needs one, as PETRARCH's dyads do.
_ONE_SIDED = frozenset({"PROTEST", "MOBILIZE", "RETREAT", "CONCEDE"})


# ---- assembly ------------------------------------------------------------------------------
def _visit(sent: Span, ctx: DocContext) -> tuple[bool, str | None]:
    for tok in sent:
        if tok.lemma_.lower() in _VISIT_WORDS:
            dest = [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for o in pobjs(c)]
            if tok.pos_ == "VERB":
                dest = objects(tok)
            codes = [token_country(d) for d in dest]
            return True, next((c for c in codes if c), None)
    return False, None


def _event(
    cand: Candidate, actor: Actor, target: Actor | None, sent: Span, doc_id: str, date: str | None, place: str | None
) -> Event:
    ptype = plover_types()[cand.type]
    toks = [t for t in cand.trigger if sent.start <= t.i < sent.end]
    starts = [t.idx for t in toks]
    ends = [t.idx + len(t) for t in toks]
    spans = [(a.start, a.end) for a in (actor, target) if a is not None]
    if cand.extent is not None:
        spans.append(cand.extent)
    for lo, hi in spans:
        if sent.start_char <= lo and hi <= sent.end_char:
            starts.append(lo)
            ends.append(hi)
    ev = Evidence(doc=doc_id, sentence=sentence_text(sent, min(starts), max(ends)), start=min(starts), end=max(ends))
    return Event(
        type=cand.type,
        evidence=ev,
        mode=cand.mode,
        actor=actor.label,
        actor_country=actor.country,
        actor_sector=actor.sector,
        target=(target.label or None) if target else None,
        target_country=target.country if target else None,
        target_sector=target.sector if target else None,
        date=date,
        place=place,
        negated=cand.modality.negated,
        hypothetical=cand.modality.hypothetical,
        cameo_root=ptype.cameo_root,
        intensity=ptype.intensity,
        trigger=" ".join(t.text for t in sorted(cand.trigger, key=lambda t: t.i)),
    )


def _sentence_events(
    sent: Span,
    ctx: DocContext,
    doc_id: str,
    dates: list[tuple[Token, DateFact]],
    memory: EventMemory,
    sent_no: int,
    apart: set[int],
) -> list[Event]:
    """The events of one sentence; the ``id`` of each event told of one of a clause's conjoined targets goes
    into ``apart`` (kept apart by :func:`~newsgraph.extract.events.dedupe.deduplicated`)."""
    cands: list[Candidate] = []
    doc, toks, verbs = sent.doc, token_records(sent.doc), verb_patterns()
    for rec in toks[sent.start : sent.end]:  # the parsed token only for a word a verb or noun row may code
        if rec.pos_ in ("VERB", "ADJ"):
            cand = verb_candidate(doc[rec.i], ctx, memory) if verbs.get(rec.lemma_.lower()) else None
        elif rec.pos_ in ("NOUN", "PROPN"):
            cand = noun_candidate(doc[rec.i], ctx, memory) if may_code_noun(toks, rec.i) else None
        else:
            continue
        if cand is not None:
            cands.append(cand)
    cands += announced_intents(sent, ctx, {c.clause.i for c in cands if not c.nominal})  # "announced it would join"
    coded = {c.clause.i for c in cands} | {t.i for c in cands for t in c.trigger}
    cands += reported_judgements(sent, ctx, coded, memory)  # "said the ruling was unfair"
    cands += quoted_judgements(sent, ctx, coded | {c.clause.i for c in cands}, memory)  # '"It is illegal," X said'
    cands += stated_refusals(sent, ctx, coded)  # "would not revisit the permit"
    cands += dismay_events(sent, ctx, coded)  # "said it was appalled by the sentences"
    cands += quoted_reprisals(sent, ctx, coded | {c.clause.i for c in cands})  # '"It will pay a price," X said'
    # '"He was a gentle soul," X said': once per speaker and person praised in a few sentences (one tribute)
    recent = memory.told[-8:]
    praised = {(t.actor.label, t.target.label) for t in recent if t.type == "SUPPORT" and t.actor and t.target}
    cands += quoted_praise(sent, ctx, coded | {c.clause.i for c in cands}, praised)
    if not cands:
        return []
    cands.sort(key=lambda c: c.nominal)  # a verb wins over a noun for the same event ("met" over "visit")
    clauses = {c.clause.i for c in cands}
    anchored: dict[int, str] = {}
    for root, fact in dates:
        if not sent.start <= root.i < sent.end:
            continue
        above = anchor(root, clauses)
        if above is not None and fact.value:
            anchored.setdefault(above.i, fact.value)
    places: dict[int, str] = {}
    for tok in sent:
        if tok.ent_type_ in _PLACE_LABELS and tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at"):
            above = anchor(tok, clauses)
            ent = ent_of(tok)
            if above is not None and ent is not None:
                places.setdefault(above.i, ent.text)
    visit, destination = _visit(sent, ctx)
    out: list[Event] = []
    # a commitment ("pledged to send aid", "vowed to attack") is coded through the event committed to
    committing = {c.modality.cue for c in cands if intended_type(c) is not None}
    # "ordered operators to shut down access": the act is the one who orders it's, not the agents'
    bosses = {c.clause.i: c.actors for c in cands if not c.nominal and c.trigger[0].lemma_ in committing}
    cands = [c for c in cands if c.nominal or c.trigger[0].lemma_ not in committing or intended_type(c) is not None]
    carried = {c.clause.i for c in cands if c.nominal}
    # a compiled verb pattern gives way to the hand-written event noun it carries ("announced his resignation")
    cands = [c for c in cands if c.nominal or c.cameo is None or c.trigger[0].i not in carried]
    verbal = {c.trigger[0].i for c in cands if not c.nominal}
    dispersals = {c.clause.i for c in cands if c.type == "COERCE" and not c.nominal}
    cands = [c for c in cands if not _told_as_dispersal(c, dispersals)]  # "fired tear gas to disperse the crowd"
    cands = [c for c in cands if not (c.nominal and c.clause.i in verbal)]  # "killed X in an airstrike": manner
    own_targets = {id(c): entity_targets(c, ctx) for c in cands}
    for c in cands:  # "rallied outside the Vietnamese embassy, demanding compensation": of the protest's target
        if not any(t.entity_like for t in own_targets[id(c)]) and (protest := _protest_of(c, cands)) is not None:
            own_targets[id(c)] = [t for t in own_targets[id(protest)] if t.country is not None]
    # what the complement of a verb acts on: "threatened to expel Ugandan diplomats" threatens Uganda
    acted_on = {c.clause.i: own_targets[id(c)] for c in cands if not c.nominal}
    told: list[tuple[str, Actor | None, Actor | None]] = []
    question = _asks(sent)  # "Did the federation ever support you?": a question asserts no event
    for cand in cands:
        ptype = plover_types()[cand.type]
        if cand.type == "ASSAULT" and mishap_toll(cand.clause):
            continue  # "the plane crashed, killing 14 people": an accident's toll
        actors = [
            a for a in cand.actors
            if a.agentive and a.sector not in ptype.drop_actor_sectors and not _hazard(a) and not _stray_weapon(a, ctx)
        ]  # fmt: skip
        if not actors and not cand.nominal and the_two(cand.clause):  # "X met Y. The two agreed": X and Y
            here = [[a, t] for _, a, t in reversed(told) if a is not None and t is not None and a.label != t.label]
            actors = here[0] if here else memory.last_pair(sent_no)
        if cand.type in _SAID:  # "many people expressed their anger on social media": no side speaks
            actors = [a for a in actors if not _public(a, ctx)]
        if cand.trigger[0].pos_ == "ADJ" and cand.type == "AGREE":  # "was ready to help": a side's present offer
            if told_to_come(cand.clause):
                continue  # "will be ready to do more once ...": readiness to come
            actors = [a for a in actors if a.sector in _READY_SIDES or (a.named and a.country and not _person(a, ctx))]
        if (boss := orderer(cand)) is not None and (ordering := [a for a in bosses.get(boss.i, []) if a.agentive]):
            actors = ordering
        actors = [fronted_place(a, cand.clause) for a in actors]  # "In New Delhi, the ministry ..."
        targets = own_targets[id(cand)]
        if not targets and not cand.nominal and cand.type in _THROUGH_COMPLEMENT:
            comps = [
                c.i
                for c in cand.clause.children
                if (c.dep_ == "xcomp" or (c.dep_ == "ccomp" and cand.type == "THREATEN")) and c.i in acted_on
            ]
            targets = [t for i in comps for t in acted_on[i] if t.country is not None]
        targets = [t for t in targets if t.sector not in ptype.drop_target_sectors]
        targets = [t for t in targets if not forum(cand, t)]  # "lodged a complaint with the UN Security Council"
        pairs: list[tuple[Actor, Actor]] = []
        lemma = cand.trigger[0].lemma_.lower()
        mutual = (cand.type in _MUTUAL and lemma not in _ONE_WAY) or (
            cand.type in ("ASSAULT", "ACCUSE") and lemma in _MUTUAL_FORCE
        )
        sided = False
        if len(actors) == 1 and actors[0].head >= 0 and two_sides(ctx.doc[actors[0].head]):
            # "X hosted his Sudanese counterpart and the two ministers agreed": the two sides of an act just told;
            # "the two countries signed agreements": else the two the story names most, each with the other
            codes = _told_pair(told, memory.last_pair(sent_no)) or ctx.pair or ()
            actors = [replace(actors[0], country=code, inferred=True) for code in codes] or actors
            sided = len(actors) == 2  # "both sides pledged to withdraw": each to the other
        swapped = cand.type == "RETREAT" and lemma in _SWAP and len(actors) == 2  # "X and Y exchanged prisoners"
        if len(actors) > 1 and reciprocal(cand.clause):  # "X and Y shelled each other's positions"
            mutual, targets = True, []
        # "agreed to share intelligence": no side as target; nor one of the actors' own things ("agreed to set up a
        # joint commission" placed in one of their countries)
        bare = not any(t.entity_like and (t.named or t.country not in {a.country for a in actors}) for t in targets)
        bare = bare or (sided and not any(t.named or t.country for t in targets))  # "withdraw border troops"
        if (
            (bare or swapped)
            and len(actors) > 1
            and (sided or swapped or (mutual and (cand.extent is None or cand.type in _EXTENDED)))
        ):
            # "Turkey and Libya agreed": each with the other (the dyadic convention of event data);
            # "X and his counterparts met": each counterpart with X, the one named first; mode multilateral
            pairs = [(a, actors[0]) for a in actors[1:]]
            if len(actors) == 2:
                pairs.insert(0, (actors[0], actors[1]))
            elif cand.mode is None and "multilateral" in ptype.modes:
                cand.mode = "multilateral"
        if not targets and (located := located_side(cand, ctx)):
            targets = [located]  # "an attack on oil facilities in Saudi Arabia"
        actors = actors or deployed_forces(cand, ctx)  # "peacekeepers were deployed": their side deploys them
        if not actors and targets:
            unknown = unknown_attacker(cand, ctx, memory)  # "was shot", "bombs struck the cathedral"
            home = ctx.dominant
            if unknown is not None and unknown.unknown and (hit := memory.attacker_of(targets[0], sent_no)):
                # casualties of fighting just told, its attacker unnamed here: the other country's side
                unknown = replace(hit, start=unknown.start, end=unknown.end, head=-1, remembered=True)
            elif unknown is not None and unknown.unknown and home and any(t.country == home for t in targets):
                # an attack on the people of a story about one country, its attacker unnamed here: of that
                # country (the attacker the story names elsewhere is one of its people far more often)
                unknown = replace(unknown, country=ctx.dominant, inferred=True)
            actors = [unknown] if unknown is not None else []
        if not actors:
            if cand.nominal and targets and cand.modality.is_fact:
                told.append((cand.type, None, targets[0]))  # "rocket attacks on the embassy": actor told later
            continue
        implied = actors[0].head < 0 and actors[0].name is None and not actors[0].remembered  # "were released"
        if cand.mode == "release" and implied and _anaphor(targets, ctx) and (last := memory.last_held(sent_no)):
            # "Police detained two activists. They were released": the people held, freed by their captor
            targets = [replace(last[1], head=-1, remembered=True)]
            actors = [replace(last[0], start=actors[0].start, end=actors[0].end, head=-1, remembered=True)]
        elif cand.mode == "release" and implied and targets and (held := memory.captor(targets[0])):
            # freed by whoever held them: the side the document told detaining their group or country
            actors = [replace(held, start=actors[0].start, end=actors[0].end, head=-1, remembered=True)]
        intended = intended_type(cand) or refused_type(cand)  # "will withdraw": AGREE; "will not talk": REJECT
        if intended == "THREATEN" and not any(t.entity_like for t in targets) and conditional_threat(cand):
            targets = condition_side(cand, ctx)  # "... unless the army withdrew": aimed at the army
        if not any(t.country for t in targets) and (aimed := threatened_side(cand, ctx)):
            targets = aimed  # "threatened tariffs on Canada": at Canada
        if intended is not None:
            cand.type, cand.mode, cand.modality = intended, cand.mode if intended == cand.type else None, FACT
            ptype = plover_types()[cand.type]
        if all(t.country in (None, actors[0].country) for t in targets) and (
            named := threatened_named(cand, actors[0], ctx)
        ):
            targets = named  # "warned that Jordan would review its ties with Israel": at Israel, not at itself
        if question:
            cand.modality = replace(cand.modality, hypothetical=True, cue="?")
        targets = [own_government(answered_target(t, actors[0], ctx, memory), actors[0], ctx) for t in targets]
        if cand.type == "REQUEST" and asks_release(cand.clause) and (held := memory.holder(actors[0], targets)):
            targets = [replace(held, start=actors[0].start, end=actors[0].end, head=-1, remembered=True)]
        targets = mediated_sides(cand, actors[0], targets, ctx) or both_sides(actors[0], targets, ctx, memory, sent_no)
        targets = targets or asked_of_both(cand, actors[0], ctx)  # "urged restraint by both sides"
        targets = expelled_side(cand, actors[0], targets, memory)  # "were declared persona non grata"
        if targets and not any(t.entity_like for t in targets) and cand.type != "REQUEST":
            # "Rwanda rejected the accusation" in a story about Rwanda and Congo: Congo (what is asked is of someone)
            targets = [aimed] if (aimed := other_side(cand, actors[0], ctx)) else targets
        if not targets and cand.modality.is_fact:
            filled = _remembered_target(cand, actors[0], memory, sent_no) or place_target(cand, actors[0])
            filled = filled or other_side(cand, actors[0], ctx)  # the story's other country
            filled = filled or helped_side(cand, actors[0], ctx)  # "stood ready to help the Lebanese army"
            targets = [filled] if filled is not None else []
        if not targets:  # "declared a state of emergency": on its own people; condolences: to the bereaved
            public = public_target(cand, actors[0]) or bereaved_target(cand, actors[0], ctx.dominant)
            targets = [public] if public is not None else []
        if not targets and (found := text_target(cand)) is not None:
            found = answered_target(found, actors[0], ctx, memory)  # "rejected the criticism": who criticised
            if found.country is None and ctx.dominant and actors[0].country in (None, ctx.dominant):
                # "pleaded not guilty to the charges": the story's country's (not a foreign actor's object)
                found = replace(found, country=ctx.dominant, inferred=True)
            targets = story_thing(cand, actors[0], [found], ctx)  # "Italy praised the interceptions": Tunisia's
        if not any(t.entity_like for t in targets) and not cand.nominal and cand.mode == "disapprove":
            # "expressed serious concern and urged China to refrain": the concern is China's doing
            shared = [c.i for c in cand.clause.conjuncts if c.i in acted_on and c.i > cand.clause.i]
            targets = [t for i in shared for t in acted_on[i] if t.country is not None] or targets
        if cand.type == "REQUEST" and targets and all(_electorate(t, ctx) for t in targets):
            continue  # "urged voters to vote their conscience": campaigning, not a request to a side
        denied = _fact_denied(cand) if cand.type == "REJECT" else None
        if denied == "hearsay" or (denied == "clause" and not memory.accused(actors[0])):
            continue  # "denied that its aircraft had strayed", no charge told, "denied reports": a statement (016)
        if cand.type == "ACCUSE" and targets and all(_hazard(t) for t in targets):
            continue  # "blamed the flooding on record rainfall": a natural cause, no side accused
        if cand.type == "THREATEN" and targets and all(advised(t, ctx.doc) for t in targets):
            continue  # "warned residents to stay indoors": advice to the public, no threat to a side
        stance = cand.type == "SUPPORT" or (cand.type == "ACCUSE" and cand.trigger[-1].lemma_.lower() in _OPPOSING)
        if stance and targets and all(generic_issue(t, ctx.doc) for t in targets):
            continue  # "supports LGBT rights", "opposes abortion": a stance on an issue, no act toward a side
        if (
            ptype.needs_target
            and not targets
            and not pairs
            and not (cand.type == "CONSULT" and cand.mode != "visit" and _plural(actors[0], ctx))
        ):
            continue
        if (
            cand.cameo is not None
            and not pairs
            and not any(t.entity_like for t in targets)
            and (cand.type not in _ONE_SIDED)
        ):
            continue  # a compiled pattern codes a dyad (CAMEO's source and target), or an act of one side
        if cand.type == "CONSULT" and cand.mode is None and visit:
            cand.mode = "visit"
        date = anchored.get(cand.clause.i)
        if date is None:
            for i in ancestors(cand.clause):
                if i in anchored and i not in clauses:
                    date = anchored[i]
                    break
        place = places.get(cand.clause.i)
        if not pairs and mutual and lemma in ("exchange", "trade") and len(actors) == 1:  # "traded fire with Y"
            pairs = [p for t in targets if t.entity_like for p in ((actors[0], t), (t, actors[0]))]
        split = _conjoined(targets, ctx) if cand.type == "REQUEST" else set()  # "urged the army and the rebels"
        for actor, target in pairs or [(a, t) for a in actors for t in targets or [None]]:
            keep, actor, target = complete_pair(cand, actor, target, destination, ctx)
            if keep:
                out.append(event := _event(cand, actor, target, sent, doc_id, date, place))
                if target is not None and target.head in split:
                    apart.add(id(event))
                if cand.modality.is_fact:
                    told.append((cand.type, actor, target))
    for type_, actor, target in told:
        memory.tell(type_, actor, target, sent_no)
    return out


def _protest_of(cand: Candidate, cands: list[Candidate]) -> Candidate | None:
    """The protest a demand is told as the aim of ("rallied outside the embassy, demanding compensation")."""
    clause = cand.clause
    if cand.type != "REQUEST" or cand.nominal or clause.tag_ != "VBG" or clause.dep_ not in ("advcl", "acl", "xcomp"):
        return None
    head = clause.head
    return next((c for c in cands if c.type == "PROTEST" and head.i in (c.clause.i, *(t.i for t in c.trigger))), None)


def _told_pair(told: list[tuple[str, Actor | None, Actor | None]], last: list[Actor]) -> tuple[str, str] | None:
    """The countries of the two sides of the latest act of this sentence, or else of the last one told."""
    for sides in [[a, t] for _, a, t in reversed(told)] + [last]:
        codes = [side.country for side in sides if side is not None and side.country]
        if len(codes) == 2 and codes[0] != codes[1]:
            return codes[0], codes[1]
    return None


def _person(actor: Actor, ctx: DocContext) -> bool:
    """A person named, or speaking of themselves ("I was ready to talk"), not a side."""
    return actor.head >= 0 and (ctx.is_person(head := ctx.doc[actor.head]) or head.lower_ == "i")


def _anaphor(targets: list[Actor], ctx: DocContext) -> bool:
    """No target, or a single one told by a pronoun or "both", "all" ("They were released", "Both were freed")."""
    if not targets:
        return True
    return len(targets) == 1 and targets[0].head >= 0 and ctx.doc[targets[0].head].pos_ in ("PRON", "DET")


_HEARSAY = frozenset({"report", "rumour", "rumor", "speculation", "suggestion", "claim", "allegation"})
# Denying these is denying responsibility (CAMEO 016), a statement, unless the story told the charge
_BLAME = frozenset({"wrongdoing"})


def _fact_denied(cand: Candidate) -> str | None:
    """What a denial denies when it is a statement, not a refusal: "clause", a that-clause with no object of its
    own ("denied that the officers had fired"); "hearsay", reports owned by no one the text names ("denied
    reports that police had fired") or wrongdoing ("denied any wrongdoing"); None otherwise."""
    clause = cand.clause
    if cand.trigger[0].lemma_.lower() != "deny":
        return None
    objs = [c for c in clause.children if c.dep_ == "dobj"]
    told = any(c.dep_ == "ccomp" for c in clause.children)  # "denied reports that ...", the clause on the verb
    if not objs:
        return "clause" if told else None
    for o in objs:
        if any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "by") for c in o.children) or any(
            c.dep_ == "compound" and (c.pos_ == "PROPN" or sector_of(c.lemma_.lower())) for c in o.children
        ):
            return None  # "denied Kyiv's claims", "allegations by the party", "government claims": a charge answered
        lemma = o.lemma_.lower()
        if lemma not in _BLAME and not (
            lemma in _HEARSAY and (told or any(c.dep_ in ("acl", "ccomp") for c in o.children))
        ):
            return None
    return "hearsay"


def _hazard(actor: Actor) -> bool:
    """A typhoon, an earthquake or a virus as the doer ("Typhoon Haiyan, which killed 6,000 people")."""
    words = actor.text.lower().split()
    return bool(words) and (is_hazard(words[-1]) or (actor.named and is_hazard(words[0])))


def _stray_weapon(actor: Actor, ctx: DocContext) -> bool:
    """Rockets or drones of no country ("Rockets hit two army bases"): who fired them is unidentified."""
    return actor.country is None and actor.head >= 0 and is_weapon(ctx.doc[actor.head])


_OPPOSING = frozenset({"oppose", "opposition", "object", "objection"})  # disapproval that is a stance on an issue


def _electorate(target: Actor, ctx: DocContext) -> bool:
    """The voters a candidate appeals to (no side of the codebook's dyads)."""
    return target.head >= 0 and not target.named and ctx.doc[target.head].lemma_.lower() in ("voter", "electorate")


def _asks(sent: Span) -> bool:
    """A sentence that is a question: it ends with a question mark (before closing quotes or brackets)."""
    return sent.text.rstrip().rstrip("\"'\u201d\u2019)]").endswith("?")


def _remembered_target(cand: Candidate, actor: Actor, memory: EventMemory, sent_no: int) -> Actor | None:
    """A target the document gave before: the one of the untold attack a definite noun takes up ("the
    rocket strikes were carried out by X"), the same actor's earlier one, for a denial or a refusal the
    accuser, or, for a response, the actor of what the responders suffered."""
    trigger = cand.trigger[-1]
    found = memory.untold_target(cand.type) if cand.nominal and is_definite(trigger) else None
    if found is None and cand.type in _CONTINUED:
        found = memory.continued_target(cand.type, actor)
    if found is None and cand.type == "REJECT":  # "denied that its troops had committed abuses": the accuser
        found = memory.accuser(actor, sent_no)
    if found is None and cand.type in _RESPONSE:
        found = memory.answered(actor, sent_no, _RESPONDS_TO)
    if found is None and cand.type == "THREATEN" and trigger.lemma_ in _RETALIATE:
        found = memory.answered(actor, sent_no, _PROVOCATIONS, promised=True)
    return (
        None
        if found is None
        else replace(found, start=trigger.idx, end=trigger.idx + len(trigger), head=-1, remembered=True)
    )


_SAID = frozenset({"ACCUSE", "SUPPORT", "REJECT", "REQUEST"})
_PUBLIC = frozenset({"people", "person", "user", "fan", "viewer", "netizen", "commenter", "someone", "many", "some"})


def _public(actor: Actor, ctx: DocContext) -> bool:
    """The public at large as a speaker ("some people", "many users"): no side of the codebook's dyads."""
    return not actor.named and actor.head >= 0 and ctx.doc[actor.head].lemma_.lower() in _PUBLIC


def _told_as_dispersal(cand: Candidate, dispersals: set[int]) -> bool:
    """Crowd-control weapons used for a dispersal the clause tells as its purpose ("fired tear gas to disperse the
    crowd", "used water cannon to clear the barricades"): one act, the dispersal (COERCE), as annotators code it."""
    purposes = (c.i for c in cand.clause.children if c.dep_ in ("advcl", "xcomp"))
    return cand.type == "ASSAULT" and cand.mode == "crowd-control" and any(i in dispersals for i in purposes)


def _conjoined(targets: list[Actor], ctx: DocContext) -> set[int]:
    """The heads of the targets joined by "and" to another of them ("the army and the rebels")."""
    heads = {t.head for t in targets if t.head >= 0}
    return {h for h in heads if any(c.i in heads for c in ctx.doc[h].conjuncts)}


def _plural(actor: Actor, ctx: DocContext) -> bool:
    """A group that can meet among itself ("leaders of AU member states met in Niamey")."""
    return actor.head >= 0 and ctx.doc[actor.head].tag_ in ("NNS", "NNPS")


def extract_events(
    doc: Doc,
    doc_id: str,
    *,
    published: str | None = None,
    resolver: ActorResolver | None = None,
    dates: Sequence[DateFact] = (),
) -> list[Event]:
    """PLOVER events of one parsed document, each with its evidence.

    ``resolver`` (the mentions extractor's ``MentionSet``) gives persons and organisations
    their country; ``dates`` (the dates extractor's output) give an event the date written in
    its clause. ``published`` dates the office-holder look-ups (a person the text gives no
    country is looked up in the dated office-holder table as of that day); an event whose
    clause names no date keeps ``date=None`` rather than the publication date.
    """
    if len(doc) == 0 or not doc.has_annotation("DEP"):
        return []
    ctx = DocContext(doc, resolver, published)
    roots = date_roots(doc, dates, doc[-1].idx + len(doc[-1].text_with_ws))
    memory = EventMemory()
    events: list[Event] = []
    apart: set[int] = set()
    for n, sent in enumerate(ctx.sents):
        check()  # the document's time budget (newsgraph.core.budget)
        events.extend(_sentence_events(sent, ctx, doc_id, roots, memory, n, apart))
        ctx.note_sentence(sent)
    return deduplicated(superseded_dropped(events), apart)
