"""Noun phrases and clause arguments read from the dependency parse (events and stances).

Pure functions over spaCy tokens: the entity a token belongs to, the country a word or a
noun phrase names ("Kazakh police", "the governments of Kyrgyzstan and Turkmenistan"),
the extent, name and sector of a phrase, the subjects of a verb (by-agents, conjoined and
controlled verbs). :mod:`newsgraph.extract.events.actors` builds actors from them.

The phrase readers the event coder and the stance reader both ask about the same heads (the country,
span, name and sector of a noun phrase) answer each question once per document: their answers are kept
in the ``Doc``'s ``user_data`` (:func:`per_doc`). They must stay pure functions of the parse, their
arguments and the lexicons.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar

from newsgraph.extract.country_names import and_named, hyphen_named
from newsgraph.extract.dateline import DASHES, in_dateline, past_dateline
from newsgraph.extract.mentions.index import APOSTROPHES
from newsgraph.extract.sayer import FINITE, sayer_clause
from newsgraph.extract.tokens import token_records
from newsgraph.lexicon.agents import agent_sector
from newsgraph.lexicon.countries import capital_country, country_code
from newsgraph.lexicon.cues import speech_verbs
from newsgraph.lexicon.events import context_sectors, light_verbs, sector_of, verb_patterns
from newsgraph.lexicon.gazetteer import lookup_place
from newsgraph.lexicon.known_orgs import lookup_org, org_word_sector
from newsgraph.lexicon.names import is_first_name

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

SUBJ = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})
MODIFIERS = frozenset({"amod", "compound", "poss", "nmod", "npadvmod", "nummod", "quantmod"})
OF_PREPS = frozenset({"of", "from"})
PERSONAL = frozenset({"he", "she", "him", "her", "his", "hers"})
NEUTER = frozenset({"it", "its"})
PLURAL = frozenset({"they", "them", "their"})
_LEADING = frozenset({"det", "punct", "cc", "preconj", "predet", "quantmod", "advmod"})
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
_MEDIUM = frozenset({"on", "via", "through", "in", "at"})  # "a message on Twitter blaming X"
CONTROL_VERBS = frozenset(
    {"ask", "urge", "tell", "force", "order", "persuade", "invite", "allow", "call", "compel", "advise", "instruct"}
)

_MEMO_KEY = "newsgraph.syntax"
_WORDS_KEY = "newsgraph.story_words"
_SURNAMES_KEY = "newsgraph.surnames"
_GIVEN_NAMES_KEY = "newsgraph.given_names"
_OTHER_COUNTRIES_KEY = "newsgraph.other_countries"
_UNSEEN = object()  # a question not answered yet (an answer may be None)
_P = ParamSpec("_P")
_R = TypeVar("_R")


def per_doc(fn: Callable[Concatenate[Token, _P], _R]) -> Callable[Concatenate[Token, _P], _R]:
    """``fn`` answering once per token and arguments of a document (kept in ``Doc.user_data``); a list
    answer is copied for each caller, who may extend it. For pure functions of the parse and the lexicons."""
    slot = f"{_MEMO_KEY}.{fn.__name__}"  # each function's answers in a dict of its own, keyed by the token alone

    @functools.wraps(fn)
    def memoized(tok: Token, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        user_data = tok.doc.user_data
        memo: dict[Any, Any] | None = user_data.get(slot)
        if memo is None:
            memo = user_data[slot] = {}
        key = (tok.i, args, tuple(kwargs.items())) if args or kwargs else tok.i
        found = memo.get(key, _UNSEEN)
        if found is _UNSEEN:
            found = memo[key] = fn(tok, *args, **kwargs)
        return list(found) if isinstance(found, list) else found  # type: ignore[return-value]

    return memoized


@per_doc
def ent_of(tok: Token) -> Span | None:
    """The named-entity span ``tok`` belongs to, with its label."""
    if not tok.ent_type_:
        return None
    from spacy.tokens import Span

    doc = tok.doc
    toks = token_records(doc)  # the shared records: no parsed token per step
    start = tok.i
    while start > 0 and toks[start].ent_iob == 1:  # 1: inside an entity ("I")
        start -= 1
    end = tok.i + 1
    while end < len(toks) and toks[end].ent_iob == 1:
        end += 1
    return Span(doc, start, end, label=tok.ent_type_)


def clausal_of(prep: Token) -> bool:
    """ "accused X of hindering": an "of" with a verb object is no part of the noun phrase."""
    return any(c.dep_ == "pcomp" or (c.dep_ == "pobj" and c.pos_ == "VERB") for c in prep.children)


def _named_whole(tok: Token) -> str | None:
    """The country a name of several words the tagger took for a person's names, at its last word ("Papua New
    Guinea", "Burkina Faso", with or without a possessive "'s")."""
    ent = ent_of(tok)
    if ent is None:
        return None
    end = ent.end - 1 if ent[-1].lower_ in APOSTROPHES else ent.end
    if end - ent.start < 2 or tok.i != end - 1:
        return None
    name = tok.doc[ent.start : end].text
    return country_code(name) or capital_country(name)


