"""Calls on the sides of a dispute (issue 11, "Stances"): on every side, a position that takes no side; on
one side, to undo what it does, a position against the issue.

"Brazil urged both sides to settle their differences through dialogue", "the foreign ministry called on all
parties to show restraint", "Washington asked the two sides to return to talks": a state that calls on both
sides of the story's dispute (both sides, all parties, the two neighbours, both governments, two states it
names: "urged Bishkek and Dushanbe"), or for calm asked of no one ("called for restraint") is ``neutral`` on its
issue; one that urges a side to free, stop, withdraw or refrain ("urged the authorities to free the detained")
``opposes`` it (:func:`undoing_call`); one that will not undo it ("said it would not halt the crackdown",
"refused to lift the ban") ``supports`` it (:func:`kept_up`); the doer of the story's act that rejects criticism
of it ("Santiago rejected the protest") ``supports`` it (:func:`rejects_criticism`, :func:`story_doers`); a
position whose object is that doer or one of its bodies ("defended the army", "condemned Kenya") is a position
on its act (:func:`doer_named`); a position on a blocking of the issue ("lambasted the vetoes") is the reverse
position on it (:func:`blocks_issue`); an event answers the issue when its reason names it ("summoned the
ambassador over the deportation", :func:`issue_in_event`).
:mod:`newsgraph.extract.stances` turns what they find into rows (a person without an office gives a voice).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.extract.events.actors import pobjs, subjects, token_country
from newsgraph.extract.events.modality import clause_modality
from newsgraph.extract.stance_issue import UNSPECIFIED, generic_issue, label_words, names_issue
from newsgraph.extract.syntax import conjuncts
from newsgraph.extract.voices import is_person, speakers

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Span, Token

    from newsgraph.core.model import Event
    from newsgraph.extract.events.actors import Actor, DocContext

__all__ = [
    "CALLS",
    "CRITICISM",
    "EVEN_HANDED",
    "UNDO",
    "UNDOING",
    "calm_call",
    "doer_named",
    "even_handed",
    "kept_up",
    "points_at_act",
    "pressing_call",
    "rejects_criticism",
    "stopping_lead",
    "story_doers",
    "undoing_call",
]

# Verbs of a call on someone: "urged both sides", "called on all parties", "asked the two sides".
EVEN_HANDED = frozenset({"urge", "call", "appeal", "ask", "encourage", "press", "invite"})
# Verbs of a call on one side ("demanded that Santiago halt the expulsions"), which may be no call on both.
CALLS = EVEN_HANDED | {"demand"}
_SIDES = frozenset(
    {"side", "party", "neighbour", "neighbor", "country", "nation", "government", "rival", "faction", "ally"}
)
_EVERY = frozenset({"both", "all", "two"})
# What a call for calm asks of everyone: no side's act.
_CALM = frozenset({"restraint", "calm", "dialogue", "de-escalation", "deescalation"})
# What a call on one side asks it to undo or stop: the call opposes what that side does.
UNDO = _UNDO = frozenset(
    {"free", "release", "refrain", "stop", "end", "halt", "withdraw", "lift", "cease", "reverse", "revoke"}
    | {"rescind", "cancel", "drop", "abandon", "scrap", "suspend", "pull", "desist"}
    | {"quash", "overturn", "annul", "repeal", "commute"}
)


def undoing_call(tok: Token, ctx: DocContext, issue: str) -> list[tuple[Actor, bool]]:
    """Who calls on one side to undo or stop what it does ("urged the authorities to free the detained",
    "called on China to refrain from coercive actions", "asked Russia to withdraw its troops"): a call
    against the story's issue, so ``opposes``. Not a call on both sides (:func:`even_handed`)."""
    if issue == UNSPECIFIED or tok.pos_ != "VERB" or tok.lemma_.lower() not in CALLS:
        return []
    if even_handed(tok, ctx, issue):
        return []
    acts = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"]
    acts += [g for c in tok.children if c.dep_ == "prep" for g in c.children if g.dep_ in ("xcomp", "ccomp")]
    if not any(a.lemma_.lower() in _UNDO and _thing_undone(a) for a in acts):
        return []
    mod = clause_modality(tok)
    if mod.negated or mod.hypothetical:
        return []
    return speakers(subjects(tok), ctx)


# What a call on the issue's doer may ask that carries its act on, so is no pressure against it.
_CARRY_ON = frozenset(
    {"continue", "keep", "maintain", "implement", "proceed", "pursue", "honour", "honor", "complete", "expand"}
    | {"extend", "finish", "carry", "step", "intensify", "accelerate", "speed", "go"}
    | {"act", "move", "approve", "pass", "adopt", "ratify", "sign", "handle"}  # "urged the House to act quickly"
)
# Calls that press a side (not "invited"), and the positions that, taken in the same breath, make the call
# advice to a side backed ("welcomed the vote and urged the leaders to resolve their differences").
_PRESSING = frozenset({"urge", "call", "ask", "press", "demand", "appeal"})
_BACKING = frozenset({"welcome", "praise", "hail", "commend", "back", "support", "applaud", "endorse"})


