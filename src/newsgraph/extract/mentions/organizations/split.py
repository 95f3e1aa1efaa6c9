"""Candidate names that are not one organization as tagged: several bodies the model tagged as one name
("the Green Party, Reform Party", "The Ledger and The Daily Post"), pairs of surnames joined by a slash
(a ticket of two candidates: "Okafor/Lindqvist"), and a name cut before its second place ("the Port
Authority of Ruritania" + "and Borduria")."""

from __future__ import annotations

from newsgraph.extract.mentions.index import DETERMINERS, NAME_PARTICLES, MentionIndex
from newsgraph.lexicon.gazetteer import lookup_place
from newsgraph.lexicon.known_orgs import is_org_word, lookup_org

_LIST_JOINTS = frozenset({",", "and", "&"})


def _complete(ix: MentionIndex, start: int, end: int) -> bool:
    """A piece that is a whole name by itself: a known body, a capitalised name ending in an organization
    word ("Reform Party"), or a title with a capitalised "The" ("The Daily Post")."""
    if start >= end:
        return False
    last = ix.toks[end - 1].text
    return (
        lookup_org(ix.text(start, end), generic=None) is not None
        or (last[:1].isupper() and is_org_word(last))
        or (ix.toks[start].text == "The" and end - start >= 2)
    )


def _trim(ix: MentionIndex, start: int, end: int) -> tuple[int, int]:
    """Without leading spaces and lower-case determiners ("and the Liberty Party"); "The" stays."""
    while start < end and (
        ix.toks[start].is_space or (ix.toks[start].lower_ in DETERMINERS and ix.toks[start].text != "The")
    ):
        start += 1
    return start, end


def list_pieces(ix: MentionIndex, start: int, end: int) -> list[tuple[int, int]]:
    """ "Green Party, Reform Party" → two names; a name whose parts are not whole names by themselves
    ("Peace and Freedom Party", "Department of Health and Human Services") stays one."""
    for k in range(start + 1, end - 1):
        if ix.toks[k].lower_ not in _LIST_JOINTS:
            continue
        left, right = _trim(ix, start, k), _trim(ix, k + 1, end)
        if _complete(ix, *left) and _complete(ix, *right):
            return [left, *list_pieces(ix, *right)]
    return [(start, end)]


def slash_pair(ix: MentionIndex, start: int, end: int) -> bool:
    """ "Okafor/Lindqvist", "De La Cruz/Holt": capitalised names joined by a slash with no organization
    word and no acronym (a ticket of two persons, not a body)."""
    text = ix.text(start, end)
    if "/" not in text or lookup_org(text, generic=None) is not None:
        return False
    parts = [p.strip() for p in text.split("/")]
    if len(parts) < 2 or not all(parts):
        return False
    for part in parts:
        words = part.split()
        for w in words:
            if w.isupper() or is_org_word(w) or not (w[:1].isupper() or w.lower() in NAME_PARTICLES):
                return False
    return True


def _place_at(ix: MentionIndex, start: int, end: int) -> bool:
    """Tokens ``[start, end)`` name a place: a GPE or LOC entity, a country, or a city, state or region."""
    ent = ix.ent_at(start)
    if ent is not None and ent.start == start and ent.end == end and ent.label in ("GPE", "LOC"):
        return True
    if start in ix.country_at and ix.country_at[start].end == end:
        return True
    place = lookup_place(ix.text(start, end), alternates=False)
    return place is not None and place.kind in ("city", "state", "region")


def _place_after(ix: MentionIndex, m: int) -> int | None:
    """The end of the place (a GPE or LOC entity, or a country) that starts at token ``m``, or None."""
    ent = ix.ent_at(m)
    if ent is not None and ent.start == m and ent.label in ("GPE", "LOC"):
        return ent.end
    span = ix.country_at.get(m)
    return span.end if span is not None and span.start == m else None


def second_place(ix: MentionIndex, start: int, end: int) -> int:
    """ "Port Authority of Ruritania" + "and (the) Borduria": a name that ends "of PLACE" goes on through
    "and" and a second place; the new end (``end`` when it does not)."""
    of = next((k for k in range(end - 2, start, -1) if ix.toks[k].lower_ in ("of", "for")), None)
    if of is None or not _place_at(ix, of + 1, end):
        return end
    j = ix.next(end - 1)
    if j < 0 or ix.toks[j].lower_ != "and":
        return end
    m = ix.next(j)
    if m >= 0 and ix.toks[m].lower_ == "the":
        m = ix.next(m)
    stop = _place_after(ix, m) if m >= 0 else None
    return stop if stop is not None else end