def lone_country_name(tok: Token) -> bool:
    """A one-word entity that is a country's own name or its capital's, not a first name ("Madagascar",
    "Abuja", not "Chad"), nor, for a capital, the surname of a person the document names ("Ana Lima"); or the
    last word of a longer name tagged as an organization or person that is one ("Abu Dhabi")."""
    ent = ent_of(tok)
    if ent is not None and len(ent) > 1 and ent.label_ in ("ORG", "PERSON") and tok.i == ent.end - 1:
        return (country_code(ent.text) or capital_country(ent.text)) is not None  # "Abu Dhabi" tagged ORG
    if ent is None or len(ent) != 1 or tok.pos_ != "PROPN":
        return False
    if is_first_name(tok.text):
        # "Chad closed its border" in a story that names Chad otherwise too ("Chadian soldiers", "N'Djamena"): a
        # country's name that is also a first name is the country's, unless a person named so is in the story
        code = country_code(tok.text) or capital_country(tok.text)  # "Chad", "Jordan"; the capital "Santiago"
        return code is not None and code in _other_countries(tok.doc) and tok.text not in _given_names(tok.doc)
    if country_code(tok.text) is not None:
        return True
    return capital_country(tok.text) is not None and tok.text not in _surnames(tok.doc)


def _read_once(doc: Doc, key: str, read: Callable[[Doc], frozenset[str]]) -> frozenset[str]:
    """``read(doc)``, computed once per document and kept in ``Doc.user_data`` under ``key``."""
    found: frozenset[str] | None = doc.user_data.get(key)
    if found is None:
        found = doc.user_data[key] = read(doc)
    return found


def _other_countries(doc: Doc) -> frozenset[str]:
    """The countries a document names by a place or a nationality the model tagged as such ("Chadian", "Amman")."""

    def read(d: Doc) -> frozenset[str]:
        codes = {country_code(e.text) or capital_country(e.text) for e in d.ents if e.label_ in ("GPE", "NORP")}
        return frozenset(codes - {None})

    return _read_once(doc, _OTHER_COUNTRIES_KEY, read)


def _given_names(doc: Doc) -> frozenset[str]:
    """The first words of the persons' names of a document of two words or more."""
    return _read_once(
        doc, _GIVEN_NAMES_KEY, lambda d: frozenset(e[0].text for e in d.ents if e.label_ == "PERSON" and len(e) > 1)
    )


def _surnames(doc: Doc) -> frozenset[str]:
    """The last words of the persons' names of a document of two words or more."""
    return _read_once(
        doc, _SURNAMES_KEY, lambda d: frozenset(e[-1].text for e in d.ents if e.label_ == "PERSON" and len(e) > 1)
    )


