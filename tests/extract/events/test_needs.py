"""The conditions of verb patterns (``needs``): a clause's words read once, that-clauses of acts to come,
particles the parser reads otherwise, words of criticism."""

from __future__ import annotations

import pytest

from newsgraph.extract.events.coder import extract_events
from newsgraph.extract.events.needs import ClauseFacts, needs_ok
from newsgraph.lexicon.events import verb_patterns


def test_needs_ok_reads_the_pattern_conditions(parse) -> None:
    doc = parse("The army pulled out of the town.")
    verb = next(t for t in doc if t.text == "pulled")
    rows = [p for p in verb_patterns()["pull"] if p.cameo is None]
    assert any(needs_ok(p, verb) and p.type == "RETREAT" for p in rows)


def test_dates_are_no_prepositions_and_titles_count_as_the_object() -> None:
    from newsgraph.ingest.nlp import parse_one

    doc = parse_one("The president on Thursday fired Trade Minister John Banda.")
    facts = ClauseFacts(next(t for t in doc if t.text == "fired"))
    assert "on" not in facts.preps
    assert "minister" in facts.objs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a warning that an act of force, coercion or protest will come is a threat
        ("The union leader warned that workers would call a general strike.", "THREATEN"),
        ("The bloc warned that further sanctions could follow.", "THREATEN"),
        # a warning of what will happen to no one is no threat
        ("The minister warned that the economy would shrink.", None),
        ("Doctors warned that the virus could spread.", None),
        # a warning that a reprisal will come is a threat
        ("Pyongyang's envoy warned that Pyongyang would take corresponding measures.", "THREATEN"),
        ("The bloc warned that further measures against those responsible could follow.", "THREATEN"),
        # a warning of what the warner's own side will do, whatever the act, is a threat
        ("Turkey's energy minister warned that Ankara would stop accepting crude from Iraq.", "THREATEN"),
        ("The ministry warned that it would review its ties with Chile.", "THREATEN"),
        # a warning about a response to something else, or one negated, is none
        ("The minister warned that the response to the pandemic would take years.", None),
        ("Doctors warned that the measures would not be enough.", None),
        # particles the parser reads as a preposition ("out of") or an adverb ("away")
        ("Several opposition lawmakers walked out of the chamber before the vote.", "PROTEST"),
        ("The two journalists were led away in handcuffs by police.", "COERCE"),
        # an adverb that is no particle of the verb
        ("The minister walked slowly out.", None),
        # words against someone: an office holder's as well as a named person's
        ("The president assailed the convention as a waste of time.", "ACCUSE"),
        ("Speakers hammered the president for his response to the pandemic.", "ACCUSE"),
        # critical of someone
        ("Mexico's president was critical of the United States.", "ACCUSE"),
        ("The critical question of funding was left open.", None),
        # being under investigation
        ("The mayor is under investigation by federal prosecutors.", "ACCUSE"),
    ],
)
def test_pattern_conditions_in_sentences(parse, text: str, expected: str | None) -> None:
    found = [e.type for e in extract_events(parse(text), "d1") if not (e.negated or e.hypothetical)]
    assert (expected in found) if expected else not found


@pytest.mark.parametrize(
    ("text", "verb", "given"),
    [
        ("China pledged 200 million yuan in grants.", "pledged", True),
        ("India offered a line of credit to Nepal.", "offered", True),
        ("The ships delivered 400 tonnes of relief supplies.", "delivered", True),
        ("The bank approved a loan to Chad.", "approved", False),  # the event noun's own row codes it
        ("India offered its condolences.", "offered", False),
    ],
)
def test_what_donors_give(parse, text: str, verb: str, given: bool) -> None:
    from newsgraph.extract.events.needs import gives

    assert gives(next(t for t in parse(text) if t.text == verb)) is given


