"""Dismay at another side's act told in the passive (newsgraph.extract.events.dismay)."""

from __future__ import annotations

import pytest

from newsgraph.extract.events.coder import extract_events


def _facts(parse, text: str) -> set[tuple[str, str | None, str | None]]:
    return {
        (e.type, e.actor_country, e.target_country)
        for e in extract_events(parse(text), "d1")
        if not (e.negated or e.hypothetical)
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the act named without its owner: who did it
        (
            "Peru sentenced five Chileans to prison. Chile said it was appalled by the sentences.",
            ("ACCUSE", "CHL", "PER"),
        ),
        (
            "Peru detained a Chilean reporter. Chile said it was deeply troubled by the detention.",
            ("ACCUSE", "CHL", "PER"),
        ),
        # the word quoted (the parser then reads "by" as a plain preposition)
        (
            'Peru detained a Chilean reporter. Chile said it was "deeply troubled" by the detention.',
            ("ACCUSE", "CHL", "PER"),
        ),
        # quotation marks that make the parser hang "by" on the copula, with a request conjoined after it
        (
            "Senegalese police arrested the opposition leader. The U.S. State Department said on Thursday it was "
            '"deeply concerned" by the arrest and urged Senegalese authorities to respect the right to assembly.',
            ("ACCUSE", "USA", "SEN"),
        ),
        # "X and Y said they were ...": each of the speakers
        (
            'Peru sentenced five Chileans to prison. Chile and Bolivia said they were "appalled" by the sentences.',
            ("ACCUSE", "BOL", "PER"),
        ),
        # the act's owner named
        ("Chile's foreign ministry said it was deeply disappointed by Peru's decision.", ("ACCUSE", "CHL", "PER")),
    ],
)
def test_dismay_disapproves_of_the_act(parse, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _facts(parse, text)


@pytest.mark.parametrize(
    "text",
    [
        "Residents of Lima were shocked by the deaths.",  # grief, no disapproval of a side
        "Chile was alarmed.",  # nothing it is alarmed by
    ],
)
def test_no_dismay_event(parse, text: str) -> None:
    assert not any(t == "ACCUSE" for t, _, _ in _facts(parse, text))
