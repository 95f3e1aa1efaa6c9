"""The readers of a stance's words, one per construction, for :mod:`newsgraph.extract.stances`.

Each reader looks at one cue token (or one sentence's quotations) and gives the rows it makes: a country's
:class:`~newsgraph.core.model.Stance` when the taker speaks for it, else a person's
:class:`~newsgraph.core.model.Voice` (:func:`found_row`):

- :func:`cue_rows`: absence and position cues of ``stance_cues.tsv`` headed by a verb or a negated noun
  ("has not made an official statement", "condemned the invasion", "called for talks");
- :func:`noun_rows`: a position named by a noun ("expressed its support", "criticism by the minister");
- :func:`even_handed_rows` / :func:`kept_up_rows`: a call on every side, a call to undo the issue, a refusal
  to undo it (:mod:`newsgraph.extract.stance_sides`);
- :func:`characterization_rows`: the issue called, found or described as something evaluative;
- :func:`quote_rows`: an official's quoted statement about the issue with a quote cue ("illegal").
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from newsgraph.core.model import Evidence, Stance, Voice
from newsgraph.extract.events.actors import Actor, DocContext, pobjs, subjects
from newsgraph.extract.events.arguments import evaluation_of, judge_predicate, objects
from newsgraph.extract.events.modality import clause_modality
from newsgraph.extract.evidence import sentence_text
from newsgraph.extract.stance_issue import UNSPECIFIED, generic_issue, named_phrase, names_issue
from newsgraph.extract.stance_quotes import quote_spans, quote_speaker
from newsgraph.extract.stance_sides import (
    blocks_issue,
    calm_call,
    doer_named,
    even_handed,
    kept_up,
    points_at_act,
    pressing_call,
    rejects_criticism,
    reverse,
    undoing_call,
)
from newsgraph.extract.voices import is_person, speakers, speaks_for, voice_of
from newsgraph.lexicon.events import StanceCue, anaphor_types, issue_nouns, stance_cues, verb_patterns

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = [
    "NOUN_POSITIONS",
    "Found",
    "characterization_rows",
    "characterizing_verbs",
    "cue_rows",
    "cue_tables",
    "even_handed_rows",
    "found_row",
    "kept_up_rows",
    "noun_rows",
    "quote_rows",
    "stance_row",
    "what_called",
]

_STATE_SECTORS = frozenset({"GOV", "LEG", "MIL"})
_NO_WORDS = frozenset({"no", "lack"})
# Nouns that name a position (PLOVER SUPPORT / ACCUSE) and the verbs that express one ("voiced its support").
NOUN_POSITIONS = {
    "support": "supports",
    "backing": "supports",
    "criticism": "opposes",
    "condemnation": "opposes",
    "concern": "opposes",  # "expressed concern over the arrest": disapproval in its mildest form
    "dismay": "opposes",  # "voiced dismay", "expressed regret at the outcome", "voiced its disappointment"
    "regret": "opposes",
    "disappointment": "opposes",
}
_EXPRESSING = frozenset({"express", "voice", "reiterate", "reaffirm", "declare", "pledge", "lend", "signal", "offer"})
_POLARITY = {"negative": "opposes", "positive": "supports"}
_REFUSAL_AUX = frozenset({"would", "will", "'ll"})
_FURTHER = frozenset({"further", "more", "again"})


def cue_tables() -> tuple[dict[str, list[StanceCue]], list[StanceCue]]:
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


_NAMING = frozenset({"call", "describe", "term", "dub", "label"})
# Positions taken on a person for what they won (PLOVER SUPPORT: "congratulated the winner").
_TO_WINNER = frozenset({"congratulate"})
# The pronouns that stand for a relative clause's head as its object ("a verdict that Germany condemned").
_RELATIVE_OBJECTS = frozenset({"that", "which"})


def what_called(tok: Token) -> list[Token]:
    """The thing a position names in the taker's words ("condemned what it called the unlawful conduct of
    Chinese vessels", "rejected what it called insinuations"): the naming clause's predicate."""
    return [
        g
        for c in tok.children
        if c.dep_ == "ccomp" and c.lemma_.lower() in _NAMING and any(w.lower_ == "what" for w in c.children)
        for g in c.children
        if g.dep_ in ("oprd", "dobj") and g.lower_ != "what"
    ]


