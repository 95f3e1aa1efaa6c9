"""Speech cues: the words that introduce reported speech (``data/speech_verbs.tsv``).

"said", "warned", "made a statement", "according to": each with a kind that tells the quote
extractor where the speaker is. The reporting verbs (:func:`speech_verbs`) also tell the event coder
and the stance finder who made a statement. Nouns that name a speaker by office ("the Nato chief")
are titles: :func:`newsgraph.lexicon.titles.role_group`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from newsgraph.lexicon.loader import LexiconError, read_table

CueKind = Literal["verb", "weak", "noun", "prep"]
_KINDS: frozenset[str] = frozenset({"verb", "weak", "noun", "prep", "document"})


@dataclass(frozen=True, slots=True)
class Cue:
    """One speech cue: its lemma, its kind and the particle it needs, if any."""

    lemma: str
    kind: CueKind
    particle: str = ""


@lru_cache(maxsize=1)
def _cues() -> tuple[dict[str, Cue], dict[str, Cue], frozenset[str]]:
    verbs: dict[str, Cue] = {}
    nouns: dict[str, Cue] = {}
    documents: set[str] = set()
    for row in read_table("speech_verbs.tsv"):
        kind = row["kind"]
        if kind not in _KINDS:
            raise LexiconError(f"speech_verbs.tsv: unknown kind {kind!r} for cue {row['cue']!r}")
        if kind == "document":
            documents.add(row["cue"].lower())
            continue
        cue = Cue(lemma=row["cue"].lower(), kind=kind, particle=row.get("particle", "").lower())  # type: ignore[arg-type]
        (nouns if kind == "noun" else verbs)[cue.lemma] = cue
    return verbs, nouns, frozenset(documents)


def verb_cue(lemma: str) -> Cue | None:
    """The verb or preposition cue for a lemma (``"say"`` → kind ``verb``), else None."""
    return _cues()[0].get(lemma.lower())


def noun_cue(lemma: str) -> Cue | None:
    """The speech-noun cue for a lemma (``"statement"``), else None."""
    return _cues()[1].get(lemma.lower())


def document_noun(lemma: str) -> bool:
    """Whether a noun names a text that carries someone's words ("memo", "summary", "proclamation"): it is
    never the speaker of a quotation, its author is. Not a speech cue (``noun_cue`` leaves it out)."""
    return lemma.lower() in _cues()[2]


@lru_cache(maxsize=1)
def speech_verbs() -> frozenset[str]:
    """Lemmas of the verbs whose subject is the speaker of what they report ("said", "warned", "tweeted"):
    the quote extractor's ``verb`` cues, also used by the event coder and the stance finder to tell who
    made a statement."""
    return frozenset(lemma for lemma, cue in _cues()[0].items() if cue.kind == "verb")


def all_cues() -> list[Cue]:
    """Every cue in the table (verbs, weak verbs, prepositions, then nouns)."""
    verbs, nouns, _ = _cues()
    return [*verbs.values(), *nouns.values()]
