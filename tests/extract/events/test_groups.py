"""Unnamed groups: which take the country of their place, and which belong to no one country."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from newsgraph.extract.events.groups import local_group, of_international


@pytest.fixture(scope="module")
def parse() -> Callable[[str], Doc]:
    from newsgraph.ingest.nlp import load_nlp, parse_one

    load_nlp()
    return parse_one


def _head(doc: Doc, word: str):
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(
    ("text", "word", "sector", "local"),
    [
        ("Activists marched on Sunday.", "Activists", "CVL", True),
        ("Rebels attacked the town.", "Rebels", "REB", True),
        ("European activists marched on Sunday.", "activists", "CVL", False),
        ("The government resigned.", "government", "GOV", False),
        ("Leaders of African Union member states met.", "Leaders", "GOV", False),
    ],
)
def test_local_group(parse, text: str, word: str, sector: str, local: bool) -> None:
    assert local_group(_head(parse(text), word), sector) is local


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [("Leaders of NATO member states met.", "Leaders", True), ("Leaders of the opposition met.", "Leaders", False)],
)
def test_of_international(parse, text: str, word: str, expected: bool) -> None:
    assert of_international(_head(parse(text), word)) is expected
