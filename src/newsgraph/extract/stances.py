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

- **sides**: a government that stands with, sides with or backs another state ("stood in solidarity with
  Warsaw", "voiced support for Tallinn") takes that state's one position on the issue
  (:mod:`newsgraph.extract.stance_align`).
- **last word**: a state given no row by all of the above that welcomes, backs, condemns, rejects ... a
  definite thing the label does not name ("welcomed the Chilean approach", "criticised the effort") takes
  that position on the issue, and so does one that summons the doer's envoy or accuses the doer (against
  its act; the doer's own summons or charge: for it) (:mod:`newsgraph.extract.stance_fallback`).

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

This module orders the work over one document and keeps one row per country and position; the readers
of the cue words are in :mod:`newsgraph.extract.stance_cues`, the rows from events in
:mod:`newsgraph.extract.stance_events`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsgraph.core.model import Event, Stance, Voice
from newsgraph.extract.events.actors import Actor, ActorResolver, DocContext
from newsgraph.extract.stance_aid import aid_rows
from newsgraph.extract.stance_align import ALIGNING, Alignment, aligned_rows, alignments
from newsgraph.extract.stance_cues import (
    NOUN_POSITIONS,
    Found,
    characterization_rows,
    characterizing_verbs,
    cue_rows,
    cue_tables,
    even_handed_rows,
    kept_up_rows,
    noun_rows,
    quote_rows,
    stance_row,
)
from newsgraph.extract.stance_enact import enactment_in, lead_sentences, reference_nouns, same_acts
from newsgraph.extract.stance_events import event_rows, event_speaks_for, issue_rows
from newsgraph.extract.stance_fallback import ANSWERING, JUDGING, answer_rows, judged_issue, judged_rows, last_word
from newsgraph.extract.stance_issue import UNSPECIFIED, issue_label
from newsgraph.extract.stance_sides import CALLS, UNDO, stopping_lead, story_doers
from newsgraph.extract.tokens import token_records
from newsgraph.extract.voices import state_actors

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["Positions", "extract_positions", "extract_stances", "issue_label"]

_SILENT = "no official statement"
_NEUTRAL = "neutral"
_SIDES = frozenset({"supports", "opposes"})
_QUOTE_MARKS = frozenset('"“”«»„')


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
    by_head, quote_cues = cue_tables()
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
                row = stance_row(actor, "supports", issue, where, doc_id, start, stop, published)  # type: ignore[arg-type]
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
        if issue == UNSPECIFIED:  # no issue noun: the named thing the first judgement is about
            issue = judged_issue(ctx) or issue
        others = list(events)
        refs = reference_nouns()
        issue_doers = story_doers(events, lead_end)
    stopping = stopping_lead(lead, issue, refs)
    inferred = [
        *event_rows(doc, others, issue, published, resolver, issue_doers),
        *issue_rows(events, issue, published, lead_end, resolver),
        *aid_rows([*ctx.sents[:2], *lead], events, issue, published, lambda e: event_speaks_for(e, resolver)),
    ]
    rows += inferred
    characterizing = characterizing_verbs()
    # Sentences whose subjects the context has not noted yet: noted (in order) just before the context
    # is next asked for an actor, so a document without a stance cue never resolves its subjects.
    unnoted: list[Span] = []

    def noted() -> DocContext:
        for earlier in unnoted:
            ctx.note_sentence(earlier)
        unnoted.clear()
        return ctx

    toks = token_records(doc)  # the parsed token only for a cue
    siding: list[Alignment] = []
    judged: list[Found] = []  # judgements of things the issue label does not name: a state's last word
    for sent in ctx.sents:
        quoted = False
        for rec in toks[sent.start : sent.end]:
            quoted = quoted or rec.text in _QUOTE_MARKS
            lemma = rec.lemma_.lower()
            cues = by_head.get(lemma)
            if cues:
                rows.extend(cue_rows(doc[rec.i], cues, noted(), issue, doc_id, published, refs, issue_doers, stopping))
            if rec.pos_ == "VERB" and lemma in JUDGING and issue != UNSPECIFIED:
                judged.extend(judged_rows(doc[rec.i], noted(), issue, doc_id))
            if rec.pos_ == "VERB" and lemma in ANSWERING and issue != UNSPECIFIED:
                judged.extend(answer_rows(doc[rec.i], noted(), issue, doc_id, issue_doers))
            if rec.pos_ == "NOUN" and lemma in NOUN_POSITIONS:
                rows.extend(noun_rows(doc[rec.i], noted(), issue, doc_id, published, refs, stopping))
            if rec.pos_ == "VERB" and lemma in CALLS:
                rows.extend(even_handed_rows(doc[rec.i], noted(), issue, doc_id, published, issue_doers))
            if rec.pos_ == "VERB" and lemma in UNDO:
                rows.extend(kept_up_rows(doc[rec.i], noted(), issue, doc_id, refs))
            if rec.pos_ == "VERB" and lemma in characterizing:
                rows.extend(characterization_rows(doc[rec.i], noted(), issue, doc_id, published))
            if lemma in ALIGNING:
                siding.extend(alignments(doc[rec.i], noted()))
        if quoted:
            rows.extend(quote_rows(sent, quote_cues, noted(), issue, doc_id, published, refs))
        unnoted.append(sent)
    if siding:  # who sides with a state takes its position, once the story's rows tell it
        rows += aligned_rows(siding, rows, ctx, issue, doc_id)
    rows += last_word(rows, judged)
    seen: set[tuple[str, str, str]] = set()
    out = Positions()
    # a country that takes a position somewhere in the story is not silent on it ("abstained ... did not comment");
    # what its events are read to mean gives way to its silence told in words ("Washington has not commented on
    # the verdicts", whatever "U.S. sanctions" elsewhere are taken to be)
    read = {id(row) for row in inferred}
    said = [row for row in rows if isinstance(row, Stance) and id(row) not in read]
    placed = {row.country for row in said if row.position != _SILENT}
    silent = {row.country for row in said if row.position == _SILENT} - placed
    # nor neutral when it takes a side ("welcomed the truce and urged all parties to respect it")
    sided = {row.country for row in rows if isinstance(row, Stance) and row.position in _SIDES}
    for row in rows:
        key = ("stance", row.country, row.position) if isinstance(row, Stance) else ("voice", row.speaker, row.position)
        if isinstance(row, Stance) and row.position == _SILENT and row.country in placed:
            continue
        if id(row) in read and row.country in silent:
            continue
        if isinstance(row, Stance) and row.position == _NEUTRAL and row.country in sided:
            continue
        if key not in seen:
            seen.add(key)
            (out.stances if isinstance(row, Stance) else out.voices).append(row)  # type: ignore[arg-type]
    return out
