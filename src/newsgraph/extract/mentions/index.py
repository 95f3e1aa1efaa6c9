"""Token-level indexes over one parsed ``Doc``, built once and shared by the mention extractors.

Everything here is a single left-to-right pass (or a pass with a short
look-ahead bounded by the longest lexicon phrase), so building the index costs
O(tokens): sentence and paragraph numbers per token, the entity each token
belongs to, title phrases from ``titles.tsv``, country names and demonyms from
``countries.tsv`` and well-known organizations from ``organizations.tsv``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, TypeVar

from newsgraph.core.model import Evidence
from newsgraph.core.textnorm import KEY_CACHE_SIZE
from newsgraph.extract.evidence import clip_text
from newsgraph.extract.tokens import Tok, doc_text, token_records
from newsgraph.lexicon.countries import countries
from newsgraph.lexicon.gazetteer import country_endonyms, lookup_place
from newsgraph.lexicon.known_orgs import KnownOrg, lookup_org, max_org_name_words, org_first_words, org_keys
from newsgraph.lexicon.titles import Title, max_title_words, title_first_words, titles

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Grammatical constants: lower-case particles inside personal names ("Bashar al-Assad",
# "Ursula von der Leyen") and the hyphens spaCy splits off inside words.
NAME_PARTICLES = frozenset(
    {"al", "el", "bin", "ibn", "bint", "de", "da", "di", "du", "dos", "das", "del", "della", "der", "den"}
    | {"van", "von", "la", "le", "ter", "ten", "y", "e", "ul"}
)
HYPHENS = frozenset({"-", "\u2010", "\u2011"})
APOSTROPHES = ("'s", "\u2019s", "'", "\u2019")
DETERMINERS = frozenset({"the", "a", "an"})
# Participles that, after "COUNTRY-", name a patron rather than a nationality ("an Iranian-backed militia").
PATRON_PARTICIPLES = frozenset(
    {"backed", "led", "funded", "sponsored", "supported", "allied", "aligned", "affiliated"}
    | {"owned", "controlled", "trained", "armed", "financed", "linked", "friendly"}
)

T = TypeVar("T")
_WORD = re.compile(r"\S+")  # a word as str.split() cuts them (the same whitespace)


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
    forms = [(form, c.iso3) for c in countries().values() for form in (c.name, *c.aliases)]
    forms += list(country_endonyms().items())  # "Tesco Polska"
    for form, iso3 in forms:
        key = " ".join(form.split()).casefold()
        index.setdefault(key, []).append((form, iso3))
        longest = max(longest, len(form.replace("-", " - ").split()))
    return index, longest


@lru_cache(maxsize=16384)
def first_word(form: str) -> str:
    """Lower-cased first word of a name as spaCy would start it ("Guinea-Bissau" → "guinea")."""
    words = re.split(r"[\s\-/]+", form.strip().lower())
    return words[0] if words else ""


@lru_cache(maxsize=1)
def _country_first_words() -> frozenset[str]:
    index, _ = _country_forms()
    return frozenset(first_word(form) for forms in index.values() for form, _ in forms)


def word_prefixes(keys: Iterable[str]) -> frozenset[str]:
    """Every proper prefix of whole words of each key ("united arab" of "united arab emirates")."""
    out: set[str] = set()
    for key in keys:
        parts = key.split(" ")
        out.update(" ".join(parts[:m]) for m in range(1, len(parts)))
    return frozenset(out)


@lru_cache(maxsize=1)
def country_key_prefixes() -> frozenset[str]:
    """:func:`word_prefixes` of the keys :func:`country_of_text` looks up."""
    return word_prefixes(_country_forms()[0])


@lru_cache(maxsize=1)
def org_key_prefixes() -> frozenset[str]:
    """:func:`word_prefixes` of the keys :func:`~newsgraph.lexicon.known_orgs.lookup_org` looks up."""
    return word_prefixes(org_keys())


def _acronym(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


@lru_cache(maxsize=KEY_CACHE_SIZE)  # pure, and asked for the same names many times per document
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


@dataclass(frozen=True, slots=True)
class Ent:
    """One named entity of the ``Doc``: token span, label and text."""

    start: int
    end: int
    label: str
    text: str


class MentionIndex:
    """Per-token facts about a ``Doc`` that the mention extractors look up many times.

    Built in one pass over the tokens (:attr:`toks`, the records of :mod:`newsgraph.extract.tokens`);
    the extractors index these lists and never iterate the ``Doc`` again.
    """

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.toks: list[Tok] = token_records(doc)  # shared with the other extractors
        self.body = doc_text(doc)  # Doc.text joins every token on each access: joined once, from the records
        # answers about the whole document that several rules ask for (by the asking function's name)
        self.memo: dict[str, object] = {}
        n = len(self.toks)
        self.ents: list[Ent] = []
        self.ent_of: list[int] = [-1] * n
        self._index_ents()
        self.place_names: set[str] = {strip_name(ent.text) for ent in self.ents if ent.label in ("GPE", "LOC", "FAC")}
        self.has_sents = bool(n) and (doc.has_annotation("SENT_START") or doc.has_annotation("DEP"))
        self.sent_of: list[int] = [0] * n
        self.sent_bounds: list[tuple[int, int]] = []
        self.para_of: list[int] = [0] * n
        para = 0
        sent_start = 0
        for i, tok in enumerate(self.toks):
            if i and self.has_sents and tok.is_sent_start:
                self.sent_bounds.append((sent_start, i))
                sent_start = i
            self.sent_of[i] = len(self.sent_bounds)
            self.para_of[i] = para
            if "\n" in tok.whitespace_ or (tok.is_space and "\n" in tok.text):
                para += 1
        if n:
            self.sent_bounds.append((sent_start, n))
        self.titles_ending: dict[int, tuple[int, Title]] = {}
        self.titles_starting: dict[int, tuple[int, Title]] = {}
        self.plural_titles: set[int] = set()  # last tokens of titles written in the plural
        self.in_title: list[bool] = [False] * n  # tokens inside a title phrase ("Secretary of State")
        self._index_titles()
        self.countries: list[CountrySpan] = []
        self.country_at: dict[int, CountrySpan] = {}
        self._index_countries()
        self._drop_state_homonyms()
        self.known_orgs: list[OrgSpan] = []
        self.main_country: str | None = None  # roles.main_country's answer, once computed ("" = none)
        self._index_known_orgs()

    # ------------------------------------------------------------ helpers

    def ent_label(self, i: int) -> str:
        k = self.ent_of[i]
        return self.ents[k].label if k >= 0 else ""

    def ent_at(self, i: int) -> Ent | None:
        k = self.ent_of[i]
        return self.ents[k] if k >= 0 else None

    def prev(self, i: int) -> int:
        """Index of the nearest non-space token before ``i`` in the same sentence, or -1."""
        toks = self.toks
        j = i - 1
        while j >= 0 and toks[j].is_space:
            j -= 1
        if j < 0 or (i < len(toks) and self.sent_of[j] != self.sent_of[i]):
            return -1
        return j

    def next(self, i: int) -> int:
        """Index of the nearest non-space token after ``i`` in the same sentence, or -1."""
        toks = self.toks
        n = len(toks)
        j = i + 1
        while j < n and toks[j].is_space:
            j += 1
        if j >= n or (i >= 0 and self.sent_of[j] != self.sent_of[i]):
            return -1
        return j

    def raw_text(self, start: int, end: int) -> str:
        """Text of tokens ``[start, end)`` as in the body (no trailing whitespace)."""
        if start >= end:
            return ""
        return self.body[self.toks[start].idx : self.toks[end - 1].end_char]

    def text(self, start: int, end: int) -> str:
        """Text of tokens ``[start, end)`` with whitespace collapsed."""
        return clean_words(self.raw_text(start, end))

    def role_text(self, start: int, end: int) -> str:
        """Like :meth:`text`, with plural titles in the singular ("Presidents" → "President")."""
        parts = []
        for i in range(start, end):
            tok = self.toks[i]
            word = tok.text[:-1] if i in self.plural_titles else tok.text
            parts.append(word + tok.whitespace_)
        return clean_words("".join(parts))

    def evidence(self, doc_id: str, start: int, end: int) -> Evidence:
        """Evidence for tokens ``[start, end)``: the sentence(s) holding them and their char span.

        The same record :func:`newsgraph.extract.evidence.char_evidence` builds, from the
        index's sentence bounds instead of a new ``Span`` per token.
        """
        toks = self.toks
        first, last = toks[start], toks[end - 1]
        if not self.has_sents:
            lo, hi = first.idx, last.end_char
            return Evidence(doc_id, clip_text(self.body, lo, hi, lo, hi), lo, hi)
        s_first = self.sent_bounds[self.sent_of[start]][0]
        s_last = self.sent_bounds[self.sent_of[end - 1]][1]
        sentence = clip_text(self.body, toks[s_first].idx, toks[s_last - 1].end_char, first.idx, last.end_char)
        return Evidence(doc_id, sentence, first.idx, last.end_char)

    def is_name_token(self, i: int) -> bool:
        """A token that can be part of a personal name: capitalised word or lower-case particle."""
        toks = self.toks
        t = toks[i].text
        if t in HYPHENS or t in ("'", "\u2019"):
            return True
        if not t[:1].isalpha() or any(c.isdigit() for c in t):
            return False
        hyphenated = i > 0 and toks[i - 1].text in HYPHENS and not toks[i - 1].whitespace_  # "Hoi-kwan"
        return t[0].isupper() or t.lower() in NAME_PARTICLES or hyphenated

    def patron(self, span: CountrySpan) -> bool:
        """Whether a country mention names a patron ("Iranian-backed"), not a nationality."""
        toks, h = self.toks, span.end
        return h + 1 < len(toks) and toks[h].text in HYPHENS and toks[h + 1].lower_ in PATRON_PARTICIPLES

    def country_in(self, start: int, end: int) -> str | None:
        """ISO3 of the first country name or demonym inside tokens ``[start, end)``."""
        for i in range(start, end):
            span = self.country_at.get(i)
            if span is not None:
                return span.iso3
        return None

    # ------------------------------------------------------------ builders

    def _index_ents(self) -> None:
        """``doc.ents`` read from the tokens' IOB codes (``Doc.ents`` builds a ``Token`` per entity)."""
        start = -1
        label = ""
        for i, tok in enumerate(self.toks):
            if start >= 0 and (tok.ent_iob != 1 or tok.ent_type_ != label):
                self._add_ent(start, i, label)
                start = -1
            if tok.ent_iob == 3 or (tok.ent_iob == 1 and start < 0):
                start, label = i, tok.ent_type_
        if start >= 0:
            self._add_ent(start, len(self.toks), label)

    def _add_ent(self, start: int, end: int, label: str) -> None:
        for i in range(start, end):
            self.ent_of[i] = len(self.ents)
        self.ents.append(Ent(start, end, label, self.raw_text(start, end)))

    def _index_titles(self) -> None:
        table = titles()
        longest = max_title_words()
        firsts = title_first_words()
        positions: list[int] = []
        words: list[str] = []
        for i, tok in enumerate(self.toks):
            if tok.is_space or tok.text in HYPHENS:
                continue
            positions.append(i)
            words.append(tok.lower_.rstrip("."))
        for p, word in enumerate(words):
            if word not in firsts and not (word.endswith("s") and word[:-1] in firsts):
                continue
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
                for k in range(start, last + 1):
                    self.in_title[k] = True
                if last not in self.titles_ending or self.titles_ending[last][0] > start:
                    self.titles_ending[last] = (start, t)
                if plural:
                    self.plural_titles.add(last)
                break

    def _whole_entity(self, start: int, end: int, free: tuple[str, ...]) -> bool:
        """Whether tokens ``[start, end)`` are outside any entity (or in one labelled ``free``)
        or make up the whole of their entity (a leading determiner, trailing possessive aside)."""
        k = self.ent_of[start]
        if k < 0 or self.ents[k].label in free:
            return True
        ent = self.ents[k]
        toks = self.toks
        s, e = ent.start, ent.end
        while s < e and toks[s].lower_ in DETERMINERS:
            s += 1
        while e > s and (toks[e - 1].text in APOSTROPHES or toks[e - 1].is_punct or toks[e - 1].like_num):
            e -= 1  # "[Plaid Cymru - 4]" in a list of results
        return s == start and e == end

    def longest_match(
        self, i: int, longest: int, lookup: Callable[[str], T | None], prefixes: frozenset[str] | None = None
    ) -> tuple[int, T] | None:
        """Longest phrase starting at token ``i`` (ending on a word) that ``lookup`` knows.

        ``prefixes``: the :func:`word_prefixes` of the keys ``lookup`` finds, when it looks up the text
        with its whitespace collapsed, a leading "the " dropped, ``\u2019`` read as ``'``, case-folded and
        changed at its last word only (a possessive, a plural): a phrase whose first words are no key's is
        not looked up (no answer changes; most of a long phrase's lookups are saved).
        """
        toks = self.toks
        start_char = toks[i].idx
        last = min(len(toks), i + longest) - 1
        limit = None if prefixes is None else _prefix_limit(self.body, start_char, toks[last].end_char, prefixes)
        for j in range(last, i - 1, -1):
            tok = toks[j]
            if j > i and (tok.is_space or tok.text in APOSTROPHES or (tok.is_punct and tok.text != ".")):
                continue
            if limit is not None and tok.end_char > limit:
                continue
            found = lookup(self.body[start_char : tok.end_char])
            if found is not None:
                return j + 1, found
        return None

    def _index_countries(self) -> None:
        _, longest = _country_forms()
        firsts = _country_first_words()
        free = ("ORG", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY")
        toks = self.toks
        n = len(toks)
        i = 0
        while i < n:
            tok = toks[i]
            if not tok.text[:1].isupper() or tok.lower_ in DETERMINERS:
                i += 1
                continue
            word = first_word(tok.text)
            stems = (word, word[:-1], word[:-2], word[:-3])  # plural and "-er" demonyms ("Kyrgyzstanis")
            if not any(w in firsts for w in stems):
                i += 1
                continue
            found = self.longest_match(i, longest + 2, country_of_text, country_key_prefixes())
            after_new = i > 0 and toks[i - 1].text == "New"  # "New England", "New Mexico"
            whole = found is not None and (self._whole_entity(i, found[0], free) or self._opens_titled_name(i))
            if found is not None and not after_new and whole:
                span = CountrySpan(i, found[0], found[1])
                self.countries.append(span)
                for k in range(span.start, span.end):
                    self.country_at[k] = span
                i = span.end
            else:
                i += 1

    def _opens_titled_name(self, i: int) -> bool:
        """Token ``i`` opens an entity tagged a person that a title follows at once ("[Tajik Energy] Minister X"):
        a country's word before a portfolio, whatever the model's label."""
        k = self.ent_of[i]
        if k < 0 or self.ents[k].label != "PERSON" or self.ents[k].start != i:
            return False
        end = self.ents[k].end
        return end in self.titles_starting and self.toks[end - 1].whitespace_ != ""

    def _drop_state_homonyms(self) -> None:
        """ "Mike Lee of Utah and David Perdue of Georgia": a country named like a state of another country
        (Georgia) is the state where the document names that other country or another of its places, and
        never the country by another form (its demonym, its capital, a longer name)."""
        states = {}
        for c in self.countries:
            place = lookup_place(self.text(c.start, c.end), alternates=False)
            if place is not None and place.kind == "state" and place.country != c.iso3:
                states[id(c)] = place.country
        if not states:
            return
        others = [c for c in self.countries if id(c) not in states]
        for ent in self.ents:
            if ent.label == "GPE" and ent.start not in self.country_at:
                place = lookup_place(self.text(ent.start, ent.end), alternates=False)
                if place is not None and place.kind == "state":
                    others.append(CountrySpan(ent.start, ent.end, place.country or ""))
        named = {c.iso3 for c in others}
        keep = []
        for c in self.countries:
            home = states.get(id(c))
            if home is not None and home in named and c.iso3 not in named:
                for k in range(c.start, c.end):
                    self.country_at.pop(k, None)
                continue
            keep.append(c)
        self.countries = keep

    def _index_known_orgs(self) -> None:
        longest = max_org_name_words() * 2
        firsts = org_first_words()
        free = ("NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY")
        toks = self.toks
        n = len(toks)
        i = 0
        while i < n:
            tok = toks[i]
            if not tok.text[:1].isupper() or first_word(tok.text) not in firsts:
                i += 1
                continue
            found = self.longest_match(i, longest, lookup_org, org_key_prefixes())
            if found is not None and self._whole_entity(i, found[0], free):
                self.known_orgs.append(OrgSpan(i, found[0], found[1]))
                i = found[0]
            else:
                i += 1


def _prefix_limit(body: str, start: int, end: int, prefixes: frozenset[str]) -> int | None:
    """The end of the last word a key may reach in ``body[start:end]`` (see ``MentionIndex.longest_match``):
    past it, the phrase's words before its last are no key's first words. None: no limit."""
    words = _WORD.finditer(body, start, end)
    word = next(words, None)
    if word is None or word.start() != start:
        return None
    if word.group().lower() == "the":  # the lookups drop a leading "the " (not a lone "the")
        word = next(words, None)
        if word is None:
            return None
    prefix = word.group().replace("\u2019", "'").casefold()
    while prefix in prefixes:
        word = next(words, None)
        if word is None:
            return None
        prefix += " " + word.group().replace("\u2019", "'").casefold()
    return word.end()


def portfolio_before_name(ix: MentionIndex, start: int, end: int) -> bool:
    """ "[Tajik Energy] Minister Davlatali Saidzoda": words the model tagged as a name that a title follows at
    once, itself followed at once by a name, are the title's country and portfolio, not a person."""
    title = ix.titles_starting.get(end)
    if title is None or not ix.toks[end - 1].whitespace_:
        return False
    after = title[0]
    return after < len(ix.toks) and ix.ent_label(after) == "PERSON" and ix.sent_of[after] == ix.sent_of[start]
