"""Country stances: which government took which position on the document's issue — or none.

DESIGN.md, principle 2: "Absence is data." These constructions give a stance row
(cues in ``lexicon/data/stance_cues.tsv``):

- **absence**: a government that "has not made an official statement", "has not come
  out with any official statements", "remained silent", "declined to comment", or
  "there have been no official statements from X" → ``no official statement``;
  "favour neutrality", "stay neutral" → ``neutral``. Relative clauses ("In Uzbekistan,
  which has also not made ...") and coordinated countries ("The governments of
  Kyrgyzstan and Turkmenistan") are resolved through the parse, one row per country.
- **enactment**: the story's own policy act in the lead ("the President declared a national
  emergency", "parliament voted to legalise ..."; :mod:`newsgraph.extract.stance_enact`) names the
  issue, and its doer supports it, as does any other state doing the same act in the document.
- **position**: a government that supports, backs, condemns, opposes, calls for, dismisses ... an
  issue noun or a word that points back at the issue ("condemned the invasion", "criticised the move")
  → ``supports`` / ``opposes``; negated or hypothetical clauses give no row. The noun is the story's
  issue or a generic issue noun that names no other thing ("welcomed the ceasefire" in a story labelled
  by the offensive it ends; not "the Turkish-Libyan border agreement" in a pipeline story). Position nouns too:
  "expressed its support", "criticism by the foreign minister".
- **quote**: an official's quoted statement about the issue that justifies it ("is aimed
  at", "there is no other way") or condemns it ("illegal", "unacceptable") → the
  speaker's country ``supports`` / ``opposes``.
- **characterization**: a government that calls, describes, finds or concludes the issue
  (or the story's event: "its actions", "the air strike") to be something evaluative
  ("null and void", "a violation", "justified"; ``event_context.tsv``) → ``opposes`` /
  ``supports``; a plural pronoun ("They concluded ...") gives every member its row.
- **events**: the event coder's output. A state's factual event that acts on the issue
  (its words are in the event's span) gives a row by type (AGREE, SUPPORT → supports;
  ACCUSE, REJECT, PROTEST, SANCTION → opposes; the doer of the issue itself supports it).
  The story's own action — the first factual, non-reaction event of the lead (first
  paragraph, at most two sentences) that a state aims at another country — shows its
  doer (both parties of an agreement) supporting the issue; states that accuse or reject
  that doer oppose it, states that back it support it.

A government has one position on the issue: a ``neutral`` call on all sides gives no row for a
country that takes a side in the same story, nor does silence.

A stance is a government's position: only actors that speak for a state count
(:mod:`newsgraph.extract.stance_office`): a country, a capital or metonym, a government body,
a parliament as a body, or a person holding an office that speaks for the country (head of state
or government, minister, spokesperson, diplomat). A governor, a legislator, a party leader, anyone
"former" and a person the text gives no office are voices, not their country's stance: a position cue
(or a quoted one) whose taker is such a named person gives a :class:`~newsgraph.core.model.Voice` instead
(:mod:`newsgraph.extract.voices`; :func:`extract_positions` returns both). The issue is one label per
document, a named thing (:mod:`newsgraph.extract.stance_issue`).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from newsgraph.core.model import Event, Evidence, Stance, Voice
from newsgraph.extract.events.actors import (
    Actor,
    ActorResolver,
    DocContext,
    pobjs,
    subjects,
)
from newsgraph.extract.events.arguments import evaluation_of, objects
from newsgraph.extract.events.modality import clause_modality
from newsgraph.extract.evidence import sentence_text
from newsgraph.extract.stance_aid import aid_rows
from newsgraph.extract.stance_enact import enactment_in, lead_sentences, reference_nouns, same_acts
from newsgraph.extract.stance_issue import (
    UNSPECIFIED,
    generic_issue,
    issue_label,
    named_phrase,
    names_issue,
)
from newsgraph.extract.stance_office import speaks_for_country
from newsgraph.extract.stance_quotes import quote_spans, quote_speaker
from newsgraph.extract.stance_sides import (
    EVEN_HANDED,
    UNDO,
    blocks_issue,
    doer_named,
    even_handed,
    issue_in_event,
    kept_up,
    rejects_criticism,
    reverse,
    story_doers,
    undoing_call,
)
from newsgraph.extract.tokens import token_records
from newsgraph.extract.voices import is_person, speakers, speaks_for, state_actors, voice_of
from newsgraph.lexicon.events import (
    StanceCue,
    anaphor_types,
    issue_nouns,
    stance_cues,
    verb_patterns,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["Positions", "extract_positions", "extract_stances", "issue_label"]

_STATE_SECTORS = frozenset({"GOV", "LEG", "MIL"})
_NO_WORDS = frozenset({"no", "lack"})
_SILENT = "no official statement"
_NEUTRAL = "neutral"
_SIDES = frozenset({"supports", "opposes"})
_QUOTE_MARKS = frozenset('"“”«»„')
_EVENT_POSITIONS = {
    "AGREE": "supports",
    "SUPPORT": "supports",
    "ACCUSE": "opposes",
    "REJECT": "opposes",
    "PROTEST": "opposes",
    "SANCTION": "opposes",
}
# Events that take a position on another event rather than being the story's action themselves.
_REACTIONS = frozenset({"ACCUSE", "REJECT", "SUPPORT", "CONSULT", "PROTEST"})
_REACTION_POSITIONS = {"ACCUSE": "opposes", "REJECT": "opposes", "PROTEST": "opposes", "SUPPORT": "supports"}
_MUTUAL = frozenset({"AGREE"})
# Nouns that name a position (PLOVER SUPPORT / ACCUSE) and the verbs that express one ("voiced its support").
_NOUN_POSITIONS = {"support": "supports", "backing": "supports", "criticism": "opposes", "condemnation": "opposes"}
_EXPRESSING = frozenset({"express", "voice", "reiterate", "reaffirm", "declare", "pledge", "lend", "signal", "offer"})
_POLARITY = {"negative": "opposes", "positive": "supports"}
# Kinds of issue that harm someone: sympathy or praise near them is for the harmed, not for the issue.
_HARMS = frozenset({"ASSAULT", "COERCE"})


def _cues() -> tuple[dict[str, list[StanceCue]], list[StanceCue]]:
    by_head: dict[str, list[StanceCue]] = {}
    quotes: list[StanceCue] = []
    for cue in stance_cues():
        if cue.kind in ("absence", "position"):
            by_head.setdefault(cue.words[0], []).append(cue)
        elif cue.kind == "quote":
            quotes.append(cue)
    for lst in by_head.values():
        lst.sort(key=lambda c: -len(c.words))
    return by_head, quotes


# ---- cues (who takes a position: newsgraph.extract.voices) -------------------------------------
def _rest_found(tok: Token, words: Sequence[str]) -> list[Token] | None:
    """Tokens under ``tok`` (two levels) matching each of ``words``, or None when one is missing."""
    near = [c for c in tok.children] + [g for c in tok.children for g in c.children]
    found: list[Token] = []
    for w in words:
        hit = next((t for t in near if t.lemma_.lower() == w or t.lower_ == w), None)
        if hit is None:
            return None
        found.append(hit)
    return found


def _negated_noun(tok: Token) -> bool:
    if any(c.dep_ == "det" and c.lower_ in _NO_WORDS for c in tok.children):
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in _NO_WORDS


# ---- rows ----------------------------------------------------------------------------------------
def _evidence(actor: Actor, sent: Span, doc_id: str, start: int, end: int) -> Evidence:
    lo = max(sent.start_char, min(start, actor.start) if sent.start_char <= actor.start else start)
    return Evidence(doc=doc_id, sentence=sentence_text(sent, lo, max(end, lo)), start=lo, end=max(end, lo))


def _row(
    actor: Actor, position: str, issue: str, sent: Span, doc_id: str, start: int, end: int, date: str | None
) -> Stance | None:
    if actor.country is None:
        return None
    ev = _evidence(actor, sent, doc_id, start, end)
    return Stance(country=actor.country, issue=issue, position=position, evidence=ev, date=date)


Found = Stance | Voice


def _found(
    actor: Actor, speaks: bool, ctx: DocContext, position: str, issue: str, sent: Span, where: tuple[str, int, int]
) -> Found | None:
    """The country's stance when the actor speaks for it, else the person's voice; ``where`` is (document id,
    start, end) of the evidence."""
    doc_id, start, end = where
    if speaks:
        return _row(actor, position, issue, sent, doc_id, start, end, ctx.published)
    return voice_of(actor, position, issue, _evidence(actor, sent, doc_id, start, end), ctx.published, ctx.resolver)


def _cue_rows(
    tok: Token,
    cues: list[StanceCue],
    ctx: DocContext,
    issue: str,
    doc_id: str,
    date: str | None,
    refs: frozenset[str] = frozenset(),
    doers: frozenset[str] = frozenset(),
) -> list[Found]:
    sent = ctx.sent_of(tok)
    for cue in cues:
        rest = _rest_found(tok, cue.words[1:])
        if rest is None:
            continue
        flipped = blocked = False
        named: list[Token] = []
        if tok.pos_ == "NOUN":
            if not cue.negated or not _negated_noun(tok):
                continue
            heads = [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "from" for o in pobjs(c)]
        else:
            if tok.pos_ not in ("VERB", "AUX", "ADJ"):
                continue
            mod = clause_modality(tok)
            negated = mod.negated or any(_negated_noun(r) for r in rest)
            if cue.negated != negated or mod.hypothetical:
                continue
            if cue.kind == "position":  # its object, or its preposition's ("called for", "spoke against")
                objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
                objs += [o for r in rest if r.pos_ == "ADP" for o in pobjs(r)]
                # the story's issue, or a generic issue noun that names nothing else ("welcomed the ceasefire")
                named = [o for o in objs if names_issue(o, refs, issue) or generic_issue(o, refs)]
                named += [o for o in objs if o not in named and doer_named(o, ctx, doers)]
                flipped, blocked = bool(doers) and rejects_criticism(tok, objs, issue), blocks_issue(objs, issue)
                if not (named or flipped):
                    continue
                if issue == UNSPECIFIED:  # no issue yet: the object names it when it names someone's thing
                    issue = named_phrase(named[0])
                    if issue == UNSPECIFIED:
                        continue
            heads = subjects(tok)
        end = max([tok.idx + len(tok), *(r.idx + len(r) for r in rest)])
        out = []
        for actor, speaks in speakers(heads, ctx):
            position = reverse(cue.position or "") if blocked else cue.position or ""  # "lambasted the vetoes"
            if flipped and actor.country in doers:
                position = "supports"  # "Santiago rejected the protest": the issue's doer backs its own act
            elif flipped and not named:
                continue  # criticism rejected by another than the issue's doer: no position on the issue
            row = _found(actor, speaks, ctx, position, issue, sent, (doc_id, min(actor.start, tok.idx), end))
            if row is not None:
                out.append(row)
        if out or heads:
            return out
    return []


def _even_handed_rows(tok: Token, ctx: DocContext, issue: str, doc_id: str, date: str | None) -> list[Found]:
    sent, where = ctx.sent_of(tok), (doc_id, tok.idx, tok.idx + len(tok))
    found = [_found(a, sp, ctx, "neutral", issue, sent, where) for a, sp in even_handed(tok, ctx, issue)]
    found += [_found(a, sp, ctx, "opposes", issue, sent, where) for a, sp in undoing_call(tok, ctx, issue)]
    return [row for row in found if row is not None]


def _kept_up_rows(tok: Token, ctx: DocContext, issue: str, doc_id: str, refs: frozenset[str]) -> list[Found]:
    sent, where = ctx.sent_of(tok), (doc_id, tok.idx, tok.idx + len(tok))
    found = [_found(a, sp, ctx, "supports", issue, sent, where) for a, sp in kept_up(tok, ctx, issue, refs)]
    return [row for row in found if row is not None]


def _noun_rows(
    tok: Token, ctx: DocContext, issue: str, doc_id: str, date: str | None, refs: frozenset[str]
) -> list[Found]:
    """A position named by a noun: "the United States expressed its support", "despite criticism by the
    Greek foreign minister": the one who expresses it (or the "by"/"from" agent) takes it, on the issue
    when the noun says what it is about ("support for the pipeline") or on the story's issue when not."""
    position = _NOUN_POSITIONS[tok.lemma_.lower()]
    about = [
        o for c in tok.children if c.dep_ == "prep" and c.lower_ in ("for", "of", "to", "against") for o in pobjs(c)
    ]
    if issue == UNSPECIFIED or (about and not any(names_issue(o, refs, issue) for o in about)) or _negated_noun(tok):
        return []
    # "criticism by/from X" is X's; "support from X" is as often help as a position ("requested support from")
    agents = [o for c in tok.children if c.dep_ == "prep" and c.lower_ in ("by", "from") for o in pobjs(c)]
    heads = agents if position == "opposes" else []
    verb = tok.head
    if not heads and tok.dep_ == "dobj" and verb.lemma_.lower() in _EXPRESSING and clause_modality(verb).is_fact:
        heads = subjects(verb)
    sent = ctx.sent_of(tok)
    out = []
    for actor, speaks in speakers(heads, ctx):
        row = _found(actor, speaks, ctx, position, issue, sent, (doc_id, min(actor.start, tok.idx), tok.idx + len(tok)))
        if row is not None:
            out.append(row)
    return out


