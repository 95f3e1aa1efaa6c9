"""Person evidence from the name itself: a first name (``first_names.tsv``) starting a short proper name.

The small model tags many persons' names ORG, PRODUCT or GPE when no title stands before them
("Dana Okafor said"), and glues a place or a body written before a name into one entity with it
("[Ruritania Dana Okafor]", "[NPR Dana Okafor]", after "First Minister of" or "Senator from"). Two
rules use the first-name table for both:

- :func:`first_name_start`: a span of two to four name words whose first is a first name and none of
  whose words is an organization word, a place word or a place, not after a determiner ("the Morgan
  Stanley report"), is a person's name;
- :func:`name_after_prefix`: inside one entity, a country, place, known organization, portfolio or
  organization word followed by such a name: the name alone is the person's.

A first name that is also a place ("Georgia", "Paris", "Jordan") is no evidence.
"""

from __future__ import annotations

from newsgraph.extract.mentions.index import (
    APOSTROPHES,
    DETERMINERS,
    HYPHENS,
    NAME_PARTICLES,
    MentionIndex,
    country_of_text,
)
from newsgraph.extract.mentions.roles import apposition_after, apposition_before, predicate_after, titled_before
from newsgraph.lexicon.cues import speech_verbs
from newsgraph.lexicon.gazetteer import is_city, is_place_word, lookup_place, lookup_region, not_entity_kind
from newsgraph.lexicon.known_orgs import is_org_word, is_portfolio, lookup_org
from newsgraph.lexicon.names import is_first_name
from newsgraph.lexicon.titles import is_modifier, lookup_title, title_words

_MIN_WORDS = 2
# Entity labels under which the small model puts persons' names it does not recognise.
_NAME_LABELS = frozenset({"ORG", "PRODUCT", "WORK_OF_ART"})
_MAX_WORDS = 4


def first_name_at(ix: MentionIndex, i: int) -> bool:
    """Whether token ``i`` is a capitalised first name that is no place ("Georgia") and no country."""
    word = ix.toks[i].text
    if not word[:1].isupper() or word.isupper() or word.lower() in NAME_PARTICLES or not is_first_name(word):
        return False
    # A city's own name only: an alternate spelling ("Nadia" for Navadwip, "Julia", "Sam") is no place a reader
    # would take the word for.
    city = is_city(word, alternates=False)
    return not (country_of_text(word) or lookup_region(word) or city or not_entity_kind(word))


def _name_words(ix: MentionIndex, start: int, end: int) -> bool:
    """Two to four name tokens, capitalised but for particles ("bin", "de"), no organization or place word."""
    words = ix.text(start, end).split()  # "Nils-Erik Okafor": two words; "Kimberly-Clark": one
    if not _MIN_WORDS <= len(words) <= _MAX_WORDS or not all(ix.is_name_token(i) for i in range(start, end)):
        return False
    if any(not (w[:1].isupper() or w.lower() in NAME_PARTICLES) for w in words):
        return False
    if any(is_org_word(w) or is_place_word(w) for w in words) or ix.toks[end - 1].like_num:
        return False  # "Marine One": a name and a number names a thing
    text = ix.text(start, end)
    return not (lookup_org(text, generic=None) or lookup_place(text, alternates=False) or lookup_region(text))


def relative_who_after(ix: MentionIndex, start: int, end: int) -> bool:
    """ "Viktar Babaryka, who was arrested": a short name of name words that "who" or "whose" follows
    (an organization takes "which")."""
    nxt = ix.next(end - 1)
    if nxt >= 0 and ix.toks[nxt].text == ",":
        nxt = ix.next(nxt)
    return nxt >= 0 and ix.toks[nxt].lower_ in ("who", "whose") and _name_words(ix, start, end)


def persons_name_shape(ix: MentionIndex, start: int, end: int) -> bool:
    """Two to four name words that start with a first name, not after a determiner ("the Morgan Stanley
    report") and not a place's name that starts with a first name ("Abu Dhabi ...")."""
    before = ix.prev(start)
    if before >= 0 and ix.toks[before].lower_ in DETERMINERS:
        return False
    if start + 2 <= end and _place(ix.text(start, start + 2)):
        return False
    return first_name_at(ix, start) and _name_words(ix, start, end)


