"""Speech cues and role nouns used to attribute quotations.

``data/speech_verbs.tsv`` lists the words that introduce reported speech ("said",
"warned", "made a statement", "according to"), each with a kind that tells the
quote extractor where the speaker is. ``data/role_nouns.tsv`` lists the nouns that
name a speaker by office ("the Nato chief", "a spokesperson for ..."), grouped so
that "chief", "head" and "secretary general" count as the same office.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from newsgraph.lexicon.loader import LexiconError, read_table

CueKind = Literal["verb", "weak", "noun", "prep"]
_KINDS: frozenset[str] = frozenset({"verb", "weak", "noun", "prep"})


@dataclass(frozen=True, slots=True)
class Cue:
    """One speech cue: its lemma, its kind and the particle it needs, if any."""

    lemma: str
    kind: CueKind
    particle: str = ""


@lru_cache(maxsize=1)
def _cues() -> tuple[dict[str, Cue], dict[str, Cue]]:
    verbs: dict[str, Cue] = {}
    nouns: dict[str, Cue] = {}
    for row in read_table("speech_verbs.tsv"):
        kind = row["kind"]
        if kind not in _KINDS:
            raise LexiconError(f"speech_verbs.tsv: unknown kind {kind!r} for cue {row['cue']!r}")
        cue = Cue(lemma=row["cue"].lower(), kind=kind, particle=row.get("particle", "").lower())  # type: ignore[arg-type]
        (nouns if kind == "noun" else verbs)[cue.lemma] = cue
    return verbs, nouns


def verb_cue(lemma: str) -> Cue | None:
    """The verb or preposition cue for a lemma (``"say"`` → kind ``verb``), else None."""
    return _cues()[0].get(lemma.lower())


def noun_cue(lemma: str) -> Cue | None:
    """The speech-noun cue for a lemma (``"statement"``), else None."""
    return _cues()[1].get(lemma.lower())


@lru_cache(maxsize=1)
def speech_verbs() -> frozenset[str]:
    """Lemmas of the verbs whose subject is the speaker of what they report ("said", "warned", "tweeted"):
    the quote extractor's ``verb`` cues, also used by the event coder and the stance finder to tell who
    made a statement."""
    return frozenset(lemma for lemma, cue in _cues()[0].items() if cue.kind == "verb")


def all_cues() -> list[Cue]:
    """Every cue in the table (verbs, weak verbs, prepositions, then nouns)."""
    verbs, nouns = _cues()
    return [*verbs.values(), *nouns.values()]


def normalize_role(text: str) -> str:
    """Lower-case a role phrase and turn hyphens into spaces (``Secretary-General`` → ``secretary general``)."""
    return " ".join(text.lower().replace("-", " ").replace("\u2011", " ").split())


@lru_cache(maxsize=1)
def _roles() -> dict[str, str]:
    return {normalize_role(row["noun"]): row["group"].lower() for row in read_table("role_nouns.tsv")}


def role_group(noun: str) -> str | None:
    """The office group of a role noun or phrase (``"Nato chief"`` → ``"leader"``), else None.

    The whole phrase is tried first, then its last two words, then its last word,
    so "secretary-general" is found before "general" and "foreign minister" before "minister".
    """
    words = normalize_role(noun).split()
    table = _roles()
    for size in (len(words), 2, 1):
        if 0 < size <= len(words):
            group = table.get(" ".join(words[-size:]))
            if group:
                return group
    return None


def role_groups_in(text: str) -> set[str]:
    """The office groups named in a role description, longest phrases first and without overlap.

    "Secretary General of NATO" names {"leader"} (not also "secretary" and "general").
    """
    words = normalize_role(text).split()
    table = _roles()
    found: set[str] = set()
    i = 0
    while i < len(words):
        for size in (3, 2, 1):
            group = table.get(" ".join(words[i : i + size])) if i + size <= len(words) else None
            if group:
                found.add(group)
                i += size
                break
        else:
            i += 1
    return found