@lru_cache(maxsize=1)
def _characterizing_verbs() -> frozenset[str]:
    """Lemmas with an evaluative event pattern ("call", "describe", "find", "conclude": event_verbs.tsv)."""
    return frozenset(
        lemma for lemma, pats in verb_patterns().items() if any(n.kind == "eval" for p in pats for n in p.needs)
    )


def _about_issue(tok: Token) -> bool:
    """A phrase that names the issue or points back at the story's event ("its actions", "the air strike")."""
    nouns = issue_nouns()
    return any(t.pos_ == "NOUN" and (t.lemma_.lower() in nouns or anaphor_types(t.lemma_)) for t in tok.subtree)


def _characterization_rows(tok: Token, ctx: DocContext, issue: str, doc_id: str, date: str | None) -> list[Found]:
    """ "Mitsotakis called the agreement null and void", "they concluded that the deal is illegal", "found the
    strike justified": the speakers' countries oppose or support the issue; "they" counts every member."""
    polarity = evaluation_of(tok)
    if polarity is None or not any(_about_issue(o) for o in objects(tok)) or not clause_modality(tok).is_fact:
        return []
    sent = ctx.sent_of(tok)
    out: list[Found] = []
    for head in subjects(tok):
        members = ctx.plural_members(head) if head.pos_ == "PRON" else []
        pairs = [(a, True) for a in members if a.country] or speakers([head], ctx)
        for actor, speaks in pairs:
            where = (doc_id, min(actor.start, tok.idx), tok.idx + len(tok))
            position = reverse(_POLARITY[polarity]) if blocks_issue(objects(tok), issue) else _POLARITY[polarity]
            row = _found(actor, speaks, ctx, position, issue, sent, where)
            if row is not None:
                out.append(row)
    return out


