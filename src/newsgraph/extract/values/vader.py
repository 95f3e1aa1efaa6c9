"""VADER's ``SentimentIntensityAnalyzer`` with the same scores for less work.

``vaderSentiment`` spends most of a sentence's time on work that cannot change its scores: it
copies the text character by character to replace emojis (most sentences have none), lowers and
looks up every word of the sentence again for each of up to three words before every lexicon word
(twice: the negation and the idiom checks), and calls its per-word rule for words the lexicon does
not know, which only append a zero. :class:`FastVader` skips exactly that: the emoji copy when the
text holds no emoji, the rule for unknown words (a zero, as the rule gives them), and it lowers a
sentence's words once for the two checks. Everything else is VADER's own code, called as it is;
``tests/extract/values/test_vader.py`` holds the scores equal to VADER's over a corpus of sentences.
"""

from __future__ import annotations

from typing import Any

from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    N_SCALAR,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
    SentiText,
    negated,
)


class FastVader(SentimentIntensityAnalyzer):
    """:meth:`polarity_scores` as VADER's, faster (see the module)."""

    def __init__(self) -> None:
        super().__init__()
        self._emoji_chars = frozenset(self.emojis)
        # (words, their lower-case forms) of the sentence being scored, set as one tuple so that a
        # reader in another thread sees a matching pair or recomputes
        self._lowered: tuple[list[str], list[str]] = ([], [])

    def polarity_scores(self, text: str) -> dict[str, float]:
        if not self._emoji_chars.isdisjoint(text):
            return super().polarity_scores(text)
        # VADER copies ``text`` one character at a time, each emoji replaced by its description:
        # with none in it, the copy is the text
        text = text.strip()
        sentitext = SentiText(text)
        sentiments: list[float] = []
        words = sentitext.words_and_emoticons
        lower = [str(w).lower() for w in words]
        self._lowered = (words, lower)
        lexicon = self.lexicon
        last = len(words) - 1
        for i, item in enumerate(words):
            item_lower = item.lower()
            if item_lower in BOOSTER_DICT:
                sentiments.append(0)
                continue
            if i < last and item_lower == "kind" and words[i + 1].lower() == "of":
                sentiments.append(0)
                continue
            if item_lower not in lexicon:  # VADER's rule gives a word outside its lexicon 0
                sentiments.append(0)
                continue
            sentiments = self.sentiment_valence(0, sentitext, item, i, sentiments)
        sentiments = self._but_check(words, sentiments)
        return self.score_valence(sentiments, text)

    def _lower_words(self, words: list[str]) -> list[str]:
        seen, lower = self._lowered
        return lower if seen is words else [str(w).lower() for w in words]

    def _negation_check(self, valence: float, words_and_emoticons: list[str], start_i: int, i: int) -> float:
        """VADER's ``_negation_check``, reading the sentence's words lowered once."""
        low = self._lower_words(words_and_emoticons)
        before = low[i - (start_i + 1)]
        if start_i == 0 and negated([before]):
            valence = valence * N_SCALAR
        if start_i == 1:
            if low[i - 2] == "never" and low[i - 1] in ("so", "this"):
                valence = valence * 1.25
            elif low[i - 2] == "without" and low[i - 1] == "doubt":
                pass  # VADER keeps the valence
            elif negated([before]):
                valence = valence * N_SCALAR
        if start_i == 2:
            if (low[i - 3] == "never" and low[i - 2] in ("so", "this")) or low[i - 1] in ("so", "this"):
                valence = valence * 1.25
            elif low[i - 3] == "without" and "doubt" in (low[i - 2], low[i - 1]):
                pass  # VADER keeps the valence
            elif negated([before]):
                valence = valence * N_SCALAR
        return valence

    def _special_idioms_check(self, valence: float, words_and_emoticons: list[str], i: int) -> Any:
        """VADER's ``_special_idioms_check``, reading the sentence's words lowered once."""
        low = self._lower_words(words_and_emoticons)
        onezero = f"{low[i - 1]} {low[i]}"
        twoonezero = f"{low[i - 2]} {low[i - 1]} {low[i]}"
        twoone = f"{low[i - 2]} {low[i - 1]}"
        threetwoone = f"{low[i - 3]} {low[i - 2]} {low[i - 1]}"
        threetwo = f"{low[i - 3]} {low[i - 2]}"
        for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
            if seq in SPECIAL_CASES:
                valence = SPECIAL_CASES[seq]
                break
        if len(low) - 1 > i:
            zeroone = f"{low[i]} {low[i + 1]}"
            if zeroone in SPECIAL_CASES:
                valence = SPECIAL_CASES[zeroone]
        if len(low) - 1 > i + 1:
            zeroonetwo = f"{low[i]} {low[i + 1]} {low[i + 2]}"
            if zeroonetwo in SPECIAL_CASES:
                valence = SPECIAL_CASES[zeroonetwo]
        for n_gram in (threetwoone, threetwo, twoone):
            if n_gram in BOOSTER_DICT:
                valence = valence + BOOSTER_DICT[n_gram]
        return valence
