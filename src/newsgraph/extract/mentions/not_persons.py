"""Names the model tags as persons that the document itself shows to be things, groups or places.

A name tagged PERSON that is never written with a title or in apposition to a role, and is not
the surname of a full name in the document, is dropped when one of its mentions stands where
a person's name does not:

- it is one word written in camel case ("EastMed", "HomePlus"): a brand or project;
- it is one word that modifies a lower-case noun a person's name does not modify ("the
  EastMed gas pipeline"; "the Trump administration" is still a person's, ``person_nouns.tsv``);
- it stands before a lower-case organization word ("the Ruritania network", "the Borduria provincial
  council"), one a person's name does not modify (``person_nouns.tsv``);
- it follows "like", "such as" or "including" after an organization word ("discount stores like
  Biedronka and LIDL"): an instance of that kind;
- it is coordinated with a place ("entered Tell Tamer and Ain Issa", "Harbour Bay, and Lin Kau");
- the words around it make it a thing's name (:mod:`~newsgraph.extract.mentions.things`: "the Skylark
  capsule", "the talk show Morning Show", "the electoral district of Grooma"), or it is a ship's
  ("MV Aurora").

:func:`place_like` tells :mod:`~newsgraph.extract.mentions.places` which of them name places.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.extract.mentions.index import MentionIndex
from newsgraph.extract.mentions.roles import apposition_after, apposition_before, titled_before
from newsgraph.extract.mentions.things import thing_names, vessel_names
from newsgraph.lexicon.gazetteer import is_city, is_place_word, lookup_region, not_entity_kind
from newsgraph.lexicon.known_orgs import ends_with_org_word, is_org_word, is_person_noun
from newsgraph.lexicon.titles import lookup_title, title_words

if TYPE_CHECKING:
    from collections.abc import Collection, Sequence

# Grammatical constants: words that introduce instances of a kind ("stores like X"), and the
# lower-case prefixes of surnames with an inner capital ("McDonald", "MacArthur", "FitzGerald").
_INSTANCE_CUES = frozenset({"like", "including", "as"})
_CAMEL_PREFIXES = ("mc", "mac", "fitz", "de", "di", "da", "du", "la", "le", "van", "von", "o")
_CONJUNCTS = frozenset({"and", "or", ","})


def camel_case(word: str) -> bool:
    """ "EastMed", "HomePlus": a capital inside a word after two lower-case letters or more."""
    for k in range(3, len(word)):
        if word[k].isupper() and word[k - 1].islower() and word[k - 2].islower():
            head = word[:k].lower()
            return head not in _CAMEL_PREFIXES
    return False


def _modifies_a_thing(ix: MentionIndex, end: int) -> bool:
    after = ix.next(end - 1)
    if after < 0:
        return False
    tok = ix.toks[after]
    if not tok.is_lower or tok.tag_ not in ("NN", "NNS") or is_person_noun(tok.text):
        return False
    return lookup_title(title_words(tok.text)) is None and not is_place_word(tok.text)


def _names_a_body(ix: MentionIndex, end: int) -> bool:
    """A lower-case organization word after the name, past one adjective ("the Ruritania network", "the
    Borduria provincial council"): the name is the body's or a place's; not a word a person's name also
    modifies ("the Okafor administration", "the Okafor campaign": ``person_nouns.tsv``)."""
    k = ix.next(end - 1)
    if k >= 0 and ix.toks[k].is_lower and ix.toks[k].tag_ == "JJ":
        k = ix.next(k)
    if k < 0 or not ix.toks[k].is_lower:
        return False
    word = ix.toks[k].text
    return is_org_word(word) and not is_person_noun(word) and k not in ix.titles_starting


def _instance_of_kind(ix: MentionIndex, start: int) -> bool:
    """ "stores like X", "retailers such as X", "chains including X", after any list before X."""
    p = ix.prev(start)
    steps = 0
    while p >= 0 and steps < 8 and ix.toks[p].lower_ not in _INSTANCE_CUES:  # "like A, B and X"
        if not (ix.toks[p].text[:1].isupper() or ix.toks[p].lower_ in _CONJUNCTS):
            return False
        p, steps = ix.prev(p), steps + 1
    if p < 0 or ix.toks[p].lower_ not in _INSTANCE_CUES:
        return False
    q = ix.prev(p)
    if q >= 0 and ix.toks[p].lower_ == "as" and ix.toks[q].lower_ == "such":
        q = ix.prev(q)
    elif ix.toks[p].lower_ == "as":
        return False
    if q < 0 or not ix.toks[q].is_lower or ix.toks[q].tag_ != "NNS":  # "stores like", not "party such as"
        return False
    r = ix.prev(q)
    words = (ix.toks[r].lower_, ix.toks[q].lower_) if r >= 0 else (ix.toks[q].lower_,)
    return ends_with_org_word(words) > 0 or is_org_word(ix.toks[q].text)


def place_like(ix: MentionIndex, start: int, end: int, persons: Collection[str] = ()) -> bool:
    """A name joined by "and" / "or" to a place that is no country ("Tell Tamer and Ain Issa").

    ``persons``: names known to be persons' in the document, which are no place whatever
    the model tagged them elsewhere.
    """
    for side in (-1, 1):
        k = ix.prev(start) if side < 0 else ix.next(end - 1)
        if k < 0 or ix.toks[k].lower_ not in ("and", "or"):
            continue
        j = ix.prev(k) if side < 0 else ix.next(k)
        if side < 0 and j >= 0 and ix.toks[j].text == ",":  # "Harbour Bay, and Lin Kau"
            j = ix.prev(j)
        if j < 0 or not ix.toks[j].text[:1].isupper():
            continue
        ent = ix.ent_at(j)
        if ent is None:
            continue
        before = ix.prev(ent.start)
        if side < 0 and before >= 0 and ix.toks[before].lower_ in ("of", "from", "in", "at"):
            continue  # "Buhari of Nigeria and Patrice Talon": the place belongs to the name before
        text = ix.text(ent.start, ent.end)
        if j in ix.country_at or text in persons:
            continue
        if ent.label in ("GPE", "LOC", "FAC") or text in ix.place_names or lookup_region(text):
            return True
        if ent.label != "PERSON" and is_city(text):  # "Hasakah" tagged ORG; not "Elizabeth" the person
            return True
    return False


def _thing_context(ix: MentionIndex, start: int, end: int, persons: Collection[str]) -> bool:
    single = end - start == 1
    if single and camel_case(ix.toks[start].text):
        return True
    if single and _modifies_a_thing(ix, end):
        return True
    if _names_a_body(ix, end):
        return True  # "the far-left Ruritania organization", "the Borduria provincial council"
    return _instance_of_kind(ix, start) or place_like(ix, start, end, persons)


def _person_evidence(ix: MentionIndex, start: int, end: int) -> bool:
    return titled_before(ix, start) or apposition_before(ix, start) is not None or apposition_after(ix, end) is not None


def person_names(ix: MentionIndex, spans: Sequence[tuple[int, int]]) -> set[str]:
    """Full names of two words or more among ``spans``, and their surnames."""
    out: set[str] = set()
    for s, e in spans:
        if e - s >= 2:
            out.add(ix.text(s, e))
            out.add(ix.toks[e - 1].text)
    return out


def drop_things(ix: MentionIndex, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` without the names the document uses as things, groups or places (module docstring)."""
    toks = ix.toks
    texts = [ix.text(s, e) for s, e in spans]
    persons = person_names(ix, spans)
    personal = {t for t, (s, e) in zip(texts, spans, strict=True) if _person_evidence(ix, s, e)}
    # "MV Aurora"; not "Aurora" alone, which may be the person a ship is named after
    suspect = {name for name in vessel_names(ix) if not_entity_kind(name.split()[0]) == "vessel"}
    # "the Skylark capsule", "the programme Morning Show", "the district of Grooma", at any occurrence
    named = [(s, e) for text, (s, e) in zip(texts, spans, strict=True) if text not in personal]
    suspect |= thing_names(ix, named, ships=False)
    for text, (s, e) in zip(texts, spans, strict=True):
        if text in personal or (toks[e - 1].text in persons and e - s == 1):
            continue
        if _thing_context(ix, s, e, persons):
            suspect.add(text)
    return [span for text, span in zip(texts, spans, strict=True) if text not in suspect]
