"""Token-level indexes over one parsed ``Doc``, built once and shared by the mention extractors.

Everything here is a single left-to-right pass (or a pass with a short
look-ahead bounded by the longest lexicon phrase), so building the index costs
O(tokens): sentence and paragraph numbers per token, the entity each token
belongs to, title phrases from ``titles.tsv``, country names and demonyms from
``countries.tsv`` and well-known organizations from ``organizations.tsv``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, TypeVar

from newsgraph.lexicon.countries import countries
from newsgraph.lexicon.known_orgs import KnownOrg, lookup_org, max_org_name_words, org_first_words
from newsgraph.lexicon.titles import Title, max_title_words, titles

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# Grammatical constants: lower-case particles inside personal names ("Bashar al-Assad",
# "Ursula von der Leyen") and the hyphens spaCy splits off inside words.
NAME_PARTICLES = frozenset(
    {"al", "el", "bin", "ibn", "bint", "de", "da", "di", "du", "dos", "das", "del", "della", "der", "den"}
    | {"van", "von", "la", "le", "ter", "ten", "y", "e", "ul"}
)
HYPHENS = frozenset({"-", "\u2010", "\u2011"})
APOSTROPHES = ("'s", "\u2019s", "'", "\u2019")
DETERMINERS = frozenset({"the", "a", "an"})

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class CountrySpan:
    start: int  # token index
    end: int  # exclusive
    iso3: str


@dataclass(frozen=True, slots=True)
class OrgSpan:
    start: int
    end: int
    org: KnownOrg


@lru_cache(maxsize=1)
def _country_forms() -> tuple[dict[str, list[tuple[str, str]]], int]:
    """Lower-cased country names and demonyms → [(form as written in the table, ISO3)], longest form."""
    index: dict[str, list[tuple[str, str]]] = {}
    longest = 1
    for c in countries().values():
        for form in (c.name, *c.aliases):
            key = " ".join(form.split()).casefold()
            index.setdefault(key, []).append((form, c.iso3))
            longest = max(longest, len(form.replace("-", " - ").split()))
    return index, longest


def first_word(form: str) -> str:
    """Lower-cased first word of a name as spaCy would start it ("Guinea-Bissau" → "guinea")."""
    words = re.split(r"[\s\-/]+", form.strip().lower())
    return words[0] if words else ""


@lru_cache(maxsize=1)
def _country_first_words() -> frozenset[str]:
    index, _ = _country_forms()
    return frozenset(first_word(form) for forms in index.values() for form, _ in forms)


def _acronym(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def country_of_text(text: str) -> str | None:
    """ISO3 when ``text`` (as written) is a country name or demonym; acronyms must match their case."""
    written = " ".join(text.replace("\u2019", "'").replace("\u00a0", " ").split())
    if written.lower().startswith("the "):
        written = written[4:]
    for suffix in ("'s", "'"):
        if written.endswith(suffix) and len(written) > len(suffix) + 1:
            written = written[: -len(suffix)]
            break
    if not written or not written[0].isupper():
        return None
    index, _ = _country_forms()
    for form, iso3 in index.get(written.casefold(), ()):
        if not _acronym(form) or written == form:
            return iso3
    stems = []
    if written.endswith("s"):  # plural demonym not listed ("Kyrgyzstanis")
        stems.append(written[:-1])
    for suffix in ("ers", "er"):  # "Hong Kongers", "New Zealander": inhabitants of a named country
        if written.endswith(suffix) and len(written) > len(suffix) + 3:
            stems.append(written[: -len(suffix)])
    for stem in stems:
        for form, iso3 in index.get(stem.casefold(), ()):
            if not _acronym(form):
                return iso3
    return None


def clean_words(text: str) -> str:
    """Whitespace (including U+00A0 and line breaks) collapsed to single spaces."""
    return " ".join(text.split())


def strip_name(text: str) -> str:
    """``text`` without a leading "the", a trailing possessive, or extra whitespace."""
    text = clean_words(text.replace("\u2019", "'"))
    if text.lower().startswith("the "):
        text = text[4:]
    for suffix in ("'s", "'"):
        if text.endswith(suffix):
            text = text[: -len(suffix)].rstrip()
            break
    return text


class MentionIndex:
    """Per-token facts about a ``Doc`` that the mention extractors look up many times."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.body = doc.text  # Doc.text joins every token on each access: read it once
        n = len(doc)
        self.ents: list[Span] = list(doc.ents)
        self.ent_of: list[int] = [-1] * n
        for k, ent in enumerate(self.ents):
            for i in range(ent.start, ent.end):
                self.ent_of[i] = k
        self.place_names: set[str] = {
            strip_name(ent.text) for ent in self.ents if ent.label_ in ("GPE", "LOC", "FAC")
        }
        self.sent_of: list[int] = [0] * n
        self.sent_bounds: list[tuple[int, int]] = []
        if n and (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
            for k, sent in enumerate(doc.sents):
                self.sent_bounds.append((sent.start, sent.end))
                for i in range(sent.start, sent.end):
                    self.sent_of[i] = k
        elif n:
            self.sent_bounds.append((0, n))
        self.para_of: list[int] = [0] * n
        para = 0
        for i, tok in enumerate(doc):
            self.para_of[i] = para
            if "\n" in tok.whitespace_ or (tok.is_space and "\n" in tok.text):
                para += 1
        self.titles_ending: dict[int, tuple[int, Title]] = {}
        self.titles_starting: dict[int, tuple[int, Title]] = {}
        self.plural_titles: set[int] = set()  # last tokens of titles written in the plural
        self._index_titles()
        self.countries: list[CountrySpan] = []
        self.country_at: dict[int, CountrySpan] = {}
        self._index_countries()
        self.known_orgs: list[OrgSpan] = []
        self._index_known_orgs()

    # ------------------------------------------------------------ helpers

    def ent_label(self, i: int) -> str:
        k = self.ent_of[i]
        return self.ents[k].label_ if k >= 0 else ""

    def prev(self, i: int) -> int:
        """Index of the nearest non-space token before ``i`` in the same sentence, or -1."""
        j = i - 1
        while j >= 0 and self.doc[j].is_space:
            j -= 1
        if j < 0 or (i < len(self.doc) and self.sent_of[j] != self.sent_of[i]):
            return -1
        return j

    def next(self, i: int) -> int:
        """Index of the nearest non-space token after ``i`` in the same sentence, or -1."""
        n = len(self.doc)
        j = i + 1
        while j < n and self.doc[j].is_space:
            j += 1
        if j >= n or (i >= 0 and self.sent_of[j] != self.sent_of[i]):
            return -1
        return j

    def text(self, start: int, end: int) -> str:
        """Text of tokens ``[start, end)`` with whitespace collapsed."""
        if start >= end:
            return ""
        return clean_words(self.doc[start:end].text)

    def role_text(self, start: int, end: int) -> str:
        """Like :meth:`text`, with plural titles in the singular ("Presidents" → "President")."""
        parts = []
        for i in range(start, end):
            tok = self.doc[i]
            word = tok.text[:-1] if i in self.plural_titles else tok.text
            parts.append(word + tok.whitespace_)
        return clean_words("".join(parts))

    def is_name_token(self, i: int) -> bool:
        """A token that can be part of a personal name: capitalised word or lower-case particle."""
        tok = self.doc[i]
        t = tok.text
        if t in HYPHENS or t in ("'", "\u2019"):
            return True
        if not t[:1].isalpha() or any(c.isdigit() for c in t):
            return False
        hyphenated = (
            i > 0 and self.doc[i - 1].text in HYPHENS and not self.doc[i - 1].whitespace_
        )  # "Hoi-kwan"
        return t[0].isupper() or t.lower() in NAME_PARTICLES or hyphenated

    def country_in(self, start: int, end: int) -> str | None:
        """ISO3 of the first country name or demonym inside tokens ``[start, end)``."""
        for i in range(start, end):
            span = self.country_at.get(i)
            if span is not None:
                return span.iso3
        return None

    # ------------------------------------------------------------ builders

    def _index_titles(self) -> None:
        table = titles()
        longest = max_title_words()
        positions: list[int] = []
        words: list[str] = []
        for i, tok in enumerate(self.doc):
            if tok.is_space or tok.text in HYPHENS:
                continue
            positions.append(i)
            words.append(tok.text.lower().rstrip("."))
        for p in range(len(words)):
            for n in range(min(longest, len(words) - p), 0, -1):
                phrase = tuple(words[p : p + n])
                t = table.get(phrase)
                plural = False
                if t is None and len(phrase[-1]) > 3 and phrase[-1].endswith("s"):  # "Presidents A and B"
                    t = table.get((*phrase[:-1], phrase[-1][:-1]))
                    plural = True
                if t is None or t.kind == "modifier":
                    continue
                start, last = positions[p], positions[p + n - 1]
                if self.sent_of[start] != self.sent_of[last]:
                    continue
                self.titles_starting.setdefault(start, (last + 1, t))
                if last not in self.titles_ending or self.titles_ending[last][0] > start:
                    self.titles_ending[last] = (start, t)
                if plural:
                    self.plural_titles.add(last)
                break

    def _whole_entity(self, start: int, end: int, free: tuple[str, ...]) -> bool:
        """Whether tokens ``[start, end)`` are outside any entity (or in one labelled ``free``)
        or make up the whole of their entity (a leading determiner, trailing possessive aside)."""
        k = self.ent_of[start]
        if k < 0 or self.ents[k].label_ in free:
            return True
        ent = self.ents[k]
        s, e = ent.start, ent.end
        while s < e and self.doc[s].lower_ in DETERMINERS:
            s += 1
        while e > s and (self.doc[e - 1].text in APOSTROPHES or self.doc[e - 1].is_punct):
            e -= 1
        return s == start and e == end

    def longest_match(self, i: int, longest: int, lookup: Callable[[str], T | None]) -> tuple[int, T] | None:
        """Longest phrase starting at token ``i`` (ending on a word) that ``lookup`` knows."""
        doc = self.doc
        start_char = doc[i].idx
        for j in range(min(len(doc), i + longest) - 1, i - 1, -1):
            if j > i and (
                doc[j].is_space or doc[j].text in APOSTROPHES or (doc[j].is_punct and doc[j].text != ".")
            ):
                continue
            found = lookup(self.body[start_char : doc[j].idx + len(doc[j].text)])
            if found is not None:
                return j + 1, found
        return None

    def _index_countries(self) -> None:
        _, longest = _country_forms()
        firsts = _country_first_words()
        free = ("ORG", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY")
        n = len(self.doc)
        i = 0
        while i < n:
            tok = self.doc[i]
            word = first_word(tok.text)
            stems = (word, word[:-1], word[:-2], word[:-3])  # plural and "-er" demonyms ("Kyrgyzstanis")
            if not tok.text[:1].isupper() or tok.lower_ in DETERMINERS or not any(w in firsts for w in stems):
                i += 1
                continue
            found = self.longest_match(i, longest + 2, country_of_text)
            after_new = i > 0 and self.doc[i - 1].text == "New"  # "New England", "New Mexico"
            if found is not None and not after_new and self._whole_entity(i, found[0], free):
                span = CountrySpan(i, found[0], found[1])
                self.countries.append(span)
                for k in range(span.start, span.end):
                    self.country_at[k] = span
                i = span.end
            else:
                i += 1

    def _index_known_orgs(self) -> None:
        longest = max_org_name_words() * 2
        firsts = org_first_words()
        free = ("NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY")
        n = len(self.doc)
        i = 0
        while i < n:
            tok = self.doc[i]
            if (
                not tok.text[:1].isupper()
                or first_word(tok.text) not in firsts
                or self.ent_label(i) == "PERSON"
            ):
                i += 1
                continue
            found = self.longest_match(i, longest, lookup_org)
            if found is not None and self._whole_entity(i, found[0], free):
                self.known_orgs.append(OrgSpan(i, found[0], found[1]))
                i = found[0]
            else:
                i += 1
