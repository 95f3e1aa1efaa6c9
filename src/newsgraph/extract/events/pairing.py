"""One actor-target pair of a coded event completed from what the sentence implies: a pair of nobody the event
data is about is dropped, a target left without a country by its words takes the visited country, the envoy's
host, the arresting police's or the home actor's own, and an event whose other side the text leaves unsaid is
aimed at the home actor's own country (demands, refusals, accusations ... of the story's own country)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from newsgraph.extract.events.actors import STATELESS_SECTORS, Actor
from newsgraph.extract.events.arguments import objects
from newsgraph.extract.events.completion import envoy_host_side
from newsgraph.extract.events.groups import FOREIGN_HEADS
from newsgraph.extract.events.targets import is_place
from newsgraph.extract.syntax import np_countries
from newsgraph.lexicon.events import sector_of

if TYPE_CHECKING:
    from newsgraph.extract.events.actors import DocContext
    from newsgraph.extract.events.triggers import Candidate

__all__ = ["complete_pair"]

# Types whose unsaid other side, for an actor of the story's own country, is of that country: demands, refusals,
# accusations, threats, promises, coercion, sanctions, concessions and resignations (not moves of troops: abroad).
_HOME_ADDRESSEE = frozenset({"REQUEST", "REJECT", "COERCE", "SANCTION", "ACCUSE", "THREATEN", "CONCEDE", "AGREE"})
_HOME_GROUPS = frozenset({"CVL", "OPP", "REB", "POL", "JUD", "LEG", "MIL", "LAB", "EDU", "REL"})
_NATIONS = frozenset({"nation", "country"})  # "urged wealthy nations to help": others, not the home country
_HOME_MODES = frozenset({("RETREAT", "resign"), ("ASSAULT", "crowd-control"), ("AID", "humanitarian")})


def complete_pair(
    cand: Candidate, actor: Actor, target: Actor | None, destination: str | None, ctx: DocContext
) -> tuple[bool, Actor, Actor | None]:
    """Fill what the sentence implies about one actor-target pair; False when the pair is no event."""
    if not _political(actor) and (target is None or not _political(target)):
        return False, actor, None  # "Emily met two officers at a pub": nobody the event data is about
    if actor.country is None and ctx.dominant and not actor.unknown and actor.sector in _HOME_GROUPS:
        # "separatist militants ambushed a convoy", "members of Pamalakaya protested" in a story about one
        # country: the country's own group (an international body or a company keeps none)
        actor = replace(actor, country=ctx.dominant, inferred=True)
    if target is not None and _addresses_own_government(cand, actor, target, ctx):
        # "the farmers' union called on the provincial government to waive charges": a home group of no country
        # that asks, protests against or accuses a government is that government's own people
        actor = replace(actor, country=target.country, inferred=True)
    if target is not None:
        same = (actor.head >= 0 and target.head == actor.head) or target.label == actor.label
        if same and target.country == actor.country:  # "the ministers of Chile and Peru met": two countries
            return False, actor, None
        if target.remembered and target.country == actor.country and target.sector == actor.sector:
            return False, actor, None  # "Turkey's ministry called the agreements legitimate": its own deal
        if target.country is None and cand.mode == "visit" and destination and destination != actor.country:
            target.country = destination  # met X during a visit to Y: X is Y's
        target = envoy_host_side(actor, target)  # "the ambassador to Berlin was summoned": by Germany
        _foreign_envoy(actor, target, ctx)  # "the Department of Foreign Affairs summoned Vietnam's ambassador"
        if target.country is None and actor.sector in ("POL", "JUD") and target.sector in ("CVL", "OPP", "MED"):
            target.country = actor.country  # police arrest people of their own country
        if target.country is None and _home_side(actor, target, ctx):
            target = replace(target, country=actor.country, inferred=True)
    elif cand.type == "PROTEST":
        # a protest with no named target is against the protesters' own government
        target = Actor("government", None, actor.country, "GOV", actor.start, actor.end, -1)
    elif (
        (cand.type in _HOME_ADDRESSEE or (cand.type, cand.mode) in _HOME_MODES)
        and cand.modality.is_fact
        and _home_actor(actor, ctx)
        and not _moves_forces(cand)
    ):
        # "the commission refused", "protesters' demands", "was imprisoned": the side the text leaves unsaid is
        # of the home actor's own country (no words, so no name: only the country is coded)
        target = Actor("", None, actor.country, None, actor.start, actor.end, -1, inferred=True)
    elif cand.type in _ABROAD_ADDRESSEE and cand.modality.is_fact and _foreign_actor(actor, ctx):
        # "the Asian Development Bank pledged $400 million", "Amnesty demanded an independent investigation" in a
        # story about one country: a foreign government's or an international body's act left without its other
        # side is aimed at that country
        target = Actor("", None, ctx.dominant, None, actor.start, actor.end, -1, inferred=True)
    return True, actor, target


# Types whose unsaid other side, for a foreign or international actor in a story about one country, is that country.
_ABROAD_ADDRESSEE = frozenset(
    {"REQUEST", "SANCTION", "THREATEN", "AGREE", "AID", "ACCUSE", "REJECT", "SUPPORT", "CONSULT"}
)


# What a home group does to its own government more than to a foreign one: asks, protests, accuses, rejects.
_TO_OWN_GOVERNMENT = frozenset({"REQUEST", "PROTEST", "ACCUSE", "REJECT"})
_MISSIONS = frozenset({"embassy", "consulate", "mission", "commission", "consul", "ambassador", "envoy"})


def _addresses_own_government(cand: Candidate, actor: Actor, target: Actor, ctx: DocContext) -> bool:
    """A home group (union, lawmakers, students, clergy ...) or a person of no country acting on a government
    the text gives a country: the group's own. Not a named organisation of no sector (a rights group, an
    airline body or a company: of no one country)."""
    if actor.country is not None or actor.unknown or cand.type not in _TO_OWN_GOVERNMENT:
        return False
    if (
        target.sector != "GOV"
        or target.country is None
        or target.head < 0
        or ctx.doc[target.head].lemma_.lower() in _MISSIONS
    ):
        return False  # "students gathered outside the Israeli embassy": a foreign government's mission
    if actor.sector is None:
        ent = ctx.doc[actor.head].ent_type_ if actor.head >= 0 else ""
        return ent == "PERSON" or (not actor.named and ent != "ORG")
    return actor.sector in _HOME_GROUPS


def _foreign_actor(actor: Actor, ctx: DocContext) -> bool:
    """A foreign government's or an international body's side in a story about one country."""
    if ctx.dominant is None or actor.unknown or actor.country == ctx.dominant:
        return False
    return actor.country is not None or actor.sector in STATELESS_SECTORS


def _moves_forces(cand: Candidate) -> bool:
    """A concession (or a willingness to one) that moves forces ("to withdraw its troops") is made abroad."""
    if cand.type not in ("CONCEDE", "AGREE") or cand.nominal:
        return False
    if any(a.sector == "MIL" for a in cand.actors):  # "the army is ready to withdraw"
        return True
    return any((hit := sector_of(o.lemma_.lower())) is not None and hit.sector == "MIL" for o in objects(cand.clause))


def _home_actor(actor: Actor, ctx: DocContext) -> bool:
    """An actor of the country the story is about (the one it names most)."""
    return actor.country is not None and not actor.unknown and actor.country in (ctx.dominant, ctx.leading)


def _foreign_envoy(actor: Actor, target: Actor, ctx: DocContext) -> None:
    """An actor whose country the story implied or left unsaid, acting on an envoy of one of the story's two
    countries, is of the other: a ministry summons or expels another country's ambassador, not its own."""
    implied = actor.country == target.country and (
        actor.inferred
        or (actor.head >= 0 and ctx.doc[actor.head].pos_ != "PRON" and not np_countries(ctx.doc[actor.head]))
    )  # the actor's words name no country
    unsaid = actor.country is None and actor.sector == "GOV"
    if not (implied or unsaid) or target.inferred or ctx.pair is None or target.country not in ctx.pair:
        return
    if target.head < 0 or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in ctx.doc[target.head].children):
        return  # "recalled its envoy": its own
    hit = sector_of(ctx.doc[target.head].lemma_.lower())
    if hit is not None and hit.envoy:
        actor.country = ctx.pair[1] if ctx.pair[0] == target.country else ctx.pair[0]


