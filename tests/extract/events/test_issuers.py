"""The doers behind acts told without them (newsgraph.extract.events.issuers)."""

from __future__ import annotations


def test_a_statement_that_acts_is_its_issuers(parse) -> None:
    from newsgraph.extract.events.coder import extract_events

    text = (
        "Hungary's parliament passed a media law on Tuesday. Germany and France issued a joint statement that "
        "called on parliament to repeal the law."
    )
    facts = {(e.type, e.actor_country, e.target_country) for e in extract_events(parse(text), "d")}
    assert {("REQUEST", "DEU", "HUN"), ("REQUEST", "FRA", "HUN")} <= facts


def test_a_state_body_reporting_a_detention_is_its_doer_s_side(parse) -> None:
    from newsgraph.extract.events.coder import extract_events

    text = "Belarusian police said the Polish pilot was held on suspicion of extremism."
    facts = {(e.type, e.actor_country, e.target_country) for e in extract_events(parse(text), "d")}
    assert ("COERCE", "BLR", "POL") in facts
