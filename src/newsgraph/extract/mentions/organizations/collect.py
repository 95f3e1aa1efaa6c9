"""Organizations: names, aliases used in the text and the country each belongs to.

Where names come from: ORG entities (two split halves joined: "the Kiel
Institute" + "for" + "the World Economy"; a name run over a spaced dash split;
a country that ends a national branch's name kept: "Change UK"), other entities
that contain an organization word ("Center for Geopolitical Expertise" tagged
WORK_OF_ART), a capitalised or quoted name right after an organization word ("the
hacker collective "APT28""), the well-known organizations of ``organizations.tsv``
wherever they occur ("GRU", "anti-Kremlin"), and the names
:mod:`~newsgraph.extract.mentions.organizations.candidates` finds by how the text uses them; a piece
the model cut out of a longer whole name is that name (:mod:`~newsgraph.extract.mentions.organizations.wholes`).
Not organizations: the names :mod:`~newsgraph.extract.mentions.organizations.exclude` rules out (a
kind after "a", a portfolio inside a title, a place, an event or honour, a common word with a
capital, words of ``not_entities.tsv``), and names the text uses for things
(:mod:`~newsgraph.extract.mentions.things`: "the Comet 9 rocket", "the film Silver Harbour", "MV Aurora").

Aliases and joined mentions: :mod:`~newsgraph.extract.mentions.organizations.aliases`.

Country, first that applies: the table; a country name or demonym in the name
("National Bank of Kazakhstan", "Tajikistan's Foreign Ministry", "German
Foreign Office", "Tesco Polska"); a city or region that starts the name ("Kiel
Institute", "Northamptonshire police"); a country-code web domain
("Portfolio.hu"); the words around the name (:mod:`~newsgraph.extract.mentions.organizations.context`:
"Iran's Quds Force", "the Moscow-based think tank X", "UOKiK, the Polish
anti-monopoly agency", "X in Berlin"); for a national body with no country in the
text (a party, a police force, a union; not a company, an outlet or an
international body), the country the document is about, else the country its persons share
(:func:`countryless_bodies`, filled by the mentions' collector). An international body in
the table (NATO) has none.
"""

from __future__ import annotations

import re
import unicodedata

from newsgraph.core.model import Organization
from newsgraph.extract.mentions.index import (
    APOSTROPHES,
    DETERMINERS,
    HYPHENS,
    MentionIndex,
    country_of_text,
    org_key_prefixes,
)
from newsgraph.extract.mentions.organizations.aliases import (
    OrgMention,
    capitalised_run,
    find_aliases,
    join_acronyms,
    join_aliases,
    join_country_prefixed,
    join_first_words,
    join_generic,
    join_heads,
    join_tails,
    without_kind_word,
)
from newsgraph.extract.mentions.organizations.boilerplate import (
    dateline_credit,
    published_by,
    publishers,
    transcript_label,
)
from newsgraph.extract.mentions.organizations.candidates import (
    country_ministries,
    defined_acronyms,
    described_organizations,
    domain_country,
    listed_instances,
    named_before_org_words,
    web_sites,
)
from newsgraph.extract.mentions.organizations.context import context_country
from newsgraph.extract.mentions.organizations.exclude import dateline_tokens, excluded, has_org_word
from newsgraph.extract.mentions.organizations.split import list_continuation, list_pieces, second_place, thing_acronyms
from newsgraph.extract.mentions.organizations.wholes import table_names, through_country, widened
from newsgraph.extract.mentions.roles import OrgRef, main_country, place_in_name
from newsgraph.extract.mentions.things import thing_names, thing_use
from newsgraph.lexicon.gazetteer import is_city, lookup_place, not_entity_kind
from newsgraph.lexicon.known_orgs import (
    KnownOrg,
    ends_with_org_word,
    international_name,
    is_org_word,
    lookup_org,
    max_org_name_words,
    org_key,
    org_word_sector,
)

