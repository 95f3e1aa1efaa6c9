"""The conditions of a verb pattern (``needs`` in ``event_verbs.tsv``), checked on the dependency parse.

A pattern holds when every condition does: particles and prepositions on the verb, words near it or in
its argument phrases, its object's or subject's lemma, an evaluative predicate, a conditional clause, a
that-clause of a given kind (an event, a named side, an act to come). :class:`ClauseFacts` reads a clause's
words once for the dozens of compiled CAMEO rows a verb may have. Pure functions over tokens; the words are
data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.extract.events.arguments import (
    CLAUSAL,
    NAMED_ENTS,
    PREP_DEPS,
    acted_on,
    evaluation_of,
    if_clause,
    objects,
    within,
)
from newsgraph.extract.events.groups import counted
from newsgraph.extract.events.modality import too_to
from newsgraph.extract.events.nominal import noun_pattern
from newsgraph.extract.syntax import is_passive, pobjs, subjects, token_country
from newsgraph.extract.values.tone import compound_score
from newsgraph.lexicon.agents import agent_sector
from newsgraph.lexicon.events import (
    VerbPattern,
    actor_nouns,
    given_nouns,
    is_reprisal_word,
    sector_of,
    verb_patterns,
)
from newsgraph.lexicon.numbers import currency_name
from newsgraph.lexicon.titles import lookup_title

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["FUTURE_AUX", "ClauseFacts", "needs_ok", "told_to_come"]

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
            words = {c.lower_ for c in v.children if c.dep_ in PREP_DEPS and not _dated(c)}
            words |= {m.lower_ for c in v.children if c.dep_ in CLAUSAL for m in c.children if m.dep_ == "mark"}
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
            objs += [x for o in objs for x in counted(o)]  # "removed dozens of tractors"
            self._objs = frozenset(w for o in objs for w in (o.lemma_.lower(), o.lower_))
        return self._objs


# need kind → the ClauseFacts attribute holding the words it is checked against
_WORD_FACTS = {"prt": "prts", "prep": "preps", "word": "near", "arg": "arg", "subj": "subj", "obj": "objs"}


def _dated(prep: Token) -> bool:
    """A preposition whose objects are all dates or times ("on Thursday", "in March 2020")."""
    objs = [o for o in prep.children if o.dep_ == "pobj"]
    return bool(objs) and all(o.ent_type_ in ("DATE", "TIME") for o in objs)


FUTURE_AUX = frozenset({"will", "would", "wo", "'ll", "shall"})  # auxiliaries of an act told as to come


def told_to_come(clause: Token) -> bool:
    """A clause with a will, would or shall of its own ("would respond to the expulsions")."""
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in clause.children)


_NOT_NAMED_ENTS = frozenset({"GPE", "LOC", "NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "EVENT"})


def _names_someone(tok: Token) -> bool:
    """A person's or organization's name ("a ticket of Jane Doe", "his running mate, John Roe")."""
    return tok.ent_type_ in NAMED_ENTS or (tok.pos_ == "PROPN" and tok.ent_type_ not in _NOT_NAMED_ENTS)


def _gainsaid(comp: Token) -> bool:
    """A reported clause that says no: "said Russia was not to blame", "said it was too early to blame anyone"."""
    preds = [comp, *(a for a in comp.children if a.dep_ in ("xcomp", "acomp", "attr"))]  # "not to blame"
    if any(x.dep_ == "neg" for p in preds for x in p.children):
        return True
    return any(too_to(x) for a in comp.children if a.dep_ == "acomp" for x in a.children)  # "too early to blame"


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
        elif kind in ("tocomp", "tocoop"):  # "told protesters to leave", "was ready to send": what to do
            comps = _to_complements(clause)
            ok = bool(comps) and (kind == "tocomp" or not any(_hostile(c) for c in comps))
        elif kind in ("comp", "nocomp"):  # "claimed protesters were sent by X"; "agreed that ...": an opinion
            ok = any(c.dep_ == "ccomp" for c in clause.children) == (kind == "comp")
        elif kind == "compfact":  # "said the vote was rigged", not "said India does not interfere": a denial
            ok = any(c.dep_ == "ccomp" and not _gainsaid(c) for c in clause.children)
        elif kind == "named":  # "nominated Jane Doe": a named object, not "select their nominees"
            ok = any(_names_someone(t) for o in objects(clause) for t in [o, *within(o, 2)])
        elif kind == "person":  # "Lungu was freed": a person named, not "released iPhone 17"
            ok = any(t.ent_type_ == "PERSON" for o in objects(clause) for t in [o, *within(o, 2)])
        elif kind == "verbal":  # "Trump attacked Biden", "attacked the proclamation": words, not force
            ok = _verbal(clause)
        elif kind == "country":  # "recognized Israel", "stood with Canada": the object names a country
            heads = objects(clause) or [o for c in clause.children if c.dep_ in PREP_DEPS for o in pobjs(c)]
            # a country's name, whatever the model tagged it ("Gabon" as a person)
            ok = any(o.pos_ == "PROPN" and o.ent_type_ != "NORP" and token_country(o) for o in heads)
        elif kind == "given":  # "pledged 200 million yuan in grants": money or help
            ok = gives(clause)
        elif kind == "compevent":  # "claimed Houthis attacked journalists": the claim accuses
            ok = _comp_event(clause, need.words)
        elif kind == "compfuture":  # "warned that Chile would file a complaint": an act to come, announced
            ok = _comp_future(clause, need.words)
        elif kind == "tocome":  # "said Russia would respond to the expulsions": told as to come
            ok = told_to_come(clause)
        elif kind == "compnamed":  # "claimed Iran spoofed e-mails": a named side did something
            ok = _comp_named(clause)
        else:
            ok = if_clause(clause) is not None
        if not ok:
            return False
    return True


def _to_complements(clause: Token) -> list[Token]:
    """The to-infinitives of a clause or of its adjective ("told them to leave", "was ready to send")."""
    heads = [clause, *(c for c in clause.children if c.dep_ == "acomp")]
    return [c for h in heads for c in h.children if c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children)]


_HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION", "THREATEN", "MOBILIZE", "ACCUSE", "PROTEST", "REJECT"})


def _hostile(verb: Token) -> bool:
    """A verb whose first hand-written row that holds codes an act against a side, or whose rows all do when none
    holds ("ready to strike", "willing to expel"; not "ready to send convoys", an offer of aid)."""
    rows = [p for p in verb_patterns().get(verb.lemma_.lower(), ()) if p.cameo is None and p.type is not None]
    first = next((p for p in rows if needs_ok(p, verb)), None)
    if first is not None:
        return first.type in _HOSTILE
    return bool(rows) and all(p.type in _HOSTILE for p in rows)  # "ready to strike Ukraine": force, whatever the row


_FUTURE = frozenset({"will", "would", "could", "might", "may", "shall", "'ll", "wo"})
_WITHHELD = frozenset({"SUPPORT", "AGREE", "COOPERATE", "AID"})  # what a warning can threaten to withhold


def _comp_future(clause: Token, types: frozenset[str]) -> bool:
    """A that-clause told as to come ("will", "would", "could") whose verb a hand-written row codes as one of
    ``types``, active or passive ("warned that other camps could be closed"), or whose subject or object is an
    event noun of those types ("warned that further sanctions could follow", "would call a strike")."""
    for comp in (c for c in clause.children if c.dep_ == "ccomp"):
        if not any(a.dep_ == "aux" and a.lower_ in _FUTURE for a in comp.children):
            continue
        # "would consider withdrawing", "would move to expel": the act the clause's verb leads to counts too
        for verb in [comp, *(x for x in comp.children if x.dep_ == "xcomp")]:
            rows = verb_patterns().get(verb.lemma_.lower(), ())
            if any(c.dep_ == "neg" for c in verb.children) and any(
                p.cameo is None and p.type in _WITHHELD for p in rows
            ):
                return True  # "warned that the New Democrats would not support the government": support withheld
            if any(
                (p.cameo is None or p.specific) and p.type in types and "subj" not in p.target and needs_ok(p, verb)
                for p in rows
            ):
                return True
        if _reprisal(comp) or _own_side_acts(clause, comp) or _conditional_act(clause, comp):
            return True  # "warned that Russia would respond", "that Ankara would stop accepting crude"
        for noun in (c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")):
            pat = noun_pattern(noun)
            if pat is not None and pat.type in types:
                return True
    return False


_STATIVE = frozenset({"be", "have", "become", "seem", "remain", "need", "want", "like", "know", "cost", "take"})


def _own_side_acts(clause: Token, comp: Token) -> bool:
    """The warned clause tells what the warner's own side will do ("the minister warned that Ankara would stop
    accepting crude", "warned that it would review its ties"): a threat whatever the act, not a forecast."""
    if comp.pos_ != "VERB" or comp.lemma_.lower() in _STATIVE or any(c.dep_ == "neg" for c in comp.children):
        return False
    said = [s for s in comp.children if s.dep_ == "nsubj"]
    if len(said) != 1:
        return False
    if said[0].lower_ in ("we", "it"):
        return True
    own = {token_country(t) for w in subjects(clause) for t in [w, *w.subtree]} - {None}
    return token_country(said[0]) in own


