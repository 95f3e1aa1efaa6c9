"""Actors and arguments read from the dependency parse, shared by events and stances.

:class:`DocContext` is built once per document. It turns the head token of a noun phrase into an
:class:`Actor`: the phrase, the entity name it holds, its country and its sector. Country comes, in this order, from

1. the phrase itself: a country name, demonym or capital ("Kazakh police", "Tajikistan's Foreign Ministry",
   "the governments of Kyrgyzstan and Turkmenistan", "Moscow"), or a metonym from ``sectors.tsv`` ("the Kremlin");
2. the resolver (the mentions extractor's ``MentionSet``), for a named person or organisation;
3. what the document said earlier about the same person ("Russian president Vladimir
   Putin" ... "Putin") or the same thing ("German air traffic control" ... "air traffic control");
4. for an unnamed group (activists, police, the government), the place the paragraph
   is about ("protestors in Kazakhstan" ... "a dozen activists").

A group of an intergovernmental body ("EU leaders", "the bloc") is that body, of no country. Pronouns go to
the nearest fitting subject: he/she/his → a person, it/its → a country or organisation, they/all/most → a
group (a plural subject first: "X and his counterparts met ... They called on Y"); I/we/our in a quotation →
its speaker. Functions here read the parse only; the words they need are data.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace
from itertools import islice
from operator import attrgetter
from typing import TYPE_CHECKING, Protocol

from newsgraph.extract.dateline import in_dateline
from newsgraph.extract.events.dictionary import dictionary_side
from newsgraph.extract.events.groups import COLLECTIVE as _COLLECTIVE
from newsgraph.extract.events.groups import GROUP_HEADS as _GROUP_HEADS
from newsgraph.extract.events.groups import QUANT as _QUANT
from newsgraph.extract.events.groups import counted as _counted
from newsgraph.extract.events.groups import demonym_plural, igo_side, international, local_group, partitive_whole
from newsgraph.extract.events.groups import owner_sector as _owner_sector
from newsgraph.extract.events.home import filed_from, home_countries, inside_name
from newsgraph.extract.events.places import is_venue, located, place_country, the_country_named
from newsgraph.extract.events.quoted import DocQuotations, LazyText
from newsgraph.extract.events.reported import SPEAKER_SELF as _SPEAKER_SELF
from newsgraph.extract.events.reported import reporter as reported_by
from newsgraph.extract.events.titled import personal, role_holder
from newsgraph.extract.syntax import (
    CONTROL_VERBS,
    NAME_LABELS,
    OF_PREPS,
    PERSONAL,
    PLURAL,
    SUBJ,
    conjuncts,
    ent_of,
    is_passive,
    np_countries,
    np_name,
    np_sector,
    np_span,
    pobjs,
    subject_sharers,
    subjects,
    token_country,
)
from newsgraph.extract.tokens import doc_memo, token_records
from newsgraph.lexicon.events import people_noun, sector_of
from newsgraph.lexicon.gazetteer import not_entity_kind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from newsgraph.core.model import Organization, Person
__all__ = ["CONTROL_VERBS", "SUBJ", "Actor", "ActorResolver", "DocContext", "conjuncts", "ent_of", "is_passive",
           "located", "np_countries", "np_name", "np_sector", "np_span", "place_country", "pobjs", "subjects",
           "token_country"]  # fmt: skip


class ActorResolver(Protocol):
    """Finds the person or organisation a name refers to (``MentionSet`` implements it)."""

    def resolve(self, text: str) -> Person | Organization | None: ...


_LOC_PREPS = frozenset({"in", "at", "inside", "into", "across", "throughout"})
_RELATIVE = frozenset({"which", "who", "that", "whom", "whose"})
_SELF = frozenset({"i", "me", "my", "we", "us", "our", "you", "your"})
_SINGULAR = frozenset({"it", "its", "itself"})
_NO_ACTORS = frozenset({"event", "thing"})  # not_entities.tsv kinds that never act: a virus, a festival, a faith
STATELESS_SECTORS = frozenset({"IGO", "NGO", "BUS"})
_DOMESTIC_SECTORS = frozenset({"CVL", "OPP", "POL", "JUD", "MED", "LEG", "MIL"})
# a state's bodies, forces and people (the people when it is named twice, not "students outside the Israeli embassy")
_INSTITUTION_SECTORS = frozenset({"POL", "JUD", "GOV", "CVL", "OPP", "LEG", "REB", "MIL"})
STATE_BODIES = frozenset({"POL", "JUD", "GOV"})


# What DocContext reads off a document once, kept in ``Doc.user_data`` for the next extractor that asks.
_INDEX_KEY = "newsgraph.events.index"
_PARSED_KEY = "newsgraph.events.parsed_actors"  # actors built from the parse alone, per resolver and date
_INDEXED = ("person_words", "person_country", "head_country", "_head_first", "locations", "paragraph_of",
            "_subjects", "_sent_no", "dominant", "leading", "sents")  # fmt: skip


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
    remembered: bool = False  # taken from an earlier event of the document ("the attack": its attacker)
    unknown: bool = False  # an unidentified actor the text implies ("was shot": by someone)

    @property
    def entity_like(self) -> bool:
        return self.named or self.country is not None or self.sector is not None

    @property
    def label(self) -> str:
        return self.name or self.text


class DocContext:
    """What a document says about its actors; built once per document, read sentence by sentence."""

    _fields = attrgetter(*Actor.__slots__)  # an actor's fields in the order Actor() takes them, for copies

    def __init__(self, doc: Doc, resolver: ActorResolver | None = None, published: str | None = None) -> None:
        self.doc = doc
        self.resolver = resolver
        self.published = published  # the date office holders are looked up on
        self.person_country: dict[str, str] = {}
        self.head_country: dict[str, str] = {}
        self._head_first: dict[str, int] = {}  # where the document first tied a head to its country
        self.locations: list[tuple[int, int, str]] = []  # (char, paragraph, country)
        self._located: dict[int, tuple[list[int], list[str]]] | None = None  # paragraph → (chars, countries)
        self.paragraph_of: dict[int, int] = {}  # sentence start token → paragraph number
        self.last_person: Actor | None = None
        self.last_group: Actor | None = None
        self._group_sent = 0  # sentence number where last_group was named
        self.last_plural: Token | None = None  # head of the latest coordinated or plural subject
        self.dominant: str | None = None
        self.leading: str | None = None  # the country the document names most (first of a tie), dominant or not
        self.led = False  # the leading country is named more than once
        self.pair: tuple[str, str] | None = None  # the two countries it names most, when two lead ("the two countries")
        self.person_words: set[str] = set()  # words of names tagged PERSON anywhere in the document
        self.sents: list[Span] = []  # Token.sent scans the document: look sentences up here
        self._text = LazyText(doc)  # no closure over self: a DocContext is no reference cycle
        self._subjects: list[list[int]] = []  # per sentence, the indices of its subject tokens
        self._sent_no: list[int] = [0] * len(doc)
        self._cache: dict[int, Actor] = {}
        self._building: set[int] = set()
        self._asked = 0  # how often the context's state was asked for (actor)
        self._parsed: dict[int, Actor] = doc_memo(doc, _PARSED_KEY, resolver, published)  # shared by the contexts
        shared = doc.user_data.get(_INDEX_KEY)  # the event coder and the stance finder read one document
        if shared is None:
            self.sents = list(doc.sents)
            self._index()
            doc.user_data[_INDEX_KEY] = {name: getattr(self, name) for name in _INDEXED}
        else:
            for name, value in shared.items():
                setattr(self, name, value)
        self.quoted = DocQuotations(doc, self.sents, resolver, self._text)

    @property
    def text(self) -> str:
        """The document text, read once and only when needed (``Doc.text`` joins every token)."""
        return self._text()

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
        para, toks = 0, token_records(doc)
        counts: dict[str, int] = {}
        for n, sent in enumerate(self.sents):
            edge = (toks[sent.start - 1], toks[sent.start]) if n else ()
            if any(t.is_space and "\n" in t.text for t in edge):
                para += 1  # line breaks are space tokens at a sentence's edge (Doc.text would join every token)
            self.paragraph_of[sent.start] = para
            self._sent_no[sent.start : sent.end] = [n] * len(sent)
            subjects_here: list[int] = []
            self._subjects.append(subjects_here)
            for rec in toks[sent.start : sent.end]:  # the parsed token only for a word that may name a country
                if rec.dep_ in SUBJ:
                    subjects_here.append(rec.i)
                named = rec.ent_type_ in ("GPE", "NORP") or rec.pos_ == "PROPN"
                if not named and rec.dep_ != "pobj" and (rec.pos_ not in ("NOUN", "PROPN") or rec.dep_ == "compound"):
                    continue  # no country's name, no preposition's object, no noun a country may qualify
                tok = doc[rec.i]
                if named:
                    code = token_country(tok)
                    if code and not inside_name(tok, code):
                        counts[code] = counts.get(code, 0) + 1
                if tok.dep_ == "pobj" and tok.head.lower_ in _LOC_PREPS and not is_venue(tok):
                    code = place_country(tok)
                    if code:
                        self.locations.append((tok.idx, para, code))
                elif tok.pos_ in ("NOUN", "PROPN") and tok.dep_ != "compound":
                    mods = [c for c in tok.lefts if c.dep_ in ("amod", "compound", "poss")]
                    codes = [token_country(c) for c in mods]
                    codes = [c for c in codes if c]
                    if not codes:  # "the government of Syria", "the Parliament of Iraq"
                        ofs = [c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"]
                        of = [o for c in ofs for o in c.children if o.dep_ == "pobj" and o.pos_ == "PROPN"]
                        codes = [c for c in (token_country(o) for o in of) if c]
                    if codes:
                        self.head_country.setdefault(self._head_key(tok), codes[0])
                        self._head_first.setdefault(self._head_key(tok), tok.i)
        for _, _, code in self.locations:  # "in Gdańsk": a place of the story is a mention of its country
            counts[code] = counts.get(code, 0) + 1
        first = self.sents[0] if self.sents else ()
        for code in {place_country(t) for t in first if t.ent_type_ == "GPE" and in_dateline(t)} - {None}:
            counts[code] = counts.get(code, 0) + 1  # "MANILA, May 19 (AP) -": the wire's dateline is one too
        home = home_countries(counts)
        self.leading, self.led, self.dominant, self.pair = home.leading, home.led, home.dominant, home.pair

    def _remembered_part(self, head: Token) -> str | None:
        """Country of a part the document tied to one earlier: "government forces" after "the government
        of Syria", "Members of Parliament" after "the Parliament of Iraq"."""
        parts = [c for c in head.lefts if c.dep_ == "compound" and not c.ent_type_]
        for c in head.rights:
            if c.dep_ == "prep" and c.lower_ == "of":
                parts.extend(o for o in c.children if o.dep_ == "pobj")
        for part in parts:
            key = self._head_key(part)
            if part.tag_ in ("NN", "NNP") and sector_of(key) is not None and self._head_first.get(key, part.i) < part.i:
                return self.head_country.get(key)
        return None

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
        if self._located is None:  # per paragraph, sorted by offset: found by bisection
            self._located = {}
            for char, p, code in self.locations:
                chars, codes = self._located.setdefault(p, ([], []))
                chars.append(char)
                codes.append(code)
        chars, codes = self._located.get(self.paragraph(tok), ([], []))
        k = bisect_left(chars, tok.idx) - 1  # the latest before the word, else the sentence's first after it
        if k < 0 and chars and chars[0] < self.sent_of(tok).end_char:
            return codes[0]
        return codes[k] if k >= 0 else None

    # ---- actors -------------------------------------------------------------------
    def actor(self, head: Token) -> Actor:
        """The actor a head token names (pronouns resolved, country filled as described above). One built without
        asking for another actor, a pronoun or ``led`` reads the parse alone: built once for the document's contexts."""
        self._asked += 1
        cached = self._cache.get(head.i) or self._parsed.get(head.i)
        if cached is not None:
            self._cache[head.i] = cached
            return Actor(*self._fields(cached))  # a copy: what dataclasses.replace makes, ~6 times faster
        if head.i in self._building:  # "some of them" inside its own antecedent
            return Actor(head.text, None, None, None, head.idx, head.idx + len(head), head.i)
        self._building.add(head.i)
        asked = self._asked
        try:
            actor = self._build(head)
        finally:
            self._building.discard(head.i)
        self._cache[head.i] = actor
        if asked == self._asked:
            self._parsed[head.i] = actor
        return Actor(*self._fields(actor))

    def actors(self, head: Token) -> list[Actor]:
        """One actor per conjunct and per coordinated country; missing countries filled from siblings."""
        out: list[Actor] = []
        examples = [o for c in head.children if c.dep_ == "prep" and c.lower_ == "as"
                    and any(x.lower_ == "such" for x in c.children) for o in pobjs(c)]  # fmt: skip
        if examples and head.pos_ == "NOUN":
            # "allies such as Germany and France": the sides the text names, not the kind they belong to
            found = [self.actor(e) for e in examples]
            self.share_countries(found)
            return found
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
        self.share_countries(out)
        return out

    def share_countries(self, out: list[Actor]) -> None:
        """Coordinated actors without a country take the one their siblings have."""
        known = {a.country for a in out if a.country and not a.inferred}
        if len(known) == 1 and len(out) > 1:
            only = next(iter(known))  # "Russian officials and diplomats": both Russian
            for a in out:
                if (a.country is None or a.inferred) and not (a.named and a.sector in STATELESS_SECTORS):
                    a.country = only
                    a.inferred = False
        elif len(out) > 1:
            self._share_person_country(out)

    def _share_person_country(self, out: list[Actor]) -> None:
        """Persons named side by side in one role ("acquitted Andrew Johnson and Bill Clinton", "Smith and
        Jones resigned") are of the one country any of them is known to have, even an inferred one."""
        persons = [a for a in out if a.head >= 0 and self.doc[a.head].ent_type_ == "PERSON"]
        known = {a.country for a in persons if a.country}
        if len(known) != 1 or len(persons) != len(out):
            return
        only = next(iter(known))
        for a in persons:
            if a.country is None:
                a.country, a.inferred = only, True

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
    def _coordinated(tok: Token) -> bool:
        """Countries coordinated inside the phrase: "the governments of X and Y", "X and Y diplomats"."""
        for c in tok.children:
            if c.dep_ in ("amod", "compound") and any(x.dep_ == "conj" and token_country(x) for x in c.children):
                return True
            if c.dep_ == "prep" and c.lower_ in OF_PREPS:
                return any(len(conjuncts(o)) > 1 for o in c.children if o.dep_ == "pobj")
        return False

    def _build(self, head: Token) -> Actor:
        low = head.lower_
        of = _counted(head)  # "hundreds of students", "a group of traders"
        if of and (low not in _COLLECTIVE or of[0].pos_ in ("NOUN", "PROPN", "PRON")):
            return replace(self.actor(of[0]), start=head.idx, head=head.i)
        if head.pos_ == "PRON" or low in _QUANT:
            ref = self.resolve_pronoun(head)
            if ref is not None:
                return replace(ref, start=head.idx, end=head.idx + len(head), head=head.i)
            return Actor(head.text, None, None, None, head.idx, head.idx + len(head), head.i)
        lo, hi = np_span(head)
        doc = self.doc
        text = doc[lo:hi].text.strip()
        if (body := igo_side(head)) is not None:  # "EU leaders", "the bloc": the body, of no country
            end = doc[hi - 1].idx + len(doc[hi - 1])
            return Actor(text, body, None, "IGO", doc[lo].idx, end, head.i, named=True, agentive=True)
        if head.pos_ == "PROPN" and not_entity_kind(text) in _NO_ACTORS:  # "SARS-CoV-2 has killed 1,000 people"
            return Actor(text, None, None, None, doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1]), head.i)
        name, label = np_name(head)
        countries = np_countries(head) or the_country_named(head)  # "the country's foreign minister"
        if not countries and head.ent_type_ == "PERSON" and head.dep_ in ("appos", "compound"):
            countries = np_countries(head.head)  # "US President Donald Trump": the title carries the country
        sector, envoy = np_sector(head)
        sector = sector or _owner_sector(head)  # "the army's media wing"
        country = countries[0] if countries else None
        named = label in NAME_LABELS or (country is not None and head.pos_ == "PROPN")
        poss = [c for c in head.children if c.dep_ == "poss" and c.pos_ == "PRON"]
        if country is None and poss:  # "its citizens", "his country"
            ref = self.resolve_pronoun(poss[0])
            if ref is not None:
                country = ref.country
                if head.lemma_.lower() in _GROUP_HEADS:
                    sector = sector or "GOV"
                elif ref.country is None and ref.sector in STATELESS_SECTORS:  # "its chairperson" of the AU
                    sector = sector or ref.sector
        resolved = None
        # "Trump granted ...": a name the small model tags as a common noun, known as a person's here
        proper = head.pos_ == "PROPN" or (head.is_title and head.text in self.person_words)
        if self.resolver is not None and (name or proper):
            resolved = self.resolver.resolve(name or text)
        elif self.resolver is not None:  # "Billy Idol paid tribute to the guitarist": the one person so titled
            resolved = role_holder(head, getattr(self.resolver, "persons", ()))  # type: ignore[assignment]
        if resolved is not None:
            named = True
            name = resolved.name
            if resolved.country and (head.ent_type_ == "PERSON" or country is None):
                country = resolved.country  # the mentions extractor read the whole document
            role = getattr(resolved, "role", None)
            if sector is None and role:
                hit = sector_of(role)
                sector = hit.sector if hit else None
            # "NATO Secretary-General X"; not "Japan's National Security Council", a country's own
            if international(resolved) and not any(c.dep_ == "poss" and token_country(c) for c in head.children):
                end = doc[hi - 1].idx + len(doc[hi - 1])
                return Actor(text, resolved.name, None, "IGO", doc[lo].idx, end, head.i, named=True, agentive=True)
        if country is None and name:
            country = self.person_country.get(name) or self.person_country.get(name.split()[-1])
        if name and (country is None or sector is None):
            known = dictionary_side(name, head, self.published, head.ent_type_ == "PERSON" or self.is_person(head))
            if known is not None:
                country, sector = country or known[0], sector or known[1]
                named = True
        if country is None and not name:
            key = self._head_key(head)
            if self._head_first.get(key, head.i) < head.i:  # what the document said earlier, not later
                country = self.head_country.get(key)
        if country is None and not countries:
            country = self._remembered_part(head)
        inferred = False
        if country is None and not named and local_group(head, sector):
            locative = np_countries(head, locative=True) or located(head)
            for c in head.children if not locative else ():  # "an assembly of ministers in Cairo"
                if c.dep_ == "prep" and c.lower_ == "of":
                    locative = [x for o in pobjs(c) for x in np_countries(o, locative=True) or located(o)]
            country = locative[0] if locative else self.location_country(head)
            if country is None and (sector in _DOMESTIC_SECTORS or sector is None):
                country = self.dominant
            if country is None and sector in _INSTITUTION_SECTORS and sector not in STATE_BODIES:
                self._asked += 1  # the answer reads ``led``
            if country is None and sector in _INSTITUTION_SECTORS and (sector in STATE_BODIES or self.led):
                country = self.leading  # "the police", "a federal judge": of the country the story names most
            inferred = country is not None and not locative
        if (
            country is None
            and not named
            and sector == "GOV"
            and head.lemma_.lower() in _GROUP_HEADS
            and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
        ):
            if self.dominant is None and head.tag_ == "NN":  # between two countries: filed from one of them
                self._asked, country = self._asked + 1, filed_from(self.doc, self.pair)  # contexts' pairs differ
            country = country or self.dominant  # "the government" of a story about one country
            inferred = country is not None
        if country is None and head.ent_type_ == "GPE":
            country = place_country(head)  # "Athens expelled ...": a city acting stands for its country
        if country is None and named and self.dominant and sector not in STATELESS_SECTORS:
            country = self.dominant  # "Pelosi", "the Senate" in a story about one country: its people and bodies
            inferred = True
        host = None
        if envoy:
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ in ("to", "in"):  # "the ambassador to Berlin", "... in Addis Ababa"
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
            agentive=named
            or resolved is not None
            or sector is not None
            or proper
            or (country is not None and (head.ent_type_ == "NORP" or demonym_plural(head)))
            or people_noun(head.lemma_.lower(), head.tag_ == "NNS"),
            inferred=inferred,
        )

    def is_person(self, tok: Token) -> bool:
        """A person's name: tagged PERSON here, or a name tagged PERSON elsewhere in the document."""
        if tok.ent_type_ == "PERSON":
            return True
        return tok.pos_ == "PROPN" and tok.text in self.person_words and not token_country(tok)

    # ---- pronouns -------------------------------------------------------------------
    def resolve_pronoun(self, tok: Token) -> Actor | None:
        self._asked += 1
        low = tok.lower_
        if low in _SPEAKER_SELF:
            return self._speaker_actor(tok)
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
        if (low in _QUANT or low in ("those", "anyone")) and any(c.dep_ in ("relcl", "prep") for c in tok.children):
            return None  # "all we need", "most of them", "those who attacked": not an anaphor
        reporter = reported_by(tok)
        if reporter is not None:
            return self.actor(reporter)  # "the ministry said it had expelled", "X said he would resign"
        if (whole := partitive_whole(tok, self.sent_of(tok).start)) is not None:
            return self.actor(whole)  # "expelled 230 of them": the latest plural named before
        want_person = low in PERSONAL
        want_plural = low in PLURAL or low in _QUANT
        if want_person and low not in ("he", "she"):  # "levied sanctions against him": the last person named
            sent = self.sent_of(tok)
            named = [t for t in self.doc[sent.start : tok.i] if self.is_person(t) and t.dep_ != "compound"]
            if named:
                return self.actor(named[-1])
        # "police fired at them", "used tear gas to disperse them", "expelled 230 of them": not who acts on them
        verb = next((a for a in islice(tok.ancestors, 4) if a.pos_ in ("VERB", "AUX")), tok.head)  # a few up
        local = subject_sharers(verb) if tok.dep_ not in SUBJ and tok.dep_ != "poss" else frozenset()  # "their"
        before = self.doc[self.sent_of(tok).start : tok.i]
        for cand in reversed([t for t in before if t.dep_ in SUBJ and t.head.i not in local]):
            if cand.pos_ == "PRON" or cand.lower_ in _QUANT:
                continue
            actor = self.actor(cand)
            is_person = (actor.name is not None and cand.ent_type_ == "PERSON") or personal(cand)
            if want_person and is_person:
                return actor
            if want_plural and (cand.tag_ in ("NNS", "NNPS") or (actor.sector is not None and not is_person)):
                return actor  # "the protesters ... they", "Kent Police said they had arrested": a body as "they"
            if not want_person and not want_plural and not is_person and actor.entity_like:
                if cand.tag_ == "NNS" and low in _SINGULAR:
                    continue  # "Officials said it killed nine people": "it" is no plural (a name may be)
                return actor
        if want_person:
            return self.last_person
        if low in PLURAL and self.last_plural is not None:
            return self.actor(self.last_plural)
        group = self.last_group
        if (
            group is not None
            and low == "it"
            and tok.dep_ in SUBJ
            and (
                self._sent_no[tok.i] - self._group_sent > 1 or (group.head >= 0 and self.doc[group.head].tag_ == "NNS")
            )
        ):
            return None  # a subject "it" takes up a thing of this or the last sentence, not "officials" long before
        return None if low in _QUANT else group

    def plural_members(self, tok: Token) -> list[Actor]:
        """Every member a plural pronoun stands for ("they" after "X and his counterparts"), else []."""
        if tok.lower_ not in PLURAL or self.last_plural is None or tok.i <= self.last_plural.i:
            return []
        if self.resolve_pronoun(tok) is None or self.sent_of(tok).start <= self.last_plural.i:
            return []
        return self.actors(self.last_plural)

    def note_sentence(self, sent: Span) -> None:
        """Remember the sentence's subjects for pronouns in the sentences that follow."""
        for i in self._subjects[self._sent_no[sent.start]] if len(sent) else ():
            tok = self.doc[i]
            actor = self.actor(tok)
            coordinated = any(c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") for c in tok.children)
            if tok.pos_ != "PRON" and actor.entity_like and (tok.tag_ in ("NNS", "NNPS") or coordinated):
                self.last_plural = tok
            if personal(tok):
                self.last_person = actor
            elif actor.entity_like and tok.pos_ != "PRON" and not self._keeps_singular(tok):
                self.last_group = actor
                self._group_sent = self._sent_no[tok.i]

    def _keeps_singular(self, tok: Token) -> bool:
        """A plural subject after a singular one of its sentence leaves "it" to that one ("X said its guards ...")."""
        group, plural = self.last_group, ("NNS", "NNPS")
        if tok.tag_ not in plural or group is None or group.head < 0 or self._group_sent != self._sent_no[tok.i]:
            return False
        return self.doc[group.head].tag_ not in plural

    # ---- quotations -------------------------------------------------------------------
    def _speaker_actor(self, tok: Token) -> Actor | None:
        """Who "I" or "we" is: the speaker of the quotation ``tok`` stands in ("we urge ...," he said), the
        answerer of an interview transcript's answer, else None."""
        speaker = self.quoted.speaker_at(tok.idx)
        if speaker is not None:
            return self.actor(self.doc[speaker]) if speaker >= 0 else None
        name = self.quoted.answerer_at(tok.idx)
        if name is None:
            return None
        found = self.resolver.resolve(name) if self.resolver is not None else None
        role = getattr(found, "role", None)
        hit = sector_of(role) if role else None
        country, sector = (found.country if found else None), (hit.sector if hit else None)
        end = tok.idx + len(tok)
        return Actor(tok.text, found.name if found else name, country, sector, tok.idx, end, tok.i, True, agentive=True)
