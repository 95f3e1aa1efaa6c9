"""Arguments of event triggers read from the dependency parse (``extract/events.py``).

A verb pattern's argument slots (``target`` and ``actor`` columns of ``event_verbs.tsv``) are filled
here; so are the actor of a nominal event (possessor, by-phrase, country adjective, attribution verb),
the object a clause acts on and what a characterization says of it. The pattern's conditions (``needs``)
are checked in :mod:`newsgraph.extract.events.needs`. Pure functions over tokens; the words are data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.extract.events.nominal import noun_pattern
from newsgraph.extract.syntax import conjuncts, is_passive, ordered_done, pobjs, subjects, token_country
from newsgraph.lexicon.countries import capital_country, country_code
from newsgraph.lexicon.events import (
    act_types,
    actor_nouns,
    anaphor_types,
    evaluation,
    light_verbs,
    sector_of,
    strong_valence,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Doc, Token

    from newsgraph.core.model import DateFact

__all__ = [
    "acted_on",
    "ancestors",
    "anchor",
    "characterizes",
    "clause_of",
    "date_roots",
    "evaluation_of",
    "fallback_heads",
    "if_clause",
    "judge_predicate",
    "objects",
    "own_actor_heads",
    "preps",
    "slot_heads",
]

PREP_DEPS = frozenset({"prep", "mark", "dative", "agent", "prt"})
CLAUSAL = frozenset({"xcomp", "advcl", "ccomp"})
_SMALL_CLAUSE = frozenset({"ccomp", "oprd", "acomp", "xcomp"})
_COND = frozenset({"if", "unless"})
_NEAR = frozenset({"at", "outside", "around", "near"})
_TOWARD = frozenset({"to", "on", "toward", "towards"})
_NATION_MODS = frozenset({"amod", "compound", "poss"})
_WHEN = frozenset({"DATE", "TIME"})


def preps(v: Token, word: str, *, objects: bool = True) -> list[Token]:
    """Prepositions ``word`` on the verb or its to-infinitive ("refused to play against X"), complementisers
    ``word`` of its clausal complements ("called for X to adhere") and, with ``objects``, prepositions on its
    object ("suspended talks with X")."""
    out = [c for c in v.children if c.lower_ == word and c.dep_ in PREP_DEPS]
    for c in v.children:
        if c.dep_ == "xcomp" and c.pos_ == "VERB":  # "refused to play against X", "agreed to work with X"
            out.extend(m for m in c.children if m.lower_ == word and m.dep_ == "prep")
        if c.dep_ in CLAUSAL:
            out.extend(m for m in c.children if m.lower_ == word and m.dep_ == "mark")
        elif objects and c.dep_ in ("dobj", "acomp", "oprd"):  # "was concerned by X": by as the adjective's agent
            out.extend(m for m in c.children if m.lower_ == word and m.dep_ in ("prep", "agent"))
    return out


def within(tok: Token, depth: int) -> list[Token]:
    """Dependents of ``tok`` down to ``depth`` levels, not entering a conjoined verb (its own clause)."""
    out: list[Token] = []
    level = [tok]
    for _ in range(depth):
        level = [c for t in level for c in t.children if not (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))]
        out.extend(level)
    return out


_PREDICATE = frozenset({"oprd", "acomp", "xcomp", "ccomp", "attr"})


def evaluation_of(clause: Token) -> str | None:
    """Polarity of what a characterization says ("called the deal illegal", "characterized the strike
    as a violation", "found the strike justified", "concluded that the deal is null and void"):
    ``"negative"`` when any evaluative word of the predicate is negative, else ``"positive"``, else None."""
    preds = [c for c in clause.children if c.dep_ in _PREDICATE]
    preds += [o for c in clause.children if c.dep_ == "prep" and c.lower_ == "as" for o in _as_what(c)]
    for obj in (c for c in clause.children if c.dep_ == "dobj"):  # "called Trump's order swift": a late amod
        preds.extend(a for a in obj.rights if a.dep_ == "amod")
        # "described the blockade as blackmail" with "as" hung on the object
        preds.extend(o for c in obj.children if c.dep_ == "prep" and c.lower_ == "as" for o in _as_what(c))
    return judge_predicate(preds, people=_characterizes_someone(clause))


def _as_what(prep: Token) -> list[Token]:
    """What "as" says a thing is: its object ("as blackmail"), or the adjective the parser hangs on it
    ("described the sanctions as illegal and unacceptable")."""
    return pobjs(prep) or [c for c in prep.children if c.dep_ in ("amod", "acomp") and c.pos_ == "ADJ"]


def judge_predicate(preds: list[Token], *, people: bool) -> str | None:
    """Polarity of predicate phrases: any evaluative word of the hand-written list (negative wins); when the
    thing judged is a person or a group (``people``) and the list has no word for it, the published sentiment
    lexicon judges ("referred to his hecklers as ugly folks"); words about things stay with the list ("an
    interesting case", "positive for the virus" are no judgements of anyone)."""
    found: set[str] = set()
    for pred in preds:
        for t in [pred, *within(pred, 2)]:
            if t.pos_ in ("ADJ", "NOUN", "VERB", "PROPN"):
                polarity = evaluation(t.lemma_) or evaluation(t.lower_)
                if polarity:
                    found.add(polarity)
    if not found and people:
        for pred in preds:
            for t in [pred, *within(pred, 2)]:
                if t.pos_ in ("ADJ", "NOUN") and (polarity := strong_valence(t.lower_) or strong_valence(t.lemma_)):
                    found.add(polarity)
    if "negative" in found:
        return "negative"
    return "positive" if found else None


NAMED_ENTS = frozenset({"PERSON", "ORG"})
_FORCES = frozenset({"POL", "MIL", "REB", "SPY"})  # sectors that act by force under their own name
_PEOPLE_PRONOUNS = frozenset({"him", "her", "them", "us", "me", "you", "himself", "herself", "themselves"})


def _characterizes_someone(clause: Token) -> bool:
    """The thing characterized is a person, an organization or a group of people: the verb's object ("called
    Smith a liar") or, for "refer to X as Y", the object of "to"."""
    heads = [c for c in clause.children if c.dep_ == "dobj"]
    heads += [o for c in clause.children if c.dep_ == "prep" and c.lower_ == "to" for o in pobjs(c)]
    return bool(heads) and all(characterizes(h) or _someones_act(h) for h in heads)


def _someones_act(head: Token) -> bool:
    """An act or an event someone did ("called the arrest a blow to pluralism", "described the speech as a
    show"): judging it judges its doer."""
    low = head.lemma_.lower()
    return head.pos_ == "NOUN" and (
        act_types(low) is not None or bool(anaphor_types(low)) or noun_pattern(head) is not None
    )


def characterizes(head: Token) -> bool:
    """A person, an organization or a group of people (what a judgement of someone is about)."""
    return (
        head.ent_type_ in NAMED_ENTS
        or head.lower_ in _PEOPLE_PRONOUNS
        or sector_of(head.lemma_.lower()) is not None
        or head.lemma_.lower() in actor_nouns()
    )


def objects(v: Token) -> list[Token]:
    """Logical objects: direct object, passive subject, subject of a small clause."""
    if is_passive(v):
        objs = [c for c in v.children if c.dep_ == ("nsubj" if ordered_done(v) else "nsubjpass")]
        if not objs and v.dep_ == "xcomp":  # "is said to be supported by X"
            objs = [c for c in v.head.children if c.dep_ in ("nsubjpass", "nsubj")]
        if not objs and v.dep_ == "acl":
            objs = [v.head]
        if not objs and v.dep_ in ("pcomp", "advcl"):  # "were injured after being attacked by X"
            gov = v.head.head if v.dep_ == "pcomp" else v.head
            objs = [c for c in gov.children if c.dep_ in ("nsubjpass", "nsubj")]
        if not objs and v.dep_ == "conj":  # "Turkey is under sanctions and was condemned by X": the shared subject
            objs = [c for c in v.head.children if c.dep_ in ("nsubjpass", "nsubj")]
    else:
        objs = [c for c in v.children if c.dep_ == "dobj"]
        if not objs:
            for c in v.children:
                if c.dep_ in _SMALL_CLAUSE:
                    named = _named_as(c)  # "rejected what it called a disproportionate response"
                    objs.extend([named] if named is not None else (x for x in c.children if x.dep_ == "nsubj"))
        if not objs:
            objs = [c for c in v.children if c.dep_ == "dative"]
        if not objs:  # "named Jane Roe as his running mate" with the name parsed as an object predicate
            objs = [c for c in v.children if c.dep_ == "oprd" and c.pos_ == "PROPN"]
        if not objs and v.dep_ == "relcl" and _contact_clause(v):
            objs = [v.head]  # "a request the commission turned down": the noun the clause describes
    return [o for h in objs for o in conjuncts(h)]


def acted_on(v: Token) -> list[Token]:
    """What a clause acts on: its logical objects, then the objects of its prepositions."""
    return objects(v) + [o for c in v.children if c.dep_ == "prep" for o in pobjs(c)]


def _contact_clause(v: Token) -> bool:
    """A relative clause with a subject of its own, no relative pronoun and no object or clause of its own:
    its object is the noun it describes ("the request the commission turned down", "the deal Iran signed")."""
    kids = list(v.children)
    if not any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in _RELATIVE_WORDS for c in kids):
        return False
    return not any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp") or c.lower_ in _RELATIVE_WORDS for c in kids)


_RELATIVE_WORDS = frozenset({"who", "whom", "which", "that", "where", "when", "whose", "why"})


def _named_as(clause: Token) -> Token | None:
    """What a free relative object names ("what it called a response", "what he described as a crime"): the
    thing it is called, not the one who calls it."""
    if not any(c.dep_ == "dobj" and c.lower_ == "what" for c in clause.children):
        return None
    for c in clause.children:
        if c.dep_ in ("oprd", "attr"):
            return c
        if c.dep_ == "prep" and c.lower_ == "as":
            return next(iter(pobjs(c)), None)
    return None


def if_clause(v: Token) -> Token | None:
    for c in v.children:
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _COND for m in c.children):
            return c
    return None