_PERSONAL = frozenset({"he", "she", "it", "we", "they", "i"})


def _conditional_act(clause: Token, comp: Token) -> bool:
    """The warned clause tells an act to come on a condition ("warned that members would block fuel depots if the
    talks failed", "that the levy could be extended if the ban stayed"): a threat whoever acts, as the codebook's
    THREATEN is conditional by nature. A forecast of how things will go ("stocks would run out unless funding
    arrived") has no one acting: the clause is passive or its subject is a pronoun, a name or a noun for people."""
    if comp.pos_ != "VERB" or comp.lemma_.lower() in _STATIVE or any(c.dep_ == "neg" for c in comp.children):
        return False
    if if_clause(comp) is None and if_clause(clause) is None:
        return False
    if is_passive(comp):
        return True
    return any(_acting(s) for s in comp.children if s.dep_ == "nsubj")


def _acting(subject: Token) -> bool:
    """A subject that can act: a personal pronoun, a name, or a noun for people or bodies ("members", "officers")."""
    if subject.pos_ == "PRON":
        return subject.lower_ in _PERSONAL
    if subject.pos_ == "PROPN" or subject.ent_type_ in NAMED_ENTS or token_country(subject):
        return True
    lemma = subject.lemma_.lower()
    return lemma in actor_nouns() or sector_of(lemma) is not None or agent_sector(subject.lower_) is not None


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


