"""The issue a document's stances are about: a named thing, one label however it is written.

:func:`issue_label` picks the document's most talked-about issue noun (``stance_cues.tsv``, kind
``issue``; one that a phrase ties to a country first) and names it by its most specific phrase. A label
must name something: a phrase with a proper noun in it stays as written ("African Continental Free
Trade Area (AfCFTA) agreement"); a thing named by its countries alone is written in one form, its words
then the countries in alphabetical order ("the Turkish-Libyan maritime border agreement" and "the
maritime border agreement of Turkey and Libya" are both "maritime border agreement (Libya, Turkey)");
a generic word gets the countries the document names most ("agreement (United Kingdom, United
States)"), so that two stories' "agreement" are two issues, not one column of the stance board.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsgraph.extract.events.actors import token_country
from newsgraph.extract.syntax import conjuncts
from newsgraph.extract.tokens import token_records
from newsgraph.lexicon.countries import country_code, country_name
from newsgraph.lexicon.events import anaphor_types, issue_nouns

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = [
    "UNSPECIFIED",
    "asked_for",
    "generic_issue",
    "issue_label",
    "issue_phrase",
    "label_countries",
    "label_words",
    "leading_countries",
    "named_phrase",
    "names_issue",
    "names_other",
    "qualified",
]

UNSPECIFIED = "unspecified issue"
# Adjectives that date an issue phrase rather than name it ("the current situation").
_TEMPORAL = frozenset({"current", "ongoing", "recent", "latest", "present"})
# A possessive left at the start of a phrase once its country is taken out.
_POSSESSIVE_LEFT = re.compile(r"^['\u2019]s\s+")
# Kinds of event too wide to tie two nouns to one issue, and nouns too vague to stand for one ("action").
_TOO_WIDE = frozenset({"CONSULT", "REQUEST"})
_VAGUE = frozenset({"action", "operation"})
# Names whose words are no issue noun of the story ("the Natural Law Party", "the Project Hope clinic").
_NAME_OF_OTHER = frozenset({"ORG", "PERSON", "FAC", "WORK_OF_ART", "PRODUCT", "GPE", "NORP"})
# Modifiers that say whose a thing is ("the Chilean measure", "Chile's measure").
_OWNER_DEPS = frozenset({"amod", "poss", "compound", "nmod"})
_NAMED_LABELS = frozenset({"GPE", "LOC", "ORG", "NORP", "PERSON", "FAC", "EVENT"})


def issue_phrase(head: Token) -> tuple[str, bool]:
    """(label text, names a country) of an issue noun phrase."""
    keep = [
        c
        for c in head.lefts
        if c.dep_ in ("compound", "amod", "poss", "nmod", "punct")
        and c.lower_ not in _TEMPORAL
        and not c.is_space
        and not (c.dep_ == "poss" and c.pos_ == "PRON")  # "his attacks": the attacks
    ]
    words = []
    for c in keep:
        words.extend(
            t for t in c.subtree
            if t.lower_ not in _TEMPORAL and not t.is_space and t.dep_ != "det" and t.ent_type_ not in ("DATE", "TIME")
        )  # fmt: skip
    words.append(head)
    for c in head.rights:
        if c.dep_ == "prep" and c.lower_ in ("in", "of", "against", "on", "between", "with"):
            objs = [o for o in c.children if o.dep_ == "pobj"]
            if objs and token_country(objs[0]):  # "of Libya and Turkey": every country named
                words.extend([c, *(o for o in conjuncts(objs[0]) if token_country(o))])
    words = sorted(set(words), key=lambda t: t.i)
    codes = {t.i: code for t in words if t.i != head.i and (code := token_country(t))}
    if codes and not any(t.pos_ == "PROPN" and t.i not in codes for t in words):
        # a thing named by its countries alone: one form for every way of writing them, so that "the
        # Turkish-Libyan maritime agreement" and "the maritime agreement of Turkey and Libya" are one issue
        rest = [t for t in words if t.i not in codes and not (t.is_punct or t.dep_ in ("cc", "prep", "case"))]
        if rest and rest[-1].i == head.i:
            return qualified(_joined(rest), list(codes.values())), True
    text = "".join(t.text_with_ws for t in words).strip()
    text = re.sub(r"\s+-\s+", "-", text).removeprefix("so-called ")
    return text, bool(codes)


def _joined(words: list[Token]) -> str:
    """Words with a space wherever the text had one or a word was left out between them ("Arab–Israeli
    conflict" less its country is "Arab conflict", not "Arabconflict")."""
    out = ""
    for prev, tok in zip([None, *words], words, strict=False):
        if prev is not None:
            out += " " if prev.whitespace_ or tok.i != prev.i + 1 else ""
        out += tok.text
    return out


def _has_name(head: Token, text: str) -> bool:
    """The issue phrase has a proper noun in it ("the AfCFTA agreement", "Operation Peace Spring")."""
    return any(t.pos_ == "PROPN" and t.text in text for t in head.lefts for t in t.subtree)


def issue_label(doc: Doc) -> str:
    """The document's issue: its most talked-about issue noun (one that a phrase ties to a country first),
    named by the most specific phrase the document gives it: "the agreement" five times and "the Turkish-Libyan
    maritime border agreement" once make the latter the label, never a bare generic word when a phrase names it."""
    nouns = issue_nouns()
    phrases: dict[str, Counter[str]] = {}
    named: Counter[str] = Counter()
    first: dict[str, int] = {}  # where each phrase is first written: the lead names the story's issue
    names: set[str] = set()  # phrases that name an entity: a country, a proper noun
    for rec in token_records(doc):  # the parsed token only for an issue noun
        if rec.pos_ == "NOUN" and rec.lemma_.lower() in nouns and rec.ent_type_ not in _NAME_OF_OTHER:
            tok = doc[rec.i]
            if asked_for(tok):
                continue  # what a reaction asks for ("called for their immediate release") is not the issue
            if tok.dep_ == "compound" and tok.head.lemma_.lower() in _PEOPLE:
                continue  # "aid workers", "strike leaders": people named by their work, no issue
            text, has_country = issue_phrase(tok)
            head = tok.lemma_.lower()
            phrases.setdefault(head, Counter())[text] += 1
            if has_country or _has_name(tok, text):
                names.add(text)
            first.setdefault(text, tok.i)
            if text in names:  # a country or a proper name ties the phrase to something
                named[head] += 1
    if not phrases:
        return UNSPECIFIED
    head = max(phrases, key=lambda h: (named[h] > 0, sum(phrases[h].values()), named[h]))
    specific = {t: n for t, n in phrases[head].items() if len(t.split()) > 1}
    pool = specific or phrases[head]
    # a phrase with a name in it ("the AfCFTA agreement") first, then the most written, then the first
    label = max(pool, key=lambda t: (t in names, pool[t], -first[t]))
    if label in names:
        return label
    label = _POSSESSIVE_LEFT.sub("", label)  # "Iraq's resolution" less its country is "resolution", not "'s resolution"
    countries = leading_countries(doc)
    if countries:
        return qualified(label, countries)
    entity = _leading_entity(doc)  # a story with no country: its most named place, body or person
    return f"{label} ({entity})" if entity else label


# Nouns of people that an issue noun may name by their work ("aid workers", "sanctions experts").
_PEOPLE = frozenset(
    {"worker", "official", "staff", "employee", "inspector", "volunteer", "activist", "expert", "monitor"}
    | {"leader", "organizer", "organiser", "negotiator", "agency", "group", "organisation", "organization"}
)
# Verbs whose object is what someone asks for ("demanded the withdrawal"), and those that ask "for" it
# ("called for the release", "appealed for a truce"; the noun too: "calls for an inquiry").
_ASKING = frozenset({"demand", "seek", "request", "urge"})
_ASKING_FOR = frozenset({"call", "appeal", "ask", "press", "push", "plead"})
# Nouns of an undoing (stance_sides.UNDOING, which imports this module).
_UNDOING = frozenset({"release", "freeing", "withdrawal", "lifting", "repeal", "reversal", "revocation"})


def asked_for(tok: Token) -> bool:
    """A noun of an undoing that a call or demand asks for ("demanded the withdrawal of the troops", "called for
    the immediate release of the two men"): the issue is what it would undo, not the undoing."""
    if tok.lemma_.lower() not in _UNDOING:
        return False
    head = tok.head
    if tok.dep_ == "dobj":
        return head.lemma_.lower() in _ASKING
    return tok.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in _ASKING_FOR


def _leading_entity(doc: Doc) -> str | None:
    counts: Counter[str] = Counter()
    for ent in doc.ents:
        if ent.label_ in _NAMED_LABELS:
            words = ent.text.split()
            counts[" ".join(words[1:] if words[0].lower() == "the" else words)] += 1
    return counts.most_common(1)[0][0] if counts else None


def leading_countries(doc: Doc, n: int = 2) -> list[str]:
    """The ``n`` countries the document names most (by entity mentions; the first named wins a tie)."""
    counts: Counter[str] = Counter()
    for ent in doc.ents:
        if ent.label_ in ("GPE", "NORP") and (code := token_country(ent[-1]) or token_country(ent[0])):
            counts[code] += 1
    return [code for code, _n in counts.most_common(n)]


def qualified(label: str, countries: Sequence[str]) -> str:
    """A label that names nothing ("agreement", "rocket attacks") with the countries its story is about:
    "agreement (Turkey, Libya)", so that two stories' generic words are two issues, not one column."""
    names = sorted({name for code in countries if (name := country_name(code))})
    return f"{label} ({', '.join(names)})" if names else label


def named_phrase(tok: Token) -> str:
    """The phrase of an object that names an entity's thing ("the House's decision"), else UNSPECIFIED."""
    text, _country = issue_phrase(tok)
    if len(text.split()) > 1 and any(t.pos_ == "PROPN" for t in tok.subtree):
        return text
    return UNSPECIFIED


def names_issue(tok: Token, refs: frozenset[str] = frozenset(), label: str | None = None) -> bool:
    """A noun of the story's issue in the phrase (a word of its ``label``; any issue noun without one), or a
    word that points back at it (``refs``: "the move"). With a label, "the border agreement" does not name
    the EastMed pipeline."""
    nouns = label_words(label) if label and label != UNSPECIFIED else issue_nouns()
    kinds = {types[0] for w in nouns if (types := anaphor_types(w))} - _TOO_WIDE if label else set()
    parties = label_countries(label)
    return any(
        t.pos_ == "NOUN"
        and (t.lemma_.lower() in nouns or t.lemma_.lower() in refs or _same_kind(t.lemma_.lower(), kinds))
        and not _owned_by_other(t, parties)
        for t in tok.subtree
    )


def names_other(tok: Token) -> bool:
    """A phrase tied to a country or a name of its own ("the Turkish-Libyan border agreement"): an issue of
    its own, which only the story's issue label may match; "the ceasefire" names nothing else."""
    _text, country = issue_phrase(tok)
    return country or any(t.pos_ == "PROPN" for t in tok.subtree)


def generic_issue(tok: Token, refs: frozenset[str] = frozenset()) -> bool:
    """An issue noun (or a word pointing back at the issue) in a phrase that names no other thing: "the
    ceasefire" is a position on the story's issue whatever its label; "the Turkish-Libyan border agreement"
    only where it is the label."""
    return names_issue(tok, refs) and not names_other(tok)


def _same_kind(noun: str, kinds: set[str]) -> bool:
    """ "the assault" for an issue labelled "attack", "the treaty" for an "agreement": a noun for an event
    of the kind the issue's noun names (``event_context.tsv`` anaphors, by their first type)."""
    types = anaphor_types(noun)
    return bool(types) and types[0] in kinds and noun not in _VAGUE


def label_countries(label: str | None) -> frozenset[str]:
    """The countries a label names in its closing parentheses ("30 percent tariff (Argentina)" → ARG)."""
    m = re.search(r"\(([^()]*)\)\s*$", label or "")
    if m is None:
        return frozenset()
    return frozenset(code for part in m.group(1).split(",") if (code := country_code(part.strip())))


def _owned_by_other(noun: Token, parties: frozenset[str]) -> bool:
    """ "the Chilean measure" when the issue is Argentina's tariff: a country's own thing, and not a party's."""
    if not parties:
        return False
    owners = {code for c in noun.children if c.dep_ in _OWNER_DEPS and (code := token_country(c))}
    return bool(owners) and owners.isdisjoint(parties)


def label_words(label: str) -> frozenset[str]:
    """The lower-case words of an issue label with their singulars ("rocket attacks" → "attack")."""
    words = re.findall(r"[a-z]+", label.lower())
    return frozenset(words) | {w[:-1] for w in words if w.endswith("s") and len(w) > 3}