def with_first_name_before(ix: MentionIndex, start: int, end: int) -> tuple[int, int] | None:
    """ "Dana [Okafor]": a surname the model tagged alone, right after an untagged first name: the whole
    name, or None."""
    p = start - 1
    if p < 0 or ix.ent_of[p] >= 0 or ix.sent_of[p] != ix.sent_of[start] or not ix.toks[p].whitespace_:
        return None
    return (p, end) if persons_name_shape(ix, p, end) else None


def first_name_start(ix: MentionIndex, start: int, end: int) -> bool:
    """ "Dana Okafor" tagged ORG: a short name that starts with a first name is a person's. Only for the
    labels the model gives persons' names by mistake: a group ("Roman Catholic", NORP), a building or
    a place named after a person is no person."""
    ent = ix.ent_at(start)
    if ent is None or ent.label not in _NAME_LABELS:
        return False
    return persons_name_shape(ix, start, end)


def _prefix_names_no_person(ix: MentionIndex, start: int, end: int) -> bool:
    """What may stand glued before a name in one entity: a country, a place, a known body, a portfolio,
    a title or anything ending in an organization word ("Ruritania", "NPR", "Economy", "House")."""
    if first_name_at(ix, end - 1):
        return False  # "Ali Reza Raisi": two first names start one name
    text = ix.text(start, end)
    last = ix.toks[end - 1].text
    return bool(
        _place(text)
        or lookup_org(text, generic=None)
        or is_portfolio(text)
        or is_org_word(last)
        or lookup_title(title_words(text))
        or agent_noun(ix, start, end)
    )


def agent_noun(ix: MentionIndex, start: int, end: int) -> bool:
    """ "[Criminologist Maryse Tremblay]", "[Moderator Chris Wallace]": one capitalised word with the ending of a
    noun for a person's trade or part (-ist, -er, -or, -ant) that is no first name itself ("Hunter")."""
    word = ix.toks[start].text
    return (
        end - start == 1 and word.istitle() and word.lower().endswith(_AGENT_ENDINGS) and not first_name_at(ix, start)
    )


# Endings of English nouns for a person by what the person does ("criminologist", "moderator", "whistleblower").
_AGENT_ENDINGS = ("ist", "er", "or", "ant")  # not "-ian": "Asian", "Canadian" are peoples


def _after_title_and_preposition(ix: MentionIndex, start: int) -> bool:
    """ "Senator from [Ruritania Dana Okafor]", "First Minister of [...]": a title, then "from" or "of"."""
    p = ix.prev(start)
    if p < 0 or ix.toks[p].lower_ not in ("from", "of"):
        return False
    q = ix.prev(p)
    return q >= 0 and q in ix.titles_ending


def name_after_prefix(ix: MentionIndex, start: int, end: int) -> tuple[int, int] | None:
    """ "[Ruritania Dana Okafor]": the name (from a first name to the end) after a place or body that
    the model joined to it, or None. After "TITLE from" / "TITLE of" the title is the person evidence:
    the name after a place needs no listed first name ("Senator from [Ruritania Bo Okafor]")."""
    titled = _after_title_and_preposition(ix, start)
    for i in range(start + 1, end - 1):
        evidence = first_name_at(ix, i) or (titled and _place(ix.text(start, i)))
        if evidence and _name_words(ix, i, end) and _prefix_names_no_person(ix, start, i):
            return i, end
    return None


def _place(text: str) -> bool:
    """A country, a city or a region (a state, a province) of the gazetteer."""
    place = lookup_place(text, alternates=False)
    in_gazetteer = place is not None and place.kind in ("region", "state")
    return bool(country_of_text(text) or is_city(text) or lookup_region(text) or in_gazetteer)