def _quote_rows(
    sent: Span,
    quote_cues: list[StanceCue],
    ctx: DocContext,
    issue: str,
    doc_id: str,
    date: str | None,
    refs: frozenset[str] = frozenset(),
) -> list[Found]:
    spans = quote_spans(sent)
    if not spans:
        return []
    nouns = issue_nouns() | refs  # "these sanctions are ...", "this measure is unjustified"
    offsets = [t.idx for t in sent]  # the tokens of each quotation by bisection: linear in the marks
    for start, end in spans:
        toks = list(sent[bisect_left(offsets, start) : bisect_left(offsets, end)])
        if not any(t.pos_ == "NOUN" and t.lemma_.lower() in nouns for t in toks):
            continue
        lemmas = [t.lemma_.lower() for t in toks]
        lowers = [t.lower_ for t in toks]
        for cue in quote_cues:
            n = len(cue.words)
            hit = next(
                (
                    i
                    for i in range(len(toks) - n + 1)
                    if all(cue.words[k] in (lemmas[i + k], lowers[i + k]) for k in range(n))
                ),
                None,
            )
            if hit is None:
                continue
            inside = {sent[k].i for s, e in spans for k in range(bisect_left(offsets, s), bisect_left(offsets, e))}
            speaker = quote_speaker(sent, inside, ctx)
            if speaker is None:
                return []
            actor = ctx.actor(speaker)
            anchor = ctx.doc[actor.head] if actor.head >= 0 else speaker
            speaks = speaks_for(actor, anchor, ctx)
            if speaks and (actor.country is None or actor.sector not in (*_STATE_SECTORS, None)):
                return []
            if not speaks and not (actor.name and speaker.pos_ != "PRON" and is_person(anchor, ctx)):
                return []  # a voice is a person's named in the sentence
            # a voice's evidence spans the quotation and its speaker
            where = (doc_id, actor.start, end) if speaks else (doc_id, min(start, actor.start), max(end, actor.end))
            row = _found(actor, speaks, ctx, cue.position or "", issue, sent, where)
            return [row] if row is not None else []
    return []


