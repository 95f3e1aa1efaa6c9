"""The last pass over a document's events: one event per side and act.

An attack told first without its attacker and then with it is one event; so is an act a sentence tells
twice (a verb and its noun, a side named and the same country's unnamed one). The sides a call is made on
stay apart: "urged the army and the rebels to halt the fighting" is a request to each (the dyadic convention
of event data: a compound target is split into one event per member), even where both belong to one country
and only one of them has a name. Other acts on a compound target of one country stay one event, as
annotators code them ("imposed sanctions on five nationals and a company": one sanction).
"""

from __future__ import annotations

from newsgraph.core.model import Event
from newsgraph.extract.events.completion import UNKNOWN_ATTACKER
from newsgraph.lexicon.countries import country_code
from newsgraph.lexicon.events import actor_nouns, sector_of

__all__ = ["deduplicated", "superseded_dropped"]

_SUPERSEDE_CHARS = 400  # "There were attacks on X. The strikes were carried out by Y": the next sentence or two


def superseded_dropped(events: list[Event]) -> list[Event]:
    """An attack told without its attacker and, in the next sentences, with it: one event, the one that
    names the attacker."""
    out: list[Event] = []
    for ev in events:
        if ev.actor == UNKNOWN_ATTACKER and any(
            later.type == ev.type and later.actor != UNKNOWN_ATTACKER and later.actor_country is not None
            and (later.target == ev.target or (ev.target_country and later.target_country == ev.target_country))
            and 0 < later.evidence.start - ev.evidence.start <= _SUPERSEDE_CHARS
            and later.evidence.sentence != ev.evidence.sentence
            for later in events
        ):  # fmt: skip
            continue
        out.append(ev)
    return out


def _named(label: str | None) -> str | None:
    """A side's name when it is one ("Ana Lima", "Jorge Paz"): two persons or bodies of one country
    in a sentence are two events; "one million people" and "protesters", or "Representatives" before their
    names, are one side (None)."""
    words = label.split() if label else []
    while words and not words[0][:1].isupper():
        words = words[1:]  # "the rival Sumood Battalion": the name after its modifiers
    if not words or not all(w[:1].isupper() for w in words):
        return None
    label = " ".join(words)
    last = words[-1]
    common = {last.lower(), last.lower().removesuffix("s")}
    if country_code(last) or common & actor_nouns() or any(sector_of(w) for w in common):
        return None  # "Swedes", "Representatives", "King": what the side is, not its name
    return label


def deduplicated(events: list[Event], apart: frozenset[int] | set[int] = frozenset()) -> list[Event]:
    """One event per sentence, type, actor and target: sides are told apart by country, and within a country
    by name ("Ana Lima and Jorge Paz opposed": two events; "one million people marched" and the
    protesters: one); a side with a name wins over the same country's unnamed one ("met Jorge Paz" on a
    "visit to Peru"); a targetless one goes when the same actor's event of that type in the sentence
    has a target ("clashed with the police and threw rocks"). Events whose ``id`` is in ``apart`` have
    one of a clause's conjoined targets: each stays, told apart by its target's words."""

    def where(ev: Event) -> tuple[object, ...]:
        return (ev.evidence.sentence, ev.evidence.doc, ev.type, ev.actor_country or ev.actor, ev.negated,
                ev.hypothetical)  # fmt: skip

    def target_key(ev: Event) -> str | None:
        return ev.target if id(ev) in apart else _named(ev.target)

    aimed = {where(ev) for ev in events if ev.target is not None}
    groups: dict[tuple[object, ...], list[Event]] = {}
    for ev in events:
        if ev.target is None and where(ev) in aimed:
            continue
        groups.setdefault((*where(ev), ev.target_country or ev.target), []).append(ev)
    out: list[Event] = []
    for group in groups.values():
        if any(_named(ev.actor) for ev in group):  # a named side wins over the same country's unnamed one
            group = [ev for ev in group if _named(ev.actor)]
        if any(target_key(ev) for ev in group):
            group = [ev for ev in group if target_key(ev)]
        seen: set[tuple[str | None, str | None]] = set()
        for ev in group:
            key = (_named(ev.actor), target_key(ev))
            if key not in seen:
                seen.add(key)
                out.append(ev)
    return sorted(out, key=events.index)