@per_doc
def token_country(tok: Token) -> str | None:
    """Country a single word names: a name, demonym, capital or metonym ("Kremlin")."""
    if tok.pos_ == "PROPN" and (code := and_named(tok) or hyphen_named(tok)):
        return code  # "Trinidad and Tobago": one country's two words, not the Bolivian town of Trinidad
    if tok.ent_type_ == "PERSON" and tok.dep_ in ("compound", "amod") and tok.head.tag_ in ("NN", "NNS"):
        ent = ent_of(tok)
        if ent is not None and len(ent) == 1 and (code := country_code(tok.text)):
            return code  # "Ugandan diplomats" with "Ugandan" tagged PERSON: a nationality before a common noun
    # "called on Yerevan and Baku" with "Yerevan" tagged PERSON: a conjunct of a place is a place
    place = capital_country(tok.text) or country_code(tok.text) if tok.ent_type_ == "PERSON" else None
    if tok.ent_type_ == "PERSON" and (whole := _named_whole(tok)) is not None:
        return whole  # "Papua New Guinea's government" tagged PERSON: the whole name's country, not Guinea's
    if place and _beside_place(tok):
        return place
    if place and lone_country_name(tok):
        return place  # "Madagascar" tagged PERSON: a country's name alone is no person's (unless a first name)
    if tok.ent_type_ == "PERSON" or not tok.text[:1].isupper():
        hit = sector_of(tok.lower_) if tok.text[:1].isupper() else None
        return hit.country if hit else None
    ent = ent_of(tok)
    if ent is not None and len(ent) > 1 and ent.label_ in ("GPE", "NORP", "LOC"):
        code = country_code(ent.text) or capital_country(ent.text)
        if code:
            return code
        if ent.label_ != "NORP" and (place := lookup_place(ent.text, alternates=False)) is not None and place.country:
            return place.country  # "New Jersey", "New Mexico": a state's words name no country of their own
    if ent is not None and ent.label_ in ("ORG", "FAC") and 0 < tok.i - ent.start < 3:
        code = country_code(tok.doc[ent.start : tok.i + 1].text)  # "United States Department of State"
        if code is None and tok.i == ent.end - 1:
            code = capital_country(ent.text)  # "Abu Dhabi" tagged ORG: the capital, for its state
        if code:
            return code
    names = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] if ent is None else []
    if names and tok.pos_ == "PROPN":  # "Burkina Faso", "Papua New Guinea" the model left untagged: not Guinea
        code = country_code(" ".join(t.text for t in [*names, tok]))
        if code:
            return code
    code = country_code(tok.text) or capital_country(tok.text)
    if code:
        return code
    hit = sector_of(tok.lower_)
    return hit.country if hit else None


def _beside_place(tok: Token) -> bool:
    """A word coordinated with a place name ("Yerevan and Baku", "Kyiv or Moscow")."""
    near = [c for c in tok.children if c.dep_ == "conj"] + ([tok.head] if tok.dep_ == "conj" else [])
    return any(n.ent_type_ == "GPE" for n in near)


def conjuncts(tok: Token) -> list[Token]:
    """``tok`` and the nominal conjuncts coordinated with it ("X and Y", "X nor Y"), not the second word of one
    country's name ("Trinidad and Tobago")."""
    out = [tok]
    stack = [c for c in tok.children if c.dep_ == "conj" and not (and_named(c) and c.head.i == tok.i)]
    while stack:
        c = stack.pop(0)
        if c.pos_ in ("VERB", "AUX"):
            continue
        out.append(c)
        stack.extend(x for x in c.children if x.dep_ == "conj")
    return out


def pobjs(prep: Token) -> list[Token]:
    """Objects of a preposition, with their conjuncts and coordinated prepositions ("to X and to Y")."""
    out: list[Token] = []
    for c in prep.children:
        if c.dep_ in ("pobj", "pcomp") or (c.dep_ == "nsubj" and prep.dep_ == "mark"):
            out.extend(conjuncts(c))
        elif c.dep_ == "conj" and c.pos_ == "ADP":
            out.extend(pobjs(c))
    return out