def gives(clause: Token) -> bool:
    """The clause's object is money or material help: a sum ("$5 million", "200 million yuan"), a noun of
    ``given_nouns.tsv`` ("a grant", "relief supplies"), or a figure of one ("400 tonnes of supplies")."""
    for obj in objects(clause):
        if noun_pattern(obj) is not None:
            continue  # "approved a loan": the event noun's own row codes it, with its light verb
        if obj.ent_type_ == "MONEY" or obj.lemma_.lower() in given_nouns() or currency_name([obj.lower_])[0]:
            return True
        for c in obj.children:  # "a line of credit", "a package of aid", "tonnes of relief supplies"
            if c.dep_ == "prep" and c.lower_ == "of" and any(o.lemma_.lower() in given_nouns() for o in pobjs(c)):
                return True
    # "provided them with food": what the recipient is given comes after "with"
    withs = [o for c in clause.children if c.dep_ == "prep" and c.lower_ == "with" for o in pobjs(c)]
    return any(o.lemma_.lower() in given_nouns() for o in withs)


def asks_release(clause: Token) -> bool:
    """The clause asks for someone's release ("demanded the release of the fishermen", "called for the
    immediate release of X", "urged Y to free X")."""
    heads = acted_on(clause) + [x for x in clause.children if x.dep_ in ("xcomp", "ccomp")]
    return any(h.lemma_.lower() in _RELEASING for h in heads)


_RELEASING = frozenset({"release", "free", "freeing", "freedom"})
