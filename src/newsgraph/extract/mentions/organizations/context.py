"""An organization's country from the words around its name, when the name itself does not say.

Rules over the tokens of a :class:`~newsgraph.extract.mentions.index.MentionIndex`, nearest first:

- a possessive before the name: "Ukraine's Naftogaz", "the United Kingdom's (UK) Conservative Party";
- a descriptor before it: "the Moscow-based think tank X", "South Korean chain HomePlus",
  "the Turkish Z";
- a description after it, in apposition or after a copula: "UOKiK, the Polish anti-monopoly
  agency", "PKK is a banned militant organization in Turkey", "X, headquartered in Lyon";
- "in PLACE" right after it: "X in Berlin", "its Netto chain in Poland".

A demonym joined to a participle of support or control ("an Iranian-backed militia",
"Russian-owned") names a patron, not the organization's own country, and is skipped.
"""

from __future__ import annotations

from newsgraph.extract.mentions.index import APOSTROPHES, DETERMINERS, HYPHENS, MentionIndex
from newsgraph.lexicon.gazetteer import lookup_place
from newsgraph.lexicon.known_orgs import is_org_word

# Grammatical constants: the verbs that link a name to its description, and the prepositions
# that place an organization.
_COPULAS = frozenset({"be", "become", "remain"})
_PLACING = frozenset({"in", "of", "from"})
_SITED = frozenset({"based", "headquartered", "located"})
_QUOTES = frozenset({'"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "\u00ab", "\u00bb"})
_DESCRIPTOR_WINDOW = 6  # words of a descriptor read before or after a name
# A city read from the words around a name gives its country only if this populous (as
# organizations._CITY_PREFIX_MIN_POPULATION: smaller namesakes of common words mislead).
_CITY_MIN_POPULATION = 100_000


def place_country(ix: MentionIndex, k: int) -> str | None:
    """ISO3 of the country, or the city or region of a known country, that token ``k`` starts."""
    span = ix.country_at.get(k)
    if span is not None:
        return span.iso3
    ent = ix.ent_at(k)
    if ent is not None:
        if ent.start != k or ent.label not in ("GPE", "LOC", "FAC", "ORG"):
            return None
        text = ent.text
    else:  # "headquartered in Lyon" with "Lyon" untagged
        end = k
        while end < len(ix.toks) and ix.toks[end].pos_ == "PROPN" and ix.ent_of[end] < 0:
            end += 1
        if end == k:
            return None
        text = ix.text(k, end)
    place = lookup_place(text, alternates=False)
    if place is None or (place.kind == "city" and place.population < _CITY_MIN_POPULATION):
        return None
    return place.country


def _own_country(ix: MentionIndex, i: int) -> str | None:
    """The country a demonym or country name at token ``i`` gives, unless it names a patron."""
    span = ix.country_at.get(i)
    return None if span is None or ix.patron(span) else span.iso3


def _descriptor_word(ix: MentionIndex, i: int) -> bool:
    tok = ix.toks[i]
    if i in ix.country_at or tok.text in HYPHENS or tok.lower_ in _SITED:
        return True
    if not tok.is_lower or tok.lower_ in DETERMINERS:
        return False
    return tok.pos_ in ("ADJ", "NOUN", "PROPN") or tok.tag_ in ("VBN", "VBG")  # "banned", not "said"


def country_before(ix: MentionIndex, start: int) -> str | None:
    """A possessive country or a descriptor before the name (module docstring)."""
    toks = ix.toks
    p = ix.prev(start)
    while p >= 0 and toks[p].text in _QUOTES:
        p = ix.prev(p)
    if p >= 0 and toks[p].text == ")":  # "the United Kingdom's (UK) Conservative Party"
        q = p
        while q >= 0 and toks[q].text != "(" and p - q < 6:
            q = ix.prev(q)
        p = ix.prev(q) if q >= 0 and toks[q].text == "(" else p
    if p > 0 and toks[p].text in APOSTROPHES and p - 1 in ix.country_at:  # "Ukraine's Naftogaz"
        return ix.country_at[p - 1].iso3
    steps = 0
    while p >= 0 and steps < _DESCRIPTOR_WINDOW and _descriptor_word(ix, p):
        if toks[p].lower_ in _SITED and p >= 2 and toks[p - 1].text in HYPHENS:  # "the Moscow-based"
            q = ix.country_at[p - 2].start if p - 2 in ix.country_at else p - 2
            ent = ix.ent_at(p - 2)
            return place_country(ix, ent.start if ent is not None else q)
        if p in ix.country_at:
            return _own_country(ix, ix.country_at[p].start)
        p, steps = ix.prev(p), steps + 1
    return None


def describes_organization(ix: MentionIndex, k: int) -> bool:
    """Whether the words from token ``k`` describe an organization ("the Polish anti-monopoly agency")."""
    return _description(ix, k)[0]


def _describes(ix: MentionIndex, k: int) -> str | None:
    """The country a description starting at token ``k`` gives ("the Polish anti-monopoly agency",
    "a banned militant organization in Turkey", "headquartered in Lyon"), if it describes an
    organization (it holds an organization word or says where it is based)."""
    organization, country = _description(ix, k)
    return country if organization else None


def _description(ix: MentionIndex, k: int) -> tuple[bool, str | None]:
    toks = ix.toks
    while k >= 0 and toks[k].lower_ in DETERMINERS:
        k = ix.next(k)
    country: str | None = None
    organization = False
    steps = 0
    while k >= 0 and steps < _DESCRIPTOR_WINDOW:
        tok = toks[k]
        if tok.lower_ in _SITED:
            organization = True
        elif tok.lower_ in _PLACING and (organization or country is None):
            j = ix.next(k)
            while j >= 0 and toks[j].lower_ in DETERMINERS:
                j = ix.next(j)
            found = place_country(ix, j) if j >= 0 else None
            return organization, country or found
        elif not _descriptor_word(ix, k):
            break
        if k in ix.country_at and country is None:
            country = _own_country(ix, ix.country_at[k].start)
            k = ix.country_at[k].end - 1
        if tok.is_lower and is_org_word(tok.text):
            organization = True
        k, steps = ix.next(k), steps + 1
    return organization, country


def country_after(ix: MentionIndex, end: int) -> str | None:
    """A description after the name, in apposition or after a copula, or "in PLACE" right after it."""
    toks = ix.toks
    j = ix.next(end - 1)
    if j < 0:
        return None
    if toks[j].text == "(":  # "Notes from Poland (NFP), ..."
        close = j
        while close >= 0 and toks[close].text != ")" and close - j < 6:
            close = ix.next(close)
        if close < 0:
            return None
        j = ix.next(close)
        if j < 0:
            return None
    if toks[j].text == ",":
        k = ix.next(j)
        if k >= 0 and toks[k].lower_ in ("which", "who", "that"):
            k = ix.next(k)
            return _describes(ix, ix.next(k)) if k >= 0 and toks[k].lemma_ in _COPULAS else None
        return _describes(ix, k) if k >= 0 else None
    if toks[j].lemma_ in _COPULAS and toks[j].pos_ in ("AUX", "VERB"):
        k = ix.next(j)
        return _describes(ix, k) if k >= 0 and toks[k].lower_ in DETERMINERS else None
    if toks[j].is_lower and is_org_word(toks[j].text):  # "its Netto chain in Poland"
        j = ix.next(j)
    if j >= 0 and toks[j].lower_ == "in":
        k = ix.next(j)
        return place_country(ix, k) if k >= 0 else None
    return None


def context_country(ix: MentionIndex, start: int, end: int) -> str | None:
    """The country the words around tokens ``[start, end)`` give an organization, nearest first."""
    return country_before(ix, start) or country_after(ix, end) or coordinated_country(ix, start, end)


# Nouns of a state's own forces and rulers, whose country a side coordinated with them shares in a conflict told
# as two sides ("Sudan's army and the Rapid Support Forces", "Myanmar's military government and the TNLA").
_STATE_SIDES = frozenset({"army", "military", "government", "junta", "forces", "regime", "authorities"})


def coordinated_country(ix: MentionIndex, start: int, end: int) -> str | None:
    """ "Sudan's army and the Rapid Support Forces agreed", "Myanmar's military government and the Ta'ang
    National Liberation Army accused each other": a body joined by "and" to a state's forces or government that a
    country's possessive or adjective names is a side of that country's conflict, of that country."""
    head = ix.doc[end - 1]
    while head.dep_ in ("compound", "flat") and head.head.i >= end and head.head.i != head.i:
        head = head.head
    if head.dep_ != "conj" or head.head.i >= start:
        return None
    other = head.head
    if other.lemma_.lower() not in _STATE_SIDES:
        return None
    for child in other.children:
        if (
            child.dep_ in ("poss", "amod", "compound")
            and child.i in ix.country_at
            and not ix.patron(ix.country_at[child.i])
        ):
            return ix.country_at[child.i].iso3
    return None
