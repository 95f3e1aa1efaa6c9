"""Stance rows from the event coder's output, for :mod:`newsgraph.extract.stances`.

- :func:`event_rows`: a state's factual event that acts on the issue (its words are in the event's span, or
  in the reason given for it) gives a row by type: AGREE, SUPPORT → supports; ACCUSE, REJECT, PROTEST,
  SANCTION → opposes; the doer of the issue itself supports it; every signatory of what was signed does.
- :func:`issue_rows`: the story's own action, the first factual, non-reaction event of the lead that a
  state aims at another country, shows its doer (both parties of an agreement) supporting the issue;
  states that accuse or reject that doer oppose it, states that back it support it.

Only an event whose actor speaks for its country counts (:func:`event_speaks_for`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsgraph.core.model import Event, Stance
from newsgraph.extract.stance_issue import UNSPECIFIED
from newsgraph.extract.stance_office import speaks_for_country
from newsgraph.extract.stance_sides import issue_in_event, reverse
from newsgraph.lexicon.events import anaphor_types, issue_nouns

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newsgraph.extract.events.actors import ActorResolver

__all__ = ["event_rows", "event_speaks_for", "issue_rows"]

_STATE_SECTORS = frozenset({"GOV", "LEG", "MIL"})
# Sectors of a state's civil power (its government, courts and police), whose acts at home are its policy.
_CIVIL_SECTORS = frozenset({"GOV", "JUD", "POL"})
_EVENT_POSITIONS = {
    "AGREE": "supports",
    "SUPPORT": "supports",
    "ACCUSE": "opposes",
    "REJECT": "opposes",
    "PROTEST": "opposes",
    "SANCTION": "opposes",
}
# Events that take a position on another event rather than being the story's action themselves.
_REACTIONS = frozenset({"ACCUSE", "REJECT", "SUPPORT", "CONSULT", "PROTEST", "REQUEST"})
_REACTION_POSITIONS = {"ACCUSE": "opposes", "REJECT": "opposes", "PROTEST": "opposes", "SUPPORT": "supports"}
_MUTUAL = frozenset({"AGREE"})
# Acts against their target (PLOVER's hostile types; a force posture may be a rescue team sent).
_HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION", "THREATEN"})
# Kinds of issue that harm someone: sympathy or praise near them is for the harmed, not for the issue.
_HARMS = frozenset({"ASSAULT", "COERCE"})


def event_speaks_for(ev: Event, resolver: ActorResolver | None) -> bool:
    """The event's actor speaks for its country (a person needs an office that does)."""
    return speaks_for_country(ev.actor or "", ev.actor, ev.actor_sector, resolver, person=False)


def event_rows(
    doc: Doc,
    events: Sequence[Event],
    issue: str,
    date: str | None,
    resolver: ActorResolver | None,
    doers: frozenset[str] = frozenset(),
) -> list[Stance]:
    """Rows from the states' events that act on the issue; ``doers`` are the countries that did the story's
    act: their accusations of critics at home ("defended the arrest and accused the opposition of ...") are no
    position against their own act."""
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
        if position == "opposes" and ev.actor_country in doers and ev.target_country in (None, ev.actor_country):
            continue  # the doer turning on its critics at home ("accused the opposition of planning riots")
        if harm and ev.type == "SUPPORT" and ev.mode == "praise":
            continue  # condolences after an attack are sympathy with its victims, never support for it
        if ev.actor_sector not in (*_STATE_SECTORS, None) or not event_speaks_for(ev, resolver):
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


def issue_rows(
    events: Sequence[Event], issue: str, date: str | None, lead_end: int, resolver: ActorResolver | None
) -> list[Stance]:
    """The story's own action and the reactions to it: the first factual event that is no reaction and acts on
    another country ("United States military forces killed X", "Turkey and Libya agreed"), when a state did
    it, shows its actor (both parties of an agreement) supporting the issue; a state that accuses or rejects
    that actor opposes it, one that backs the actor supports it; and of a hostile act, a third state that
    accuses its target supports it, one that backs the target opposes it. With no act on another country, a
    state's act at home that the story tells first (:func:`_own_act_rows`) shows its doer supporting it."""
    facts = sorted(
        (e for e in events if not (e.negated or e.hypothetical) and e.actor_country), key=lambda e: e.evidence.start
    )
    acts = [e for e in facts if e.type not in _REACTIONS and e.target_country not in (None, e.actor_country)]
    first = acts[0] if acts else None  # an act on another country: not "asked its citizens to leave"
    if issue != UNSPECIFIED and first is None:
        return _own_act_rows(facts, issue, date, lead_end, resolver)
    if issue == UNSPECIFIED or first is None or first.actor_sector not in _STATE_SECTORS:
        return []
    if not event_speaks_for(first, resolver):
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
    # the target of a hostile act: a third state that sides against it backs the act, one that sides with it opposes
    targets = {e.target_country for e in main if e.type in _HOSTILE} - doers - {None}
    for e in facts:
        position = _REACTION_POSITIONS.get(e.type)
        if position is None or e.actor_country in doers:
            continue
        if e.target_country in targets and e.actor_country not in targets:
            position = reverse(position)
        elif e.target_country not in doers - {None}:
            continue
        if e.actor_sector in _STATE_SECTORS and event_speaks_for(e, resolver):
            out.append(
                Stance(country=e.actor_country or "", issue=issue, position=position, evidence=e.evidence, date=date)
            )
    return out


def _own_act_rows(
    facts: Sequence[Event], issue: str, date: str | None, lead_end: int, resolver: ActorResolver | None
) -> list[Stance]:
    """A story whose action is a state's act on its own people or bodies, told in the sentence of its first
    event ("Kuwait's Interior Ministry said it had arrested nine people", "Thailand's Constitutional Court
    dissolved the Progressive Thai Party", "President X fired two ministers"): the state that did it backs it.
    Not soldiers' (a coup is no government's act), nor an act told later (a court's ruling on an old arrest)."""
    if not facts or facts[0].evidence.start >= lead_end:
        return []
    first = next((e for e in facts if e.evidence.sentence == facts[0].evidence.sentence and e.type in _HOSTILE), None)
    if first is None or first.actor_sector not in _CIVIL_SECTORS or first.target_country != first.actor_country:
        return []
    if not event_speaks_for(first, resolver):
        return []
    return [
        Stance(country=first.actor_country or "", issue=issue, position="supports", evidence=first.evidence, date=date)
    ]
