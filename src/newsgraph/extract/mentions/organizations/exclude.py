"""Candidate names that are no organization: what :mod:`~newsgraph.extract.mentions.organizations.collect`
drops before it keys a name.

A kind after "a" ("a U.S.-designated Foreign Terrorist Organization"), a portfolio inside a title ("Secretary
of State", "Social Affairs Minister"), a name of one letter ("wrote on X."), a country, city, region or area
("... International Airport"), a building or site named after the body it houses ("Police Headquarters"), a
law ("Clean Rivers Protection Act"), a country joined to something else ("Crete and Cyprus"), a place and
where it is ("Omsk in Siberia"), the name of an event, honour, contest or condition ("the Harbour Summit",
"the Ruritania Prize", "Ruritanian Fever Syndrome"), a legislature's name for a seat in it ("ran for
Congress"), a hashtag, a ticket of two persons ("Okafor/Lindqvist"), a person's first name and surname, a
product after a number ("120 Lancet drones"), a common word written with a capital at a sentence's start or in
capitals ("Reports said", "ONWARDS"), words of ``not_entities.tsv`` ("UTC"), an international body's name
qualifying one of its branches ("the United Nations refugee agency").
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsgraph.extract.mentions.index import HYPHENS, MentionIndex, country_of_text
from newsgraph.extract.mentions.name_evidence import persons_name_shape
from newsgraph.extract.mentions.organizations.split import slash_pair
from newsgraph.extract.mentions.roles import dateline_city
from newsgraph.lexicon.gazetteer import (
    ends_thing_name,
    is_city,
    lookup_place,
    lookup_region,
    not_entity_kind,
    place_word_kind,
)
from newsgraph.lexicon.known_orgs import (
    is_legal_document_word,
    is_org_word,
    is_portfolio,
    lookup_org,
    org_word_sector,
)

# Tags of a word that names nothing by itself: a common noun, adjective, adverb or verb.
_COMMON_TAGS = frozenset({"NN", "NNS", "JJ", "JJR", "JJS", "RB", "RBR", "RBS", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ"})
# Words of candidacy around a legislature's name that make it a seat ("ran for Congress", "Senate races").
_CANDIDACY_AFTER = frozenset({"seat", "seats", "race", "races", "nomination", "candidate", "candidacy", "primary"})
_CANDIDACY_BEFORE = frozenset({"run", "bid", "campaign", "candidate", "candidacy"})
# An acronym is this short at most; a longer word in capitals is a word shouted ("ONWARDS").
_ACRONYM_MAX = 5


def has_org_word(ix: MentionIndex, start: int, end: int) -> bool:
    """Whether a capitalised organization word stands in tokens ``[start, end)``."""
    return any(ix.toks[i].text[:1].isupper() and is_org_word(ix.toks[i].text) for i in range(start, end))


def _common_word(ix: MentionIndex, start: int, end: int, text: str) -> bool:
    """One word the tagger reads as a common word (not a proper noun), no acronym, web domain or known body:
    "Reports said", "Thousands gathered", "Frankly, ...", "ONWARDS"."""
    if end - start != 1 or "." in text or any(c.isdigit() for c in text):
        return False
    tok = ix.toks[start]
    if tok.tag_ not in _COMMON_TAGS or is_org_word(text):
        return False
    if text.isupper() and len(text) <= _ACRONYM_MAX:
        return False
    if sum(c.isupper() for c in text) >= 2 and not text.isupper():
        return False  # "eBay", "YouTube": a brand's inner capital
    return lookup_org(text, generic=None) is None


def _legislature_as_office(ix: MentionIndex, start: int, end: int, text: str) -> bool:
    """A legislature's name used for a seat in it: after "run for" ("ran for the Senate in 2018", "his bid
    for Congress") or before a word of candidacy ("Senate races", "the Senate seat", "a Senate nomination")."""
    last = ix.toks[end - 1].text
    known = lookup_org(text, generic=None)
    if org_word_sector(last) != "LEG" and not (known is not None and known.sector == "LEG"):
        return False
    nxt = ix.next(end - 1)
    if nxt >= 0 and ix.toks[nxt].lower_ in _CANDIDACY_AFTER:
        return True
    p = ix.prev(start)
    q = ix.prev(p) if p >= 0 else -1
    return p >= 0 and q >= 0 and ix.toks[p].lower_ == "for" and ix.toks[q].lemma_.lower() in _CANDIDACY_BEFORE