@per_doc
def np_countries(
    head: Token,
    *,
    locative: bool = False,
    depth: int = 0,
    loc_preps: frozenset[str] = frozenset({"in", "at", "inside"}),
) -> list[str]:
    """Countries the noun phrase headed by ``head`` names, most direct first.

    Looks at the head, its modifiers (adjectives, compounds, possessors), appositions and
    "of"/"from" complements; with ``locative`` also "in"/"at" complements ("protestors in
    Kazakhstan"). Coordinated complements give one country each.
    """
    found: list[str] = []
    code = token_country(head)
    metonym = None
    if code and head.text[:1].isupper() and not (country_code(head.text) or capital_country(head.text)):
        hit = sector_of(head.lower_)
        metonym = code if hit is not None and hit.country == code else None
    if code and metonym is None:
        found.append(code)
    if depth > 4:
        return found
    later: list[str] = []
    for c in head.children:
        if c.dep_ in MODIFIERS or c.dep_ == "appos":
            if c.lower_ in PERSONAL or c.lower_ in NEUTER or c.lower_ in PLURAL or (c.i < head.i and in_dateline(c)):
                continue
            found.extend(np_countries(c, depth=depth + 1) or _body_country(c))
        elif c.dep_ == "prep" and c.lower_ in OF_PREPS and not clausal_of(c):
            for obj in pobjs(c):
                town = capital_country(f"{head.text} {c.text} {obj.text}")  # "Port of Spain": Trinidad's, not Spain's
                later.extend([town] if town else np_countries(obj, depth=depth + 1))
        elif c.dep_ == "conj" and c.pos_ in ("ADJ", "PROPN") and depth > 0:
            found.extend(np_countries(c, depth=depth + 1))
    found.extend(later)
    if metonym is not None:
        found.append(metonym)  # "the Belarusian KGB": the adjective says whose
    if locative and not found:
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in loc_preps:
                for obj in pobjs(c):
                    code = token_country(obj)
                    if code:
                        found.append(code)
    return list(dict.fromkeys(found))


def _body_country(mod: Token) -> list[str]:
    """The country of a known body named as a modifier ("the Taliban government", "Hezbollah fighters")."""
    acronym = mod.text.isupper() and len(mod.text) > 1  # "ICE agents" with "ICE" tagged a common noun
    if not (mod.pos_ == "PROPN" or acronym) or mod.dep_ not in ("compound", "poss", "nmod"):
        return []
    ent = ent_of(mod)
    known = lookup_org(ent.text if ent is not None and ent.label_ == "ORG" else mod.text)
    return [known.country] if known is not None and known.country else []


@per_doc
def np_span(head: Token) -> tuple[int, int]:
    """Token range of the core noun phrase: modifiers, "of" complements and appositions."""
    lo = hi = head.i
    stack = [head]
    while stack:
        t = stack.pop()
        lo, hi = min(lo, t.i), max(hi, t.i)
        for c in t.children:
            if c.dep_ in ("relcl", "acl", "advcl", "conj", "cc", "punct", "ccomp", "xcomp", "mark"):
                continue
            if c.dep_ == "prep" and (c.lower_ not in OF_PREPS or clausal_of(c)):
                continue
            stack.append(c)
    doc = head.doc
    if lo < head.i and in_dateline(doc[lo]):  # "March 20 (Reuters) - European Union leaders": the leaders
        lo = next((t.i + 1 for t in doc[lo : head.i] if t.text in DASHES and not in_dateline(t)), lo)
    while lo < hi and (doc[lo].dep_ in _LEADING or doc[lo].is_space):
        lo += 1
    while hi > lo and (doc[hi].is_punct or doc[hi].is_space):
        hi -= 1
    return lo, hi + 1


