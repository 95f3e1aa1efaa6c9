"""Names the text uses for things rather than for persons or organizations, by the words around them.

- a thing noun of ``thing_nouns.tsv`` right after the name, past a model number and a modifier or two:
  "the Comet 9 rocket", "the Ruritania gas pipeline", "the Zorblax conspiracy theory", "the Lin Kau
  area", "an Aerolux 550-800 jet";
- a thing noun right before the name, or before the list the name ends: "the film Silver Harbour", "the
  cargo ship MV Aurora", "the memoirs Dawn and Dusk, Night";
- a place noun and "of" before the name: "the town of Mirovo", "the electoral district of Grooma";
- a ship's prefix before the name ("MV Aurora", "HMS Daring"), and the same name written without it;
- a model designation that ends the name: "Aerolux A340s".

:func:`thing_use` judges one mention; :func:`thing_names` the names a document shows to be things
anywhere, so that their other mentions ("the Skylark docked") are no person or organization either.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsgraph.extract.mentions.index import APOSTROPHES, MentionIndex
from newsgraph.lexicon.gazetteer import not_entity_kind
from newsgraph.lexicon.known_orgs import is_org_word, is_person_noun
from newsgraph.lexicon.things import thing_noun
from newsgraph.lexicon.titles import lookup_title, title_words

if TYPE_CHECKING:
    from collections.abc import Iterable

# A model designation: digits with letters, a plural of digits or a hyphenated number ("A340s", "550s",
# "550-800", "K-19"); a bare number is one only before a thing noun ("Comet 9 rocket").
_MODEL = re.compile(r"^(?:[A-Z]{1,3}-?\d{2,}[A-Za-z]*|\d{2,}s|\d+-\d+)$")
_QUOTES = frozenset({'"', "\u201c", "\u201d", "'", "\u2018", "\u2019"})
_LIST = frozenset({",", "and", "&"})
# Lower-case words inside the titles of works ("Once Upon a Time"), and possessives ("Ana Lima's Show").
_INNER = frozenset({"a", "of", "upon", "in", "on", "to", "for", "with", "at", "and", "'s", "\u2019s"})
# How far a thing noun may stand from the name: model tokens, and lower-case modifiers ("gas", "oil").
_MAX_MODEL_TOKENS = 4
_MAX_MODIFIERS = 2
_MAX_LIST_TOKENS = 10


def _model_token(text: str, *, bare_number: bool) -> bool:
    return bool(_MODEL.match(text)) or (bare_number and text.isdigit()) or text in ("-", "\u2013")


def _modifier(ix: MentionIndex, k: int) -> bool:
    tok = ix.toks[k]
    if not tok.is_lower or not tok.text.isalpha() or is_org_word(tok.text) or is_person_noun(tok.text):
        return False
    return tok.pos_ in ("NOUN", "ADJ", "PROPN") and lookup_title(title_words(tok.text)) is None


def _noun_after(ix: MentionIndex, end: int) -> bool:
    """A thing noun after the name (module docstring) that neither another noun nor a name follows."""
    k = ix.next(end - 1)
    models = 0
    while (
        k >= 0
        and models < _MAX_MODEL_TOKENS
        and (
            _model_token(ix.toks[k].text, bare_number=True) or ix.toks[k].like_num  # "Harbour One helicopter"
        )
    ):
        k, models = ix.next(k), models + 1
    for _ in range(_MAX_MODIFIERS + 1):
        if k < 0:
            return False
        found = thing_noun(ix.toks[k].text, "after")
        if found is not None:  # not "the Ruritania policy institute", "the Ruritania station KRTV"
            nxt = ix.next(k)
            if nxt < 0:
                return True
            after = ix.toks[nxt]
            return not (after.is_lower and after.pos_ == "NOUN") and not after.text[:1].isupper()
        if not _modifier(ix, k):
            return False
        k = ix.next(k)
    return False


def _noun_before(ix: MentionIndex, start: int) -> bool:
    """A thing noun right before the name ("the film X"), or before a list that the name ends ("the
    memoirs Once Upon a Time and Dawn, Dusk"; "the talk show Ana Lima's Best Friends"), or a place
    noun and "of" ("the town of X")."""
    p = ix.prev(start)
    while p >= 0 and ix.toks[p].text in _QUOTES:
        p = ix.prev(p)
    if p < 0:
        return False
    if ix.toks[p].lower_ == "of":  # "the town of X"
        q = ix.prev(p)
        found = thing_noun(ix.toks[q].text, "before") if q >= 0 else None
        return found is not None and found.kind == "place"
    steps, listed = 0, False
    while p >= 0 and steps < _MAX_LIST_TOKENS:
        tok = ix.toks[p]
        if not (tok.text[:1].isupper() or tok.text in _LIST or tok.text in _QUOTES or tok.lower_ in _INNER):
            break
        listed = listed or tok.lower_ in ("and", "&") or tok.text in APOSTROPHES
        p, steps = ix.prev(p), steps + 1
    if p < 0 or (steps and not listed):
        return False
    found = thing_noun(ix.toks[p].text, "before")
    return found is not None and found.kind != "place"


def _vessel_prefix(ix: MentionIndex, k: int) -> bool:
    return k >= 0 and not_entity_kind(ix.toks[k].text) == "vessel" and ix.toks[k].text[:1].isupper()


def thing_use(ix: MentionIndex, start: int, end: int, *, ships: bool = True) -> bool:
    """Whether the words around tokens ``[start, end)`` make the name a thing's (module docstring); without
    ``ships``, a ship's prefix does not (a ship may bear a person's name: "MV Ana Lima")."""
    if end - start >= 2 and _model_token(ix.toks[end - 1].text, bare_number=False):
        return True  # "Aerolux A340s"
    if ships and (_vessel_prefix(ix, start) or _vessel_prefix(ix, ix.prev(start))):
        return True
    return _noun_after(ix, end) or _noun_before(ix, start)


def vessel_names(ix: MentionIndex) -> set[str]:
    """Names written after a ship's prefix ("MV Aurora" → "Aurora" and "MV Aurora"); a new set each call, found
    once a document (persons and organizations both ask)."""
    found = ix.memo.get("vessel_names")
    if not isinstance(found, frozenset):
        found = ix.memo["vessel_names"] = frozenset(_vessel_names(ix))
    return set(found)


def _vessel_names(ix: MentionIndex) -> set[str]:
    out: set[str] = set()
    toks = ix.toks
    for i in range(len(toks)):
        if not (toks[i].text[:1].isupper() and _vessel_prefix(ix, i)):  # a prefix is capitalised
            continue
        k = ix.next(i)
        end = k
        while 0 <= end < len(toks) and toks[end].text[:1].isupper() and not toks[end].is_punct:
            if ix.sent_of[end] != ix.sent_of[i]:
                break
            end += 1
        if k >= 0 and end > k:
            out.add(ix.text(k, end))
            out.add(ix.text(i, end))
    return out


def thing_names(ix: MentionIndex, spans: Iterable[tuple[int, int]], *, ships: bool = True) -> set[str]:
    """The texts of ``spans`` that :func:`thing_use` finds things at any of their occurrences in the document
    (tagged or not: "the Skylark capsule docked" makes a later "the Skylark" a thing too), and with
    ``ships`` the document's ship names (:func:`vessel_names`)."""
    out = vessel_names(ix) if ships else set()
    starts: dict[str, list[int]] = {}
    for i, tok in enumerate(ix.toks):
        if tok.text[:1].isupper():
            starts.setdefault(tok.text, []).append(i)
    for s, e in spans:
        text = ix.text(s, e)
        if text in out:
            continue
        words = [ix.toks[k].text for k in range(s, e)]
        for i in starts.get(words[0], ()):
            end = i + len(words)
            if [t.text for t in ix.toks[i:end]] == words and thing_use(ix, i, end, ships=ships):
                out.add(text)
                break
    return out
