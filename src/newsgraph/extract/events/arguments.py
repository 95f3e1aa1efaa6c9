"""Arguments of event triggers read from the dependency parse (``extract/events.py``).

A verb pattern's conditions (``needs``: particles, prepositions, nearby words, the object's
lemma, an evaluative predicate, a conditional clause) and argument slots (``target`` and
``actor`` columns of ``event_verbs.tsv``) are checked and filled here; so are the actor of a
nominal event (possessor, by-phrase, country adjective, attribution verb) and the light verb
that carries a noun ("held talks"). Pure functions over tokens; the words are data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.extract.events.nominal import noun_pattern
from newsgraph.extract.syntax import conjuncts, is_passive, pobjs, subjects, token_country
from newsgraph.extract.values.tone import compound_score
from newsgraph.lexicon.countries import capital_country, country_code
from newsgraph.lexicon.events import (
    VerbPattern,
    act_types,
    actor_nouns,
    anaphor_types,
    evaluation,
    is_reprisal_word,
    light_verbs,
    sector_of,
    strong_valence,
    verb_patterns,
)
from newsgraph.lexicon.titles import lookup_title

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Doc, Token

    from newsgraph.core.model import DateFact

__all__ = [
    "ancestors",
    "anchor",
    "characterizes",
    "clause_of",
    "date_roots",
    "evaluation_of",
    "fallback_heads",
    "if_clause",
    "judge_predicate",
    "needs_ok",
    "objects",
    "own_actor_heads",
    "preps",
    "slot_heads",
]

_PREP_DEPS = frozenset({"prep", "mark", "dative", "agent", "prt"})
_CLAUSAL = frozenset({"xcomp", "advcl", "ccomp"})
_SMALL_CLAUSE = frozenset({"ccomp", "oprd", "acomp", "xcomp"})
_COND = frozenset({"if", "unless"})
_NEAR = frozenset({"at", "outside", "around", "near"})
_WHEN = frozenset({"DATE", "TIME"})


def preps(v: Token, word: str, *, objects: bool = True) -> list[Token]:
    """Prepositions ``word`` on the verb or its to-infinitive ("refused to play against X"), complementisers
    ``word`` of its clausal complements ("called for X to adhere") and, with ``objects``, prepositions on its
    object ("suspended talks with X")."""
    out = [c for c in v.children if c.lower_ == word and c.dep_ in _PREP_DEPS]
    for c in v.children:
        if c.dep_ == "xcomp" and c.pos_ == "VERB":  # "refused to play against X", "agreed to work with X"
            out.extend(m for m in c.children if m.lower_ == word and m.dep_ == "prep")
        if c.dep_ in _CLAUSAL:
            out.extend(m for m in c.children if m.lower_ == word and m.dep_ == "mark")
        elif objects and c.dep_ in ("dobj", "acomp", "oprd"):
            out.extend(m for m in c.children if m.lower_ == word and m.dep_ == "prep")
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
    preds += [o for c in clause.children if c.dep_ == "prep" and c.lower_ == "as" for o in pobjs(c)]
    for obj in (c for c in clause.children if c.dep_ == "dobj"):  # "called Trump's order swift": a late amod
        preds.extend(a for a in obj.rights if a.dep_ == "amod")
    return judge_predicate(preds, people=_characterizes_someone(clause))


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
        head.ent_type_ in _NAMED_ENTS
        or head.lower_ in _PEOPLE_PRONOUNS
        or sector_of(head.lemma_.lower()) is not None
        or head.lemma_.lower() in actor_nouns()
    )


def objects(v: Token) -> list[Token]:
    """Logical objects: direct object, passive subject, subject of a small clause."""
    if is_passive(v):
        objs = [c for c in v.children if c.dep_ == "nsubjpass"]
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


_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
# The verb's argument phrases: what CAMEO patterns put after the verb ("* AID", "* (FOR RELEASE)").
_ARG_DEPS = frozenset({"dobj", "dative", "iobj", "prep", "agent", "prt", "attr", "oprd", "acomp", "npadvmod", "pobj"})
_NOUN_CLAUSES = frozenset({"acl", "relcl", "ccomp", "xcomp", "advcl", "csubj", "parataxis", "conj", "appos"})


def _arg_words(clause: Token) -> frozenset[str]:
    """Lemmas and forms of the words in the verb's argument phrases (object, particle, prepositional
    phrases, predicate), three levels down, not entering a clause ("reported that the attack ...": no)."""
    out: set[str] = set()
    level = [c for c in clause.children if c.dep_ in _ARG_DEPS]
    for _ in range(3):
        for t in level:
            out.add(t.lemma_.lower())
            out.add(t.lower_)
        level = [c for t in level for c in t.children if c.dep_ not in _NOUN_CLAUSES]
    return frozenset(out)


def _near_words(clause: Token) -> frozenset[str]:
    """Lemmas and forms of the words at most three levels below a clause, its subject left out (what
    ``word:`` needs look for: the verb's object side, "gave the country aid")."""
    out: set[str] = set()
    for child in clause.children:
        if child.dep_ in _SUBJECT_DEPS or (child.dep_ == "conj" and child.pos_ in ("VERB", "AUX")):
            continue
        for t in [child, *within(child, 2)]:
            out.add(t.lemma_.lower())
            out.add(t.lower_)
    return frozenset(out)


_ADVERB_PARTICLES = frozenset({"away", "off", "back", "out", "down", "up"})


def _particle(c: Token) -> bool:
    """A verb's particle, also where the parser reads it otherwise: "walked out of" (a preposition with "of"
    below it), "were led away" (an adverb)."""
    if c.dep_ == "prt":
        return True
    if c.dep_ == "prep" and c.lower_ == "out":
        return any(x.dep_ == "prep" and x.lower_ == "of" for x in c.children)
    return c.dep_ == "advmod" and c.lower_ in _ADVERB_PARTICLES and c.i == c.head.i + 1


class ClauseFacts:
    """What the needs of many patterns ask about one clause, each read once: its particles, its
    prepositions and complementisers, the words near it and in its argument phrases, its subjects'
    and objects' words. The CAMEO rows try dozens of patterns per verb; this keeps that cheap."""

    __slots__ = ("_arg", "_near", "_objs", "_preps", "_prts", "_subj", "clause")

    def __init__(self, clause: Token) -> None:
        self.clause = clause
        self._prts: frozenset[str] | None = None
        self._preps: frozenset[str] | None = None
        self._near: frozenset[str] | None = None
        self._arg: frozenset[str] | None = None
        self._subj: frozenset[str] | None = None
        self._objs: frozenset[str] | None = None

    @property
    def prts(self) -> frozenset[str]:
        if self._prts is None:
            self._prts = frozenset(c.lower_ for c in self.clause.children if _particle(c))
        return self._prts

    @property
    def preps(self) -> frozenset[str]:
        """Prepositions on the verb and complementisers of its clausal complements (``preps(objects=False)``)."""
        if self._preps is None:
            v = self.clause
            # "on Thursday", "in March": a date's preposition says when, not whom ("fired on Thursday")
            words = {c.lower_ for c in v.children if c.dep_ in _PREP_DEPS and not _dated(c)}
            words |= {m.lower_ for c in v.children if c.dep_ in _CLAUSAL for m in c.children if m.dep_ == "mark"}
            self._preps = frozenset(words)
        return self._preps

    @property
    def near(self) -> frozenset[str]:
        if self._near is None:
            self._near = _near_words(self.clause)
        return self._near

    @property
    def arg(self) -> frozenset[str]:
        if self._arg is None:
            self._arg = _arg_words(self.clause)
        return self._arg

    @property
    def subj(self) -> frozenset[str]:
        if self._subj is None:
            self._subj = frozenset(w for s in subjects(self.clause) for w in (s.lemma_.lower(), s.lower_))
        return self._subj

    @property
    def objs(self) -> frozenset[str]:
        if self._objs is None:
            clause = self.clause
            # "measures, which the government dropped": the relative pronoun stands for the noun
            objs = [clause.head if o.tag_ in ("WDT", "WP") and clause.dep_ == "relcl" else o for o in objects(clause)]
            # "fired Commerce Minister Emmanuel Lungu": a name's title words count as the object's
            objs += [c for o in objs if o.pos_ == "PROPN" for c in o.children if c.dep_ == "compound"]
            self._objs = frozenset(w for o in objs for w in (o.lemma_.lower(), o.lower_))
        return self._objs


# need kind → the ClauseFacts attribute holding the words it is checked against
_WORD_FACTS = {"prt": "prts", "prep": "preps", "word": "near", "arg": "arg", "subj": "subj", "obj": "objs"}


def _dated(prep: Token) -> bool:
    """A preposition whose objects are all dates or times ("on Thursday", "in March 2020")."""
    objs = [o for o in prep.children if o.dep_ == "pobj"]
    return bool(objs) and all(o.ent_type_ in ("DATE", "TIME") for o in objs)


_NAMED_ENTS = frozenset({"PERSON", "ORG"})
_NOT_NAMED_ENTS = frozenset({"GPE", "LOC", "NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "EVENT"})


def _names_someone(tok: Token) -> bool:
    """A person's or organization's name ("a ticket of Jane Doe", "his running mate, John Roe")."""
    return tok.ent_type_ in _NAMED_ENTS or (tok.pos_ == "PROPN" and tok.ent_type_ not in _NOT_NAMED_ENTS)


def needs_ok(pat: VerbPattern, clause: Token, facts: dict[int, ClauseFacts] | None = None) -> bool:
    """Whether every condition of ``pat`` holds on ``clause``; ``facts`` keeps each clause's
    :class:`ClauseFacts` across the patterns tried on it."""
    if not pat.needs:
        return True
    if facts is None:
        facts = {}
    known = facts.get(clause.i)
    if known is None:
        known = facts[clause.i] = ClauseFacts(clause)
    for need in pat.needs:
        kind = need.kind
        if kind in _WORD_FACTS:  # the words of the clause's particles, prepositions, dependents, ... (ClauseFacts)
            ok = not need.words.isdisjoint(getattr(known, _WORD_FACTS[kind]))
        elif kind == "eval":
            ok = evaluation_of(clause) in need.words
        elif kind == "noobj":  # "thousands demonstrated" (a protest), not "demonstrated its strength"
            ok = not any(c.dep_ in ("dobj", "ccomp") for c in clause.children)
        elif kind == "tocomp":  # "told protesters to leave", "were told to stay": what one is told to do
            ok = any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in clause.children)
        elif kind in ("comp", "nocomp"):  # "claimed protesters were sent by X"; "agreed that ...": an opinion
            ok = any(c.dep_ == "ccomp" for c in clause.children) == (kind == "comp")
        elif kind == "named":  # "nominated Jane Doe": a named object, not "select their nominees"
            ok = any(_names_someone(t) for o in objects(clause) for t in [o, *within(o, 2)])
        elif kind == "verbal":  # "Trump attacked Biden", "attacked the proclamation": words, not force
            ok = _verbal(clause)
        elif kind == "country":  # "recognized Israel": the object names a country
            ok = any(o.ent_type_ == "GPE" and token_country(o) for o in objects(clause))
        elif kind == "compevent":  # "claimed Houthis attacked journalists": the claim accuses
            ok = _comp_event(clause, need.words)
        elif kind == "compfuture":  # "warned that Chile would file a complaint": an act to come, announced
            ok = _comp_future(clause, need.words)
        elif kind == "compnamed":  # "claimed Iran spoofed e-mails": a named side did something
            ok = _comp_named(clause)
        else:
            ok = if_clause(clause) is not None
        if not ok:
            return False
    return True


_FUTURE = frozenset({"will", "would", "could", "might", "may", "shall", "'ll", "wo"})


def _comp_future(clause: Token, types: frozenset[str]) -> bool:
    """A that-clause told as to come ("will", "would", "could") whose verb a hand-written row codes as one of
    ``types``, active or passive ("warned that other camps could be closed"), or whose subject or object is an
    event noun of those types ("warned that further sanctions could follow", "would call a strike")."""
    for comp in (c for c in clause.children if c.dep_ == "ccomp"):
        if not any(a.dep_ == "aux" and a.lower_ in _FUTURE for a in comp.children):
            continue
        rows = verb_patterns().get(comp.lemma_.lower(), ())
        if any(
            (p.cameo is None or p.specific) and p.type in types and "subj" not in p.target and needs_ok(p, comp)
            for p in rows
        ):
            return True
        if _reprisal(comp):
            return True  # "warned that Russia would respond", "that further measures could follow"
        for noun in (c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")):
            pat = noun_pattern(noun)
            if pat is not None and pat.type in types:
                return True
    return False


def _reprisal(verb: Token) -> bool:
    """A clause of a reprisal: its verb ("would respond", "reserves the right to respond in kind") or its
    subject or object, a reprisal on its own ("further measures could follow"; not "the response to the
    pandemic would take years")."""
    if any(c.dep_ == "neg" for c in verb.children):
        return False  # "warned that the measures would not be enough"
    if is_reprisal_word(verb.lemma_):
        return True
    copula = verb.lemma_ == "be"
    for c in verb.children:
        if c.dep_ in ("xcomp", "acl") and is_reprisal_word(c.lemma_):
            return True
        topic = any(p.dep_ == "prep" and p.lower_ in ("to", "of", "for", "on") for p in c.children)
        if c.dep_ in ("nsubj", "nsubjpass", "dobj") and is_reprisal_word(c.lemma_) and not (topic or copula):
            return True
        if c.dep_ == "dobj" and any(x.dep_ == "acl" and is_reprisal_word(x.lemma_) for x in c.children):
            return True  # "reserves the right to respond"
    return False


def _comp_event(clause: Token, types: frozenset[str]) -> bool:
    """A that-clause whose verb (or a verb joined to it) a hand-written row codes as one of ``types``, its
    subject the doer ("claimed Houthis attacked journalists"; not "claimed she had received threats")."""
    for comp in (c for c in clause.children if c.dep_ == "ccomp"):
        for verb in (comp, *(x for x in comp.children if x.dep_ == "conj" and x.pos_ == "VERB")):
            if is_passive(verb):
                continue
            rows = verb_patterns().get(verb.lemma_.lower(), ())
            if any(p.cameo is None and p.type in types and "subj" not in p.target and needs_ok(p, verb) for p in rows):
                return True
    return False


_SIDE_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _comp_named(clause: Token) -> bool:
    """A that-clause in the active voice whose subject names a person, an organization, a polity or a
    nationality, its verb no copula ("claimed Iran spoofed e-mails", "alleges that Smith paid a friend"; not
    "claimed Lincoln was the last ...", a description, nor "alleged Navalny was poisoned", a victim)."""
    for comp in (c for c in clause.children if c.dep_ == "ccomp"):
        if comp.pos_ != "VERB" or comp.lemma_.lower() == "be" or is_passive(comp):
            continue
        if not any(s.ent_type_ in _SIDE_ENTS or (_names_someone(s) and s.text[:1].isupper()) for s in subjects(comp)):
            continue
        words = comp.doc[comp.left_edge.i : comp.right_edge.i + 1].text
        if compound_score(words) < _PRAISING:  # "claimed the striker scored twice" credits, not accuses
            return True
    return False


_PRAISING = 0.4  # VADER compound score from which a claim about someone speaks well of them


def _verbal(clause: Token) -> bool:
    """A named person, or a political camp ("Democrats", "Republicans": a group name of no country), acting
    on a person or on something abstract (no name, no place, no group)."""
    if not any(t.ent_type_ == "PERSON" or _camp(t) or _titled(t) for t in subjects(clause)):
        return False
    objs = objects(clause)
    return bool(objs) and all(
        o.ent_type_ == "PERSON" or (not o.ent_type_ and o.pos_ == "NOUN" and sector_of(o.lemma_.lower()) is None)
        for o in objs
    )


def _titled(tok: Token) -> bool:
    """A person named by an office ("the president", "the opposition leader"): words, not force."""
    return tok.pos_ == "NOUN" and tok.tag_ == "NN" and lookup_title((tok.lower_,)) is not None


def _camp(tok: Token) -> bool:
    """A party's people named as a group ("Democrats", "the Republicans"), not a nation ("Iranians")."""
    return tok.ent_type_ == "NORP" and tok.tag_ == "NNPS" and token_country(tok) is None


# ---- argument slots --------------------------------------------------------------------
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
    # near: a place preposition on the verb or the verb it depends on ("gathered outside X to protest")
    places = [clause] if clause.head.i == clause.i else [clause, clause.head]
    return [o for v in places for c in v.children if c.dep_ == "prep" and c.lower_ in _NEAR for o in pobjs(c)]


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
        elif c.dep_ == "compound" and (hit := sector_of(c.lemma_.lower())) is not None and hit.sector in _FORCES:
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
