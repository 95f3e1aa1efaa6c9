"""Tone: VADER scores averaged over sentences."""

from __future__ import annotations

import pytest

from newsgraph.extract.values.tone import document_tone, split_sentences


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("The festival was a wonderful success and everyone loved it.", 1),
        ("The attack killed dozens and left the city in terrible grief.", -1),
        ("The meeting is on Tuesday.", 0),
    ],
)
def test_polarity_sign(text: str, sign: int) -> None:
    tone = document_tone(text)
    assert (tone.polarity > 0) - (tone.polarity < 0) == sign
    assert 0.0 <= tone.positive <= 1.0 and 0.0 <= tone.negative <= 1.0


@pytest.mark.parametrize(
    "text",
    ["Great news. Awful news. Great news again, truly excellent. Terrible, horrible losses."],
)
def test_mean_over_sentences_does_not_saturate(text: str) -> None:
    tone = document_tone(text)
    assert -0.9 < tone.polarity < 0.9
    assert tone.positive > 0 and tone.negative > 0


@pytest.mark.parametrize("text", ["", "   \n\n", "\u00a0\u200b", "12 34 ...", '" "'])
def test_empty_or_wordless_text(text: str) -> None:
    tone = document_tone(text)
    assert (tone.positive, tone.negative, tone.polarity) == (0.0, 0.0, 0.0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "Go." Then he left.', ['He said "Go.', "Then he left."]),
        ("U.S. officials agree. Line one\nLine two", ["U.S. officials agree.", "Line one", "Line two"]),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_compound_score_of_one_text() -> None:
    from newsgraph.extract.values.tone import compound_score

    assert compound_score("She was a brave, kind and wonderful leader.") > 0.5
    assert compound_score("The attack was a horrible, senseless crime.") < -0.5
    assert compound_score("   ") == 0.0