@per_doc
def np_name(head: Token) -> tuple[str | None, str | None]:
    """(entity text, entity label) of the name the phrase holds: a person first, then the head's entity."""
    ent = ent_of(head)
    if ent is not None and ent.label_ == "PERSON":
        return ent.text, "PERSON"
    lo, hi = np_span(head)
    doc = head.doc
    for i in range(lo, hi):
        if doc[i].ent_type_ == "PERSON" and doc[i].ent_iob_ == "B":
            person = ent_of(doc[i])
            if person is not None and not _sector_word(person, head):
                return person.text, "PERSON"
    if ent is not None and ent.label_ in NAME_LABELS:
        return ent.text.removeprefix("the ").removeprefix("The "), ent.label_
    if head.pos_ == "PROPN" or (head.is_upper and len(head) > 2 and head.is_alpha):  # "ECOWAS" tagged NNS
        first = head.i  # with the proper nouns compounded before it: "Human Rights Watch", not "Watch"
        while first > lo and doc[first - 1].pos_ == "PROPN" and doc[first - 1].dep_ == "compound":
            first -= 1
        return doc[first : head.i + 1].text, None
    return None, None


def _sector_word(ent: Span, head: Token) -> bool:
    """A one-word "name" that is the first word of a sector phrase ending in the head: "Riot police" at the
    start of a sentence, tagged PERSON by the small model."""
    return (
        len(ent) == 1
        and ent.root.dep_ == "compound"
        and sector_of(f"{ent.text.lower()} {head.lemma_.lower()}") is not None
    )


@per_doc
def np_sector(head: Token) -> tuple[str | None, bool]:
    """(sector, envoy) of the phrase: its head with compounds ("riot police"), or a title of a person."""
    words = [
        c.lemma_.lower()
        for c in head.lefts
        if c.dep_ in ("compound", "amod") and (not c.ent_type_ or sector_of(f"{c.lower_} {head.lemma_.lower()}"))
    ]
    for cand in (" ".join([*words, head.lemma_.lower()]), head.lower_, head.lemma_.lower()):
        hit = sector_of(cand)
        if hit is not None:
            return hit.sector, hit.envoy
    if head.pos_ == "NOUN":  # the compiled agent nouns: "peasants", "ethnic Uzbek farmers", "lawmakers"
        agent = agent_sector(" ".join([*words, head.lemma_.lower()])) or agent_sector(head.lower_)
        if agent is not None:
            return agent.sector, False
    if head.ent_type_ == "PERSON" or head.pos_ == "PROPN":
        titles = [c for c in head.children if c.dep_ in ("compound", "appos") and not c.ent_type_]
        if head.dep_ == "appos":
            titles.append(head.head)
        for t in titles:
            hit = sector_of(t.lemma_.lower())
            if hit is not None and not hit.envoy:
                return hit.sector, False
    if head.ent_type_ == "ORG" and head.pos_ == "PROPN" and org_word_sector(head.lower_) == "MED":
        return "MED", False  # "Fox News", "the Daily Times": an outlet (spoken to, it is interviewed, not met)
    if head.ent_type_ == "NORP" and head.tag_ in ("NNS", "NNPS"):
        return "CVL", False  # "Serbians protested": the people, not the state
    if (head.ent_type_ in ("GPE", "NORP") or lone_country_name(head)) and token_country(head):
        return "GOV", False  # "Kenya said", "Gabon" tagged as a person: the state
    for c in head.children:  # "members of parliament", "leaders of the opposition parties"
        if c.dep_ == "prep" and c.lower_ == "of":
            for obj in pobjs(c):
                words = [x.lemma_.lower() for x in obj.lefts if x.dep_ == "compound" and not token_country(x)]
                hit = sector_of(" ".join([*words, obj.lemma_.lower()]))
                if hit is not None and not token_country(obj):
                    return hit.sector, False
    if head.pos_ == "NOUN" and head.lemma_.lower() in _SERVING:  # "an air force helicopter", "Red Cross volunteers"
        for c in head.lefts:  # the body tables and the compiled agents ("coast guard", "fire service")
            hit = agent_sector(" ".join(t.lemma_.lower() for t in c.subtree)) if c.dep_ == "compound" else None
            if hit is not None:
                return hit.sector, False
    if head.pos_ == "NOUN" and (rows := context_sectors().get(head.lemma_.lower())):
        story = _story_words(head.doc)  # "Officers seized phones" in a story of the police
        return next(((sector, False) for sector, cues in rows if cues & story), (None, False))
    return None, False


