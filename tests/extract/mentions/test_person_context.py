"""A person's country from the context: cues that cannot be the person's, a spokesperson's body, a
possessive before the name, a second role after it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.extract.mentions.index import MentionIndex
from newsgraph.extract.mentions.person_context import quote_ids
from newsgraph.extract.mentions.persons import find_person_spans, find_roles, group_attributes, group_mentions


def _country(ix: MentionIndex, name: str) -> str | None:
    groups = group_mentions(find_roles(ix, find_person_spans(ix), []))
    found = {g.name: group_attributes(g)[1] for g in groups}
    assert name in found, found
    return found[name]


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # a possessive right before the name
        ("Britain's envoy spoke first, and France's Marie Dubois condemned the vote.", "Marie Dubois", "FRA"),
        # a second role after the name gives the country the first one does not
        (
            "Senior Colonel Li Wei, a spokesman for the Chinese army, said Indian troops had crossed the line.",
            "Li Wei",
            "CHN",
        ),
        # a country named inside the speaker's quotation is the other side
        (
            'Peru protested on Monday. "We ask Chile to return the workers," spokesman Juan Perez said.',
            "Juan Perez",
            "PER",
        ),
        # a country the person's clause acts on is not the person's
        (
            "LIMA, May 4 — Peru's government welcomed the loan on Monday.\n\n"
            "Prime Minister Ana Lima thanked her Spanish counterpart for it.",
            "Ana Lima",
            "PER",
        ),
        (
            "BAGHDAD, May 4 — Iraq took over the base on Monday.\n\n"
            "A spokesman for the Joint Command, Major General Ali Hassan, praised the Spanish troops for their work.",
            "Ali Hassan",
            "IRQ",
        ),
        # two presidents in one story are of two countries
        (
            "JAKARTA, May 4 — Indonesia and Vietnam signed a fisheries pact on Monday.\n\n"
            "Vietnamese President Tran Van Minh held talks with President Budi Santoso at the palace.",
            "Budi Santoso",
            "IDN",
        ),
        # a spokesman speaks for the state body named just before, not for the last country named
        (
            "Moldova's interior ministry denied the report, blaming Russian border guards for the incident. "
            '"Our officers acted lawfully," spokesman Ion Rusu said.',
            "Ion Rusu",
            "MDA",
        ),
        # a relative clause that says what the person heads
        (
            "Togo protested. Ama Mensah, who currently heads the Ghanaian electoral commission, said the vote in "
            "Togo was fair.",
            "Ama Mensah",
            "GHA",
        ),
        # the speaker's own quoted words name his country when nothing else does
        (
            '"Finland wants good relations with its neighbour," Foreign Minister Pekka Virtanen said.',
            "Pekka Virtanen",
            "FIN",
        ),
    ],
)
def test_context_country(index: Callable[[str], MentionIndex], text: str, name: str, country: str | None) -> None:
    assert _country(index(text), name) == country


def test_a_place_where_the_clause_happens_is_still_a_cue(index: Callable[[str], MentionIndex]) -> None:
    assert _country(index("Jane Roe was born in Lima in 1950."), "Jane Roe") == "PER"


def test_quote_ids(index: Callable[[str], MentionIndex]) -> None:
    ix = index('He said "we will go" and then “they stayed”.\n\n"A new paragraph ends every quotation')
    inside = [ix.toks[i].text for i, q in enumerate(quote_ids(ix)) if q >= 0]
    assert inside == ["we", "will", "go", "they", "stayed", "A", "new", "paragraph", "ends", "every", "quotation"]


def test_an_official_speaking_from_a_capital_is_of_its_country_not_of_the_persons_of_the_story(
    index: Callable[[str], MentionIndex],
) -> None:
    """The story's persons are American (their shared country would go to a title without one), but "In Moscow,"
    before a state official's title names the seat of government he speaks from."""
    from newsgraph.extract.mentions.persons import people_country

    text = (
        "US Secretary of State Ann Example, US Senator Bob Example and US Representative Cy Example met. "
        "In Moscow, Deputy Foreign Minister Sergei Example said the bill was piracy."
    )
    groups = group_mentions(find_roles(index(text), find_person_spans(index(text)), []))
    shared = people_country(groups)
    assert shared == "USA"
    found = {g.name: group_attributes(g, None, shared)[1] for g in groups}
    assert found["Sergei Example"] == "RUS"


