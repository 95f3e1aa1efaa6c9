"""Persons: which names are persons, how mentions group, and each person's role and country."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.extract.mentions.index import MentionIndex
from newsgraph.extract.mentions.persons import (
    PersonMention,
    find_person_spans,
    find_roles,
    group_attributes,
    group_mentions,
)


def _names(ix: MentionIndex) -> list[str]:
    return [ix.text(s, e) for s, e in find_person_spans(ix)]


def _people(ix: MentionIndex) -> list[tuple[str, str | None, str | None]]:
    """(name, role, country) of every person, grouped, with no organization mentions."""
    groups = group_mentions(find_roles(ix, find_person_spans(ix), []))
    return [(g.name, *group_attributes(g)[:2]) for g in groups]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a title makes a name the model tagged otherwise a person's
        ("Vladimir Putin spoke with Kazakh President Tokayev in Astana.", ["Vladimir Putin", "Tokayev"]),
        ("Police Senior Superintendent Yolanda Yu Hoi-kwan spoke.", ["Yolanda Yu Hoi-kwan"]),
        ("Presidents Ana Lima of Brazil and Jorge Paz of Peru signed the pact.", ["Ana Lima", "Jorge Paz"]),
        ("He praised Abu Mahdi al-Muhandis and his aides.", ["Abu Mahdi al-Muhandis"]),
        ("Born Robert Burns in 1941, he wrote songs.", ["Robert Burns"]),
        # "[Tajik Energy]" tagged a person before a title and a name: the title's country and portfolio
        ("Tajik Energy Minister Davlatali Saidzoda rejected the request.", ["Davlatali Saidzoda"]),
    ],
)
def test_found(index: Callable[[str], MentionIndex], text: str, names: list[str]) -> None:
    assert _names(index(text)) == names


@pytest.mark.parametrize(
    ("text", "not_a_person"),
    [
        ("The Tenge, Kazakhstan's currency, fell.", "Tenge"),
        ("The so-called Storm 1516 campaign spread.", "Storm 1516"),
        ("Tropical Storm Ursula hit the coast.", "Ursula"),
        ("The Kremlin said Nato was expanding.", "Nato"),
        ("The crash happened around 8:30 p.m. BST on Monday.", "BST"),
        ("The shooting took place in the Tsuen Wan district.", "Tsuen Wan"),
        # a capital speaking for its government
        ("Chile imposed a tariff. Santiago says the tariff is temporary.", "Santiago"),
        ("Scholars disagree about it.", "Scholars"),
        ("A soldier stands guard. Image: Tom Walker.", "Tom Walker"),
        ("President Ruto met leaders (Akorda).", "Akorda"),
        ("We publish an official Android version.", "Android"),
        ("Chief Technical Officer Jane Roe joined.", "Technical"),
        # ships by their flag or their kind, companies by their trade
        ("Pirates boarded the Maltese-flagged Aurora Venture on Tuesday.", "Aurora Venture"),
        ("Commandos intercepted the dhow Al Noor east of Mogadishu.", "Al Noor"),
        ("The ship's operator, Athens-based Kallisto Shipping, said no ransom was paid.", "Kallisto Shipping"),
    ],
)
def test_rejected(index: Callable[[str], MentionIndex], text: str, not_a_person: str) -> None:
    assert not_a_person not in _names(index(text))


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (
            "Moldovan president Irina Vlasova called the president of Georgia, Levan Beridze.",
            [
                ("Irina Vlasova", "Moldovan president", "MDA"),
                ("Levan Beridze", "president of Georgia", "GEO"),
            ],
        ),
        (
            "In Mongolia, which has not commented, political analyst, Bat Erdene said talks stalled.",
            [("Bat Erdene", "political analyst", "MNG")],
        ),
        (
            "Peru voted no. Prime Minister Ana Lima reported to President Jorge Paz.",
            [("Ana Lima", "Prime Minister", "PER"), ("Jorge Paz", "President", "PER")],
        ),
        # a business role takes no country from the words near it, only the story's (here Peru, its one country)
        (
            "Bank chief executive Tom Hill spoke after Chile voted. Peru and Peru's courts agreed with Peru.",
            [("Tom Hill", "Bank chief executive", "PER")],
        ),
        ("Abdel Salam of Egypt arrived.", [("Abdel Salam", None, "EGY")]),
        ("Via his lawyers, Ivan Petrov, 23, pleaded not guilty.", [("Ivan Petrov", None, None)]),
        # no country near the name: the country the document is about (most of its country mentions)
        (
            "Georgia's police arrested a man in Tbilisi. Georgia's courts will decide. Neka Dorokashvili spoke.",
            [("Neka Dorokashvili", None, "GEO")],
        ),
        (
            "Peru and Chile voted on Monday. Chile and Peru talked on Tuesday.\n\nOn Friday, Jorge Paz spoke.",
            [("Jorge Paz", None, None)],  # two countries, neither the document's
        ),
    ],
)
def test_roles_and_countries(
    index: Callable[[str], MentionIndex], text: str, people: list[tuple[str, str | None, str | None]]
) -> None:
    assert _people(index(text)) == people


@pytest.mark.parametrize(
    ("text", "name", "aliases"),
    [
        ("Armenian activist Davit Sargsyan was held. Sargsyan denied it.", "Davit Sargsyan", ["Sargsyan"]),
        ("Sargsyan denied it. Davit Sargsyan was later freed.", "Davit Sargsyan", ["Sargsyan"]),
    ],
)
def test_surnames_join_full_names(
    index: Callable[[str], MentionIndex], text: str, name: str, aliases: list[str]
) -> None:
    ix = index(text)
    (group,) = group_mentions(find_roles(ix, find_person_spans(ix), []))
    assert group.name == name
    assert sorted({m.name for m in group.mentions} - {name}) == aliases


def test_shared_surname_goes_to_the_last_named() -> None:
    mentions = [
        PersonMention(0, 2, "Anna Berg"),
        PersonMention(10, 12, "Karl Berg"),
        PersonMention(20, 21, "Berg"),
    ]
    groups = group_mentions(mentions)
    assert [len(g.mentions) for g in groups] == [1, 2]


def test_a_first_name_alone_joins_the_one_full_name_it_starts() -> None:
    groups = group_mentions(
        [PersonMention(0, 2, "Anna Berg"), PersonMention(10, 12, "Karl Lund"), PersonMention(20, 21, "Anna")]
    )
    assert [[m.name for m in g.mentions] for g in groups] == [["Anna Berg", "Anna"], ["Karl Lund"]]
    two = group_mentions(
        [PersonMention(0, 2, "Anna Berg"), PersonMention(10, 12, "Anna Lund"), PersonMention(20, 21, "Anna")]
    )
    assert len(two) == 3  # two persons of that first name: the lone one stays apart


def test_a_surname_joins_the_full_name_whose_first_surname_it_is() -> None:
    groups = group_mentions([PersonMention(0, 3, "Ana Lima Prado"), PersonMention(10, 11, "Lima")])
    assert [[m.name for m in g.mentions] for g in groups] == [["Ana Lima Prado", "Lima"]]


def test_a_portfolio_before_a_name_is_no_part_of_it(index: Callable[[str], MentionIndex]) -> None:
    names = _names(index("The plan failed, said Minister of Economy Richard Kowalik on Monday."))
    assert names == ["Richard Kowalik"]


def test_a_caption_word_after_a_name_is_no_part_of_it(index: Callable[[str], MentionIndex]) -> None:
    assert _names(index("Senator Ana Lima Image courtesy of her office.")) == ["Ana Lima"]


@pytest.mark.parametrize("text", ["", "   ", "\u00a0\u00a0", '"Unbalanced quote about Jane Roe', "🙂 ✓ ∑"])
def test_odd_input(index: Callable[[str], MentionIndex], text: str) -> None:
    ix = index(text)
    assert isinstance(find_person_spans(ix), list)


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (
            "Chile's minister Ana Lima and her Peruvian and Bolivian counterparts, Jorge Paz and Luis Arce,"
            " respectively, met.",
            [("Ana Lima", "Chile's minister", "CHL"), ("Jorge Paz", None, "PER"), ("Luis Arce", None, "BOL")],
        ),
        ("Officials asked the United States to help Jane Roe.", [("Jane Roe", None, "USA")]),
        ("Home Secretary Tom Hill spoke.", [("Tom Hill", "Home Secretary", "GBR")]),
    ],
)
def test_countries_from_the_context(
    index: Callable[[str], MentionIndex], text: str, people: list[tuple[str, str | None, str | None]]
) -> None:
    assert _people(index(text)) == people


@pytest.mark.parametrize(
    ("text", "not_a_person"),
    [
        ("Customers switched to discount stores like Biedra and Lidl.", "Biedra"),
        ("Troops entered Tel Tamr and Hasakah yesterday.", "Tel Tamr"),
    ],
)
def test_things_and_places_are_no_persons(index: Callable[[str], MentionIndex], text: str, not_a_person: str) -> None:
    assert not_a_person not in _names(index(text))


_COMMITTEE_STORY = (
    "Ukraine's aid was frozen. Ukraine asked for it again, Ukraine's army waited and Ukraine's "
    "president called. Ukraine said so twice, and Ukraine waited.\n\n"
    "US Secretary of State Ann Holt, US Senator Bob Reyes and US Representative Carla Dunn wrote a letter.\n\n"
    "Reyes said Dunn and Tom Pell would read it."
)


def test_a_person_with_no_country_of_his_own_takes_the_one_the_others_share(
    index: Callable[[str], MentionIndex],
) -> None:
    """Three persons are American by their titles; the story names Ukraine most: a person the text gives
    no country takes the persons' one, not the story's."""
    from newsgraph.extract.mentions.persons import people_country
    from newsgraph.extract.mentions.roles import main_country

    ix = index(_COMMITTEE_STORY)
    groups = group_mentions(find_roles(ix, find_person_spans(ix), []))
    assert main_country(ix) == "UKR"
    shared = people_country(groups, "2020-01-01")
    assert shared == "USA"
    by_name = {g.name: group_attributes(g, "2020-01-01", shared)[1] for g in groups}
    assert by_name["Tom Pell"] == "USA"
    assert by_name["Ann Holt"] == "USA"
    alone = {g.name: group_attributes(g, "2020-01-01")[1] for g in groups}
    assert alone["Tom Pell"] == "UKR"  # without the persons' country: the story's


def test_no_shared_country_under_three_persons(index: Callable[[str], MentionIndex]) -> None:
    from newsgraph.extract.mentions.persons import people_country

    ix = index("US Senator Bob Reyes and Kenyan minister Ruth Wanjiru met Tom Pell.")
    assert people_country(group_mentions(find_roles(ix, find_person_spans(ix), []))) is None


def test_a_title_without_a_country_is_of_the_persons_country_not_of_a_place_near_it() -> None:
    from newsgraph.extract.mentions.collect import extract_mentions
    from newsgraph.ingest.nlp import load_nlp, parse_one

    load_nlp()
    text = (
        "US President Ann Doe spoke on Monday. US Senator Tom Hale agreed with her. "
        "US Representative Jim Bell did not. From Israel, Secretary of State John Roe spoke on Tuesday."
    )
    persons = {p.name: p for p in extract_mentions(parse_one(text), "d1").persons}
    assert persons["John Roe"].country == "USA"


def test_an_international_officials_country_is_none_while_in_office(index: Callable[[str], MentionIndex]) -> None:
    # no country from the context for a person the office-holder table has in an international body's office
    ix = index("Chile and Peru voted no. Secretary-General António Guterres took note of the vote.")
    groups = group_mentions(find_roles(ix, find_person_spans(ix), []))
    found = {g.name: group_attributes(g, "2021-06-01")[1] for g in groups}
    assert found == {"António Guterres": None}


def test_a_leader_the_recent_office_holders_list_is_of_that_country(index: Callable[[str], MentionIndex]) -> None:
    ix = index("Vietnam's leader held talks with President Joko Widodo in Hanoi.")
    groups = group_mentions(find_roles(ix, find_person_spans(ix), []))
    found = {g.name: group_attributes(g, "2021-06-01")[1] for g in groups}
    assert found == {"Joko Widodo": "IDN"}


def test_a_title_wins_over_a_common_noun_and_a_noun_is_no_title_for_the_country(
    index: Callable[[str], MentionIndex],
) -> None:
    text = (
        "Chile and Peru met in Lima. Chile spoke. Ana Lima, a grain trader, was there. "
        "Peru's Foreign Minister Ana Lima later said the talks went well."
    )
    assert _people(index(text)) == [("Ana Lima", "Peru's Foreign Minister", "PER")]


def test_a_function_after_the_name_wins_over_a_rank_before_it(index: Callable[[str], MentionIndex]) -> None:
    text = "Colonel Omar Example, a spokesman for the Tunisian National Guard, said 40 migrants were held."
    assert _people(index(text)) == [("Omar Example", "spokesman for the Tunisian National Guard", "TUN")]


def test_a_business_or_media_role_takes_the_story_s_country_not_a_nearby_one(
    index: Callable[[str], MentionIndex],
) -> None:
    text = (
        "Canada froze the assets on Monday. Canada's courts agreed, Canada said. "
        "In Peru, businessman Alan Example called the decision unfair."
    )
    assert _people(index(text)) == [("Alan Example", "businessman", "CAN")]


def test_a_portfolio_tagged_as_a_name_is_the_role_before_the_name(index: Callable[[str], MentionIndex]) -> None:
    ix = index("Tajik Energy Minister Davlatali Saidzoda rejected the request.")
    assert _people(ix) == [("Davlatali Saidzoda", "Tajik Energy Minister", "TJK")]