def pressing_call(tok: Token, ctx: DocContext, issue: str, doers: frozenset[str]) -> list[tuple[Actor, bool]]:
    """Who calls on the state that did the story's act to act otherwise ("urged Tbilisi to respect due
    process", "called on Maputo to guarantee access", "urged the military to restore constitutional order",
    "urged Abuja to reconsider"): pressure on the doer against its act, so ``opposes`` (PLOVER REQUEST aimed
    at the doer). Not a call on both sides (:func:`even_handed`), one to undo the issue (:func:`undoing_call`,
    already ``opposes``), one to carry the act on ("urged Kyiv to continue the reforms"), nor a doer's own call."""
    if issue == UNSPECIFIED or not doers or tok.pos_ != "VERB" or tok.lemma_.lower() not in _PRESSING:
        return []
    if tok.dep_ == "relcl":  # "which has pressed Caribbean governments to ...": told of, not said now
        return []
    acts = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")]
    acts += [g for c in tok.children if c.dep_ == "prep" for g in c.children if g.dep_ in ("xcomp", "ccomp")]
    acts += [c for a in acts for c in conjuncts(a)]
    if not acts or any(a.lemma_.lower() in _CARRY_ON | _UNDO for a in acts):
        return []
    if any(c.dep_ == "dobj" and c.lemma_.lower() in _CALM for a in acts for c in a.children):
        return []  # "called on police to show restraint": calm asked, no side taken
    urged = [c for c in tok.children if c.dep_ == "dobj"]
    urged += [o for c in tok.children if c.dep_ in ("prep", "prt") and c.lower_ == "on" for o in pobjs(c)]
    urged += [g for a in acts for g in a.children if g.dep_ == "nsubj"]
    urged += [c for o in urged for c in conjuncts(o)]
    if not urged or not all(_doer_state(o, ctx, doers) for o in urged):
        return []
    # the same speaker's other calls and positions in the sentence ("urged all sides to show restraint and
    # called on the authorities to ...", "welcomed the gesture and urged Rome to ...")
    near = [tok.head] if tok.dep_ == "conj" else []
    near += [c for c in tok.children if c.dep_ == "conj"]
    if any(v.lemma_.lower() in _BACKING or even_handed(v, ctx, issue) for v in near):
        return []
    if even_handed(tok, ctx, issue) or any(clause_modality(a).negated for a in acts):
        return []
    mod = clause_modality(tok)
    if mod.negated or mod.hypothetical:
        return []
    return [(a, sp) for a, sp in speakers(subjects(tok), ctx) if a.country not in doers]


def _doer_state(obj: Token, ctx: DocContext, doers: frozenset[str]) -> bool:
    """The one urged is the doer state or one of its bodies or officials ("Tbilisi", "Ugandan authorities",
    "the military", "Vukovic")."""
    if obj.pos_ not in ("NOUN", "PROPN"):
        return False
    actor = ctx.actor(obj)
    return actor.country in doers


# Verbs that refuse an act ("refused to lift the ban", "ruled out ending the patrols").
_REFUSING = frozenset({"refuse", "reject", "decline", "rule"})


def kept_up(tok: Token, ctx: DocContext, issue: str, refs: frozenset[str] = frozenset()) -> list[tuple[Actor, bool]]:
    """Who says the issue will not be undone ("it would not halt the crackdown", "refused to lift the
    ban"): the doer keeps it up, a position for it (``supports``). ``tok`` is the undoing verb."""
    if issue == UNSPECIFIED or tok.pos_ != "VERB" or tok.lemma_.lower() not in _UNDO:
        return []
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    if not any(names_issue(o, refs, issue) or generic_issue(o, refs) for o in objs):
        return []
    refusing = tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _REFUSING
    if not (clause_modality(tok).negated or refusing):
        return []
    return speakers(subjects(tok.head if refusing else tok), ctx)


