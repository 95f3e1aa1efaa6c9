"""Document tone with VADER (``vaderSentiment``, a maintained, published sentiment lexicon).

(:class:`~newsgraph.extract.values.vader.FastVader` gives VADER's scores exactly, with less work.)

VADER's compound score saturates on long texts: over a whole 500-word article it is
almost always near -1 or +1 (the seed's cyber-attack teaser scores +0.91 as one text).
newsgraph therefore scores each sentence and reports the **means over sentences**:
``positive`` and ``negative`` are the mean share of positive and negative words (0..1),
``polarity`` the mean compound score (-1..1). Sentences are cut with a light regular
expression (sentence-final punctuation or a line break) so tone needs no parse and can
be computed for any text; an empty text has tone 0, 0, 0.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from newsgraph.core.model import Tone

if TYPE_CHECKING:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

# A sentence ends at . ! ? (optionally followed by closing quotes or brackets) before
# whitespace and a word that does not start lower-case ("U.S. officials" stays whole),
# or at a line break.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[^\W_a-z])|\n+")
_MAX_SENTENCE = 2000  # characters; VADER is quadratic-ish in very long "sentences" (tables, lists)


@lru_cache(maxsize=1)
def _analyzer() -> SentimentIntensityAnalyzer:
    from newsgraph.extract.values.vader import FastVader

    return FastVader()


def compound_score(text: str) -> float:
    """VADER's compound score (-1..1) of one short text, a sentence or a quotation."""
    return float(_analyzer().polarity_scores(text[:_MAX_SENTENCE])["compound"]) if text.strip() else 0.0


def split_sentences(text: str) -> list[str]:
    """Rough sentences of ``text`` (no parse): cut after . ! ? and at line breaks."""
    return [s.strip()[:_MAX_SENTENCE] for s in _SENTENCE_END.split(text) if s and any(c.isalpha() for c in s)]


def document_tone(text: str) -> Tone:
    """Mean VADER positive, negative and compound scores over the sentences of ``text``."""
    sentences = split_sentences(text or "")
    if not sentences:
        return Tone(positive=0.0, negative=0.0, polarity=0.0)
    analyzer = _analyzer()
    pos = neg = comp = 0.0
    for sentence in sentences:
        scores = analyzer.polarity_scores(sentence)
        pos += scores["pos"]
        neg += scores["neg"]
        comp += scores["compound"]
    n = len(sentences)
    return Tone(positive=round(pos / n, 4), negative=round(neg / n, 4), polarity=round(comp / n, 4))
