"""Organization names the model does not tag as organizations, found by how the text uses them.

- a web site named by its domain ("Speaking to Portfolio.hu"); a country-code domain gives its
  country (:func:`domain_country`);
- instances listed after a plural organization word: "discount stores like Biedronka and LIDL",
  "companies such as X, Y and Z";
- a name before a lower-case organization word: "the Kaufland chain", "the Labour party";
- a name defined by its acronym: "Notes from Poland (NFP)";
- a name with an organization described in apposition: "UOKiK, the Polish anti-monopoly agency".
"""

from __future__ import annotations

import re

from newsgraph.extract.mentions.index import DETERMINERS, MentionIndex
from newsgraph.extract.mentions.organizations.context import describes_organization
from newsgraph.lexicon.gazetteer import iso3_from_iso2, lookup_place, lookup_region, web_tld_country
from newsgraph.lexicon.known_orgs import ends_with_org_word, is_document_word, is_org_word, org_word_sector
from newsgraph.lexicon.titles import lookup_title, title_words

_DOMAIN = re.compile(r"^[A-Z0-9][\w-]*(?:\.[\w-]+)*\.([a-z]{2,6})$")
# Grammatical constants: words that introduce instances of a kind, and words joining list items.
_INSTANCE_CUES = frozenset({"like", "including", "as"})
_LIST_JOINERS = frozenset({",", "and", "or"})
# Entity labels that show a run of capitalised words to be some name ("Notes" tagged PRODUCT).
_NAMED_LABELS = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "FAC", "NORP"})
_JOINERS = frozenset({"of", "from", "for", "and", "the", "a", "an", "on", "to"})
# Sectors of organization words that, after a place's name, make up the name of that place's body
# ("Devon police", "Ohio Senate"; not "his Detroit office").
_PUBLIC_SECTORS = frozenset({"POL", "LEG", "JUD"})
_OWNERS = DETERMINERS | {"its", "their", "his", "her", "our"}
# Entity labels a name before an organization word may carry (the model's guess for "Kaufland").
_NAME_LABELS = frozenset({"", "ORG", "PRODUCT", "WORK_OF_ART", "LOC", "GPE", "FAC", "NORP", "PERSON"})


def domain_country(text: str) -> tuple[bool, str | None]:
    """(whether ``text`` is a web domain used as a name, ISO3 of its country-code domain or None)."""
    m = _DOMAIN.match(text)
    if m is None:
        return False, None
    tld = m.group(1)
    found, country = web_tld_country(tld)
    if found:
        return True, country
    return (True, iso3_from_iso2(tld)) if len(tld) == 2 else (False, None)


def web_sites(ix: MentionIndex) -> list[tuple[int, int]]:
    """Tokens that are a web domain starting with a capital ("Portfolio.hu", "Politico.eu")."""
    return [(t.i, t.i + 1) for t in ix.toks if t.text[:1].isupper() and "." in t.text and domain_country(t.text)[0]]


def _run(ix: MentionIndex, j: int) -> int:
    """End of the capitalised words from token ``j`` (0 when ``j`` starts none)."""
    toks = ix.toks
    k = j
    while 0 <= k < len(toks) and toks[k].text[:1].isupper() and not toks[k].is_punct:
        if k > j and toks[k].is_sent_start:
            break
        k += 1
    return k if k > j else 0


def listed_instances(ix: MentionIndex) -> list[tuple[int, int]]:
    """ "discount stores like Biedronka and LIDL": names listed after a plural organization word."""
    toks = ix.toks
    out: list[tuple[int, int]] = []
    for i, tok in enumerate(toks):
        if tok.lower_ not in _INSTANCE_CUES:
            continue
        q = ix.prev(i)
        if tok.lower_ == "as":
            if q < 0 or toks[q].lower_ != "such":
                continue
            q = ix.prev(q)
        if q < 0 or not (toks[q].is_lower or toks[q].is_sent_start) or toks[q].tag_ != "NNS":
            continue  # "stores like", "Banks such as"; not "his party such as"
        r = ix.prev(q)
        words = (toks[r].lower_, toks[q].lower_) if r >= 0 else (toks[q].lower_,)
        if not ends_with_org_word(words):
            continue
        j = ix.next(i)
        while j >= 0:
            end = _run(ix, j)
            if not end:
                break
            out.append((j, end))
            k = ix.next(end - 1)
            if k < 0 or toks[k].lower_ not in _LIST_JOINERS:
                break
            j = ix.next(k)
            if j >= 0 and toks[j].lower_ in ("and", "or"):
                j = ix.next(j)
    return out


def named_before_org_words(ix: MentionIndex) -> list[tuple[int, int]]:
    """ "the Kaufland chain", "its Netto chain": a name no place or country, before an organization word."""
    toks = ix.toks
    out: list[tuple[int, int]] = []
    for i, tok in enumerate(toks):
        if not tok.is_lower or not is_org_word(tok.text) or i in ix.titles_ending:
            continue
        p = ix.prev(i)
        if p < 0 or not toks[p].text[:1].isupper() or p in ix.country_at or _hyphen_suffix(toks[p].text):
            continue  # "the U.S.-led coalition"
        if toks[p].lower_ in DETERMINERS or toks[p].pos_ not in ("PROPN", "NOUN", "X"):
            continue  # "The police said"
        if ix.ent_label(p) not in _NAME_LABELS:
            continue
        start = p
        while start - 1 >= 0 and toks[start - 1].text[:1].isupper() and ix.ent_of[start - 1] == ix.ent_of[p]:
            start -= 1
        text = ix.text(start, p + 1)
        if any(k in ix.country_at for k in range(start, p + 1)):
            continue  # "the British Columbia government"
        place = lookup_place(text) is not None or lookup_region(text) is not None
        if org_word_sector(tok.text) in _PUBLIC_SECTORS:
            if place:
                out.append((start, i + 1))  # "Northamptonshire police": the force of a place
            continue
        q = ix.prev(start)
        if q < 0 or toks[q].lower_ not in _OWNERS or place:
            continue  # "Tesco chain stores" at a sentence start: no determiner, no name
        out.append((start, p + 1))
    return out