def even_handed(tok: Token, ctx: DocContext, issue: str) -> list[tuple[Actor, bool]]:
    """Who calls on both (or all) sides with verb ``tok``: (actor, speaks for its country), none when the
    call is negated or hypothetical, or the story has no issue."""
    if issue == UNSPECIFIED or tok.pos_ != "VERB" or tok.lemma_.lower() not in EVEN_HANDED:
        return []
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    # "called on all parties": "on" a preposition or a particle, or the parties the subject of the clause asked for
    objs += [o for c in tok.children if c.dep_ in ("prep", "prt") and c.lower_ == "on" for o in pobjs(c)]
    objs += [g for c in tok.children if c.dep_ in ("xcomp", "ccomp") for g in c.children if g.dep_ == "nsubj"]
    both = any(
        o.lemma_.lower() in _SIDES and o.tag_ == "NNS" and any(d.lower_ in _EVERY for d in o.children) for o in objs
    )
    # "urged Bishkek and Dushanbe to show restraint": two states named, each a side
    named = {token_country(t) for o in objs for t in (o, *conjuncts(o))} - {None}
    # "urged them to resolve their differences": a plural pronoun for the two states named before it
    named |= {a.country for o in objs if o.pos_ == "PRON" for a in ctx.plural_members(o)} - {None}
    both = both or len(named) >= 2
    # "China called for restraint", "urged calm": restraint asked of no one in particular
    asked = objs + [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "for" for o in pobjs(c)]
    both = both or (bool(asked) and all(o.lemma_.lower() in _CALM for o in asked))
    mod = clause_modality(tok)
    if not both or mod.negated or mod.hypothetical:
        return []
    return speakers(subjects(tok), ctx)


def calm_call(objs: Sequence[Token]) -> bool:
    """Objects that are all a call for calm ("backed the EU call for calm", "endorsed the appeal for restraint"):
    a position on them asks every side for calm, so takes no side (``neutral``)."""
    return bool(objs) and all(
        o.lemma_.lower() in ("call", "appeal")
        and any(
            p.lemma_.lower() in _CALM for c in o.children if c.dep_ == "prep" and c.lower_ == "for" for p in pobjs(c)
        )
        for o in objs
    )