def excluded(ix: MentionIndex, start: int, end: int, text: str) -> bool:
    """Whether the candidate name ``text`` at tokens ``[start, end)`` is no organization (module docstring)."""
    if not text or not (text[0].isupper() or text[0].isdigit()):
        return True
    titled = text.startswith("The ")  # kept only where part of a title ("The Atlantic")
    if country_of_text(text) or not_entity_kind(text) or (lookup_region(text) and not titled):
        return True
    if all(i in ix.country_at for i in range(start, end) if not ix.toks[i].is_punct):
        return True
    if is_city(text) and not has_org_word(ix, start, end) and lookup_org(text, generic=None) is None:
        return True  # "Niamey" tagged ORG: a city (extract/places.py keeps it)
    last = ix.toks[end - 1].text
    area = place_word_kind(last) == "area" and (last[:1].isupper() or end - start >= 2)  # "A'Beckett street" too
    if area and not has_org_word(ix, start, end - 1) and lookup_org(text, generic=None) is None:
        return True  # "José Martí International Airport": a place (extract/places.py keeps it)
    if place_word_kind(last) == "facility" and last[:1].isupper() and lookup_org(text, generic=None) is None:
        return True  # "Harbour Police Headquarters": the building, not the force
    if _common_word(ix, start, end, text):
        return True  # "Reports said ...", "ONWARDS!": a common word written with a capital
    if _legislature_as_office(ix, start, end, text):
        return True  # "ran for the Senate", "a Senate seat": the office, not the chamber acting
    if any(is_legal_document_word(ix.toks[i].text) for i in range(start + 1, end)) and lookup_org(text) is None:
        return True  # "Clean Rivers Protection Act", "Freedom of Press Act": a law, not a body
    if all(ix.in_title[i] for i in range(start, end)) or _portfolio_after_title(ix, start, end, text):
        return True  # "Secretary of State", "the Secretary of Transportation": part of a title
    if _joins_a_country(ix, start, end):
        return True  # "the sea between Crete and Cyprus"
    if _place_in_place(ix, start, end) or _place_pair(text):
        return True  # "Omsk in Siberia", "Auckland, New Zealand", "BANJUL/DAKAR": places
    if end - start >= 2 and ends_thing_name(last) and lookup_org(text, generic=None) is None:
        return True  # "the Ruritanian Civil War", "the Harbour Summit", "the Ruritania Prize": no body
    if _thing_before_of(ix, start, end) and lookup_org(text, generic=None) is None:
        return True  # "the National Medal of Science", "the Ruritania Prize in Physics": the same, with a field
    if start > 0 and ix.toks[start - 1].text == "#" and not ix.toks[start - 1].whitespace_:
        return True  # "#Ruritania2030": a hashtag
    if end - start == 1 and _qualifies_a_title(ix, start, text):
        return True  # "Commerce Secretary X": a portfolio inside a role
    if _portfolio_before_minister(ix, start, end, text):
        return True  # "Social Affairs Minister X", "Economy, Trade and Industry Minister X": the office's field
    if _initial(ix.toks[start].text):
        return True  # "wrote on X.", "on X. India's ministry said": one letter names no body
    if _after_locative(ix, start, end, text) or _named_area(ix, start, end, text):
        return True  # "a factory in Monastir", "the provinces of Cotopaxi and Chimborazo": places, not bodies
    if _modifies_a_place(ix, start, end, text):
        return True  # "the Kashveti church", "the Poipet border crossing": a place's name
    if _prefixed_name(ix, start, end, text) and lookup_org(text, generic=None) is None:
        return True  # "Hurricane Dorian", "Operation Fast Track", and "Dorian" alone where the story says which
    if slash_pair(ix, start, end):
        return True  # "Okafor/Lindqvist": a ticket of two persons
    if persons_name_shape(ix, start, end) and lookup_org(text, generic=None) is None:
        return True  # "Dana Okafor, a spokesman": a first name and a surname name a person
    if _names_a_branch(ix, end, text):
        return True  # "the United Nations refugee agency", "the UN human rights office": the branch, named apart
    before, after = ix.prev(start), ix.next(end - 1)
    noun_after = after >= 0 and ix.toks[after].is_lower and ix.toks[after].pos_ == "NOUN"
    if _indefinite(ix, start) and not noun_after:
        return True  # "a U.S.-designated Foreign Terrorist Organization": a kind, not a name
    # "120 Lancet drones": a number before and a plural noun after make the name a product's
    return (
        before >= 0
        and ix.toks[before].like_num
        and after >= 0
        and ix.toks[after].is_lower
        and ix.toks[after].pos_ == "NOUN"
    )