# craft and crews that serve the body a compound names: the body acts through them
_SERVING = frozenset(
    {"helicopter", "plane", "aircraft", "ship", "vessel", "boat", "truck", "vehicle", "convoy", "ambulance", "team",
     "unit", "patrol", "volunteer", "crew", "squad", "staff", "officer", "personnel"}
)  # fmt: skip


def _story_words(doc: Doc) -> frozenset[str]:
    """The lower-case lemmas and words of a document."""
    return _read_once(doc, _WORDS_KEY, lambda d: frozenset(t.lemma_.lower() for t in d) | {t.lower_ for t in d})


def ordered_done(v: Token) -> bool:
    """A participle that an order's object undergoes ("ordered all universities closed", "ordered Marchand held in
    detention"): the parser makes the object its subject; it is the patient, the one who orders the doer."""
    if v.dep_ != "ccomp" or v.head.lemma_.lower() not in _CAUSATIVE or v.tag_ not in ("VBN", "VBD"):
        return False
    kids = [c.dep_ for c in v.children]
    return "nsubj" in kids and not any(d in ("aux", "auxpass", "mark", "dobj") for d in kids)


_CAUSATIVE = frozenset({"order", "want"})


_AUX_OR_SUBJ = frozenset({"aux", "auxpass", "agent", "nsubj", "nsubjpass"})


@per_doc
def is_passive(v: Token) -> bool:
    """A passive clause: "was arrested", "the man arrested", "when convicted" (a bare participle clause)."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children) or ordered_done(v):
        return True
    if v.tag_ != "VBN":
        return False
    if v.dep_ == "acl":
        return not verbless_main(v)
    return v.dep_ == "advcl" and not any(c.dep_ in ("aux", "nsubj") for c in v.children)


def verbless_main(v: Token) -> bool:
    """A past tense the small model parsed as a participle of a sentence left with no verb: "Dozens of supporters
    of the party protested outside the embassy" (the noun "Dozens" its root, "protested" describing "party")."""
    if v.dep_ != "acl" or v.tag_ != "VBN" or any(c.dep_ in _AUX_OR_SUBJ for c in v.children):
        return False
    head = v.head  # up through the noun phrase the participle describes, to the sentence's root (no Token.sent:
    while head.head.i != head.i and head.dep_ in ("pobj", "prep", "poss", "compound", "conj", "appos"):
        head = head.head  # it scans the whole sentence, slow on a run-on one)
    return head.head.i == head.i < v.i and head.pos_ in ("NOUN", "PROPN")


def subject_sharers(verb: Token) -> frozenset[int]:
    """``verb`` and the verbs it takes its subject from through purpose and control ("used tear gas to disperse
    them": used, disperse; not a conjunct: "residents protested, and police detained nine of them"), as indices."""
    out = {verb.i}
    while verb.dep_ in ("xcomp", "advcl") and verb.head.i != verb.i and len(out) < 6 and not _own_subject(verb):
        verb = verb.head
        out.add(verb.i)
    return frozenset(out)


