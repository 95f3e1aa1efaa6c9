"""Country stances: absence, neutrality, positions, quoted justifications, issue label, the seed page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.core.model import Person
from newsgraph.extract.events.coder import extract_events
from newsgraph.extract.mentions.collect import extract_mentions
from newsgraph.extract.stances import extract_stances, issue_label

NO = "no official statement"


def _rows(parse, text: str, **kw) -> list[tuple[str, str]]:
    return [(s.country, s.position) for s in extract_stances(parse(text), "d1", **kw)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a word that points back at the issue ("the regulation" for the decree)
        (
            "Thousands of students across Kenya protested on Monday against a new decree restricting campus "
            "gatherings. Kenya's president defended the regulation on Tuesday.",
            [("KEN", "supports")],
        ),
        # a release is an issue a state can welcome
        (
            "A Cambodian court ordered the release of union leader Sok Dara on Monday. Germany welcomed the release.",
            [("DEU", "supports")],
        ),
        # explicit absence is a stance row
        ("Kenya has not made an official statement on the conflict.", [("KEN", NO)]),
        ("Kenya did not make an official statement regarding the war.", [("KEN", NO)]),
        # coordinated countries: one row each
        (
            "The governments of Peru and Chile have not come out with any official statements on the war.",
            [("PER", NO), ("CHL", NO)],
        ),
        # relative clause
        (
            "In Bolivia, which has also not made an official statement, analysts expect a long debate about the war.",
            [("BOL", NO)],
        ),
        # "no statements from X"
        ("There have been no official statements from Ecuador on the crisis.", [("ECU", NO)]),
        ("Norway declined to comment on the invasion.", [("NOR", NO)]),
        ("The Serbian foreign minister, Ivan Petrovic, stayed silent about the crisis.", [("SRB", NO)]),
        # neutrality is a position the text names
        ("Switzerland favours neutrality on the conflict.", [("CHE", "neutral")]),
        # so is taking no position, and an offer to mediate
        ("Norway takes no position on the border agreement, a spokesman said.", [("NOR", "neutral")]),
        ("Austria declined to take a position on the tariff.", [("AUT", "neutral")]),
        ("Chad and Sudan traded accusations over the border closure. Qatar offered to mediate.", [("QAT", "neutral")]),
        # positions on an issue noun
        ("France condemned the invasion.", [("FRA", "opposes")]),
        # standing behind the issue backs it; the vote that carried it points back at it
        ("Portugal stands fully behind the embargo.", [("PRT", "supports")]),
        ("The Senate passed the oil bill on Monday. Norway welcomed the vote.", [("NOR", "supports")]),
        ("Hungary backed the agreement.", [("HUN", "supports")]),
    ],
)
def test_rows(parse, text: str, expected: list[tuple[str, str]]) -> None:
    assert _rows(parse, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a pronoun or a group that is no state takes no stance for a country
        "Political analysts say that they favour neutrality.",
        "Political analysts have not made any statement on the war.",
        # a negated or hypothetical position is none
        "France did not condemn the invasion.",
        "France could condemn the invasion.",
        # a statement that was made is no absence
        "Kenya made an official statement on the conflict.",
        # support for something that is no issue
        "Hungary backed the football team.",
        # voices, not a country's stance: a state governor, a legislator, someone out of office
        "Ohio Governor Jane Example condemned the invasion.",
        "Senator John Example of Chile condemned the invasion.",
        "Former Chilean president John Example condemned the invasion.",
        # "support from" is help asked for, not a position
        "The war went on. The city's fire service requested support from the Chilean army.",
    ],
)
def test_no_row(parse, text: str) -> None:
    assert _rows(parse, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'Ivan Petrovic, a Serbian official, said, "The operation is aimed at protecting civilians, and there is '
            'no other way."',
            [("SRB", "supports")],
        ),
        ('Ivan Petrovic, a Serbian official, said: "The operation is illegal.', [("SRB", "opposes")]),
        # a quote without an issue noun gives nothing
        ('Ivan Petrovic, a Serbian official, said, "The weather is unacceptable."', []),
        # what the issue is aimed at decides: a harmful purpose condemns it, never "supports"
        (
            'The United States imposed sanctions on Iran. "These sanctions are aimed at starving our people," '
            "the Iranian foreign minister said.",
            [("USA", "supports"), ("IRN", "opposes")],  # the government that imposed them supports them
        ),
    ],
)
def test_quoted_statements(parse, text: str, expected: list[tuple[str, str]]) -> None:
    assert _rows(parse, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'Petrovic said, "The operation is aimed at protecting civilians, and there is no other way."',
            [("SRB", "supports")],
        )
    ],
)
def test_speaker_country_from_resolver(parse, text: str, expected: list[tuple[str, str]]) -> None:
    class Resolver:
        def resolve(self, name: str) -> Person | None:
            return Person(name="Ivan Petrovic", role="Foreign Minister", country="SRB") if "Petrovic" in name else None

    assert _rows(parse, text, resolver=Resolver()) == expected


def test_a_person_without_an_office_is_a_voice(parse) -> None:
    """The resolver knows the speaker's country but no office: his words are no country's stance."""

    class Resolver:
        def resolve(self, name: str) -> Person | None:
            return Person(name="Ivan Petrovic", country="SRB") if "Petrovic" in name else None

    text = 'Petrovic said, "The operation is aimed at protecting civilians, and there is no other way."'
    assert _rows(parse, text, resolver=Resolver()) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Benin's president Patrice Talon signed the free trade agreement on Sunday.", [("BEN", "supports")]),
        # the story's action: its doer supports the issue, states that condemn or back the doer take sides
        (
            "Russian troops invaded Ukraine on Monday. Poland condemned the attack. Hungary backed Russia.",
            [("POL", "opposes"), ("RUS", "supports"), ("HUN", "supports")],
        ),
        # the doer of the issue itself supports it; who rejects it opposes it
        (
            "The United States imposed sanctions on Iran. Iran rejected the sanctions.",
            [("USA", "supports"), ("IRN", "opposes")],
        ),
        # every signatory backs what it signed, the first named too
        (
            "Cyprus, Greece and Israel signed the pipeline agreement in Athens.",
            [("CYP", "supports"), ("GRC", "supports"), ("ISR", "supports")],
        ),
    ],
)
def test_rows_from_events(parse, text: str, expected: list[tuple[str, str]]) -> None:
    doc = parse(text)
    events = extract_events(doc, "d1")
    assert [(s.country, s.position) for s in extract_stances(doc, "d1", events=events)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a characterization of the issue; "they" gives every member its row
        (
            "Egypt, Greece and Cyprus met in Athens. They concluded that the Turkish deal is null and void.",
            [("EGY", "opposes"), ("GRC", "opposes"), ("CYP", "opposes")],
        ),
        ("The Israeli prime minister found the air strike justified.", [("ISR", "supports")]),
        ("The Peruvian government called the agreement illegal.", [("PER", "opposes")]),
        # an evaluation of something that is no issue gives nothing
        ("The Peruvian government called the weather ridiculous.", []),
    ],
)
def test_characterizations(parse, text: str, expected: list[tuple[str, str]]) -> None:
    doc = parse(text)
    events = extract_events(doc, "d1")
    assert [(s.country, s.position) for s in extract_stances(doc, "d1", events=events)] == expected


@pytest.mark.parametrize(
    "text",
    [
        # an act in the lead's third sentence, or on the doer's own country, is not the story's action
        "Nothing happened in May. Talks went on in June. The war went on. Russian troops invaded Ukraine.",
        "The Kenyan government asked its citizens to leave the war zone.",
        # the story's action without an issue noun: no row
        "Iran shot down a Ukrainian jet.",
    ],
)
def test_no_issue_rows(parse, text: str) -> None:
    doc = parse(text)
    assert extract_stances(doc, "d1", events=extract_events(doc, "d1")) == []


@pytest.mark.parametrize(
    ("text", "label"),
    [
        (
            "The India-Pakistan conflict grew. Delhi spoke about the India-Pakistan conflict and the crisis.",
            "conflict (India, Pakistan)",  # one form however the countries are written
        ),
        ("The war went on. Nobody spoke about the war.", "war"),
        ("Nothing happened today.", "unspecified issue"),
    ],
)
def test_issue_label(parse, text: str, label: str) -> None:
    assert issue_label(parse(text)) == label


@pytest.mark.parametrize(
    ("text", "published"), [("Kenya has not made an official statement on the war.", "2024-03-01")]
)
def test_row_fields(parse, text: str, published: str) -> None:
    (row,) = extract_stances(parse(text), "d1", published=published)
    assert (row.issue, row.date, row.evidence.doc, row.evidence.sentence) == ("war (Kenya)", published, "d1", text)
    assert text[row.evidence.start : row.evidence.end].startswith("Kenya")


@pytest.mark.parametrize("text", ["", "\u00a0", "\u201cUnclosed quote about the war said", "No statement."])
def test_odd_input(parse, text: str) -> None:
    assert isinstance(extract_stances(parse(text), "d1"), list)


@pytest.mark.corpus
def test_seed_stances(parse, seed_path: Path, seed_gold_path: Path) -> None:
    from tests.extract.events.test_coder import seed_bodies

    gold = json.loads(seed_gold_path.read_text(encoding="utf-8"))
    rows: set[tuple[str, str]] = set()
    for doc_id, body, published in seed_bodies(seed_path.read_text(encoding="utf-8")):
        doc = parse(body)
        mentions = extract_mentions(doc, doc_id, published, None)  # as the pipeline: speakers' offices
        events = extract_events(doc, doc_id, published=published, resolver=mentions)
        found = extract_stances(doc, doc_id, published=published, resolver=mentions, events=events)
        rows |= {(s.country, s.position) for s in found}
    want = {(r["country"], r["position"]) for r in gold["stances"]["rows"]}
    assert rows == want  # 6/6 rows, nothing extra


def test_the_issue_is_named_by_its_most_specific_phrase(parse) -> None:
    text = (
        "Turkey and Libya signed a maritime border agreement on November 27. The agreement was criticised. "
        "Greece said the agreement was illegal. Egypt rejected the agreement."
    )
    assert issue_label(parse(text)) == "maritime border agreement (Libya, Turkey)"  # not "agreement", no date


@pytest.mark.parametrize(
    "text",
    [
        '"These sanctions are aimed at starving our people," the minister said.',
        'The Iranian foreign minister spoke on Monday. "These sanctions are aimed at starving our people," the '
        "minister said.",
    ],
)
def test_a_harmful_aim_is_never_support(parse, text: str) -> None:
    """Issue 11: "aimed at" a harm condemns the issue; a bare title without a country gives no row at all."""
    assert all(position != "supports" for _country, position in _rows(parse, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The invasion began in May. The Chilean government expressed its support for the invasion.",
            [("CHL", "supports")],
        ),
        ("The invasion began in May, despite criticism by the Peruvian foreign minister.", [("PER", "opposes")]),
        # support for something else is no position on the issue
        ("The invasion began in May. The Chilean government expressed its support for the refugees.", []),
    ],
)
def test_positions_named_by_nouns(parse, text: str, expected: list[tuple[str, str]]) -> None:
    assert _rows(parse, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the codebook's words of regret, approval and objection (PLOVER ACCUSE / SUPPORT)
        ("Moscow regretted the agreement.", [("RUS", "opposes")]),
        ("The government of Peru objected to the agreement.", [("PER", "opposes")]),
        ("The Dutch government commended the agreement.", [("NLD", "supports")]),
        # defending and upholding support the issue; lambasting and brushing off oppose it
        (
            "Manila imposed new restrictions on palm oil imports. The Philippine trade department defended the "
            "restrictions.",
            [("PHL", "supports")],
        ),
        (
            "Mali announced the expulsion of the UN mission. In Paris, the French foreign ministry lambasted the move.",
            [("FRA", "opposes")],
        ),
        # words that point back at what a side said ("that account", "the case")
        (
            "Armenia said Azerbaijan broke the ceasefire. Azerbaijan's defence ministry rejected that account.",
            [("AZE", "opposes")],
        ),
    ],
)
def test_more_position_words(parse, text: str, expected: list[tuple[str, str]]) -> None:
    assert _rows(parse, text) == expected


def test_a_quotation_about_the_measure_is_a_position_on_the_issue(parse) -> None:
    text = (
        "Argentina imposed a 30 percent tariff on Chilean wine on Thursday. Chile's trade minister, Ana Rojas, "
        'criticised it. "This measure is unjustified and harms families on both sides of the Andes," she said.'
    )
    doc = parse(text)
    mentions = extract_mentions(doc, "d1", None, None)
    rows = {
        (s.country, s.position) for s in extract_stances(doc, "d1", resolver=mentions, events=extract_events(doc, "d1"))
    }
    assert ("CHL", "opposes") in rows


def test_another_country_s_measure_is_not_the_issue(parse) -> None:
    text = (
        "Argentina imposed a 30 percent tariff on Chilean wine on Thursday. Chile raised duties on Argentine "
        "salmon in response. Argentina's economy minister, Sergio Paz, rejected the Chilean measure."
    )
    doc = parse(text)
    rows = [(s.country, s.position) for s in extract_stances(doc, "d1", events=extract_events(doc, "d1"))]
    assert ("ARG", "opposes") not in rows


def test_a_noun_of_the_issue_s_kind_names_it(parse) -> None:
    text = (
        "Ten soldiers were killed in an attack on an army post in northern Mali on Sunday. "
        'Niger\'s President Issa Dori denounced the "barbaric" assault.'
    )
    doc = parse(text)
    mentions = extract_mentions(doc, "d1", None, None)
    events = extract_events(doc, "d1", resolver=mentions)
    rows = [(s.country, s.position) for s in extract_stances(doc, "d1", resolver=mentions, events=events)]
    assert ("NER", "opposes") in rows


def test_condolences_after_an_attack_are_no_support_for_it(parse) -> None:
    text = (
        "Gunmen attacked an army post in northern Mali on Sunday, killing ten soldiers. "
        "France condemned the attack and offered its condolences."
    )
    doc = parse(text)
    rows = [(s.country, s.position) for s in extract_stances(doc, "d1", events=extract_events(doc, "d1"))]
    assert ("FRA", "opposes") in rows and ("FRA", "supports") not in rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a vote in a council: a veto opposes, sponsors support, an abstention is neutral
        ("Russia vetoed the draft resolution on Friday.", [("RUS", "opposes")]),
        ("Norway sponsored the resolution.", [("NOR", "supports")]),
        ("India abstained in the vote on the resolution.", [("IND", "neutral")]),
        # "made no official comment" is silence, as "made no official statement" is
        ("Hungary has made no official comment on the agreement.", [("HUN", NO)]),
    ],
)
def test_votes_and_silence(parse, text: str, expected: list[tuple[str, str]]) -> None:
    assert _rows(parse, text) == expected


def test_a_country_that_takes_a_position_is_not_silent(parse) -> None:
    text = "India abstained in the vote on the resolution. India did not comment on the resolution later."
    assert _rows(parse, text) == [("IND", "neutral")]


def test_the_gesture_and_the_draft_point_back_at_the_issue(parse) -> None:
    text = (
        "Italy signed the agreement with Ethiopia on Monday. Somalia welcomed the gesture. Eritrea dismissed the draft."
    )
    rows = _rows(parse, text)
    assert ("SOM", "supports") in rows and ("ERI", "opposes") in rows


def test_a_generic_issue_noun_is_a_position_on_the_story_s_issue(parse) -> None:
    # the label is the "offensive" the story names most; "the ceasefire" names no other thing
    text = (
        "Khalifa Haftar's offensive on the capital stalled in June. Haftar's offensive had lasted a year. "
        "Rival militias agreed to a truce on Saturday. "
        "Turkey welcomed the ceasefire and urged all parties to respect it."
    )
    # a government that takes a side is not neutral too
    assert _rows(parse, text) == [("TUR", "supports")]


def test_an_issue_named_by_an_act_of_expulsion_or_deportation(parse) -> None:
    text = (
        "Thailand deported 300 Cambodian workers on Tuesday. The deportation followed raids on building sites. "
        "Cambodia condemned the deportation."
    )
    assert issue_label(parse(text)).startswith("deportation")
    assert _rows(parse, text) == [("KHM", "opposes")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Soldiers seized power in the capital. Ghana called the takeover unacceptable.", ("GHA", "opposes")),
        ("Soldiers seized power in the capital. Britain deplored the seizure of power.", ("GBR", "opposes")),
    ],
)
def test_a_seizure_of_power_is_named_as_an_issue(parse, text: str, expected: tuple[str, str]) -> None:
    assert expected in _rows(parse, text)


def test_silence_told_in_words_outweighs_what_an_event_is_read_to_mean(parse) -> None:
    text = (
        "A court in Minsk sentenced four activists to prison over the protests. Lithuania condemned the "
        "sentences. The sentences come as Belarus struggles under Polish sanctions. Poland has not commented "
        "on the sentences."
    )
    doc = parse(text)
    rows = [(s.country, s.position) for s in extract_stances(doc, "d1", events=extract_events(doc, "d1"))]
    assert ("POL", NO) in rows
    assert ("POL", "supports") not in rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A European court issued a ruling on Monday ordering Velmar to free a jailed reporter. "
            "The ruling was final. France welcomed the judgment.",
            ("FRA", "supports"),
        ),
        (
            "Velmar handed rebel leader Jean Kaba to the international court on Monday, ending a long extradition "
            "dispute. The extradition was approved by judges. Chad welcomed the transfer.",
            ("TCD", "supports"),
        ),
    ],
)
def test_a_judgment_and_a_transfer_point_back_at_the_issue(parse, text: str, expected: tuple[str, str]) -> None:
    assert expected in _rows(parse, text)