def _names_a_branch(ix: MentionIndex, end: int, text: str) -> bool:
    """An international body's name that qualifies a lower-case organization word after it, past a few
    lower-case words ("the United Nations peacekeeping force", "the UN human rights office in Geneva"): the
    words name one of its branches, which the text names on its own ("UNIFIL", "the UN refugee agency")."""
    known = lookup_org(text, generic=None)
    if known is None or known.country is not None or known.sector != "IGO":
        return False
    q, steps = ix.next(end - 1), 0
    while q >= 0 and steps < _BRANCH_WORDS and ix.toks[q].is_lower and ix.toks[q].pos_ in ("NOUN", "ADJ"):
        if is_org_word(ix.toks[q].text):
            return True
        q, steps = ix.next(q), steps + 1
    return False


_BRANCH_WORDS = 4  # lower-case words read after a body's name for the branch it qualifies


# Title nouns of a government office that a portfolio's name comes right before ("Home Minister", "Social
# Welfare Secretary"): the capitalised words before them name the field, not a body.
_MINISTER_NOUNS = frozenset({"minister", "secretary"})


def _portfolio_before_minister(ix: MentionIndex, start: int, end: int, text: str) -> bool:
    """Words with no organization word, no acronym and no known body right before "Minister" or "Secretary"
    ("International Trade and Industry Minister", "Home Minister"): the office's portfolio."""
    nxt = ix.next(end - 1)
    if nxt < 0 or ix.toks[nxt].lower_ not in _MINISTER_NOUNS or not ix.toks[nxt].text[:1].isupper():
        return False
    if has_org_word(ix, start, end) or any(ix.toks[i].text.isupper() for i in range(start, end)):
        return False  # "Party Secretary", "NDP Secretary": a body's officer
    return lookup_org(text, generic=None) is None


def _initial(first: str) -> bool:
    """A name's first word of one letter, with or without a full stop ("X.", "B"): an initial or a cut
    name (the model runs "X." on into the next sentence's first word), no organization's."""
    return len(first.rstrip(".")) == 1 and first[:1].isalpha()


def _qualifies_a_title(ix: MentionIndex, start: int, text: str) -> bool:
    """One word that is a portfolio ("Commerce", "Defence") right before a title noun: it names the office,
    not an organization of the story (a body there is one: "Senate Majority Leader")."""
    nxt = ix.next(start)
    if nxt < 0 or nxt not in ix.titles_starting or ix.titles_starting[nxt][1].kind != "title":
        return False
    return is_portfolio(text) and lookup_org(text, generic=None) is None


def _is_place(text: str) -> bool:
    place = lookup_place(text, alternates=False)
    in_gazetteer = place is not None and place.kind in ("city", "region", "state")
    return bool(country_of_text(text) or lookup_region(text) or in_gazetteer)


def _place_in_place(ix: MentionIndex, start: int, end: int) -> bool:
    """ "CITY in REGION", "CITY, COUNTRY": two places joined by "in" or a comma, with no organization word
    before the joint, name a place, never an organization ("the Embassy in Berlin" has one)."""
    for k in range(start + 1, end - 1):
        tok = ix.toks[k]
        if tok.text not in (",", "in"):
            continue
        if has_org_word(ix, start, k):
            return False
        return _is_place(ix.text(start, k)) and _is_place(ix.text(k + 1, end))
    return False


def _thing_before_of(ix: MentionIndex, start: int, end: int) -> bool:
    """The words before a name's first "of", "in" or "for" (two or more) end as an event's or honour's name."""
    for k in range(start + 2, end - 1):
        if ix.toks[k].lower_ in ("of", "in", "for"):
            return ends_thing_name(ix.toks[k - 1].text)
    return False


