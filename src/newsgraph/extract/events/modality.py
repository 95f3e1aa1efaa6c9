"""Is an event clause a fact, or negated, hypothetical, denied or only intended?

DESIGN.md, principle 2: "Negated, hypothetical and reported-intent clauses are
flagged, not coded as facts." :func:`clause_modality` reads the dependency parse
around an event trigger:

- the trigger's own clause: a negation ("did not make", "never"), a modal or future
  auxiliary ("could attack", "will visit"), a conditional conjunction ("if");
- the verbs it depends on through a to-complement: intent ("plans to", "threatened to",
  "wants to") → hypothetical; failure or denial ("refused to", "denied attacking") →
  negated; their own negation and modals carry over ("was not planning to go");
- conjoined verbs share the auxiliaries and conditions of the first one
  ("could attack and invade", "if X wanted to - or started a war");
- a that-complement of a denial verb is negated ("denied that troops crossed"), of an
  imagining verb hypothetical ("imagine if the rebels got their way"); reported speech
  ("said that X attacked") stays a fact;
- a nominal event is negated by "no" or "without", hypothetical under "risk of",
  "threat of", "plans for";
- an event inside an accusation is only alleged, so hypothetical ("accused X of
  attacking", "holds X responsible for a cyberattack").

The words are data (``lexicon/data/modality_cues.tsv``); only the dependency labels
are grammar constants here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsgraph.extract.dateline import in_dateline
from newsgraph.extract.sayer import FINITE, sayer_clause
from newsgraph.extract.tokens import token_records
from newsgraph.lexicon.cues import speech_verbs
from newsgraph.lexicon.events import modality_kinds

if TYPE_CHECKING:
    from spacy.tokens import Token

_SUBJ = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
_AUX = frozenset({"aux", "auxpass"})
_NEG_DEPS = frozenset({"neg", "advmod", "det", "preconj"})
_NOMINAL_UP = frozenset({"pobj", "prep", "pcomp", "dobj", "nsubj", "nsubjpass", "attr", "appos", "conj", "compound"})
_NOMINAL_NEG = frozenset({"no", "nor", "neither"})  # negate a noun, not the clause
_MAX_STEPS = 12
_WHEN_PREPS = frozenset({"after", "before", "since", "upon", "while", "during", "following", "until"})


@dataclass(frozen=True, slots=True)
class Modality:
    """The factuality of a clause; ``cue`` is the word that decided it (None for a fact)."""

    negated: bool = False
    hypothetical: bool = False
    cue: str | None = None

    @property
    def is_fact(self) -> bool:
        return not (self.negated or self.hypothetical)


FACT = Modality()


class _Acc:
    __slots__ = ("cue", "hyp", "neg")

    def __init__(self) -> None:
        self.neg = False
        self.hyp = False
        self.cue: str | None = None

    def set(self, *, neg: bool = False, hyp: bool = False, cue: str) -> None:
        if neg:
            self.neg = True
        if hyp:
            self.hyp = True
        if self.cue is None:
            self.cue = cue

    def result(self) -> Modality:
        if not (self.neg or self.hyp):
            return FACT
        return Modality(self.neg, self.hyp, self.cue)


def _content_clause(verb: Token) -> bool:
    """A clause the parser calls relative that tells a noun's content ("the allegation that soldiers shot the
    farmers"): "that" as its complementiser and an object of its own (in "allegations that the army denied" the
    noun is the object)."""
    children = list(verb.children)
    return (
        any(c.dep_ == "mark" for c in children)
        and not any(c.tag_ in ("WDT", "WP") and c.dep_ != "mark" for c in children)
        and any(c.dep_ in ("dobj", "nsubjpass", "ccomp", "attr") for c in children)
    )


def _answering(verb: Token) -> bool:
    """A denial with no object of its own under a noun: a relative clause whose object is the noun
    ("allegations that police have denied"), not the noun's content ("rumours that he had resigned")."""
    return "denial" in _governor_kinds(verb) and not any(c.dep_ in ("dobj", "ccomp") for c in verb.children)


