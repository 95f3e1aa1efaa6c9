"""Actors and arguments read from the dependency parse, shared by events and stances.

:class:`DocContext` is built once per document. It turns the head token of a noun
phrase into an :class:`Actor`: the phrase, the entity name it holds, its country
and its sector. Country comes, in this order, from

1. the phrase itself: a country name, demonym or capital ("Kazakh police",
   "Tajikistan's Foreign Ministry", "the governments of Kyrgyzstan and Turkmenistan",
   "Moscow"), or a metonym from ``sectors.tsv`` ("the Kremlin");
2. the resolver (the mentions extractor's ``MentionSet``), for a named person or organisation;
3. what the document said earlier about the same person ("Russian president Vladimir
   Putin" ... "Putin") or the same thing ("German air traffic control" ... "air traffic control");
4. for an unnamed group (activists, police, the government), the place the paragraph
   is about ("protestors in Kazakhstan" ... "a dozen activists").

Pronouns are resolved to the nearest fitting subject: he/she/his → a person, it/its →
a country or organisation, they/all/most → a group. Functions here read the parse only;
the words they need (sectors, metonyms, countries) are data.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Protocol

from newsgraph.lexicon.countries import capital_country, country_code
from newsgraph.lexicon.events import sector_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from newsgraph.model import Organization, Person


class ActorResolver(Protocol):
    """Finds the person or organisation a name refers to (``MentionSet`` implements it)."""

    def resolve(self, text: str) -> Person | Organization | None: ...


SUBJ = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})
_MODIFIERS = frozenset({"amod", "compound", "poss", "nmod", "npadvmod", "nummod", "quantmod"})
_OF_PREPS = frozenset({"of", "from"})
_LOC_PREPS = frozenset({"in", "at", "inside"})
_PLACE_PREPS = frozenset({"at", "outside", "around", "near", "in", "before", "opposite"})
_PERSONAL = frozenset({"he", "she", "him", "her", "his", "hers"})
_NEUTER = frozenset({"it", "its"})
_PLURAL = frozenset({"they", "them", "their"})
_QUANT = frozenset({"all", "most", "many", "some", "several", "none", "both", "each", "few", "dozens", "hundreds"})
_LEADING = frozenset({"det", "punct", "cc", "preconj", "predet", "quantmod", "advmod"})
_RELATIVE = frozenset({"which", "who", "that", "whom", "whose"})
_SELF = frozenset({"i", "me", "my", "we", "us", "our", "you", "your"})
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
_GROUP_HEADS = frozenset({"country", "nation", "government", "state", "capital"})
_NO_CONTEXT_SECTORS = frozenset({"IGO", "NGO", "BUS"})
_DOMESTIC_SECTORS = frozenset({"CVL", "OPP", "POL", "JUD", "MED", "LEG"})
_LOCAL_SECTORS = frozenset({"CVL", "OPP", "POL", "JUD", "MED", "LEG", "MIL", "GOV"})
_FINITE = frozenset({"VBD", "VBZ", "VBP"})
CONTROL_VERBS = frozenset({"ask", "urge", "tell", "force", "order", "persuade", "invite", "allow", "call", "compel"})


@dataclass(slots=True)
class Actor:
    """One participant of an event or stance.

    ``start``/``end`` are char offsets of the words in the current sentence that name it
    (for a pronoun: the pronoun), ``head`` the index of its head token (-1 when none).
    """

    text: str
    name: str | None
    country: str | None
    sector: str | None
    start: int
    end: int
    head: int
    named: bool = False  # an entity name, a country or a resolved mention
    envoy_host: str | None = None  # "the ambassador to Berlin" → DEU

    agentive: bool = False  # a name, a sector noun or a country: something that can act
    inferred: bool = False  # the country comes from the place or the document, not from the phrase

    @property
    def entity_like(self) -> bool:
        return self.named or self.country is not None or self.sector is not None

    @property
    def label(self) -> str:
        return self.name or self.text


def ent_of(tok: Token) -> Span | None:
    """The named-entity span ``tok`` belongs to, with its label."""
    if not tok.ent_type_:
        return None
    from spacy.tokens import Span

    doc = tok.doc
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=tok.ent_type_)


def _clausal_of(prep: Token) -> bool:
    """ "accused X of hindering": an "of" with a verb object is no part of the noun phrase."""
    return any(c.dep_ == "pcomp" or (c.dep_ == "pobj" and c.pos_ == "VERB") for c in prep.children)


def token_country(tok: Token) -> str | None:
    """Country a single word names: a name, demonym, capital or metonym ("Kremlin")."""
    if tok.ent_type_ == "PERSON" or not tok.text[:1].isupper():
        hit = sector_of(tok.lower_) if tok.text[:1].isupper() else None
        return hit.country if hit else None
    ent = ent_of(tok)
    if ent is not None and len(ent) > 1 and ent.label_ in ("GPE", "NORP", "LOC"):
        code = country_code(ent.text) or capital_country(ent.text)
        if code:
            return code
    code = country_code(tok.text) or capital_country(tok.text)
    if code:
        return code
    hit = sector_of(tok.lower_)
    return hit.country if hit else None


def conjuncts(tok: Token) -> list[Token]:
    """``tok`` and the nominal conjuncts coordinated with it ("X and Y", "X nor Y")."""
    out = [tok]
    stack = [c for c in tok.children if c.dep_ == "conj"]
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


def np_countries(head: Token, *, locative: bool = False, depth: int = 0,
                 loc_preps: frozenset[str] = frozenset({"in", "at", "inside"})) -> list[str]:
    """Countries the noun phrase headed by ``head`` names, most direct first.

    Looks at the head, its modifiers (adjectives, compounds, possessors), appositions and
    "of"/"from" complements; with ``locative`` also "in"/"at" complements ("protestors in
    Kazakhstan"). Coordinated complements give one country each.
    """
    found: list[str] = []
    code = token_country(head)
    if code:
        found.append(code)
    if depth > 4:
        return found
    later: list[str] = []
    for c in head.children:
        if c.dep_ in _MODIFIERS or c.dep_ == "appos":
            if c.lower_ in _PERSONAL or c.lower_ in _NEUTER or c.lower_ in _PLURAL:
                continue
            found.extend(np_countries(c, depth=depth + 1))
        elif c.dep_ == "prep" and c.lower_ in _OF_PREPS and not _clausal_of(c):
            for obj in pobjs(c):
                later.extend(np_countries(obj, depth=depth + 1))
        elif c.dep_ == "conj" and c.pos_ in ("ADJ", "PROPN") and depth > 0:
            found.extend(np_countries(c, depth=depth + 1))
    found.extend(later)
    if locative and not found:
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in loc_preps:
                for obj in pobjs(c):
                    code = token_country(obj)
                    if code:
                        found.append(code)
    return list(dict.fromkeys(found))


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
            if c.dep_ == "prep" and (c.lower_ not in _OF_PREPS or _clausal_of(c)):
                continue
            stack.append(c)
    doc = head.doc
    while lo < hi and (doc[lo].dep_ in _LEADING or doc[lo].is_space):
        lo += 1
    while hi > lo and (doc[hi].is_punct or doc[hi].is_space):
        hi -= 1
    return lo, hi + 1


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
            if person is not None:
                return person.text, "PERSON"
    if ent is not None and ent.label_ in _NAME_LABELS:
        return ent.text.removeprefix("the ").removeprefix("The "), ent.label_
    if head.pos_ == "PROPN":
        return head.text, None
    return None, None


def np_sector(head: Token) -> tuple[str | None, bool]:
    """(sector, envoy) of the phrase: its head with compounds ("riot police"), or a title of a person."""
    words = [c.lemma_.lower() for c in head.lefts if c.dep_ in ("compound", "amod") and not c.ent_type_]
    for cand in (" ".join([*words, head.lemma_.lower()]), head.lower_, head.lemma_.lower()):
        hit = sector_of(cand)
        if hit is not None:
            return hit.sector, hit.envoy
    if head.ent_type_ == "PERSON" or head.pos_ == "PROPN":
        titles = [c for c in head.children if c.dep_ in ("compound", "appos") and not c.ent_type_]
        if head.dep_ == "appos":
            titles.append(head.head)
        for t in titles:
            hit = sector_of(t.lemma_.lower())
            if hit is not None and not hit.envoy:
                return hit.sector, False
    if head.ent_type_ == "NORP" and head.tag_ in ("NNS", "NNPS"):
        return "CVL", False  # "Serbians protested": the people, not the state
    if head.ent_type_ in ("GPE", "NORP") and token_country(head):
        return "GOV", False
    for c in head.children:  # "members of parliament", "leaders of the opposition"
        if c.dep_ == "prep" and c.lower_ == "of":
            for obj in pobjs(c):
                hit = sector_of(obj.lemma_.lower())
                if hit is not None and not token_country(obj):
                    return hit.sector, False
    return None, False


class DocContext:
    """What a document says about its actors; built once per document, read sentence by sentence."""

    def __init__(self, doc: Doc, resolver: ActorResolver | None = None) -> None:
        self.doc = doc
        self.resolver = resolver
        self.person_country: dict[str, str] = {}
        self.head_country: dict[str, str] = {}
        self.locations: list[tuple[int, int, str]] = []  # (char, paragraph, country)
        self.paragraph_of: dict[int, int] = {}  # sentence start token → paragraph number
        self.last_person: Actor | None = None
        self.last_group: Actor | None = None
        self.dominant: str | None = None
        self.person_words: set[str] = set()  # words of names tagged PERSON anywhere in the document
        self.sents: list[Span] = list(doc.sents)  # Token.sent scans the document: look sentences up here
        self._sent_no: list[int] = [0] * len(doc)
        self._cache: dict[int, Actor] = {}
        self._building: set[int] = set()
        self._index()

    # ---- document-level memory -------------------------------------------------
    def _index(self) -> None:
        doc = self.doc
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            self.person_words.update(t.text for t in ent)
            root = ent.root
            np_head = root.head if root.dep_ in ("appos", "compound") and root.head.i != root.i else root
            found = np_countries(np_head) or np_countries(root)
            if found:
                for key in (ent.text, ent[-1].text):
                    self.person_country.setdefault(key, found[0])
        para = 0
        prev_end = -1
        text = doc.text  # Doc.text joins every token: read it once
        for n, sent in enumerate(self.sents):
            if prev_end >= 0 and "\n" in text[prev_end : sent.start_char]:
                para += 1
            self.paragraph_of[sent.start] = para
            self._sent_no[sent.start : sent.end] = [n] * len(sent)
            prev_end = sent.start_char + len(sent.text.rstrip())
            for tok in sent:
                if tok.dep_ == "pobj" and tok.head.lower_ in _LOC_PREPS:
                    code = token_country(tok)
                    if code:
                        self.locations.append((tok.idx, para, code))
                elif tok.pos_ in ("NOUN", "PROPN") and tok.dep_ != "compound":
                    mods = [c for c in tok.lefts if c.dep_ in ("amod", "compound", "poss")]
                    codes = [token_country(c) for c in mods]
                    codes = [c for c in codes if c]
                    if codes:
                        self.head_country.setdefault(self._head_key(tok), codes[0])

        counts: dict[str, int] = {}
        for tok in doc:
            if tok.ent_type_ in ("GPE", "NORP"):
                code = token_country(tok)
                if code:
                    counts[code] = counts.get(code, 0) + 1
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        # the document's country: named 3 times or more, and twice as often as any other (calibrated
        # on Wikinews 2019-2020: single-country stories name it 2x as often as the runner-up)
        if ranked and ranked[0][1] >= 3 and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]):
            self.dominant = ranked[0][0]

    @staticmethod
    def _head_key(tok: Token) -> str:
        words = [c.lemma_.lower() for c in tok.lefts if c.dep_ == "compound" and not token_country(c)]
        return " ".join([*words, tok.lemma_.lower()])

    def sent_of(self, tok: Token) -> Span:
        return self.sents[self._sent_no[tok.i]]

    def paragraph(self, tok: Token) -> int:
        return self.paragraph_of.get(self.sent_of(tok).start, 0)

    def location_country(self, tok: Token) -> str | None:
        """Country of the latest "in X" in ``tok``'s sentence or before it in its paragraph."""
        para = self.paragraph(tok)
        limit = self.sent_of(tok).end_char
        best = None
        for char, p, code in self.locations:
            if char >= limit:
                break
            if p == para:
                best = code
        return best

    # ---- actors -------------------------------------------------------------------
    def actor(self, head: Token) -> Actor:
        """The actor a head token names (pronouns resolved, country filled as described above)."""
        cached = self._cache.get(head.i)
        if cached is not None:
            return replace(cached)
        if head.i in self._building:  # "some of them" inside its own antecedent
            return Actor(head.text, None, None, None, head.idx, head.idx + len(head), head.i)
        self._building.add(head.i)
        try:
            actor = self._build(head)
        finally:
            self._building.discard(head.i)
        self._cache[head.i] = actor
        return replace(actor)

    def actors(self, head: Token) -> list[Actor]:
        """One actor per conjunct and per coordinated country; missing countries filled from siblings."""
        out: list[Actor] = []
        heads = conjuncts(head)
        if len(heads) == 1:
            heads = self._flat_coordination(head) or heads
        for tok in heads:
            base = self.actor(tok)
            countries = np_countries(tok)
            if len(countries) > 1 and self._coordinated(tok):
                out.extend(replace(base, country=c) for c in countries)
            else:
                out.append(base)
        known = {a.country for a in out if a.country and not a.inferred}
        if len(known) == 1 and len(out) > 1:
            only = next(iter(known))  # "Russian officials and diplomats": both Russian
            for a in out:
                if (a.country is None or a.inferred) and not (a.named and a.sector in _NO_CONTEXT_SECTORS):
                    a.country = only
                    a.inferred = False
        return out

    def _flat_coordination(self, head: Token) -> list[Token]:
        """Persons the parser joined into one phrase ("US President Donald Trump and Turkish President
        Recep Tayyip Erdoğan" parsed as one name): one head per person when an "and" separates them."""
        lo, hi = np_span(head)
        span = self.doc[lo:hi]
        starts = [t for t in span if t.ent_type_ == "PERSON" and t.ent_iob_ == "B"]
        if len(starts) < 2 or not any(t.dep_ == "cc" for t in span):
            return []
        persons = [ent_of(t) for t in starts]
        return [e.root for e in persons if e is not None]

    @staticmethod
    def _local_group(head: Token, sector: str | None) -> bool:
        """An unnamed domestic group ("activists", "the police") takes the country of its place;
        "European countries" or "Western allies" do not."""
        if sector not in _LOCAL_SECTORS or head.lemma_.lower() in _GROUP_HEADS:
            return False
        return not any(c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "LOC") for c in head.children)

    @staticmethod
    def _coordinated(tok: Token) -> bool:
        """Countries coordinated inside the phrase: "the governments of X and Y", "X and Y diplomats"."""
        for c in tok.children:
            if c.dep_ in ("amod", "compound") and any(x.dep_ == "conj" and token_country(x) for x in c.children):
                return True
            if c.dep_ == "prep" and c.lower_ in _OF_PREPS:
                return any(len(conjuncts(o)) > 1 for o in c.children if o.dep_ == "pobj")
        return False

    def _build(self, head: Token) -> Actor:
        low = head.lower_
        if low in _QUANT or head.pos_ == "NUM":  # "hundreds of students", "dozens of them"
            of = [o for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for o in pobjs(c)]
            if of:
                return replace(self.actor(of[0]), start=head.idx, head=head.i)
        if head.pos_ == "PRON" or low in _QUANT:
            ref = self.resolve_pronoun(head)
            if ref is not None:
                return replace(ref, start=head.idx, end=head.idx + len(head), head=head.i)
            return Actor(head.text, None, None, None, head.idx, head.idx + len(head), head.i)
        lo, hi = np_span(head)
        doc = self.doc
        text = doc[lo:hi].text.strip()
        name, label = np_name(head)
        countries = np_countries(head)
        if not countries and head.ent_type_ == "PERSON" and head.dep_ in ("appos", "compound"):
            countries = np_countries(head.head)  # "US President Donald Trump": the title carries the country
        sector, envoy = np_sector(head)
        country = countries[0] if countries else None
        named = label in _NAME_LABELS or (country is not None and head.pos_ == "PROPN")
        poss = [c for c in head.children if c.dep_ == "poss" and c.pos_ == "PRON"]
        if country is None and poss:  # "its citizens", "his country"
            ref = self.resolve_pronoun(poss[0])
            if ref is not None:
                country = ref.country
                if head.lemma_.lower() in _GROUP_HEADS:
                    sector = sector or "GOV"
        resolved = None
        if self.resolver is not None and (name or head.pos_ == "PROPN"):
            resolved = self.resolver.resolve(name or text)
        if resolved is not None:
            named = True
            name = resolved.name
            if resolved.country and (head.ent_type_ == "PERSON" or country is None):
                country = resolved.country  # the mentions extractor read the whole document
            role = getattr(resolved, "role", None)
            if sector is None and role:
                hit = sector_of(role)
                sector = hit.sector if hit else None
        if country is None and name:
            country = self.person_country.get(name) or self.person_country.get(name.split()[-1])
        if country is None and not name:
            country = self.head_country.get(self._head_key(head))
        inferred = False
        if country is None and not named and self._local_group(head, sector):
            locative = np_countries(head, locative=True)
            country = locative[0] if locative else self.location_country(head)
            if country is None and sector in _DOMESTIC_SECTORS:
                country = self.dominant
            inferred = country is not None and not locative
        host = None
        if envoy:
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ == "to":
                    codes = [token_country(o) for o in pobjs(c)]
                    host = next((x for x in codes if x), None)
        return Actor(
            text=text,
            name=name,
            country=country,
            sector=sector,
            start=doc[lo].idx,
            end=doc[hi - 1].idx + len(doc[hi - 1]),
            head=head.i,
            named=named or resolved is not None,
            envoy_host=host,
            agentive=named or resolved is not None or sector is not None or head.pos_ == "PROPN",
            inferred=inferred,
        )

    def is_person(self, tok: Token) -> bool:
        """A person's name: tagged PERSON here, or a name tagged PERSON elsewhere in the document."""
        if tok.ent_type_ == "PERSON":
            return True
        return tok.pos_ == "PROPN" and tok.text in self.person_words and not token_country(tok)

    # ---- pronouns -------------------------------------------------------------------
    def resolve_pronoun(self, tok: Token) -> Actor | None:
        low = tok.lower_
        if low in _SELF:
            return None
        if low in _RELATIVE:
            head = tok.head
            while head.dep_ in ("relcl", "acl") or head.pos_ in ("VERB", "AUX"):
                if head.dep_ == "relcl":
                    return self.actor(head.head)
                if head.head.i == head.i:
                    break
                head = head.head
            return None
        if low in _QUANT and any(c.dep_ in ("relcl", "prep") for c in tok.children):
            return None  # "all we need", "most of them": not an anaphor
        want_person = low in _PERSONAL
        want_plural = low in _PLURAL or low in _QUANT
        if want_person and low not in ("he", "she"):  # "levied sanctions against him": the last person named
            sent = self.sent_of(tok)
            named = [t for t in self.doc[sent.start : tok.i] if self.is_person(t) and t.dep_ != "compound"]
            if named:
                return self.actor(named[-1])
        verb = tok.head.head if tok.dep_ == "pobj" else tok.head
        local = verb.i if tok.dep_ not in SUBJ else -1  # "police fired at them": not the police
        before = self.doc[self.sent_of(tok).start : tok.i]
        for cand in reversed([t for t in before if t.dep_ in SUBJ and t.head.i != local]):
            if cand.pos_ == "PRON" or cand.lower_ in _QUANT:
                continue
            actor = self.actor(cand)
            is_person = (actor.name is not None and cand.ent_type_ == "PERSON") or _person_head(cand)
            if want_person and is_person:
                return actor
            if want_plural and cand.tag_ in ("NNS", "NNPS"):
                return actor
            if not want_person and not want_plural and not is_person and actor.entity_like:
                return actor
        if want_person:
            return self.last_person
        return None if low in _QUANT else self.last_group

    def note_sentence(self, sent: Span) -> None:
        """Remember the sentence's subjects for pronouns in the sentences that follow."""
        for tok in sent:
            if tok.dep_ not in SUBJ:
                continue
            actor = self.actor(tok)
            if _person_head(tok):
                self.last_person = actor
            elif actor.entity_like and tok.pos_ != "PRON":
                self.last_group = actor


