"""Organizations: names, aliases used in the text and the country each belongs to.

Where names come from: ORG entities (two split halves joined: "the Kiel
Institute" + "for" + "the World Economy"), other entities that contain an
organization word ("Center for Geopolitical Expertise" tagged WORK_OF_ART), a
capitalised or quoted name right after an organization word ("the hacker
collective "APT28""), and the well-known organizations of ``organizations.tsv``
wherever they occur ("GRU", "anti-Kremlin").

Aliases: "X, known as "Y"" / "dubbed Y"; "Federal Security Service (FSB)"; a
descriptive apposition ("the Russian military intelligence service, the GRU");
an unqualified generic body ("the Foreign Ministry") joins the one qualified
body of its kind in the document ("the German Foreign Office").

Country, first that applies: the table; a country name or demonym in the name
("National Bank of Kazakhstan", "Tajikistan's Foreign Ministry", "German
Foreign Office"); a city that starts the name ("Kiel Institute"); a "CITY-based"
modifier before it; "in CITY/COUNTRY" right after it. An international body in
the table (NATO) has none.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsgraph.extract.common import char_evidence
from newsgraph.extract.mention_index import (
    APOSTROPHES,
    DETERMINERS,
    HYPHENS,
    MentionIndex,
    country_of_text,
)
from newsgraph.extract.roles import OrgRef
from newsgraph.lexicon.gazetteer import is_city, lookup_place, lookup_region, not_entity_kind
from newsgraph.lexicon.known_orgs import (
    KnownOrg,
    ends_with_org_word,
    is_org_word,
    lookup_org,
    max_org_name_words,
    org_key,
)
from newsgraph.model import Organization

# Entity labels (besides ORG) that name an organization when they contain an organization word.
_OTHER_LABELS = frozenset({"WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "PERSON", "NORP"})
# Grammatical constants: words that introduce another name of the same thing, and adverbs between.
_ALIAS_CUES = (("known", "as"), ("dubbed",), ("nicknamed",), ("aka",), ("a.k.a.",), ("also", "called"))
_ALIAS_ADVERBS = frozenset(
    {"also", "commonly", "better", "widely", "sometimes", "locally", "internationally"}
)
_QUOTES = frozenset({'"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "\u00ab", "\u00bb"})
_JOINERS = frozenset({"of", "for", "the", "and", "on", "in"})
_DASHES = frozenset({"-", "\u2013", "\u2014"})
# Cities that start an organization's name give its country only if this populous (calibrated on the
# seed and Wikinews: "Kiel" 250k keeps, "Federal" (Argentina, 16k) and other common words are out).
_CITY_PREFIX_MIN_POPULATION = 100_000
_BASED_WINDOW = 6  # tokens between "CITY-based" and the name it qualifies


@dataclass(slots=True)
class OrgMention:
    start: int
    end: int
    text: str
    key: str
    known: KnownOrg | None = None
    generic: KnownOrg | None = None
    qualified: bool = False
    country: str | None = None
    international: bool = False
    aliases: list[str] = field(default_factory=list)
    extra_spans: list[tuple[int, int]] = field(default_factory=list)


def _clean(ix: MentionIndex, start: int, end: int) -> tuple[int, int] | None:
    """Trim determiners, quotes, punctuation, possessives and trailing function words; cut at an
    unclosed parenthesis ("the African Continental Free Trade Area (AfCFTA")."""
    doc = ix.doc
    for i in range(start, end):
        if doc[i].text == "(" and not any(doc[k].text == ")" for k in range(i, end)):
            end = i
            break
    while start < end and (
        doc[start].lower_ in DETERMINERS
        or doc[start].is_punct
        or doc[start].is_space
        or doc[start].text in _QUOTES
    ):
        start += 1
    while end > start and (
        doc[end - 1].text in APOSTROPHES
        or doc[end - 1].is_punct
        or doc[end - 1].is_space
        or doc[end - 1].lower_ in _JOINERS
        or (doc[end - 1].like_num and end - 2 > start and doc[end - 2].text in _DASHES)  # "Party - 365"
    ):
        end -= 1
    return (start, end) if start < end else None


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in taken)


def _has_org_word(ix: MentionIndex, start: int, end: int) -> bool:
    return any(ix.doc[i].text[:1].isupper() and is_org_word(ix.doc[i].text) for i in range(start, end))


def _after_org_word(ix: MentionIndex, start: int) -> bool:
    """Whether a lower-case organization word (or "think tank") stands right before ``start``."""
    p = ix.prev(start)
    while p >= 0 and ix.doc[p].text in _QUOTES:
        p = ix.prev(p)
    if p < 0 or not ix.doc[p].is_lower:
        return False
    q = ix.prev(p)
    words = (ix.doc[q].lower_, ix.doc[p].lower_) if q >= 0 else (ix.doc[p].lower_,)
    return ends_with_org_word(words) > 0 and p not in ix.titles_ending


def _candidate_spans(ix: MentionIndex, persons: list[tuple[int, int]]) -> list[tuple[int, int]]:
    doc = ix.doc
    spans: list[tuple[int, int]] = []
    consumed: set[int] = set()
    for k, ent in enumerate(ix.ents):
        if k in consumed:
            continue
        span = _clean(ix, ent.start, ent.end)
        if span is None or _overlaps(span, persons):
            continue
        if ent.label_ != "ORG" and not (
            ent.label_ in _OTHER_LABELS and (_has_org_word(ix, *span) or _after_org_word(ix, span[0]))
        ):
            continue
        s, e = span
        p = ix.prev(s)  # "Chile's" + "Finance Ministry", "Polish" + "Foreign Ministry"
        if p > 0 and doc[p].text in APOSTROPHES and p - 1 in ix.country_at and _has_org_word(ix, s, e):
            s = ix.country_at[p - 1].start
        elif p >= 0 and p in ix.country_at and ix.country_at[p].end == s and _has_org_word(ix, s, e):
            s = ix.country_at[p].start
        j = ix.next(e - 1)  # "the Kiel Institute" + "for the World Economy"
        if j >= 0 and doc[j].lower_ in ("for", "of") and _has_org_word(ix, s, e):
            m = ix.next(j)
            if m >= 0 and doc[m].lower_ == "the" and ix.ent_of[m] < 0:
                m = ix.next(m)
            if m >= 0 and ix.ent_label(m) in ("ORG", "GPE") and ix.ent_of[m] != k:
                nxt = ix.ent_of[m]
                tail = _clean(ix, ix.ents[nxt].start, ix.ents[nxt].end)
                if tail is not None:
                    e = tail[1]
                    consumed.add(nxt)
            elif m >= 0 and ix.ent_of[m] < 0 and doc[m].text[:1].isupper():  # "for the Study of Rivers"
                run = _capitalised_run(ix, m)
                if run is not None:
                    e = run[1]
        spans.append((s, e))
    for known in ix.known_orgs:
        span = (known.start, known.end)
        if not _overlaps(span, spans) and not _overlaps(span, persons):
            spans.append(span)
    for extra in (_named_after_org_words(ix), _qualified_generic(ix)):
        spans.extend(s for s in extra if not _overlaps(s, spans) and not _overlaps(s, persons))
    return sorted(spans)


def _qualified_generic(ix: MentionIndex) -> list[tuple[int, int]]:
    """ "the Czech Foreign Ministry" untagged: a generic body right after a country name or demonym."""
    doc = ix.doc
    longest = max_org_name_words() * 2
    out = []
    for country in ix.countries:
        k = country.end
        if k < len(doc) and doc[k].text in APOSTROPHES:
            k += 1
        if k >= len(doc) or not doc[k].text[:1].isupper() or ix.ent_label(k) == "PERSON":
            continue
        found = ix.longest_match(k, longest, lambda text: lookup_org(text, generic=True))
        if found is not None:
            out.append((country.start, found[0]))
    return out


def _named_after_org_words(ix: MentionIndex) -> list[tuple[int, int]]:
    """'the hacker collective "APT28"', 'the ruling party United Russia'."""
    doc = ix.doc
    out: list[tuple[int, int]] = []
    for i, tok in enumerate(doc):
        if not tok.is_lower or not is_org_word(tok.text) or i in ix.titles_ending:
            continue
        j = ix.next(i)
        quoted = j >= 0 and doc[j].text in _QUOTES
        if quoted:
            j = ix.next(j)
        if j < 0 or not doc[j].text[:1].isupper() or ix.ent_label(j) in ("PERSON", "DATE", "TIME"):
            continue
        k, last = j, j
        while k >= 0 and (
            doc[k].text[:1].isupper() or doc[k].text[:1].isdigit() or doc[k].lower_ in _JOINERS
        ):
            if doc[k].lower_ not in _JOINERS:
                last = k
            k = ix.next(k)
        if quoted or ix.ent_of[j] >= 0 or doc[j].pos_ == "PROPN":
            out.append((j, last + 1))
    return out


def _excluded(ix: MentionIndex, start: int, end: int, text: str) -> bool:
    if not text or not (text[0].isupper() or text[0].isdigit()):
        return True
    if country_of_text(text) or not_entity_kind(text) or lookup_region(text):
        return True
    if all(i in ix.country_at for i in range(start, end) if not ix.doc[i].is_punct):
        return True
    if is_city(text) and not _has_org_word(ix, start, end) and lookup_org(text, generic=None) is None:
        return True  # "Niamey" tagged ORG: a city (extract/places.py keeps it)
    before, after = ix.prev(start), ix.next(end - 1)
    # "120 Lancet drones": a number before and a plural noun after make the name a product's
    return (
        before >= 0
        and ix.doc[before].like_num
        and after >= 0
        and ix.doc[after].is_lower
        and ix.doc[after].pos_ == "NOUN"
    )


def _qualifier(ix: MentionIndex, start: int, end: int) -> tuple[str | None, int, int]:
    """A country that qualifies a name at its start or end, and the span of the rest."""
    doc = ix.doc
    span = ix.country_at.get(start)
    if span is not None and span.start == start and span.end < end:
        rest = span.end
        while rest < end and (doc[rest].text in APOSTROPHES or doc[rest].is_space):
            rest += 1
        return span.iso3, rest, end
    span = ix.country_at.get(end - 1)
    if span is not None and span.end == end and span.start > start:
        k = span.start - 1
        while k > start and (doc[k].lower_ == "the" or doc[k].is_space):
            k -= 1
        if doc[k].lower_ == "of":
            return span.iso3, start, k
    return None, start, end


def _city_prefix_country(ix: MentionIndex, start: int, end: int) -> str | None:
    doc = ix.doc
    words: list[str] = []
    for i in range(start, end):
        if is_org_word(doc[i].text) or not doc[i].text[:1].isupper():
            break
        words.append(doc[i].text)
    for n in range(len(words), 0, -1):
        place = lookup_place(" ".join(words[:n]), alternates=False)
        if place is not None and place.kind == "city" and place.population >= _CITY_PREFIX_MIN_POPULATION:
            return place.country
    return None


def _country_around(ix: MentionIndex, start: int, end: int) -> str | None:
    """ "the Moscow-based think tank X" before the name, or "X in Berlin" right after it."""
    doc = ix.doc
    p = ix.prev(start)
    if p > 0 and doc[p].text in APOSTROPHES and p - 1 in ix.country_at:  # "Ukraine's Naftogaz"
        return ix.country_at[p - 1].iso3
    steps = 0
    while p >= 0 and steps < _BASED_WINDOW:
        if doc[p].lower_ == "based" and p >= 2 and doc[p - 1].text in HYPHENS:
            q = p - 2
            code = ix.country_at[q].iso3 if q in ix.country_at else None
            if code is None and ix.ent_label(q) == "GPE":
                place = lookup_place(ix.ents[ix.ent_of[q]].text, alternates=False)
                code = place.country if place else None
            return code
        p, steps = ix.prev(p), steps + 1
    j = ix.next(end - 1)
    if j >= 0 and doc[j].lower_ == "in":
        k = ix.next(j)
        if k >= 0 and k in ix.country_at:
            return ix.country_at[k].iso3
        if k >= 0 and ix.ent_label(k) == "GPE":
            place = lookup_place(ix.ents[ix.ent_of[k]].text, alternates=False)
            return place.country if place else None
    return None


def _mention(ix: MentionIndex, start: int, end: int) -> OrgMention | None:
    text = ix.text(start, end)
    if _excluded(ix, start, end, text):
        return None
    known = lookup_org(text)
    if known is not None:
        return OrgMention(
            start,
            end,
            text,
            "k:" + known.name,
            known=known,
            country=known.country,
            international=known.country is None,
        )
    parent = _parent(ix, start, end)  # "Islamic Revolutionary Guard Corps-Quds Force"
    if parent is not None:
        return OrgMention(
            start,
            end,
            text,
            "n:" + org_key(text),
            country=parent.country,
            international=parent.country is None and not parent.generic,
        )
    qual, rest_start, rest_end = _qualifier(ix, start, end)
    rest = ix.text(rest_start, rest_end)
    generic = lookup_org(rest, generic=True) if rest else None
    country = qual or ix.country_in(start, end) or _city_prefix_country(ix, start, end)
    country = country or _country_around(ix, start, end)
    if generic is not None:
        key = f"g:{generic.name}:{country or ''}" if qual else f"g:{generic.name}:"
        return OrgMention(start, end, text, key, generic=generic, qualified=qual is not None, country=country)
    return OrgMention(start, end, text, "n:" + org_key(text), country=country)


def _parent(ix: MentionIndex, start: int, end: int) -> KnownOrg | None:
    """A well-known organization whose name begins this one (a unit of it)."""
    for stop in range(end - 1, start, -1):
        if ix.doc[stop - 1].is_punct or (ix.doc[stop].text not in HYPHENS and ix.doc[stop - 1].is_space):
            continue
        known = lookup_org(ix.text(start, stop))
        if known is not None:
            return known
    return None


def _alias_after(ix: MentionIndex, i: int) -> tuple[int, int] | None:
    """The quoted or capitalised name right after token ``i``."""
    doc = ix.doc
    j = ix.next(i)
    if j >= 0 and doc[j].text in _QUOTES:
        j = ix.next(j)
    return _capitalised_run(ix, j)


def _capitalised_run(ix: MentionIndex, j: int) -> tuple[int, int] | None:
    """Capitalised words (and "of", "for", "the", "and" between them) from token ``j`` on."""
    doc = ix.doc
    if j < 0 or not (doc[j].text[:1].isupper() or doc[j].text[:1].isdigit()):
        return None
    k, last = j, j
    while k >= 0 and doc[k].text not in _QUOTES and not (doc[k].is_punct and doc[k].text not in HYPHENS):
        if not (doc[k].text[:1].isupper() or doc[k].text[:1].isdigit() or doc[k].lower_ in _JOINERS):
            break
        if doc[k].lower_ not in _JOINERS:
            last = k
        k = ix.next(k)
    return j, last + 1


def _find_aliases(ix: MentionIndex, mentions: list[OrgMention]) -> None:
    doc = ix.doc
    by_end = {m.end - 1: m for m in mentions}
    by_start = {m.start: m for m in mentions}
    for i, tok in enumerate(doc):
        for cue in _ALIAS_CUES:
            if tok.lower_ != cue[0]:
                continue
            last = i
            for word in cue[1:]:
                last = ix.next(last)
                if last < 0 or doc[last].lower_ != word:
                    break
            else:
                p = ix.prev(i)
                while p >= 0 and (
                    doc[p].is_punct or doc[p].text in _QUOTES or doc[p].lower_ in _ALIAS_ADVERBS
                ):
                    p = ix.prev(p)
                owner = by_end.get(p)
                alias = _alias_after(ix, last)
                if owner is not None and alias is not None:
                    _add_alias(ix, owner, alias, by_start)
    for m in mentions:
        j = ix.next(m.end - 1)  # "Federal Security Service (FSB)"
        if j >= 0 and doc[j].text == "(":
            k = ix.next(j)
            close = ix.next(k) if k >= 0 else -1
            if close >= 0 and doc[close].text == ")" and _acronym(doc[k].text):
                _add_alias(ix, m, (k, k + 1), by_start)
        _description(ix, m)


def _acronym(text: str) -> bool:
    """ "FSB", "AfCFTA", "UOKiK": a short word starting with a capital, with two capitals or more."""
    return 2 <= len(text) <= 10 and text[0].isupper() and sum(c.isupper() for c in text) >= 2


def _add_alias(
    ix: MentionIndex, owner: OrgMention, span: tuple[int, int], by_start: dict[int, OrgMention]
) -> None:
    text = ix.text(*span)
    if text and text not in owner.aliases:
        owner.aliases.append(text)
    other = by_start.get(span[0])
    if other is not None and other is not owner:
        other.key = owner.key
    else:
        owner.extra_spans.append(span)


def _description(ix: MentionIndex, m: OrgMention) -> None:
    """ "the Russian military intelligence service, the GRU": a lower-case description in apposition."""
    doc = ix.doc
    p = ix.prev(m.start)
    if p >= 0 and doc[p].lower_ == "the":
        p = ix.prev(p)
    if p < 0 or doc[p].text != ",":
        return
    q = ix.prev(p)
    if q < 0 or not doc[q].is_lower or not is_org_word(doc[q].text):
        return
    first = q
    k = ix.prev(q)
    while k >= 0 and (
        (doc[k].is_lower and doc[k].pos_ in ("ADJ", "NOUN") and doc[k].lower_ not in DETERMINERS)
        or k in ix.country_at
    ):
        first = k
        k = ix.prev(k)
    if first < q:
        text = ix.text(first, q + 1)
        if text not in m.aliases:
            m.aliases.append(text)
        m.extra_spans.append((first, q + 1))


def _join_generic(mentions: list[OrgMention]) -> None:
    """An unqualified "Foreign Ministry" joins the one qualified Foreign Ministry of its document."""
    for m in mentions:
        if m.generic is None or m.qualified:
            continue
        keys = {o.key for o in mentions if o.generic is m.generic and o.qualified}
        if len(keys) == 1:
            m.key = keys.pop()


def find_org_mentions(ix: MentionIndex, persons: list[tuple[int, int]]) -> list[OrgMention]:
    mentions = [m for s, e in _candidate_spans(ix, persons) if (m := _mention(ix, s, e)) is not None]
    _find_aliases(ix, mentions)
    _join_aliases(mentions)
    _join_generic(mentions)
    return mentions


def _join_aliases(mentions: list[OrgMention]) -> None:
    """Every later "SDF" joins the "Syrian Democratic Forces (SDF)" that introduced the alias, and a
    name without its organization word ("Labour", "Salling") the full name ("Labour Party")."""
    owner: dict[str, str] = {}
    for m in mentions:
        for alias in m.aliases:
            owner.setdefault(org_key(alias), m.key)
        words = tuple(m.text.split())
        cut = ends_with_org_word(words)
        if cut and len(words) > cut and m.known is None and m.generic is None:  # "Labour" for "Labour Party"
            owner.setdefault(org_key(" ".join(words[:-cut])), m.key)
    for m in mentions:
        target = owner.get(org_key(m.text))
        if target is not None and m.key.startswith("n:"):
            m.key = target


def build_organizations(ix: MentionIndex, mentions: list[OrgMention], doc_id: str) -> dict[str, Organization]:
    """Group mentions by key into :class:`Organization` records (keyed as the mentions), in text order."""
    groups: dict[str, list[OrgMention]] = {}
    for m in mentions:
        groups.setdefault(m.key, []).append(m)
    out: dict[str, Organization] = {}
    for key, members in groups.items():
        known = next((m.known for m in members if m.known), None)
        if known is not None:
            name = known.name
        else:
            qualified = [m for m in members if m.qualified] or members
            name = max(qualified, key=lambda m: (len(m.text.split()), -m.start)).text
        country = next((m.country for m in members if m.country), None)
        if known is not None:
            country = known.country
        aliases: list[str] = []
        for m in members:
            for text in (m.text, *m.aliases):
                if org_key(text) != org_key(name) and org_key(text) not in {org_key(a) for a in aliases}:
                    aliases.append(text)
        spans = sorted({(m.start, m.end) for m in members} | {s for m in members for s in m.extra_spans})
        doc = ix.doc
        evidence = [
            char_evidence(doc_id, doc, doc[s].idx, doc[e - 1].idx + len(doc[e - 1])) for s, e in spans
        ]
        out[key] = Organization(name=name, aliases=aliases, country=country, mentions=evidence)
    return out


def org_refs(mentions: list[OrgMention], orgs: dict[str, Organization]) -> list[OrgRef]:
    """What the person rules need to know about each organization mention."""
    international = {m.key for m in mentions if m.international}
    return [
        OrgRef(m.start, m.end, orgs[m.key].name, orgs[m.key].country, m.key in international)
        for m in mentions
    ]