def unsaid(verb: Token) -> bool:
    """A speech verb negated or fallen short of ("did not say", "stopped short of saying", "refused to say"):
    what it would report is not told."""
    if verb.lemma_.lower() not in speech_verbs():
        return False
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":  # "stopped short of saying", "fell short of saying"
        gov = verb.head.head
        return _fell_short(gov) or "failure" in _governor_kinds(gov)
    return verb.dep_ == "xcomp" and "failure" in _governor_kinds(verb.head)


def _has_subject(tok: Token) -> bool:
    return any(c.dep_ in _SUBJ for c in tok.children)


def _until(tok: Token) -> bool:
    """ "did not endorse her until July": the act happened, later ("until" on the clause or its adverbial); not
    so when it is still to come ("would not lift the blockades until the decree was repealed": refused for now)."""
    if any(c.dep_ == "aux" and c.lower_ in _TO_COME for c in tok.children):
        return False
    return any(
        c.lower_ == "until" or (c.dep_ == "advcl" and any(m.lower_ == "until" for m in c.children))
        for c in tok.children
    )


_TO_COME = frozenset({"will", "would", "wo", "'ll", "shall", "can", "could", "ca"})


def _own_clause(tok: Token, acc: _Acc, *, negation: bool = True, conditions: bool = True) -> None:
    """Negation, modal/future auxiliaries and conditional marks among ``tok``'s children."""
    negation = negation and not _until(tok)
    for c in tok.children:
        if negation and c.dep_ in ("nsubj", "nsubjpass") and _negative_subject(c):
            acc.set(neg=True, cue=c.lower_)  # "nobody agreed", "not everyone agreed", "no country condemned"
            continue
        kinds = modality_kinds(c.lower_)
        if not kinds:
            continue
        negated = "negation" in kinds and c.dep_ in _NEG_DEPS and c.lower_ not in _NOMINAL_NEG
        fell_short = "shortfall" in kinds and c.dep_ == "advmod"  # "almost killed": it did not happen
        if negation and (negated or fell_short):
            acc.set(neg=True, cue=c.lower_)
        elif (c.dep_ in _AUX and kinds & {"modal", "future"} and not _performative(tok, c)) or (
            conditions and c.dep_ == "mark" and "condition" in kinds
        ):
            acc.set(hyp=True, cue=c.lower_)


# speech acts a speaker performs by saying "I would ...": "I would urge anyone with information to call us"
_PERFORMATIVE = frozenset({"urge", "ask", "encourage", "appeal", "request", "invite", "advise", "remind", "call"})


def _polite_wish(verb: Token) -> bool:
    """ "We would like to thank X", "I wish to congratulate X": a speech act performed by wishing to do it."""
    head = verb.head
    if verb.dep_ != "xcomp" or head.lemma_.lower() not in ("like", "wish", "want") or head.i == verb.i:
        return False
    if verb.lemma_.lower() not in _PERFORMATIVE | _ACKNOWLEDGING:
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in head.children)


_ACKNOWLEDGING = frozenset({"thank", "congratulate", "apologize", "apologise", "welcome", "praise", "express"})


def _performative(verb: Token, aux: Token) -> bool:
    """A polite first-person request ("we would urge", "I would ask"): made by saying it, no hypothesis."""
    if aux.lower_ not in ("would", "'d") or verb.lemma_.lower() not in _PERFORMATIVE:
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in verb.children)


def _subjunctive(clause: Token) -> bool:
    """A that-clause of a demand with a bare verb or "should" ("that the president step down")."""
    if any(c.dep_ == "aux" and c.lower_ in ("should", "must") for c in clause.children):
        return True
    singular = any(c.dep_ == "nsubj" and c.tag_ in ("NN", "NNP") for c in clause.children)
    return clause.tag_ == "VB" or (clause.tag_ == "VBP" and singular)  # "that the president resign"


def _negative_subject(subj: Token) -> bool:
    if subj.lower_ in _NOMINAL_NEG:
        return False  # "neither X nor Y": a coordination, read elsewhere
    if "negation" in modality_kinds(subj.lower_):
        return True
    return any(
        c.dep_ in ("neg", "det", "advmod", "preconj") and "negation" in modality_kinds(c.lower_) for c in subj.children
    )