_SILENCING = frozenset({"comment", "decline", "refuse"})


def _silent_beside(tok: Token) -> bool:
    """A conjoined clause of the same subject tells its silence ("followed developments but declined to comment",
    "was watching closely and would not comment")."""
    near = [tok.head] if tok.dep_ == "conj" else []
    near += [c for c in tok.children if c.dep_ == "conj"]
    if tok.dep_ == "ccomp":  # "said it was following events closely but would not comment"
        near += [c for c in tok.head.children if c.dep_ == "conj"]
    return any(v.lemma_.lower() in _SILENCING for v in near)


def _negated_noun(tok: Token) -> bool:
    if any(c.dep_ == "det" and c.lower_ in _NO_WORDS for c in tok.children):
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in _NO_WORDS


# Cues of a feeling about the issue ("was concerned by the arrest"): who feels it is the subject of the copula
# or of the passive, never the agent after "by".
_EXPERIENCING = frozenset({"concerned", "concern", "troubled", "trouble", "alarmed", "alarm"})


def _experiencers(tok: Token) -> list[Token]:
    """ "Canada was concerned by the arrest", "it said it was deeply concerned about the raid": Canada, it."""
    holder = tok.head if tok.dep_ == "acomp" else tok
    return [c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")]


# ---- rows ----------------------------------------------------------------------------------------
def evidence_of(actor: Actor, sent: Span, doc_id: str, start: int, end: int) -> Evidence:
    lo = max(sent.start_char, min(start, actor.start) if sent.start_char <= actor.start else start)
    return Evidence(doc=doc_id, sentence=sentence_text(sent, lo, max(end, lo)), start=lo, end=max(end, lo))


def stance_row(
    actor: Actor, position: str, issue: str, sent: Span, doc_id: str, start: int, end: int, date: str | None
) -> Stance | None:
    if actor.country is None:
        return None
    ev = evidence_of(actor, sent, doc_id, start, end)
    return Stance(country=actor.country, issue=issue, position=position, evidence=ev, date=date)


Found = Stance | Voice


def found_row(
    actor: Actor, speaks: bool, ctx: DocContext, position: str, issue: str, sent: Span, where: tuple[str, int, int]
) -> Found | None:
    """The country's stance when the actor speaks for it, else the person's voice; ``where`` is (document id,
    start, end) of the evidence."""
    doc_id, start, end = where
    if speaks:
        return stance_row(actor, position, issue, sent, doc_id, start, end, ctx.published)
    return voice_of(actor, position, issue, evidence_of(actor, sent, doc_id, start, end), ctx.published, ctx.resolver)


def cue_rows(
    tok: Token,
    cues: list[StanceCue],
    ctx: DocContext,
    issue: str,
    doc_id: str,
    date: str | None,
    refs: frozenset[str] = frozenset(),
    doers: frozenset[str] = frozenset(),
    stopping: bool = False,
) -> list[Found]:
    """Rows of a cue token; ``stopping``: the story's act stops the issue (:func:`stopping_lead`), so a position
    on that act ("condemned the move") is the reverse position on the issue."""
    sent = ctx.sent_of(tok)
    for cue in cues:
        rest = _rest_found(tok, cue.words[1:])
        if rest is None:
            continue
        flipped = blocked = calm = False
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
            # a refusal told as to come is a refusal ("said it would not comment on the verdict")
            refusal = cue.kind == "absence" and negated and mod.cue in _REFUSAL_AUX
            if cue.negated != negated or (mod.hypothetical and not refusal):
                continue
            if cue.kind == "absence" and any(c.lower_ in _FURTHER for c in tok.children):
                continue  # "respected the ruling and would not comment further": it has said something
            if cue.kind == "absence" and not cue.negated and _silent_beside(tok):
                continue  # "was following the case closely but declined to comment": its silence is the row
            if cue.kind == "position":  # its object, or its preposition's ("called for", "spoke against")
                objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
                if tok.dep_ == "acl" and tok.tag_ == "VBN":  # "the resolution, drafted by Chile and Peru"
                    objs.append(tok.head)
                if tok.dep_ == "relcl" and any(o.lower_ in _RELATIVE_OBJECTS for o in objs):
                    objs.append(tok.head)  # "a verdict that Germany condemned": the verdict
                objs += [o for r in rest if r.pos_ == "ADP" for o in pobjs(r)]
                objs += what_called(tok)
                # the story's issue, or a generic issue noun that names nothing else ("welcomed the ceasefire")
                named = [o for o in objs if names_issue(o, refs, issue) or generic_issue(o, refs)]
                named += [o for o in objs if o not in named and doer_named(o, ctx, doers)]
                if tok.lemma_.lower() in _TO_WINNER:  # "congratulated Mamytov": the winner's result is the issue
                    named += [o for o in objs if o not in named and o.pos_ == "PROPN"]
                    # "congratulated the incumbent on his victory": what the winner won
                    named += [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "on" for o in pobjs(c)]
                flipped, blocked = bool(doers) and rejects_criticism(tok, objs, issue), blocks_issue(objs, issue)
                blocked = blocked or (stopping and points_at_act(objs, issue, refs))
                calm = cue.position == "supports" and calm_call(objs)  # "backed the EU call for calm"
                if not (named or flipped):
                    continue
                if issue == UNSPECIFIED:  # no issue yet: the object names it when it names someone's thing
                    issue = named_phrase(named[0])
                    if issue == UNSPECIFIED:
                        continue
            heads = _experiencers(tok) if tok.lemma_.lower() in _EXPERIENCING else subjects(tok)
        end = max([tok.idx + len(tok), *(r.idx + len(r) for r in rest)])
        out = []
        for actor, speaks in speakers(heads, ctx):
            position = reverse(cue.position or "") if blocked else cue.position or ""  # "lambasted the vetoes"
            position = "neutral" if calm else position
            if flipped and actor.country in doers:
                position = "supports"  # "Santiago rejected the protest": the issue's doer backs its own act
            elif flipped and not named:
                continue  # criticism rejected by another than the issue's doer: no position on the issue
            row = found_row(actor, speaks, ctx, position, issue, sent, (doc_id, min(actor.start, tok.idx), end))
            if row is not None:
                out.append(row)
        if out or heads:
            return out
    return []


def even_handed_rows(
    tok: Token, ctx: DocContext, issue: str, doc_id: str, date: str | None, doers: frozenset[str] = frozenset()
) -> list[Found]:
    sent, where = ctx.sent_of(tok), (doc_id, tok.idx, tok.idx + len(tok))
    found = [found_row(a, sp, ctx, "neutral", issue, sent, where) for a, sp in even_handed(tok, ctx, issue)]
    found += [found_row(a, sp, ctx, "opposes", issue, sent, where) for a, sp in undoing_call(tok, ctx, issue)]
    found += [found_row(a, sp, ctx, "opposes", issue, sent, where) for a, sp in pressing_call(tok, ctx, issue, doers)]
    return [row for row in found if row is not None]


def kept_up_rows(tok: Token, ctx: DocContext, issue: str, doc_id: str, refs: frozenset[str]) -> list[Found]:
    sent, where = ctx.sent_of(tok), (doc_id, tok.idx, tok.idx + len(tok))
    found = [found_row(a, sp, ctx, "supports", issue, sent, where) for a, sp in kept_up(tok, ctx, issue, refs)]
    return [row for row in found if row is not None]


def noun_rows(
    tok: Token,
    ctx: DocContext,
    issue: str,
    doc_id: str,
    date: str | None,
    refs: frozenset[str],
    stopping: bool = False,
) -> list[Found]:
    """A position named by a noun: "the United States expressed its support", "despite criticism by the
    Greek foreign minister": the one who expresses it (or the "by"/"from" agent) takes it, on the issue
    when the noun says what it is about ("support for the pipeline") or on the story's issue when not.
    ``stopping``: the story's act stops the issue, so a position on that act ("regret at the outcome") or on
    nothing named ("voiced dismay") is the reverse position on the issue."""
    position = NOUN_POSITIONS[tok.lemma_.lower()]
    about = [
        o
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in ("for", "of", "to", "against", "about", "over", "at")
        for o in pobjs(c)
    ]
    if issue == UNSPECIFIED or (about and not any(names_issue(o, refs, issue) for o in about)) or _negated_noun(tok):
        return []
    if stopping and (not about or points_at_act(about, issue, refs)):
        position = reverse(position)
    # "criticism by/from X" is X's; "support from X" is as often help as a position ("requested support from")
    agents = [o for c in tok.children if c.dep_ == "prep" and c.lower_ in ("by", "from") for o in pobjs(c)]
    heads = agents if position == "opposes" else []
    verb = tok.head
    if not heads and tok.dep_ == "dobj" and verb.lemma_.lower() in _EXPRESSING and clause_modality(verb).is_fact:
        heads = subjects(verb)
    sent = ctx.sent_of(tok)
    out = []
    for actor, speaks in speakers(heads, ctx):
        row = found_row(
            actor, speaks, ctx, position, issue, sent, (doc_id, min(actor.start, tok.idx), tok.idx + len(tok))
        )
        if row is not None:
            out.append(row)
    return out


@lru_cache(maxsize=1)
def characterizing_verbs() -> frozenset[str]:
    """Lemmas with an evaluative event pattern ("call", "describe", "find", "conclude": event_verbs.tsv)."""
    return frozenset(
        lemma for lemma, pats in verb_patterns().items() if any(n.kind == "eval" for p in pats for n in p.needs)
    )


def _about_issue(tok: Token) -> bool:
    """A phrase that names the issue or points back at the story's event ("its actions", "the air strike")."""
    nouns = issue_nouns()
    return any(t.pos_ == "NOUN" and (t.lemma_.lower() in nouns or anaphor_types(t.lemma_)) for t in tok.subtree)


# Clauses the parser hangs an "as" predicate on ("described the detention as completely unacceptable").
_AS_CLAUSES = frozenset({"advcl", "xcomp", "ccomp", "oprd"})


def characterization_rows(tok: Token, ctx: DocContext, issue: str, doc_id: str, date: str | None) -> list[Found]:
    """ "Mitsotakis called the agreement null and void", "they concluded that the deal is illegal", "found the
    strike justified": the speakers' countries oppose or support the issue; "they" counts every member."""
    polarity = evaluation_of(tok)
    if polarity is None:  # "described the detention as completely unacceptable", "as" parsed inside an adverbial
        preds = [c for c in tok.children if c.dep_ in _AS_CLAUSES and any(g.lower_ == "as" for g in c.children)]
        # or an adjective hung on "as" itself (a quoted one: 'described it as "completely unacceptable"')
        preds += [
            g for c in tok.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children if g.pos_ == "ADJ"
        ]
        polarity = judge_predicate(preds, people=False) if preds else None
    # the thing judged; a quoted judgement may swallow it ('called the closure "xenophobic"': closure under it)
    judged = objects(tok) or [c for c in tok.children if c.dep_ == "oprd"]
    if polarity is None or not any(_about_issue(o) for o in judged) or not clause_modality(tok).is_fact:
        return []
    sent = ctx.sent_of(tok)
    out: list[Found] = []
    for head in subjects(tok):
        members = ctx.plural_members(head) if head.pos_ == "PRON" else []
        pairs = [(a, True) for a in members if a.country] or speakers([head], ctx)
        for actor, speaks in pairs:
            where = (doc_id, min(actor.start, tok.idx), tok.idx + len(tok))
            position = reverse(_POLARITY[polarity]) if blocks_issue(objects(tok), issue) else _POLARITY[polarity]
            row = found_row(actor, speaks, ctx, position, issue, sent, where)
            if row is not None:
                out.append(row)
    return out


def _positions(lemmas: list[str], lowers: list[str]) -> dict[str, list[int]]:
    """Where each word stands (as a lemma or as written), in order."""
    at: dict[str, list[int]] = {}
    for i, (lemma, lower) in enumerate(zip(lemmas, lowers, strict=True)):
        at.setdefault(lemma, []).append(i)
        if lower != lemma:
            at.setdefault(lower, []).append(i)
    return at


def quote_rows(
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
        at = _positions(lemmas, lowers)
        for cue in quote_cues:
            n = len(cue.words)
            # the first place the cue's words stand, tried only where its first word does
            hit = next(
                (
                    i
                    for i in (at.get(cue.words[0], ()) if n else range(1))
                    if i <= len(toks) - n and all(cue.words[k] in (lemmas[i + k], lowers[i + k]) for k in range(1, n))
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
            row = found_row(actor, speaks, ctx, cue.position or "", issue, sent, where)
            return [row] if row is not None else []
    return []