# Entity labels (besides ORG) that name an organization when they contain an organization word.
_OTHER_LABELS = frozenset({"WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "PERSON", "NORP"})
_QUOTES = frozenset({'"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "\u00ab", "\u00bb"})
_JOINERS = frozenset({"of", "for", "the", "and", "on", "in"})
_DASHES = frozenset({"-", "\u2013", "\u2014"})
_PAIR_JOINTS = re.compile(r"\s*(?:-|/|&|\band\b)\s*")
# Bodies whose names go on with "on" and their subject ("Select Committee on Ruritania").
_ON_HEADS = frozenset({"committee", "subcommittee", "commission", "council", "panel"})
# Cities that start an organization's name give its country only if this populous (calibrated on the
# seed and Wikinews: "Kiel" 250k keeps, "Federal" (Argentina, 16k) and other common words are out).
_CITY_PREFIX_MIN_POPULATION = 100_000


# Possessive determiners the tagger takes into a name at a sentence's start ("Its Foreign Ministry said").
_POSSESSIVE_DETERMINERS = frozenset({"its", "their", "his", "her", "our"})


def _clean(ix: MentionIndex, start: int, end: int) -> tuple[int, int] | None:
    """Trim determiners, quotes, punctuation, possessives and trailing function words; cut at an
    unclosed parenthesis ("the African Continental Free Trade Area (AfCFTA")."""
    doc = ix.toks
    for i in range(start, end):
        if doc[i].text == "(" and not any(doc[k].text == ")" for k in range(i, end)):
            end = i
            break
    while start < end and (
        (doc[start].lower_ in DETERMINERS and not _titled_the(ix, start, end))
        or doc[start].is_punct
        or doc[start].is_space
        or doc[start].text in _QUOTES
        or (doc[start].lower_ in _POSSESSIVE_DETERMINERS and end - start > 1)  # "Its Foreign Ministry"
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


def _titled_the(ix: MentionIndex, i: int, end: int | None = None) -> bool:
    """A capitalised "The" that is part of a title: inside a sentence ("told The Atlantic", "Borduria Today, The
    Lantern"), or before a newspaper's name ("The Daily Telegraph") anywhere."""
    if ix.toks[i].text != "The":
        return False
    p = ix.prev(i)
    if p >= 0 and (not ix.toks[p].is_punct or ix.toks[p].text == ",") and ix.toks[p].text not in _QUOTES:
        return True  # "told The Atlantic", "Borduria Today, The Lantern and ..."
    words = range(i + 1, end if end is not None else i + 1)
    return any(ix.toks[k].text[:1].isupper() and org_word_sector(ix.toks[k].text) == "MED" for k in words)


def _titled_work(ix: MentionIndex, start: int, end: int) -> tuple[int, int] | None:
    """ "The Atlantic" tagged a place: a name after a capitalised "The" inside a sentence that is
    no country, city or region names a publication or other organization."""
    p = start if ix.toks[start].text == "The" else ix.prev(start)
    if p < 0 or not _titled_the(ix, p):
        return None
    bare = ix.text(p + 1, end)
    if not bare or country_of_text(bare) or is_city(bare) or not_entity_kind(bare):
        return None
    return p, end


class _Covered:
    """The tokens some span covers, so an overlap test costs the span's length, not the number of spans."""

    def __init__(self, size: int, spans: list[tuple[int, int]]) -> None:
        self.flags = bytearray(size)
        for span in spans:
            self.add(span)

    def add(self, span: tuple[int, int]) -> None:
        self.flags[span[0] : span[1]] = b"\x01" * max(span[1] - span[0], 0)

    def hits(self, span: tuple[int, int]) -> bool:
        return 1 in self.flags[span[0] : span[1]]


def _generic(ix: MentionIndex, start: int, end: int) -> bool:
    return lookup_org(ix.text(start, end), generic=True) is not None


def _name_prefix(ix: MentionIndex, p: int) -> bool:
    """A one-word group name (NORP, not a country's demonym) written right before an organization's
    name, as part of it: "a Kataeb Hezbollah official"."""
    ent = ix.ent_at(p)
    tok = ix.toks[p]
    return (
        ent is not None
        and ent.label == "NORP"
        and ent.start == ent.end - 1 == p
        and p not in ix.country_at
        and tok.pos_ == "PROPN"
        and not tok.whitespace_.strip(" ")  # no line break between
    )


def _after_org_word(ix: MentionIndex, start: int) -> bool:
    """Whether a lower-case organization word (or "think tank") stands right before ``start``."""
    p = ix.prev(start)
    while p >= 0 and ix.toks[p].text in _QUOTES:
        p = ix.prev(p)
    if p < 0 or not ix.toks[p].is_lower:
        return False
    q = ix.prev(p)
    words = (ix.toks[q].lower_, ix.toks[p].lower_) if q >= 0 else (ix.toks[p].lower_,)
    return ends_with_org_word(words) > 0 and p not in ix.titles_ending


def _candidate_spans(ix: MentionIndex, persons: list[tuple[int, int]]) -> list[tuple[int, int]]:
    doc = ix.toks
    spans: list[tuple[int, int]] = []
    consumed: set[int] = set()
    by_person = _Covered(len(doc), persons)
    person_names = _person_names(ix, persons)
    for k, ent in enumerate(ix.ents):
        if k in consumed:
            continue
        span = _clean(ix, ent.start, ent.end)
        if span is not None:
            span = _clean(ix, *_after_persons_name(ix, span, person_names))
        if span is None or by_person.hits(span) or _a_persons_name(ix, span, person_names):
            continue
        if ent.label in ("LOC", "GPE", "FAC") and (titled := _titled_work(ix, *span)) is not None:
            span = titled
        elif ent.label == "ORG" and span[0] > 0 and _titled_the(ix, span[0] - 1, span[1]):
            span = (span[0] - 1, span[1])  # "told The" + "Lantern"
        elif ent.label != "ORG" and not (
            ent.label in _OTHER_LABELS and (has_org_word(ix, *span) or _after_org_word(ix, span[0]))
        ):
            continue
        s, e = span
        p = ix.prev(s)  # "Chile's" + "Finance Ministry", "Polish" + "Foreign Ministry"
        if p > 0 and doc[p].text in APOSTROPHES and p - 1 in ix.country_at and _generic(ix, s, e):
            s = ix.country_at[p - 1].start  # "Iran's Quds Force" stays "Quds Force" (org_context)
        elif p >= 0 and p in ix.country_at and ix.country_at[p].end == s and has_org_word(ix, s, e):
            s = ix.country_at[p].start
        elif p >= 0 and p == s - 1 and _name_prefix(ix, p):
            s = ix.ents[ix.ent_of[p]].start  # "Kataeb" (NORP) + "Hezbollah" (ORG)
        j = ix.next(e - 1)  # "the Kiel Institute" + "for the World Economy"
        if j >= 0 and _complement(doc[j].lower_, doc[e - 1].lower_) and has_org_word(ix, s, e):
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
                run = capitalised_run(ix, m)
                if run is not None:
                    e = run[1]
        e = through_country(ix, s, second_place(ix, s, _country_suffix(ix, s, e)))
        head = e
        while head > s and doc[head - 1].is_lower:
            head -= 1
        if s < head < e and lookup_org(ix.text(s, head), generic=None) is not None:
            e = head  # "the Ruritania Press news agency": the known name without its description
        cut = list_continuation(ix, s, e)  # "Union of Millers" + ", Bakers and Grocers"
        consumed.update(ix.ent_of[i] for i in range(e, cut) if ix.ent_of[i] > k)
        e = cut
        spans.extend(piece for part in _dash_pieces(ix, s, e) for piece in list_pieces(ix, *part))
    ministries = country_ministries(ix)  # "Armenia's defence ministry" over "Armenia" and "defence ministry"
    spans = [s for s in spans if not any(m[0] < s[1] and s[0] < m[1] for m in ministries)] + ministries
    wholes = [(k.start, k.end) for k in ix.known_orgs] + table_names(ix, spans) + defined_acronyms(ix)
    spans = widened(spans, [w for w in wholes if not by_person.hits(w)])
    taken = _Covered(len(doc), spans)
    for known in ix.known_orgs:
        span = (known.start, known.end)
        if not taken.hits(span) and not by_person.hits(span):
            spans.append(span)
            taken.add(span)
    others = (
        _named_after_org_words(ix),
        _qualified_generic(ix),
        web_sites(ix),
        listed_instances(ix),
        named_before_org_words(ix),
        defined_acronyms(ix),
        described_organizations(ix),
    )
    for extra in others:
        for span in extra:
            if not taken.hits(span) and not by_person.hits(span):
                spans.append(span)
                taken.add(span)
    city = dateline_tokens(ix)  # "MAE SOT, Thailand —", "HONIARA (AP) —": the wire's city, no organization
    return sorted(s for s in spans if not (city[0] < s[1] and s[0] < city[1]))


def _complement(word: str, head: str) -> bool:
    """Whether ``word`` after a name ending in ``head`` starts the rest of it: "of" and "for" after any
    ("the Kiel Institute for ..."), "on" after a body that deliberates ("the Select Committee on ...")."""
    return word in ("for", "of") or (word == "on" and head in _ON_HEADS)


def _fold(text: str) -> str:
    """Lower case without diacritics ("Kowalczyński" → "kowalczynski"): a name written with and without them."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


def _person_names(ix: MentionIndex, persons: list[tuple[int, int]]) -> frozenset[str]:
    """The document's person names, their surnames, the first name of a full name, the first of two
    surnames and all of them ("Ana", "Lima" and "Lima Prado" of "Ana Lima Prado"), and the plural of a
    surname (a family: "the Okafors"), folded (:func:`_fold`): one of them alone names the person."""
    out: set[str] = set()
    for s, e in persons:
        words = _fold(ix.text(s, e)).split()
        out.add(" ".join(words))
        out.add(words[-1])
        if len(words) >= 2:
            out.add(words[0])
            out.add(words[-1] + "s")
        if len(words) >= 3:
            out.add(words[-2])
            out.add(" ".join(words[1:]))
    return frozenset(out)


def _a_persons_name(ix: MentionIndex, span: tuple[int, int], names: frozenset[str]) -> bool:
    """An entity that is a person of the document, alone or glued to what precedes it: "Paz", "Peru
    Jorge Paz", "Red Cross Ana Lima" (the model's one ORG for a place or body and a name); or persons
    of the document joined as a ticket or a pair ("Okafor-Lindqvist", "Okafor and Lindqvist")."""
    text = _fold(ix.text(*span))
    words = text.split()
    if " ".join(words) in names:
        return True
    if len(words) >= 3 and " ".join(words[-2:]) in names:
        return True
    parts = [p for p in _PAIR_JOINTS.split(text) if p]
    return len(parts) >= 2 and all(p in names for p in parts)


def _after_persons_name(ix: MentionIndex, span: tuple[int, int], names: frozenset[str]) -> tuple[int, int]:
    """ "Ana Lima of Open Rivers", "Lima the Ruritania Party", "Lima's State Department", "Hulu's Beyond Fest": a
    person of the document glued before "of", "the" or a possessive and a body, or a known body's possessive
    before another name; the span after it (``span`` when none starts it)."""
    s, e = span
    for k in range(s + 1, e - 1):
        if ix.toks[k].lower_ in ("of", "the") and _fold(ix.text(s, k)) in names:
            return (k + 1 if ix.toks[k].lower_ == "of" else k), e
        if ix.toks[k].text in ("'s", "\u2019s") and (_fold(ix.text(s, k)) in names or _known(ix, s, k)):
            return k + 1, e
    return span


def _country_suffix(ix: MentionIndex, start: int, end: int) -> int:
    """ "[Change] [UK] candidates": a country name that ends an organization's name (a national party
    or branch), where the model split them; the end of the name."""
    span = ix.country_at.get(end)
    if span is None or span.start != end or ix.toks[end - 1].whitespace_ != " ":
        return end
    if ix.toks[end - 1].is_punct or lookup_org(ix.text(start, end), generic=None) is not None:
        return end  # "the EU Ukraine summit": a known body and a country, side by side
    after = span.end
    if after < len(ix.toks) and (ix.toks[after].text[:1].isupper() or ix.toks[after].text in APOSTROPHES):
        return end
    return span.end


def _dash_pieces(ix: MentionIndex, start: int, end: int) -> list[tuple[int, int]]:
    """ "Tesco — Netto Poland" tagged as one name: the names on either side of a spaced dash."""
    pieces: list[tuple[int, int]] = []
    s = start
    for i in range(start, end):
        tok = ix.toks[i]
        if tok.text in ("\u2014", "\u2013") and tok.whitespace_ and i > 0 and ix.toks[i - 1].whitespace_:
            piece = _clean(ix, s, i)
            if piece is not None:
                pieces.append(piece)
            s = i + 1
    piece = _clean(ix, s, end) if s > start else (start, end)
    if piece is not None:
        pieces.append(piece)
    return pieces


def _qualified_generic(ix: MentionIndex) -> list[tuple[int, int]]:
    """ "the Czech Foreign Ministry" untagged: a generic body right after a country name or demonym."""
    doc = ix.toks
    longest = max_org_name_words() * 2
    out = []
    for country in ix.countries:
        k = country.end
        if k < len(doc) and doc[k].text in APOSTROPHES:
            k += 1
        if k >= len(doc) or not doc[k].text[:1].isupper() or ix.ent_label(k) == "PERSON":
            continue
        found = ix.longest_match(k, longest, lambda text: lookup_org(text, generic=True), org_key_prefixes())
        if found is not None:
            out.append((country.start, found[0]))
    return out


def _named_after_org_words(ix: MentionIndex) -> list[tuple[int, int]]:
    """'the hacker collective "APT28"', 'the ruling party United Russia'."""
    doc = ix.toks
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
        while k >= 0 and (doc[k].text[:1].isupper() or doc[k].text[:1].isdigit() or doc[k].lower_ in _JOINERS):
            if doc[k].lower_ not in _JOINERS:
                last = k
            k = ix.next(k)
        if quoted or ix.ent_of[j] >= 0 or doc[j].pos_ == "PROPN":
            out.append((j, last + 1))
    return out


def _qualifier(ix: MentionIndex, start: int, end: int) -> tuple[str | None, int, int]:
    """A country that qualifies a name at its start or end, and the span of the rest."""
    doc = ix.toks
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
    doc = ix.toks
    words: list[str] = []
    for i in range(start, end):
        if is_org_word(doc[i].text) or not doc[i].text[:1].isupper():
            break
        words.append(doc[i].text)
    for n in range(len(words), 0, -1):
        place = lookup_place(" ".join(words[:n]), alternates=False)
        if place is None or not place.country:
            continue
        if place.kind != "city" or place.population >= _CITY_PREFIX_MIN_POPULATION:
            return place.country  # "Kiel Institute", "Northamptonshire police"
    return None


def _mention(ix: MentionIndex, start: int, end: int) -> OrgMention | None:
    text = ix.text(start, end)
    if excluded(ix, start, end, text):
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
    parent, rest = _parent(ix, start, end)  # "Islamic Revolutionary Guard Corps-Quds Force"
    if parent is not None:
        unit = lookup_org(ix.text(rest, end)) if rest < end else None
        if unit is not None:  # a unit known by its own name: that name's organization
            return OrgMention(start, end, text, "k:" + unit.name, known=unit, country=unit.country)
        country = ix.country_in(start, end) or parent.country  # "Tesco Polska"
        return OrgMention(
            start,
            end,
            text,
            "n:" + org_key(text),
            country=country,
            international=country is None and not parent.generic,
        )
    qual, rest_start, rest_end = _qualifier(ix, start, end)
    rest = ix.text(rest_start, rest_end)
    generic = lookup_org(rest, generic=True) if rest else None
    country = qual or ix.country_in(start, end) or _city_prefix_country(ix, start, end)
    country = country or domain_country(text)[1] or context_country(ix, start, end)
    if generic is not None:
        key = f"g:{generic.name}:{country or ''}" if qual else f"g:{generic.name}:"
        return OrgMention(start, end, text, key, generic=generic, qualified=qual is not None, country=country)
    return OrgMention(start, end, text, "n:" + org_key(text), country=country)


def _parent(ix: MentionIndex, start: int, end: int) -> tuple[KnownOrg | None, int]:
    """A well-known organization whose name begins this one (a unit of it), and where the rest starts."""
    for stop in range(end - 1, start, -1):
        if ix.toks[stop - 1].is_punct or (ix.toks[stop].text not in HYPHENS and ix.toks[stop - 1].is_space):
            continue
        known = lookup_org(ix.text(start, stop))
        if known is not None:
            rest = stop + 1 if ix.toks[stop].text in HYPHENS else stop
            return known, rest
    return None, end


def find_org_mentions(ix: MentionIndex, persons: list[tuple[int, int]], site: str | None = None) -> list[OrgMention]:
    """Organization mentions; ``site`` is the publisher's own name (:func:`site_name` of the page's URL),
    whose self-references ("told Wikinews") are no mention of an organization in the story."""
    things = thing_acronyms(ix)
    own = publishers(site, dateline_credit(ix.body))
    spans = _candidate_spans(ix, persons)
    unknown = [(s, e) for s, e in spans if not _known(ix, s, e)]
    named_things = {org_key(t) for t in thing_names(ix, unknown)}
    mentions = [
        m
        for s, e in spans
        if not transcript_label(ix, s, e) and (m := _mention(ix, s, e)) is not None
        and not published_by(m, own) and m.text not in things
        and not (org_key(m.text) in named_things or (m.known is not None and thing_use(ix, s, e)))
    ]  # fmt: skip
    find_aliases(ix, mentions)
    join_aliases(mentions)
    join_generic(ix, mentions)
    join_heads(mentions)
    join_country_prefixed(ix, mentions)
    join_first_words(mentions)
    join_tails(mentions)
    join_acronyms(mentions)
    return mentions


def _known(ix: MentionIndex, start: int, end: int) -> bool:
    return lookup_org(ix.text(start, end), generic=None) is not None


def build_organizations(ix: MentionIndex, mentions: list[OrgMention], doc_id: str) -> dict[str, Organization]:
    """Group mentions by key into :class:`Organization` records (keyed as the mentions), in text order."""
    groups: dict[str, list[OrgMention]] = {}
    for m in mentions:
        groups.setdefault(m.key, []).append(m)
    home = main_country(ix)
    out: dict[str, Organization] = {}
    for key, members in groups.items():
        known = next((m.known for m in members if m.known), None)
        if known is not None:
            name = known.name
        else:
            qualified = [m for m in members if m.qualified] or members
            name = max(qualified, key=lambda m: (len(m.text.split()), -m.start)).text
        written = name  # "the PASOK party" is "PASOK", the form written an alias
        name = (without_kind_word(name) if known is None else None) or name
        country = next((m.country for m in members if m.country), None)
        international = any(m.international for m in members)
        if known is not None:
            country = known.country
        elif country is None and not international and (found := place_in_name(name)) is not None:
            country = found  # "the University of Buenos Aires": named for a city of its country
        elif country is None and not international and _national_body(written):
            country = home  # a national body the text names without a country: the document's
        aliases: list[str] = [name[4:]] if name.startswith("The ") else []  # "The Daily Post" is "Daily Post"
        for m in members:
            for text in (m.text, *m.aliases):
                if org_key(text) != org_key(name) and org_key(text) not in {org_key(a) for a in aliases}:
                    aliases.append(text)
        spans = sorted({(m.start, m.end) for m in members} | {s for m in members for s in m.extra_spans})
        evidence = [ix.evidence(doc_id, s, e) for s, e in spans]
        out[key] = Organization(name=name, aliases=aliases, country=country, mentions=evidence)
    return out


def countryless_bodies(mentions: list[OrgMention], orgs: dict[str, Organization]) -> list[Organization]:
    """The national bodies left without a country (:func:`build_organizations` gives them the country the
    document is about, and there was none): the caller may give them the country its persons share."""
    groups: dict[str, list[OrgMention]] = {}
    for m in mentions:
        groups.setdefault(m.key, []).append(m)
    return [
        orgs[key]
        for key, members in groups.items()
        if orgs[key].country is None
        and not any(m.known is not None or m.international for m in members)
        and any(_national_body(m.text) for m in members)
    ]


def _national_body(name: str) -> bool:
    """A name with an organization word of a body most countries have of their own (a party, a
    police force, a university), not of a company or outlet, and no international word."""
    words = name.split()
    sectors = {org_word_sector(w) for w in words if is_org_word(w)}
    return bool(sectors) and not sectors & {"BUS", "MED"} and not international_name(name)


def org_refs(mentions: list[OrgMention], orgs: dict[str, Organization]) -> list[OrgRef]:
    """What the person rules need to know about each organization mention."""
    international = {m.key for m in mentions if m.international}
    return [
        OrgRef(m.start, m.end, orgs[m.key].name, orgs[m.key].country, m.key in international, m.text) for m in mentions
    ]
