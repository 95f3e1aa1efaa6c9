"""FastVader gives VADER's own scores, exactly, sentence by sentence."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from newsgraph.extract.values.tone import split_sentences
from newsgraph.extract.values.vader import FastVader

GOLD = Path(__file__).resolve().parents[2] / "gold"

# VADER's rules, each at least once: boosters and dampeners, capitals, "kind of", "no" before a word,
# "never so", "without doubt", "least", idioms, "but", exclamation and question marks, emojis
CASES = [
    "VADER is smart, handsome, and funny!",
    "VADER is VERY SMART, handsome, and FUNNY!!!",
    "Not bad at all",
    "It was not good, but it was not bad either.",
    "The food here is kind of good",
    "kind of",
    "no",
    "No good",
    "no no good",
    "no or nor bad",
    "never so good",
    "she never did this great",
    "without doubt great",
    "I was without doubt happy",
    "at least good",
    "very least good",
    "least good",
    "the shit",
    "the bomb was bad ass",
    "yeah right, great",
    "cut the mustard",
    "sort of bad",
    "hardly good at all",
    "He is not the best but he is not the worst",
    "but but good bad",
    "It isn't great!!!!! ??",
    "Is it good??",
    "bad?????",
    "Catch utf-8 emoji such as 💘 and 💋 and 😁",
    "I ❤️ this 🙂",
    "Make sure you :) or :D today!",
    "",
    "   ",
    ":(",
    "GREAT",
    "great GREAT",
]


def _sentences() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(GOLD.glob("*.txt"))[:80]]
    sentences = [s for t in texts for s in split_sentences(t)]
    words = [w for s in sentences for w in s.split()] + [w for c in CASES for w in c.split()]
    rng = random.Random(15)  # shuffled words meet rules in orders no article has
    shuffled = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 25))) for _ in range(1500)]
    return CASES + sentences + shuffled


@pytest.fixture(scope="module")
def analyzers() -> tuple[SentimentIntensityAnalyzer, FastVader]:
    return SentimentIntensityAnalyzer(), FastVader()


def test_scores_equal_vaders(analyzers: tuple[SentimentIntensityAnalyzer, FastVader]) -> None:
    vader, fast = analyzers
    sentences = _sentences()
    assert len(sentences) > 2000
    differ = [s for s in sentences if fast.polarity_scores(s) != vader.polarity_scores(s)]
    assert differ == []


def test_rules_change_scores(analyzers: tuple[SentimentIntensityAnalyzer, FastVader]) -> None:
    """The cases reach the rules: a negation, a booster and capitals each move the score."""
    _, fast = analyzers
    plain = fast.polarity_scores("The plan is good.")["compound"]
    assert fast.polarity_scores("The plan is not good.")["compound"] < 0 < plain
    assert fast.polarity_scores("The plan is very good.")["compound"] > plain
    assert fast.polarity_scores("The plan is GOOD.")["compound"] > plain


def test_a_word_list_of_another_sentence_is_lowered_again(
    analyzers: tuple[SentimentIntensityAnalyzer, FastVader],
) -> None:
    """The negation check reads the lower-case words of the list it is given, not the last sentence's."""
    vader, fast = analyzers
    fast.polarity_scores("Nothing here is good")
    words = ["NOT", "really", "good"]
    for start_i in range(3):
        assert fast._negation_check(2.0, words, start_i, 2) == vader._negation_check(2.0, words, start_i, 2)