def _enacting_actors(head: Token, ctx: DocContext) -> list[Actor]:
    """Who enacts for a country: the government and its officials, a parliament only as a body (a vote),
    not its speaker or members ("the Speaker announced an inquiry" is no act of the state)."""
    out = []
    for actor, _h in state_actors([head], ctx):
        anchor = ctx.doc[actor.head] if actor.head >= 0 else head
        if actor.sector == "LEG" and (anchor.ent_type_ == "PERSON" or anchor.pos_ == "PRON"):
            continue
        out.append(actor)
    return out


def _eventspeaks_for(ev: Event, resolver: ActorResolver | None) -> bool:
    """The event's actor speaks for its country (a person needs an office that does)."""
    return speaks_for_country(ev.actor or "", ev.actor, ev.actor_sector, resolver, person=False)


def _event_rows(
    doc: Doc, events: Sequence[Event], issue: str, date: str | None, resolver: ActorResolver | None
) -> list[Stance]:
    if issue == UNSPECIFIED:
        return []
    nouns = issue_nouns()
    words = issue.lower().split()  # the issue noun, not a country after it ("sanctions on Iran")
    head = next((w for w in words if w in nouns or w.rstrip("s") in nouns), words[-1])
    harm = bool(set(anaphor_types(head) or anaphor_types(head.rstrip("s"))) & _HARMS)
    out: list[Stance] = []
    for ev in events:
        position = _EVENT_POSITIONS.get(ev.type)
        if position is None or ev.negated or ev.hypothetical or not ev.actor_country:
            continue
        if harm and ev.type == "SUPPORT" and ev.mode == "praise":
            continue  # condolences after an attack are sympathy with its victims, never support for it
        if ev.actor_sector not in (*_STATE_SECTORS, None) or not _eventspeaks_for(ev, resolver):
            continue
        span = doc.char_span(ev.evidence.start, ev.evidence.end, alignment_mode="expand")
        if span is None or not issue_in_event(span, head):
            continue  # the issue in the event's words, or in the reason given for it ("over the deportation")
        if head.rstrip("s") in {w.rstrip("s") for w in (ev.trigger or "").lower().split()}:
            position = "supports"  # the event is the issue itself ("the US imposed sanctions"): its doer backs it
        out.append(Stance(country=ev.actor_country, issue=issue, position=position, evidence=ev.evidence, date=date))
        if (ev.type in _MUTUAL or ev.mode == "sign") and ev.target_country and position == "supports":
            # "Cyprus, Greece and Israel signed the agreement": every signatory backs it, the one coded as target too
            row = Stance(country=ev.target_country, issue=issue, position=position, evidence=ev.evidence, date=date)
            out.append(row)
    return out


