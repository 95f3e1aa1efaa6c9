"""Event triggers: verb and noun candidates, hand-written rows before compiled ones, clauses that only
describe a noun."""

from __future__ import annotations

import pytest

from newsgraph.extract.events.actors import DocContext
from newsgraph.extract.events.memory import EventMemory
from newsgraph.extract.events.triggers import describes_noun, noun_candidate, verb_candidate


def _cand(parse, text: str, word: str):
    doc = parse(text)
    tok = next(t for t in doc if t.text == word)
    ctx = DocContext(doc)
    make = verb_candidate if tok.pos_ in ("VERB", "ADJ") else noun_candidate
    return make(tok, ctx, EventMemory())


@pytest.mark.parametrize(
    ("text", "word", "type_", "compiled"),
    [
        ("Kenya accused Uganda of spying.", "accused", "ACCUSE", False),  # a hand-written row
        ("Rebels ambushed a convoy in Mali.", "ambushed", "ASSAULT", True),  # a compiled CAMEO row
        ("The government donated food to the refugees.", "donated", "AID", False),
    ],
)
def test_verb_candidates(parse, text: str, word: str, type_: str, compiled: bool) -> None:
    cand = _cand(parse, text, word)
    assert cand is not None and cand.type == type_
    assert (cand.cameo is not None) == compiled


def test_a_compiled_statement_pattern_is_no_event(parse) -> None:
    # CAMEO codes "issue a statement" 01x (a public statement): the pattern stops the search
    assert _cand(parse, "The ministry issued a statement on Monday.", "issued") is None


def test_compiled_rows_skip_clauses_that_describe_a_noun(parse) -> None:
    doc = parse("They described a village that rebels ambushed.")
    verb = next(t for t in doc if t.text == "ambushed")
    assert describes_noun(verb)
    assert verb_candidate(verb, DocContext(doc), EventMemory()) is None


def test_a_month_is_no_march(parse) -> None:
    assert _cand(parse, "The report was published in March.", "March") is None


def test_nominal_candidate_with_light_verb(parse) -> None:
    cand = _cand(parse, "Serbia held talks with Kosovo.", "talks")
    assert cand is not None and cand.type == "CONSULT" and cand.nominal
    assert [t.text for t in cand.trigger] == ["held", "talks"]


def test_a_participle_used_as_a_noun_is_no_trigger(parse) -> None:
    assert _cand(parse, "Police arrested the accused in Auckland.", "accused") is None


def test_people_accused_of_crimes_have_no_accuser(parse) -> None:
    # a kind of people, not an act: no default prosecutor
    cand = _cand(parse, "The law would extradite people accused of crimes.", "accused")
    assert cand is None or not cand.actors


def test_a_passive_accusation_has_the_default_accuser(parse) -> None:
    cand = _cand(parse, "He was also accused of defrauding clients in California.", "accused")
    assert cand is not None and cand.type == "ACCUSE" and [a.label for a in cand.actors] == ["prosecutor"]


def test_the_unnamed_police_of_an_arrest_are_of_the_place_it_was_made(parse) -> None:
    # a foreigner "arrested in Utrecht" was arrested by the Dutch police, not by his own country's
    text = "Kamanzi, a Rwandan former mayor, was arrested in Utrecht in 2023."
    cand = _cand(parse, text, "arrested")
    assert cand is not None and cand.type == "COERCE"
    assert [(a.label, a.country) for a in cand.actors] == [("police", "NLD")]


def test_the_recipient_of_a_light_verb_is_the_target(parse) -> None:
    cand = _cand(parse, "The governor granted Hill a full pardon.", "pardon")
    assert cand is not None and cand.type == "CONCEDE"
    assert [t.label for t in cand.targets] == ["Hill"]


def test_a_name_tagged_as_a_noun_is_still_a_name(parse) -> None:
    # "Trump" at the start of a sentence is tagged NN by the small model; the document knows the name
    doc = parse("Donald Trump spoke on Monday. Trump granted Baker a full pardon.")
    ctx = DocContext(doc)
    trump = [t for t in doc if t.text == "Trump"][1]
    assert ctx.actor(trump).agentive


