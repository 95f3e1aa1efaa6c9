"""Persons: the model's PERSON entities, corrected by rules, with role, country and organization.

The small English model both misses persons ("President Kassym-Jomart Tokayev"
tagged ORG) and invents them (a currency, a picture credit, "Operation 1776").
Rules over the tokens fix both: a title right before a name, or in apposition
after it, makes a name a person's; a name that is a country, a well-known
organization, a region, a word from ``not_entities.tsv``, a credit line or a
number-led product name is dropped, and so is a name the document uses as a
thing, a group or a place (:mod:`~newsgraph.extract.mentions.not_persons`). Roles come
from :mod:`newsgraph.extract.mentions.roles`.

A person's country is the first its roles give (a country in the role, its
organization's, a place in it, a title only one country uses: "Foreign
Secretary"); with none, "NAME of COUNTRY" or the n-th country of a list before
"respectively"; with none, a role-holder (not in business or media) takes the
country or place of a known country named last before the mention in its
sentence or paragraph, else a nationality named after it in its sentence, else
the country the document is about (the one that most of its country mentions
name); a person with no role takes a country named in the same sentence, else
the country the document is about. The office-holder table comes before these
context guesses; a possessive before the name ("Peru's Ana Lima") and a second role after it count as
the text's, and the context skips cues that cannot be the person's (inside another's quotation, in what
the person's clause acts on, in another holder's role of the same office) and gives a spokesperson the
country of the state body named just before (:mod:`~newsgraph.extract.mentions.person_context`).
Surname-only mentions join the full name they end ("Putin" → "Vladimir Putin").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsgraph.core.textnorm import name_words
from newsgraph.extract.mentions.described import described_role
from newsgraph.extract.mentions.index import (
    APOSTROPHES,
    DETERMINERS,
    HYPHENS,
    NAME_PARTICLES,
    MentionIndex,
    clean_words,
    country_of_text,
    portfolio_before_name,
)
from newsgraph.extract.mentions.name_evidence import (
    drop_surname_pairs,
    extend_name_left,
    extend_name_right,
    first_name_start,
    lone_name_evidence,
    name_after_prefix,
    relative_who_after,
    with_first_name_before,
)
from newsgraph.extract.mentions.not_persons import drop_things
from newsgraph.extract.mentions.person_context import (
    apposed_org,
    context_country,
    definite_body_country,
    envoy_country,
    possessive_country,
    pronoun_subject_country,
    quote_ids,
    relative_country,
    respectively,
    seat_country,
    second_role_country,
    voice_of_body,
)
from newsgraph.extract.mentions.role_bodies import department_led, government_headed, ministry_led, party_before
from newsgraph.extract.mentions.roles import (
    OrgRef,
    RoleInfo,
    apposition_after,
    apposition_before,
    complete_role,
    compound_before,
    country_cues,
    main_country,
    predicate_after,
    rank_only,
    titled_before,
)
from newsgraph.extract.mentions.seat import group_seat, said_country, speaking_seat
from newsgraph.lexicon.actors import nationality_on, office_on
from newsgraph.lexicon.countries import capital_country
from newsgraph.lexicon.gazetteer import is_place_word, lookup_place, lookup_region, not_entity_kind
from newsgraph.lexicon.known_orgs import is_org_word, lookup_org
from newsgraph.lexicon.titles import is_modifier, title_sector

if TYPE_CHECKING:
    from collections.abc import Sequence

# Entity labels the small model gives to names that a title shows to be a person's.
_MISLABELLED = frozenset({"ORG", "GPE", "NORP", "FAC", "WORK_OF_ART", "PRODUCT", "LOC", "EVENT", "LAW"})
# Grammatical constant: prepositions that put a bare name in a place ("in Baracoa"), not a person.
_LOCATIVE = frozenset({"in", "near"})
_MAX_NAME_WORDS = 5
# Parts of speech that never begin a personal name.
_NOT_NAME_START = frozenset(
    {"VERB", "AUX", "ADV", "ADP", "DET", "PRON", "SCONJ", "CCONJ", "PART", "NUM", "INTJ", "SYM"}
)
# Sectors whose role-holders often work for a foreign company or outlet: no country from the words near them,
# only the story's (the one its country mentions or its persons share).
_NO_FALLBACK = frozenset({"BUS", "MED"})
# The document's persons share a country (a fallback before the country the document is about) when at
# least this many have it by evidence about them, and it is this share of those that have one.
_PEOPLE_COUNTRY_MIN = 3
_PEOPLE_COUNTRY_SHARE = 0.75


@dataclass(slots=True)
class PersonMention:
    start: int
    end: int
    name: str
    role: RoleInfo | None = None
    country: str | None = None  # from "NAME of COUNTRY"
    organization: str | None = None  # from "NAME of ORGANIZATION"
    fallback_country: str | None = None
    fallback_is_main: bool = False  # the fallback is only the country the document is about
    seat: str | None = None  # the capital the mention's speaking is placed in (mentions/seat.py)
    said: str | None = None  # the country its reported clause has as subject (mentions/seat.py)


@dataclass(slots=True)
class PersonGroup:
    mentions: list[PersonMention] = field(default_factory=list)

    @property
    def name(self) -> str:
        return max(self.mentions, key=lambda m: (len(m.name.split()), -m.start)).name


# ---------------------------------------------------------------- candidates


def find_person_spans(ix: MentionIndex) -> list[tuple[int, int]]:
    """Token spans of person names, in text order, without overlaps."""
    spans: list[tuple[int, int]] = []
    mislabelled: list[tuple[int, int]] = []
    toks = ix.toks
    full_names = [ent for ent in ix.ents if ent.label == "PERSON" and ent.end - ent.start >= 2]
    surnames = {toks[ent.end - 1].text for ent in full_names if toks[ent.end - 1].text[:1].isupper()}
    for ent in ix.ents:
        span = None
        if ent.label == "PERSON" or ent.label in _MISLABELLED:
            span = clean_name(ix, ent.start, ent.end)
            if span is not None:
                span = _after_inner_title(ix, *span)
            split = name_after_prefix(ix, *span) if span is not None else None
            if span is not None and ent.label in _MISLABELLED:
                split = split or with_first_name_before(ix, *span)  # "Dana [Okafor]"
            span = split or span
        if span is not None and portfolio_before_name(ix, *span):
            continue
        if ent.label == "PERSON":
            known = span is not None and ix.text(*span) in surnames
            evident = span is not None and (known or lone_name_evidence(ix, *span))
            if span and evident and acceptable_person(ix, *span, known=known) and not _modifier_use(ix, *span):
                spans.append(extend_name_left(ix, *extend_name_right(ix, *span)))
        elif ent.label in _MISLABELLED:
            if span is None or not acceptable_person(ix, *span):
                continue
            titled = (
                _titled_before(ix, span[0])
                or apposition_before(ix, span[0]) is not None
                or apposition_after(ix, span[1]) is not None
            )
            if titled or split is not None or first_name_start(ix, *span) or relative_who_after(ix, *span):
                spans.append(span)
            elif len(ix.text(*span).split()) >= 2:
                mislabelled.append(span)
    spans.extend(_bare_names_after_titles(ix))
    spans.extend(_listed_with_persons(ix, mislabelled, spans))
    out = drop_things(ix, _no_overlaps(spans))
    out = _no_overlaps(out + [span for span, _ in shared_titles(ix, out)])
    out = _no_overlaps(out + _untagged_surnames(ix, out) + _known_names_mislabelled(ix, out))
    return drop_surname_pairs(ix, out)


def _known_names_mislabelled(ix: MentionIndex, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """ "Qandeel Baloch" tagged ORG, "Baloch" tagged GPE: names of persons found elsewhere in the document."""
    known = {ix.text(s, e) for s, e in spans}
    known |= {ix.toks[e - 1].text for s, e in spans if e - s >= 2 and ix.toks[e - 1].text[:1].isupper()}
    out = []
    for ent in ix.ents:
        if ent.label not in _MISLABELLED:
            continue
        span = clean_name(ix, ent.start, ent.end)
        if span is not None and ix.text(*span) in known and acceptable_person(ix, *span, known=True):
            out.append(span)
    return out


def _untagged_surnames(ix: MentionIndex, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """ "Davit Sargsyan ... Sargsyan denied it": a full name's last word where the model tagged nothing."""
    doc = ix.toks
    surnames = {doc[e - 1].text for s, e in spans if e - s >= 2 and doc[e - 1].text[:1].isupper()}
    taken = {i for s, e in spans for i in range(s, e)}
    return [
        (i, i + 1)
        for i, tok in enumerate(doc)
        if tok.text in surnames and i not in taken and ix.ent_of[i] < 0 and tok.pos_ == "PROPN"
    ]