@pytest.mark.parametrize(
    ("text", "name", "country", "organization"),
    [
        # "the agency's coordinator": the body named before; an international body's official has no country
        (
            "LIMA, May 4 - Peru closed the border on Monday.\n\n"
            "The International Organization for Migration said its teams had handed out food near the border.\n\n"
            '"These families have nowhere to go," said Maria Lopez, the agency\'s coordinator in southern Peru.',
            "Maria Lopez",
            None,
            "International Organization for Migration",
        ),
        # "the paramilitary group's negotiator": a modifier between "the" and the body's noun
        (
            "JEDDAH, Saudi Arabia, May 4 - The Rapid Support Forces walked out of talks with the Sudanese army in "
            "Jeddah. Saudi officials urged calm in Jeddah.\n\n"
            "The paramilitary group's chief negotiator, Musa Idris, said the talks were a cover.",
            "Musa Idris",
            "SDN",
            "Rapid Support Forces",
        ),
        # "a researcher at the group"
        (
            "Amnesty International condemned the sentences in Iran. The group said the defendants had no lawyers.\n\n"
            '"These are sham trials," said Leila Saberi, a researcher at the group.',
            "Leila Saberi",
            None,
            "Amnesty International",
        ),
        # "the commission's president, X": the possessive just before the title
        (
            "GAMBIA, May 4 - Gambia's army seized power. The Economic Community of West African States suspended "
            "Gambia, according to a communique read by the commission's president, Omar Touray.",
            "Omar Touray",
            None,
            "Economic Community of West African States",
        ),
        # a bare spokeswoman speaks for the international body that spoke just before
        (
            "Chad closed the border with Sudan on Monday.\n\n"
            "The U.N. refugee agency, UNHCR, said thousands were stranded and urged Chad to reopen the crossing. "
            '"They are running for their lives," spokeswoman Clara Veld said.',
            "Clara Veld",
            None,
            "UNHCR",
        ),
        # "its leader": the body that is the subject, not the one named last
        (
            "The Unity Party, which won 44 percent of the vote, was dissolved by the Supreme Court of Cambodia in "
            "2017, after its leader, Kem Sar, was arrested.",
            "Kem Sar",
            "KHM",
            "Unity Party",
        ),
        # a bare spokesman of a state body that spoke just before: the body is his organization, its country his
        (
            'ATHENS - Greece\'s foreign ministry said the deal was void.\n\n"It is illegal," spokesman Pavlos '
            "Marinakis said.",
            "Pavlos Marinakis",
            "GRC",
            "Greece's foreign ministry",
        ),
        # "party spokeswoman X": the party named just before
        (
            "LOME, Togo (AP) — Togo held a parliamentary vote on Sunday. The opposition Movement for Citizen Renewal "
            'boycotted the vote, calling it a sham.\n\n"Nobody voted," party spokeswoman Akossiwa Mensah said.',
            "Akossiwa Mensah",
            "TGO",
            "Movement for Citizen Renewal",
        ),
        # "its" after a country that acted: the country's official
        (
            "Hungary abstained at the meeting of the European Union on Monday. Its foreign minister, Gabor Kiss, "
            "said the bloc should not rush.",
            "Gabor Kiss",
            "HUN",
            "Foreign Ministry",  # the ministry his title names, not the European Union named before
        ),
    ],
)
def test_role_pointing_back_at_a_body(text: str, name: str, country: str | None, organization: str | None) -> None:
    from newsgraph.extract.mentions.collect import extract_mentions
    from newsgraph.ingest.nlp import load_nlp, parse_one

    load_nlp()
    persons = {p.name: p for p in extract_mentions(parse_one(text), "d").persons}
    assert name in persons, persons
    assert (persons[name].country, persons[name].organization) == (country, organization)


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # the host hands, tells or summons an envoy whose title names no country: the other side's envoy
        (
            "ASTANA, May 4 - Kazakhstan accused Russia of breaking the pipeline deal on Monday.\n\n"
            "Deputy Foreign Minister Erlan Sadykov handed Ambassador Oleg Volkov a note of protest, and "
            "Kazakhstan's ministry said the deal must hold.",
            "Oleg Volkov",
            "RUS",
        ),
        (
            "BUENOS AIRES, May 4 - Argentina protested to Britain over the drills, and Argentina's navy tracked "
            "them. Britain said they were routine.\n\n"
            "Foreign Minister Ignacio Vidal told the ambassador, Harriet Cole, that the drills were a provocation.",
            "Harriet Cole",
            "GBR",
        ),
    ],
)
def test_envoy_acted_on_by_the_host_is_the_other_side(text: str, name: str, country: str) -> None:
    from newsgraph.extract.mentions.collect import extract_mentions
    from newsgraph.ingest.nlp import load_nlp, parse_one

    load_nlp()
    persons = {p.name: p.country for p in extract_mentions(parse_one(text), "d").persons}
    assert persons.get(name) == country, persons


