"""Where an official speaks from: the capital a clause places its speaker in (issue 11, persons' country).

A state official whose title names no country ("Foreign Ministry spokesperson X", "Chief Cabinet Secretary
X") speaks for the government seated in the capital the text puts the speaking in, a pattern of wire copy
across stories:

- the sentence opens with the capital ("In Beijing, Foreign Ministry spokesperson X said ...");
- the clause whose subject the name is has the capital in a place phrase of its verb or of what it acts on
  ("X told reporters in Tokyo", "X said at a regular briefing in Beijing", "X told AFP by telephone from
  Kabul", "X said in London").

Only a verb of speaking places its subject so (``speech_verbs.tsv``, and "speak"): an official meets, holds talks
or is received abroad ("X held talks in Addis Ababa", "X met Y in Jakarta"), but tells reporters at home. Not a
capital in what the clause reports ("X said troops in Kabul had ..."), nor one the speaker goes to ("X flew to
Moscow"): only "in" and "from" place a speaker.

With no seat, what the official says the country does speaks for it (:func:`said_country`): a country or capital
the subject of the reported clause ("X said Budapest would not send troops", "The Philippines has not ruled
out a second case, X said", "adding that Cairo reserved the right to respond"), unless the clause says what it
must or should do or the speaker demands it (a demand on the other side: "X said Japan must face up to its
history", "X demanded that Rwanda hand over the suspects").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from newsgraph.lexicon.countries import capital_country, country_code
from newsgraph.lexicon.cues import speech_verbs
from newsgraph.lexicon.titles import find_titles, title_sector, title_words

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Token

    from newsgraph.extract.mentions.index import MentionIndex
    from newsgraph.extract.mentions.roles import RoleInfo

__all__ = ["group_seat", "opening_seat", "said_country", "speaking_seat"]

# Up the parse from a name to the noun phrase it is part of ("spokesperson [X]", "[X], a spokesman").
_NAME_DEPS = frozenset({"compound", "flat", "appos", "nmod", "poss", "pobj", "prep", "amod"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# What a speaking verb's place phrase may hang on: the verb, its object, a prepositional phrase of either
# ("told [reporters] [in Tokyo]", "said [at a briefing [in Beijing]]", "told AFP [by telephone] [from Kabul]").
_WALKED = frozenset({"prep", "pobj", "dobj", "dative", "npadvmod", "advmod", "obl", "nmod"})
_SEAT_PREPS = frozenset({"in", "from"})
_MAX_CLIMB = 6
# Modal verbs of a demand on another, and verbs of demanding: their clause says what the other side must do.
_OBLIGING = frozenset({"must", "should", "ought"})
_DEMANDING = frozenset({"demand", "urge", "ask", "plead"})
# Clauses joined to a speaking verb that speak too ("said ..., adding that ...").
_ALSO_SAYING = frozenset({"advcl", "conj", "xcomp"})
# Sectors of a state's own officials at home: a minister, a spokesperson, an officer, a police chief, a legislator.
_STATE_SECTORS = frozenset({"GOV", "MIL", "POL", "LEG"})
# Title groups and phrases of officials posted abroad, who speak from the other country's capital.
_POSTED_ABROAD = frozenset({"ambassador", "diplomat", "consul", "special envoy", "attache", "attaché"})


def _capital(ix: MentionIndex, tok: Token) -> str | None:
    """The country whose capital the place entity ``tok`` belongs to names, if it is a capital."""
    ent = ix.ent_at(tok.i)
    if ent is None or ent.label not in ("GPE", "LOC", "FAC"):
        return None
    return capital_country(ix.text(ent.start, ent.end))


def opening_seat(ix: MentionIndex, i: int) -> str | None:
    """The country whose capital opens the sentence of token ``i`` ("In Beijing, ..."), else None."""
    if not ix.sent_bounds:
        return None
    first, end = ix.sent_bounds[ix.sent_of[i]]
    while first < end and ix.toks[first].is_space:
        first += 1
    if first >= end or ix.toks[first].lower_ != "in":
        return None
    comma = first + 1
    while comma < end and ix.toks[comma].text != "," and comma - first < 6:
        comma += 1
    if comma >= end or ix.toks[comma].text != "," or comma - first < 2:
        return None
    return capital_country(ix.text(first + 1, comma))


def _subject_verb(ix: MentionIndex, last: int) -> Token | None:
    """The verb whose subject the noun phrase holding token ``last`` is, or None."""
    tok = ix.doc[last]
    steps = 0
    while tok.dep_ in _NAME_DEPS and tok.head.i != tok.i and steps < _MAX_CLIMB:
        tok, steps = tok.head, steps + 1
    if tok.dep_ not in _SUBJECTS:
        return None
    return tok.head


def _speaking(verb: Token) -> bool:
    return verb.lemma_.lower() in speech_verbs() or verb.lemma_.lower() == "speak"


def said_country(ix: MentionIndex, start: int, end: int) -> str | None:
    """The country, named or by its capital, that is the subject of a clause the name at ``[start, end)``
    reports ("X said Budapest would not send troops"), unless the clause says it must or should do something."""
    verb = _subject_verb(ix, end - 1)
    if verb is None or not _speaking(verb):
        return None
    for v in [verb, *(c for c in verb.children if c.dep_ in _ALSO_SAYING and _speaking(c))]:
        if v.lemma_.lower() in _DEMANDING:
            continue
        for clause in v.children:
            if clause.dep_ != "ccomp" or any(c.lower_ in _OBLIGING for c in clause.children if c.dep_ == "aux"):
                continue
            for subject in clause.children:
                if subject.dep_ in _SUBJECTS and subject.tag_ in ("NNP", "NNPS") and not start <= subject.i < end:
                    ent = ix.ent_at(subject.i)
                    text = ix.text(ent.start, ent.end) if ent is not None else subject.text
                    country = country_code(text) if ent is not None and ent.label == "GPE" else None
                    if country := country or capital_country(text):
                        return country
    return None


def speaking_seat(ix: MentionIndex, start: int, end: int) -> str | None:
    """The country of the capital the sentence opens with when the name at ``[start, end)`` is the subject of
    its main clause ("In Beijing, X said"), else of the capital in a place phrase of the speaking verb whose
    subject the name is ("X told reporters in Tokyo"); None when neither."""
    verb = _subject_verb(ix, end - 1)
    if verb is None:
        return None
    if verb.dep_ == "ROOT" and (country := opening_seat(ix, start)) is not None:
        return country
    if not _speaking(verb):
        return None
    stack = [c for c in verb.children if c.dep_ in _WALKED and not start <= c.i < end]
    while stack:
        tok = stack.pop()
        if tok.dep_ == "prep" and tok.lower_ in _SEAT_PREPS:
            for obj in tok.children:
                if obj.dep_ == "pobj" and (country := _capital(ix, obj)) is not None:
                    return country
        stack.extend(c for c in tok.children if c.dep_ in _WALKED)
    return None


class _Mention(Protocol):
    """What :func:`group_seat` reads of a person mention."""

    role: RoleInfo | None
    seat: str | None
    said: str | None


def group_seat(mentions: Sequence[_Mention]) -> str | None:
    """The seat (:func:`speaking_seat`) a person's mentions give first, else the country its reported clauses
    have as subject first (:func:`said_country`), when the person holds a state office
    at home whose title names no country and no international body ("Foreign Minister", "Chief Cabinet
    Secretary", "Foreign Ministry spokesperson", "Senator"; not "analyst", "IMF spokeswoman", "Ambassador"):
    the government that official speaks for. None otherwise."""
    roles = [m.role for m in mentions if m.role is not None and not m.role.described]
    if any(r.international or r.country is not None or _posted_abroad(r.text) for r in roles):
        return None
    if not any(title_sector(r.text) in _STATE_SECTORS for r in roles):
        return None
    return next((m.seat for m in mentions if m.seat), None) or next((m.said for m in mentions if m.said), None)


def _posted_abroad(role: str) -> bool:
    """An ambassador, envoy, diplomat or consul: an official who speaks from another country's capital."""
    return any(
        t.group in _POSTED_ABROAD or t.phrase in _POSTED_ABROAD for _lo, _hi, t in find_titles(title_words(role))
    )
