"""What the coder infers beyond the trigger: intent, a place as recipient, an unknown attacker, the
object's words as a target — each rule on sentences of our own."""

from __future__ import annotations

import pytest

from newsgraph.extract.events.coder import extract_events


def _facts(parse, text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    return [
        (e.type, e.actor_country, e.target, e.target_country)
        for e in extract_events(parse(text), "d1")
        if not (e.negated or e.hypothetical)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a commitment: AGREE for cooperation, THREATEN for force
        ("Japan pledged to send aid to Nepal.", ("AGREE", "JPN", "NPL")),
        ("Iran vowed to attack Israel.", ("THREATEN", "IRN", "ISR")),
        # a reported future is a commitment too
        ("Pakistan said it would meet Indian officials next month.", ("AGREE", "PAK", "IND")),
        # a stated intent to sue or charge is a threat of legal action
        ("Kenya said it would sue Uganda over the border.", ("THREATEN", "KEN", "UGA")),
        # a stated future retreat or concession is CONCEDE
        ("Burundi's President Pierre Nkurunziza announced he would stand down.", ("CONCEDE", "BDI", "BDI")),
        # a light verb's clause carries the commitment: a sanction to come is a threat
        ("Kenya said it would impose sanctions on Uganda.", ("THREATEN", "KEN", "UGA")),
        # a forceful response to come, to another side's provocation
        ("Seoul said it would respond firmly to any provocation by North Korea.", ("THREATEN", "KOR", "PRK")),
        # an act of force announced under a condition is a threat aimed at the side the condition names
        (
            "Rwanda said its army would cross into Congo unless Kinshasa disarmed the militia.",
            ("THREATEN", "RWA", "COD"),
        ),
    ],
)
def test_intent(parse, text: str, expected: tuple[str, str, str]) -> None:
    assert [(*f[:2], f[3]) for f in _facts(parse, text)][:1] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Iran could attack Israel.",  # possible, not committed
        "Iran hopes to attack Israel.",  # a hope is no commitment
        "Iran did not vow to attack Israel.",  # negated
    ],
)
def test_no_intent_without_commitment(parse, text: str) -> None:
    assert [f for f in _facts(parse, text) if f[0] in ("THREATEN", "ASSAULT")] == []


def test_place_is_the_recipient_of_force(parse) -> None:
    facts = _facts(parse, "Turkish troops launched an offensive into Syria on Wednesday.")
    assert ("ASSAULT", "TUR", "Syria", "SYR") in facts


def test_unknown_attacker_of_a_named_victim(parse) -> None:
    # a story about one country: the unnamed attacker of its people is taken to be of it
    facts = _facts(parse, "A Colombian journalist was shot dead in Bogota.")
    assert [(f[0], f[1], f[3]) for f in facts] == [("ASSAULT", "COL", "COL")]
    facts = _facts(parse, "A Colombian journalist was shot dead in Caracas, Venezuela.")
    assert [(f[0], f[1]) for f in facts] == [("ASSAULT", None)]  # no one country


@pytest.mark.parametrize(
    "text",
    [
        "A man was killed in a car crash in Lima.",  # an accident: no attack is named
        "The factories struggled to match Russian output of weapons.",  # a compiled pattern's subject
    ],
)
def test_no_unknown_attacker(parse, text: str) -> None:
    assert [f for f in _facts(parse, text) if f[0] == "ASSAULT"] == []


def test_object_words_as_target(parse) -> None:
    # the object's words are the target; in a story about Poland, rules with no other country are Poland's
    facts = _facts(parse, "The Polish bishop criticised the new rules.")
    assert ("ACCUSE", "POL", "new rules", "POL") in facts


def test_object_words_keep_no_country_for_a_foreign_actor(parse) -> None:
    text = (
        "Iran and Iraq held talks in Baghdad. Iraqi officials met Iranian envoys. "
        "The Polish bishop criticised the new rules."
    )
    assert ("ACCUSE", "POL", "new rules", None) in _facts(parse, text)


def test_a_claim_alone_is_no_accusation(parse) -> None:
    assert _facts(parse, "The Polish minister claimed victory was near.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # people named by what they are act, with the country of the story's place
        ("Legal and religious groups in Hong Kong have called for the bill to be dropped.", "REQUEST"),
        # a statement that acts is its author's
        ("The Turkish statement called for a safe zone for refugees.", "REQUEST"),
        # troops leaving a country retreat
        ("US troops left Iraq in 2011.", "RETREAT"),
    ],
)
def test_more_actors(parse, text: str, expected: str) -> None:
    assert expected in [f[0] for f in _facts(parse, text)]


