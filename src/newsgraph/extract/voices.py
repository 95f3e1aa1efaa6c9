"""Voices: positions of people who do not speak for their country (issue 11, item 4 "Stances").

The stance finder (:mod:`newsgraph.extract.stances`) reads who supports, opposes or is neutral on the
document's issue. When the one who takes the position is a named person holding no office that speaks
for a country (:mod:`newsgraph.extract.stance_office`: a governor, a mayor, a legislator, a party leader,
a candidate, a commentator, anyone "former"), the position is no country's stance: it is a
:class:`~newsgraph.core.model.Voice` (person → issue → position), with the speaker's country when the
text or the document gives one, and stored and shown apart from the stance board.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsgraph.core.model import Evidence, Person, Voice
from newsgraph.extract.events.actors import token_country
from newsgraph.extract.stance_office import speaks_for_country

if TYPE_CHECKING:
    from spacy.tokens import Token

    from newsgraph.extract.events.actors import Actor, ActorResolver, DocContext

__all__ = ["is_person", "speakers", "speaks_for", "state_actors", "voice_of"]

_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
_STATE_SECTORS = frozenset({"GOV", "LEG", "MIL"})
# Head nouns of a state's bodies abroad and at home that a country's possessive or adjective makes that state's
# voice ("China's delegation declined to comment", "the Dutch embassy said"), whatever sector the actor reads.
_STATE_BODY_HEADS = frozenset({"delegation", "embassy", "consulate", "ministry", "presidency", "government"})


def is_person(anchor: Token, ctx: DocContext) -> bool:
    """The words that name an actor name a person (a name tagged or known as one, or a personal pronoun)."""
    if anchor.ent_type_ == "PERSON" and token_country(anchor):
        return False  # "Abuja" tagged a person: a capital alone, its state
    return anchor.ent_type_ == "PERSON" or ctx.is_person(anchor) or anchor.lower_ in _PERSON_PRONOUNS


# ---- who takes a position: a state (or an office of it), or a person whose position is a voice ----------
def _is_state(actor: Actor, head: Token) -> bool:
    if actor.country is None:
        return False
    if actor.sector in _STATE_SECTORS:
        return True
    if token_country(head):  # a country, capital or metonym; one tagged a person only where it is no one's name
        return True
    if head.pos_ == "NOUN" and head.lemma_.lower() in _STATE_BODY_HEADS:
        return True  # "China's delegation", "the Indian embassy"
    return actor.sector is None and actor.named and head.ent_type_ == "PERSON"


def speaks_for(actor: Actor, anchor: Token, ctx: DocContext) -> bool:
    """The actor's words are its country's stance, not a voice (:mod:`newsgraph.extract.stance_office`)."""
    person = is_person(anchor, ctx)
    if not person and anchor.pos_ == "PROPN" and actor.country and token_country(anchor) == actor.country:
        return True  # a country named as the actor speaks for itself ("Malaysia, the second-largest producer, ...")
    return speaks_for_country(actor.text, actor.name, actor.sector, ctx.resolver, person=person)


def speakers(heads: Sequence[Token], ctx: DocContext) -> list[tuple[Actor, bool]]:
    """Who takes a position: (actor, speaks for its country) for states and their offices (True) and for
    persons named in the sentence who hold no office that speaks for a country (False: their position is a
    voice). A pronoun gives no voice: which person "she" is was wrong more often than right on unseen news
    (it fell on the last-named person, of either sex), and a voice names who said it."""
    out: list[tuple[Actor, bool]] = []
    for h in heads:
        for actor in ctx.actors(h):
            anchor = ctx.doc[actor.head] if actor.head >= 0 else h
            speaks = speaks_for(actor, anchor, ctx)
            if speaks and (
                _is_state(actor, anchor if anchor.pos_ != "PRON" else h)
                or (h.pos_ == "PRON" and actor.country and actor.sector in _STATE_SECTORS)
            ):
                out.append((actor, True))
            elif not speaks and actor.name and h.pos_ != "PRON" and is_person(anchor, ctx):
                out.append((actor, False))
    return out


def state_actors(heads: Sequence[Token], ctx: DocContext) -> list[tuple[Actor, Token]]:
    return [(actor, h) for h in heads for actor, speaks in speakers([h], ctx) if speaks]


def _role(name: str, resolver: ActorResolver | None) -> str | None:
    found = resolver.resolve(name) if resolver is not None else None
    return found.role if isinstance(found, Person) else None


def voice_of(
    actor: Actor,
    position: str,
    issue: str,
    evidence: Evidence,
    date: str | None,
    resolver: ActorResolver | None,
) -> Voice | None:
    """The voice of a named person's position (None when the actor has no name: "he" left unresolved)."""
    if not actor.name or not position:
        return None
    return Voice(
        speaker=actor.name,
        issue=issue,
        position=position,
        evidence=evidence,
        country=actor.country,
        speaker_role=_role(actor.name, resolver),
        date=date,
    )
