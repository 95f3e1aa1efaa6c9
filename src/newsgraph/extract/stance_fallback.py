"""A government's judgement of a thing the story's issue label does not name: its position on the issue when
the story gives the country no other row (:mod:`newsgraph.extract.stances`).

A reaction in a news story judges the story's matter, but often by a word of its own: "Norway welcomed the
Chilean approach", "Estonia and Latvia praised the effort", "Denmark criticised the timing", "the ministry
condemned what it called the harsh treatment of its citizens", "summoned the envoy to protest against what it
called the closure of the border". The position readers of :mod:`newsgraph.extract.stance_cues` count a cue
only on an object that names the issue (a word of its label, an issue noun, a word pointing back at it), so
these states get no row when the label names the matter by another noun. Here a verb of judgement (the
codebook's SUPPORT / ACCUSE / REJECT senses: welcome, back, praise, condemn, criticise, reject, protest ...)
told as a fact, by a state or an office that speaks for it, on a definite thing ("the", "this": a thing the
story has told of) or on what the taker calls it, gives that state its position, but only as a last word: a
state that the story gives any other row keeps that row alone.

Not read this way: calls and requests ("called for talks": what is asked for is no judgement of the issue),
verbs of refusal ("declined the invitation"), people, bodies, places or another's thing as the object, an
inquiry, an issue noun the position readers judged to name another issue, criticism rejected, a participle's
guessed doer, and negated or hypothetical clauses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.core.model import Stance
from newsgraph.extract.events.actors import DocContext, pobjs, subjects
from newsgraph.extract.events.modality import clause_modality
from newsgraph.extract.stance_cues import Found, found_row, what_called
from newsgraph.extract.stance_issue import UNSPECIFIED, leading_countries, named_phrase, qualified
from newsgraph.extract.stance_sides import CRITICISM, blocks_issue, reverse
from newsgraph.extract.voices import is_person, speakers
from newsgraph.lexicon.agents import agent_sector
from newsgraph.lexicon.events import context_sectors, issue_nouns, people_noun

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Token

__all__ = ["ANSWERING", "JUDGING", "answer_rows", "judged_issue", "judged_rows", "last_word"]

# Verbs of judgement and the position they take on what they judge.
_SUPPORTING = ("welcome", "back", "support", "endorse", "praise", "hail", "applaud", "commend", "defend", "uphold")
_OPPOSING = ("condemn", "criticise", "criticize", "denounce", "reject", "deplore", "decry", "slam", "oppose", "protest")
_DISMISSING = ("lambaste", "lambast", "dismiss", "rebuff", "repudiate", "assail", "castigate")
JUDGING = {**dict.fromkeys(_SUPPORTING, "supports"), **dict.fromkeys((*_OPPOSING, *_DISMISSING), "opposes")}
# A clause of its own with its own subject: not a gerund or participle whose doer is only inferred ("praised his
# role in supporting the struggle").
_CLAUSES = frozenset({"ROOT", "conj", "ccomp", "relcl"})
_NAMING = frozenset({"call", "describe", "term", "dub", "label"})
_DEFINITE = frozenset({"the", "this", "these", "that", "those", "any", "a", "an"})
_EXAMINING = frozenset({"inquiry", "investigation", "probe", "review", "inspection", "audit"})
_NAMED_THINGS = frozenset({"PERSON", "GPE", "LOC", "NORP", "ORG", "FAC"})


def _definite_thing(obj: Token, ctx: DocContext, named: bool = False) -> bool:
    """A common noun the story has told of ("the move", "the Philippine proposal"), not a person, a place, a
    body or people of a sector ("praised the Slovak National Party", "defended the officers", "criticized the
    judges"), nor a thing a possessor names as another's ("Argentina's reform agenda", "Iran's right")."""
    if obj.pos_ != "NOUN" or obj.ent_type_ in _NAMED_THINGS or is_person(obj, ctx):
        return False
    if not named and not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in obj.children):
        return False
    lemma = obj.lemma_.lower()
    if lemma in _EXAMINING:
        return False  # "welcomed the inquiry": a look into the matter, no judgement of it
    if any(t.pos_ == "NOUN" and t.lemma_.lower() in issue_nouns() for t in obj.subtree):
        return False  # an issue noun the position readers found no issue of the story's ("the Turkish-Libyan deal")
    # people or a body named by their work or kind ("the judges", "the officers", "the government", "the party")
    return agent_sector(lemma) is None and lemma not in context_sectors() and not people_noun(lemma, obj.tag_ == "NNS")


def _judged_things(tok: Token, ctx: DocContext) -> list[Token]:
    """The definite things a verb of judgement told as a fact judges (its object, or what the taker calls it)."""
    if JUDGING.get(tok.lemma_.lower()) is None or tok.pos_ != "VERB" or not _own_clause(tok):
        return []
    if not clause_modality(tok.head if _purpose(tok) else tok).is_fact:
        return []
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    objs += [o for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "against") for o in pobjs(c)]
    called = what_called(tok) + _called_after(tok)
    return [o for o in objs if _definite_thing(o, ctx)] + [o for o in called if _definite_thing(o, ctx, True)]