def _place_pair(text: str) -> bool:
    """Places joined by a slash, as a dateline names two ("BANJUL/DAKAR")."""
    parts = [p.strip() for p in text.split("/")]
    return len(parts) >= 2 and all(p and _is_place(p) for p in parts)


def _indefinite(ix: MentionIndex, start: int) -> bool:
    """ "a" / "an" before the name, past its modifiers ("a U.S.-designated")."""
    p = ix.prev(start)
    steps = 0
    while p >= 0 and steps < 4:
        tok = ix.toks[p]
        modifier = tok.tag_ in ("VBN", "JJ") and (tok.is_lower or "-" in tok.text)  # "U.S.-designated"
        if not (p in ix.country_at or tok.text in HYPHENS or modifier):
            break
        p, steps = ix.prev(p), steps + 1
    return p >= 0 and ix.toks[p].lower_ in ("a", "an")


def _portfolio_after_title(ix: MentionIndex, start: int, end: int, text: str) -> bool:
    if not is_portfolio(text):
        return False
    p = ix.prev(start)
    if p >= 0 and ix.toks[p].lower_ == "the":
        p = ix.prev(p)
    if p < 0 or ix.toks[p].lower_ not in ("of", "for"):
        return False
    q = ix.prev(p)
    return q >= 0 and q in ix.titles_ending


def _joins_a_country(ix: MentionIndex, start: int, end: int) -> bool:
    """A name made of a country and something else joined by "and", with no organization word."""
    has_and = any(ix.toks[i].lower_ in ("and", "&") for i in range(start, end))
    has_country = any(i in ix.country_at for i in range(start, end))
    return has_and and has_country and not has_org_word(ix, start, end)


_WORD_BEFORE = re.compile(r"(?:([^\W\d_]+)\s+)?([^\W\d_]+)\s+$")


def _prefixed_name(ix: MentionIndex, start: int, end: int, text: str) -> bool:
    """A name that a word of storms, operations and projects begins ("Hurricane Dorian", "Tropical Storm
    Chantal", "Operation Fast Track"), or that follows such a word elsewhere in the story ("Dorian's winds")."""
    words = [ix.toks[i].text for i in range(start, end) if not ix.toks[i].is_space]
    if len(words) >= 2 and (
        not_entity_kind(words[0]) == "prefix" or (len(words) >= 3 and not_entity_kind(" ".join(words[:2])) == "prefix")
    ):
        return True
    return _after_prefix_word(ix.body, text)


# A name is a candidate at each of its mentions: answered once per body and name (a body hashes once; the
# 256 answers kept hold the bodies of the latest few documents only).
@lru_cache(maxsize=256)
def _after_prefix_word(body: str, text: str) -> bool:
    """Whether ``text`` follows a prefix word somewhere in ``body`` ("Dorian" after "Hurricane")."""
    at = body.find(text)
    while at >= 0:
        before = _WORD_BEFORE.search(body, max(0, at - 40), at)
        words = (before.group(2), before.group(0).strip()) if before is not None else ()
        if words and words[0][:1].isupper() and "prefix" in map(not_entity_kind, words):
            return True  # a capital: "the operation Hamas launched" names none
        at = body.find(text, at + 1)
    return False


# Prepositions of place: a short name right after one is where something is, not who acts.
_LOCATIVES = frozenset({"in", "near", "around", "outside", "between", "at", "off"})
# Last words of a building's name that is also the name of the body that sits there ("Parliament House",
# "Government House", "the National Palace"): after a locative, the building.
_SEATS = frozenset({"house", "palace", "hill", "hall"})
# Words before "at" that make the name after it an employer or a school, not a place.
_WORK_AT = frozenset({"work", "study", "teach", "serve", "employ", "intern", "job", "career", "position", "stint"})
# Names read back along a list ("in Bangkok, Samut Sakhon and Rayong") to the preposition before it.
_LIST_STEPS = 8