def test_a_pledge_with_no_recipient_goes_to_the_story_s_country(parse) -> None:
    from newsgraph.extract.events.coder import extract_events

    doc = parse(
        "A cyclone struck Sri Lanka. Sri Lanka asked for help, the Sri Lankan cabinet said. "
        "China pledged 200 million yuan in grants."
    )
    assert ("AGREE", "CHN", "LKA") in {(e.type, e.actor_country, e.target_country) for e in extract_events(doc, "d")}


@pytest.mark.parametrize(
    ("text", "verb", "asked"),
    [
        ("Honduras demanded the immediate release of the fishermen.", "demanded", True),
        ("Britain called for the release of the four activists.", "called", True),
        ("Honduras demanded an explanation from Managua.", "demanded", False),
    ],
)
def test_asks_release(parse, text: str, verb: str, asked: bool) -> None:
    from newsgraph.extract.events.needs import asks_release

    assert asks_release(next(t for t in parse(text) if t.text == verb)) is asked


@pytest.mark.parametrize(
    ("text", "threat"),
    [
        ("The minister warned that Tehran would consider withdrawing from the treaty.", True),
        ("The minister warned that Chile would file a complaint.", True),
        ("The minister warned that the talks would take years.", False),
        # a warning that support will be withheld threatens its withdrawal
        ("NDP leader Marisol Keane warned that the New Democrats would not support the government.", True),
        # an act to come on a condition is a threat whoever does it, a forecast of things is none
        ("Union leaders warned that members would blockade the ports if the talks failed.", True),
        ("The trade minister warned that the duty could be widened to Peruvian rice if the ban stayed.", True),
        ("The relief agency warned that its stocks would run out unless new funding arrived.", False),
        ("Officials warned that the death toll could rise if the rains continued.", False),
    ],
)
def test_a_warning_of_an_act_to_come_is_a_threat(parse, text: str, threat: bool) -> None:
    from newsgraph.extract.events.coder import extract_events

    events = extract_events(parse(text), "d")
    assert any(e.type == "THREATEN" and not e.hypothetical for e in events) is threat


def test_navy_ships_deliver_their_country_s_help(parse) -> None:
    from newsgraph.extract.events.coder import extract_events

    doc = parse("Indian navy ships have delivered more than 400 tonnes of relief supplies to Sri Lanka.")
    assert ("AID", "IND", "LKA") in {(e.type, e.actor_country, e.target_country) for e in extract_events(doc, "d")}


@pytest.mark.parametrize(
    ("text", "accused"),
    [
        ("The opposition leader said the government rigged the vote.", True),
        ('"This is an attempt to silence the last free newspaper," the opposition leader said.', True),
        # a negated that-clause is a denial, not an accusation
        ('"Chile does not interfere in the politics of a neighbour," the spokesman said.', False),
        # "said X was to blame" accuses X; "not to blame" and "too early to blame" accuse no one
        ("The foreign minister said Russia was to blame for the blast.", True),
        ("The foreign minister said Russia was not to blame for the blast.", False),
        ("The foreign minister said it was too early to blame Russia for the blast.", False),
    ],
)
def test_said_wrongdoing_accuses_unless_denied(parse, text: str, accused: bool) -> None:
    from newsgraph.extract.events.coder import extract_events

    events = extract_events(parse(text), "d")
    assert any(e.type == "ACCUSE" and e.trigger == "said" for e in events) is accused


def test_a_response_to_come_to_what_a_side_did_is_a_threat_of_reprisal(parse) -> None:
    text = "Germany expelled four Russian diplomats. A spokeswoman said Russia would respond to the expulsions."
    found = {(e.type, e.actor_country, e.target_country) for e in extract_events(parse(text), "d")}
    assert ("THREATEN", "RUS", "DEU") in found
    text = "Germany expelled four Russian diplomats. Russia responded to the expulsions on Friday."
    assert not [e for e in extract_events(parse(text), "d") if e.type in ("THREATEN", "ASSAULT")]