def test_an_envoy_who_speaks_keeps_the_context() -> None:
    from newsgraph.extract.mentions.collect import extract_mentions
    from newsgraph.ingest.nlp import load_nlp, parse_one

    load_nlp()
    text = (
        "OTTAWA, May 4 - Canada recalled its envoy from Russia.\n\nAmbassador Jean Roy said Canada would not back down."
    )
    persons = {p.name: p.country for p in extract_mentions(parse_one(text), "d").persons}
    assert persons.get("Jean Roy") == "CAN", persons


def test_the_government_s_official_is_the_state_s() -> None:
    from newsgraph.extract.mentions.collect import extract_mentions
    from newsgraph.ingest.nlp import load_nlp, parse_one

    load_nlp()
    text = (
        "MUSCAT, May 4 - Yemen's government and the Houthis swapped prisoners in Oman. The United Nations "
        "said the swap would build trust.\n\nThe government's chief negotiator, Ali Saleh, said the lists were final."
    )
    persons = {p.name: (p.country, p.organization) for p in extract_mentions(parse_one(text), "d").persons}
    assert persons.get("Ali Saleh", (None, None))[1] != "United Nations", persons


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # talks held abroad: the dateline and the venue are the host's; a bare definite body's official is of the
        # country the body was first named with, however many paragraphs before
        (
            "MUSCAT, Oman, May 4 - Yemen's government and the Houthis agreed to swap prisoners after talks in Muscat. "
            "Oman hosted the talks, Omani officials said. Oman's foreign minister thanked both sides.\n\n"
            "Oman said the next round would also be in Muscat.\n\n"
            "The government's chief negotiator, Ali Saleh, said the lists were final.",
            "Ali Saleh",
            "YEM",
        ),
        (
            "KUNMING, China, May 4 - Myanmar's military government and a rebel army accused each other of breaking "
            "a truce brokered by China after talks in the Chinese city of Kunming. China urged restraint, and "
            "Chinese officials said Beijing would host another round.\n\n"
            "The military's spokesman, Major General Min Aung, denied the bombing.",
            "Min Aung",
            "MMR",
        ),
        (
            "JEDDAH, Saudi Arabia, May 4 - The Sudanese army and a paramilitary group resumed talks in Jeddah. "
            "Saudi Arabia and Saudi officials urged calm in Jeddah.\n\n"
            "The head of the army delegation, Lieutenant General Osman Idris, said the army was ready to sign.",
            "Osman Idris",
            "SDN",
        ),
    ],
)
def test_a_bare_definite_body_s_official_is_of_its_first_named_country(text: str, name: str, country: str) -> None:
    from newsgraph.extract.mentions.collect import extract_mentions
    from newsgraph.ingest.nlp import load_nlp, parse_one

    load_nlp()
    persons = {p.name: p.country for p in extract_mentions(parse_one(text), "d").persons}
    assert persons.get(name) == country, persons


def test_a_body_named_with_its_country_in_the_name_s_sentence_is_not_looked_up() -> None:
    from newsgraph.extract.mentions.collect import extract_mentions
    from newsgraph.ingest.nlp import load_nlp, parse_one

    load_nlp()
    text = (
        "MUSCAT, May 4 - Yemen's government and the Houthis swapped prisoners in Oman.\n\n"
        "Oman's government's chief negotiator, Said al-Busaidi, said the lists were final."
    )
    persons = {p.name: p.country for p in extract_mentions(parse_one(text), "d").persons}
    assert persons.get("Said al-Busaidi") == "OMN", persons


