from __future__ import annotations

import pytest

from newsgraph.core.textnorm import (
    contains_words,
    ends_with_words,
    entity_key,
    name_words,
    normalize_text,
    starts_with_words,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Hello   World", "hello world"),
        ("Zoë Ågren-Nuñez", "zoe agren nunez"),
        ("the\u00a0river\u00a0Dnipro", "the river dnipro"),
        ("\u201cWe will stay,\u201d she said.", "we will stay she said"),
        ("Poland\u2019s parliament", "poland s parliament"),
        ("Poland's parliament", "poland s parliament"),
        ("Ørsted and Łódź", "orsted and lodz"),
        ("\uff21\uff22\uff23 full width", "abc full width"),
        ("zero\u200bwidth", "zero width"),
        ("Straße", "strasse"),
        ("", ""),
        ("  \n\t ", ""),
        ('unbalanced "quote', "unbalanced quote"),
        ("Москва, Россия", "москва россия"),
        ("13% of $2.5 billion", "13 of 2 5 billion"),
    ],
)
def test_normalize_text(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


@pytest.mark.parametrize(("value", "expected"), [(None, ""), (12, "12"), (3.5, "3 5")])
def test_normalize_text_tolerates_non_strings(value: object, expected: str) -> None:
    assert normalize_text(value) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("haystack", "needle", "expected"),
    [
        ("the popular vote was close", "popular", True),
        ("its popularity fell", "popular", False),
        ("prices rose 130 percent", "13", False),
        ("prices rose 13 percent", "13 percent", True),
        ("anything", "", False),
        ("", "x", False),
    ],
)
def test_contains_words(haystack: str, needle: str, expected: bool) -> None:
    assert contains_words(haystack, needle) is expected


@pytest.mark.parametrize(
    ("haystack", "needle", "starts", "ends"),
    [
        ("the army left the town", "the army", True, False),
        ("the army left the town", "the town", False, True),
        ("the armyman left", "the army", False, False),
        ("the army", "the army", True, True),
        ("anything", "", False, False),
    ],
)
def test_starts_and_ends_with_words(haystack: str, needle: str, starts: bool, ends: bool) -> None:
    assert starts_with_words(haystack, needle) is starts
    assert ends_with_words(haystack, needle) is ends


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Kassym-Jomart Tokayev", ("kassym", "jomart", "tokayev")),
        ("Zoë Ångström", ("zoe", "angstrom")),
        ("Vladimir V. Putin", ("vladimir", "v", "putin")),
        ("O\u2019Neill", ("o'neill",)),
        ("Ørsted", ("orsted",)),
    ],
)
def test_name_words(text: str, words: tuple[str, ...]) -> None:
    assert name_words(text) == words


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Erdoğan's", "erdogan"),
        ("the  Foreign\u00a0Ministry", "foreign ministry"),
        ("The Ki-Moon", "ki moon"),
        ("ERDOGAN", "erdogan"),
        ("the Kremlin\u2019s", "kremlin"),
    ],
)
def test_entity_key(text: str, key: str) -> None:
    assert entity_key(text) == key


@pytest.mark.parametrize("text", ["the Kremlin's", "Jane Doe", "the", "O'Neill s", ""])
def test_entity_key_memoized_answers_as_computed(text: str) -> None:
    assert entity_key(text) == entity_key.__wrapped__(text)