def test_no_claimed_attacker_is_no_attacker(parse) -> None:
    text = "A rocket hit the base near Mosul. No organization immediately claimed credit for the attack."
    facts = _facts(parse, text)
    assert [f[1] for f in facts if f[0] == "ASSAULT"] == [None]  # the unidentified attacker only


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a stated refusal to cooperate or yield is REJECT (the codebook's refusals)
        ("The minister said the government would not negotiate with the rebels.", ("REJECT", None, "rebels", None)),
        # willingness to yield is AGREE (CAMEO 035x, express intent to yield)
        ("The Chilean army is ready to withdraw from the town.", ("AGREE", "CHL", None, None)),
        # an agentless deployment is the act of the side whose forces move
        ("About 400 Kenyan troops were deployed to the border.", ("MOBILIZE", "KEN", None, None)),
    ],
)
def test_refusals_willingness_and_deployments(parse, text: str, expected: tuple) -> None:
    assert expected in _facts(parse, text)


def test_a_warning_to_the_public_is_no_threat(parse) -> None:
    assert _facts(parse, "Police warned residents to stay indoors until the storm passed.") == []
    assert [f[0] for f in _facts(parse, "Greek patrol vessels warned the Turkish ships to leave.")] == ["THREATEN"]


def test_a_vote_withheld_is_no_refusal(parse) -> None:
    assert [f for f in _facts(parse, "The senator said he would not vote for the governor.") if f[0] == "REJECT"] == []


def test_a_passive_killing_when_a_side_opened_fire_is_that_sides(parse) -> None:
    facts = _facts(parse, "Two Armenian soldiers were killed when Azerbaijani forces opened fire.")
    assert ("ASSAULT", "AZE", "Two Armenian soldiers", "ARM") in facts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the object of the coercion a use of force was meant for is its target
        ("Soldiers opened fire to disperse protesters in Dhaka.", ("ASSAULT", "BGD", "protesters", "BGD")),
        # crowd control told as a dispersal is the dispersal itself (events/coder.py), aimed at the crowd
        ("Riot police used water cannon to break up the crowd in Lima.", ("COERCE", "PER", "crowd", "PER")),
    ],
)
def test_purpose_target(parse, text: str, expected: tuple[str, str, str, str]) -> None:
    assert expected in _facts(parse, text)


def test_no_purpose_target_without_coercion(parse) -> None:
    found = _facts(parse, "Police fired tear gas to clear the road in Dhaka.")
    assert all(target != "road" for _, _, target, _ in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a definite act noun with no owner answers the earlier act of another side
        (
            "Finland expelled three Russian diplomats on Monday. Estonia's foreign ministry said it supports the "
            "decision.",
            ("SUPPORT", "EST", "FIN"),
        ),
        (
            "Argentina's foreign minister accused Chile of dumping salmon. Chile's foreign minister rejected the "
            "criticism on Tuesday.",
            ("REJECT", "CHL", "ARG"),
        ),
    ],
)
def test_answered_act_target(parse, text: str, expected: tuple[str, str, str]) -> None:
    found = [(t, a, c) for t, a, _, c in _facts(parse, text)]
    assert expected in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an agentless passive withdrawal is the act of the side whose forces move
        ("About 150 Spanish troops were flown out of Baghdad overnight.", ("RETREAT", "ESP", None, None)),
        # a killing in a clash names an attack: its attacker is unidentified
        (
            "Two Armenian soldiers were killed in the clash on Tuesday.",
            ("ASSAULT", None, "Two Armenian soldiers", "ARM"),
        ),
        # help sent without a recipient goes to the country the story is about
        (
            "Floods hit Moldova on Sunday, killing four people in northern Moldova. The government of Moldova "
            "declared an emergency in Chisinau. Romania sent 120 firefighters across the border on Monday.",
            ("AID", "ROU", "Moldova", "MDA"),
        ),
    ],
)
def test_agentless_and_recipientless_events(parse, text: str, expected: tuple) -> None:
    assert expected in _facts(parse, text)


def test_denial_answers_the_accusation(parse) -> None:
    text = (
        "A rights group accused the Mexican army of abuses in the villages. Mexico's Defence Ministry denied "
        "that its troops had committed abuses."
    )
    found = [(t, a, c) for t, a, _, c in _facts(parse, text)]
    assert ("REJECT", "MEX", "MEX") in found