def clause_of(tok: Token, pos: str) -> Token:
    if pos == "ADJ" and tok.dep_ in ("acomp", "attr", "oprd") and tok.head.i != tok.i:
        return tok.head
    return tok


def slot_heads(slot: str, tok: Token, clause: Token) -> list[Token]:
    kind, _, word = slot.partition(":")
    if kind == "default":
        return []
    if kind == "obj":  # and the recipient of a double object ("gave the country aid")
        return objects(clause) + [c for c in clause.children if c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN")]
    if kind == "subj":  # the subject undergoes the event ("X died from his injuries")
        return subjects(clause)
    if kind == "prep":
        found = [o for p in preps(clause, word) for o in pobjs(p)]
        if not found and clause.dep_ in ("advcl", "xcomp", "acl"):  # "wrote to X asking to waive"
            gov = clause.head if clause.dep_ != "acl" else clause.head.head
            found = [o for p in preps(gov, word, objects=False) for o in pobjs(p)]
        return found
    if kind == "if":
        cond = if_clause(clause)
        return [c for c in cond.children if c.dep_ in ("nsubj", "nsubjpass")] if cond is not None else []
    if kind == "comp":  # "voted on a resolution to expel X": the object of the complement verb
        for t in within(clause, 3):
            if t.pos_ == "VERB" and t.dep_ in ("xcomp", "acl", "ccomp", "advcl"):
                return objects(t)
        return []
    if kind == "agent":  # "claimed protesters were sent by the government": the agent of the reported clause
        for c in clause.children:
            if c.dep_ == "ccomp" and is_passive(c):
                return [o for a in c.children if a.dep_ == "agent" for o in pobjs(a)]
        return []
    if kind == "reported":  # "said the Abu Sayyaf Group are the perpetrators", "said the crash was Iran's doing"
        for c in clause.children:
            if c.dep_ == "ccomp":
                poss = [p for a in c.children if a.dep_ in ("attr", "acomp") for p in a.children if p.dep_ == "poss"]
                return poss or subjects(c)
        return []
    if kind == "speaker":  # "Vučić said forces were involved": who reports the clause
        gov = clause
        while gov.dep_ in ("conj", "xcomp") and gov.head.i != gov.i:
            gov = gov.head
        return subjects(gov.head) if gov.dep_ == "ccomp" and gov.head.pos_ == "VERB" else []
    # near: a place preposition on the verb or the verb it depends on ("gathered outside X to protest"), or the
    # building of a side a march heads for ("marched to the Tanzanian High Commission", "on the Indian visa centre")
    places = [clause] if clause.head.i == clause.i else [clause, clause.head]
    out = [o for v in places for c in v.children if c.dep_ == "prep" and c.lower_ in _NEAR for o in pobjs(c)]
    toward = [o for c in clause.children if c.dep_ == "prep" and c.lower_ in _TOWARD for o in pobjs(c)]
    return out + [o for o in toward if _nationality(o)]


def _nationality(head: Token) -> bool:
    """A building or body named by a country or its people ("the Tanzanian High Commission", "Egypt's embassy"),
    not by a body that stands for one ("the Congress building")."""
    mods = [c for c in head.children if c.dep_ in _NATION_MODS]
    mods += [g for c in mods if c.dep_ == "compound" for g in c.children if g.dep_ in _NATION_MODS]
    return any(country_code(m.text) is not None for m in mods)


def fallback_heads(head: Token) -> list[Token]:
    """Who is behind a non-actor object: "the government's decision", "the plan of X"."""
    out = [c for c in head.children if c.dep_ == "poss" and c.pos_ != "PRON"]
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "by"):
            out.extend(pobjs(c))
        elif c.dep_ == "prep" and c.lower_ == "between":  # "the memorandum between X and Y": one party
            out.extend(pobjs(c)[:1])
    return out


