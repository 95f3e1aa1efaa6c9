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
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from newsgraph.core.model import DateFact, Event, Evidence
from newsgraph.extract.events.actors import (
    Actor,
    ActorResolver,
    DocContext,
    ent_of,
    located,
    np_countries,
    np_span,
    pobjs,
    subjects,
    token_country,
)
from newsgraph.extract.events.arguments import (
    ancestors,
    anchor,
    clause_of,
    date_roots,
    fallback_heads,
    light_verb,
    needs_ok,
    noun_pattern,
    objects,
    own_actor_heads,
    preps,
    slot_heads,
)
from newsgraph.extract.events.memory import EventMemory, is_definite
from newsgraph.extract.events.modality import Modality, clause_modality
from newsgraph.lexicon.events import anaphor_types, is_place_noun, plover_types, sector_of, verb_patterns

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["ActorResolver", "extract_events"]

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_VISIT_WORDS = frozenset({"visit", "trip", "tour"})
_MUTUAL = frozenset({"AGREE", "CONSULT", "COOPERATE"})
_TARGET_LOC = frozenset({"in", "at", "to", "into"})
_POINTING = frozenset({"it", "this", "that"})
_WHEN = frozenset({"DATE", "TIME"})
# Types whose missing target the memory may fill: the same actor's earlier target (continuation)
# and, for force, the actor of what the responders suffered (response).
_CONTINUED = frozenset({"ASSAULT", "MOBILIZE", "RETREAT", "SANCTION", "COERCE"})
_RESPONSE = frozenset({"ASSAULT", "COERCE"})
_RESPONDS_TO = ("ASSAULT", "COERCE")


@dataclass(slots=True)
class _Cand:
    type: str
    mode: str | None
    trigger: list[Token]
    clause: Token
    actors: list[Actor]
    targets: list[Actor]
    modality: Modality
    nominal: bool = False
    extent: tuple[int, int] | None = None  # char span of the logical object, for the evidence


# ---- targets -------------------------------------------------------------------------------
def _is_event_noun(tok: Token) -> bool:
    return tok.pos_ in ("NOUN", "PROPN") and (noun_pattern(tok) is not None or bool(anaphor_types(tok.lemma_)))


def _pointed(tok: Token) -> Token | None:
    """The event noun "it" points at earlier in its sentence ("condemned the attack, calling it X")."""
    if tok.lower_ not in _POINTING or tok.pos_ != "PRON":
        return None
    for t in reversed(tok.doc[max(0, tok.i - 40) : tok.i]):
        if _is_event_noun(t) and t.dep_ != "compound":
            return t
        if t.is_sent_start:
            break
    return None


def _doers(head: Token, ctx: DocContext, memory: EventMemory, depth: int = 0) -> list[Actor]:
    """Who is behind an event noun: its own actor ("Russia's invasion"), else the doer of the event it
    refers back to ("the attack"), else, for an event about an event ("an investigation into the
    shooting"), the doer of that one."""
    own = own_actor_heads(head)
    if own:
        return [a for h in own for a in ctx.actors(h)]
    doer = memory.doer(head)
    if doer is not None:
        return [doer]
    pat = noun_pattern(head)
    if pat is not None and depth == 0:
        for word in pat.target:
            for obj in (o for c in head.children if c.dep_ == "prep" and c.lower_ == word for o in pobjs(c)):
                if _is_event_noun(obj):
                    found = _doers(obj, ctx, memory, depth + 1)
                    if found:
                        return found
    return []


def _head_actors(heads: list[Token], ctx: DocContext, memory: EventMemory, *, pointing: bool = False) -> list[Actor]:
    out: list[Actor] = []
    for h in heads:
        event = (_pointed(h) if pointing else None) or (h if _is_event_noun(h) else None)
        if event is not None:
            out.extend(_doers(event, ctx, memory))
        elif len(heads) == 1:
            out.extend(ctx.actors(h))
        else:
            out.append(ctx.actor(h))
    return out