def _home_side(actor: Actor, target: Actor, ctx: DocContext) -> bool:
    """The target of a home actor of the story, left without a country by its words, is of the actor's
    country: "the court convicted Hall", "the commission refused the network", "police arrested the
    accused" in a story about that country. Not an organisation or place the text names (their country is
    their own), nor one of the sectors that belong to no country."""
    if not _home_actor(actor, ctx):
        return False
    if target.sector in STATELESS_SECTORS and (target.named or target.sector != "BUS"):
        return False  # a named company or any IGO or NGO is of no one country; "the factory's owners" are
    if target.named and (target.head < 0 or ctx.doc[target.head].ent_type_ != "PERSON"):
        return False
    if target.head < 0:
        return True
    head = ctx.doc[target.head]
    if head.lemma_.lower() in FOREIGN_HEADS or (head.lemma_.lower() in _NATIONS and head.tag_ == "NNS"):
        return False  # "urged donors", "urged wealthy nations to help": others, not the home country
    return not is_place(head)


def _political(actor: Actor) -> bool:
    """An actor event data is about: one with a country or a sector (a state, a group, an organisation),
    a person or organisation the text names, or people named by what they are ("critics", "legal groups")."""
    return (
        actor.country is not None
        or actor.sector is not None
        or actor.named
        or (actor.agentive and actor.head >= 0 and not actor.unknown)
    )