def is_passive(v: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children) or (v.tag_ == "VBN" and v.dep_ == "acl")


def subjects(v: Token, depth: int = 0) -> list[Token]:
    """Actor heads of a verb: subject, by-agent, or inherited from the verb it depends on

    ("crossed the border and invaded": conjoined; "gathered ... to protest": purpose clause;
    "asked the government to act": object control). A passive without agent has none.
    """
    subj = [c for c in v.children if c.dep_ in ("nsubj", "csubj")]
    if subj:
        return subj
    agent = [o for c in v.children if c.dep_ == "agent" for o in pobjs(c)]
    if agent or is_passive(v) or depth > 3 or v.head.i == v.i:
        return agent
    head = v.head
    if v.dep_ == "conj" and head.pos_ in ("VERB", "AUX", "ADJ"):
        if v.tag_ in _FINITE and head.tag_ == "VB" and head.dep_ in ("xcomp", "ccomp"):
            return subjects(head.head, depth + 1)  # "urged X to reconsider and spoke with Y": Y's speaker is the urger
        return subjects(head, depth + 1)
    if v.dep_ in ("xcomp", "advcl"):
        if head.lemma_.lower() in CONTROL_VERBS:
            objs = [c for c in head.children if c.dep_ == "dobj"]
            if objs:
                return objs
        return subjects(head, depth + 1)
    if v.dep_ == "acl" and v.tag_ == "VBG":
        return [head]
    return []


def _person_head(tok: Token) -> bool:
    """A person: tagged PERSON, with a PERSON apposition, or a name under a title ("Chancellor Olaf Scholz")."""
    if tok.ent_type_ == "PERSON":
        return True
    if any(c.ent_type_ == "PERSON" for c in tok.children if c.dep_ == "appos"):
        return True
    if tok.pos_ != "PROPN" or token_country(tok):
        return False
    return any(c.dep_ == "compound" and not c.ent_type_ and _is_title(c) for c in tok.children)


def _is_title(tok: Token) -> bool:
    hit = sector_of(tok.lemma_.lower())
    return hit is not None and hit.country is None and tok.lemma_.lower() not in ("government", "state")