def _fell_short(word: Token) -> bool:
    """ "stopped short of closing", "fell short of approving": a failure word that is no verb."""
    return word.pos_ in ("ADV", "ADJ") and "failure" in _governor_kinds(word)


def _governor_kinds(head: Token) -> frozenset[str]:
    kinds = modality_kinds(head.lemma_) or modality_kinds(head.lower_)
    if not kinds and head.tag_ == "VBZ" and head.lower_.endswith("s"):
        kinds = modality_kinds(head.lower_[:-1])  # the small model lemmatizes "hopes" as "hop"
    return kinds


def _nominal(tok: Token, acc: _Acc) -> None:
    """Negation and irrealis around a nominal event, up to the first verb."""
    if any(c.dep_ == "det" and "negation" in modality_kinds(c.lower_) for c in tok.children):
        acc.set(neg=True, cue="no")
    for mod in tok.children if tok.dep_ != "dobj" else ():  # "began a planned shutdown": the verb's to say
        # "a planned visit", "the proposed talks", "a possible strike", "an alleged raid": not (yet) done
        if mod.dep_ == "amod" and (_governor_kinds(mod) & _UNDONE or mod.lemma_.lower() in _FORESEEN):
            acc.set(hyp=True, cue=mod.lemma_)
    cur = tok
    for _ in range(4):
        head = cur.head
        if head.i == cur.i or cur.dep_ not in _NOMINAL_UP:
            return
        if cur.dep_ == "pobj" and "negation" in modality_kinds(head.lower_):
            acc.set(neg=True, cue=head.lower_)
        if head.pos_ in ("NOUN", "PROPN") and "irrealis" in _governor_kinds(head):
            acc.set(hyp=True, cue=head.lemma_)
        if head.pos_ in ("VERB", "AUX"):
            if cur.dep_ in ("dobj", "pobj", "prep") and "intent" in _governor_kinds(head):
                acc.set(hyp=True, cue=head.lemma_)  # "called for his resignation", "asked for a meeting"
            if cur.dep_ in ("dobj", "nsubjpass") and _calls_off(head):
                acc.set(neg=True, cue=head.lemma_)  # "the march was called off", "postponed the visit": not held
            return
        cur = head


_UNDONE = frozenset({"irrealis", "allegation"})
_FORESEEN = frozenset({"propose", "schedule", "expect", "threaten", "intend"})  # "the threatened strike"
_OFF = frozenset({"call", "put"})  # "called off the march", "put off the vote"


def _calls_off(verb: Token) -> bool:
    """A verb that cancels the planned act it governs: "cancelled", "postponed", "called off"."""
    if "cancel" in _governor_kinds(verb):
        return True
    return verb.lemma_.lower() in _OFF and any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children)


def _generic(verb: Token) -> bool:
    """An act told of no occasion: a gerund that is a clause's subject ("bombing a school is not counter-terrorism",
    "blocking a motorway and attacking gendarmes is not protest"), or a present-tense relative clause of a bare
    plural ("groups that bomb soldiers", "people who kidnap children"): what such doers do, not what was done."""
    head = verb.head if verb.dep_ == "conj" else verb
    if head.dep_ in ("csubj", "csubjpass") and head.tag_ == "VBG":
        return True
    noun = verb.head
    return (
        verb.dep_ == "relcl"
        and verb.tag_ in ("VBP", "VBZ")
        and noun.tag_ == "NNS"
        and not any(c.dep_ in ("det", "poss", "nummod") for c in noun.children)
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    )


_MANY = frozenset({"several", "many", "numerous", "dozens", "hundreds", "thousands", "scores", "some"})
_SPANS = frozenset({"year", "decade"})