# Words that join the items of a list inside one name ("Union of Millers, Bakers and Grocers",
# "Office de Recherche et d'Analyse"); entity labels that start something else than a name's item.
_ITEM_JOINTS = frozenset({",", "and", "&", "et"})
_OTHER_NAMES = frozenset({"PERSON", "GPE", "NORP", "DATE", "TIME", "CARDINAL", "MONEY", "PERCENT"})
_CONTINUATION_MAX = 8


def list_continuation(ix: MentionIndex, start: int, end: int) -> int:
    """ "National Institute of Rivers" + "and Coastal Studies", "Union of Millers" + ", Bakers and
    Grocers", "Ruritania Educational" + ", Artistic and Sporting Organization": a name
    the model cut inside a list of its own words goes on to the list's last capitalised word; the new end
    (``end`` when it does not). It goes on after "of X" with no organization word and no other name in
    the rest, or after an adjective when the rest ends in an organization word."""
    toks = ix.toks
    j = ix.next(end - 1)
    if j < 0 or toks[j].lower_ not in _ITEM_JOINTS:
        return end
    k, last, joined = j, -1, False
    while k >= 0 and k - j <= _CONTINUATION_MAX:
        tok = toks[k]
        if tok.lower_ in _ITEM_JOINTS:
            joined = joined or tok.lower_ != ","
        elif tok.text[:1].isupper() and not tok.is_punct and ix.ent_label(k) not in _OTHER_NAMES:
            if k in ix.country_at or k in ix.titles_starting:
                return end
            last = k
        else:
            break
        k = ix.next(k)
    if last < 0 or not joined or toks[last].lower_ in _ITEM_JOINTS:
        return end
    rest = ix.text(j + 1, last + 1)
    if lookup_org(rest, generic=None) is not None or (k >= 0 and toks[k].text[:1].isupper()):
        return end
    rest_org_word = any(is_org_word(toks[i].text) for i in range(j + 1, last + 1))
    of_name = any(toks[i].lower_ in ("of", "for", "de") for i in range(start + 1, end - 1))
    if of_name and not rest_org_word and not is_org_word(toks[end - 1].text):
        return last + 1
    if toks[end - 1].tag_ == "JJ" and is_org_word(toks[last].text):
        return last + 1
    return end


_EXPANSION_MAX = 8


def _acronym(text: str) -> bool:
    return 2 <= len(text) <= 8 and text[:1].isupper() and sum(c.isupper() for c in text) >= 2 and text.isalnum()


def _names_a_thing(ix: MentionIndex, start: int, end: int) -> bool:
    """An acronym's expansion that names no body: no organization word in it, no known organization,
    two words or more ("Ballot Interference Prevention Act", "liquid natural gas")."""
    words = [ix.toks[k].text for k in range(start, end) if not ix.toks[k].is_punct]
    if len(words) < 2 or any(is_org_word(w) for w in words):
        return False
    return lookup_org(" ".join(words), generic=None) is None


def thing_acronyms(ix: MentionIndex) -> frozenset[str]:
    """Acronyms the text spells out as things, not bodies: "the Ballot Interference Prevention Act (BIPA)",
    "liquid natural gas (LNG)", "DRM (digital rights management)"; no later use of them is an organization."""
    toks = ix.toks
    out: set[str] = set()
    for i, tok in enumerate(toks):
        if tok.text != "(" or i + 1 >= len(toks):
            continue
        inner = toks[i + 1].text
        if i + 2 < len(toks) and toks[i + 2].text == ")" and _acronym(inner):  # "words (ACR)"
            start = i
            while start - 1 >= 0 and i - start < _EXPANSION_MAX and not toks[start - 1].is_punct:
                if toks[start - 1].lower_ in DETERMINERS:
                    break
                start -= 1
            if start < i and _names_a_thing(ix, start, i):
                out.add(inner)
            continue
        p = i - 1  # "ACR (words ...)"
        if p >= 0 and _acronym(toks[p].text):
            stop = i + 1
            while stop < len(toks) and stop - i <= _EXPANSION_MAX and toks[stop].text not in (")", ","):
                stop += 1
            if _names_a_thing(ix, i + 1, stop):
                out.add(toks[p].text)
    return frozenset(out)


__all__ = ["list_continuation", "list_pieces", "second_place", "slash_pair", "thing_acronyms"]
