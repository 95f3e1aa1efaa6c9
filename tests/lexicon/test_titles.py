"""Titles lexicon: normalisation, lookup, phrase finding and sectors."""

from __future__ import annotations

import pytest

from newsgraph.lexicon.titles import (
    find_titles,
    has_title,
    is_honorific,
    is_modifier,
    lookup_title,
    normalize_role,
    role_group,
    role_groups_in,
    title_sector,
    title_words,
    titles,
)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Secretary-General", ("secretary", "general")),
        ("Dr.", ("dr",)),
        ("  Prime   Minister ", ("prime", "minister")),
        ("", ()),
    ],
)
def test_title_words(text: str, words: tuple[str, ...]) -> None:
    assert title_words(text) == words


def test_table_loads_with_known_kinds() -> None:
    table = titles()
    assert len(table) > 100
    assert {t.kind for t in table.values()} == {"title", "honorific", "modifier"}


@pytest.mark.parametrize(
    ("phrase", "sector", "kind"),
    [
        ("prime minister", "GOV", "title"),
        ("secretary general", "IGO", "title"),
        ("speaker", "LEG", "title"),
        ("political analyst", "CVL", "title"),
        ("mr", None, "honorific"),
        ("former", None, "modifier"),
    ],
)
def test_lookup_title(phrase: str, sector: str | None, kind: str) -> None:
    found = lookup_title(phrase.split())
    assert found is not None
    assert (found.sector, found.kind) == (sector, kind)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("NATO Secretary-General Mark Rutte", [(1, 3, "secretary general")]),
        ("the former Prime Minister", [(2, 4, "prime minister")]),
        ("Dr Jane Roe, an economist", [(0, 1, "dr"), (4, 5, "economist")]),
        ("nothing to see here", []),
    ],
)
def test_find_titles_longest_first(text: str, found: list[tuple[int, int, str]]) -> None:
    assert [(s, e, t.phrase) for s, e, t in find_titles(title_words(text))] == found


@pytest.mark.parametrize(
    ("role", "sector"),
    [
        ("Prime Minister", "GOV"),
        ("Tajik opposition activist", "OPP"),
        ("Police press officer", "POL"),
        ("Secretary General of NATO", "IGO"),
        ("fashion designer", "CVL"),
        ("Mr", None),
        (None, None),
    ],
)
def test_title_sector(role: str | None, sector: str | None) -> None:
    assert title_sector(role) == sector


@pytest.mark.parametrize(
    ("word", "modifier", "honorific"),
    [("Former", True, False), ("Mrs.", False, True), ("minister", False, False)],
)
def test_word_kinds(word: str, modifier: bool, honorific: bool) -> None:
    assert is_modifier(word) is modifier
    assert is_honorific(word) is honorific


@pytest.mark.parametrize(("text", "expected"), [("the deputy mayor", True), ("Mr Smith", False), ("", False)])
def test_has_title(text: str, expected: bool) -> None:
    assert has_title(text) is expected


@pytest.mark.parametrize(
    ("role", "country"),
    [
        ("Foreign Secretary", "GBR"),
        ("Northamptonshire's chief constable", "GBR"),
        ("Prime Minister", None),
        (None, None),
    ],
)
def test_title_country(role: str | None, country: str | None) -> None:
    from newsgraph.lexicon.titles import title_country

    assert title_country(role) == country


def test_title_first_words() -> None:
    from newsgraph.lexicon.titles import title_first_words

    assert {"prime", "president", "secretary"} <= title_first_words()


# ---------------------------------------------------------------- office groups (quote speakers)


@pytest.mark.parametrize(
    ("noun", "group"),
    [
        ("chief", "leader"),
        ("Secretary-General", "leader"),
        ("Nato secretary general", "leader"),
        ("foreign minister", "minister"),
        ("spokeswoman", "spokesperson"),
        ("opposition activist", "activist"),
        ("table", None),
    ],
)
def test_role_group(noun: str, group: str | None) -> None:
    assert role_group(noun) == group


@pytest.mark.parametrize(
    ("role", "groups"),
    [
        ("Secretary General of NATO", {"leader"}),
        ("Prime Minister", {"prime minister"}),
        ("spokesman and deputy minister", {"spokesperson", "legislator", "minister"}),
    ],
)
def test_role_groups_in(role: str, groups: set[str]) -> None:
    assert role_groups_in(role) == groups


@pytest.mark.parametrize(
    ("text", "norm"), [("Secretary-General", "secretary general"), (" Head  of\tState ", "head of state")]
)
def test_normalize_role(text: str, norm: str) -> None:
    assert normalize_role(text) == norm


def test_titles_give_envoys_and_sectors() -> None:
    from newsgraph.lexicon.events import sector_of

    hit = sector_of("ambassador")
    assert hit is not None and hit.sector == "GOV" and hit.envoy
    assert sector_of("riot police").sector == "POL"  # type: ignore[union-attr]  # sectors.tsv
    assert sector_of("foreign minister").sector == "GOV"  # type: ignore[union-attr]  # titles.tsv


@pytest.mark.parametrize("text", ["Dr.", "Vice-President", "Prime\u2011Minister", ""])
def test_title_words_memoized_answers_as_computed(text: str) -> None:
    assert title_words(text) == title_words.__wrapped__(text)
