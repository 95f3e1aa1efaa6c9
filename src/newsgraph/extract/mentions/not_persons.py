"""Names the model tags as persons that the document itself shows to be things, groups or places.

A name tagged PERSON that is never written with a title or in apposition to a role, and is not
the surname of a full name in the document, is dropped when one of its mentions stands where
a person's name does not:

- it is one word written in camel case ("EastMed", "HomePlus"): a brand or project;
- it is one word that modifies a lower-case noun a person's name does not modify ("the
  EastMed gas pipeline"; "the Trump administration" is still a person's, ``person_nouns.tsv``);
- it stands before a lower-case organization word ("the Ruritania network", "the Borduria provincial
  council"), one a person's name does not modify (``person_nouns.tsv``), or is described by one or by a
  place word (:func:`~newsgraph.extract.mentions.described.describing_noun`: "X, an Iran-backed militia",
  "the faction X", "X, the presidential palace");
- it follows "like", "such as" or "including" after an organization word ("discount stores like
  Biedronka and LIDL"): an instance of that kind;
- it is coordinated with a place, or listed with one ("entered Tell Tamer and Ain Issa", "Harbour Bay, and Lin
  Kau", "crews from Dolgellau, Harlech, Bala, and Blaenau Ffestiniog");
- it is a capital's name with no first name in it ("Buenos Aires" tagged a person): a place;
- the words around it make it a thing's name (:mod:`~newsgraph.extract.mentions.things`: "the Skylark
  capsule", "the talk show Morning Show", "the electoral district of Grooma"), or it is a ship's
  ("MV Aurora").

:func:`place_like` tells :mod:`~newsgraph.extract.mentions.places` which of them name places.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsgraph.extract.mentions.described import describing_noun
from newsgraph.extract.mentions.index import MentionIndex
from newsgraph.extract.mentions.roles import apposition_after, apposition_before, titled_before
from newsgraph.extract.mentions.things import thing_names, vessel_names
from newsgraph.lexicon.countries import capital_country
from newsgraph.lexicon.gazetteer import is_city, is_place_word, lookup_region, not_entity_kind
from newsgraph.lexicon.known_orgs import ends_with_org_word, is_org_word, is_person_noun
from newsgraph.lexicon.names import is_first_name
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
    """A name in a list ("and" / "or", or commas up to them) with a place that is no country ("Tell Tamer and
    Ain Issa", "appliances from Dolgellau, Harlech, Bala, and Blaenau Ffestiniog").

    ``persons``: names known to be persons' in the document, which are no place whatever
    the model tagged them elsewhere.
    """
    for side in (-1, 1):
        s, e = start, end
        for _ in range(_LIST_MEMBERS_MAX):
            found = _list_neighbour(ix, s, e, side)
            if found is None:
                break
            ent, joined = found
            text = ix.text(ent.start, ent.end)
            if any(i in ix.country_at for i in range(ent.start, ent.end)) or text in persons:
                break
            if joined and _place_member(ix, ent, text):
                return True
            s, e = ent.start, ent.end
    return False


# The most list members read on either side of a name for a place among them.
_LIST_MEMBERS_MAX = 6


def _list_neighbour(ix: MentionIndex, start: int, end: int, side: int) -> tuple[Any, bool] | None:
    """The entity next to the name in a list on ``side``, and whether "and" / "or" stands between them or
    further along the list (a run of commas alone may be anything: "Smith, 45, said")."""
    k = ix.prev(start) if side < 0 else ix.next(end - 1)
    if k < 0 or ix.toks[k].lower_ not in _CONJUNCTS:
        return None
    j = ix.prev(k) if side < 0 else ix.next(k)
    if j >= 0 and ix.toks[k].text == "," and ix.toks[j].lower_ in ("and", "or"):
        k, j = j, ix.prev(j) if side < 0 else ix.next(j)  # "Bala, and Blaenau"
    elif side < 0 and j >= 0 and ix.toks[j].text == ",":  # "Harbour Bay, and Lin Kau"
        j = ix.prev(j)
    if j < 0 or not ix.toks[j].text[:1].isupper():
        return None
    ent = ix.ent_at(j)
    if ent is None:
        return None
    if side < 0:
        before = ix.prev(ent.start)
        if before >= 0 and ix.toks[before].lower_ in ("of", "from", "in", "at") and ix.toks[k].lower_ != ",":
            return None  # "Buhari of Nigeria and Patrice Talon": the place belongs to the name before
    return ent, ix.toks[k].lower_ in ("and", "or") or _list_ends_in_conjunction(ix, ent.end if side > 0 else end)


def _list_ends_in_conjunction(ix: MentionIndex, k: int) -> bool:
    """Whether a run of capitalised names and commas from token ``k`` on reaches "and" / "or"."""
    for _ in range(4 * _LIST_MEMBERS_MAX):
        if k >= len(ix.toks):
            return False
        tok = ix.toks[k]
        if tok.lower_ in ("and", "or"):
            return True
        if not (tok.text == "," or tok.text[:1].isupper() or tok.is_space):
            return False
        k += 1
    return False


def _place_member(ix: MentionIndex, ent: Any, text: str) -> bool:
    if ent.label in ("GPE", "LOC", "FAC") or text in ix.place_names or lookup_region(text):
        return True
    return ent.label != "PERSON" and is_city(text)  # "Hasakah" tagged ORG; not "Elizabeth" the person


def _thing_context(ix: MentionIndex, start: int, end: int, persons: Collection[str]) -> bool:
    single = end - start == 1
    if single and camel_case(ix.toks[start].text):
        return True
    if single and _modifies_a_thing(ix, end):
        return True
    if _names_a_body(ix, end):
        return True  # "the far-left Ruritania organization", "the Borduria provincial council"
    noun = describing_noun(ix, start, end)  # "X, an Iran-backed militia", "the faction X", "X, the presidential palace"
    if noun is not None and (is_org_word(noun) or is_place_word(noun)) and not is_person_noun(noun):
        return True
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
        if _thing_context(ix, s, e, persons) or _named_like_a_capital(text):
            suspect.add(text)
    return [span for text, span in zip(texts, spans, strict=True) if text not in suspect]


def _named_like_a_capital(text: str) -> bool:
    """A capital's name with no first name in it ("Buenos Aires", "Santo Domingo" tagged a person;
    not "Victoria" or "Santiago", which are people's names too) and no title or apposition making it a person's."""
    words = text.split()
    return capital_country(text) is not None and not any(is_first_name(w) for w in words)
