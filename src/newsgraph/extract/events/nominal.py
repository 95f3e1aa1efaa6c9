"""Nominal events: the noun table's reading of a noun ("a flood warning" is none), and the verbs that carry a
noun's event: light verbs ("held talks", "launched a series of attacks", "declared a state of emergency") and
the verbs whose subject undergoes it ("received criticism", "was granted a pardon")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.extract.syntax import is_passive
from newsgraph.lexicon.events import NO_EVENT, NounPattern, light_verbs, noun_patterns

if TYPE_CHECKING:
    from spacy.tokens import Token

    from newsgraph.extract.tokens import Tok

__all__ = ["light_verb", "may_code_noun", "no_event_noun", "noun_pattern", "undergo_verb"]

_HOST_PREPS = frozenset({"in", "during", "after", "following"})  # "said after talks with X"
# verbs of travelling to a meeting: "arrived in Kabul for talks with X" is the traveller's consultation
_TRAVEL = frozenset({"arrive", "travel", "fly", "go", "come", "head", "visit", "return", "land"})
_GIVING = frozenset({"grant", "give", "award", "offer"})  # "was granted X": a passive of giving is undergone


def noun_pattern(tok: Token) -> NounPattern | None:
    pat = _noun_row(tok)
    return None if pat is None or pat.type == NO_EVENT else pat  # "a flood warning" is no threat


def no_event_noun(tok: Token) -> bool:
    """A compound the noun table says is no event ("a flash flood warning", "a storm warning")."""
    pat = _noun_row(tok)
    return pat is not None and pat.type == NO_EVENT


def _noun_row(tok: Token) -> NounPattern | None:
    table = noun_patterns()
    pats = table.get(_hyphenated(tok) or "") or table.get(tok.lower_) or table.get(tok.lemma_.lower())
    if not pats:
        return None
    mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod")}
    if tok.i > 0:
        mods.add(tok.doc[tok.i - 1].lower_)
    for pat in pats:
        if pat.modifier is None or pat.modifier in mods:
            return pat
    return None


def may_code_noun(toks: list[Tok], i: int) -> bool:
    """Whether the noun table has rows for the word at ``i`` of a document's token records under any key
    :func:`_noun_row` looks it up by: a word without any is passed over without building its parsed token."""
    table, rec = noun_patterns(), toks[i]
    joined = i >= 2 and toks[i - 1].text == "-" and not toks[i - 1].whitespace_ and not toks[i - 2].whitespace_
    hyphenated = f"{toks[i - 2].lower_}-{rec.lower_}" if joined else ""
    return bool(table.get(hyphenated) or table.get(rec.lower_) or table.get(rec.lemma_.lower()))


def _hyphenated(tok: Token) -> str | None:
    """The whole hyphenated word a token ends ("sit-in", "cyber-attack": the tokenizer splits them)."""
    doc, i = tok.doc, tok.i
    if i < 2 or doc[i - 1].text != "-" or doc[i - 1].whitespace_ or doc[i - 2].whitespace_:
        return None
    return f"{doc[i - 2].lower_}-{tok.lower_}"


# nouns of a stretch or a run of events, or of a condition: "three days of mourning", "a series of strikes",
# "a wave of arrests", "a state of emergency"
_SPANS = frozenset({"day", "week", "month", "hour", "period", "series", "wave", "round", "spate", "string", "state"})


def light_verb(tok: Token, *, hosted: bool = False) -> Token | None:
    """The verb that carries a nominal event ("held talks", "went on strike"); with ``hosted``, also the verb
    of a clause the event frames ("in a phone call with X, Y said": for consultations)."""
    while tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN"):
        tok = tok.head  # "used water cannons and tear gas": the first conjunct holds the verb
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in _SPANS:
        tok = tok.head.head  # "announced three days of mourning", "launched a series of strikes"
    head = tok.head
    if head.i == tok.i:
        return None
    if tok.dep_ in ("dobj", "nsubjpass", "attr"):
        for lv in light_verbs().get(head.lemma_.lower(), ()):
            if lv.kind != "light":
                continue
            if lv.particle is None or any(c.dep_ in ("prt", "prep") and c.lower_ == lv.particle for c in head.children):
                return head
    if tok.dep_ == "appos" and head.dep_ == "dative" and head.head.pos_ == "VERB":
        verb = head.head  # "granted X a pardon" parsed with the pardon in apposition to the recipient
        if any(lv.kind == "light" and lv.particle is None for lv in light_verbs().get(verb.lemma_.lower(), ())):
            return verb
    if tok.dep_ == "pobj":
        verb = head.head
        for lv in light_verbs().get(verb.lemma_.lower(), ()):
            if lv.kind == "light" and lv.particle == head.lower_:
                return verb  # "entered into an agreement", "went on strike"
        if hosted and head.lower_ in _HOST_PREPS and verb.pos_ == "VERB":
            return verb  # "in a phone call with X, Y said"
        if hosted and head.lower_ == "for" and verb.lemma_.lower() in _TRAVEL and not is_passive(verb):
            return verb  # "arrived in Kabul for talks with X", "flew to Paris for a meeting with X"
        if in_protest(tok):  # "walked out in protest", "walked out of the session in protest" (hung on "session")
            for _ in range(3):
                if verb.pos_ == "VERB" or verb.head.i == verb.i:
                    break
                verb = verb.head
            if verb.pos_ == "VERB" and not is_passive(verb):
                return verb  # "shaved their heads in protest at the ruling"
    return None


def in_protest(tok: Token) -> bool:
    """The idiom "in protest" (no determiner): the manner of the verb's act, which is the protest."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "in" or tok.lemma_.lower() != "protest":
        return False
    return not any(c.dep_ == "det" for c in tok.children)


def undergo_verb(tok: Token) -> Token | None:
    """The verb whose subject suffers a nominal event ("received criticism", "faced charges", "came under
    scrutiny"), when the noun is its object (or, with a particle row, the object of that preposition)."""
    head = tok.head
    if head.i == tok.i:
        return None
    if tok.dep_ == "dobj" and is_passive(head) and head.lemma_.lower() in _GIVING:
        return head  # "was granted clemency", "was given a pardon": the subject receives it
    if tok.dep_ == "dobj":
        rows = light_verbs().get(head.lemma_.lower(), ())
        return head if any(lv.kind == "undergo" and lv.particle is None for lv in rows) else None
    if tok.dep_ == "pobj" and head.head.pos_ in ("VERB", "AUX"):
        rows = light_verbs().get(head.head.lemma_.lower(), ())
        return head.head if any(lv.kind == "undergo" and lv.particle == head.lower_ for lv in rows) else None
    return None