def _issue_rows(
    events: Sequence[Event], issue: str, date: str | None, lead_end: int, resolver: ActorResolver | None
) -> list[Stance]:
    """The story's own action and the reactions to it: the first factual event that is no reaction and acts on
    another country ("United States military forces killed X", "Turkey and Libya agreed"), when a state did
    it, shows its actor (both parties of an agreement) supporting the issue; a state that accuses or rejects
    that actor opposes it, one that backs the actor supports it."""
    facts = sorted(
        (e for e in events if not (e.negated or e.hypothetical) and e.actor_country), key=lambda e: e.evidence.start
    )
    acts = [e for e in facts if e.type not in _REACTIONS and e.target_country not in (None, e.actor_country)]
    first = acts[0] if acts else None  # an act on another country: not "asked its citizens to leave"
    if issue == UNSPECIFIED or first is None or first.actor_sector not in _STATE_SECTORS:
        return []
    if not _eventspeaks_for(first, resolver):
        return []
    if first.evidence.start >= lead_end:
        return []  # the story's action is the one its lead (first paragraph) reports
    main = [e for e in acts if e.evidence.sentence == first.evidence.sentence and e.type == first.type]
    doers = {e.actor_country for e in main}
    out = [
        Stance(country=e.actor_country or "", issue=issue, position="supports", evidence=e.evidence, date=date)
        for e in main
    ]
    out += [
        Stance(country=e.target_country, issue=issue, position="supports", evidence=e.evidence, date=date)
        for e in main
        if (e.type in _MUTUAL or e.mode == "sign") and e.target_country
    ]
    for e in facts:
        position = _REACTION_POSITIONS.get(e.type)
        if position is None or e.target_country not in doers - {None} or e.actor_country in doers:
            continue
        if e.actor_sector in _STATE_SECTORS and _eventspeaks_for(e, resolver):
            out.append(
                Stance(country=e.actor_country or "", issue=issue, position=position, evidence=e.evidence, date=date)
            )
    return out


