"""Sides taken with another state: who stands with a state takes its position (extract/stance_align.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from newsgraph.extract.events.actors import DocContext
from newsgraph.extract.events.coder import extract_events
from newsgraph.extract.stance_align import alignments
from newsgraph.extract.stances import extract_stances

_EXPELLED = "Poland ordered two Belarusian diplomats to leave the country on Monday. Belarus condemned the expulsions. "


def _rows(parse: Callable[[str], Doc], text: str) -> list[tuple[str, str]]:
    doc = parse(text)
    return [(s.country, s.position) for s in extract_stances(doc, "d1", events=extract_events(doc, "d1"))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # with the act's doer: for the act; with its target: against it
        ("Lithuania said it stood in solidarity with Warsaw.", ("LTU", "supports")),
        ("The United States stood shoulder to shoulder with Poland.", ("USA", "supports")),
        ("Russia said it stood with Minsk.", ("RUS", "opposes")),
        ("Russia voiced support for Minsk.", ("RUS", "opposes")),
        ("Kazakhstan sided with Belarus.", ("KAZ", "opposes")),
        # thanking a side for what it did
        ("Lithuania thanked Warsaw for its firm stand.", ("LTU", "supports")),
        ("Russia thanked Minsk.", ("RUS", "opposes")),
    ],
)
def test_who_sides_with_a_state_takes_its_position(
    parse: Callable[[str], Doc], text: str, expected: tuple[str, str]
) -> None:
    assert expected in _rows(parse, _EXPELLED + text)


def test_a_side_with_no_position_told_gives_no_row(parse: Callable[[str], Doc]) -> None:
    # Hungary's position is told nowhere: standing with it tells nothing
    assert ("AUT", "supports") not in _rows(parse, _EXPELLED + "Austria said it stood with Hungary.")
    assert ("AUT", "opposes") not in _rows(parse, _EXPELLED + "Austria said it stood with Hungary.")


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("The United Arab Emirates backed Manama.", "BHR"),
        ("Syria backed Baghdad's demand for a fair share.", "IRQ"),
        ("Saudi Arabia expressed full solidarity with Bahrain.", "BHR"),
    ],
)
def test_alignments(parse: Callable[[str], Doc], text: str, side: str) -> None:
    doc = parse(text)
    ctx = DocContext(doc, None, None)
    found = [a for t in doc for a in alignments(t, ctx)]
    assert [a.side for a in found] == [side]


@pytest.mark.parametrize(
    "text",
    [
        "China said Beijing supports Pakistan reaching an agreement with the Fund.",  # the side's act is backed
        "Austria did not stand with Hungary.",  # negated
        "Austria said it stood ready to help.",  # no side
    ],
)
def test_no_alignment(parse: Callable[[str], Doc], text: str) -> None:
    doc = parse(text)
    ctx = DocContext(doc, None, None)
    assert [a for t in doc for a in alignments(t, ctx)] == []