def test_words_from_a_side_answer_that_side(parse) -> None:
    from newsgraph.extract.events.coder import extract_events

    doc = parse("Ankara on Friday rejected the criticism from Paris and Berlin.")
    found = {(e.type, e.actor_country, e.target_country) for e in extract_events(doc, "d1")}
    assert {("REJECT", "TUR", "FRA"), ("REJECT", "TUR", "DEU")} <= found
    from newsgraph.extract.events.triggers import _speakers_from

    doc = parse("Chile completed the withdrawal from Bolivia after the criticism from Peru.")
    assert [t.text for t in _speakers_from(next(t for t in doc if t.text == "criticism"))] == ["Peru"]
    assert _speakers_from(next(t for t in doc if t.text == "withdrawal")) == []  # a place left, not a speaker


def test_a_forceful_response_is_an_attack(parse) -> None:
    from newsgraph.extract.events.coder import extract_events

    doc = parse("Armenian forces responded firmly to Azerbaijan's shelling on Tuesday.")
    assert ("ASSAULT", "ARM", "AZE") in {(e.type, e.actor_country, e.target_country) for e in extract_events(doc, "d")}
    doc = parse("The minister responded to questions from lawmakers on Tuesday.")
    assert extract_events(doc, "d") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lithuania's foreign ministry summoned Belarus's charge d'affaires.", ("ACCUSE", "LTU", "BLR")),
        ("Ten farmers in France were arrested by French gendarmes.", ("COERCE", "FRA", "FRA")),
        ("Canada filed a legal challenge against the United States.", ("ACCUSE", "CAN", "USA")),
    ],
)
def test_envoys_gendarmes_and_legal_challenges(parse, text: str, expected: tuple[str, str, str]) -> None:
    from newsgraph.extract.events.coder import extract_events

    assert expected in {(e.type, e.actor_country, e.target_country) for e in extract_events(parse(text), "d")}


def test_the_treasury_is_a_government_body(parse) -> None:
    from newsgraph.extract.events.coder import extract_events

    doc = parse("Kenyan police arrested ten protesters in Nairobi. The Treasury refused to scrap the fuel levy.")
    assert ("REJECT", "KEN") in {(e.type, e.actor_country) for e in extract_events(doc, "d")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lithuania said it stood in solidarity with Warsaw.", {("SUPPORT", "LTU", "POL")}),
        ("Washington quickly sided with Manila.", {("SUPPORT", "USA", "PHL")}),
        ("Sweden stands with Finland, the minister wrote.", {("SUPPORT", "SWE", "FIN")}),
        ("The senator stood with his back to the crowd.", set()),  # standing with a thing is no support
    ],
)
def test_solidarity(parse, text: str, expected: set[tuple[str, str, str]]) -> None:
    from newsgraph.extract.events.coder import extract_events

    found = {(e.type, e.actor_country, e.target_country) for e in extract_events(parse(text), "d")}
    assert {f for f in found if f[0] == "SUPPORT"} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("China's military launched naval exercises around Taiwan on Monday.", ("MOBILIZE", "CHN", "TWN")),
        ("Taiwan dispatched two warships on Monday.", ("MOBILIZE", "TWN", None)),
        ("South Korea's president ordered the military to maintain a heightened readiness.", ("MOBILIZE", "KOR", None)),
    ],
)
def test_force_posture(parse, text: str, expected: tuple[str, str, str | None]) -> None:
    from newsgraph.extract.events.coder import extract_events

    assert expected in {(e.type, e.actor_country, e.target_country) for e in extract_events(parse(text), "d")}


def test_civilians_drilling_mobilize_no_one(parse) -> None:
    from newsgraph.extract.events.coder import extract_events

    assert extract_events(parse("The students in Nairobi held a fire drill on Monday."), "d") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Greek prosecutors charged former Greek minister Petros Alexiou with fraud. "
         "Greece's parliament voted in November to lift his immunity.", ("SANCTION", "GRC", "GRC")),
        ("Nicaragua revoked the citizenship of four priests on Friday.", ("SANCTION", "NIC", "NIC")),
    ],
)  # fmt: skip
def test_immunity_and_citizenship_taken_away(parse, text: str, expected: tuple[str | None, ...]) -> None:
    from newsgraph.extract.events.coder import extract_events

    found = {
        (e.type, e.actor_country, e.target_country) for e in extract_events(parse(text), "d") if not e.hypothetical
    }
    assert expected in found