class _Reader:
    """Finds who enacts an act in reading order, in a context of its own: the sentences before each verb
    are noted first (a pronoun finds its person), and the main pass's context resolves as it always did."""

    def __init__(self, doc: Doc, resolver: ActorResolver | None, published: str | None) -> None:
        self.ctx = DocContext(doc, resolver, published)
        self._next = 0

    def doers(self, head: Token) -> list[Actor]:
        sents = self.ctx.sents
        while self._next < len(sents) and sents[self._next].end <= head.i:
            self.ctx.note_sentence(sents[self._next])
            self._next += 1
        return _enacting_actors(head, self.ctx)


@dataclass(slots=True)
class Positions:
    """What :func:`extract_positions` finds: the countries' stances and the voices of everyone else."""

    stances: list[Stance] = field(default_factory=list)
    voices: list[Voice] = field(default_factory=list)


def extract_stances(
    doc: Doc,
    doc_id: str,
    *,
    published: str | None = None,
    resolver: ActorResolver | None = None,
    events: Sequence[Event] = (),
) -> list[Stance]:
    """The stances of :func:`extract_positions` (the voices left out)."""
    return extract_positions(doc, doc_id, published=published, resolver=resolver, events=events).stances


def extract_positions(
    doc: Doc,
    doc_id: str,
    *,
    published: str | None = None,
    resolver: ActorResolver | None = None,
    events: Sequence[Event] = (),
) -> Positions:
    """Country × issue → position rows of one parsed document, each with its evidence, and the voices:
    person × issue → position for the named persons who took a position without an office that speaks
    for their country (one per speaker and position).

    ``published`` dates the rows (a stance holds as of publication); ``resolver`` gives
    persons and organisations their country; ``events`` is accepted for the pipeline's
    events (the event coder's output for this document) add a row when a state's
    factual event acts on the issue itself: signing or backing it (AGREE, SUPPORT) →
    ``supports``; denouncing or rejecting it (ACCUSE, REJECT, PROTEST, SANCTION) → ``opposes``.
    """
    if len(doc) == 0 or not doc.has_annotation("DEP"):
        return Positions()
    by_head, quote_cues = _cues()
    ctx = DocContext(doc, resolver, published)
    lead = lead_sentences(ctx.sents, ctx.paragraph_of)
    lead_end = lead[-1].end_char if lead else 0
    reader = _Reader(doc, resolver, published)
    found = enactment_in(lead, reader.doers)
    rows: list[Found] = []
    if found is not None:  # the story's own policy act names the issue; its doers support it
        act, actors = found
        issue = act.issue
        sent = ctx.sent_of(act.verb)
        for other, doers in [(act, actors), *same_acts(ctx.sents, act, reader.doers)]:
            where = ctx.sent_of(other.verb)
            stop = other.obj.idx + len(other.obj)
            for actor in doers:
                start = min(actor.start, other.verb.idx)  # type: ignore[attr-defined]
                row = _row(actor, "supports", issue, where, doc_id, start, stop, published)  # type: ignore[arg-type]
                if row is not None:
                    rows.append(row)
        # the act's own events (the ban coded SANCTION) are that row already, not a position on it
        doers = {getattr(a, "country", None) for a in actors}
        others = [
            e for e in events if e.actor_country not in doers or not sent.start_char <= e.evidence.start < sent.end_char
        ]
        refs = reference_nouns() | act.words
        issue_doers = frozenset(c for c in doers if c)
    else:
        issue = issue_label(doc)
        others = list(events)
        refs = reference_nouns()
        issue_doers = story_doers(events, lead_end)
    rows += _event_rows(doc, others, issue, published, resolver)
    rows += _issue_rows(events, issue, published, lead_end, resolver)
    rows += aid_rows([*ctx.sents[:2], *lead], events, issue, published, lambda e: _eventspeaks_for(e, resolver))
    characterizing = _characterizing_verbs()
    # Sentences whose subjects the context has not noted yet: noted (in order) just before the context
    # is next asked for an actor, so a document without a stance cue never resolves its subjects.
    unnoted: list[Span] = []

    def noted() -> DocContext:
        for earlier in unnoted:
            ctx.note_sentence(earlier)
        unnoted.clear()
        return ctx

    toks = token_records(doc)  # the parsed token only for a cue
    for sent in ctx.sents:
        quoted = False
        for rec in toks[sent.start : sent.end]:
            quoted = quoted or rec.text in _QUOTE_MARKS
            lemma = rec.lemma_.lower()
            cues = by_head.get(lemma)
            if cues:
                rows.extend(_cue_rows(doc[rec.i], cues, noted(), issue, doc_id, published, refs, issue_doers))
            if rec.pos_ == "NOUN" and lemma in _NOUN_POSITIONS:
                rows.extend(_noun_rows(doc[rec.i], noted(), issue, doc_id, published, refs))
            if rec.pos_ == "VERB" and lemma in EVEN_HANDED:
                rows.extend(_even_handed_rows(doc[rec.i], noted(), issue, doc_id, published))
            if rec.pos_ == "VERB" and lemma in UNDO:
                rows.extend(_kept_up_rows(doc[rec.i], noted(), issue, doc_id, refs))
            if rec.pos_ == "VERB" and lemma in characterizing:
                rows.extend(_characterization_rows(doc[rec.i], noted(), issue, doc_id, published))
        if quoted:
            rows.extend(_quote_rows(sent, quote_cues, noted(), issue, doc_id, published, refs))
        unnoted.append(sent)
    seen: set[tuple[str, str, str]] = set()
    out = Positions()
    # a country that takes a position somewhere in the story is not silent on it ("abstained ... did not comment")
    placed = {row.country for row in rows if isinstance(row, Stance) and row.position != _SILENT}
    # nor neutral when it takes a side ("welcomed the truce and urged all parties to respect it")
    sided = {row.country for row in rows if isinstance(row, Stance) and row.position in _SIDES}
    for row in rows:
        key = ("stance", row.country, row.position) if isinstance(row, Stance) else ("voice", row.speaker, row.position)
        if isinstance(row, Stance) and row.position == _SILENT and row.country in placed:
            continue
        if isinstance(row, Stance) and row.position == _NEUTRAL and row.country in sided:
            continue
        if key not in seen:
            seen.add(key)
            (out.stances if isinstance(row, Stance) else out.voices).append(row)  # type: ignore[arg-type]
    return out