def lone_name_evidence(ix: MentionIndex, start: int, end: int) -> bool:
    """Person evidence for a one-word name the model tags PERSON that is no surname of a full name of the
    document: a title or a role around it ("Minister Okafor", "Okafor, the minister"), a first name,
    "named" or "called" before it, a possessive or a verb right after it ("Okafor's", "Okafor said"), a
    noun it qualifies after "the" ("the Okafor administration").
    "Qom", "Dawn", "Energean" have none."""
    if end - start != 1:
        return True
    before, after = ix.prev(start), ix.next(start)
    qualifies = after >= 0 and ix.toks[after].is_lower and ix.toks[after].pos_ == "NOUN"  # "the Okafor government"
    if before >= 0 and ix.toks[before].lower_ == "the" and not qualifies and not titled_before(ix, start):
        return False  # "the Seimas had voted": a body or a thing, never a person's name alone
    if first_name_at(ix, start) or titled_before(ix, start):
        return True
    if apposition_before(ix, start) or apposition_after(ix, end) or predicate_after(ix, end):
        return True
    before = ix.prev(start)
    if before >= 0 and ix.toks[before].lower_ in ("named", "called"):
        return True  # "a chef named Lukasz"
    nxt = ix.next(end - 1)
    if nxt < 0:
        return False
    tok = ix.toks[nxt]
    if tok.is_lower and tok.pos_ == "NOUN" and before >= 0 and ix.toks[before].lower_ == "the":
        return True  # "the Okafor administration": the person's office or circle
    return (
        tok.text in APOSTROPHES or tok.lemma_ in speech_verbs() or (tok.pos_ in ("VERB", "AUX") and tok.dep_ != "amod")
    )


def drop_surname_pairs(ix: MentionIndex, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Without "Okafor-Lindqvist" (a ticket, a match, a meeting: "the Okafor-Lindqvist debate") where both
    halves of the hyphenated name are surnames of other persons of the document."""
    surnames = {ix.toks[e - 1].text for s, e in spans if e - s >= 2}
    out = []
    for s, e in spans:
        parts = ix.text(s, e).replace("\u2013", "-").split("-")
        if len(parts) == 2 and " " not in ix.text(s, e) and all(p in surnames for p in parts):
            continue
        out.append((s, e))
    return out


def extend_name_right(ix: MentionIndex, start: int, end: int) -> tuple[int, int]:
    """ "[Roch Marc] Christian Kaboré", "[Sahle]-Work Zewde": take in the name words the model left out
    after the name (untagged, or tagged as a people or a group), up to a word that names anything else."""
    doc = ix.toks
    while end < len(doc) and end - start < _MAX_WORDS + 3:
        tok = doc[end]
        glued = tok.text in HYPHENS and not doc[end - 1].whitespace_ and not tok.whitespace_
        if glued and end + 1 < len(doc) and doc[end + 1].text[:1].isupper():
            end += 2  # "Sahle-Work"
            continue
        if (
            not doc[end - 1].whitespace_
            or ix.ent_label(end) not in ("", "NORP", "PERSON")
            or tok.pos_ != "PROPN"
            or not tok.text[:1].isupper()
            or tok.text.isupper()
            or is_org_word(tok.text)
            or is_place_word(tok.text)  # "Bernardo O'Higgins Base"
            or not_entity_kind(tok.text) is not None  # "Ana Lima Image": a picture credit
            or end in ix.country_at
            or _title_before_name(ix, end)  # "[Tajik Energy] Minister Davlatali Saidzoda", not "Michel Mayor said"
            or not ix.is_name_token(end)
            or ix.sent_of[end] != ix.sent_of[start]
        ):
            break
        end += 1
    return start, end


def _title_before_name(ix: MentionIndex, i: int) -> bool:
    """A title begins at token ``i`` and a proper noun follows it at once: the title of the name after it."""
    title = ix.titles_starting.get(i)
    return title is not None and title[0] < len(ix.toks) and ix.toks[title[0]].pos_ == "PROPN"


def extend_name_left(ix: MentionIndex, start: int, end: int) -> tuple[int, int]:
    """ "Yolanda [Yu Hoi-kwan]": take in untagged proper nouns the model left out of the name."""
    doc = ix.toks
    while start > 0:
        p = start - 1
        tok = doc[p]
        if (
            ix.ent_of[p] >= 0
            or tok.pos_ != "PROPN"
            or not tok.text[:1].isupper()
            or p in ix.titles_ending
            or is_modifier(tok.text)
            or is_org_word(tok.text)
            or is_portfolio(tok.text)  # "Minister of [Economy] Ana Lima"
            or p in ix.country_at
            or not ix.is_name_token(p)
            or ix.sent_of[p] != ix.sent_of[start]
            or (agent_noun(ix, p, p + 1) and first_name_at(ix, start))  # "Moderator [Chris Wallace]"
        ):
            break
        start = p
    return start, end


__all__ = [
    "agent_noun",
    "drop_surname_pairs",
    "extend_name_left",
    "extend_name_right",
    "first_name_at",
    "first_name_start",
    "lone_name_evidence",
    "name_after_prefix",
    "persons_name_shape",
    "relative_who_after",
    "with_first_name_before",
]