@pytest.mark.parametrize(
    ("text", "name", "organization"),
    [
        # an indefinite apposition names the person's body, whatever role an earlier mention gave
        (
            "LISBON (Reuters) - Police arrested the mayor of Setubal, Rui Almeida, on Wednesday. Almeida, a member of "
            "the governing Social Democratic Party, denied the charges.",
            "Rui Almeida",
            "Social Democratic Party",
        ),
        (
            "Police arrested Sam Vannak, a senior figure in the banned Cambodia National Rescue Party, on Wednesday.",
            "Sam Vannak",
            "Cambodia National Rescue Party",
        ),
        ("Governor Seyi Makinde, a PDP member, appealed for calm.", "Seyi Makinde", "PDP"),
        # a clause after the name is no apposition
        (
            "Governor Seyi Makinde, who met a PDP delegation on Monday, appealed for calm.",
            "Seyi Makinde",
            None,
        ),
    ],
)
def test_an_apposition_names_the_person_s_organization(text: str, name: str, organization: str | None) -> None:
    from newsgraph.extract.mentions.collect import extract_mentions
    from newsgraph.ingest.nlp import load_nlp, parse_one

    load_nlp()
    persons = {p.name: p for p in extract_mentions(parse_one(text), "d").persons}
    assert name in persons, persons
    assert persons[name].organization == organization


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # no dateline and no country dominating: the one the story leads with and names most
        (
            "Finland expelled three Russian diplomats on Wednesday. Moscow called it a provocation and Russia vowed "
            "to respond. Finland's ministry said Finland would not back down, and Finnish officials agreed.\n\n"
            "Security service director Anna Virtanen said the service had watched the men for months.",
            "FIN",
        ),
        # two countries named as often: none
        (
            "Russia expelled three Finnish diplomats on Wednesday. Finland called it a provocation and Finland vowed "
            "to respond. Russia's ministry said Russia would not back down.\n\n"
            "Security service director Anna Virtanen said the service had watched the men for months.",
            None,
        ),
    ],
)
def test_a_person_with_no_cue_takes_the_country_the_story_leads_with(text: str, country: str | None) -> None:
    from newsgraph.extract.mentions.collect import extract_mentions
    from newsgraph.ingest.nlp import load_nlp, parse_one

    load_nlp()
    persons = {p.name: p.country for p in extract_mentions(parse_one(text), "d").persons}
    assert persons.get("Anna Virtanen") == country, persons


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # "Its deputy minister, X": held in the subject of the sentence before, of the country that subject names
        (
            "BISHKEK, May 4 - Kyrgyzstan's Energy Ministry blamed Uzbekistan for a blackout on Monday. Kyrgyz "
            "officials said the line was cut.\n\nUzbekistan's Energy Ministry denied it. Its deputy minister, "
            "Jasur Karimov, said the equipment had tripped.",
            "Jasur Karimov",
            "UZB",
        ),
        (
            "HONIARA, May 4 - Palau invited Taiwan to the forum, and China protested. Palau would not yield.\n\n"
            "Solomon Islands, which recognises Beijing, backed China. Its prime minister, Derek Tola, called for "
            "tighter rules.",
            "Derek Tola",
            "SLB",
        ),
        (
            "MANAMA, May 4 - Iran seized a tanker in the Gulf of Oman. Iran said the ship was smuggling fuel.\n\n"
            "The U.S. Navy's Bahrain-based Fifth Fleet said it had sent a destroyer. Its spokesman, Commander Tim "
            "Hale, called the boarding a violation.",
            "Tim Hale",
            "USA",
        ),
        # the subject a bare definite state body: the country the text named that body with before
        (
            "JEDDAH, Saudi Arabia, May 4 - The Sudanese army and a paramilitary group resumed talks in Jeddah. Saudi "
            "officials urged calm in Jeddah.\n\nThe army delegation said it would stay in Jeddah. Its head, General "
            "Osman Idris, said the army was ready to sign.",
            "Osman Idris",
            "SDN",
        ),
    ],
)
def test_a_role_opened_by_its_is_held_in_the_subject_before(text: str, name: str, country: str) -> None:
    from newsgraph.extract.mentions.collect import extract_mentions
    from newsgraph.ingest.nlp import load_nlp, parse_one

    load_nlp()
    persons = {p.name: p.country for p in extract_mentions(parse_one(text), "d").persons}
    assert persons.get(name) == country, persons


def test_an_official_opening_the_sentence_speaks_for_the_subject_before() -> None:
    from newsgraph.extract.mentions.collect import extract_mentions
    from newsgraph.ingest.nlp import load_nlp, parse_one

    load_nlp()
    # the sentence before has Hungary as its subject and Warsaw as its object: the minister is Hungary's
    text = (
        "BUDAPEST, May 4 - Brussels criticised Poland's ban on Ukrainian grain. The Commission urged Warsaw to lift "
        "it.\n\nHungary backed Warsaw. Foreign Minister Bence Toth said every government had a duty to protect its "
        "farmers."
    )
    persons = {p.name: p.country for p in extract_mentions(parse_one(text), "d").persons}
    assert persons.get("Bence Toth") == "HUN", persons
