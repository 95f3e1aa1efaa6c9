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

Each event gets one actor and one target; coordinated actors or targets with different
countries give one event each ("Kyrgyzstan and Turkmenistan"). Events without an actor,
or without the target their type needs (``plover.tsv``), are not coded. Negated,
hypothetical, denied, intended or alleged clauses keep their event with ``negated`` /
``hypothetical`` set (``extract/modality.py``): they never count as facts.

Decisions: a summoned ambassador is ACCUSE (mode disapprove), the formal complaint the
summons expresses (CAMEO 11), not SANCTION; "made a statement" is no event (PLOVER has no
"make statement" type; statements are stance data, ``extract/stances.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsgraph.extract.event_patterns import (
    Actor,
    ActorResolver,
    DocContext,
    conjuncts,
    ent_of,
    is_passive,
    np_countries,
    np_span,
    pobjs,
    subjects,
    token_country,
)
from newsgraph.extract.modality import Modality, clause_modality
from newsgraph.lexicon.events import (
    NounPattern,
    VerbPattern,
    light_verbs,
    noun_patterns,
    plover_types,
    sector_of,
    verb_patterns,
)
from newsgraph.model import DateFact, Event, Evidence

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["ActorResolver", "extract_events"]

_PREP_DEPS = frozenset({"prep", "mark", "dative", "agent", "prt"})
_CLAUSAL = frozenset({"xcomp", "advcl", "ccomp"})
_SMALL_CLAUSE = frozenset({"ccomp", "oprd", "acomp", "xcomp"})
_COND = frozenset({"if", "unless"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_VISIT_WORDS = frozenset({"visit", "trip", "tour"})
_HOST_PREPS = frozenset({"in", "during"})
_NEAR = frozenset({"at", "outside", "around", "near"})
_MUTUAL = frozenset({"AGREE", "CONSULT", "COOPERATE"})
_TARGET_LOC = frozenset({"in", "at", "to", "into"})


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


# ---- parse helpers ---------------------------------------------------------------------
def _preps(v: Token, word: str, *, objects: bool = True) -> list[Token]:
    """Prepositions ``word`` on the verb, complementisers ``word`` of its clausal complements
    ("called for X to adhere") and, with ``objects``, prepositions on its object ("suspended talks with X")."""
    out = [c for c in v.children if c.lower_ == word and c.dep_ in _PREP_DEPS]
    for c in v.children:
        if c.dep_ in _CLAUSAL:
            out.extend(m for m in c.children if m.lower_ == word and m.dep_ == "mark")
        elif objects and c.dep_ in ("dobj", "acomp", "oprd"):
            out.extend(m for m in c.children if m.lower_ == word and m.dep_ == "prep")
    return out


def _within(tok: Token, depth: int) -> list[Token]:
    out: list[Token] = []
    level = [tok]
    for _ in range(depth):
        level = [c for t in level for c in t.children]
        out.extend(level)
    return out


def _objects(v: Token) -> list[Token]:
    """Logical objects: direct object, passive subject, subject of a small clause."""
    if is_passive(v):
        objs = [c for c in v.children if c.dep_ == "nsubjpass"]
        if not objs and v.dep_ == "xcomp":  # "is said to be supported by X"
            objs = [c for c in v.head.children if c.dep_ in ("nsubjpass", "nsubj")]
        if not objs and v.dep_ == "acl":
            objs = [v.head]
        if not objs and v.dep_ in ("pcomp", "advcl"):  # "were injured after being attacked by X"
            gov = v.head.head if v.dep_ == "pcomp" else v.head
            objs = [c for c in gov.children if c.dep_ in ("nsubjpass", "nsubj")]
    else:
        objs = [c for c in v.children if c.dep_ == "dobj"]
        if not objs:
            for c in v.children:
                if c.dep_ in _SMALL_CLAUSE:
                    objs.extend(x for x in c.children if x.dep_ == "nsubj")
        if not objs:
            objs = [c for c in v.children if c.dep_ == "dative"]
    return [o for h in objs for o in conjuncts(h)]


def _if_clause(v: Token) -> Token | None:
    for c in v.children:
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _COND for m in c.children):
            return c
    return None


def _clause_of(tok: Token, pos: str) -> Token:
    if pos == "ADJ" and tok.dep_ in ("acomp", "attr", "oprd") and tok.head.i != tok.i:
        return tok.head
    return tok


def _needs_ok(pat: VerbPattern, clause: Token) -> bool:
    for need in pat.needs:
        if need.kind == "prt":
            ok = any(c.dep_ == "prt" and c.lower_ in need.words for c in clause.children)
        elif need.kind == "prep":
            ok = any(_preps(clause, w, objects=False) for w in need.words)
        elif need.kind == "word":
            ok = any(t.lemma_.lower() in need.words or t.lower_ in need.words for t in _within(clause, 3))
        elif need.kind == "obj":
            ok = any(o.lemma_.lower() in need.words or o.lower_ in need.words for o in _objects(clause))
        else:
            ok = _if_clause(clause) is not None
        if not ok:
            return False
    return True


# ---- argument slots --------------------------------------------------------------------
def _slot_heads(slot: str, tok: Token, clause: Token) -> list[Token]:
    kind, _, word = slot.partition(":")
    if kind == "default":
        return []
    if kind == "obj":
        return _objects(clause)
    if kind == "prep":
        found = [o for p in _preps(clause, word) for o in pobjs(p)]
        if not found and clause.dep_ in ("advcl", "xcomp"):  # "wrote to X asking to waive"
            found = [o for p in _preps(clause.head, word, objects=False) for o in pobjs(p)]
        return found
    if kind == "if":
        cond = _if_clause(clause)
        return [c for c in cond.children if c.dep_ in ("nsubj", "nsubjpass")] if cond is not None else []
    # near: a place preposition on the verb or the verb it depends on ("gathered outside X to protest")
    places = [clause] if clause.head.i == clause.i else [clause, clause.head]
    return [o for v in places for c in v.children if c.dep_ == "prep" and c.lower_ in _NEAR for o in pobjs(c)]


def _fallback_heads(head: Token) -> list[Token]:
    """Who is behind a non-actor object: "the government's decision", "the plan of X"."""
    out = [c for c in head.children if c.dep_ == "poss" and c.pos_ != "PRON"]
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "by"):
            out.extend(pobjs(c))
    return out


def _targets(slots: Sequence[str], tok: Token, clause: Token, ctx: DocContext) -> list[Actor]:
    first: list[Actor] = []
    for slot in slots:
        heads = _slot_heads(slot, tok, clause)
        if slot == "obj" and any(_noun_pattern(h) for h in heads):
            # "condemned Russia's invasion of Ukraine": the target is who invaded, not the invaded
            heads = [a for h in heads for a in (_own_actor_heads(h) if _noun_pattern(h) else [h])]
        if not heads:
            continue
        actors = [a for h in heads for a in ctx.actors(h)] if len(heads) == 1 else [ctx.actor(h) for h in heads]
        if any(a.entity_like for a in actors):
            return [a for a in actors if a.entity_like]
        if slot == "obj" or slot == "near":
            behind = [a for h in heads for f in _fallback_heads(h) for a in ctx.actors(f)]
            if any(a.entity_like for a in behind):
                return [a for a in behind if a.entity_like]
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
def _verb_cand(tok: Token, ctx: DocContext) -> _Cand | None:
    pats = verb_patterns().get(tok.lemma_.lower())
    if not pats or tok.dep_ == "amod":
        return None
    for pat in pats:
        if (pat.pos == "ADJ") != (tok.pos_ == "ADJ") or (pat.pos != "ADJ" and tok.pos_ != "VERB"):
            continue
        clause = _clause_of(tok, pat.pos)
        if not _needs_ok(pat, clause):
            continue
        actors = _actor_list(subjects(clause), ctx)
        targets = _targets(pat.target, tok, clause, ctx)
        if not actors:
            for slot in pat.actor:
                actors = _actor_list(_slot_heads(slot, tok, clause), ctx)
                if not actors and slot.startswith("default:"):
                    actors = [_implicit(slot.partition(":")[2], tok, targets, ctx)]
                if actors:
                    break
        trigger = [tok, *(c for c in tok.children if c.dep_ == "prt")]
        objs = _objects(clause)
        extent = None
        if objs:
            lo, hi = np_span(objs[0])
            extent = (tok.doc[lo].idx, tok.doc[hi - 1].idx + len(tok.doc[hi - 1]))
        return _Cand(pat.type, pat.mode, trigger, clause, actors, targets, clause_modality(tok), extent=extent)
    return None


def _noun_pattern(tok: Token) -> NounPattern | None:
    table = noun_patterns()
    pats = table.get(tok.lower_) or table.get(tok.lemma_.lower())
    if not pats:
        return None
    mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod")}
    if tok.i > 0:
        mods.add(tok.doc[tok.i - 1].lower_)
    for pat in pats:
        if pat.modifier is None or pat.modifier in mods:
            return pat
    return None


def _light_verb(tok: Token) -> Token | None:
    while tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN"):
        tok = tok.head  # "used water cannons and tear gas": the first conjunct holds the verb
    head = tok.head
    if head.i == tok.i:
        return None
    if tok.dep_ in ("dobj", "nsubjpass", "attr"):
        for lv in light_verbs().get(head.lemma_.lower(), ()):
            if lv.kind != "light":
                continue
            if lv.particle is None or any(c.dep_ in ("prt", "prep") and c.lower_ == lv.particle for c in head.children):
                return head
    if tok.dep_ == "pobj":
        verb = head.head
        for lv in light_verbs().get(verb.lemma_.lower(), ()):
            if lv.kind == "light" and lv.particle == head.lower_:
                return verb  # "entered into an agreement", "went on strike"
        if head.lower_ in _HOST_PREPS and verb.pos_ == "VERB":
            return verb  # "in a phone call with X, Y said"
    return None


def _own_actor_heads(tok: Token) -> list[Token]:
    """Actor a standalone nominal event names itself: possessor, by-phrase, country adjective, attribution."""
    heads = [c for c in tok.children if c.dep_ == "poss"]
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "by":
            heads.extend(pobjs(c))
        elif c.dep_ in ("amod", "compound", "nmod") and token_country(c):
            heads.append(c)
    if heads:
        return heads
    cur = tok
    for _ in range(3):
        head = cur.head
        if head.i == cur.i or cur.dep_ not in ("nsubjpass", "dobj", "pobj", "prep", "nsubj"):
            break
        for lv in light_verbs().get(head.lemma_.lower(), ()):
            if lv.kind != "attribution" or lv.role is None:
                continue
            if lv.role == "subject":
                return subjects(head)
            word = lv.role.partition(":")[2]
            return [o for c in head.children if c.dep_ == "prep" and c.lower_ == word for o in pobjs(c)]
        cur = head
    return []


def _noun_cand(tok: Token, ctx: DocContext) -> _Cand | None:
    pat = _noun_pattern(tok)
    if pat is None:
        return None
    light = _light_verb(tok)
    if light is not None:
        actors = _actor_list(subjects(light), ctx)
        modality = clause_modality(light)
        if modality.is_fact and not clause_modality(tok, nominal=True).is_fact:
            modality = clause_modality(tok, nominal=True)  # "no talks were held", "made no attempt"
        clause = light
    elif pat.standalone:
        actors = _actor_list(_own_actor_heads(tok), ctx)
        modality = clause_modality(tok, nominal=True)
        clause = tok
    else:
        return None
    targets: list[Actor] = []
    for word in pat.target:
        heads = [o for c in tok.children if c.dep_ == "prep" and c.lower_ == word for o in pobjs(c)]
        if not heads and light is not None:
            heads = [o for p in _preps(light, word) for o in pobjs(p)]
        if heads:
            targets = [a for h in heads for a in ctx.actors(h)]
            break
    trigger = [light, tok] if light is not None and light.i < tok.i else [tok]
    return _Cand(pat.type, pat.mode, trigger, clause, actors, targets, modality, nominal=True)


# ---- dates and places ----------------------------------------------------------------------
def _date_roots(doc: Doc, dates: Sequence[DateFact]) -> list[tuple[Token, DateFact]]:
    out: list[tuple[Token, DateFact]] = []
    size = len(doc.text) if dates else 0
    for fact in dates:
        if fact.value is None or fact.evidence.start < 0 or fact.evidence.end > size:
            continue
        span = doc.char_span(fact.evidence.start, fact.evidence.end, alignment_mode="expand")
        if span is not None and len(span):
            out.append((span.root, fact))
    return out


def _anchor(tok: Token, clauses: set[int]) -> Token | None:
    """The first event clause (or, failing that, the first verb) above ``tok``."""
    cur = tok
    first_verb = None
    for _ in range(10):
        if cur.i in clauses:
            return cur
        if first_verb is None and cur.pos_ in ("VERB", "AUX") and cur.i != tok.i:
            first_verb = cur
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return first_verb


def _ancestors(tok: Token) -> list[int]:
    out = []
    cur = tok
    for _ in range(10):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        out.append(cur.i)
    return out


# ---- assembly ------------------------------------------------------------------------------
def _visit(sent: Span, ctx: DocContext) -> tuple[bool, str | None]:
    for tok in sent:
        if tok.lemma_.lower() in _VISIT_WORDS:
            dest = [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for o in pobjs(c)]
            if tok.pos_ == "VERB":
                dest = _objects(tok)
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


def _sentence_events(sent: Span, ctx: DocContext, doc_id: str,
                     dates: list[tuple[Token, DateFact]]) -> list[Event]:
    cands: list[_Cand] = []
    for tok in sent:
        if tok.pos_ in ("VERB", "ADJ"):
            cand = _verb_cand(tok, ctx)
        elif tok.pos_ in ("NOUN", "PROPN"):
            cand = _noun_cand(tok, ctx)
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
        anchor = _anchor(root, clauses)
        if anchor is not None and fact.value:
            anchored.setdefault(anchor.i, fact.value)
    places: dict[int, str] = {}
    for tok in sent:
        if tok.ent_type_ in _PLACE_LABELS and tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at"):
            anchor = _anchor(tok, clauses)
            ent = ent_of(tok)
            if anchor is not None and ent is not None:
                places.setdefault(anchor.i, ent.text)
    visit, destination = _visit(sent, ctx)
    out: list[Event] = []
    verbal = {c.trigger[0].i for c in cands if not c.nominal}
    for cand in cands:
        if cand.nominal and cand.clause.i in verbal:
            continue  # "killed X in an airstrike": the airstrike is the manner of the verb's event
        ptype = plover_types()[cand.type]
        actors = [a for a in cand.actors if a.agentive]
        for t in cand.targets:
            if t.country is None and t.head >= 0 and not t.named:  # "restrictions on flights to Cuba"
                found = np_countries(ctx.doc[t.head], locative=True, loc_preps=_TARGET_LOC)
                t.country = found[0] if found else None
        targets = [t for t in cand.targets if t.entity_like]
        targets = [t for t in targets if t.sector not in ptype.drop_target_sectors]
        if not targets and len(actors) > 1 and cand.type in _MUTUAL and cand.extent is None:
            targets = actors[1:]  # "Turkey and Libya agreed": one event, the first named as actor
            actors = actors[:1]
        if not actors:
            continue
        if ptype.needs_target and not targets and not (cand.type == "CONSULT" and _plural(actors[0], ctx)):
            continue
        mode = cand.mode
        if cand.type == "CONSULT" and mode is None and visit:
            mode = "visit"
        date = anchored.get(cand.clause.i)
        if date is None:
            for i in _ancestors(cand.clause):
                if i in anchored and i not in clauses:
                    date = anchored[i]
                    break
        place = places.get(cand.clause.i)
        cand.mode = mode
        for actor in actors:
            for target in targets or [None]:
                keep, target = _complete(cand, actor, target, destination)
                if keep:
                    out.append(_event(cand, actor, target, sent, doc_id, date, place))
    return out


def _complete(cand: _Cand, actor: Actor, target: Actor | None, destination: str | None) -> tuple[bool, Actor | None]:
    """Fill what the sentence implies about one actor-target pair; False when the pair is no event."""
    if target is not None:
        if (actor.head >= 0 and target.head == actor.head) or target.label == actor.label:
            return False, None
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


def _plural(actor: Actor, ctx: DocContext) -> bool:
    """A group that can meet among itself ("leaders of AU member states met in Niamey")."""
    return actor.head >= 0 and ctx.doc[actor.head].tag_ in ("NNS", "NNPS")


def _dedupe(events: list[Event]) -> list[Event]:
    seen: set[tuple[object, ...]] = set()
    out: list[Event] = []
    for ev in events:
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
    roots = _date_roots(doc, dates)
    events: list[Event] = []
    for sent in ctx.sents:
        events.extend(_sentence_events(sent, ctx, doc_id, roots))
        ctx.note_sentence(sent)
    return _dedupe(events)