def test_pulling_people_from_rubble_is_emergency_help(parse) -> None:
    from newsgraph.extract.events.coder import extract_events

    doc = parse("An earthquake struck Nepal on Monday. Soldiers pulled 58 survivors from the rubble in Nepal.")
    assert "AID" in {e.type for e in extract_events(doc, "d")}
    doc = parse("The party pulled its candidates from the race in Nepal.")
    assert "AID" not in {e.type for e in extract_events(doc, "d")}


@pytest.mark.parametrize(
    ("text", "protest"),
    [
        ("Peaceful protest is a right, the minister said.", False),  # protest in general
        ("Police held students for peaceful protest in Dhaka.", False),  # a reason
        ("The ministry handed the envoy a note of protest in Dushanbe.", False),  # a kind of note
        ("A curfew followed two days of protests in Dhaka.", True),  # a span of protests told
        ("Protests in Dhaka continued on Monday.", True),
    ],
)
def test_protest_nouns_told_as_news_or_named_in_general(parse, text: str, protest: bool) -> None:
    from newsgraph.extract.events.coder import extract_events

    assert any(e.type == "PROTEST" for e in extract_events(parse(text), "d")) is protest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a Commonwealth envoy summoned
        ("Malawi summoned Zambia's high commissioner on Tuesday.", ("ACCUSE", "MWI", "ZMB")),
        # aid suspended in money, not only in the word "aid"
        ("Norway suspended $15 million in budget support to Malawi.", ("SANCTION", "NOR", "MWI")),
        # a court dissolving a party bans it
        (
            "Turkish police detained ten students in Ankara. Turkey's Constitutional Court dissolved the People's "
            "Democracy Party.",
            ("SANCTION", "TUR", "TUR"),
        ),
        # an official defending an arrest, a company or a verdict backs it
        ("Kenya's interior minister defended the arrests of the two activists.", ("SUPPORT", "KEN", "KEN")),
        ("Chile's finance minister defended the mining company on Monday.", ("SUPPORT", "CHL", "CHL")),
        # a ruling dismissed is rejected
        ("Venezuela was quick to dismiss the ruling of the Guyanese court.", ("REJECT", "VEN", "GUY")),
    ],
)
def test_summons_suspended_money_dissolutions_defences_and_dismissals(
    parse, text: str, expected: tuple[str, str, str]
) -> None:
    from newsgraph.extract.events.coder import extract_events

    assert expected in {(e.type, e.actor_country, e.target_country) for e in extract_events(parse(text), "d")}


@pytest.mark.parametrize(
    "text",
    [
        "The minister said Ghana would defend every inch of its territory.",
        "The president dissolved parliament and called an early election.",
        "The police commissioner was summoned to a hearing.",
    ],
)
def test_self_defence_a_parliament_dissolved_and_a_domestic_summons_are_no_events(parse, text: str) -> None:
    from newsgraph.extract.events.coder import extract_events

    found = [e for e in extract_events(parse(text), "d") if not (e.negated or e.hypothetical)]
    assert not [e for e in found if e.type in ("SUPPORT", "SANCTION", "ACCUSE")]


@pytest.mark.parametrize(
    "text",
    [
        "Police in Nairobi fired tear gas at protesters on Tuesday.",
        "Kenyan police fired rubber bullets into the crowd.",
        "Students marched on parliament in Nairobi. Kenyan police responded with tear gas and water cannon.",
    ],
)
def test_crowd_control_weapons_are_an_assault_of_that_mode(parse, text: str) -> None:
    from newsgraph.extract.events.coder import extract_events

    found = [e for e in extract_events(parse(text), "d") if e.type == "ASSAULT"]
    assert [(e.actor_country, e.mode) for e in found] == [("KEN", "crowd-control")]