def _place_name(tok: Token) -> bool:
    """A city named before an event noun is where it happened ("a Kabul car bombing"), not who did it."""
    return capital_country(tok.text) is not None and country_code(tok.text) is None


def _acl_agents(verb: Token) -> list[Token]:
    """Who a participle clause on an event noun names as its doer: "carried out by X", "attributed to X"."""
    for lv in light_verbs().get(verb.lemma_.lower(), ()):
        if lv.kind == "light" or lv.role == "subject":
            return [o for c in verb.children if c.dep_ == "agent" for o in pobjs(c)]
        word = (lv.role or "").partition(":")[2]
        return [o for c in verb.children if c.dep_ == "prep" and c.lower_ == word for o in pobjs(c)]
    return []


def _their_subject(poss: Token) -> Token | None:
    """The coordinated subject a plural possessive of an object stands for ("Tesco and Salling announced
    their agreement"; not "their" of a subject, which points back to an earlier sentence)."""
    if poss.lower_ != "their" or poss.head.dep_ not in ("dobj", "pobj"):
        return None
    verb = poss.head.head if poss.head.dep_ == "dobj" else poss.head.head.head
    for subj in (c for c in verb.children if c.dep_ == "nsubj"):
        if any(c.dep_ == "conj" for c in subj.children):
            return subj
    return None


