"""Organizations: where names come from, their aliases and their country."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.core.model import Organization
from newsgraph.extract.mentions.index import MentionIndex
from newsgraph.extract.mentions.organizations.collect import build_organizations, find_org_mentions, org_refs


@pytest.fixture(scope="module")
def orgs() -> Callable[[str], list[Organization]]:
    from newsgraph.ingest.nlp import load_nlp, parse_one

    load_nlp()

    def run(text: str) -> list[Organization]:
        ix = MentionIndex(parse_one(text))
        return list(build_organizations(ix, find_org_mentions(ix, []), "d1").values())

    return run


def _summary(found: list[Organization]) -> list[tuple[str, list[str], str | None]]:
    return [(o.name, o.aliases, o.country) for o in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The National Bank of Moldova cut rates.", [("National Bank of Moldova", [], "MDA")]),
        ("The Polish Finance Ministry agreed.", [("Polish Finance Ministry", [], "POL")]),
        ("Chile's Finance Ministry agreed.", [("Chile's Finance Ministry", [], "CHL")]),
        ("Ukraine's Naftogaz said flows resumed.", [("Naftogaz", [], "UKR")]),
        (
            'The Hamburg-based think tank "Institute for Arctic Studies" published a report.',
            [("Institute for Arctic Studies", [], "DEU")],
        ),
        (
            "The Lyon Institute for the Study of Rivers issued a warning.",
            [("Lyon Institute for the Study of Rivers", [], "FRA")],
        ),
    ],
)
def test_country_from_the_name_and_around_it(
    orgs: Callable[[str], list[Organization]], text: str, expected: list[tuple[str, list[str], str | None]]
) -> None:
    assert _summary(orgs(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Kremlin said Nato was expanding.", [("Kremlin", [], "RUS"), ("NATO", [], None)]),
        ("The Federal Security Service (FSB) detained him.", [("FSB", ["Federal Security Service"], "RUS")]),
    ],
)
def test_well_known(
    orgs: Callable[[str], list[Organization]], text: str, expected: list[tuple[str, list[str], str | None]]
) -> None:
    assert _summary(orgs(text)) == expected


@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        ('The hacker group "Sandstorm," known as "Iron Tiger," targeted banks.', "Sandstorm", "Iron Tiger"),
        ("The Ukrainian security service, the SBU, arrested two men.", "SBU", "Ukrainian security service"),
        (
            "According to the French Foreign Office in Paris, the Foreign Ministry summoned the envoy.",
            "French Foreign Office",
            "Foreign Ministry",
        ),
        (
            "The Syrian Democratic Forces (SDF) retreated. Later the SDF said it would return.",
            "Syrian Democratic Forces",
            "SDF",
        ),
        ("The Labour Party lost seats, and Labour blamed the weather.", "Labour Party", "Labour"),
    ],
)
def test_aliases(orgs: Callable[[str], list[Organization]], text: str, name: str, alias: str) -> None:
    (org,) = orgs(text)
    assert org.name == name
    assert alias in org.aliases
    assert len(org.mentions) >= 2


@pytest.mark.parametrize(
    "text",
    [
        "The army bought 120 Lancet drones.",  # a product model after a number
        "Officials met in Niamey.",  # a city, even when tagged ORG
        "Kazakh police detained ten.",  # a demonym
    ],
)
def test_not_organizations(orgs: Callable[[str], list[Organization]], text: str) -> None:
    assert orgs(text) == []


def test_two_foreign_ministries_stay_apart(orgs: Callable[[str], list[Organization]]) -> None:
    found = orgs("Chile's Foreign Ministry and the Peruvian Foreign Ministry disagreed; the Foreign Ministry left.")
    assert [(o.name, o.country) for o in found][:2] == [
        ("Chile's Foreign Ministry", "CHL"),
        ("Peruvian Foreign Ministry", "PER"),
    ]


def test_org_refs_carry_international_flag() -> None:
    from newsgraph.ingest.nlp import parse_one

    ix = MentionIndex(parse_one("The OSCE and the Kremlin met."))
    mentions = find_org_mentions(ix, [])
    refs = org_refs(mentions, build_organizations(ix, mentions, "d1"))
    assert [(r.name, r.country, r.international) for r in refs] == [
        ("OSCE", None, True),
        ("Kremlin", "RUS", False),
    ]


@pytest.mark.parametrize("text", ["", '"Unclosed (parenthesis of the Bank', "\u00a0\u00a0Ministry\u00a0"])
def test_odd_input(orgs: Callable[[str], list[Organization]], text: str) -> None:
    assert isinstance(orgs(text), list)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a possessive country qualifies a named body without becoming part of its name
        ("Peru's Sendero Group denied it.", [("Sendero Group", [], "PER")]),
        # a country that ends the name of a national branch or party
        ("There were no Forward Chile candidates elected.", [("Forward Chile", [], "CHL")]),
        # a unit known by its own name, written after its parent's
        (
            "He led the Islamic Revolutionary Guard Corps-Quds Force.",
            [("Quds Force", ["Islamic Revolutionary Guard Corps-Quds Force"], "IRN")],
        ),
        # a newspaper keeps its "The"
        ("The Daily Herald reported the deal.", [("The Daily Herald", ["Daily Herald"], None)]),
    ],
)
def test_names_and_countries(
    orgs: Callable[[str], list[Organization]], text: str, expected: list[tuple[str, list[str], str | None]]
) -> None:
    assert _summary(orgs(text)) == expected


@pytest.mark.parametrize(
    ("text", "not_an_org"),
    [
        ("It was named a U.S.-designated Foreign Terrorist Organization.", "Foreign Terrorist Organization"),
        ("He met the Secretary of Transportation, Mia Cole.", "Transportation"),
        ("The crash happened at 19:30 UTC on Monday.", "UTC"),
        ("Flights to Jorge Chávez International Airport resumed.", "Jorge Chávez International Airport"),
        ("The talks covered the sea between Rhodes and Cyprus.", "Rhodes and Cyprus"),
        ("The plane landed at Omsk in Siberia on Friday.", "Omsk in Siberia"),
        ("She grew up in Auckland, New Zealand, and moved.", "Auckland, New Zealand"),
        ("Shots were fired at the Riverside Energy Arena last night.", "Riverside Energy Arena"),
        ("The fire killed five. Tomasz Wrobel filed a complaint.", "Tomasz Wrobel"),  # a person's name
        ("Fighting in the Ruritanian Civil War went on.", "Ruritanian Civil War"),  # an event
        ("Two officials, Commerce Secretary Ann Holt and another, were named.", "Commerce"),  # a portfolio
        ('He wrote: "My running mate will be great. #DemDebate". It trended.', "DemDebate"),  # a hashtag
    ],
)
def test_not_named_organizations(orgs: Callable[[str], list[Organization]], text: str, not_an_org: str) -> None:
    assert not_an_org not in [o.name for o in orgs(text)]


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # a national body with no country in the text takes the one the document is about
        (
            "Peru voted. Peru's court ruled. In Peru the Green Union Party protested.",
            "Green Union Party",
            "PER",
        ),
        # a company does not: it may well be foreign
        (
            "Peru voted. In Peru the Orvalo Holding Company said it would appeal.",
            "Orvalo Holding Company",
            None,
        ),
        # nor does an international body
        (
            "Peru voted. Peru's court ruled. In Peru the World Union of Growers protested.",
            "World Union of Growers",
            None,
        ),
    ],
)
def test_country_of_the_document(
    orgs: Callable[[str], list[Organization]], text: str, name: str, country: str | None
) -> None:
    found = {o.name: o.country for o in orgs(text)}
    assert found.get(name, "missing") == country


def test_names_split_at_a_spaced_dash() -> None:
    from newsgraph.extract.mentions.organizations.collect import _dash_pieces
    from newsgraph.ingest.nlp import parse_one

    ix = MentionIndex(parse_one("Output rose at Orlen — Unipetrol Czechia this year."))
    assert [ix.text(s, e) for s, e in _dash_pieces(ix, 3, 7)] == ["Orlen", "Unipetrol Czechia"]


@pytest.mark.parametrize(
    "text",
    [
        "Governor Ann Hill signed the Ohio Clean Rivers Protection Act on Wednesday.",
        "The Supreme Court ruled the Freedom of Press Act unconstitutional.",
    ],
)
def test_a_law_is_no_organization(orgs: Callable[[str], list[Organization]], text: str) -> None:
    assert not any(o.name.endswith("Act") for o in orgs(text))


def test_a_persons_name_glued_to_a_place_is_no_organization() -> None:
    from newsgraph.extract.mentions.organizations.collect import _a_persons_name, _person_names
    from newsgraph.extract.mentions.persons import find_person_spans
    from newsgraph.ingest.nlp import load_nlp, parse_one

    load_nlp()
    ix = MentionIndex(parse_one("Prime Minister Rahul Mehta spoke. Then India Rahul Mehta said more."))
    names = _person_names(ix, find_person_spans(ix))
    glued = next(i for i, t in enumerate(ix.toks) if t.text == "India")
    assert _a_persons_name(ix, (glued, glued + 3), names)
    assert _a_persons_name(ix, (glued + 2, glued + 3), names)  # the surname alone
    assert not _a_persons_name(ix, (0, 2), names)  # "Prime Minister"
    assert _a_persons_name(ix, (2, 3), names)  # the first name alone
    ix = MentionIndex(parse_one("Governor Wanda Rivas Lugo spoke. Rivas said more."))
    said = next(i for i, t in enumerate(ix.toks) if t.text == "Rivas" and i > 5)
    assert _a_persons_name(ix, (said, said + 1), _person_names(ix, find_person_spans(ix)))  # first surname


def test_persons_names_without_diacritics_in_pairs_and_as_families() -> None:
    from newsgraph.extract.mentions.organizations.collect import _a_persons_name, _after_persons_name, _person_names
    from newsgraph.extract.mentions.persons import find_person_spans
    from newsgraph.ingest.nlp import load_nlp, parse_one

    load_nlp()
    text = (
        "Minister Tomasz Kowalczyński met Senator Dana Okafor and Governor Lars Lindqvist. "
        "Kowalczynski, Okafor-Lindqvist, Okafor and Lindqvist, the Okafors, Okafor of Harbour Watch."
    )
    ix = MentionIndex(parse_one(text))
    names = _person_names(ix, find_person_spans(ix))

    def span(words: str) -> tuple[int, int]:
        toks = [t.text for t in ix.toks]
        seq = [t.text for t in parse_one(words)]
        i = next(k for k in range(len(toks)) if toks[k : k + len(seq)] == seq and k > 10)
        return i, i + len(seq)

    assert _a_persons_name(ix, span("Kowalczynski"), names)  # written without its diacritic
    assert _a_persons_name(ix, span("Okafor-Lindqvist"), names)  # a ticket of two persons
    assert _a_persons_name(ix, span("Okafor and Lindqvist"), names)
    assert _a_persons_name(ix, span("Okafors"), names)  # a family
    glued = span("Okafor of Harbour Watch")
    assert ix.text(*_after_persons_name(ix, glued, names)) == "Harbour Watch"


def test_a_known_bodys_possessive_is_no_part_of_the_next_name(orgs: Callable[[str], list[Organization]]) -> None:
    found = orgs("The report was written by NATO's Military Committee on Monday.")
    assert [o.name for o in found] == ["NATO", "Military Committee"]


def test_countryless_bodies_are_the_national_bodies_left_without_a_country(parse) -> None:
    from newsgraph.extract.mentions.organizations.collect import countryless_bodies

    text = "The Green Party and the Acme Holdings met. The United Nations spoke."
    ix = MentionIndex(parse(text))
    mentions = find_org_mentions(ix, [])
    orgs = build_organizations(ix, mentions, "d1")
    assert [o.name for o in countryless_bodies(mentions, orgs)] == ["Green Party"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a possessive determiner the tagger took into the name is no word of it
        (
            "Benin held an election on Sunday. Its Foreign Ministry said the vote was calm.",
            [("Foreign Ministry", "BEN")],
        ),
        # the wire's dateline city is no organization
        (
            "HONIARA (AP) — Rioters burned shops on Monday, the Royal Solomon Islands Police Force said.",
            [("Royal Solomon Islands Police Force", "SLB")],
        ),
        (
            "MAE SOT, Thailand (Reuters) — Myanmar jets bombed a village, the Karen National Union said.",
            [("Karen National Union", "MMR")],
        ),
    ],
)
def test_determiners_and_datelines_are_no_names(
    orgs: Callable[[str], list[Organization]], text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert [(o.name, o.country) for o in orgs(text)] == expected


def test_a_body_named_for_a_city_is_of_its_country(orgs: Callable[[str], list[Organization]]) -> None:
    text = '"It plays well," said Tomas Ferreyra, an economist at the University of Buenos Aires.'
    assert [(o.name, o.country) for o in orgs(text)] == [("University of Buenos Aires", "ARG")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a name of the table the model cut before a place it tagged apart
        ("The Economic Community of West African States urged restraint.", "Economic Community of West African States"),
        # a name its acronym spells, which the model cut at "and"
        (
            "The Bangladesh Garment Manufacturers and Exporters Association (BGMEA) said it had suspended work.",
            "Bangladesh Garment Manufacturers and Exporters Association",
        ),
        # a name cut inside a country's name
        ("He was summoned by the Court of Bosnia and Herzegovina last week.", "Court of Bosnia and Herzegovina"),
    ],
)
def test_a_name_cut_inside_a_longer_whole_is_that_whole(
    orgs: Callable[[str], list[Organization]], text: str, name: str
) -> None:
    assert name in [o.name for o in orgs(text)]