def judged_issue(ctx: DocContext) -> str | None:
    """For a story whose words name no issue noun: the first named thing a state's judgement is about ("summoned
    India's envoy to protest against the sudden opening of the Gajoldoba barrage's gates": "sudden opening (India,
    Bangladesh)"), with the story's countries, so that its reactions have an issue to take a position on."""
    for tok in ctx.doc:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in JUDGING:
            continue
        for thing in _judged_things(tok, ctx):
            phrase = named_phrase(thing)
            if phrase != UNSPECIFIED:
                return qualified(phrase, leading_countries(ctx.doc))
    return None


def _called_after(tok: Token) -> list[Token]:
    """What the taker's words name after a preposition ("to protest against what it called the closure")."""
    return [
        o
        for c in tok.children
        if c.dep_ == "prep"
        for g in c.children
        if g.lemma_.lower() in _NAMING and any(w.lower_ == "what" for w in g.children)
        for o in g.children
        if o.dep_ in ("oprd", "dobj") and o.lower_ != "what"
    ]


def _purpose(tok: Token) -> bool:
    """An infinitive of purpose that shares its main clause's subject ("summoned the envoy to protest ...")."""
    return tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _own_clause(tok: Token) -> bool:
    """A clause with a subject of its own, or an infinitive of purpose; not a participle whose doer is only
    guessed."""
    return tok.dep_ in _CLAUSES or _purpose(tok)


def judged_rows(tok: Token, ctx: DocContext, issue: str, doc_id: str) -> list[Found]:
    """The rows of a verb of judgement on a definite thing (its direct object, or what the taker calls it), the
    state subjects' only."""
    position = JUDGING.get(tok.lemma_.lower())
    if position is None or tok.pos_ != "VERB" or not _own_clause(tok):
        return []
    purpose = _purpose(tok)
    if not clause_modality(tok.head if purpose else tok).is_fact:  # "summoned the envoy to protest": done
        return []
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    objs += [o for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "against") for o in pobjs(c)]
    called = what_called(tok) + _called_after(tok)
    things = [o for o in objs if _definite_thing(o, ctx)] + [o for o in called if _definite_thing(o, ctx, True)]
    if position == "opposes" and any(o.lemma_.lower() in CRITICISM for o in things):
        return []  # "rejected the criticism": whose act it backs, the issue's or the critic's, the label decides
    if not things:
        return []
    if blocks_issue(things, issue):  # "welcomed the lifting of the ban": the reverse position on the ban
        position = reverse(position)
    sent = ctx.sent_of(tok)
    out: list[Found] = []
    heads = subjects(tok) or (subjects(tok.head) if purpose else [])
    for actor, speaks in speakers(heads, ctx):
        where = (doc_id, min(actor.start, tok.idx), tok.idx + len(tok))
        # a state named or known from its office, not one the story's country is guessed for ("union leaders")
        row = found_row(actor, True, ctx, position, issue, sent, where) if speaks and not actor.inferred else None
        if row is not None:
            out.append(row)
    return out


# Acts done to another state that tell a side in a story of one state's act: summoning its envoy, accusing it.
ANSWERING = frozenset({"summon", "accuse"})
_ENVOYS = frozenset({"ambassador", "envoy", "commissioner", "chargé", "charge", "diplomat", "representative"})


def answer_rows(tok: Token, ctx: DocContext, issue: str, doc_id: str, doers: frozenset[str]) -> list[Found]:
    """A state that summons another's envoy or accuses another ("summoned India's high commissioner", "accused
    Myanmar of ..."), in a story whose act one of the two did (``doers``): against the act when the other did it,
    for it when the taker did (its summons or charge presses its own case)."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in ANSWERING or not doers or not clause_modality(tok).is_fact:
        return []
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    if tok.lemma_.lower() == "summon":
        objs = [o for o in objs if any(t.lower_ in _ENVOYS for t in o.subtree)]
    others = {c for o in objs if (c := ctx.actor(o).country)}
    if len(others) != 1:
        return []
    other = others.pop()
    sent = ctx.sent_of(tok)
    out: list[Found] = []
    for actor, speaks in speakers(subjects(tok), ctx):
        if not speaks or actor.inferred or actor.country in (None, other):
            continue
        if other in doers and actor.country not in doers:
            position = "opposes"
        elif actor.country in doers and other not in doers:
            position = "supports"
        else:
            continue
        where = (doc_id, min(actor.start, tok.idx), tok.idx + len(tok))
        row = found_row(actor, True, ctx, position, issue, sent, where)
        if row is not None:
            out.append(row)
    return out


def last_word(rows: Sequence[Found], judged: Sequence[Found]) -> list[Found]:
    """The judged rows of the states that ``rows`` gives no row, one per state (the first told)."""
    placed = {row.country for row in rows if isinstance(row, Stance)}
    out: list[Found] = []
    for row in judged:
        if isinstance(row, Stance) and row.country not in placed:
            placed.add(row.country)
            out.append(row)
    return out
