"""Nouns that show a name beside them to be a thing's (``data/thing_nouns.tsv``): "the Comet 9 rocket",
"the film Silver Harbour", "the Lin Kau area"."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from newsgraph.lexicon.loader import LexiconError, read_table

ThingKind = Literal["vehicle", "product", "work", "project", "idea", "place"]
Side = Literal["after", "before", "both"]
_KINDS = ("vehicle", "product", "work", "project", "idea", "place")
_SIDES = ("after", "before", "both")


@dataclass(frozen=True, slots=True)
class ThingNoun:
    noun: str
    kind: ThingKind
    side: Side


@lru_cache(maxsize=1)
def _thing_nouns() -> dict[str, ThingNoun]:
    out: dict[str, ThingNoun] = {}
    for row in read_table("thing_nouns.tsv"):
        noun, kind, side = row["noun"].lower(), row["kind"], row["side"] or "both"
        if kind not in _KINDS:
            raise LexiconError(f"thing_nouns.tsv: unknown kind {kind!r} for {noun!r}")
        if side not in _SIDES:
            raise LexiconError(f"thing_nouns.tsv: unknown side {side!r} for {noun!r}")
        out[noun] = ThingNoun(noun, kind, side)  # type: ignore[arg-type]
    return out


def thing_noun(word: str, side: Literal["after", "before"]) -> ThingNoun | None:
    """The thing noun ``word`` is, when it names a thing standing on ``side`` of a name ("after": "the X
    rocket"; "before": "the film X"), else None. Only lower-case words count."""
    if not word.islower():
        return None
    found = _thing_nouns().get(word)
    if found is None or found.side not in (side, "both"):
        return None
    return found