def _own_subject(verb: Token) -> bool:
    """A clause with a subject of its own ("when protesters threw stones at them")."""
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def subjects(v: Token, depth: int = 0) -> list[Token]:
    """Actor heads of a verb: subject, by-agent, or inherited from the verb it depends on

    ("crossed the border and invaded": conjoined; "gathered ... to protest": purpose clause;
    "asked the government to act": object control). A passive without agent has none.
    """
    if ordered_done(v):
        return subjects(v.head, depth + 1)  # "the judge ordered him held": the judge
    subj = past_dateline([c for c in v.children if c.dep_ in ("nsubj", "csubj")])
    reduced = v.tag_ == "VBN" or (v.dep_ == "pcomp" and v.head.lower_ == "with")  # "with 150 killed"
    if (
        subj
        and reduced
        and v.dep_ in ("pcomp", "advcl", "acl")
        and not any(c.dep_ in ("aux", "auxpass") for c in v.children)
    ):
        return []  # "with hundreds of fighters killed": a reduced passive, its subject the victims
    if subj:
        return subj
    passive = is_passive(v)
    # "spoke by phone": a by-phrase of an active verb is its means, not its agent
    agent = [o for c in v.children if c.dep_ == "agent" for o in pobjs(c)] if passive or v.tag_ == "VBN" else []
    if agent or passive or depth > 3 or v.head.i == v.i:
        return agent
    head = v.head
    sayer = sayer_clause(v)  # "said the handover was a step and urged ...": the sayer urges
    if sayer is not None and (found := subjects(sayer, depth + 1)):
        return found
    if v.dep_ in ("conj", "advcl") and (name := _conjunct_name(v)) is not None:
        return [name]
    if v.dep_ == "conj" and head.pos_ in ("VERB", "AUX", "ADJ") and is_passive(head):
        if v.tag_ == "VBN":
            return []  # "was wounded and captured": a passive too, its doer unsaid
        if head.dep_ == "ccomp" and v.tag_ in FINITE and head.head.pos_ in ("VERB", "AUX"):
            # "said the islands were covered by the treaty and called on China": the conjunct is the sayer's
            return subjects(head.head, depth + 1)
        # "was troubled by the reports and urged calm": the passive's subject, not its agent, does it
        return [c for c in head.children if c.dep_ == "nsubjpass"]
    if v.dep_ == "conj" and head.pos_ in ("VERB", "AUX", "ADJ"):
        if v.tag_ in FINITE and head.tag_ == "VB" and head.dep_ in ("xcomp", "ccomp"):
            return subjects(head.head, depth + 1)  # "urged X to reconsider and spoke with Y": Y's speaker is the urger
        return subjects(head, depth + 1)
    if v.dep_ == "xcomp" and v.tag_ == "VBN" and not any(c.dep_ == "aux" for c in v.children):
        return []  # "reporting 150 soldiers killed": a passive participle, its doer unnamed
    if v.dep_ == "xcomp" and is_passive(head):  # "were reported by the media to have visited": raised subject
        return [c for c in head.children if c.dep_ == "nsubjpass"]
    if v.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ in ("acomp", "attr") and head.head.i != head.i:
        return subjects(head.head, depth + 1)  # "is willing to withdraw", "was ready to talk": the copula's subject
    if v.dep_ == "advcl" and v.tag_ == "VBG" and head.lemma_.lower() in speech_verbs() and _undergoes(v):
        # "North Korea fired a missile, the military said, drawing condemnation": the told act draws it
        told = [c for c in head.children if c.dep_ == "ccomp" and c.i < head.i]
        if told:
            return subjects(told[0], depth + 1)
    if v.dep_ in ("xcomp", "advcl"):
        # "asked the government to act": the object acts; not "ordered X to leave, accusing them": the orderer
        if head.lemma_.lower() in CONTROL_VERBS and (v.dep_ == "xcomp" or v.tag_ != "VBG"):
            objs = [c for c in head.children if c.dep_ == "dobj"]
            if objs:
                return objs
        return subjects(head, depth + 1)
    if v.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        if head.lower_ in ("of", "for"):  # "accused X of attacking", "praised X for helping": X does it
            return [c for c in head.head.children if c.dep_ == "dobj"]
        return subjects(head.head, depth + 1)  # "responded by throwing stones", "after meeting X"
    if v.dep_ == "acl" and v.tag_ == "VBG":
        return _acl_subjects(head, depth)
    if verbless_main(v):
        return [next(a for a in v.ancestors if a.head.i == a.i)]  # the sentence's root
    if v.dep_ == "acl" and v.tag_ in FINITE:  # "X speaking to the council called ...": a misparsed main verb
        root = v.sent.root
        at_root = root.i == head.i or (head.dep_ == "appos" and head.head.i == root.i)  # "X's chief, Jane Doe, called"
        named = head.pos_ == "PROPN" or any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in head.children)
        if at_root and (named or (v.tag_ == "VBD" and head.pos_ == "NOUN")) and head.i < v.i:
            return [head]  # "Biden named X as his running mate" parsed as a name the verb describes
        return [c for c in root.children if c.dep_ == "nsubj" and c.i < v.i] if root.i != v.i else []
    return []


