"""The side an event aims at when the sentence names none (newsgraph.extract.events.sides)."""

from __future__ import annotations


def _events(parse, text: str) -> list:
    from newsgraph.extract.events.coder import extract_events

    return extract_events(parse(text), "d")


def _facts(parse, text: str) -> set[tuple[str, str | None, str | None]]:
    return {(e.type, e.actor_country, e.target_country) for e in _events(parse, text)}


def test_an_act_with_no_side_named_is_aimed_at_the_story_s_other_country(parse) -> None:
    text = (
        "Somalia expelled Kenya's envoy on Monday. Somalia and Kenya have quarrelled over the sea border for years. "
        "Kenya's foreign ministry said it would not withdraw the survey ship."
    )
    facts = _facts(parse, text)
    assert ("REJECT", "KEN", "SOM") in facts
    text = (
        "Somalia expelled Kenya's envoy on Monday. Somalia and Kenya have quarrelled over the sea border for years. "
        "Somalia's foreign ministry lodged a formal protest on Tuesday."
    )
    facts = _facts(parse, text)
    assert ("ACCUSE", "SOM", "KEN") in facts
    # a story about one country has no other side: a domestic refusal stays at home
    text = (
        "Kenya's parliament passed the budget. Kenyan teachers marched in Nairobi. "
        "Kenya's finance ministry said it would not revisit the budget."
    )
    facts = _facts(parse, text)
    assert not any(t == "REJECT" and target not in (None, "KEN") for t, _, target in facts)


def test_people_declared_persona_non_grata_are_of_the_side_expelled_before(parse) -> None:
    text = (
        "Peru on Monday expelled two Bolivian diplomats over an alleged plot, Peru's foreign ministry said. "
        "The ministry said the two men had been declared persona non grata and given 72 hours to leave Peru."
    )
    facts = _facts(parse, text)
    assert ("SANCTION", "PER", "BOL") in facts
    assert ("SANCTION", "PER", "PER") not in facts


def test_a_complaint_lodged_with_a_body_is_aimed_at_the_side_complained_of(parse) -> None:
    text = (
        "Chile seized three Peruvian fishing boats on Monday. Peru and Chile have quarrelled over the sea for years. "
        "Peru lodged a formal complaint with the United Nations Security Council on Tuesday."
    )
    facts = {(e.type, e.actor_country, e.target, e.target_country) for e in _events(parse, text)}
    assert any(t == "ACCUSE" and a == "PER" and c == "CHL" for t, a, _, c in facts)
    assert not any(t == "ACCUSE" and "Security Council" in (name or "") for t, _, name, _ in facts)
    text = "Peru lodged a protest with Chile on Tuesday."
    facts = _facts(parse, text)
    assert ("ACCUSE", "PER", "CHL") in facts


def test_a_state_body_in_a_sentence_opening_with_its_place_is_of_that_place(parse) -> None:
    text = "In Lima, the foreign ministry summoned a senior Chilean diplomat on Wednesday."
    facts = _facts(parse, text)
    assert any(t == "ACCUSE" and a == "PER" and c == "CHL" for t, a, c in facts)


def test_a_thing_a_foreign_side_judges_in_a_story_about_one_country_is_that_country_s(parse) -> None:
    text = (
        "Tunisian coast guards intercepted 40 boats off Sfax on Monday. Tunisia's navy said 1,200 migrants had "
        "been brought back to Tunisian ports. Italy praised the interceptions."
    )
    facts = _facts(parse, text)
    assert ("SUPPORT", "ITA", "TUN") in facts
    # a side of the story's own country judging a thing keeps it at home
    text = (
        "Tunisian coast guards intercepted 40 boats off Sfax on Monday. Tunisia's navy said 1,200 migrants had "
        "been brought back to Tunisian ports. Tunisia's interior minister praised the interceptions."
    )
    facts = _facts(parse, text)
    assert not any(t == "SUPPORT" and target not in (None, "TUN") for t, _, target in facts)


def test_a_thing_asked_of_both_sides_is_asked_of_each(parse) -> None:
    text = (
        "Russian missiles struck Odesa port on Monday. Ukraine said Russia had targeted grain ships. Russia said "
        "Ukraine had used the port for military cargo. Turkey's Foreign Ministry urged restraint by both sides."
    )
    facts = _facts(parse, text)
    assert {("REQUEST", "TUR", "UKR"), ("REQUEST", "TUR", "RUS")} <= facts


def test_both_sides_asked_by_one_of_the_story_s_countries_are_the_two_sides_told(parse) -> None:
    # the host of talks between two sides of one country is one of the story's two countries: "both delegations"
    # are the two sides of the latest act between two, Sudan's army and the RSF
    text = (
        "JEDDAH, Saudi Arabia (Wire) - Sudan's army accused the Rapid Support Forces of shelling El Fasher on "
        "Thursday. Saudi Arabia urged both delegations to return to the negotiating table."
    )
    assert ("REQUEST", "SAU", "SDN") in _facts(parse, text)