def _behind(heads: list[Token], ctx: DocContext, memory: EventMemory) -> list[Actor]:
    """Who is behind objects that are no actors: "the government's decision", "the conclusions of the
    summit" (who met), "the memoranda of understanding between X and Y" (two levels down)."""
    for _ in range(2):
        found: list[Actor] = []
        deeper: list[Token] = []
        for f in (f for h in heads for f in fallback_heads(h)):
            if _is_event_noun(f):
                found.extend(_doers(f, ctx, memory))
            else:
                found.extend([ctx.actor(f)] if f.head.lower_ == "between" else ctx.actors(f))
                deeper.append(f)
        if any(a.entity_like for a in found):
            return [a for a in found if a.entity_like]
        heads = deeper
    return []


def _targets(slots: Sequence[str], tok: Token, clause: Token, ctx: DocContext, memory: EventMemory, *,
             pointing: bool = False, consult: bool = False) -> list[Actor]:
    """Targets from the pattern's slots; behind an object that is no actor, whoever it belongs to ("the
    government's decision"), except for consultations ("hosted Trump's town hall" meets nobody)."""
    first: list[Actor] = []
    for slot in slots:
        heads = slot_heads(slot, tok, clause)
        if not heads:
            continue
        # "condemned Russia's invasion of Ukraine", "condemned the attack": the target is who attacked
        actors = _head_actors(heads, ctx, memory, pointing=pointing)
        if any(a.entity_like for a in actors):
            return [a for a in actors if a.entity_like]
        if slot in ("obj", "near") and not consult and not any(_is_event_noun(h) for h in heads):
            behind = _behind(heads, ctx, memory)
            if behind:
                return behind
        first = first or actors
    return first


def _implicit(noun: str, tok: Token, targets: list[Actor], ctx: DocContext) -> Actor:
    """The unnamed agent of a passive ("71 people were arrested": the police of that place)."""
    hit = sector_of(noun)
    country = next((t.country for t in targets if t.country), None) or ctx.location_country(tok) or ctx.dominant
    return Actor(noun, None, country, hit.sector if hit else None, tok.idx, tok.idx + len(tok), -1,
                 agentive=True)


def _actor_list(heads: list[Token], ctx: DocContext) -> list[Actor]:
    if len(heads) == 1:
        return ctx.actors(heads[0])
    return [a for h in heads for a in ctx.actors(h)]


# ---- triggers ----------------------------------------------------------------------------
def _verb_cand(tok: Token, ctx: DocContext, memory: EventMemory) -> _Cand | None:
    pats = verb_patterns().get(tok.lemma_.lower())
    if not pats or tok.dep_ == "amod":
        return None
    for pat in pats:
        if (pat.pos == "ADJ") != (tok.pos_ == "ADJ") or (pat.pos != "ADJ" and tok.pos_ != "VERB"):
            continue
        clause = clause_of(tok, pat.pos)
        if not needs_ok(pat, clause):
            continue
        actors = _actor_list(subjects(clause), ctx)
        # a characterization ("condemned the attack, calling it a crime") may point at its event with "it"
        targets = _targets(pat.target, tok, clause, ctx, memory, pointing=any(n.kind == "eval" for n in pat.needs),
                           consult=pat.type == "CONSULT")
        if not actors:
            for slot in pat.actor:
                actors = _actor_list(slot_heads(slot, tok, clause), ctx)
                if not actors and slot.startswith("default:"):
                    actors = [_implicit(slot.partition(":")[2], tok, targets, ctx)]
                if actors:
                    break
        default = next((s.partition(":")[2] for s in pat.target if s.startswith("default:")), None)
        if default and actors and not any(t.entity_like for t in targets):
            hit = sector_of(default)  # "the government dropped the measures": for its own people
            targets = [Actor(default, None, actors[0].country, hit.sector if hit else None, tok.idx,
                             tok.idx + len(tok), -1, agentive=True)]
        trigger = [tok, *(c for c in tok.children if c.dep_ == "prt")]
        objs = objects(clause)
        extent = None
        if objs:
            lo, hi = np_span(objs[0])
            extent = (tok.doc[lo].idx, tok.doc[hi - 1].idx + len(tok.doc[hi - 1]))
        return _Cand(pat.type, pat.mode, trigger, clause, actors, targets, clause_modality(tok), extent=extent)
    return None