def test_blame_laid_on_a_side_or_on_the_weather(parse) -> None:
    from newsgraph.extract.events.coder import extract_events

    doc = parse("Egypt blamed the flooding on Ethiopia's dam.")
    found = {(e.type, e.actor_country, e.target_country) for e in extract_events(doc, "d")}
    assert ("ACCUSE", "EGY", "ETH") in found
    doc = parse("Egypt's irrigation ministry blamed the flooding on record rainfall.")
    assert not [e for e in extract_events(doc, "d") if e.type == "ACCUSE"]


def test_confidence_in_a_side_is_support(parse) -> None:
    from newsgraph.extract.events.coder import extract_events

    doc = parse("The State Department said it had full confidence in Peru's electoral institutions.")
    assert ("SUPPORT", "USA", "PER") in {(e.type, e.actor_country, e.target_country) for e in extract_events(doc, "d")}
    doc = parse("The minister said he had no confidence in the Peruvian police.")
    assert not [e for e in extract_events(doc, "d") if e.type == "SUPPORT" and not e.negated]


@pytest.mark.parametrize(
    "text",
    [
        "Ukrainian rescuers pulled two injured engineers from the rubble in Kharkiv.",
        "Two wounded Colombian villagers were flown by an air force helicopter to a hospital in Popayan.",
    ],
)
def test_rescues_and_emergency_transport_are_aid(parse, text: str) -> None:
    from newsgraph.extract.events.coder import extract_events

    assert [e.mode for e in extract_events(parse(text), "d") if e.type == "AID"] == ["humanitarian"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("South Korean police kept the protesters away from the gates.", ("COERCE", "restrict")),
        ("South Korean riot police pushed back hundreds of protesters.", ("COERCE", "restrict")),
        ("A German judge ordered both men held in pre-trial detention on Wednesday.", ("COERCE", "arrest")),
        ("South Korean police used batons on the students.", ("ASSAULT", "crowd-control")),
    ],
)
def test_crowd_control_without_weapons_and_detention_ordered(parse, text: str, expected: tuple[str, str]) -> None:
    from newsgraph.extract.events.coder import extract_events

    assert expected in {(e.type, e.mode) for e in extract_events(parse(text), "d")}


@pytest.mark.parametrize(
    "text", ["The family moved away from the city in 2019.", "The talks were held in the detention centre."]
)
def test_moving_away_and_a_meeting_place_are_no_coercion(parse, text: str) -> None:
    from newsgraph.extract.events.coder import extract_events

    assert not [e for e in extract_events(parse(text), "d") if e.type == "COERCE"]


def test_heckling_and_shouting_at_a_speaker_are_protests_of_political_sides_only(parse) -> None:
    from newsgraph.extract.events.coder import extract_events

    for text in (
        "South Korean opposition lawmakers heckled the president during his speech.",
        "South Korean opposition lawmakers shouted at the president and held up placards.",
    ):
        assert "PROTEST" in {e.type for e in extract_events(parse(text), "d")}
    assert not extract_events(parse("The coach shouted at the players during training."), "d")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile deployed troops to the border, drawing a formal protest from the Bolivian government.",
         ("ACCUSE", "BOL", "CHL")),
        ("South Korea lodged a strong protest with Japan over the remarks.", ("ACCUSE", "KOR", "JPN")),
        ("American officials had raised their concerns with the Canadian Embassy in Washington.",
         ("ACCUSE", "USA", "CAN")),
    ],
)  # fmt: skip
def test_a_government_s_protest_and_concerns_raised_with_a_side_are_complaints(
    parse, text: str, expected: tuple[str, str, str]
) -> None:
    from newsgraph.extract.events.coder import extract_events

    found = {(e.type, e.actor_country, e.target_country) for e in extract_events(parse(text), "d")}
    assert expected in found and not any(f[0] in ("PROTEST", "CONSULT") for f in found)


def test_an_account_expected_of_a_side_is_asked_for_and_a_forecast_is_not(parse) -> None:
    from newsgraph.extract.events.coder import extract_events

    doc = parse("Germany expects an explanation from Moscow for the cyberattack.")
    assert ("REQUEST", "DEU", "RUS") in {(e.type, e.actor_country, e.target_country) for e in extract_events(doc, "d")}
    assert not extract_events(parse("German analysts expect an investigation to take months."), "d")