def test_mediation_between_the_story_s_two_sides(parse) -> None:
    text = (
        "Armenia and Azerbaijan fought over the border. Armenia said Azerbaijan attacked first. Azerbaijan "
        "blamed Armenia. Russia brokered a cease-fire agreement on Friday."
    )
    found = {(t, a, c) for t, a, _, c in _facts(parse, text) if t == "CONSULT"}
    assert found == {("CONSULT", "RUS", "ARM"), ("CONSULT", "RUS", "AZE")}


def test_no_mediation_sides_when_the_mediator_is_one_of_them(parse) -> None:
    text = "Armenia and Azerbaijan fought over the border. Armenia blamed Azerbaijan. Armenia brokered a deal."
    assert not [f for f in _facts(parse, text) if f[0] == "CONSULT" and f[3] in ("ARM", "AZE") and f[1] == "ARM"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # emergency help by an identifiable responder is AID to the people helped (docs/annotating.md)
        ("Emergency crews have evacuated more than 4,800 people from 31 villages.", "AID"),
        ("Rescuers extracted the trapped passengers from the bus.", "AID"),
        ("Five crew members were rescued by the coast guard on Monday.", "AID"),
        ("Medics treated injured people at the scene in Lima.", "AID"),
        # a transfer to hospital with no one named doing it, or a matter treated, is no help given
        ("Sirhan was transported to an outside hospital for medical care.", None),
        ("The minister said the government would treat the matter seriously.", None),
    ],
)
def test_emergency_help(parse, text: str, expected: str | None) -> None:
    found = [t for t, _, _, _ in _facts(parse, text)]
    assert (expected in found) if expected else "AID" not in found


def test_home_police_deployed_by_their_side(parse) -> None:
    text = (
        "Police in Vilnius said protesters gathered in Vilnius. Lithuania's government met. Riot police were "
        "deployed around the building in Vilnius."
    )
    assert ("MOBILIZE", "LTU", None, None) in _facts(parse, text)