def _after_locative(ix: MentionIndex, start: int, end: int, text: str) -> bool:
    """A short name, no acronym, organization word or known body, right after "in", "near", "around",
    "outside", "between", "at" or "off" ("a garment factory in Ksar Hellal", "the road between Wajir and
    El Wak", "the plants at Natanz", "off Porvoo"), or listed after one ("raids in Bangkok, Samut Sakhon and
    Rayong"); a building named for the body that sits there too ("outside Parliament House", "near the
    National Palace"; after "at", a name of two words stays the body's seat)."""
    seat = end - start >= 2 and ix.toks[end - 1].lower_ in _SEATS  # "outside Parliament House": the building
    if end - start > 2 or text.isupper() or (has_org_word(ix, start, end) and not seat):
        return False
    if lookup_org(text, generic=None) or any(sum(c.isupper() for c in word) >= 2 for word in text.split()):
        return False  # a known body; "YouTube": a brand's inner capital
    if "." in text:
        return False  # "Amazon.com": a web name
    before = ix.prev(start)
    if seat and before >= 0 and ix.toks[before].lower_ == "the" and ix.prev(before) >= 0:
        before = ix.prev(before)  # "near the National Palace" (not "in the Armed Services": a body)
    after = ix.next(end - 1)
    listed = (before >= 0 and ix.toks[before].lower_ in ("and", "or")) or (
        after >= 0 and ix.toks[after].lower_ in ("and", "or", ",")
    )
    steps = 0
    while listed and before >= 0 and steps < _LIST_STEPS:
        tok = ix.toks[before]
        if not (tok.text == "," or tok.lower_ in ("and", "or") or (tok.text[:1].isupper() and not tok.is_sent_start)):
            break
        before, steps = ix.prev(before), steps + 1
    if before < 0 or ix.toks[before].lower_ not in _LOCATIVES:
        return False
    nxt = ix.next(end - 1)
    if nxt >= 0 and ix.toks[nxt].text in ("'s", "\u2019s"):
        return False  # "in Transparency International's index": a body's thing
    if ix.toks[before].lower_ == "at":
        q = ix.prev(before)
        if q >= 0 and (q in ix.titles_ending or ix.toks[q].lemma_.lower() in _WORK_AT):
            return False  # "worked at Nvidia", "a professor at Harvard": the employer
        return end - start == 1 or steps > 0  # "at State House": a body's seat
    return True


def _modifies_a_place(ix: MentionIndex, start: int, end: int, text: str) -> bool:
    """A short name, no acronym, organization word or known body, right before a lower-case word of an area
    or a road ("the Kashveti church", "the Dhaka-Mymensingh highway", "the Costesti reservoir"), or before
    "border" and a word that is no organization's ("the Poipet border crossing", "the Chacalluta border post"):
    the place's name."""
    acronym = text.isupper() and not any(c.isdigit() for c in text)  # "the A6 motorway" is a road's number
    if end - start > 3 or acronym or has_org_word(ix, start, end) or lookup_org(text, generic=None):
        return False
    k = ix.next(end - 1)
    if k < 0 or not ix.toks[k].is_lower:
        return False
    if ix.toks[k].lower_ == "border":
        k = ix.next(k)
        if k < 0 or not ix.toks[k].is_lower or ix.toks[k].pos_ != "NOUN":
            return False
        word = ix.toks[k].text
        return not is_org_word(word) or org_word_sector(word) == "MED"  # "border post", not "border police"
    return ix.toks[k].pos_ in ("NOUN", "PROPN") and place_word_kind(ix.toks[k].lemma_) == "area"


def _named_area(ix: MentionIndex, start: int, end: int, text: str) -> bool:
    """A name in the list an area word introduces ("the provinces of Imbabura, Cotopaxi and Chimborazo", "the
    districts of Androy and Anosy"), with no organization word and no known body."""
    if has_org_word(ix, start, end) or lookup_org(text, generic=None):
        return False
    i = ix.prev(start)
    while i >= 0 and (ix.toks[i].text in (",", "and") or ix.toks[i].text[:1].isupper()):
        i = ix.prev(i)
    if i < 1 or ix.toks[i].lower_ != "of":
        return False
    word = ix.toks[ix.prev(i)].lemma_.lower() if ix.prev(i) >= 0 else ""
    return place_word_kind(word) == "area"


def dateline_tokens(ix: MentionIndex) -> tuple[int, int]:
    """The tokens of the wire dateline's city, (0, 0) without one."""
    where = dateline_city(ix.body)
    span = ix.doc.char_span(*where, alignment_mode="expand") if where else None
    return (span.start, span.end) if span is not None else (0, 0)
