"""Well-known organizations and organization words: table rows, case rules, generic bodies."""

from __future__ import annotations

import pytest

from newsgraph.lexicon.known_orgs import (
    ends_with_org_word,
    is_org_word,
    known_orgs,
    lookup_org,
    max_org_name_words,
    org_first_words,
    org_key,
    org_word_sector,
)


@pytest.mark.parametrize(
    ("text", "key"),
    [("the Kremlin", "kremlin"), ("Nato\u2019s", "nato"), ("  United   Nations ", "united nations")],
)
def test_org_key(text: str, key: str) -> None:
    assert org_key(text) == key


def test_table_rows_are_well_formed() -> None:
    rows = known_orgs()
    assert any(o.generic for o in rows) and any(not o.generic for o in rows)
    assert all(o.country is None or len(o.country) == 3 for o in rows)
    assert max_org_name_words() >= 4
    assert "nato" in org_first_words()


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("NATO", "NATO", None),
        ("Nato", "NATO", None),
        ("the Kremlin", "Kremlin", "RUS"),
        ("Federal Security Service", "FSB", "RUS"),
        ("WHO", "World Health Organization", None),
        ("Cozy Bear", "APT29", "RUS"),
        # armed groups newer than the Phoenix dictionaries; an acronym two bodies use keeps its first
        ("the Rapid Support Forces", "Rapid Support Forces", "SDN"),
        ("RSF", "Reporters Without Borders", None),
        ("M23", "M23", "COD"),
        ("Pakistani Taliban", "Tehrik-i-Taliban Pakistan", "PAK"),
        ("the Treasury Department", "United States Department of the Treasury", "USA"),
        ("UNIFIL", "UNIFIL", None),  # a UN mission: of no country
        ("AMISOM", "ATMIS", None),
        # regional and international bodies whose names hold a demonym or sit in one country: of none
        ("the Inter-American Commission on Human Rights", "Inter-American Commission on Human Rights", None),
        ("the Committee to Protect Journalists", "Committee to Protect Journalists", None),
        ("SADC", "Southern African Development Community", None),
        # state news agencies and a military's media wing speak for their state
        ("the Korean Central News Agency", "Korean Central News Agency", "PRK"),
        ("ISPR", "Inter-Services Public Relations", "PAK"),
    ],
)
def test_lookup_named(text: str, name: str, country: str | None) -> None:
    org = lookup_org(text)
    assert org is not None
    assert (org.name, org.country) == (name, country)


@pytest.mark.parametrize("text", ["Who", "nato", "kremlin", "Foreign Ministry", "Acme Widgets"])
def test_lookup_refuses(text: str) -> None:
    assert lookup_org(text) is None


@pytest.mark.parametrize(
    ("text", "generic"),
    [
        ("Foreign Office", "Foreign Ministry"),
        ("Ministry of Defence", "Defence Ministry"),
        ("National Bank", "Central Bank"),
    ],
)
def test_lookup_generic(text: str, generic: str) -> None:
    org = lookup_org(text, generic=True)
    assert org is not None and org.generic and org.name == generic
    assert lookup_org(text, generic=None) is org


@pytest.mark.parametrize(
    ("word", "is_word", "sector"),
    [
        ("Ministry", True, "GOV"),
        ("think tank", False, None),
        ("police", True, "POL"),
        ("banana", False, None),
    ],
)
def test_org_words(word: str, is_word: bool, sector: str | None) -> None:
    assert is_org_word(word) is is_word
    if sector:
        assert org_word_sector(word) == sector


@pytest.mark.parametrize(
    ("words", "length"),
    [
        (("the", "think", "tank"), 2),
        (("National", "Bank"), 1),
        (("a", "hacker", "collective"), 2),
        (("red",), 0),
    ],
)
def test_ends_with_org_word(words: tuple[str, ...], length: int) -> None:
    assert ends_with_org_word(words) == length


@pytest.mark.parametrize(
    ("text", "expected"),
    [("State", True), ("Foreign Affairs", True), ("Health & Human Services", True), ("Tesco", False)],
)
def test_is_portfolio(text: str, expected: bool) -> None:
    from newsgraph.lexicon.known_orgs import is_portfolio

    assert is_portfolio(text) is expected


@pytest.mark.parametrize(("word", "expected"), [("administration", True), ("Era", True), ("pipeline", False)])
def test_is_person_noun(word: str, expected: bool) -> None:
    from newsgraph.lexicon.known_orgs import is_person_noun

    assert is_person_noun(word) is expected


@pytest.mark.parametrize(("word", "expected"), [("Act", True), ("treaty", True), ("Institute", False)])
def test_is_document_word(word: str, expected: bool) -> None:
    from newsgraph.lexicon.known_orgs import is_document_word

    assert is_document_word(word) is expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("African Export-Import Bank", True),
        ("Global Coalition to Defeat ISIS", True),
        ("United Nations Office in Kabul", True),
        ("Green Union Party", False),
    ],
)
def test_international_name(name: str, expected: bool) -> None:
    from newsgraph.lexicon.known_orgs import international_name

    assert international_name(name) is expected


@pytest.mark.parametrize(("word", "expected"), [("Act", True), ("Constitution", True), ("Programme", False)])
def test_is_legal_document_word(word: str, expected: bool) -> None:
    from newsgraph.lexicon.known_orgs import is_legal_document_word

    assert is_legal_document_word(word) is expected


def test_is_igo() -> None:
    from newsgraph.lexicon.known_orgs import is_igo

    assert is_igo("NATO") and is_igo("World Health Organization")
    assert not is_igo("Reuters") and not is_igo(None) and not is_igo("")


@pytest.mark.parametrize("word", ["Ministry", "ministry.", "council", "bakery", ""])
def test_is_org_word_memoized_answers_as_computed(word: str) -> None:
    assert is_org_word(word) == is_org_word.__wrapped__(word)