def _hyphen_suffix(word: str) -> bool:
    """ "U.S.-led", "Iranian-backed": a word ending in a lower-case part after a hyphen."""
    head, _, tail = word.rpartition("-")
    return bool(head) and tail.islower()


def _initials_match(words: list[str], acronym: str) -> bool:
    letters = acronym.replace(".", "").lower()
    every = "".join(w[0] for w in words).lower()
    capitals = "".join(w[0] for w in words if w[:1].isupper()).lower()
    return len(letters) >= 2 and letters in (every, capitals)


def defined_acronyms(ix: MentionIndex) -> list[tuple[int, int]]:
    """ "Notes from Poland (NFP)": capitalised words whose initials the acronym after them spells."""
    toks = ix.toks
    out: list[tuple[int, int]] = []
    for i, tok in enumerate(toks):
        if tok.text != "(" or i + 2 >= len(toks) or toks[i + 2].text != ")":
            continue
        acronym = toks[i + 1].text
        if not acronym[:1].isupper() or sum(c.isupper() for c in acronym) < 2:
            continue
        end = ix.prev(i) + 1
        if end <= 0:
            continue
        start = end
        while start - 1 >= 0 and (toks[start - 1].text[:1].isupper() or toks[start - 1].lower_ in _JOINERS):
            start -= 1
            if end - start > 6:
                break
        while start < end and not toks[start].text[:1].isupper():
            start += 1
        words = [t.text for t in toks[start:end]]
        if not words or lookup_title(title_words(words[-1])) is not None or is_document_word(words[-1]):
            continue  # "Divisional Railway Manager (DRM)", "Ballot Interference Prevention Act (BIPA)"
        named = any(ix.ent_label(k) in _NAMED_LABELS for k in range(start, end))
        if not named and not any(is_org_word(w) for w in words):
            continue  # "Internet Relay Chat (IRC)": a thing's name
        for s in range(start, end):  # the shortest tail the acronym spells
            if toks[s].text[:1].isupper() and _initials_match(words[s - start :], acronym):
                out.append((s, end))
                break
    return out


def described_organizations(ix: MentionIndex) -> list[tuple[int, int]]:
    """ "UOKiK, the Polish anti-monopoly agency": a capitalised name, a comma, an organization described."""
    toks = ix.toks
    out: list[tuple[int, int]] = []
    for i, tok in enumerate(toks):
        if tok.text != "," or i == 0:
            continue
        end = ix.prev(i) + 1
        if end <= 0 or not toks[end - 1].text[:1].isupper():
            continue
        if toks[end - 1].pos_ != "PROPN" and sum(c.isupper() for c in toks[end - 1].text) < 2:
            continue  # "UOKiK" tagged an interjection: an acronym all the same
        if ix.ent_label(end - 1) not in ("", "ORG", "PRODUCT"):
            continue
        k = ix.next(i)
        if k < 0 or toks[k].lower_ not in DETERMINERS or not describes_organization(ix, k):
            continue
        start = end - 1
        while start - 1 >= 0 and toks[start - 1].pos_ == "PROPN" and not toks[start].is_sent_start:
            start -= 1
        out.append((start, end))
    return out


# Lower-case words of a ministry's portfolio ("the Chinese foreign ministry", "Spain's defence ministry").
_PORTFOLIO_WORDS = frozenset(
    {"foreign", "defence", "defense", "interior", "health", "finance", "justice", "economy", "trade", "labour"}
    | {"labor", "education", "energy", "agriculture", "environment", "transport", "information", "culture"}
    | {"social", "affairs", "emergency", "emergencies", "situations", "home", "economic", "development"}
)


def country_ministries(ix: MentionIndex) -> list[tuple[int, int]]:
    """A ministry written in lower case after its country ("Armenia's defence ministry", "the Chinese foreign
    ministry"), as wire stories name them: the country (or its demonym) through "ministry"; or after its
    portfolio written with a capital ("the Finance ministry")."""
    out: list[tuple[int, int]] = []
    for span in ix.countries:
        k = span.end
        if k < len(ix.toks) and ix.toks[k].text in ("'s", "\u2019s", "'"):
            k += 1
        j = k
        while j < len(ix.toks) and ix.toks[j].lower_ in _PORTFOLIO_WORDS and ix.toks[j].is_lower:
            j += 1
        if j > k and j < len(ix.toks) and ix.toks[j].lower_ == "ministry" and ix.toks[j].is_lower:
            out.append((span.start, j + 1))
    for i, tok in enumerate(ix.toks):  # "the Finance ministry": a portfolio written with its capital
        if tok.lower_ == "ministry" and tok.is_lower and i > 0 and ix.toks[i - 1].text[:1].isupper():
            k = i
            while k > 0 and ix.toks[k - 1].lower_ in _PORTFOLIO_WORDS and ix.toks[k - 1].text[:1].isupper():
                k -= 1
            if k < i and (ix.toks[k].is_sent_start or (k > 0 and ix.toks[k - 1].lower_ == "the")):
                out.append((k, i + 1))  # "the Finance ministry", "Finance ministry secretary-general X said"
    return sorted(set(out))