def _thing_undone(act: Token) -> bool:
    """The undoing verb acts on a thing or a person ("free Vannak", "refrain from coercive actions"), not
    on a doing of its own ("stop stirring up trouble" asks for a change of manner, not of the issue)."""
    objs = [c for c in act.children if c.dep_ in ("dobj", "nsubjpass")]  # "demanded that the men be freed"
    objs += [g for c in act.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return any(o.pos_ in ("NOUN", "PROPN", "PRON") for o in objs)


# Verbs that reject what is said, and the nouns of what critics say: rejecting criticism of an act backs it.
_REJECTING = frozenset({"reject", "dismiss", "rebuff", "repudiate", "brush"})
_CRITICISM = frozenset(
    {"accusation", "allegation", "charge", "claim", "criticism", "protest", "suggestion", "condemnation"}
    | {"complaint", "statement", "remark", "comment", "assertion", "concern", "account", "version", "report"}
    | {"demand", "call", "ultimatum"}  # what critics ask for: "rejected calls for the minister to resign"
    | {"objection"}
)
CRITICISM = _CRITICISM
# Events that answer another's act rather than being the story's own (stances._REACTIONS).
_ANSWERS = frozenset({"ACCUSE", "REJECT", "SUPPORT", "CONSULT", "PROTEST"})


def rejects_criticism(tok: Token, objs: Sequence[Token], issue: str) -> bool:
    """A verb of rejection whose objects are all criticism ("rejected the protest", "dismissed the accusations",
    "rebuffed suggestions that the cut-off was political"): the issue's doer that rejects it backs the issue
    (``supports``), unless the issue is that criticism itself ("the Dutch accusation that ...")."""
    if tok.lemma_.lower() not in _REJECTING or not objs or issue == UNSPECIFIED:
        return False
    if label_words(issue) & _CRITICISM:
        return False
    return all(o.pos_ == "NOUN" and o.lemma_.lower() in _CRITICISM for o in objs)


def story_doers(events: Sequence[Event], lead_end: int) -> frozenset[str]:
    """The countries that do the story's own act: the first factual event of the lead (before ``lead_end``)
    that answers nobody ("Peru summoned Chile's envoy after Chilean police expelled 327 migrants": Chile)."""
    facts = sorted((e for e in events if not (e.negated or e.hypothetical) and e.actor_country), key=_start)
    acts = [e for e in facts if e.type not in _ANSWERS]
    if not acts or acts[0].evidence.start >= lead_end:
        return frozenset()
    first = acts[0]
    same = (e for e in acts if e.evidence.sentence == first.evidence.sentence and e.type == first.type)
    return frozenset(e.actor_country for e in same if e.actor_country)


def _start(e: Event) -> int:
    return e.evidence.start


# Sectors of a state's own bodies: a country named alone has none.
_STATE_BODIES = frozenset({"GOV", "LEG", "MIL", "POL", None})


def doer_named(obj: Token, ctx: DocContext, doers: frozenset[str]) -> bool:
    """The object of a position is the state that did the story's act, or one of its bodies ("Mexico's president
    defended the army", "Poland condemned Russia"): a position on the act (``doers``: :func:`story_doers`)."""
    if not doers or obj.pos_ not in ("NOUN", "PROPN") or is_person(obj, ctx):
        return False  # praise for a person ("hailed the late president") is for the person
    actor = ctx.actor(obj)  # the object itself, not a possessor ("praised his role")
    return actor.head == obj.i and actor.country in doers and actor.sector in _STATE_BODIES


# Nouns of an act that blocks the issue: a position on the blocking is the reverse position on the issue.
_BLOCKING = frozenset({"veto", "rejection", "refusal"})
# Nouns of an act that undoes the issue ("called for the release of the detainees", "demanded an end to the
# blockade", "welcomed the lifting of the ban"): a position on the undoing is the reverse position on the issue.
UNDOING = frozenset(
    {"release", "freeing", "withdrawal", "lifting", "repeal", "reversal", "revocation", "cancellation"}
    | {"annulment", "rollback", "end", "halt", "cessation"}
)
# Issues that are themselves a freeing or a settlement ("the royal pardon", "the prisoner exchange"): a call for
# a release is then a call for the issue, not against it.
_FREEING = frozenset({"pardon", "amnesty", "clemency", "exchange", "swap", "deal", "agreement", "handover"})


def blocks_issue(objs: Sequence[Token], issue: str) -> bool:
    """Objects that all name a blocking of the issue ("lambasted the two vetoes", "called the vetoes
    indefensible") or an undoing of it ("called for the immediate release of the two men"), when the issue is
    not that blocking or undoing itself: the position on them is reversed on the issue."""
    if issue == UNSPECIFIED or not objs:
        return False
    words = label_words(issue)
    undoing = _BLOCKING if words & _FREEING else _BLOCKING | UNDOING
    return all(o.pos_ == "NOUN" and (lemma := o.lemma_.lower()) in undoing and lemma not in words for o in objs)


# A challenge to the issue: blocking it ("blocked China's request for a panel on the duties") is no stopping of
# the issue.
_CHALLENGES = _CRITICISM | {"request", "bid", "motion", "appeal", "challenge", "petition", "lawsuit", "case"}
# Verbs of an act that stops the issue ("Hungary vetoed the aid package", "a judge blocked the closure").
_STOPPING = frozenset({"veto", "block", "reject", "suspend", "overturn", "annul", "quash", "halt"})


def stopping_lead(lead: Sequence[Span], issue: str, refs: frozenset[str]) -> bool:
    """The story's lead tells of an act that stops the issue ("Hungary on Monday vetoed a package of military
    aid for Ukraine"): a position on that act ("condemned the move", "welcomed the decision") is the reverse
    position on the issue."""
    if issue == UNSPECIFIED:
        return False
    words = label_words(issue)
    return any(
        tok.pos_ == "VERB"
        and tok.lemma_.lower() in _STOPPING
        and not any(w.startswith(tok.lemma_.lower()[:5]) for w in words)  # the issue is the stopping itself
        and clause_modality(tok).is_fact
        and any(
            c.dep_ == "dobj" and c.lemma_.lower() not in _CHALLENGES and names_issue(c, refs, issue)
            for c in tok.children
        )
        for sent in lead
        for tok in sent
    )


# Nouns that point back at an act, not at a thing acted on ("the draft", "the bill" name the issue itself).
_ACT_WORDS = frozenset(
    {"move", "decision", "step", "ruling", "verdict", "outcome", "result", "action", "response", "vote"}
)


def points_at_act(objs: Sequence[Token], issue: str, refs: frozenset[str]) -> bool:
    """Objects that are all words pointing back at the story's act ("the move", "the decision", "the
    ruling") rather than nouns of the issue itself."""
    words = label_words(issue)
    return bool(objs) and all(
        o.pos_ == "NOUN" and (lemma := o.lemma_.lower()) in refs & _ACT_WORDS and lemma not in words for o in objs
    )


def reverse(position: str) -> str:
    """ "supports" for "opposes" and back; other positions as they are."""
    return {"supports": "opposes", "opposes": "supports"}.get(position, position)


# Prepositions that give the reason for an act ("summoned the ambassador over the deportation").
_REASONS = frozenset({"over", "about", "against"})


def issue_in_event(span: Span, head: str) -> bool:
    """The issue's head noun among an event's words or in a reason phrase hung on them ("Cambodia summoned
    Thailand's ambassador over the deportation of 300 workers"): the act answers the issue."""
    reasons = [
        t
        for w in span
        for c in w.children
        if c.dep_ == "prep" and c.lower_ in _REASONS and not span.start <= c.i < span.end
        for t in c.subtree
    ]
    return any(t.pos_ == "NOUN" and head in (t.lemma_.lower(), t.lower_) for t in [*span, *reasons])
