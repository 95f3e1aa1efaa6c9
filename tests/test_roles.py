"""Roles: compound titles, appositions before and after a name, copulas, and the role's country."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.extract.mention_index import MentionIndex
from newsgraph.extract.roles import (
    OrgRef,
    apposition_after,
    apposition_before,
    complete_role,
    compound_before,
    country_near,
    main_country,
    predicate_after,
)


@pytest.fixture(scope="module")
def index() -> Callable[[str], MentionIndex]:
    from newsgraph.nlp import load_nlp, parse_one

    load_nlp()
    return lambda text: MentionIndex(parse_one(text))


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
    ],
)
def test_compound_before(
    index: Callable[[str], MentionIndex], text: str, name: str, role: str | None
) -> None:
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
    ],
)
def test_apposition_before(
    index: Callable[[str], MentionIndex], text: str, name: str, role: str | None
) -> None:
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
    ],
)
def test_apposition_after(
    index: Callable[[str], MentionIndex], text: str, name: str, role: str | None
) -> None:
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
def test_predicate_after(
    index: Callable[[str], MentionIndex], text: str, name: str, role: str | None
) -> None:
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
    ],
)
def test_country_near(
    index: Callable[[str], MentionIndex], text: str, name: str, country: str | None
) -> None:
    ix = index(text)
    assert country_near(ix, _name(ix, name)[0]) == country


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Peru and Peru and Chile.", "PER"),
        ("Peru and Chile.", None),
        ("No country here.", None),
    ],
)
def test_main_country(index: Callable[[str], MentionIndex], text: str, country: str | None) -> None:
    assert main_country(index(text)) == country
