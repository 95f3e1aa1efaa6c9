"""Reprisals promised in a state's own quoted words (newsgraph.extract.events.reprisals): sentences of our own."""

from __future__ import annotations

import pytest

from newsgraph.extract.events.coder import extract_events


def _threats(parse, text: str) -> list[tuple[str | None, str | None]]:
    return [
        (e.actor_country, e.target_country)
        for e in extract_events(parse(text), "d1")
        if e.type == "THREATEN" and not (e.negated or e.hypothetical)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a price to pay, told of the side its condition names
        (
            'Japan detained a Chinese captain. "If Japan chooses to escalate, it will pay a price," '
            "Chinese foreign ministry spokeswoman Wang Liping told reporters.",
            ("CHN", "JPN"),
        ),
        # a reprisal verb with no side named: the story's other side
        (
            'Britain expelled a Russian diplomat on Monday. "We will respond to hostile activity," Britain\'s foreign '
            "secretary said.",
            ("GBR", "RUS"),
        ),
        # acts that will not go unpunished
        (
            "Malagasy soldiers seized a barracks in Antananarivo. Madagascar's defence minister said the "
            'soldiers\' actions "will not go unpunished."',
            ("MDG", "MDG"),
        ),
        # consequences there will be; whoever crosses will be treated as hostile or stopped
        (
            'Philippine soldiers seized a hotel in Makati. "There will be consequences, whatever their reasons," '
            "the Philippine defence secretary said.",
            ("PHL", "PHL"),
        ),
        (
            '"Any aircraft that crosses our border will be treated as hostile," Kuwait\'s army spokesman said.',
            ("KWT", "KWT"),
        ),
        (
            '"Any ship that endangers our fishermen will be stopped," the Iranian navy commander said.',
            ("IRN", "IRN"),
        ),
    ],
)
def test_a_reprisal_promised_in_a_states_quoted_words_is_a_threat(parse, text: str, expected: tuple) -> None:
    assert expected in _threats(parse, text)


@pytest.mark.parametrize(
    "text",
    [
        # a wish for reciprocity, no warning
        '"This is a gesture of goodwill that we hope will be answered in kind," Palestinian official Omar Said said.',
        # a reprisal of the past, told as done
        'Chile expelled a Peruvian diplomat. "We responded to hostile activity," Chile\'s foreign minister said.',
        # a voice that speaks for no state
        'Kenya arrested the activist. "The government will pay a price at the polls," said the activist\'s mother.',
        # treated as guests is no hostility
        '"Any delegation that comes will be treated as honoured guests," Kuwait\'s army spokesman said.',
    ],
)
def test_no_threat(parse, text: str) -> None:
    assert _threats(parse, text) == []