def test_thugs_are_an_armed_side(parse) -> None:
    text = "Witnesses said thugs armed with machetes had stormed three polling units in Lagos."
    assert ("ASSAULT", "NGA") in {(t, a) for t, a, _, _ in _facts(parse, text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a free relative object names what it is called: here someone's act, answered
        (
            "Kuwait recalled its ambassador from Baghdad on Monday. Baghdad rejected what it called a "
            "disproportionate response.",
            ("REJECT", "IRQ", "KWT"),
        ),
        ("The minister condemned what he described as a massacre of civilians by the army.", ("ACCUSE", None, None)),
    ],
)
def test_what_it_called(parse, text: str, expected: tuple[str, str | None, str | None]) -> None:
    assert expected in [(t, a, c) for t, a, _, c in _facts(parse, text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The U.S. trade representative threatened further tariffs on Canada.", ("THREATEN", "USA", "CAN")),
        ("Britain threatened new sanctions against Russia.", ("THREATEN", "GBR", "RUS")),
    ],
)
def test_a_threat_of_a_named_act_is_aimed_at_its_target(parse, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in {(f[0], f[1], f[3]) for f in _facts(parse, text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Honduras recalled its ambassador to Nicaragua for consultations.", ("SANCTION", "HND", "NIC")),
        ("Russia's Gazprom stopped gas deliveries to Moldova on Tuesday.", ("SANCTION", "RUS", "MDA")),
        ("The African Union suspended Gabon from its decision-making bodies.", ("SANCTION", None, "GAB")),
    ],
)
def test_recalls_cut_offs_and_suspensions(parse, text: str, expected: tuple[str | None, ...]) -> None:
    assert expected in {(f[0], f[1], f[3]) for f in _facts(parse, text)}


def test_both_sides_as_a_target_are_the_two_countries_the_story_names_most(parse) -> None:
    from newsgraph.extract.events.coder import extract_events

    text = (
        "Pakistan closed the border with Afghanistan. Afghanistan condemned Pakistan. "
        "Turkey's Foreign Ministry urged both sides to exercise maximum restraint."
    )
    facts = {(e.type, e.actor_country, e.target_country) for e in extract_events(parse(text), "d")}
    assert {("REQUEST", "TUR", "PAK"), ("REQUEST", "TUR", "AFG")} <= facts
    # one of the two sides urging "both sides" names no third party's pair
    text = "Pakistan closed the border with Afghanistan. Pakistan urged both sides to keep calm."
    facts = {(e.type, e.actor_country, e.target_country) for e in extract_events(parse(text), "d")}
    assert not any(t == "REQUEST" and target == "AFG" for t, _, target in facts)
    # "the two governments" are the story's two sides, not the speaker's own government
    text = (
        "Pakistan closed the border with Afghanistan. Afghanistan condemned Pakistan. "
        "Turkey called on the two governments to show restraint."
    )
    facts = {(e.type, e.actor_country, e.target_country) for e in extract_events(parse(text), "d")}
    assert {("REQUEST", "TUR", "PAK"), ("REQUEST", "TUR", "AFG")} <= facts
    assert ("REQUEST", "TUR", "TUR") not in facts


def test_donors_and_promised_help_go_to_the_story_s_country(parse) -> None:
    from newsgraph.extract.events.coder import extract_events

    text = (
        "A cyclone struck Sri Lanka last month. Sri Lanka's government asked for help, the Sri Lankan cabinet said. "
        "International donors pledged about $1.9 billion in grants and loans. "
        "The World Bank said it would provide $700 million over three years."
    )
    facts = {(e.type, e.actor, e.target_country) for e in extract_events(parse(text), "d") if not e.hypothetical}
    assert ("AGREE", "International donors", "LKA") in facts
    assert ("AGREE", "World Bank", "LKA") in facts


def test_forces_offered_to_help_are_an_offer_to_the_story_s_country(parse) -> None:
    from newsgraph.extract.events.coder import extract_events

    text = (
        "Ghana's border guards stopped 300 migrants at the border with Togo on Monday, Ghana's interior ministry said. "
        "Nigeria and Senegal offered to send extra officers to help patrol the border."
    )
    facts = {
        (e.type, e.actor_country, e.target_country) for e in extract_events(parse(text), "d") if not e.hypothetical
    }
    assert {("AGREE", "NGA", "GHA"), ("AGREE", "SEN", "GHA")} <= facts
    assert not any(t == "THREATEN" for t, _, _ in facts)  # an offer of help, no threat
    facts = {
        (e.type, e.actor_country) for e in extract_events(parse("Russia vowed to send more troops to the border."), "d")
    }
    assert ("THREATEN", "RUS") in facts  # forces vowed, not to help: a threat


def test_the_government_named_bare_by_a_country_s_side_is_its_own(parse) -> None:
    from newsgraph.extract.events.coder import extract_events

    text = (
        "Georgia's government said it was ready to help. "
        "Kazakh lawmakers called on the government to accelerate the construction of a pipeline."
    )
    facts = {(e.type, e.actor_country, e.target_country) for e in extract_events(parse(text), "d")}
    assert ("REQUEST", "KAZ", "KAZ") in facts
    text = "Kazakh lawmakers called on the government of Georgia to open its ports."
    facts = {(e.type, e.actor_country, e.target_country) for e in extract_events(parse(text), "d")}
    assert ("REQUEST", "KAZ", "GEO") in facts


def test_the_government_a_foreign_state_calls_on_is_the_host_s(parse) -> None:
    from newsgraph.extract.events.coder import extract_events

    text = (
        "Bangladeshi police killed a garment worker in Dhaka. Bangladesh's labour minister met union leaders. "
        "Bangladesh's unions called a strike. The British embassy urged the government to settle the dispute."
    )
    facts = {(e.type, e.actor_country, e.target_country) for e in extract_events(parse(text), "d")}
    assert ("REQUEST", "GBR", "BGD") in facts


def test_a_refusal_answers_the_demand_made_of_the_refuser(parse) -> None:
    from newsgraph.extract.events.coder import extract_events

    text = "Indonesia demanded an apology from Malaysia. Malaysia refused."
    facts = {(e.type, e.actor_country, e.target_country) for e in extract_events(parse(text), "d")}
    assert ("REJECT", "MYS", "IDN") in facts


def test_two_sides_agreeing_to_set_something_up_agree_with_each_other(parse) -> None:
    from newsgraph.extract.events.coder import extract_events

    text = "LIMA, Peru (AP) — Peru and Chile agreed on Thursday to set up a joint commission on water sharing."
    facts = {(e.type, e.actor_country, e.target_country) for e in extract_events(parse(text), "d")}
    assert {("AGREE", "PER", "CHL"), ("AGREE", "CHL", "PER")} <= facts


def test_an_offer_to_mediate_is_made_to_the_two_sides_of_the_story(parse) -> None:
    text = (
        "Kenya and Tanzania traded accusations over the levy on Monday. Kenya closed its border with Tanzania. "
        "Uganda, whose exports pass through both countries, offered to mediate."
    )
    found = {(t, a, g) for t, a, _, g in _facts(parse, text) if t == "AGREE"}
    assert found == {("AGREE", "UGA", "KEN"), ("AGREE", "UGA", "TZA")}


def test_a_refusal_told_with_neither_nor_and_not_inside_a_condition(parse) -> None:
    text = "Neither the European Union nor the United States would endorse the result of the Zimbabwean election."
    found = {(t, a) for t, a, _, _ in _facts(parse, text)}
    assert ("REJECT", "USA") in found and ("REJECT", None) in found
    text = '"If Harare will not honour that vote, we will honour it ourselves," the Zimbabwean opposition leader said.'
    assert not [f for f in _facts(parse, text) if f[0] == "REJECT"]


def test_a_deployment_ordered_is_made(parse) -> None:
    text = "Sri Lanka's president ordered the Sri Lankan army to deploy two battalions to Batticaloa district."
    assert ("MOBILIZE", "LKA") in {(t, a) for t, a, _, _ in _facts(parse, text)}
    text = "The opposition urged the Sri Lankan army to deploy troops to Batticaloa district."
    assert "MOBILIZE" not in {t for t, _, _, _ in _facts(parse, text)}  # asked for, not ordered


@pytest.mark.parametrize(
    "text",
    [
        # a protest or blockade announced under a condition, or kept up until one is met, is a threat
        "Bangladeshi union leaders said they would stage a nationwide shutdown if the minister did not act.",
        "Bolivian union leaders said the unions would keep blockading highways until the decree was repealed.",
    ],
)
def test_a_conditional_protest_is_a_threat(parse, text: str) -> None:
    assert "THREATEN" in [f[0] for f in _facts(parse, text)]


def test_an_act_until_a_date_is_no_threat(parse) -> None:
    # "until" conditions only an act kept up or a protest: a deployment to last is a commitment, no threat
    facts = _facts(parse, "Kenya said its troops would patrol the border until March.")
    assert "THREATEN" not in [f[0] for f in facts]


def test_both_sides_asked_by_a_third_country(parse) -> None:
    # "the two allies" that a U.S. phrase earlier tied to the U.S. are still the story's two sides
    text = (
        "Japan and South Korea traded accusations over the 1965 treaty on Monday. Japan summoned South Korea's "
        "ambassador, and Seoul recalled its envoy from Japan. Japan said South Korea had broken the treaty, and "
        "South Korea said Japan had. Both are U.S. allies. In Washington, State Department spokesperson Megan Doyle "
        "urged the two allies to keep working together."
    )
    asked = {f[3] for f in _facts(parse, text) if f[0] == "REQUEST"}
    assert asked == {"JPN", "KOR"}


def test_both_sides_told_by_a_pronoun_or_read_as_one_side_are_still_both(parse) -> None:
    # "them" standing for "both governments", and "both sides" a story told as "the Indian side" before
    text = (
        "Indian and Pakistani troops exchanged fire in Kashmir. Pakistan accused India of shelling villages, and "
        "India blamed Pakistan. The State Department was in touch with both governments and urged them to talk."
    )
    assert {f[3] for f in _facts(parse, text) if f[0] == "REQUEST"} == {"IND", "PAK"}
    text = (
        "Indian and Pakistani troops exchanged fire in Kashmir. Pakistan accused India of shelling villages, and "
        "officials on the Indian side blamed Pakistan. The U.N. urged both sides to exercise restraint."
    )
    assert {f[3] for f in _facts(parse, text) if f[0] == "REQUEST"} == {"IND", "PAK"}


def test_a_thing_refused_in_a_story_of_two_countries_is_the_others(parse) -> None:
    # an object of no side ("the debt figure") refused by one of the story's two countries: aimed at the other
    text = (
        "Russia cut gas supplies to Moldova on Monday. Russia says Moldova owes it 709 million dollars, and "
        "Russia wants the money by March. Moldovan authorities reject the debt figure."
    )
    assert ("REJECT", "MDA", "RUS") in [(f[0], f[1], f[3]) for f in _facts(parse, text)]


def test_a_threat_aimed_at_the_other_country_it_names(parse) -> None:
    # the threatener is the complement's subject: the threat is at the other country the threatened act names
    text = (
        "Foreign Minister Omar Haddadin said the deal was reached after talks in Amman with Israeli officials. "
        '"Food is an obligation under international law," Haddadin told reporters in the Jordanian capital. '
        "He warned that Jordan would review its security coordination with Israel if convoys were held up again."
    )
    assert ("THREATEN", "JOR", "ISR") in [(f[0], f[1], f[3]) for f in _facts(parse, text)]
