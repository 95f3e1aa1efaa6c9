"""Roles: compound titles, appositions before and after a name, copulas, and the role's country."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.extract.mentions.index import MentionIndex
from newsgraph.extract.mentions.roles import (
    OrgRef,
    apposition_after,
    apposition_before,
    complete_role,
    compound_before,
    country_cues,
    country_near,
    dateline_country,
    main_country,
    predicate_after,
    rank_only,
)


def _name(ix: MentionIndex, name: str) -> tuple[int, int]:
    """Token span of the first occurrence of ``name``."""
    start = ix.body.index(name)
    span = ix.doc.char_span(start, start + len(name))
    assert span is not None
    return span.start, span.end


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Moldovan president Irina Vlasova spoke first.", "Irina Vlasova", "Moldovan president"),
        ("Chile's President Ana Lima spoke first.", "Ana Lima", "Chile's President"),
        ("OSCE Secretary-General Helga Schmid spoke first.", "Helga Schmid", "OSCE Secretary-General"),
        ("The Dr. Jane Roe study was cited.", "Jane Roe", None),
        ("He met Jane Roe yesterday.", "Jane Roe", None),
        # the place or body a title is of, from or to, between the title and the name
        ("First Minister of Scotland Nicola Brennan spoke.", "Nicola Brennan", "First Minister of Scotland"),
        ("United States Senator from Ohio Bo Reyes spoke.", "Bo Reyes", "United States Senator from Ohio"),
        ("The US Ambassador to the United Nations Ann Holt spoke.", "Ann Holt", "US Ambassador to the United Nations"),
        ("Green Party nominee Ann Holt spoke.", "Ann Holt", "Green Party nominee"),
        # a short prefix written tight against the title's hyphen
        ("Scottish Greens co-leader Ann Holt spoke.", "Ann Holt", "Scottish Greens co-leader"),
        ("The ex-minister Ann Holt spoke.", "Ann Holt", "ex-minister"),
        ("A letter from Ohio Ann Holt wrote.", "Ann Holt", None),  # no title before the place
    ],
)
def test_compound_before(index: Callable[[str], MentionIndex], text: str, name: str, role: str | None) -> None:
    ix = index(text)
    found = compound_before(ix, _name(ix, name)[0])
    assert (found.text if found else None) == role


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "He called the president of Georgia, Levan Beridze, twice.",
            "Levan Beridze",
            "president of Georgia",
        ),
        (
            "Armenian opposition activist, Davit Sargsyan, left.",
            "Davit Sargsyan",
            "Armenian opposition activist",
        ),
        ("In Paris, Jean Roux said no.", "Jean Roux", None),
        # the city a title holder is posted in
        ("Japan's ambassador in Manila, Endo Kazuo, said so.", "Endo Kazuo", "Japan's ambassador in Manila"),
        # lower-case words of the body a title is of
        (
            "A spokeswoman for Nigeria's foreign ministry, Amina Bello, spoke.",
            "Amina Bello",
            "spokeswoman for Nigeria's foreign ministry",
        ),
    ],
)
def test_apposition_before(index: Callable[[str], MentionIndex], text: str, name: str, role: str | None) -> None:
    ix = index(text)
    found = apposition_before(ix, _name(ix, name)[0])
    assert (found.text if found else None) == role


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Ivan Markov, Speaker of the Parliament of Armenia and a poet, spoke.",
            "Ivan Markov",
            "Speaker of the Parliament of Armenia",
        ),
        ("Jane Roe, a senior economist, spoke.", "Jane Roe", "senior economist"),
        ("Jane Roe, 45, spoke.", "Jane Roe", None),
        ("Jane Roe, 21, a law student, spoke.", "Jane Roe", "law student"),
        ("Jane Roe, the agency's coordinator, spoke.", "Jane Roe", "agency's coordinator"),
    ],
)
def test_apposition_after(index: Callable[[str], MentionIndex], text: str, name: str, role: str | None) -> None:
    ix = index(text)
    found = apposition_after(ix, _name(ix, name)[1])
    assert (found.text if found else None) == role


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Sergei Volkov was the deputy commander of the Black Sea Fleet.",
            "Sergei Volkov",
            "deputy commander of the Black Sea Fleet",
        ),
        ("Sergei Volkov was happy.", "Sergei Volkov", None),
    ],
)
def test_predicate_after(index: Callable[[str], MentionIndex], text: str, name: str, role: str | None) -> None:
    ix = index(text)
    found = predicate_after(ix, _name(ix, name)[1])
    assert (found.text if found else None) == role


@pytest.mark.parametrize(
    ("text", "name", "org", "country", "international"),
    [
        ("Armenian opposition activist, Davit Sargsyan, left.", "Davit Sargsyan", None, "ARM", False),
        ("OSCE Secretary General Helga Schmid spoke.", "Helga Schmid", ("OSCE", None, True), None, True),
        ("Acme Bank chairman Tom Hill spoke.", "Tom Hill", ("Acme Bank", "NOR", False), "NOR", False),
        ("California Attorney General Tom Hill spoke.", "Tom Hill", None, "USA", False),
        # an international body's official posted to a country is of no country; a country's envoy to it is
        ("The UN envoy for Yemen, Jane Roe, spoke.", "Jane Roe", ("UN", None, True), None, True),
        ("US Ambassador to the UN Ann Holt spoke.", "Ann Holt", ("UN", None, True), "USA", False),
    ],
)
def test_complete_role(
    index: Callable[[str], MentionIndex],
    text: str,
    name: str,
    org: tuple[str, str | None, bool] | None,
    country: str | None,
    international: bool,
) -> None:
    ix = index(text)
    start = _name(ix, name)[0]
    role = compound_before(ix, start) or apposition_before(ix, start)
    assert role is not None
    refs = []
    if org is not None:
        s, e = _name(ix, org[0])
        refs.append(OrgRef(s, e, org[0], org[1], org[2]))
    complete_role(ix, role, refs)
    assert (role.country, role.international) == (country, international)
    assert role.organization == (org[0] if org else None)


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Peru voted no. Later, Prime Minister Ana Lima spoke.", "Ana Lima", "PER"),
        ("Peru voted no.\n\nLater, Prime Minister Ana Lima spoke.", "Ana Lima", None),
        ("Prime Minister Ana Lima spoke about Peru.", "Ana Lima", None),
        # after the name only a nationality counts
        ("Prime Minister Ana Lima joined calls by Peruvian officials.", "Ana Lima", "PER"),
        # a place of a known country is a cue too
        ("Riots hit Lima. Later, Prime Minister Ana Lopez spoke.", "Ana Lopez", "PER"),
        # a patron is no nationality
        ("It is an Iranian-backed militia. Its commander, Ali Reza, spoke.", "Ali Reza", None),
        # a country a sentence before acts on is no cue; the one acting is
        ("Peru protested to Chile on Monday. Foreign Minister Ana Lima spoke.", "Ana Lima", "PER"),
        ("Peru summoned Chile's envoy. Foreign Minister Ana Lima spoke.", "Ana Lima", "PER"),
        # after the name, a nationality of whom the sentence acts on, or of a counterpart, is none
        ("Foreign Minister Ana Lima spoke after handing the Chilean envoy a note.", "Ana Lima", None),
        ("Foreign Minister Ana Lima spoke by phone with her Chilean counterpart.", "Ana Lima", None),
    ],
)
def test_country_near(index: Callable[[str], MentionIndex], text: str, name: str, country: str | None) -> None:
    ix = index(text)
    assert country_near(ix, _name(ix, name)[0]) == country


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Peru and Peru and Chile.", "PER"),
        ("Peru and Chile.", None),
        ("No country here.", None),
        # places count for their country: a story set in British cities that names only a Polish chef
        ("Crowds gathered in London. A Polish chef helped. Police in Manchester and Birmingham arrived.", "GBR"),
    ],
)
def test_main_country(index: Callable[[str], MentionIndex], text: str, country: str | None) -> None:
    assert main_country(index(text)) == country


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # a private person: a country named in the same sentence, before or after, not a possessive
        ("Officials asked the United States to help Jane Roe.", "Jane Roe", "USA"),
        ("Jane Roe was born in Peru.", "Jane Roe", "PER"),
        ("The order raised pressure on Cuba's government under Jane Roe.", "Jane Roe", None),
    ],
)
def test_country_near_same_sentence_only(
    index: Callable[[str], MentionIndex], text: str, name: str, country: str | None
) -> None:
    ix = index(text)
    s, e = _name(ix, name)
    assert country_near(ix, s, e, earlier_sentences=False) == country


def test_country_near_skips_another_persons_role_after(index: Callable[[str], MentionIndex]) -> None:
    ix = index("Minister Ana Lima spoke with US Secretary of State Jo Bell about it.")
    s, e = _name(ix, "Ana Lima")
    skip = set(range(_name(ix, "US")[0], _name(ix, "Jo Bell")[1]))
    assert country_near(ix, s, e, earlier_sentences=False) == "USA"
    assert country_near(ix, s, e, skip, earlier_sentences=False) is None


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        ("An Iranian-backed group struck Baghdad and Peru.", [("Baghdad", "IRQ"), ("Peru", "PER")]),
        ("Lima's mayor spoke.", [("Lima", "PER")]),
    ],
)
def test_country_cues(index: Callable[[str], MentionIndex], text: str, cues: list[tuple[str, str]]) -> None:
    ix = index(text)
    assert [(ix.text(c.start, c.end), c.iso3) for c in country_cues(ix)] == cues


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Foreign Secretary Tom Hill spoke.", "Tom Hill", "GBR"),
        ("Indian Foreign Secretary Tom Hill spoke.", "Tom Hill", "IND"),
        ("LONDON, May 3 (Reuters) - Foreign Secretary Tom Hill spoke.", "Tom Hill", "GBR"),
        # another country's story: its own foreign secretary (Mexico's, the Philippines')
        ("MEXICO CITY, May 3 (Reuters) - Foreign Secretary Ana Ruiz spoke.", "Ana Ruiz", None),
        ("Mexico protested. Mexico and Mexico's army. Foreign Secretary Ana Ruiz spoke.", "Ana Ruiz", None),
        # a city the tagger leaves untagged or takes for a people names the role's country
        ("Belgorod Governor Ivan Petrov said drones had hit the depot.", "Ivan Petrov", "RUS"),
        ("Kamloops RCMP Constable Gary Lee said the child was safe.", "Gary Lee", "CAN"),
        # not a word of a longer name, nor a small namesake
        ("Roman Catholic Bishop Tom Hale said mass.", "Tom Hale", None),
    ],
)
def test_title_country(index: Callable[[str], MentionIndex], text: str, name: str, country: str | None) -> None:
    ix = index(text)
    role = compound_before(ix, _name(ix, name)[0])
    assert role is not None
    complete_role(ix, role, [])
    assert role.country == country


@pytest.mark.parametrize(
    ("body", "country"),
    [
        ("TOKYO, Feb 25 - Japan sent more ships to the islands.", "JPN"),
        ("YEREVAN/BAKU, Oct 7 - The truce broke down.", "ARM"),
        ("IBADAN, Nigeria, July 19, 2021 — The party won the seat.", "NGA"),
        ("KYIV (Reuters) - The talks resumed.", "UKR"),
        # a country named after a town the gazetteer does not know; a hyphenated city; a capital spelt otherwise
        ("TALEVU, Papua New Guinea, Aug 20 - The vote was delayed.", "PNG"),
        ("PORT-AU-PRINCE, March 20 - Gunmen stormed the town.", "HTI"),
        ("PORT VILA, Oct 15 (Reuters) - Police seized two boats.", "VUT"),
        ("WASHINGTON, March 3 - The bill passed.", "USA"),
        ("Japan sent more ships to the islands on Monday.", None),
        ("US President Dana Okafor - who spoke first - left.", None),
        # a city in title case, as some agencies write it, with an agency or a date after it
        ("Dhaka, 17 August 2026 (Wire) - Police arrested a reporter.", "BGD"),
        ("Bangkok (AFP) - The court ruled.", "THA"),
        ("Lilongwe/Berlin (dpa) - Donors froze aid.", "MWI"),
        ("Talevu, Papua New Guinea (dpa) - The vote was delayed.", "PNG"),
        # words in title case before a dash that are no known place, or with neither agency nor date
        ("On Monday, 5 people - all farmers - were hurt.", None),
        ("Dana Okafor (right) - who spoke first - left.", None),
        ("Bangkok - the capital - was calm.", None),
    ],
)
def test_dateline_country(body: str, country: str | None) -> None:
    assert dateline_country(body) == country


def test_the_dateline_settles_a_story_no_country_dominates(index: Callable[[str], MentionIndex]) -> None:
    text = (
        "TOKYO, Feb 25 - Japan sent ships after Chinese vessels entered the waters. China said its patrols "
        "were lawful. Japan protested. Prime Minister Ken Mori said talks with China would go on."
    )
    assert main_country(index(text)) == "JPN"


def test_a_title_case_dateline_settles_a_story_no_country_dominates(index: Callable[[str], MentionIndex]) -> None:
    text = (
        "Dhaka, 17 August 2026 (Wire) - Police in Dhaka arrested a reporter. India sent aid, the Indian envoy said. "
        "China declined to comment. Pakistan said it was an internal matter of Bangladesh. "
        "Health Minister Ali Khan told parliament the strike must end."
    )
    assert main_country(index(text)) == "BGD"


def test_a_regional_bureau_s_dateline_does_not_make_the_story_its_country(
    index: Callable[[str], MentionIndex],
) -> None:
    # told from Nairobi, about Somalia and Ethiopia: Kenya is named nowhere after the dateline
    text = (
        "NAIROBI, Kenya (AP) - Somalia expelled two Ethiopian diplomats on Monday. Somalia accused Ethiopia of "
        "arming militias. Ethiopia denied it. Somalia's cabinet met in Mogadishu on Tuesday. "
        "The United States urged calm."
    )
    assert main_country(index(text)) == "SOM"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # a border bureau's country named once, the story's three times as often: the story's
        (
            "MAE SOT, Thailand, May 4 - Myanmar jets bombed a school in Myanmar's Sagaing region. Myanmar's junta "
            "denied it, and Myanmar's exiles protested. Thailand said it was watching. Myanmar's army was silent. "
            "Kenya and Chile urged calm.",
            "MMR",
        ),
        # named less often, but not three times less: the dateline's
        (
            "BRASILIA, May 4 - Brazil closed its border with Venezuela. Venezuela protested, Venezuela's army moved "
            "troops and Venezuela's ministry summoned Brazil's envoy. Kenya and Chile urged calm. Peru too.",
            "BRA",
        ),
    ],
)
def test_a_bureau_dateline_against_the_story_s_country(
    index: Callable[[str], MentionIndex], text: str, country: str
) -> None:
    assert main_country(index(text)) == country


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # a body named by the city or region it is of or in gives the role its country
        ("Tom Hill, an economist at the University of Buenos Aires, spoke.", "ARG"),
        ("Tom Hill, a researcher at the Example Institute, spoke.", None),
    ],
)
def test_a_role_takes_the_country_of_the_place_its_body_is_of(
    index: Callable[[str], MentionIndex], text: str, country: str | None
) -> None:
    ix = index(text)
    role = apposition_after(ix, _name(ix, "Tom Hill")[1])
    assert role is not None
    complete_role(ix, role, [])
    assert role.country == country


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Colonel", True),
        ("Senior Colonel", True),
        ("Major General", True),
        ("General", True),
        ("army spokesman", False),
        ("Foreign Minister", False),
        ("commander of the Third Division", False),
    ],
)
def test_rank_only(text: str, expected: bool) -> None:
    from newsgraph.extract.mentions.roles import RoleInfo

    assert rank_only(RoleInfo(0, 1, text)) is expected


@pytest.mark.parametrize(
    ("text", "name", "organization"),
    [
        # the organization as the role writes it, not the name the table gives it
        (
            "The talks failed on Monday. State Department spokesperson Jordan Whitley said Washington would wait.",
            "Jordan Whitley",
            "State Department",
        ),
        # an acronym by its full name
        (
            "The talks failed on Monday. IMF spokeswoman Claudia Reyes said the fund would wait.",
            "Claudia Reyes",
            "International Monetary Fund",
        ),
    ],
)
def test_a_roles_organization_as_written(text: str, name: str, organization: str) -> None:
    from newsgraph.extract.mentions.collect import extract_mentions
    from newsgraph.ingest.nlp import load_nlp, parse_one

    load_nlp()
    persons = {p.name: p for p in extract_mentions(parse_one(text), "d").persons}
    assert persons[name].organization == organization


@pytest.mark.parametrize(
    ("body", "city"),
    [
        ("MEXICO CITY (AP) — Mexico and Ecuador agreed.", "MEXICO CITY"),
        ("THE HAGUE, Netherlands (AP) — The court ruled.", "THE HAGUE"),
        ("YEREVAN/BAKU — Talks failed.", "YEREVAN"),
        ("Bogotá, 7 July 2026 (Wire) — Talks failed.", "Bogotá"),
        ("Talks failed on Monday.", None),
    ],
)
def test_dateline_city(body: str, city: str | None) -> None:
    from newsgraph.extract.mentions.roles import dateline_city

    found = dateline_city(body)
    assert (body[found[0] : found[1]] if found else None) == city