def _noun_cand(tok: Token, ctx: DocContext, memory: EventMemory) -> _Cand | None:
    pat = noun_pattern(tok)
    if pat is None:
        return None
    light = light_verb(tok, hosted=pat.type == "CONSULT")
    if light is not None:
        actors = _actor_list(subjects(light), ctx)
        modality = clause_modality(light)
        if modality.is_fact and not clause_modality(tok, nominal=True).is_fact:
            modality = clause_modality(tok, nominal=True)  # "no talks were held", "made no attempt"
        clause = light
    elif pat.standalone or pat.implicit:
        actors = _actor_list(own_actor_heads(tok), ctx)
        modality = clause_modality(tok, nominal=True)
        clause = tok
    else:
        return None
    targets: list[Actor] = []
    for word in pat.target:
        heads = [o for c in tok.children if c.dep_ == "prep" and c.lower_ == word for o in pobjs(c)]
        if not heads and light is not None:
            heads = [o for p in preps(light, word) for o in pobjs(p)]
        heads = [h for h in heads if h.ent_type_ not in _WHEN]  # "an offensive on Wednesday"
        if heads:
            found = _head_actors(heads, ctx, memory)
            targets = targets or found
            if any(a.entity_like for a in found):
                targets = found
                break
    if light is None and pat.implicit and not actors and _new_mention(tok):
        # "protests in Hong Kong"; "the protests" only points back at them
        actors = _implicit_group(pat.implicit, tok, ctx)
        if actors and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and modality.is_fact:
            modality = clause_modality(tok.head)  # "protests are not reported in Mosul"
    trigger = [light, tok] if light is not None and light.i < tok.i else [tok]
    return _Cand(pat.type, pat.mode, trigger, clause, actors, targets, modality, nominal=True)


def _new_mention(tok: Token) -> bool:
    """A nominal event told as news: not a compound ("protest vote"), not definite ("the protests": told
    before), not a label ("referred to the protests as riots")."""
    if tok.dep_ == "compound" or is_definite(tok):
        return False
    return not (tok.dep_ == "pobj" and tok.head.lower_ == "as")


def _implicit_group(noun: str, tok: Token, ctx: DocContext) -> list[Actor]:
    """The unnamed actors of a nominal event ("protests in Hong Kong": protesters there), when a place is known."""
    hit = sector_of(noun)
    found = np_countries(tok, locative=True) or located(tok)
    country = found[0] if found else ctx.location_country(tok) or ctx.dominant
    if country is None:
        return []
    return [Actor(noun, None, country, hit.sector if hit else None, tok.idx, tok.idx + len(tok), -1,
                  agentive=True, inferred=True)]


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


