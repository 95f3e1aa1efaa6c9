"""Roles a common noun gives a person, when no title of ``titles.tsv`` does (issue 11, persons' roles).

A name is often described rather than titled: "bassist Jack Bruce", "Bakyt Osmonov, a Bishkek-based
security analyst", "Haidar Mansour, a 34-year-old teacher who joined the sit-in", "Susan Bro, Heather
Heyer's mother", "two astronauts, Doug Hurley and Bob Behnken". The grammar says it is the person's role,
whatever the noun: a singular common noun written right before the name and attached to it by the parse,
the head of a noun phrase in apposition after it (a determiner or a possessor first), or a plural noun a
list of names stands under (in the singular). Past a relative pronoun or an adverb of time, only a title
counts ("Jacques Chirac, who served as President of France", "Justin Trudeau, then the Prime Minister").

These roles are marked :attr:`~newsgraph.extract.mentions.roles.RoleInfo.described`: a title found for the
same person wins over them, and the country rules treat their holder as a person without a title.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.extract.mentions.index import APOSTROPHES, DETERMINERS, HYPHENS, MentionIndex
from newsgraph.extract.mentions.name_evidence import agent_noun
from newsgraph.extract.mentions.roles import RoleInfo, title_phrase

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["described_role", "describing_noun"]

# Grammatical constants: possessive determiners that open a description ("his ex-wife"), the dependency
# labels that attach a noun before a name to it, the prepositions a description's tail may take ("a lecturer
# at the University of Stirling"), the verbs a relative clause names an office with, and adverbs of time.
_POSSESSIVES = frozenset({"his", "her", "their", "its", "our", "my", "your"})
_ATTACHED = frozenset({"compound", "nmod", "appos", "amod", "nn"})
_TAIL = frozenset({"of", "at", "for", "in", "from", "with", "to", "on"})
_RELATIVE = frozenset({"who", "whom"})
_OFFICE_VERBS = frozenset({"be", "serve", "become", "remain"})
_TIME_ADVERBS = frozenset({"then", "previously", "formerly", "now", "currently", "once", "later"})
_LIST_WORDS = frozenset({"and", "or"})
_INSTANCE_WORDS = frozenset({"as", "including", "like"})
_COUNTING = frozenset({"both", "several", "many", "few", "some", "all"})
_NOT_ROLES = frozenset({"others", "people", "persons", "years", "times", "members", "names"})
_MAX_LIST = 24  # tokens of a list of names walked over
_MAX_MODIFIERS = 4  # words of a description before its head noun ("a Bishkek-based security analyst")
_MAX_TAIL = 8  # words of a description's prepositional tail


def described_role(ix: MentionIndex, start: int, end: int) -> RoleInfo | None:
    """The role a common noun before the name, a description after it, or a relative clause gives the
    person named at tokens ``[start, end)``; None when the text gives none."""
    role = _noun_before(ix, start, end) or _description_after(ix, start, end) or _office_after(ix, end)
    role = role or _listed_under(ix, start, end)
    if role is not None:
        role.described = True
    return role


def describing_noun(ix: MentionIndex, start: int, end: int) -> str | None:
    """The head noun of what describes the name at tokens ``[start, end)`` ("faction" for "Jamaat-ul-Ahrar, a
    faction of the Pakistani Taliban"; "militia" for "the militia Kataib Hezbollah"), lower case, or None."""
    role = _noun_before(ix, start, end) or _description_after(ix, start, end) or _listed_under(ix, start, end)
    return None if role is None else ix.toks[role.head].lemma_.lower()


def _person_noun(tok: Token) -> bool:
    """A singular common noun written in lower case ("bassist", "ex-wife"; not "daughters", "Monday")."""
    return tok.pos_ == "NOUN" and tok.tag_ == "NN" and tok.is_lower and tok.is_alpha


def _noun_before(ix: MentionIndex, start: int, end: int) -> RoleInfo | None:
    """ "bassist Jack Bruce", "truck driver Angela Walker", "former staffer Tara Reade": the noun is attached to
    the name (or the name to it) by the parse."""
    p = ix.prev(start)
    if p < 0 or not (_person_noun(ix.doc[p]) or agent_noun(ix, p, p + 1)):  # "Moderator Chris Wallace" too
        return None
    tok = ix.doc[p]
    if not (start <= tok.head.i < end or any(start <= c.i < end for c in tok.children)):
        return None
    first = _modifiers_left(ix, p)
    return RoleInfo(first, p + 1, ix.text(first, p + 1), head=p)


def _modifiers_left(ix: MentionIndex, head: int) -> int:
    """The first token of the lower-case words (nouns, adjectives, hyphenated parts) that qualify ``head``."""
    first, budget = head, _MAX_MODIFIERS
    p = ix.prev(head)
    while p >= 0 and budget > 0:
        tok = ix.toks[p]
        if tok.text in HYPHENS and ix.prev(p) >= 0:
            p = ix.prev(p)
            first = p
        elif tok.is_lower and tok.pos_ in ("NOUN", "ADJ") and tok.lower_ not in DETERMINERS:
            first = p
        else:
            break
        budget -= 1
        p = ix.prev(p)
    return first


def _list_part(ix: MentionIndex, i: int) -> bool:
    """A token of a list of names: a capitalised proper noun, a comma, "and" / "or", a hyphen."""
    tok = ix.toks[i]
    if tok.text == "," or tok.lower_ in _LIST_WORDS or tok.text in HYPHENS:
        return True
    return tok.text[:1].isupper() and tok.pos_ == "PROPN" and tok.tag_ != "NNPS"


def _listed_under(ix: MentionIndex, start: int, end: int) -> RoleInfo | None:
    """ "two astronauts, Doug Hurley and Bob Behnken", "commentators such as Brit Hume and Chris Wallace",
    "four daughters, Nadine, Ashley and Toni", "former presidents Barack Obama and Bill Clinton": a name listed
    under a plural noun holds that noun's role, in the singular. Not "... the protesters, Smith said": one
    name and a verb after it make a reporting clause, no apposition."""
    p, steps = ix.prev(start), 0
    while p >= 0 and steps < _MAX_LIST and _list_part(ix, p):
        p, steps = ix.prev(p), steps + 1
    if p < 0:
        return None
    opening = ix.next(p)
    if ix.toks[p].lower_ in _INSTANCE_WORDS:  # "such as", "including", "like"
        p = ix.prev(p)
        if p >= 0 and ix.toks[p].lower_ == "such":
            p = ix.prev(p)
    else:
        q, steps = ix.next(end - 1), 0
        while q >= 0 and steps < _MAX_LIST and _list_part(ix, q):
            q, steps = ix.next(q), steps + 1
        if not any(ix.toks[i].lower_ in _LIST_WORDS for i in range(opening, q if q >= 0 else end)):
            return None  # "the protesters, Smith said", "the announcements Mozilla made": one name is no list
        named = ix.next(opening) if ix.toks[opening].text == "," else opening
        if named < 0 or ix.toks[named].lower_ in _LIST_WORDS or ix.toks[named].text == ",":
            return None  # "over 7000 likes, and X": the list opens with a name
        if ix.toks[opening].text == "," and not _counted(ix, _modifiers_left(ix, p)):
            return None  # "In his early years, X and Y": an apposition counts its members ("two astronauts")
        if ix.toks[opening].text != "," and opening != start:
            return None
    if p < 0 or ix.toks[p].tag_ not in ("NNS", "NNPS") or ix.ent_label(p) not in ("", "NORP"):
        return None
    tok = ix.toks[p]
    if tok.pos_ not in ("NOUN", "PROPN") or tok.lower_ in _NOT_ROLES or not tok.text.isalpha():
        return None
    if tok.lemma_.lower() == tok.lower_ and not tok.lower_.endswith("s"):
        return None  # a plural in form ("astronauts", "women"), not a collective ("police") or a mistagged word
    first = _modifiers_left(ix, p)
    lemma = tok.lemma_ if tok.lemma_.lower() != tok.lower_ else tok.text[:-1] if tok.lower_.endswith("s") else tok.text
    head = lemma.lower() if tok.tag_ == "NNS" else lemma[:1].upper() + lemma[1:]  # "Representatives"
    text = f"{ix.text(first, p)} {head}".strip()
    return RoleInfo(first, p + 1, text, head=p)


def _counted(ix: MentionIndex, first: int) -> bool:
    """A number, a quantifier or a possessor before a noun phrase ("two astronauts", "his counterparts")."""
    p = ix.prev(first)
    if p >= 0 and ix.toks[p].text[:1].isupper() and ix.toks[p].pos_ in ("ADJ", "PROPN"):
        p = ix.prev(p)  # "Two Democratic Representatives", "Three American Samoans"
    return p >= 0 and (ix.toks[p].like_num or ix.toks[p].lower_ in _COUNTING or ix.toks[p].lower_ in _POSSESSIVES)


def _opening(ix: MentionIndex, end: int) -> int:
    """The first token after "NAME," (past an age between commas: "Jane Roe, 34, a teacher"), or -1."""
    comma = ix.next(end - 1)
    if comma < 0 or ix.toks[comma].text != ",":
        return -1
    k = ix.next(comma)
    after = ix.next(k) if k >= 0 else -1
    if k >= 0 and ix.toks[k].like_num and after >= 0 and ix.toks[after].text == ",":
        k = ix.next(after)
    return k


def _description_after(ix: MentionIndex, start: int, end: int) -> RoleInfo | None:
    """ "X, a grain trader", "X, his ex-wife", "X, Heather Heyer's mother", "X, the Houthis' chief negotiator":
    a determiner or possessor, then a noun phrase in apposition to the name."""
    k = _opening(ix, end)
    if k < 0:
        return None
    first = k
    if ix.toks[k].lower_ in DETERMINERS or ix.toks[k].lower_ in _POSSESSIVES:
        first = ix.next(k)
    elif not ix.toks[k].text[:1].isupper():
        return None  # a description opens with a determiner or a possessor's name
    head = -1
    q, steps = first, 0
    while q >= 0 and steps <= _MAX_MODIFIERS + 4:
        tok = ix.doc[q]
        if tok.dep_ == "appos" and start <= tok.head.i < end:
            head = q
            break
        participle = tok.tag_ in ("VBN", "VBG") and ix.toks[q - 1].text in HYPHENS  # "Bishkek-based"
        if tok.text in (",", ";", "(", ")") or (tok.pos_ in ("VERB", "AUX", "PRON") and not participle):
            return None
        q, steps = ix.next(q), steps + 1
    if head < 0 or first < 0 or not _person_noun(ix.doc[head]):
        return None
    opened = ix.toks[k].lower_ in DETERMINERS or ix.toks[k].lower_ in _POSSESSIVES
    if not opened and not any(ix.toks[i].text in APOSTROPHES for i in range(first, head)):
        return None  # "X, Heather Heyer's mother": a name opens it only as a possessor
    hyphen = ix.next(head)
    while hyphen >= 0 and ix.toks[hyphen].text in HYPHENS and ix.next(hyphen) >= 0:  # "his ex-wife"
        if not ix.toks[ix.next(hyphen)].is_lower:
            break
        head = ix.next(hyphen)
        hyphen = ix.next(head)
    stop = _tail_end(ix, head)
    return RoleInfo(first, stop, ix.text(first, stop), head=head)


def _tail_end(ix: MentionIndex, head: int) -> int:
    """The end of a description's tail: a preposition and a capitalised name ("at the University of Stirling",
    "from Albacete"), else just past the head."""
    j = ix.next(head)
    if j < 0 or ix.toks[j].lower_ not in _TAIL:
        return head + 1
    stop, q, steps = head + 1, ix.next(j), 0
    while q >= 0 and steps < _MAX_TAIL:
        tok = ix.toks[q]
        if tok.text[:1].isupper() and tok.pos_ == "PROPN":
            stop = q + 1
        elif not (tok.lower_ in DETERMINERS or tok.lower_ in _TAIL or tok.text in APOSTROPHES):
            break
        q, steps = ix.next(q), steps + 1
    return stop


def _office_after(ix: MentionIndex, end: int) -> RoleInfo | None:
    """ "X, who served as President of France", "X, who was a candidate in ...", "X, then the Prime Minister",
    "X, previously the Deputy Chief Minister of Goa": a title after a relative clause's office verb or an
    adverb of time."""
    k = _opening(ix, end)
    if k < 0:
        return None
    if ix.toks[k].lower_ in _RELATIVE:
        k = ix.next(k)
        if k >= 0 and ix.toks[k].lower_ in ("had", "has", "have"):  # "who had been"
            k = ix.next(k)
        if k < 0 or ix.toks[k].lemma_ not in _OFFICE_VERBS:
            return None
        k = ix.next(k)
        if k >= 0 and ix.toks[k].lower_ == "as":
            k = ix.next(k)
    elif ix.toks[k].lower_ in _TIME_ADVERBS:
        k = ix.next(k)
    else:
        return None
    return title_phrase(ix, k) if k >= 0 else None
