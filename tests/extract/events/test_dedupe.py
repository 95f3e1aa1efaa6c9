"""The last pass over a document's events (events/dedupe.py): one event per side and act, calls on conjoined
sides kept apart. Sentences of our own."""

from __future__ import annotations

from newsgraph.core.model import Event, Evidence
from newsgraph.extract.events.coder import extract_events
from newsgraph.extract.events.completion import UNKNOWN_ATTACKER
from newsgraph.extract.events.dedupe import deduplicated, superseded_dropped


def _told(parse, text: str, kind: str) -> list[tuple[str | None, str | None]]:
    events = extract_events(parse(text), "d1")
    return [(e.target, e.target_country) for e in events if e.type == kind and not (e.negated or e.hypothetical)]


def test_a_call_on_two_sides_of_one_country_is_a_request_to_each(parse) -> None:
    text = "Mali's army and the rebels fought near Kidal. Senegal urged the Malian army and the rebels to stop."
    told = _told(parse, text, "REQUEST")
    assert len(told) == 2
    assert {country for _, country in told} == {"MLI"}


def test_a_call_on_a_named_and_an_unnamed_side_keeps_both(parse) -> None:
    told = _told(parse, "The African Union urged the M23 and the Congolese army to halt the fighting.", "REQUEST")
    assert len(told) == 2


def test_a_sanction_on_a_compound_target_of_one_country_is_one_event(parse) -> None:
    told = _told(parse, "Canada imposed sanctions on five Russian officials and a Russian bank.", "SANCTION")
    assert len(told) == 1


def _event(kind: str, actor: str | None, target: str | None, country: str | None, start: int, sentence: str) -> Event:
    evidence = Evidence(doc="d1", sentence=sentence, start=start, end=start + 5)
    return Event(type=kind, evidence=evidence, actor=actor, actor_country="MLI", target=target, target_country=country)


def test_a_named_side_wins_over_the_same_countrys_unnamed_one_unless_kept_apart() -> None:
    named = _event("CONSULT", "Ana Lima", "Jorge Paz", "PER", 0, "s1")
    unnamed = _event("CONSULT", "Ana Lima", "officials", "PER", 10, "s1")
    assert deduplicated([named, unnamed]) == [named]
    assert deduplicated([named, unnamed], {id(named), id(unnamed)}) == [named, unnamed]


def test_an_attack_told_again_with_its_attacker_is_one_event() -> None:
    first = _event("ASSAULT", UNKNOWN_ATTACKER, "the village", "MLI", 0, "s1")
    later = _event("ASSAULT", "the rebels", "the village", "MLI", 100, "s2")
    assert superseded_dropped([first, later]) == [later]
