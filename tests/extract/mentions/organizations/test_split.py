"""Candidate names that are several bodies, or a ticket of two persons."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.extract.mentions.index import MentionIndex
from newsgraph.extract.mentions.organizations.split import list_pieces, second_place, slash_pair, thing_acronyms


def _span(ix: MentionIndex, text: str) -> tuple[int, int]:
    for i in range(len(ix.toks)):
        for j in range(i + 1, len(ix.toks) + 1):
            if ix.text(i, j) == text:
                return i, j
    raise AssertionError(f"{text!r} not in the tokens")


@pytest.mark.parametrize(
    ("text", "name", "pieces"),
    [
        ("Members of the Green Party, Reform Party met.", "Green Party, Reform Party", ["Green Party", "Reform Party"]),
        (
            "She wrote for The Ledger and The Daily Post for years.",
            "The Ledger and The Daily Post",
            ["The Ledger", "The Daily Post"],
        ),
        ("The Peace and Freedom Party met.", "Peace and Freedom Party", ["Peace and Freedom Party"]),
        (
            "The Department of Health and Human Services said so.",
            "Department of Health and Human Services",
            ["Department of Health and Human Services"],
        ),
    ],
)
def test_list_pieces(index: Callable[[str], MentionIndex], text: str, name: str, pieces: list[str]) -> None:
    ix = index(text)
    assert [ix.text(*p) for p in list_pieces(ix, *_span(ix, name))] == pieces


@pytest.mark.parametrize(
    ("text", "name", "pair"),
    [
        ("The Okafor/Lindqvist ticket got 2 percent.", "Okafor/Lindqvist", True),
        ("The De La Cruz/Holt ticket got 1 percent.", "De La Cruz/Holt", True),
        ("The AC/DC concert was cancelled.", "AC/DC", False),
        ("The Green Party/Labour Party pact held.", "Green Party/Labour Party", False),
    ],
)
def test_slash_pair(index: Callable[[str], MentionIndex], text: str, name: str, pair: bool) -> None:
    ix = index(text)
    assert slash_pair(ix, *_span(ix, name)) is pair


@pytest.mark.parametrize(
    ("text", "name", "whole"),
    [
        (
            "The Port Authority of New York and New Jersey closed the bridge.",
            "Port Authority of New York",
            "Port Authority of New York and New Jersey",
        ),
        ("The Bank of France and the ministry agreed.", "Bank of France", "Bank of France"),  # no second place
    ],
)
def test_second_place(index: Callable[[str], MentionIndex], text: str, name: str, whole: str) -> None:
    ix = index(text)
    start, end = _span(ix, name)
    assert ix.text(start, second_place(ix, start, end)) == whole


def test_acronyms_of_things(index: Callable[[str], MentionIndex]) -> None:
    ix = index(
        "The Harbour Safety Act (HSA) passed. Imports of liquid natural gas (LNG) rose. "
        "The site uses DRM (digital rights management, a lock). The Ruritanian Farmers Union (RFU) protested."
    )
    assert thing_acronyms(ix) == {"HSA", "LNG", "DRM"}