def _conjunct_name(v: Token) -> Token | None:
    """A name the parser made a conjunct of the verb before ``v`` ("Organisers had hoped to raise $1 billion, and
    President Y, opening the meeting, urged ..."): the subject of ``v``, the verb's conjunct or adverbial clause
    after it, unless another verb of the chain comes between them."""
    head = v.head
    if head.pos_ not in ("VERB", "AUX"):
        return None
    named = [c for c in head.children if c.dep_ == "conj" and c.pos_ == "PROPN" and c.i < v.i]
    if not named or any(
        c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and named[-1].i < c.i < v.i for c in head.children
    ):
        return None
    return named[-1]


def _undergoes(v: Token) -> bool:
    """A verb whose subject suffers what its object names ("drew condemnation", "faced criticism")."""
    return any(lv.kind == "undergo" and lv.particle is None for lv in light_verbs().get(v.lemma_.lower(), ()))


_OPPOSING = frozenset({"REJECT", "ACCUSE", "SANCTION", "COERCE"})


def _acl_subjects(noun: Token, depth: int) -> list[Token]:
    """Who does what a noun's -ing clause says: the noun when it can act ("protesters demanding"), else
    its by-agent or possessor ("the calls by officials asking"), else the subject of the verb that
    governs it ("sent a letter requesting")."""
    if noun.dep_ == "pobj" and noun.head.lower_ in _MEDIUM and noun.head.head.i != noun.head.i:
        gov = noun.head.head  # "posted a message on Twitter blaming Iran": the message's sender
        if gov.pos_ in ("NOUN", "PROPN") and depth < 3:
            return _acl_subjects(gov, depth + 1)
        return subjects(gov, depth + 1)
    if noun.ent_type_ or noun.pos_ in ("PROPN", "PRON") or sector_of(noun.lemma_.lower()) is not None:
        return [noun]
    by = [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" for o in pobjs(c)]
    by += [c for c in noun.children if c.dep_ == "poss"]
    if by:
        return by
    if noun.dep_ in ("dobj", "nsubjpass") and noun.head.pos_ == "VERB" and not _opposes(noun.head):
        return subjects(noun.head, depth + 1)
    return [noun]  # "vetoed a resolution demanding a truce": the resolution demands, not who vetoed it


def _opposes(verb: Token) -> bool:
    """A verb the event dictionary codes as opposing what it acts on (veto, reject, ban): its subject wrote
    none of it. A sense that needs a particle or a word counts only with it ("sent back" coerces, "sent a letter"
    does not)."""
    near = {c.lemma_.lower() for c in verb.children} | {g.lemma_.lower() for c in verb.children for g in c.children}
    return any(
        p.type in _OPPOSING and p.cameo is None and all(n.words & near for n in p.needs if n.kind in ("prt", "word"))
        for p in verb_patterns().get(verb.lemma_.lower(), ())
    )
