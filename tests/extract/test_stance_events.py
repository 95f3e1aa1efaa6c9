"""Stance rows from the event coder's output: events that act on the issue, the story's own action."""

from __future__ import annotations

from newsgraph.core.model import Event, Evidence
from newsgraph.extract.events.coder import extract_events
from newsgraph.extract.stance_events import event_rows, event_speaks_for, issue_rows


def _event(kind: str, actor: str, target: str | None, *, sector: str | None = "GOV") -> Event:
    ev = Evidence(doc="d1", sentence="s", start=0, end=1)
    return Event(type=kind, actor=actor, actor_country=actor, target_country=target, actor_sector=sector, evidence=ev)


def test_an_event_on_the_issue_gives_a_row_by_its_type(parse) -> None:
    doc = parse("The United States imposed sanctions on Iran. Iran rejected the sanctions.")
    rows = event_rows(doc, extract_events(doc, "d1"), "sanctions (Iran)", None, None)
    assert [(s.country, s.position) for s in rows] == [("USA", "supports"), ("IRN", "opposes")]


def test_no_issue_no_event_rows(parse) -> None:
    doc = parse("Iran rejected the sanctions.")
    assert event_rows(doc, extract_events(doc, "d1"), "unspecified issue", None, None) == []


def test_the_story_s_action_and_the_reactions_to_it(parse) -> None:
    doc = parse("Russian troops invaded Ukraine on Monday. Poland condemned the attack. Hungary backed Russia.")
    rows = issue_rows(extract_events(doc, "d1"), "invasion (Ukraine)", None, len(doc.text), None)
    assert [(s.country, s.position) for s in rows] == [("RUS", "supports"), ("POL", "opposes"), ("HUN", "supports")]


def test_an_act_after_the_lead_is_not_the_story_s_action() -> None:
    late = _event("ASSAULT", "RUS", "UKR")
    late.evidence = Evidence(doc="d1", sentence="s", start=500, end=510)
    assert issue_rows([late], "invasion", None, 100, None) == []


def test_a_body_of_the_state_speaks_for_it() -> None:
    assert event_speaks_for(_event("ACCUSE", "FRA", "DEU"), None)


def test_a_third_state_that_sides_against_the_target_of_a_hostile_act_backs_it(parse) -> None:
    doc = parse(
        "Russian troops invaded Ukraine on Monday. The Belarusian government accused Ukraine of provoking the war."
    )
    rows = issue_rows(extract_events(doc, "d1"), "invasion (Ukraine)", None, len(doc.text), None)
    assert ("BLR", "supports") in [(s.country, s.position) for s in rows]


def test_backing_the_receiver_of_help_is_no_position_against_the_help() -> None:
    help_given = _event("AID", "JPN", "PHL")
    backing = _event("SUPPORT", "CHN", "PHL")
    backing.evidence = Evidence(doc="d1", sentence="t", start=50, end=60)
    rows = issue_rows([help_given, backing], "aid (Philippines)", None, 100, None)
    assert ("CHN", "opposes") not in [(s.country, s.position) for s in rows]


def test_the_doer_turning_on_its_critics_at_home_is_no_position_against_its_act(parse) -> None:
    doc = parse(
        "Police in Kenya arrested the opposition leader on Monday. The Kenyan government defended the arrest "
        "and accused the opposition of planning riots after the arrest."
    )
    events = extract_events(doc, "d1")
    rows = event_rows(doc, events, "arrest (Kenya)", None, None, frozenset({"KEN"}))
    assert ("KEN", "opposes") not in [(s.country, s.position) for s in rows]


def test_a_states_act_at_home_in_the_first_events_sentence_is_backed_by_it() -> None:
    arrests = _event("COERCE", "KWT", "KWT")
    assert [(s.country, s.position) for s in issue_rows([arrests], "arrests (Kuwait)", None, 100, None)] == [
        ("KWT", "supports")
    ]
    coup = _event("COERCE", "GMB", "GMB", sector="MIL")  # soldiers seizing power: no government's act
    assert issue_rows([coup], "coup (Gambia)", None, 100, None) == []
    later = _event("COERCE", "AZE", "AZE")  # an act the story tells after another event
    first = _event("REQUEST", "FRA", "AZE", sector="JUD")
    later.evidence = Evidence(doc="d1", sentence="t", start=50, end=60)
    assert issue_rows([first, later], "ruling (Azerbaijan)", None, 100, None) == []