def _tally(verb: Token) -> bool:
    """A count of acts over a span told in the perfect ("at least 17 citizens have been detained since 2015",
    "Iran has seized several tankers in recent years"): a tally of many occasions, not one event."""
    head = verb.head if verb.dep_ == "conj" and verb.tag_ == "VBN" else verb
    if verb.tag_ != "VBN" or not any(c.dep_ == "aux" and c.lemma_ == "have" for c in head.children):
        return False
    verbs = [head, *(c for c in head.children if c.dep_ == "conj" and c.tag_ == "VBN")]
    kids = [c for v in verbs for c in v.children]
    if not any(c.dep_ == "prep" and any(_span(o, c.lower_) for o in c.children) for c in kids):
        return False
    return any(c.dep_ in ("nsubjpass", "dobj") and _many(c) for c in kids)


def _span(noun: Token, prep: str) -> bool:
    """Years of time: "since 2015" (not "since Thursday", one crackdown's days), "in recent years", "over the
    past two decades"."""
    if prep == "since":
        return noun.like_num and len(noun.text) == 4 and noun.text.startswith(("19", "20"))
    return (
        noun.lemma_.lower() in _SPANS
        and noun.tag_ == "NNS"
        and any(a.lower_ in ("recent", "past", "last") for a in noun.children)
    )


def _many(noun: Token) -> bool:
    """ "several tankers", "17 citizens", "dozens of people", "several of them"."""
    if noun.lower_ in _MANY:
        return True
    return noun.tag_ == "NNS" and any(
        c.dep_ in ("nummod", "amod") and (c.like_num or c.lower_ in _MANY) for c in noun.children
    )


def too_to(verb: Token) -> bool:
    """An infinitive after "too" + adjective: "too early to blame", "too dangerous to deliver": not done."""
    head = verb.head
    return (
        verb.dep_ == "xcomp"
        and head.pos_ in ("ADJ", "ADV")
        and any(c.dep_ == "advmod" and c.lower_ == "too" for c in head.children)
    )


def _alleged(tok: Token, acc: _Acc) -> None:
    """An event inside an accusation is only alleged: "accused X of attacking", "responsible for the attack"."""
    cur = tok
    for _ in range(4):
        head = cur.head
        if head.i == cur.i or cur.dep_ in ("ccomp", "relcl", "acl", "advcl", "conj"):
            return
        if "allegation" in _governor_kinds(head):
            acc.set(hyp=True, cue=head.lemma_)
            return
        cur = head


def _purpose(verb: Token) -> bool:
    """An infinitive of purpose: an adverbial "to" clause ("sent troops to arrest the leaders")."""
    passive = any(c.dep_ == "auxpass" and c.tag_ == "VB" for c in verb.children)  # "for the four to be released"
    if verb.dep_ != "advcl" or (verb.tag_ != "VB" and not passive):
        return False
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


_DENIALS_KEY = "newsgraph.events.denial_relatives"
_CHARGING = frozenset({"accuse", "blame", "charge", "allege", "claim", "say", "condemn", "criticize", "criticise"})


def _denied_after(clause: Token) -> Token | None:
    """The verb of a trailing ", which X denied" inside the clause itself (not in a clause below it, as in
    "claims X asked for help, which X denied"): what the clause says is disputed."""
    doc = clause.doc
    found: list[int] | None = doc.user_data.get(_DENIALS_KEY)
    if found is None:  # the denial relatives of the document, found once (a run-on sentence is one subtree)
        found = [r.i for r in token_records(doc) if r.dep_ == "relcl" and "denial" in modality_kinds(r.lemma_.lower())]
        doc.user_data[_DENIALS_KEY] = found
    lo, hi = clause.left_edge.i, clause.right_edge.i
    for i in found:
        tok = doc[i]
        if (
            lo <= i <= hi
            and i != clause.i
            and any(c.lower_ == "which" and c.dep_ == "dobj" for c in tok.children)  # what is denied, not who
            and doc[tok.left_edge.i - 1].text == ","
            and _within(tok.head, clause)
        ):
            return tok
    return None


def _within(tok: Token, clause: Token) -> bool:
    """``tok`` hangs on ``clause`` through nouns and prepositions only, no verb between."""
    while tok.i != clause.i:
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return True


# "fired tear gas to disperse the crowd", "used water cannon to break up the march": the force told with its effect
_DISPERSING = frozenset({"disperse", "break", "clear", "scatter", "push"})
_FORCE = frozenset({"fire", "use", "deploy", "lob", "spray", "charge", "shoot"})