def own_actor_heads(tok: Token) -> list[Token]:
    """Actor a standalone nominal event names itself: possessor, by-phrase, country adjective, attribution."""
    # a possessor acts ("Russia's invasion of Ukraine"), unless it is a time ("Monday's attack") or, for nouns
    # marked so, the one who suffers it ("Khashoggi's killing": no "of" phrase names another victim)
    pat = noun_pattern(tok)
    patient = (
        pat is not None
        and pat.patient_possessor
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
    )
    heads = [] if patient else [c for c in tok.children if c.dep_ == "poss" and c.ent_type_ not in _WHEN]
    heads = [_their_subject(h) or h for h in heads]  # "X and Y announced their agreement": X and Y
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "by":
            heads.extend(pobjs(c))
        elif c.dep_ in ("amod", "compound", "nmod") and token_country(c) and not _place_name(c):
            heads.append(c)  # "a Russian attack", not "a Kabul car bombing"
        elif (
            c.dep_ == "compound"
            and (hit := sector_of(c.lemma_.lower())) is not None
            and hit.sector in _FORCES
            and not hit.weapon  # "a drone strike": the weapon it was made with, not who made it
        ):
            heads.append(c)  # "the police shooting of X", "an army raid": the force named before the act
        elif c.dep_ == "acl" and c.tag_ == "VBN":  # "the attack, reportedly conducted by the Taliban"
            heads.extend(_acl_agents(c))
    if heads:
        return heads
    cur = tok
    for _ in range(3):
        head = cur.head
        if head.i == cur.i or cur.dep_ not in ("nsubjpass", "dobj", "pobj", "prep", "nsubj"):
            break
        for lv in light_verbs().get(head.lemma_.lower(), ()):
            if lv.kind != "attribution" or lv.role is None:
                continue
            if lv.role == "subject":
                return subjects(head)
            word = lv.role.partition(":")[2]
            return [o for c in head.children if c.dep_ == "prep" and c.lower_ == word for o in pobjs(c)]
        cur = head
    return []


# ---- dates -----------------------------------------------------------------------------------
def date_roots(doc: Doc, dates: Sequence[DateFact], size: int) -> list[tuple[Token, DateFact]]:
    """The head token of each resolved date the dates extractor found in the document."""
    out: list[tuple[Token, DateFact]] = []
    for fact in dates:
        if fact.value is None or fact.evidence.start < 0 or fact.evidence.end > size:
            continue
        span = doc.char_span(fact.evidence.start, fact.evidence.end, alignment_mode="expand")
        if span is not None and len(span):
            out.append((span.root, fact))
    return out


def anchor(tok: Token, clauses: set[int]) -> Token | None:
    """The first event clause (or, failing that, the first verb) above ``tok``."""
    cur = tok
    first_verb = None
    for _ in range(10):
        if cur.i in clauses:
            return cur
        if first_verb is None and cur.pos_ in ("VERB", "AUX") and cur.i != tok.i:
            first_verb = cur
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return first_verb


def ancestors(tok: Token) -> list[int]:
    """Indices of the tokens above ``tok``, nearest first (ten at most)."""
    out = []
    cur = tok
    for _ in range(10):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        out.append(cur.i)
    return out
