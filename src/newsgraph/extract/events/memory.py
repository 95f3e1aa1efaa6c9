"""What a document has told so far about its events, for the sentences that follow.

The event coder (``extract/events.py``) reads a document sentence by sentence and tells
this memory every event it codes, and every nominal event it meets without an actor
("rocket attacks on the embassy"). Later sentences use it four ways:

- **anaphora**: a definite event noun without an actor of its own ("the attack", "the
  summit", "the request"; ``event_context.tsv`` kind ``anaphor``) refers to the document's
  *first* event of its type with an actor. News text names its main event first and then
  calls it "the attack" (calibrated on the 12 Wikinews gold articles: in every one the
  definite event noun of a reaction — "condemned the attack", "declined the request",
  "called the agreement null and void" — points at the lead event, not the most recent
  one). "X condemned the attack" → X accuses the attacker.
- **untold actors**: "the rocket strikes were carried out by X" gives X the target of the
  latest nominal event of that type told without an actor ("rocket attacks on the embassy").
- **continuation**: an event that names no target takes the target of the same actor's
  earlier event of the same type ("began an offensive into Syria" ... "began the offensive
  with airstrikes").
- **response**: an act of force without a target, by the group an event of this or the
  previous sentence was aimed at, is aimed back at that event's actor ("police used tear
  gas against protesters. Some protesters responded by throwing stones").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from newsgraph.extract.syntax import is_passive, subjects
from newsgraph.lexicon.events import act_types, anaphor_types

if TYPE_CHECKING:
    from spacy.tokens import Token

    from newsgraph.extract.events.actors import Actor, DocContext

__all__ = ["EventMemory", "Told", "answered_target", "is_definite", "verb_antecedent"]

_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_RESPONSE_WINDOW = 1  # sentences back a response may answer (this one and the previous one)
_PROMISED_WINDOW = 5  # sentences back a promised response may answer (the retaliation told after the act)
_DENIAL_WINDOW = 2  # sentences back a denial may answer
_SIDES_WINDOW = 6  # sentences back the two sides "both sides" stands for may have been told
_ATTACK_WINDOW = 2  # sentences back the fighting an unattributed casualty was hurt in may be told
_ANSWERED = frozenset({"ACCUSE", "REQUEST"})  # what a denial or a refusal answers: a charge or a demand


@dataclass(slots=True)
class Told:
    """One event as the document told it: its type, actor and target (either may be unknown)."""

    type: str
    actor: Actor | None
    target: Actor | None
    sent: int


def is_definite(noun: Token) -> bool:
    """A noun phrase that points back: "the attack", "this deal", "its operation"."""
    return any(
        (c.dep_ == "det" and c.lower_ in _DEFINITE) or (c.dep_ == "poss" and c.pos_ == "PRON") for c in noun.children
    )


def _same_group(a: Actor, b: Actor) -> bool:
    if a.head >= 0 and a.head == b.head:
        return True
    if a.name and b.name:
        return a.name == b.name
    return a.sector is not None and a.sector == b.sector and a.country == b.country


def _same_actor(a: Actor, b: Actor) -> bool:
    if a.name is not None and b.name is not None:
        return a.name == b.name
    return a.country is not None and a.country == b.country and a.sector == b.sector


class EventMemory:
    """The events of one document in the order it told them."""

    def __init__(self) -> None:
        self.told: list[Told] = []

    def tell(self, type_: str, actor: Actor | None, target: Actor | None, sent: int) -> None:
        if actor is not None and actor.unknown:
            actor = None  # an unidentified attacker is no one later sentences can point back to
        self.told.append(Told(type_, actor, target, sent))

    def accused(self, actor: Actor) -> bool:
        """Whether the document told an accusation aimed at ``actor``'s side (by name, or at its country)."""
        return any(
            t.type == "ACCUSE"
            and t.target is not None
            and (t.target.label == actor.label or (actor.country is not None and t.target.country == actor.country))
            for t in self.told
        )

    def holder(self, requester: Actor, asked: list[Actor]) -> Actor | None:
        """Who holds the people a release is asked of: the latest side of another country that detained,
        seized or abducted someone ("demanded the release of the fishermen": whoever detained them), unless
        the request names a side of another country as asked (``asked``: "urged Iran to free them")."""
        if any(t.country not in (None, requester.country) for t in asked):
            return None
        for told in reversed(self.told):
            doer = told.actor
            if told.type == "COERCE" and doer is not None and doer.country not in (None, requester.country):
                return doer
        return None

    def captor(self, freed: Actor) -> Actor | None:
        """Who held the people a release frees, its freer unsaid ("Three of the detained fishermen were released"):
        the latest side that detained, seized or abducted people of their group or country."""
        for told in reversed(self.told):
            doer, held = told.actor, told.target
            if told.type != "COERCE" or doer is None or doer.country is None or held is None:
                continue
            if _same_group(held, freed) or (freed.country is not None and held.country == freed.country):
                return doer
        return None

    def last_held(self, sent: int) -> tuple[Actor, Actor] | None:
        """(captor, held) of the latest detention told in this or the two sentences before ("Police detained
        two activists. They were released ...": the activists, held by the police)."""
        for told in reversed(self.told):
            if told.sent < sent - 2:
                break
            if told.type == "COERCE" and told.actor is not None and told.target is not None:
                return told.actor, told.target
        return None

    def last_pair(self, sent: int) -> list[Actor]:
        """The two sides of the latest event of this or the sentence before that has both ("X spoke with Y by
        phone. The two agreed ..."): what "the two" and "both" stand for."""
        for told in reversed(self.told):
            if told.sent < sent - 1:
                break
            if told.actor is not None and told.target is not None and told.actor.label != told.target.label:
                return [told.actor, told.target]
        return []

    def last_sides(self, sent: int, window: int = _SIDES_WINDOW) -> list[Actor]:
        """The two sides, both with a country, of the latest event told in the last ``window`` sentences between
        two of them ("the army and the RSF accused each other ... urged both delegations"): who "both sides" are
        when they are not the story's two countries."""
        for told in reversed(self.told):
            if told.sent < sent - window:
                break
            a, t = told.actor, told.target
            if a is not None and t is not None and a.country and t.country and a.label != t.label:
                return [a, t]
        return []

    def referent(self, noun: Token) -> Told | None:
        """The event a definite event noun refers back to: the first told event of its type with an actor."""
        for type_ in anaphor_types(noun.lemma_) or anaphor_types(noun.lower_):
            for told in self.told:
                if told.type == type_ and told.actor is not None:
                    return told
        return None

    def doer(self, noun: Token) -> Actor | None:
        """The actor of the event ``noun`` refers back to, placed on ``noun`` for the evidence span."""
        if not is_definite(noun):
            return None
        told = self.referent(noun)
        if told is None or told.actor is None:
            return None
        return replace(told.actor, start=noun.idx, end=noun.idx + len(noun), head=-1, remembered=True)

    def answered_act(self, noun: Token, actor: Actor) -> Actor | None:
        """Who did the act a definite act noun with no owner names ("rejected the criticism": who criticised;
        "welcomed the decision": who decided), placed on ``noun``: the latest event of the noun's types by
        another side, or for a noun of any act the document's first event by another side (its lead)."""
        types = act_types(noun.lemma_)
        types = act_types(noun.lower_) if types is None else types
        called = noun.dep_ in ("oprd", "attr") or (noun.dep_ == "pobj" and noun.head.lower_ == "as")
        if types is None or not (called or any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in noun.children)):
            return None  # "the decision", or what someone called "a disproportionate response"
        if any(c.dep_ in ("poss", "compound", "amod") and c.pos_ in ("PROPN", "PRON") for c in noun.children) or any(
            c.dep_ == "prep" and c.lower_ in ("of", "by", "from") for c in noun.children
        ):
            return None  # "Russia's decision", "the decision of the court": its owner is named

        def other(told: Told) -> bool:
            return _other_side(told, actor)

        found = (
            next((t for t in reversed(self.told) if t.type in types and other(t)), None)
            if types
            else next((t for t in self.told if other(t)), None)
        )
        if found is None or found.actor is None:
            return None
        return replace(found.actor, start=noun.idx, end=noun.idx + len(noun), head=-1, remembered=True)

    def last_act(self, pronoun: Token, actor: Actor) -> Actor | None:
        """Who did the act "this" or "it" stands for in a judgement ('"This was a flagrant violation," the minister
        said'): the doer of the latest act the document told of a side other than ``actor``'s, placed on the word."""
        found = next((t for t in reversed(self.told) if _other_side(t, actor)), None)
        if found is None or found.actor is None:
            return None
        return replace(found.actor, start=pronoun.idx, end=pronoun.idx + len(pronoun), head=-1, remembered=True)

    def fellow_doers(self, doer: Actor) -> list[Actor]:
        """The doers of the latest act of ``doer`` (as :meth:`answered_act` placed it) and of the same kind of act
        told in the same sentence by others ("China and Russia vetoed the resolution": both), placed as it is."""
        last = next((t for t in reversed(self.told) if t.actor is not None and t.actor.label == doer.label), None)
        if last is None:
            return [doer]
        same = [t.actor for t in self.told if t.sent == last.sent and t.type == last.type and t.actor is not None]
        out = {a.label: replace(a, start=doer.start, end=doer.end, head=-1, remembered=True) for a in same}
        return list(out.values()) or [doer]

    def accuser(self, actor: Actor, sent: int) -> Actor | None:
        """Who made the accusation a denial answers, or the demand a refusal answers: the latest accusation or
        demand of this or the two sentences before aimed at ``actor``'s side ("X accused the army of abuses. The
        defence ministry denied ...", "Indonesia demanded an apology. Malaysia refused")."""
        for told in reversed(self.told):
            if told.sent < sent - _DENIAL_WINDOW:
                break
            if told.type not in _ANSWERED or told.actor is None or told.target is None:
                continue
            aimed = _same_group(told.target, actor) or (
                actor.country is not None and told.target.country == actor.country
            )
            if aimed and (told.actor.country is None or told.actor.country != actor.country or actor.country is None):
                return told.actor
        return None

    def attacker_of(self, victim: Actor, sent: int) -> Actor | None:
        """Who attacked ``victim``'s country in this or the two sentences before, when one other country did
        ("Pakistani and Afghan forces exchanged fire. Two Pakistani soldiers were killed": the Afghan side)."""
        found = {
            told.actor.country: told.actor
            for told in self.told
            if told.sent >= sent - _ATTACK_WINDOW
            and told.type == "ASSAULT"
            and told.actor is not None
            and told.target is not None
            and told.target.country == victim.country
            and told.actor.country not in (None, victim.country)
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def untold_target(self, type_: str) -> Actor | None:
        """Target of the latest event of ``type_`` told without its actor."""
        for told in reversed(self.told):
            if told.type == type_ and told.actor is None and told.target is not None:
                return told.target
        return None

    def continued_target(self, type_: str, actor: Actor) -> Actor | None:
        """Target of the same actor's latest earlier event of the same type."""
        for told in reversed(self.told):
            if (
                told.type == type_
                and told.actor is not None
                and told.target is not None
                and _same_actor(told.actor, actor)
            ):
                return told.target
        return None

    def answered(self, actor: Actor, sent: int, types: Sequence[str], *, promised: bool = False) -> Actor | None:
        """Actor of a recent event of one of ``types`` aimed at ``actor``'s group (what a response answers); a
        ``promised`` response answers, from a few sentences further back, what was done to the actor's country
        by another ("Poland expelled two Belarusian diplomats. ... Minsk would respond in kind": Poland)."""
        window = _PROMISED_WINDOW if promised else _RESPONSE_WINDOW
        for told in reversed(self.told):
            if told.sent < sent - window:
                break
            if told.type not in types or told.actor is None or told.target is None:
                continue
            if _same_group(told.target, actor):
                return told.actor
            code = actor.country
            if promised and code is not None and told.target.country == code and told.actor.country != code:
                return told.actor
        return None


def _other_side(told: Told, actor: Actor) -> bool:
    """An event done by a side other than ``actor``'s: another country, or another name where neither has one."""
    doer = told.actor
    if doer is None or _same_actor(doer, actor):
        return False
    if doer.country is not None or actor.country is not None:
        return doer.country != actor.country
    return doer.label != actor.label


def answered_target(target: Actor, actor: Actor, ctx: DocContext, memory: EventMemory) -> Actor:
    """A target that is someone's act named without its owner ("the decision"), as the side that did it."""
    if target.country is not None or target.named or target.head < 0:
        return target
    noun = ctx.doc[target.head]
    found = next(iter(verb_antecedent(noun, ctx, actor)), None) or memory.answered_act(noun, actor)
    if found is None and (doer := memory.doer(noun)) is not None and not _same_group(doer, actor):
        found = doer  # "concerned by the arrest": who arrested
    return found or target


_ANTECEDENT_SENTENCES = 4  # sentences back the verb a definite act noun names may be told


def verb_antecedent(noun: Token, ctx: DocContext, actor: Actor | None = None) -> list[Actor]:
    """Who did the act a definite noun names by its own verb's lemma, told by that verb a few sentences before
    ("North Korea launched a satellite ... Seoul condemned the launch": North Korea; "Russia and China vetoed
    the text ... the two vetoes": both), placed on the noun; with ``actor``, only sides other than the actor's."""
    if not is_definite(noun) or any(c.dep_ in ("poss", "prep") for c in noun.children):
        return []
    lemma, sents = noun.lemma_.lower(), 0
    for tok in reversed(noun.doc[: noun.sent.start]):
        sents += tok.is_sent_start
        if sents > _ANTECEDENT_SENTENCES:
            break
        if tok.pos_ != "VERB" or tok.lemma_.lower() != lemma or is_passive(tok):
            continue
        if not any(c.dep_ in ("dobj", "ccomp") for c in tok.children):
            return []  # "forces clashed ... wounded in the clashes": an act of two sides on each other
        doers = [a for h in subjects(tok) for a in ctx.actors(h) if a.country is not None]
        if actor is not None and any(_same_group(d, actor) or d.country == actor.country for d in doers):
            return []
        return [replace(d, start=noun.idx, end=noun.idx + len(noun), head=-1, remembered=True) for d in doers]
    return []
