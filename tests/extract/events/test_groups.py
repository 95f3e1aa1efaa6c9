"""Unnamed groups: which take the country of their place, and which belong to no one country."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from spacy.tokens import Doc

from newsgraph.extract.events.groups import counted, local_group, of_international, two_sides


def _head(doc: Doc, word: str):
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(
    ("text", "word", "sector", "local"),
    [
        ("Activists marched on Sunday.", "Activists", "CVL", True),
        ("Rebels attacked the town.", "Rebels", "REB", True),
        ("European activists marched on Sunday.", "activists", "CVL", False),
        ("The government resigned.", "government", "GOV", False),
        ("Leaders of African Union member states met.", "Leaders", "GOV", False),
        # a weapon is fired at its place, not from it
        ("Drones hit a refinery in Belgorod.", "Drones", "MIL", False),
        # people named by an agent noun no table lists take their place's country; things do not
        ("Truckers blocked the road.", "Truckers", None, True),
        ("Tractors blocked the road.", "Tractors", None, False),
    ],
)
def test_local_group(parse, text: str, word: str, sector: str, local: bool) -> None:
    assert local_group(_head(parse(text), word), sector) is local


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [("Leaders of NATO member states met.", "Leaders", True), ("Leaders of the opposition met.", "Leaders", False)],
)
def test_of_international(parse, text: str, word: str, expected: bool) -> None:
    assert of_international(_head(parse(text), word)) is expected


def test_two_sides_are_the_two_countries_a_story_names_most() -> None:
    from newsgraph.extract.events.coder import extract_events
    from newsgraph.extract.events.groups import two_sides
    from newsgraph.ingest.nlp import parse_one

    doc = parse_one("Italy and Ethiopia have a long history. The two governments signed agreements on trade.")
    assert two_sides(next(t for t in doc if t.text == "governments"))
    found = {(e.type, e.actor_country, e.target_country) for e in extract_events(doc, "d1")}
    assert {("AGREE", "ITA", "ETH"), ("AGREE", "ETH", "ITA")} <= found
    aisle = parse_one("He came under scrutiny from both sides of the aisle.")
    assert not two_sides(next(t for t in aisle if t.text == "sides"))


def test_people_from_both_sides_are_the_two_sides(parse) -> None:
    from newsgraph.extract.events.coder import extract_events

    text = "Kyrgyzstan and Tajikistan agreed on a ceasefire. Border commanders from both sides met at a checkpoint."
    doc = parse(text)
    assert two_sides(next(t for t in doc if t.text == "commanders"))
    found = {(e.type, e.actor_country, e.target_country) for e in extract_events(doc, "d1")}
    assert {("CONSULT", "KGZ", "TJK"), ("CONSULT", "TJK", "KGZ")} <= found
    aisle = parse("Lawmakers from both sides of the aisle met on Tuesday.")
    assert not two_sides(next(t for t in aisle if t.text == "Lawmakers"))


def test_both_sides_pledging_an_act_of_their_own_pledge_it_to_each_other(parse) -> None:
    from newsgraph.extract.events.coder import extract_events

    text = "Armenia and Azerbaijan signed a peace deal. Both sides pledged to withdraw border troops by one kilometre."
    found = {(e.type, e.actor_country, e.target_country) for e in extract_events(parse(text), "d1")}
    assert {("CONCEDE", "ARM", "AZE"), ("CONCEDE", "AZE", "ARM")} <= found


@pytest.mark.parametrize(
    ("text", "head", "local"),
    [
        ("International donors pledged money on Thursday.", "donors", False),
        ("Western diplomats met on Thursday.", "diplomats", False),
        ("Donors pledged money on Thursday.", "Donors", False),
        ("Activists rallied on Thursday.", "Activists", True),
    ],
)
def test_groups_from_abroad_are_not_local(parse, text: str, head: str, local: bool) -> None:
    from newsgraph.lexicon.events import sector_of

    tok = next(t for t in parse(text) if t.text == head)
    hit = sector_of(tok.lemma_.lower())
    assert local_group(tok, hit.sector if hit else None) is local


@pytest.mark.parametrize(
    ("text", "head", "body"),
    [
        ("European Union ministers met in Vienna.", "ministers", "European Union"),
        ("NATO allies condemned the strike.", "allies", "NATO"),
        ("The European Union's foreign policy chief, Ana Lima, condemned the raids.", "chief", "European Union"),
        ("The African Union suspended Gabon. The bloc also froze its aid.", "bloc", "African Union"),
        ("NATO met on Monday. The alliance condemned the strike.", "alliance", "NATO"),
        # a trade union is no intergovernmental body; a document drafted at one is no group of it
        ("NATO met on Monday. The union called a strike.", "union", None),
        ("Russia vetoed a Security Council resolution.", "resolution", None),
        ("The bloc met on Monday.", "bloc", None),
        (
            "The International Atomic Energy Agency met. Iran accused the agency of bias.",
            "agency",
            "International Atomic Energy Agency",
        ),
        ("The IAEA met on Monday. Iran accused the agency of bias.", "agency", "IAEA"),
        # the latest agency named is a national one: "the agency" is that one, no intergovernmental body
        ("The IAEA met. Turkey's disaster agency AFAD sent a team. The agency said it was ready.", "agency", None),
        # a person or group serving a body named after "for", "of" or "at"; a country's mission to it is the country's
        ("A spokesman for the U.N. secretary-general urged restraint.", "spokesman", "U.N."),
        ("An official of the African Union condemned the attack.", "official", "African Union"),
        ("A spokesman for the Russian mission to the UN denied it.", "spokesman", None),
    ],
)
def test_groups_of_an_intergovernmental_body(parse, text: str, head: str, body: str | None) -> None:
    from newsgraph.extract.events.groups import igo_side

    assert igo_side(_head(parse(text), head)) == body


def test_the_bloc_acts_for_the_body_named_before(parse) -> None:
    from newsgraph.extract.events.coder import extract_events

    doc = parse("The European Union accused Belarus of smuggling. On Monday the bloc imposed sanctions on Belarus.")
    found = {(e.type, e.actor_country, e.target_country, e.actor_sector) for e in extract_events(doc, "d1")}
    assert ("SANCTION", None, "BLR", "IGO") in found


@pytest.mark.parametrize(
    ("found", "expected"),
    [
        (SimpleNamespace(name="Jane Roe", role="chairman of the African Union Commission", organization=None), True),
        (SimpleNamespace(name="Jane Roe", role="OSCE Representative on Freedom of the Media", organization=None), True),
        (SimpleNamespace(name="World Bank", country=None), True),
        (SimpleNamespace(name="Organization of American States", country=None), True),
        (SimpleNamespace(name="Jane Roe", role="Minister for Europe", organization="Foreign Office"), False),
        (SimpleNamespace(name="Kenya Red Cross", country=None), False),
    ],
)
def test_officials_and_bodies_of_intergovernmental_bodies(found: SimpleNamespace, expected: bool) -> None:
    from newsgraph.extract.events.groups import international

    assert international(found) is expected


@pytest.mark.parametrize(
    "text",
    [
        "Kenya's president spoke with Uganda's president by phone, and the two agreed to reopen the border.",
        "Kenya's president spoke with Uganda's president by phone. The two agreed to reopen the border.",
    ],
)
def test_the_two_are_the_sides_of_the_event_before(parse, text: str) -> None:
    from newsgraph.extract.events.coder import extract_events

    found = {(e.type, e.actor_country, e.target_country) for e in extract_events(parse(text), "d")}
    assert {("AGREE", "KEN", "UGA"), ("AGREE", "UGA", "KEN")} <= found


def test_a_country_s_envoy_to_a_body_is_the_country_s(parse) -> None:
    from newsgraph.extract.events.coder import extract_events

    text = "Russia's deputy U.N. ambassador, Konstantin Belov, accused Britain of using the council as a tool."
    facts = {(e.type, e.actor_country, e.target_country) for e in extract_events(parse(text), "d")}
    assert ("ACCUSE", "RUS", "GBR") in facts
    facts = {(e.type, e.actor_country) for e in extract_events(parse("EU leaders condemned Russia."), "d")}
    assert ("ACCUSE", None) in facts


def test_an_office_of_an_intergovernmental_body_is_the_body(parse) -> None:
    from newsgraph.extract.events.coder import extract_events

    doc = parse("The United Nations human rights office in Geneva urged Bangladeshi authorities to exercise restraint.")
    facts = {(e.type, e.actor_country, e.target_country) for e in extract_events(doc, "d")}
    assert ("REQUEST", None, "BGD") in facts


def test_the_seat_of_a_body_named_in_the_story_is_the_body() -> None:
    from newsgraph.extract.events.groups import igo_side
    from newsgraph.ingest.nlp import parse_one

    doc = parse_one("The European Commission fined Gazprom. Moscow accused Brussels of economic warfare.")
    assert igo_side(next(t for t in doc if t.text == "Brussels")) == "European Union"
    doc = parse_one("Belgian police arrested two men in Brussels on Monday.")
    assert igo_side(next(t for t in doc if t.text == "Brussels")) is None


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Police removed dozens of tractors.", "dozens", ["tractors"]),
        ("A group of traders protested.", "group", ["traders"]),
        ("The group protested.", "group", []),
        ("Police removed the tractors.", "tractors", []),
    ],
)
def test_counted(parse, text: str, word: str, expected: list[str]) -> None:
    assert [t.text for t in counted(_head(parse(text), word))] == expected


def test_observers_from_a_body_of_the_event_data_table_are_that_body(parse) -> None:
    # "observers from the Southern African Development Community": the body (Phoenix's IGO table), of no country
    from newsgraph.extract.events.coder import extract_events

    doc = parse(
        "Zambia held elections on Thursday. Observers from the Southern African Development Community held talks "
        "with the electoral commission's chairperson, Mercy Tembo, in Lusaka on Friday."
    )
    met = [(e.actor_country, e.actor_sector) for e in extract_events(doc, "d") if e.type == "CONSULT"]
    assert met == [(None, "IGO")]


def test_both_parties_to_a_conflict_are_two_sides_but_two_election_parties_are_not(parse) -> None:
    assert two_sides(next(t for t in parse("The envoy urged both parties to keep the truce.") if t.text == "parties"))
    doc = parse("Supporters of the two parties clashed after the vote.")
    assert not two_sides(next(t for t in doc if t.text == "parties"))


def test_a_part_of_a_body_has_the_body_s_sector(parse) -> None:
    from newsgraph.extract.events.groups import owner_sector

    doc = parse("The Pakistani army's media wing accused India of a deliberate violation of the border.")
    assert owner_sector(next(t for t in doc if t.text == "wing")) == "MIL"
    doc = parse("The army's decision surprised many.")
    assert owner_sector(next(t for t in doc if t.text == "decision")) is None
