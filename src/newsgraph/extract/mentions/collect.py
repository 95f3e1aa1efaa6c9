"""Mentions: persons, organizations, places and countries of one document, and of one page.

:func:`extract_mentions` reads one parsed ``Doc`` (one pass to build a
:class:`~newsgraph.extract.mentions.index.MentionIndex`, then the rules of
:mod:`~newsgraph.extract.mentions.persons`, :mod:`~newsgraph.extract.mentions.organizations.collect` and
:mod:`~newsgraph.extract.mentions.places`); :func:`merge_mention_sets` merges the sets of
the documents of one page (main article and teasers), and
:meth:`MentionSet.resolve` maps a name as written ("Putin", "the Kremlin", "Nato")
to the entity it refers to.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsgraph.core.model import Evidence, Organization, Person, Place
from newsgraph.core.textnorm import name_words
from newsgraph.extract.mentions.index import MentionIndex
from newsgraph.extract.mentions.organizations.boilerplate import site_name
from newsgraph.extract.mentions.organizations.collect import (
    build_organizations,
    countryless_bodies,
    find_org_mentions,
    org_refs,
)
from newsgraph.extract.mentions.organizations.parties import add_parties
from newsgraph.extract.mentions.persons import (
    find_person_spans,
    find_roles,
    group_attributes,
    group_mentions,
    people_country,
)
from newsgraph.extract.mentions.places import find_countries, find_places
from newsgraph.extract.mentions.roles import main_country
from newsgraph.lexicon.countries import country_code
from newsgraph.lexicon.gazetteer import lookup_place
from newsgraph.lexicon.known_orgs import lookup_org, org_key
from newsgraph.lexicon.titles import find_titles, title_words

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass
class MentionSet:
    persons: list[Person] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    country_mentions: list[tuple[str, Evidence]] = field(default_factory=list)
    # answers of resolve() by text: the coder asks for the same names sentence after sentence
    _resolved: dict[str, Person | Organization | None] = field(default_factory=dict, repr=False, compare=False)

    def resolve(self, text: str) -> Person | Organization | None:
        """The person or organization ``text`` names: full name, alias, surname, org name or alias.

        Leading titles are ignored ("President Putin" → Vladimir Putin); a surname
        shared by two persons resolves to the first one named; one word that only begins one person's name
        resolves to that person ("Wang" → Wang Wenbin, whose family name is written first).
        """
        if text not in self._resolved:
            self._resolved[text] = self._resolve(text)
        return self._resolved[text]

    def _resolve(self, text: str) -> Person | Organization | None:
        if not text or not text.strip():
            return None
        key = name_words(_strip_title(text))
        if not key:
            return None
        for person in self.persons:
            if key in {name_words(n) for n in (person.name, *person.aliases)}:
                return person
        okey = org_key(text)
        for org in self.organizations:
            if okey in {org_key(n) for n in (org.name, *org.aliases)}:
                return org
        known = lookup_org(text)
        if known is not None:
            for org in self.organizations:
                if org.name == known.name:
                    return org
        for person in self.persons:
            full = name_words(person.name)
            if len(full) > len(key) and full[-len(key) :] == key:
                return person
        if len(key) > 1:  # "Ahmat Youssouf" for "Ahmat Youssouf Haggar": a name the tagger cut short, one person
            cut = [p for p in self.persons if len(w := name_words(p.name)) > len(key) and w[: len(key)] == key]
            if len(cut) == 1:
                return cut[0]
        if len(key) == 1:  # "Wang" for "Wang Wenbin": a family name written first, one person of it
            firsts = [p for p in self.persons if len(w := name_words(p.name)) > 1 and w[0] == key[0]]
            if len(firsts) == 1:
                return firsts[0]
        return self._org_by_first_words(text, key)

    def _org_by_first_words(self, text: str, key: tuple[str, ...]) -> Organization | None:
        """The one organization whose name begins with the words of ``text`` ("Mahan" after "Mahan Air"), unless
        they name a country, a people or a place ("Iranian" is no short form of "Iranian Red Crescent", nor
        "Paris" of "Paris Police Prefecture")."""
        if country_code(text) is not None or lookup_place(text, alternates=False) is not None:
            return None
        found = [o for o in self.organizations if (w := name_words(o.name))[: len(key)] == key and len(w) > len(key)]
        return found[0] if len(found) == 1 else None


def _strip_title(text: str) -> str:
    words = text.split()
    titles = find_titles(title_words(" ".join(words)))
    if titles and titles[0][0] == 0 and titles[0][1] < len(words) and len(title_words(text)) == len(words):
        return " ".join(words[titles[0][1] :])
    return text


def extract_mentions(doc: Doc, doc_id: str, published: str | None = None, url: str | None = None) -> MentionSet:
    """Persons, organizations, places and countries mentioned in ``doc``, each with evidence (``published``:
    the date a person's office is looked up on; ``url``: the page's address, whose publisher is no
    organization of the story)."""
    if len(doc) == 0:
        return MentionSet()
    ix = MentionIndex(doc)
    person_spans = find_person_spans(ix)
    org_mentions = find_org_mentions(ix, person_spans, site_name(url))
    orgs = build_organizations(ix, org_mentions, doc_id)
    person_mentions = find_roles(ix, person_spans, org_refs(org_mentions, orgs))
    persons: list[Person] = []
    groups = group_mentions(person_mentions)
    shared_country = people_country(groups, published)
    if shared_country is not None and main_country(ix) is None:  # a story of no one country, its persons' one
        for org in countryless_bodies(org_mentions, orgs):
            org.country = shared_country
    add_parties(ix, main_country(ix) or shared_country, orgs, doc_id)  # "Democrats", "a Republican senator"
    for group in groups:
        role, country, organization = group_attributes(group, published, shared_country)
        name = group.name
        aliases: list[str] = []
        for m in group.mentions:
            if name_words(m.name) != name_words(name) and name_words(m.name) not in {name_words(a) for a in aliases}:
                aliases.append(m.name)
        evidence = [ix.evidence(doc_id, m.start, m.end) for m in group.mentions]
        persons.append(Person(name, aliases, role, country, organization, evidence))
    taken = person_spans + [(m.start, m.end) for m in org_mentions]
    places = find_places(ix, taken, doc_id, person_spans)
    countries, country_mentions = find_countries(ix, doc_id)
    return MentionSet(persons, list(orgs.values()), places, countries, country_mentions)


def merge_mention_sets(sets: list[MentionSet]) -> MentionSet:
    """Merge the mention sets of one page's documents.

    Persons are the same when their full names match or when one's name is the
    other's surname ("Putin" joins "Vladimir Putin"); the first non-empty role,
    country and organization are kept. Organizations merge on any shared name or
    alias when their countries agree; places on name and country.
    """
    out = MentionSet()
    for ms in sets:
        for person in ms.persons:
            _merge_person(out.persons, person)
        for org in ms.organizations:
            _merge_org(out.organizations, org)
        for place in ms.places:
            _merge_place(out.places, place)
        for code in ms.countries:
            if code not in out.countries:
                out.countries.append(code)
        out.country_mentions.extend(ms.country_mentions)
    return out


def _copy_person(p: Person) -> Person:
    return Person(p.name, list(p.aliases), p.role, p.country, p.organization, list(p.mentions))


def _merge_person(persons: list[Person], new: Person) -> None:
    new_key = name_words(new.name)
    target: Person | None = None
    for p in persons:
        if name_words(p.name) == new_key or new_key in {name_words(a) for a in p.aliases}:
            target = p
            break
    if target is None:
        for p in persons:
            full = name_words(p.name)
            if len(full) > len(new_key) and full[-len(new_key) :] == new_key:
                target = p
                break
    if target is None:
        for i, p in enumerate(persons):  # an earlier surname-only person and now the full name
            short = name_words(p.name)
            if len(new_key) > len(short) and new_key[-len(short) :] == short:
                merged = _copy_person(new)
                _absorb_person(merged, p)
                persons[i] = merged
                return
        persons.append(_copy_person(new))
        return
    _absorb_person(target, new)


def _absorb_person(target: Person, other: Person) -> None:
    for alias in (other.name, *other.aliases):
        keys = {name_words(a) for a in (target.name, *target.aliases)}
        if name_words(alias) not in keys:
            target.aliases.append(alias)
    target.role = target.role or other.role
    target.country = target.country or other.country
    target.organization = target.organization or other.organization
    target.mentions.extend(other.mentions)


def _merge_org(orgs: list[Organization], new: Organization) -> None:
    new_keys = {org_key(n) for n in (new.name, *new.aliases)}
    for org in orgs:
        keys = {org_key(n) for n in (org.name, *org.aliases)}
        if org_key(new.name) in keys or org_key(org.name) in new_keys:
            if org.country and new.country and org.country != new.country:
                continue
            for alias in new.aliases:
                if org_key(alias) not in keys and org_key(alias) != org_key(org.name):
                    org.aliases.append(alias)
                    keys.add(org_key(alias))
            org.country = org.country or new.country
            org.mentions.extend(new.mentions)
            return
    orgs.append(Organization(new.name, list(new.aliases), new.country, list(new.mentions)))


def _merge_place(places: list[Place], new: Place) -> None:
    for place in places:
        if org_key(place.name) == org_key(new.name) and (place.country == new.country or not new.country):
            place.mentions.extend(new.mentions)
            return
    places.append(Place(new.name, new.country, new.lat, new.lon, list(new.mentions)))
