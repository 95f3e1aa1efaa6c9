"""Modality: negated, hypothetical, denied, intended and alleged clauses around an event trigger."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from newsgraph.extract.events.modality import FACT, clause_modality


def _modality(parse: Callable[[str], Doc], text: str, word: str, *, nominal: bool = False):
    doc = parse(text)
    tok = next(t for t in doc if t.text == word)
    return clause_modality(tok, nominal=nominal)


@pytest.mark.parametrize(
    ("text", "word", "negated", "hypothetical"),
    [
        ("Mexico did not sign the treaty.", "sign", True, False),
        ("Mexico has not signed the treaty.", "signed", True, False),
        ("Mexico never signed the treaty.", "signed", True, False),
        ("Iran could attack Israel.", "attack", False, True),
        ("Iran might attack Israel next year.", "attack", False, True),
        ("Turkey will attack Syria next week.", "attack", False, True),
        ("If Chile invades Peru, the region will suffer.", "invades", False, True),
        ("Egypt plans to attack Sudan.", "attack", False, True),
        ("Greece was not planning to invade Turkey.", "invade", True, True),
        ("Chad refused to meet the envoy.", "meet", True, False),
        ("Egypt denied that its troops attacked Libya.", "attacked", True, False),
        ("Brazil accused Venezuela of attacking its border posts.", "attacking", False, True),
        ("Officials said that troops attacked the town.", "attacked", False, False),
        # be + to-infinitive: scheduled, not done
        ("The minister is to step down today.", "step", False, True),
        ("Avenatti is to be sentenced in June.", "sentenced", False, True),
        # scheduled, or the condition something depends on: not done
        ("A Danish envoy is scheduled to visit Accra next week.", "visit", False, True),
        ("The loan will depend on Malawi reaching a deal with its creditors.", "reaching", False, True),
        # what a complaint or an allegation says is only alleged; a relative clause on the noun is told as done
        ("The allegation that soldiers shot the farmers was denied.", "shot", False, True),
        ("Kenya was accused of abuses, allegations that police have denied.", "denied", False, False),
        # a speech act the parser hangs on the clause a denial or a promise reports is made, not denied or promised
        ("Serbia denied that the officers had entered Kosovo and accused Pristina of lying.", "accused", False, False),
        ("The mayor said he would appeal, accusing the government of neglect.", "accusing", False, False),
        # an act before or after another is as sure as that one
        ("The union would decide after consulting its members.", "consulting", False, True),
        ("The mayor told reporters after meeting the ambassador.", "meeting", False, False),
        ("Troops crossed the river and attacked the town.", "attacked", False, False),
        ("Troops could cross the river and attack the town.", "attack", False, True),
        # a negative subject, a stopped action, an action only asked for
        ("Nobody attacked the convoy.", "attacked", True, False),
        ("No country condemned the attack.", "condemned", True, False),
        ("We have to stop attacking each other.", "attacking", True, True),  # stopped, and only an obligation
        ("The agency has to approve the deal.", "approve", False, True),  # due, not done
        ("Protesters demanded that the government release the prisoners.", "release", False, True),  # asked for
        ("Iran hopes to attack Israel.", "attack", False, True),  # "hopes" lemmatized "hop" by the small model
        ("Red notices ask local authorities to arrest a person.", "arrest", False, True),
        ("The parliament voted to expel the diplomats.", "expel", False, False),  # a body that votes to act acts
        ("The senator did not endorse the governor until July.", "endorse", False, False),  # later, not never
        ("He did not want war and calls on Peru to remain neutral.", "calls", False, False),  # finite conjunct
        ("Police have been unable to question the suspect.", "question", True, False),  # it did not happen
        # a finite verb misattached to the asked-for clause is conjoined with the asking verb: a fact
        ("The minister urged Iran to reconsider and spoke with its ambassador.", "spoke", False, False),
        # "no" on the verb's own object: nothing was done
        ("The company said it had paid no ransom to the attackers.", "paid", True, False),
        ("Russia sent no troops to the border.", "sent", True, False),
        # a conjoined act keeps clear of it
        ("The United States took no position and urged all sides to show restraint.", "urged", False, False),
        # a course of action only floated or weighed
        ("Some lawmakers have floated impeaching the president.", "impeaching", False, True),
        ("Ministers are mulling expelling the ambassador.", "expelling", False, True),
        # the content of reports or claims a side denies
        ("The army denied local reports that its troops had fired on civilians.", "fired", True, False),
        ("The army confirmed reports that its troops had fired on civilians.", "fired", False, False),
        # a trailing ", which X denied": the clause is disputed, only alleged
        ("Lawyers said some detainees had been beaten in custody, which the ministry denied.", "beaten", False, True),
        # "..., a charge X denies": the charge was made; what it says is only alleged
        ("Sudan accused Chad of arming the rebels, a charge Chad denies.", "accused", False, False),
        ("Chadian troops shelled Sudanese villages, a charge Chad denies.", "shelled", False, True),
        # ", which denied ...": the group denies something, the arrest stands
        ("Police arrested the leader of the group, which denied any wrongdoing.", "arrested", False, False),
    ],
)
def test_clause_modality(parse, text: str, word: str, negated: bool, hypothetical: bool) -> None:
    mod = _modality(parse, text, word)
    assert (mod.negated, mod.hypothetical) == (negated, hypothetical)


@pytest.mark.parametrize(
    ("text", "word", "negated", "hypothetical"),
    [
        ("There was no attack on the village.", "attack", True, False),
        ("Analysts warned of the risk of an invasion.", "invasion", False, True),
        ("The attack on the village was condemned.", "attack", False, False),
    ],
)
def test_nominal_modality(parse, text: str, word: str, negated: bool, hypothetical: bool) -> None:
    mod = _modality(parse, text, word, nominal=True)
    assert (mod.negated, mod.hypothetical) == (negated, hypothetical)


@pytest.mark.parametrize("text", ["Police arrested the suspect on Monday."])
def test_fact_has_no_cue(parse, text: str) -> None:
    mod = _modality(parse, text, "arrested")
    assert mod == FACT and mod.is_fact and mod.cue is None


@pytest.mark.parametrize(("text", "word", "cue"), [("Iran could attack Israel.", "attack", "could")])
def test_cue_names_the_deciding_word(parse, text: str, word: str, cue: str) -> None:
    assert _modality(parse, text, word).cue == cue


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        # an infinitive of purpose tells an aim, not an act
        ("Russia paid bounties to the Taliban to kill American soldiers.", "kill"),
        ("The government sent troops to arrest the rebel leaders.", "arrest"),
    ],
)
def test_purpose_infinitive_is_hypothetical(parse, text: str, verb: str) -> None:
    doc = parse(text)
    tok = next(t for t in doc if t.text == verb)
    assert clause_modality(tok).hypothetical


def test_a_polite_first_person_request_is_made(parse) -> None:
    # "I would urge": the request is made by saying it; "they would urge" stays a hypothesis
    doc = parse("I would urge anyone with information to contact the police.")
    assert clause_modality(next(t for t in doc if t.text == "urge")).is_fact
    doc = parse("They would urge the government to act if the law passed.")
    assert clause_modality(next(t for t in doc if t.text == "urge")).hypothetical


def test_a_polite_wish_to_thank_is_the_thanks(parse) -> None:
    doc = parse("We would like to thank the Kenyan government for its help.")
    assert clause_modality(next(t for t in doc if t.text == "thank")).is_fact
    doc = parse("They would like to invade the island.")
    assert clause_modality(next(t for t in doc if t.text == "invade")).hypothetical


def test_yet_to_is_not_done(parse) -> None:
    from newsgraph.extract.events.coder import extract_events

    events = extract_events(parse("Kenya is yet to sign the agreement with Uganda."), "d1")
    assert events and all(e.negated for e in events)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Kenya ruled out sending troops to Somalia.", "sending"),  # ruled out: not done
        ("The city was likely to ask the appeals court for a review.", "ask"),  # a forecast, not an act
    ],
)
def test_ruled_out_and_likely_acts_are_no_facts(parse, text: str, trigger: str) -> None:
    from newsgraph.extract.events.coder import extract_events

    found = [e for e in extract_events(parse(text), "d") if trigger in (e.trigger or "")]
    assert all(e.negated or e.hypothetical for e in found)


@pytest.mark.parametrize(
    "text",
    [
        "Ottawa had no plans to close any Chinese consulate at this time.",  # no plans: nothing intended
        "The bloc stopped short of closing its members' borders with Guinea.",  # fell short: not done
    ],
)
def test_no_plans_and_stopping_short_negate(parse, text: str) -> None:
    from newsgraph.extract.events.coder import extract_events

    assert all(e.negated for e in extract_events(parse(text), "d") if e.trigger.startswith("clos"))


def test_not_until_is_later_in_the_past_and_a_refusal_to_come(parse) -> None:
    from newsgraph.extract.events.coder import extract_events

    text = "The union said it would not lift the blockades until the decree was repealed."
    assert not any(e.type == "CONCEDE" and not (e.negated or e.hypothetical) for e in extract_events(parse(text), "d"))
    text = "Senator Bernie Sanders did not endorse Joe Biden until April."
    assert any(e.type == "SUPPORT" and not e.negated for e in extract_events(parse(text), "d"))


def test_a_to_complement_parted_from_its_verb_of_intent_is_still_its_complement(parse) -> None:
    mod = _modality(parse, "Turkey offered on Monday to mediate between the two neighbours.", "mediate")
    assert mod.hypothetical and mod.cue == "offer"
    mod = _modality(parse, "Turkey sent troops on Monday to arrest the leaders.", "arrest")
    assert mod.hypothetical and mod.cue == "to"  # a purpose, the verb no verb of intent


def test_a_trailing_denial_of_a_claim_s_content_leaves_the_claim_made(parse) -> None:
    text = "Bolton claims Trump asked Xi for help in the election, which Trump denied."
    assert not _modality(parse, text, "claims").hypothetical
    assert not _modality(parse, text, "denied").hypothetical


def test_a_dispersal_told_as_the_purpose_of_force_is_done_and_a_mission_to_disperse_is_not(parse) -> None:
    mod = _modality(parse, "Police fired tear gas and water cannon to break up crowds near parliament.", "break")
    assert mod.is_fact
    assert not _modality(parse, "Police were sent to disperse the crowd outside parliament.", "disperse").is_fact


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("A march on the capital planned by the union for Wednesday was called off.", "march"),
        ("A larger protest planned for Friday in Lagos was cancelled after organisers lost a permit.", "protest"),
        ("Ottawa postponed a visit to Beijing by its trade minister.", "visit"),
    ],
)
def test_a_planned_act_called_off_did_not_take_place(parse, text: str, word: str) -> None:
    assert _modality(parse, text, word, nominal=True).negated


@pytest.mark.parametrize(
    ("text", "word", "fact"),
    [
        ("A planned visit to Nairobi by the envoy drew criticism.", "visit", False),
        ("The possible strike worried the ministry.", "strike", False),
        ("The government began a planned two-day shutdown on Thursday.", "shutdown", True),  # the verb says it
    ],
)
def test_a_planned_or_possible_act_is_not_done(parse, text: str, word: str, fact: bool) -> None:
    assert _modality(parse, text, word, nominal=True).is_fact is fact


def test_too_early_to_blame_blames_no_one(parse) -> None:
    mod = _modality(parse, "Finland's president said it was too early to blame any state.", "blame")
    assert mod.negated and mod.cue == "too"
    assert _modality(parse, "The president said it was early enough to blame the state.", "blame").is_fact


@pytest.mark.parametrize(
    ("text", "word", "fact"),
    [
        ("Bombing a school is not counter-terrorism, the minister said.", "Bombing", False),
        ("Blocking a motorway and attacking gendarmes is not protest.", "attacking", False),
        ("Groups that bomb soldiers while talking peace are not serious partners.", "bomb", False),
        ("The state would not open talks with people who kidnap children.", "kidnap", False),
        # a past act of a relative clause, or of a definite doer, happened
        ("Gunmen who attacked the village killed ten people.", "attacked", True),
        ("The soldiers who guard the camp beat two refugees on Monday.", "beat", True),
    ],
)
def test_an_act_told_of_no_occasion_is_not_done(parse, text: str, word: str, fact: bool) -> None:
    assert _modality(parse, text, word).is_fact is fact


@pytest.mark.parametrize(
    ("text", "word", "fact"),
    [
        # help people were sent to give is given; a march people tried is a march
        ("The United States sent two FBI agents to assist Chilean investigators.", "assist", True),
        ("Police fired tear gas at demonstrators who tried to march on parliament.", "march", True),
        # a purpose of another kind, and an attempt at another act, stay aims
        ("The army sent troops to arrest the leaders.", "arrest", False),
        ("The rebels tried to seize the airport.", "seize", False),
    ],
)
def test_help_sent_and_marches_tried_are_done(parse, text: str, word: str, fact: bool) -> None:
    assert _modality(parse, text, word).is_fact is fact


@pytest.mark.parametrize(
    ("text", "word", "hypothetical"),
    [
        # the content of rumours and claims is only told as hearsay
        ("Rumours that the army commander had resigned were denied by the ministry.", "resigned", True),
        ("There were claims that the commander had resigned.", "resigned", True),
        # a relative clause of a denial whose object is the noun: the denial is told as done
        ("Rights groups accused the police of killings, allegations that police have denied.", "denied", False),
    ],
)
def test_hearsay_content_is_not_told_as_done(parse, text: str, word: str, hypothetical: bool) -> None:
    assert _modality(parse, text, word).hypothetical is hypothetical


@pytest.mark.parametrize(
    "text",
    [
        "The minister stopped short of saying the army had attacked the village.",
        "The minister did not say the army had attacked the village.",
    ],
)
def test_what_a_speaker_did_not_say_is_not_told(parse, text: str) -> None:
    assert _modality(parse, text, "attacked").hypothetical


def test_a_commitment_not_said_is_no_threat(parse) -> None:
    from newsgraph.extract.events.coder import extract_events

    text = "China signed a deal with Solomon Islands. The premier stopped short of saying he would cancel the deal."
    assert not [e for e in extract_events(parse(text), "d") if e.type == "THREATEN" and not e.hypothetical]


@pytest.mark.parametrize(
    ("text", "word", "tally"),
    [
        # a count of acts over years told in the perfect is a tally, not one event
        ("At least 17 Japanese citizens have been detained in China since 2015.", "detained", True),
        ("Iran has seized several foreign tankers in the strait in recent years.", "seized", True),
        # days of one crackdown, or one act, stay events
        ("The ministry said 112 people had been arrested since Saturday.", "arrested", False),
        ("Iran has seized a British tanker in the strait.", "seized", False),
    ],
)
def test_a_tally_over_years_is_no_event(parse, text: str, word: str, tally: bool) -> None:
    assert _modality(parse, text, word).hypothetical is tally