def _dispersal(verb: Token) -> bool:
    """A purpose clause of crowd dispersal under an act of force: the dispersal is told as done; so is help that
    people were sent to give ("sent two FBI agents to assist Chilean investigators": the sending is the help)."""
    lemma, head = verb.lemma_.lower(), verb.head.lemma_.lower()
    return (lemma in _DISPERSING and head in _FORCE) or (lemma in _ASSISTING and head in _SENDING)


_TRYING = frozenset({"try", "attempt"})
_MARCHING = frozenset({"march", "rally", "protest", "demonstrate", "gather"})
_ASSISTING = frozenset({"assist", "help", "aid", "support"})
_SENDING = frozenset({"send", "dispatch", "despatch", "deploy", "fly"})


def _parted_complement(verb: Token) -> bool:
    """A to-complement the parser took for a purpose clause because words came between ("offered on Monday to
    mediate", "pledged last week to send aid"): the infinitive of a verb of intent that has no object."""
    head = verb.head
    return (
        _purpose(verb)
        and "intent" in _governor_kinds(head)
        and not any(c.dep_ in ("dobj", "xcomp", "ccomp") and not in_dateline(c) for c in head.children)
    )


def clause_modality(trigger: Token, *, nominal: bool = False) -> Modality:
    """Modality of the clause an event trigger heads.

    ``nominal`` is true for a nominal event without a light verb ("the attack on X"):
    only "no", "without" and irrealis nouns count, not the modality of the verb the
    noun is an argument of ("the attack could be attributed to X" is still an attack).
    """
    if not nominal and _polite_wish(trigger):
        return FACT  # "we would like to thank X": thanked by saying it
    acc = _Acc()
    _alleged(trigger, acc)
    if nominal:
        _nominal(trigger, acc)
        return acc.result()
    cur = trigger
    if _generic(trigger) or _tally(trigger):
        acc.set(hyp=True, cue="generic")  # "bombing a school is not counter-terrorism", "groups that bomb soldiers"
    if _purpose(trigger) and not _parted_complement(trigger) and not _dispersal(trigger):
        acc.set(hyp=True, cue="to")  # "paid bounties to kill soldiers", "sent troops to arrest X": an aim
    if trigger.pos_ == "ADJ" and trigger.dep_ in ("acomp", "attr", "oprd") and trigger.head.i != trigger.i:
        _own_clause(trigger, acc)
        cur = trigger.head  # "was (not) ready": the copula carries the clause
    _own_clause(cur, acc)
    if any(c.dep_ == "dobj" and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children) for c in cur.children):
        acc.set(neg=True, cue="no")  # "paid no ransom", "sent no troops": nothing was done (the verb's own object)
    if (denier := _denied_after(cur)) is not None:
        acc.set(hyp=True, cue=denier.lemma_)  # "had been beaten in custody, which the ministry denied": alleged
    negation_open = True  # an adverbial clause does not inherit the main clause's negation
    for _ in range(_MAX_STEPS):
        head = cur.head
        if head.i == cur.i:
            break
        dep = cur.dep_
        if (sayer := sayer_clause(cur)) is not None:
            cur = sayer  # "denied that X had entered and accused Y": the accusation is made, as the denial is
            _own_clause(cur, acc, negation=negation_open)
            continue
        if dep == "conj" and cur.tag_ in FINITE and head.tag_ == "VB" and head.dep_ in ("xcomp", "ccomp"):
            # "urged X to reconsider and spoke with Y": a finite verb misattached to the bare complement
            # is conjoined with the governor, not asked for
            cur = head.head
            _own_clause(cur, acc, negation=negation_open)
            continue
        if dep == "conj":
            if not _has_subject(cur):
                # "did not want X and calls on Y": a finite verb conjoined with a bare one under "do" keeps
                # clear of its negation
                shares = not (cur.tag_ in FINITE and head.tag_ == "VB")
                _own_clause(head, acc, negation=negation_open and shares)
            else:
                _own_clause(head, acc, negation=False, conditions=True)
        elif dep == "pcomp" and head.dep_ == "prep" and _fell_short(head.head):
            acc.set(neg=True, cue=head.head.lemma_)  # "stopped short of closing the borders": not closed
            break
        elif dep == "pcomp" and head.dep_ == "prep" and head.head.pos_ == "VERB":
            if head.lower_ not in _WHEN_PREPS:
                cur = head  # "depends on Zambia reaching a deal": the preposition's verb governs it, read next
                continue
            # "would decide after consulting its members": as sure as the act it comes before or after
            _own_clause(head.head, acc, negation=False)
            break
        elif dep == "xcomp" or (dep in ("pcomp", "prep") and head.pos_ == "VERB") or _parted_complement(cur):
            if too_to(cur):
                acc.set(neg=True, cue="too")  # "said it was too early to blame any state": no one blamed
            kinds = _governor_kinds(head)
            if head.lemma_.lower() in _TRYING and trigger.lemma_.lower() in _MARCHING:
                kinds = kinds - {"intent"}  # "demonstrators who tried to march on parliament" were marching
            if kinds & {"intent", "obligation"} and (dep == "xcomp" or "intent" in kinds):
                acc.set(hyp=True, cue=head.lemma_)
            if kinds & {"failure", "denial"}:
                acc.set(neg=True, cue=head.lemma_)
            if dep == "xcomp" and any(c.dep_ == "advmod" and c.lower_ == "yet" for c in head.children):
                acc.set(neg=True, cue="yet")  # "the board has yet to approve it", "is yet to sign": not done
            _own_clause(head, acc, negation=negation_open)
        elif dep == "ccomp":
            kinds = _governor_kinds(head)
            if (
                "denial" in kinds
                and cur.i < head.i
                and any(c.dep_ == "dobj" and c.pos_ == "NOUN" for c in head.children)
            ):
                # "X accused Y of arming rebels, a charge Y denies": the denial answers the charge, which was made;
                # what the charge says is only alleged
                if trigger.lemma_.lower() not in _CHARGING:
                    acc.set(hyp=True, cue=head.lemma_)
                break
            if "denial" in kinds and _has_subject(cur):
                acc.set(neg=True, cue=head.lemma_)
            elif (
                "irrealis" in kinds
                or ("allegation" in kinds and head.pos_ == "VERB" and _has_subject(cur))
                or ("intent" in kinds and "commit" not in kinds and _subjunctive(cur))
            ):  # "alleged that he was poisoned": only alleged
                acc.set(hyp=True, cue=head.lemma_)  # "demanded that the president step down": asked for
            elif unsaid(head):
                acc.set(hyp=True, cue=head.lemma_)  # "did not say he would cancel it": nothing said of it
            break  # reported speech: "said that X attacked" stays a fact
        elif dep == "advcl":
            negation_open = False
            _own_clause(head, acc, negation=False, conditions=False)
        elif dep in ("acomp", "attr", "oprd") and trigger.pos_ == "ADJ":
            _own_clause(head, acc, negation=negation_open)
        elif (dep == "acl" or (dep == "relcl" and _content_clause(cur))) and head.pos_ in ("NOUN", "PROPN"):
            kinds = _governor_kinds(head)  # "plans to attack", "the threat to invade", "a bid to expel"
            # "her complaint that guards had beaten her", "the allegation that troops fired": only alleged
            told = _content_clause(cur) or (dep == "acl" and any(c.dep_ == "mark" for c in cur.children))
            if head.dep_ == "dobj" and "denial" in _governor_kinds(head.head) and told:
                acc.set(neg=True, cue=head.head.lemma_)  # "denied reports that its troops had fired": denied
            elif (
                "irrealis" in kinds
                or ("allegation" in kinds and head.pos_ == "NOUN" and told and not _answering(cur))
                or ("proposal" in kinds and any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children))
            ):
                acc.set(hyp=True, cue=head.lemma_)
                if any(c.dep_ == "det" and c.lower_ == "no" for c in head.children):
                    acc.set(neg=True, cue=head.lemma_)  # "had no plans to close the border": none intended
            break
        else:
            break
        cur = head
    return acc.result()