def _after_inner_title(ix: MentionIndex, start: int, end: int) -> tuple[int, int] | None:
    """ "[Kazakh President Tokayev]" tagged as one entity: the name is what follows the last title."""
    for i in range(end - 2, start - 1, -1):
        if i in ix.titles_ending and ix.titles_ending[i][0] >= start:
            j = ix.next(i)
            return (j, end) if 0 <= j < end else None
    return start, end


def _modifier_use(ix: MentionIndex, start: int, end: int) -> bool:
    """ "the Tsuen Wan district": a name used as a modifier of a place noun."""
    before, after = ix.prev(start), ix.next(end - 1)
    return after >= 0 and ix.toks[after].is_lower and is_place_word(ix.toks[after].text) and before != after


def _listed_with_persons(
    ix: MentionIndex, candidates: list[tuple[int, int]], persons: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """ "Nikos Dendias, Nikos Christodoulides and Jean-Yves Le Drian": a full name the model tagged
    otherwise, listed between persons, is a person's too."""
    ends = {e for _, e in persons}
    starts = {s for s, _ in persons}
    out = []
    for start, end in candidates:
        before, after = ix.prev(start), ix.next(end - 1)
        left = before >= 0 and ix.toks[before].lower_ in (",", "and") and ix.prev(before) + 1 in ends
        right = after >= 0 and ix.toks[after].lower_ in (",", "and") and ix.next(after) in starts
        if left or right:
            out.append((start, end))
    return out


def _no_overlaps(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans, key=lambda span: (span[0], -span[1])):
        if out and s < out[-1][1]:
            continue
        out.append((s, e))
    return out


def shared_titles(ix: MentionIndex, spans: Sequence[tuple[int, int]]) -> list[tuple[tuple[int, int], int]]:
    """Names after a plural title's first name: "Presidents A of Nigeria and B of Benin".

    Returns ``((start, end), first_start)`` for every further name, with the start of the
    name right after the title.
    """
    out: list[tuple[tuple[int, int], int]] = []
    for first, end in spans:
        j = ix.prev(first)
        if j < 0 or j not in ix.plural_titles:
            continue
        while True:
            nxt = _next_conjunct(ix, end)
            if nxt is None:
                break
            out.append((nxt, first))
            end = nxt[1]
    return out


def _next_conjunct(ix: MentionIndex, end: int) -> tuple[int, int] | None:
    doc = ix.toks
    k = ix.next(end - 1)
    if k >= 0 and doc[k].lower_ == "of":  # "A of Nigeria"
        k = ix.next(k)
        while k >= 0 and doc[k].lower_ in DETERMINERS:
            k = ix.next(k)
        while k >= 0 and (k in ix.country_at or ix.ent_label(k) in ("GPE", "ORG")):
            k = ix.next(k)
    if k < 0 or doc[k].lower_ not in ("and", ","):
        return None
    start = ix.next(k)
    if start >= 0 and doc[start].lower_ == "and":
        start = ix.next(start)
    if start < 0 or not ix.is_name_token(start) or not doc[start].text[:1].isupper():
        return None
    stop = start
    while stop < len(doc) and doc[stop].pos_ == "PROPN" and ix.is_name_token(stop):
        stop += 1
    if stop == start or not acceptable_person(ix, start, stop):
        return None
    return start, stop


def clean_name(ix: MentionIndex, start: int, end: int) -> tuple[int, int] | None:
    """Trim determiners, titles, punctuation and possessives from the edges of a name span."""
    doc = ix.toks
    while start < end:
        tok = doc[start]
        title = ix.titles_starting.get(start)
        if title is not None and title[0] < end:
            start = title[0]
        elif tok.lower_ in DETERMINERS or tok.is_punct or tok.is_space or is_modifier(tok.text):
            start += 1
        elif tok.pos_ in _NOT_NAME_START and tok.lower_ not in NAME_PARTICLES:
            start += 1  # "[Born Robert Burns]": a sentence-initial word the model took into the name
        else:
            break
    while end > start:
        tok = doc[end - 1]
        hyphenated = end - 2 >= start and doc[end - 2].text in HYPHENS  # "Yu Hoi-kwan"
        credit = end - 1 > start and not_entity_kind(tok.text) == "credit"  # "Ana Lima Image" (a caption)
        if tok.text in APOSTROPHES or tok.is_punct or tok.is_space or (tok.is_lower and not hyphenated) or credit:
            end -= 1
        else:
            break
    return (start, end) if start < end else None


def acceptable_person(ix: MentionIndex, start: int, end: int, *, known: bool = False) -> bool:
    """Whether tokens ``[start, end)`` can name a person (see the module docstring)."""
    doc = ix.toks
    text = ix.text(start, end)
    words = text.split()
    if not words or len(words) > _MAX_NAME_WORDS:
        return False
    first_word = next(
        (i for i in range(start, end) if doc[i].lower_ not in NAME_PARTICLES and doc[i].text not in HYPHENS),
        None,
    )
    if first_word is None or not doc[first_word].text[:1].isupper() or first_word > start + 2:
        return False
    if not all(ix.is_name_token(i) for i in range(start, end)):
        return False
    if country_of_text(text) or lookup_org(text, generic=None) or lookup_region(text):
        return False
    if len(words) == 1 and not known and capital_country(text) and not _titled_before(ix, start):
        return False  # "Santiago says the tariff is temporary": a capital speaking for its government
    if not_entity_kind(text) or not_entity_kind(words[0]) == "prefix":
        return False
    if any(is_org_word(w) for w in words) or is_place_word(words[-1]):
        return False
    common = doc[start].tag_ not in ("NNP", "NNPS") and not known
    if len(words) == 1 and (common or (len(text) > 1 and text.isupper())):
        return False  # "Scholars": a common noun capitalised at a sentence start; "BST": an acronym
    if text in ix.place_names and not known and not _titled_before(ix, start):
        return False  # the model tags the same name a place elsewhere in the document
    before = ix.prev(start)
    after = ix.next(end - 1)
    if before >= 0:
        prev = doc[before]
        if prev.text in (":",) and before > 0 and not_entity_kind(doc[before - 1].text) == "credit":
            return False
        if not_entity_kind(prev.text) == "credit" or prev.like_num:
            return False
        if prev.lower_ in _LOCATIVE and not (after >= 0 and doc[after].text in APOSTROPHES):
            return False
        if prev.is_lower and is_org_word(prev.text) and before not in ix.titles_ending:
            return False  # "the ruling party United Russia", "law firm Sidley Austin"
        if len(words) == 1 and prev.text == "(" and after >= 0 and doc[after].text == ")":
            return False  # a caption credit in parentheses
    return True


_titled_before = titled_before


def _bare_names_after_titles(ix: MentionIndex) -> list[tuple[int, int]]:
    """Capitalised proper nouns outside any entity right after a title: "Prime Minister Roe"."""
    doc = ix.toks
    out: list[tuple[int, int]] = []
    for last, (first, _) in ix.titles_ending.items():
        j = ix.next(last)
        if j < 0 or ix.ent_of[j] >= 0 or not _titled_before(ix, j) or _inside_capitalised_name(ix, first):
            continue
        k = j
        while (
            k < len(doc)
            and ix.ent_of[k] < 0
            and k not in ix.titles_starting
            and (doc[k].pos_ == "PROPN" or (doc[k].text in HYPHENS and k > j))
            and ix.is_name_token(k)
        ):
            k += 1
        while k > j and doc[k - 1].text in HYPHENS:
            k -= 1
        if k > j and k < len(doc) and _surname_entity(ix, k):
            k += 1  # "President Ana [Lima]": a surname the model took for a place
        after = ix.next(k - 1) if k > j else -1
        if after >= 0 and after in ix.titles_starting:
            continue  # "Chief Technical Officer": the words between are part of one title
        if k > j and acceptable_person(ix, j, k):
            out.append((j, k))
    return out


def _inside_capitalised_name(ix: MentionIndex, first: int) -> bool:
    """ "GNU Lesser General Public License": a title word inside a longer capitalised name."""
    p = ix.prev(first)
    if p < 0 or not ix.toks[p].text[:1].isupper() or ix.toks[p].is_sent_start:
        return False
    known = p in ix.country_at or ix.ent_of[p] >= 0 or p in ix.titles_ending or is_modifier(ix.toks[p].text)
    return not known


def _surname_entity(ix: MentionIndex, i: int) -> bool:
    """A one-token entity (not a country) that can end a name begun right before it."""
    e = ix.ent_of[i]
    if e < 0 or i in ix.country_at:
        return False
    ent = ix.ents[e]
    return ent.start == i and ent.end == i + 1 and ix.toks[i].pos_ == "PROPN" and ix.is_name_token(i)


def _of_after(ix: MentionIndex, mention: PersonMention, orgs: Sequence[OrgRef]) -> None:
    """ "Abdel Fattah el-Sisi of Egypt", "Michael Siegel of Boston University"."""
    j = ix.next(mention.end - 1)
    if j < 0 or ix.toks[j].lower_ != "of":
        return
    first = k = ix.next(j)
    while k >= 0 and ix.toks[k].lower_ in DETERMINERS:
        k = ix.next(k)
    if k < 0:
        return
    if k in ix.country_at and ix.country_at[k].start == k:
        mention.country = ix.country_at[k].iso3
        return
    for org in orgs:
        if org.start in (first, k):  # "of the Scottish National Party": a name with its article or without
            mention.organization = org.name
            mention.country = org.country
            return
    if ix.ent_label(k) == "GPE":
        place = lookup_place(ix.ents[ix.ent_of[k]].text, alternates=False)
        if place is not None:
            mention.country = place.country


def find_roles(ix: MentionIndex, spans: Sequence[tuple[int, int]], orgs: Sequence[OrgRef]) -> list[PersonMention]:
    """One :class:`PersonMention` per span, with the role, country and organization the text gives."""
    out: list[PersonMention] = []
    shared = {span[0]: first for span, first in shared_titles(ix, spans)}
    owner: dict[int, int] = {}  # token → the mention whose name or role it is part of
    for start, end in spans:
        mention = PersonMention(start, end, clean_words(ix.text(start, end)))
        role = compound_before(ix, shared.get(start, start)) or apposition_before(ix, start)
        role = role or apposition_after(ix, end) or predicate_after(ix, end) or described_role(ix, start, end)
        if role is not None:
            complete_role(ix, role, orgs)
            mention.role = role
            owner.update((i, len(out)) for i in range(role.start, role.end))
            after = apposition_after(ix, end) or predicate_after(ix, end)
            if after is not None and after.start >= role.end:
                complete_role(ix, after, orgs)
                mention.country = second_role_country(ix, role, after)
                mention.role = after if rank_only(role) and not rank_only(after) else role  # the function
        owner.update((i, len(out)) for i in range(start, end))
        _of_after(ix, mention, orgs)
        if mention.organization is None and (apposed := apposed_org(ix, end, orgs)) is not None:
            mention.organization = apposed.name  # "X, a member of the Social Democratic Party"
        if mention.organization is None:  # "Democrat Rod Blagojevich"
            mention.organization = party_before(ix, start, main_country(ix))
        mention.country = mention.country or possessive_country(ix, start) or relative_country(ix, end)
        mention.country = mention.country or seat_country(ix, mention.role)  # "In Moscow, Deputy Minister X"
        mention.seat = speaking_seat(ix, start, end)  # "X told reporters in Tokyo"
        mention.said = said_country(ix, start, end)  # "X said Budapest would not send troops"
        out.append(mention)
    respectively(ix, out)
    all_cues, quotes = country_cues(ix, spans), quote_ids(ix)
    for k, mention in enumerate(out):
        pointed = pronoun_subject_country(ix, mention, all_cues)  # "X's ministry denied it. Its deputy minister, Y"
        voice_of_body(ix, mention, orgs)  # "the agency's coordinator", "spokeswoman X" after "UNHCR said"
        if pointed is not None and mention.role is not None:
            mention.role.country = pointed
        mention.country = mention.country or envoy_country(ix, mention, all_cues)  # "handed Ambassador X a note"
        mention.country = mention.country or definite_body_country(ix, mention, all_cues)  # "the army's spokesman"
        role = mention.role
        if mention.country is not None or (role is not None and (role.country or role.international)):
            continue  # a role with no country: one from the context, else the country the document is about
        if role is not None and title_sector(role.text) in _NO_FALLBACK:  # a company's or outlet's: the story's
            mention.fallback_country, mention.fallback_is_main = main_country(ix), True
            continue
        skip = {i for i, o in owner.items() if o != k}
        mention.fallback_country, mention.fallback_is_main = context_country(ix, out, k, (all_cues, quotes), skip)
    return out


# ---------------------------------------------------------------- grouping


def group_mentions(mentions: Sequence[PersonMention]) -> list[PersonGroup]:
    """Group mentions of one person: a surname-only mention joins the full name it ends; a one-word
    mention that ends none joins the one full name it starts (a first name used alone)."""
    groups: list[PersonGroup] = []
    keys: list[tuple[str, ...]] = []
    order = sorted(range(len(mentions)), key=lambda i: (-len(name_words(mentions[i].name)), mentions[i].start))
    for i in order:
        m = mentions[i]
        key = name_words(m.name)
        if not key:
            continue
        exact = [g for g, k in enumerate(keys) if k == key]
        if exact:
            groups[exact[0]].mentions.append(m)
            continue
        fits = [g for g, k in enumerate(keys) if len(k) > len(key) and k[-len(key) :] == key]
        if not fits and len(key) == 1:  # "Dana" for "Dana Okafor": a first name alone, one person of it
            firsts = [g for g, k in enumerate(keys) if len(k) > 1 and k[0] == key[0]]
            fits = firsts if len(firsts) == 1 else []
        if not fits and len(key) == 1:  # "Lima" for "Ana Lima Prado": the first of two surnames
            firsts = [g for g, k in enumerate(keys) if len(k) > 2 and k[-2] == key[0]]
            fits = firsts if len(firsts) == 1 else []
        if fits:
            groups[_closest(groups, fits, m.start)].mentions.append(m)
            continue
        groups.append(PersonGroup([m]))
        keys.append(key)
    for g in groups:
        g.mentions.sort(key=lambda m: m.start)
    groups.sort(key=lambda g: g.mentions[0].start)
    return groups


def _closest(groups: list[PersonGroup], candidates: list[int], start: int) -> int:
    """The candidate group mentioned last before ``start`` (else the first candidate)."""
    best, best_pos = candidates[0], -1
    for g in candidates:
        before = [m.start for m in groups[g].mentions if m.start < start]
        if before and max(before) > best_pos:
            best, best_pos = g, max(before)
    return best


def group_attributes(
    group: PersonGroup, published: str | None = None, people_country: str | None = None
) -> tuple[str | None, str | None, str | None]:
    """(role, country, organization) of a person: first role found, its country, else the text's ("NAME of
    COUNTRY"), else the office-holder table's on the publication date (the office held then, or the country
    served before it), else the country the context of its first mention suggests: a country near it, else
    the country most of the document's persons have by those sources (``people_country``, from
    :func:`people_country`), else the country the document is about."""
    roles = [m.role for m in group.mentions if m.role is not None]
    role = next((r for r in roles if not r.described), roles[0] if roles else None)  # a title over a noun
    country = group_evidence_country(group, published)
    international = any(m.role is not None and m.role.international for m in group.mentions)
    if country is None and published and " " in group.name:  # an international body's official on that date
        term = office_on(group.name, published)
        international = international or (term is not None and term.country is None)
    if country is None and not international:
        first = next((m for m in group.mentions if m.fallback_country or m.fallback_is_main), None)
        if first is not None:
            # a title with no country of its own is of the country the document's persons share, not of the
            # place near the name ("From Israel, Secretary of State X spoke" in a story about US persons)
            titled = role is not None and not role.described and people_country is not None
            country = (people_country if first.fallback_is_main or titled else None) or first.fallback_country
        country = country or next((m.fallback_country for m in group.mentions if m.fallback_country), None)
    organization = next((m.role.organization for m in group.mentions if m.role and m.role.organization), None)
    if organization is None:
        organization = next((m.organization for m in group.mentions if m.organization), None)
    if organization is None and role is not None:  # "Greek Prime Minister X", "President X" of the table
        term = office_on(group.name, published) if published and " " in group.name else None
        held = term is not None and term.country == country and term.sector == "GOV"
        organization = government_headed(role.text, country, held) or ministry_led(role.text)
        organization = organization or department_led(role.text, country)
    return (role.text if role else None), country, organization


def group_evidence_country(group: PersonGroup, published: str | None = None) -> str | None:
    """A person's country from evidence about the person: a role's country, "NAME of COUNTRY", else the
    office-holder table on the publication date; None when only the context could say."""
    country = next((m.role.country for m in group.mentions if m.role and m.role.country), None)
    if country is None:
        country = next((m.country for m in group.mentions if m.country), None)
    international = any(m.role is not None and m.role.international for m in group.mentions)
    if country is None and not international and " " in group.name:
        term = office_on(group.name, published) if published else None
        country = term.country if term is not None else nationality_on(group.name, published)
    return country or (None if international else group_seat(group.mentions))


def people_country(groups: Sequence[PersonGroup], published: str | None = None) -> str | None:
    """The country the document's persons share by evidence about them (role, "NAME of COUNTRY", the
    office-holder table), one vote a person, when at least :data:`_PEOPLE_COUNTRY_MIN` have it and it
    is :data:`_PEOPLE_COUNTRY_SHARE` of the votes: a story about a US committee that names Ukraine
    throughout is still about US persons."""
    counts: dict[str, int] = {}
    for group in groups:
        country = group_evidence_country(group, published)
        if country is not None:
            counts[country] = counts.get(country, 0) + 1
    if not counts:
        return None
    code, n = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
    return code if n >= _PEOPLE_COUNTRY_MIN and n / sum(counts.values()) >= _PEOPLE_COUNTRY_SHARE else None
