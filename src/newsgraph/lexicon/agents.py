"""Agent nouns → sector: the hand-written ``sectors.tsv`` first, then the compiled ``agents.tsv``.

``agents.tsv`` is compiled from the PETRARCH2 Phoenix agents dictionary by
``scripts/compile_lexicons.py`` (never edited by hand): some 4,600 nouns and phrases ("riot
police", "peasants", "ministry of defense") with the newsgraph sector of their Phoenix code. The
hand table wins where both know a phrase (the compiler leaves such phrases out), so
:func:`agent_sector` asks it first, as :func:`~newsgraph.lexicon.events.sector_of` does.

Matching is by words, lower case, hyphens read as spaces ("anti-riot police" = "anti riot
police"); the longest tail of the phrase that either table knows wins ("ethnic Uzbek farmers" →
"farmers"). A plural the hand table lacks is found through its singular ("protesters" →
"protester").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from newsgraph.core.textnorm import KEY_CACHE_SIZE
from newsgraph.lexicon.events import SECTORS, hand_sector, sectors
from newsgraph.lexicon.loader import LexiconError, read_table

TABLE = "agents.tsv"


@dataclass(frozen=True, slots=True)
class AgentEntry:
    phrase: str  # the table's phrase that matched (lower case)
    sector: str
    phoenix: str | None  # the Phoenix code ("~COP"); None for a hand-table entry
    source: str  # "sectors.tsv" or "agents.tsv"


def _key(text: str) -> str:
    return " ".join(text.lower().replace("-", " ").split())


@lru_cache(maxsize=1)
def agents() -> dict[str, AgentEntry]:
    """The compiled agents keyed by phrase (lower case, hyphens as spaces)."""
    out: dict[str, AgentEntry] = {}
    for lineno, row in enumerate(read_table(TABLE), 1):
        phrase, sector, code = row["phrase"], row["sector"], row["phoenix"]
        if not phrase or phrase != " ".join(phrase.lower().split()):
            raise LexiconError(f"{TABLE}: row {lineno}: phrase {phrase!r} is not lower case with single spaces")
        if sector not in SECTORS:
            raise LexiconError(f"{TABLE}: row {lineno} ({phrase}): unknown sector {sector!r}")
        if not code:
            raise LexiconError(f"{TABLE}: row {lineno} ({phrase}): no phoenix code")
        out.setdefault(_key(phrase), AgentEntry(phrase, sector, code, TABLE))
    return out


def _singulars(word: str) -> list[str]:
    """Possible singulars of a plural noun ("protesters", "militias", "gunmen", "parties")."""
    out = []
    if word.endswith("men"):
        out.append(word[:-3] + "man")
    if word.endswith("ies"):
        out.append(word[:-3] + "y")
    if word.endswith("es"):
        out.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss"):
        out.append(word[:-1])
    return out


def _hand(words: list[str]) -> AgentEntry | None:
    key = " ".join(words)
    forms = [key] + [" ".join([*words[:-1], s]) for s in _singulars(words[-1])]
    for form in forms:
        hit = hand_sector(form)
        if hit is not None:
            return AgentEntry(form, hit.sector, None, "sectors.tsv" if form in sectors() else "titles.tsv")
    return None


@lru_cache(maxsize=KEY_CACHE_SIZE)  # pure, and asked for the same phrases many times per document
def agent_sector(phrase: str) -> AgentEntry | None:
    """Sector of an actor noun or phrase (``"Bolivian riot police"`` → POL); None when no table knows it."""
    words = _key(phrase).split()
    compiled = agents()
    for i in range(len(words)):
        tail = words[i:]
        hit = _hand(tail) or compiled.get(" ".join(tail))
        if hit is not None:
            return hit
    return None
