"""Who a speech cue's subject is: a person, an organization, a role, or a pronoun to resolve.

Used by :mod:`newsgraph.extract.quotes.attribution`. One :class:`SpeakerResolver` lives for one document and walks
it in reading order, remembering the last person who spoke or was the subject of a sentence ("he said" goes there)
and the role speakers already seen ("a spokesperson for the Foreign Ministry" ... "the spokesperson added" are one
speaker). Role nouns are titles with an office group (``lexicon/data/titles.tsv``).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from newsgraph.core.model import Evidence, Organization, Person
from newsgraph.core.textnorm import entity_key
from newsgraph.extract.quotes.transcript import Transcript
from newsgraph.lexicon.countries import country_code
from newsgraph.lexicon.cues import document_noun, noun_cue, verb_cue
from newsgraph.lexicon.known_orgs import is_org_word
from newsgraph.lexicon.titles import role_group, role_groups_in

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

SpeakerKind = Literal["person", "org", "role", "group"]
_HE_SHE = frozenset({"he", "she", "him", "her", "his"})
_THEY = frozenset({"they", "them", "their"})
# Common nouns that write statements ("the government statement"); not "the press release", "the event description".
_AUTHOR_NOUNS = frozenset({"government", "ministry", "police", "army", "military", "court", "party", "palace"})
# Verbs of passing on what another wrote: "a statement carried by the news agency" is not the agency's.
_CARRIERS = frozenset({"carry", "publish", "broadcast", "air", "relay", "report", "quote", "cite", "obtain", "see"})
_PARTS = frozenset({"part", "portion", "excerpt", "section", "one"})
_INNER_CLAUSES = frozenset({"relcl", "acl", "ccomp"})
_SOME = frozenset({"one", "some", "many", "several", "most", "two", "three", "few", "all", "both"})
_TURN_PRONOUNS = frozenset({"you", "your", "i", "my", "we", "our"})
_ORG_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC"})
# Children that are not part of a speaker's description ("the spokesperson, who ..., said").
_NOT_IN_PHRASE = frozenset({"relcl", "acl", "appos", "punct", "cc", "conj", "advcl", "parataxis"})
_MAX_PHRASE_TOKENS = 12
# Prepositions that belong to an office's name ("minister of", "spokesperson for"), unlike "in her visit".
_ROLE_PREPS = frozenset({"of", "for"})


@dataclass(frozen=True, slots=True)
class Speaker:
    """A resolved speaker: display name, role (when known), kind and office group."""

    name: str
    role: str | None = None
    kind: SpeakerKind = "person"
    group: str | None = None


def _clean(text: str) -> str:
    text = " ".join(text.replace("\u00a0", " ").split())
    if text.lower().startswith("the "):
        text = text[4:]
    for suffix in ("'s", "\u2019s"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text


def _split_title(words: list[str]) -> tuple[list[str], str | None]:
    """Split leading office words off a name the tagger ran together ("Voter Kitty Mak")."""
    k = 0
    while k < len(words) - 1 and words[k][:1].isupper() and role_group(words[k]) is not None:
        k += 1
    return words[k:], (" ".join(words[:k]) or None)


def _lookup(keys: dict[str, Person | None], text: str) -> Person | None:
    """The person a name, alias or surname refers to; longer word suffixes are tried first."""
    words = entity_key(text).split()
    for k in range(len(words)):
        person = keys.get(" ".join(words[k:]))
        if person is not None:
            return person
    return None


def _message(tok: Token) -> bool:
    """A noun for something said or written ("statement", "tweet", "memo"): never a speaker itself."""
    return tok.pos_ == "NOUN" and (noun_cue(tok.lemma_) is not None or document_noun(tok.lemma_))


def _body_noun(tok: Token) -> bool:
    """A common noun for a body that can speak as one ("the embassy", "the ministry", "the company")."""
    return tok.pos_ == "NOUN" and tok.tag_ == "NN" and is_org_word(tok.text)


def _appositions(noun: Token) -> list[Token]:
    """Words in apposition to a noun, also names the parse hangs on its "of"/"for" complement."""
    found = [c for c in noun.children if c.dep_ == "appos"]
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in _ROLE_PREPS):
        for obj in (g for g in prep.children if g.dep_ == "pobj"):
            found += [c for c in obj.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"]
    return found


class SpeakerResolver:
    """Resolves subject tokens to speakers for one document, in reading order."""

    def __init__(
        self,
        doc: Doc,
        persons: Sequence[Person] = (),
        organizations: Sequence[Organization] = (),
        doc_id: str | None = None,
    ) -> None:
        self.doc = doc
        self.doc_id = doc_id
        self.persons = list(persons)
        self.last_group: Speaker | None = None
        self.last_body: tuple[int, Speaker] | None = None  # (token index, speaker) of the last body subject
        self.transcript: Transcript | None = None  # set by the caller for an interview transcript
        self.in_quote: list[bool] | None = None  # per token, set by the caller once quote marks are paired
        self.roles: list[Speaker] = []
        self._people: list[tuple[int, Speaker]] = []  # (token index, speaker) of each person subject or speaker
        self._spoken: list[tuple[int, Speaker]] = []  # (token index, speaker) of each speech verb, in reading order
        sents = list(doc.sents) if doc.has_annotation("DEP") else []
        self.sent_starts = [s.start for s in sents] or [0]
        self.sent_end_chars = [s.end_char for s in sents]
        self._org_keys: dict[str, Organization] = {}
        for org in organizations:
            for alias in (org.name, *org.aliases):
                self._org_keys.setdefault(entity_key(alias), org)
        self._ent_of: list[Span | None] = [None] * len(doc)
        self._person_ents: list[Span] = []
        self._full_names: dict[str, str] = {}
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                self._ent_of[i] = ent
            if ent.label_ == "PERSON":
                self._person_ents.append(ent)
                words = _clean(ent.text).split()
                if len(words) > 1:
                    current = self._full_names.get(entity_key(words[-1]), "")
                    if len(" ".join(words)) > len(current):
                        self._full_names[entity_key(words[-1])] = " ".join(words)
        self._person_ent_starts = [e.start for e in self._person_ents]
        given = self._index_persons(self.persons)
        self._given_keys = given  # the persons the mention extractor found (before the tagger's own names)
        self.persons += self._people_in_doc(given)
        self._person_keys = self._index_persons(self.persons)

    @staticmethod
    def _index_persons(persons: Sequence[Person]) -> dict[str, Person | None]:
        keys: dict[str, Person | None] = {}
        for p in persons:
            for alias in (p.name, *p.aliases):
                keys[entity_key(alias)] = p
        for p in persons:  # surnames last, and only when no two persons share one
            surname = entity_key(p.name).split()[-1:] if p.name.strip() else []
            for s in surname:
                if s in keys and keys[s] is not p:
                    if keys[s] is not None and entity_key(keys[s].name) != s:  # type: ignore[union-attr]
                        keys[s] = None
                else:
                    keys[s] = p
        # then the other words of a name ("Abiy" of Abiy Ahmed, "Wang" of Wang Wenbin, "Ríos" of Julio Ríos
        # Ayala), where no name or surname has the word and no other person shares it
        given: set[str] = set()
        for p in persons:
            for w in entity_key(p.name).split()[:-1]:
                if len(w) <= 2 or (w in keys and w not in given):
                    continue
                keys[w] = p if w not in given or keys[w] is p else None
                given.add(w)
        return keys

    def _people_in_doc(self, given: dict[str, Person | None]) -> list[Person]:
        """Persons the document names that ``persons`` lacks, with the title it gives them.

        "the Secretary General of the alliance, Jane Roe" gives Jane Roe the role "Secretary General
        of the alliance", so a later "the secretary-general said" resolves to her even when the
        caller passed no persons.
        """
        found: dict[str, Person] = {}
        for ent in self._person_ents:
            words, title = _split_title(_clean(ent.text).split())
            if not words:
                continue
            name = " ".join(words)
            if len(words) == 1:
                name = self._full_names.get(entity_key(name), name)
            if _lookup(given, name) is not None:
                continue
            person = found.setdefault(entity_key(name), Person(name=name))
            if person.role is None:
                person.role = self._ent_role(ent) or title
            person.mentions.append(Evidence(self.doc_id or "", "", ent.start_char, ent.end_char))
        return list(found.values())

    def _ent_role(self, ent: Span) -> str | None:
        """The office a sentence gives a named person: apposition or title words before the name."""
        root = ent.root
        candidates = [root.head] if root.dep_ == "appos" else []
        candidates += [c for c in root.children if c.dep_ == "appos"]
        for noun in candidates:
            if noun.pos_ in ("NOUN", "PROPN") and self._ent_of[noun.i] is None and role_group(self._head_phrase(noun)):
                return self._phrase(noun)
        title = self._title(root, ent)
        return title if title and role_group(title) else None

    # ---- reading-order memory -------------------------------------------------

    def note_subject(self, tok: Token) -> None:
        """Remember a person (for "he said") or a group (for "they said") that is a clause subject."""
        if tok.pos_ == "PRON" or tok.lower_ in _HE_SHE:
            return
        speaker = self._appos_person(tok) or self._person(tok) or self._office_holder(tok)
        if speaker is not None and not any(c.dep_ == "conj" for c in tok.children):
            self._people.append((tok.i, speaker))
            return
        ent = self._ent_of[tok.i]
        plural = tok.tag_ in ("NNS", "NNPS") and tok.pos_ == "NOUN"
        if speaker is None and not plural:  # "The embassy issued a warning. '...,' it said."
            body = self._org(tok) or (Speaker(self._phrase(tok), None, "org") if _body_noun(tok) else None)
            if body is not None and body.kind == "org":
                self.last_body = (tok.i, body)
        reported = any(t.dep_ in ("ccomp", "relcl", "acl", "advcl") for t in tok.ancestors)
        if reported and self.last_group is not None:
            return  # "they" stays with the researchers who suggested that "the defences fail"
        if speaker is not None or plural or (ent is not None and ent.label_ in ("ORG", "NORP")):
            self.last_group = Speaker(self._phrase(tok, with_conj=True), None, "group")

    def _office_holder(self, tok: Token) -> Speaker | None:
        """One holder of an office as a subject ("Velmar's justice minister defended the move"): a later "he"."""
        ok = tok.pos_ == "NOUN" and tok.tag_ == "NN" and self._ent_of[tok.i] is None and role_group(tok.lemma_)
        found = self._role(tok) if ok else None
        return found if found is not None and found.kind in ("person", "role") else None

    def note_speaker(self, speaker: Speaker, position: int, *, verb: bool = True) -> None:
        """Remember who spoke last; ``position`` is the token index of the subject or cue; ``verb``: the cue is
        a speech verb (not "according to" nor a noun)."""
        if verb:
            self._spoken.append((position, speaker))
        if speaker.kind in ("person", "role"):
            self._people.append((position, speaker))
            if speaker.kind == "role" and speaker not in self.roles:
                self.roles.append(speaker)
        else:
            self.last_group = speaker

    def _pronoun(self, i: int) -> Speaker | None:
        """He/she: a person subject of this or the previous sentence of the story (sentences wholly inside
        quote marks skipped), not one inside a relative clause ("in which X became ..."); else the latest person
        named."""
        k = bisect.bisect_right(self.sent_starts, i) - 1
        prev = k - 1
        while prev > 0 and self._quoted_sentence(prev):
            prev -= 1
        since = self.sent_starts[max(prev, 0)] if k >= 0 else 0
        recent = [e for e in self._people if since <= e[0] < i]
        if recent:
            # a person the mention extractor knows before a proper noun it does not ("the Seimas had ...")
            known = [e for e in recent if _lookup(self._given_keys, e[1].name) is not None]
            recent = known or recent
            # not the subject of a relative or a reported clause: "in which X became", "he said X is"
            main = [e for e in recent if self._main_subject(self.doc[e[0]])]
            current = [e for e in main if e[0] >= self.sent_starts[max(k, 0)]]
            return (current or main or recent)[-1][1]
        latest = next((e for e in reversed(self._people) if e[0] < i), None)
        m = bisect.bisect_left(self._person_ent_starts, i)
        while m > 0 and self._person_ents[m - 1].root.dep_ in ("nmod", "compound", "amod"):
            m -= 1  # "the Vale Verde council": a name that modifies a noun is no antecedent
        ent = self._person_ents[m - 1] if m > 0 else None
        if ent is not None and (latest is None or ent.start > latest[0]):
            return self._person(ent.root)
        return latest[1] if latest else None

    @staticmethod
    def _main_subject(tok: Token) -> bool:
        """A subject that may be "he" later: of a main clause, or of a speech verb wherever it stands."""
        cue = verb_cue(tok.head.lemma_)
        return tok.head.dep_ not in _INNER_CLAUSES or (cue is not None and cue.kind in ("verb", "weak"))

    def _quoted_sentence(self, k: int) -> bool:
        """Whether sentence ``k`` lies inside quote marks (no word of the story outside them)."""
        if self.in_quote is None:
            return False
        lo = self.sent_starts[k]
        hi = self.sent_starts[k + 1] if k + 1 < len(self.sent_starts) else len(self.doc)
        return not any(not self.in_quote[j] and self.doc[j].is_alpha for j in range(lo, hi))

    # ---- resolution -------------------------------------------------------------

    def resolve(self, tok: Token) -> Speaker | None:
        """The speaker named by a subject (or "according to" object) token."""
        low = tok.lower_
        if self.transcript is not None and low in _TURN_PRONOUNS:
            return self._turn_speaker(tok)
        if low in _HE_SHE:
            return self._pronoun(tok.i)
        if low in _THEY:
            return self.last_group
        if low == "it":
            return self._it(tok)
        whole = next((o for p in tok.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"), None)
        if whole is not None and tok.lower_ in _PARTS | _SOME:  # "part of the judge's statement", "one of them"
            if _message(whole) or tok.lower_ in _PARTS - {"one"}:
                return self.resolve(whole)
            for named in (c for c in tok.children if c.dep_ == "appos"):  # "one of the parties, the Greens,"
                found = self.resolve(named)
                if found is not None and found.kind in ("person", "org"):
                    return found
            if whole.pos_ in ("NOUN", "PROPN"):  # "one of the victims", "some of the protesters": nobody named
                return Speaker(self._phrase(tok), None, "group")
        if tok.pos_ == "PRON" or tok.tag_ in ("WP", "WDT", "EX", "PRP"):
            return None
        if _message(tok):  # "a tweet by the minister", "they released a statement": never "tweet"
            return self._author(tok) or self._earlier_author(tok)
        return self._appos_person(tok) or self._person(tok) or self._org(tok) or self._role(tok)

    def _it(self, tok: Token) -> Speaker | None:
        """ "it" as the subject of a speech verb: the body (an organization, "the embassy") that was a
        subject in this or the previous two sentences."""
        cue = verb_cue(tok.head.lemma_)
        if cue is None or cue.kind not in ("verb", "weak"):
            return None
        for verb in tok.head.ancestors:  # "Armenia asked the alliance to meet on what it called '...'"
            subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < tok.i), None)
            if subject is not None and subject.lower_ not in ("it", "which", "that", "who"):
                found = self.resolve(subject)
                return found if found is not None and found.kind in ("org", "group") else None
        if self.last_body is None or cue.kind != "verb":
            return None
        k = bisect.bisect_right(self.sent_starts, tok.i) - 1
        since = self.sent_starts[max(k - 2, 0)]
        i, body = self.last_body
        return body if since <= i < tok.i else None

    def _turn_speaker(self, tok: Token) -> Speaker | None:
        """In an interview transcript: "you" in a question is the interviewee, "I"/"we" in an answer the
        one who answers (:mod:`newsgraph.extract.quotes.transcript`)."""
        assert self.transcript is not None
        if tok.lower_ in ("you", "your"):
            name = self.transcript.interviewee_at(tok.idx)
        else:
            name = self.transcript.answerer_at(tok.idx)
        return self.named(name) if name else None

    def named(self, name: str) -> Speaker:
        """The speaker for a person's full name, with the role the document gives them."""
        person = _lookup(self._person_keys, name)
        return Speaker(name, person.role if person is not None else None, "person")

    def _author(self, message: Token) -> Speaker | None:
        """Who wrote or gave a statement, tweet or post: its possessor ("Lima's tweet"), the object of "by" or
        "from" on it ("a tweet by Ana Lima", "a statement released by her office"), or the subject of the
        verb it is the object of ("they released a statement which said"); None when the text does not say."""
        heads = [c for c in message.children if c.dep_ == "poss"]
        preps = [c for c in message.children if c.dep_ == "prep" and c.lower_ in ("by", "from")]
        for acl in (c for c in message.children if c.dep_ == "acl" and c.lemma_ not in _CARRIERS):
            preps += [c for c in acl.children if c.dep_ in ("agent", "prep") and c.lower_ in ("by", "from")]
        for prep in preps:
            heads.extend(o for o in prep.children if o.dep_ == "pobj")
        for prep in (
            c for c in message.children if c.dep_ == "prep" and c.lower_ == "of"
        ):  # "the opinion of the Court"
            heads += [
                o for o in prep.children if o.dep_ == "pobj" and (o.ent_type_ or o.lemma_.lower() in _AUTHOR_NOUNS)
            ]
        # "the government statement", "a Kremlin statement", "the Turkish statement"
        heads += [
            c
            for c in message.children
            if c.dep_ in ("compound", "amod") and (c.ent_type_ or c.lemma_.lower() in _AUTHOR_NOUNS)
        ]
        if not heads and message.dep_ == "dobj":
            heads = [c for c in message.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        for head in heads:
            if not _message(head):
                found = self.resolve(head)
                if found is not None:
                    return found
        return None

    def _earlier_author(self, message: Token) -> Speaker | None:
        """The author of "the statement" that goes back: of the same noun in this or the two sentences before
        ("issued a statement", "said in a statement"), else the subject of a speech verb in the sentence before."""
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in message.children):
            return None
        k = bisect.bisect_right(self.sent_starts, message.i) - 1
        lo = self.sent_starts[max(k - 2, 0)]
        for tok in reversed(self.doc[lo : message.i]):
            if tok.lemma_ != message.lemma_ or tok.pos_ != "NOUN" or (self.in_quote and self.in_quote[tok.i]):
                continue
            found = self._author(tok) or self._subject_of_verb(tok)
            if found is not None:
                return found
        # the sentence before, past a paragraph break the parser made a sentence of its own
        near = self.sent_starts[next((j for j in range(k - 1, 0, -1) if not self._quoted_sentence(j)), 0)]
        return next((sp for i, sp in reversed(self._spoken) if near <= i < message.i), None)

    def _subject_of_verb(self, noun: Token) -> Speaker | None:
        """Who does the act a noun hangs from: "in a statement, the minister accused": the minister."""
        verb = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
        return self.resolve(subject) if subject is not None and not _message(subject) else None

    def _appos_person(self, tok: Token) -> Speaker | None:
        """A name in apposition to a role noun: "the union leader, Eva Holm," — also when the parse hangs it on the
        noun's complement ("the mayor of Paris, Anne Hidalgo,"), on a role noun itself in apposition ("the institute's
        director, Jan Vos,"), or on a title tagged as an adjective ("COAG's secretary-general, Ramón Ibarra"). A
        person's own name is no role noun: what stands in apposition to it describes that person."""
        if tok.pos_ not in ("NOUN", "PROPN", "ADJ"):
            return None
        ent = self._ent_of[tok.i]
        if ent is not None and ent.label_ == "PERSON":
            return None
        appositions = _appositions(tok)
        if tok.pos_ == "ADJ" and not any(c.ent_type_ == "PERSON" for c in appositions):
            return None
        for role in (c for c in tok.children if c.dep_ in ("appos", "conj") and c.pos_ == "NOUN"):
            if role_group(role.lemma_) is not None or role_group(self._head_phrase(role)) is not None:
                appositions += [c for c in _appositions(role) if c.ent_type_ == "PERSON" or c.pos_ == "PROPN"]
        for child in appositions:
            person = self._person(child)
            if person is not None:
                if person.role is None and tok.pos_ == "NOUN":
                    return Speaker(person.name, self._phrase(tok), "person")
                return person
        return None

    def _person(self, tok: Token) -> Speaker | None:
        ent = self._ent_of[tok.i]
        if ent is not None and ent.label_ == "PERSON":
            text = ent.text
        elif tok.pos_ == "PROPN":
            start = tok.i
            while start > 0 and self.doc[start - 1].pos_ == "PROPN" and self.doc[start - 1].head.i == tok.i:
                start -= 1
            text = self.doc[start : tok.i + 1].text
        elif tok.text[:1].isupper() and (known := self._known_person(ent.text if ent is not None else tok.text)):
            return Speaker(known.name, known.role, "person")  # a name the tagger took for a thing ("Rivers")
        else:
            return None
        words, inner_title = _split_title(_clean(text).split())
        title = self._title(tok, ent) or inner_title
        person = _lookup(self._person_keys, " ".join(words))
        if person is not None:
            return Speaker(person.name, person.role or title, "person")
        full = self._full_names.get(entity_key(words[-1])) if len(words) == 1 else None
        if full is not None:
            return Speaker(full, title, "person")
        # a name the tagger missed counts with an office in apposition ("Ana Lind, a spokeswoman,")
        titled = any(c.dep_ == "appos" and c.pos_ == "NOUN" and role_group(c.lemma_) for c in tok.children)
        ok = words and (titled or (ent is not None and ent.label_ == "PERSON"))
        return Speaker(" ".join(words), title, "person") if ok else None

    def _known_person(self, text: str) -> Person | None:
        """The person the mentions found under exactly this name or alias (not a surname guess)."""
        person = self._person_keys.get(entity_key(text))
        return (
            person
            if person is not None and any(entity_key(n) == entity_key(text) for n in (person.name, *person.aliases))
            else None
        )

    def _title(self, tok: Token, ent: Span | None) -> str | None:
        """Title words written before a name ("Prime Minister" Jane Roe)."""
        if ent is None:
            return None
        lo = tok.left_edge.i
        while lo < ent.start and (self.doc[lo].dep_ in ("det", "punct") or self.doc[lo].is_space):
            lo += 1
        text = self.doc[lo : ent.start].text.strip() if lo < ent.start else ""
        return " ".join(text.split()) or None

    def _org(self, tok: Token) -> Speaker | None:
        ent = self._ent_of[tok.i]
        text = ent.text if ent is not None and ent.label_ in _ORG_LABELS else None
        if text is None and tok.pos_ == "PROPN":
            text = tok.text
        if text is None:
            return None
        org = self._org_keys.get(entity_key(text))
        if org is not None:
            return Speaker(org.name, None, "org")
        if ent is None:
            return None
        return Speaker(_clean(text), None, "group" if ent.label_ == "NORP" else "org")

    def _role(self, tok: Token) -> Speaker | None:
        if tok.pos_ not in ("NOUN", "PROPN"):
            return None
        phrase = self._phrase(tok)
        head = self._head_phrase(tok)
        group = role_group(head) or role_group(tok.lemma_)
        plural = tok.tag_ in ("NNS", "NNPS")
        named = self._named_in(tok) if group else None
        if named is not None and not plural:  # "Former Ambassador to the UN Jane Roe" parsed as one noun phrase
            return Speaker(named.name, named.role or phrase, "person")
        indefinite = any(
            (c.dep_ == "det" and c.lower_ in ("a", "an", "another")) or (c.dep_ == "nummod" and c.lower_ == "one")
            for c in tok.children
        )  # "an MP", "one MP": someone not named, never the MP named earlier
        if group and not plural and not indefinite:
            mods = self._modifiers(tok, head)
            person = self._person_by_role(group, mods, tok.idx)
            if person is not None:
                return Speaker(person.name, person.role or phrase, "person")
            noun = tok.lemma_.lower()
            for earlier in reversed(self.roles):  # "the mother" is not "the father", though both are relatives
                same = earlier.group == group and noun in earlier.name.lower()
                if same and all(m.lower() in earlier.name.lower() for m in mods):
                    return earlier
        if group is None and tok.pos_ == "PROPN" and not plural:  # a name the tagger did not mark
            return Speaker(phrase, None, "person")
        return Speaker(phrase, phrase if group else None, "group" if plural else "role", group)

    def _named_in(self, tok: Token) -> Person | None:
        """The known person whose full name ends a role noun's phrase glued to the proper noun before it, as
        the parser leaves "Former Ambassador to the Union of Ports Jane Roe" (one noun phrase, the name
        run into the body's). Not "the spokesman for President Jane Roe" nor "an adviser to Jane Roe"."""
        hi = tok.right_edge.i + 1
        if hi - tok.left_edge.i > _MAX_PHRASE_TOKENS * 2:
            return None
        for p in self.persons:
            n = len(p.name.split())
            lo = hi - n
            if n < 2 or lo <= tok.i or entity_key(self.doc[lo:hi].text) != entity_key(p.name):
                continue
            before = self.doc[lo - 1]
            if before.pos_ == "PROPN" and role_group(before.lemma_) is None:
                return p
        return None

    def _phrase(self, tok: Token, with_conj: bool = False) -> str:
        """The words that describe a speaker: "spokesperson for the Foreign Ministry"."""
        keep = {tok.i}
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ not in _ROLE_PREPS and not with_conj:
                continue
            if child.dep_ not in _NOT_IN_PHRASE or (with_conj and child.dep_ in ("cc", "conj")):
                keep.update(t.i for t in child.subtree)
        # a name in apposition deeper down ends the description ("mayor of Paris, Anne Hidalgo")
        names = [t.left_edge.i for t in tok.subtree if t.dep_ == "appos" and t.ent_type_ == "PERSON" and t.i > tok.i]
        if names:
            keep = {i for i in keep if i < min(names)}
        lo, hi = min(keep), max(keep) + 1
        doc = self.doc
        while lo < hi and (doc[lo].dep_ in ("det", "predet") or doc[lo].is_punct or doc[lo].is_space):
            lo += 1
        while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space or doc[hi - 1].tag_ == "POS"):
            hi -= 1  # "the court's summary": the court
        if hi - lo > _MAX_PHRASE_TOKENS * (2 if with_conj else 1) or lo >= hi:
            return self._head_phrase(tok)
        return " ".join(doc[lo:hi].text.replace("\u00a0", " ").split())

    def _head_phrase(self, tok: Token) -> str:
        """The role noun with its compound words: "secretary-general", "opposition activist"."""
        j = tok.i
        doc = self.doc
        while j > 0:
            prev = doc[j - 1]
            hyphen = prev.text in ("-", "\u2011") and j - 1 > 0
            compound = prev.dep_ == "compound" and prev.pos_ in ("NOUN", "PROPN") and prev.ent_type_ == ""
            if not (hyphen or compound):
                break
            j -= 1
        return doc[j : tok.i + 1].text

    def _modifiers(self, tok: Token, head: str) -> list[str]:
        """Organisations and countries named in a role phrase ("Nato" in "the Nato chief")."""
        mods: list[str] = []
        seen: set[int] = set()
        for t in tok.subtree:
            if t.i == tok.i or t.i in seen or t.dep_ in _NOT_IN_PHRASE:
                continue
            ent = self._ent_of[t.i]
            if ent is not None and ent.label_ in _ORG_LABELS:
                seen.update(range(ent.start, ent.end))
                mods.append(_clean(ent.text))
            elif t.pos_ == "PROPN" and t.text not in head:
                mods.append(t.text)
        return mods

    def _person_by_role(self, group: str, mods: list[str], pos: int) -> Person | None:
        """The one person whose role names the same office (and the organisation or country named)."""
        candidates: list[Person] = []
        for p in self.persons:
            role = p.role or ""
            if not role or group not in role_groups_in(role):
                continue
            about = f"{role} {p.organization or ''}".lower()
            if all(m.lower() in about or (country_code(m) is not None and country_code(m) == p.country) for m in mods):
                candidates.append(p)
        if len(candidates) == 1:
            return candidates[0]
        best: tuple[int, Person] | None = None
        for p in candidates:
            before = [m.start for m in p.mentions if m.start < pos and self.doc_id in (None, m.doc)]
            if before and (best is None or max(before) > best[0]):
                best = (max(before), p)
        return best[1] if best else None