def _event(cand: _Cand, actor: Actor, target: Actor | None, sent: Span, doc_id: str,
                 date: str | None, place: str | None) -> Event:
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
    ev = Evidence(doc=doc_id, sentence=sent.text.strip(), start=min(starts), end=max(ends))
    return Event(
        type=cand.type,
        evidence=ev,
        mode=cand.mode,
        actor=actor.label,
        actor_country=actor.country,
        actor_sector=actor.sector,
        target=target.label if target else None,
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


def _sentence_events(sent: Span, ctx: DocContext, doc_id: str, dates: list[tuple[Token, DateFact]],
                     memory: EventMemory, sent_no: int) -> list[Event]:
    cands: list[_Cand] = []
    for tok in sent:
        if tok.pos_ in ("VERB", "ADJ"):
            cand = _verb_cand(tok, ctx, memory)
        elif tok.pos_ in ("NOUN", "PROPN"):
            cand = _noun_cand(tok, ctx, memory)
        else:
            continue
        if cand is not None:
            cands.append(cand)
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
    verbal = {c.trigger[0].i for c in cands if not c.nominal}
    told: list[tuple[str, Actor | None, Actor | None]] = []
    for cand in cands:
        if cand.nominal and cand.clause.i in verbal:
            continue  # "killed X in an airstrike": the airstrike is the manner of the verb's event
        ptype = plover_types()[cand.type]
        actors = [a for a in cand.actors if a.agentive and a.sector not in ptype.drop_actor_sectors]
        targets = _entity_targets(cand, ctx)
        targets = [t for t in targets if t.sector not in ptype.drop_target_sectors]
        if not targets and len(actors) > 1 and cand.type in _MUTUAL and cand.extent is None:
            # "Turkey and Libya agreed": one event, the first named as actor; more parties: one multilateral event
            targets = actors[1:2]
            if len(actors) > 2 and cand.mode is None and "multilateral" in ptype.modes:
                cand.mode = "multilateral"
            actors = actors[:1]
        if not actors:
            if cand.nominal and targets and cand.modality.is_fact:
                told.append((cand.type, None, targets[0]))  # "rocket attacks on the embassy": actor told later
            continue
        if not targets and cand.modality.is_fact:
            filled = _remembered_target(cand, actors[0], memory, sent_no)
            targets = [filled] if filled is not None else []
        if ptype.needs_target and not targets and not (
            cand.type == "CONSULT" and cand.mode != "visit" and _plural(actors[0], ctx)
        ):
            continue
        if cand.type == "CONSULT" and cand.mode is None and visit:
            cand.mode = "visit"
        date = anchored.get(cand.clause.i)
        if date is None:
            for i in ancestors(cand.clause):
                if i in anchored and i not in clauses:
                    date = anchored[i]
                    break
        place = places.get(cand.clause.i)
        for actor in actors:
            for target in targets or [None]:
                keep, target = _complete(cand, actor, target, destination)
                if keep:
                    out.append(_event(cand, actor, target, sent, doc_id, date, place))
                    if cand.modality.is_fact:
                        told.append((cand.type, actor, target))
    for type_, actor, target in told:
        memory.tell(type_, actor, target, sent_no)
    return out


def _entity_targets(cand: _Cand, ctx: DocContext) -> list[Actor]:
    """The candidate's targets that can be acted on, countries filled from their place ("flights to Cuba",
    "withdrew from the region")."""
    for t in cand.targets:
        if t.country is None and t.head >= 0 and not t.named:
            head = ctx.doc[t.head]
            found = np_countries(head, locative=True, loc_preps=_TARGET_LOC)
            t.country = found[0] if found else None
            if t.country is None and is_place_noun(head.lemma_):
                t.country = ctx.location_country(head)
    out = [t for t in cand.targets if t.entity_like]
    if cand.mode == "visit":  # "visiting the town of Pandeglang": a place, not a host
        out = [t for t in out if t.country is not None or t.head < 0 or not _place(ctx.doc[t.head])]
    return out


def _place(tok: Token) -> bool:
    """A place, not an actor: a place name, "the region", or the name in "the town of X"."""
    if tok.ent_type_ in _PLACE_LABELS or is_place_noun(tok.lemma_):
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and is_place_noun(tok.head.head.lemma_)


def _remembered_target(cand: _Cand, actor: Actor, memory: EventMemory, sent_no: int) -> Actor | None:
    """A target the document gave before: the one of the untold attack a definite noun takes up ("the
    rocket strikes were carried out by X"), the same actor's earlier one, or, for a response, the actor
    of what the responders suffered."""
    trigger = cand.trigger[-1]
    if cand.nominal and is_definite(trigger):
        found = memory.untold_target(cand.type)
        if found is not None:
            return replace(found, start=trigger.idx, end=trigger.idx + len(trigger), head=-1, remembered=True)
    if cand.type in _CONTINUED:
        found = memory.continued_target(cand.type, actor)
        if found is not None:
            return replace(found, start=trigger.idx, end=trigger.idx + len(trigger), head=-1, remembered=True)
    if cand.type in _RESPONSE:
        found = memory.answered(actor, sent_no, _RESPONDS_TO)
        if found is not None:
            return replace(found, start=trigger.idx, end=trigger.idx + len(trigger), head=-1, remembered=True)
    return None


def _complete(cand: _Cand, actor: Actor, target: Actor | None, destination: str | None) -> tuple[bool, Actor | None]:
    """Fill what the sentence implies about one actor-target pair; False when the pair is no event."""
    if not _political(actor) and (target is None or not _political(target)):
        return False, None  # "Emily met two officers at a pub": nobody the event data is about
    if target is not None:
        same = (actor.head >= 0 and target.head == actor.head) or target.label == actor.label
        if same and target.country == actor.country:  # "the ministers of Chile and Peru met": two countries
            return False, None
        if target.remembered and target.country == actor.country and target.sector == actor.sector:
            return False, None  # "Turkey's ministry called the agreements legitimate": its own deal
        if target.country is None and cand.mode == "visit" and destination and destination != actor.country:
            target.country = destination  # met X during a visit to Y: X is Y's
        if actor.country is None and target.envoy_host:
            actor.country = target.envoy_host  # "the ambassador to Berlin was summoned": Germany summoned
        if target.country is None and actor.sector in ("POL", "JUD") and target.sector in ("CVL", "OPP", "MED"):
            target.country = actor.country  # police arrest people of their own country
    elif cand.type == "PROTEST":
        # a protest with no named target is against the protesters' own government
        target = Actor("government", None, actor.country, "GOV", actor.start, actor.end, -1)
    return True, target


def _political(actor: Actor) -> bool:
    """An actor event data is about: one with a country or a sector (a state, a group, an organisation)."""
    return actor.country is not None or actor.sector is not None


def _plural(actor: Actor, ctx: DocContext) -> bool:
    """A group that can meet among itself ("leaders of AU member states met in Niamey")."""
    return actor.head >= 0 and ctx.doc[actor.head].tag_ in ("NNS", "NNPS")


def _dedupe(events: list[Event]) -> list[Event]:
    """One event per sentence, type, actor and target; a targetless one goes when the same actor's event of
    that type in the sentence has a target ("clashed with the police and threw rocks")."""
    aimed = {(ev.evidence.sentence, ev.evidence.doc, ev.type, ev.actor_country or ev.actor, ev.negated,
              ev.hypothetical) for ev in events if ev.target is not None}
    seen: set[tuple[object, ...]] = set()
    out: list[Event] = []
    for ev in events:
        if ev.target is None and (ev.evidence.sentence, ev.evidence.doc, ev.type, ev.actor_country or ev.actor,
                                  ev.negated, ev.hypothetical) in aimed:
            continue
        key = (ev.evidence.sentence, ev.evidence.doc, ev.type, ev.actor_country or ev.actor,
               ev.target_country or ev.target, ev.negated, ev.hypothetical)
        if key in seen:
            continue
        seen.add(key)
        out.append(ev)
    return out


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
    its clause. ``published`` is accepted for symmetry with the other extractors: an event
    whose clause names no date keeps ``date=None`` rather than the publication date.
    """
    del published  # dates come resolved from the dates extractor
    if len(doc) == 0 or not doc.has_annotation("DEP"):
        return []
    ctx = DocContext(doc, resolver)
    roots = date_roots(doc, dates, doc[-1].idx + len(doc[-1].text_with_ws))
    memory = EventMemory()
    events: list[Event] = []
    for n, sent in enumerate(ctx.sents):
        events.extend(_sentence_events(sent, ctx, doc_id, roots, memory, n))
        ctx.note_sentence(sent)
    return _dedupe(events)
