"""The story's own policy act: the government that enacts what the story is about supports it.

News leads with the act: "the President declared a national emergency", "the Prime Minister signed a
decree banning ...", "the government will withdraw the bill", "parliament voted to legalise same-sex
marriage". When the first paragraph's first two sentences have such an act (a verb of
``data/stance_enactments.tsv``) and its doer speaks for a country (:mod:`newsgraph.extract.stance_office`),
the act is the document's issue, named as a noun phrase with its entities ("ban on airline Example Air",
"national emergency (United States)"), and the doer's country supports it. A negated act gives none;
an intent counts ("will withdraw", "may declare": the government's stated position).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from newsgraph.extract.events.modality import clause_modality
from newsgraph.extract.syntax import conjuncts, pobjs, subjects, token_country
from newsgraph.lexicon.countries import country_name
from newsgraph.lexicon.loader import LexiconError, read_table

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["Enactment", "enactment_in", "lead_sentences", "reference_nouns", "same_acts"]

ObjectKind = Literal["policy", "affected", "person"]
_KINDS = frozenset({"policy", "affected", "person"})
# Objects of "issue", "announce", "declare" ... that are words, not policies ("issued a statement").
_NOT_POLICY = frozenset(
    {"statement", "report", "comment", "warning", "apology", "response", "reply", "result", "death", "victory"}
    | {"winner", "candidacy", "candidate", "name", "number", "figure", "date", "intention", "support", "plan"}
    | {"resignation", "retirement", "decision", "bid", "campaign", "interview", "message", "letter", "tweet"}
)
# What an announcement must name to be an act rather than news ("announced new restrictions on flights").
_ANNOUNCED = frozenset(
    {"restriction", "measure", "ban", "sanction", "policy", "law", "bill", "decree", "order", "lockdown"}
    | {"shutdown", "emergency", "reform", "programme", "program", "withdrawal", "tariff", "curfew", "moratorium"}
    | {"rule", "regulation", "mandate", "closure", "suspension", "pardon", "commutation", "embargo", "deal"}
)
_CONTROL = frozenset({"vote", "decide", "move", "agree", "plan", "intend", "pledge", "promise", "vow", "begin"})
_CLAUSE_WORDS = 6  # a lead sentence says something: a map legend or a photo caption is shorter or verbless
_MAX_WORDS = 10  # a label is a name, not the clause ("government decree banning anyone wearing ...")
# Verbs that ask another to act ("asked X to waive", "urged X to lift"): their subject wants the act.
_ASKING = frozenset({"ask", "urge", "call", "press", "request", "demand", "encourage", "tell"})
_INCLUDING = frozenset({"including", "like", "as"})
_DETS = frozenset({"a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her"})


@dataclass(frozen=True, slots=True)
class _Verb:
    verb: str
    kind: ObjectKind
    nominal: str
    prep: str


@dataclass(frozen=True, slots=True)
class Enactment:
    """A state actor's policy act in the lead: its verb, its object's head, and the issue it names."""

    verb: Token
    obj: Token
    issue: str
    nominal: str = ""

    @property
    def words(self) -> frozenset[str]:
        """Lemmas a later phrase may use for the act ("the ban", "the withdrawal", "the emergency"), with
        what a decree or an order does ("a decree banning X": "ban")."""
        verbs = _verbs()
        inner = [c for c in self.obj.children if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in verbs]
        named = [verbs[c.lemma_.lower()].nominal or c.lemma_.lower() for c in inner]
        return frozenset(w for w in (self.obj.lemma_.lower(), self.nominal, *named) if w)


@lru_cache(maxsize=1)
def _verbs() -> dict[str, _Verb]:
    out: dict[str, _Verb] = {}
    for row in read_table("stance_enactments.tsv"):
        kind = row["object"]
        if kind not in _KINDS:
            raise LexiconError(f"stance_enactments.tsv: {row['verb']}: unknown object kind {kind!r}")
        if kind != "policy" and not row["nominal"]:
            raise LexiconError(f"stance_enactments.tsv: {row['verb']}: an {kind} object needs a nominal")
        out[row["verb"].lower()] = _Verb(row["verb"].lower(), kind, row["nominal"], row["prep"])  # type: ignore[arg-type]
    return out


def _object(verb: Token) -> Token | None:
    """The verb's object, or the noun a relative clause's verb acts on ("the emergency Trump declared")."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None and verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    return obj


def _phrase_tokens(head: Token) -> list[Token]:
    """The object's noun phrase: its words before the head, and after it up to a comma or relative clause
    ("a cease and desist order", "restrictions on flights to Cuba"), without determiners."""
    after = [t for t in head.subtree if t.i > head.i and (t.is_punct or t.tag_ in ("WDT", "WP") or t.lower_ == "that")]
    stop = min([t.i for t in after] + [c.i for c in head.rights if c.dep_ == "relcl"], default=None)
    words = [t for t in head.subtree if (stop is None or t.i < stop) and not (t.dep_ == "det" and t.lower_ in _DETS)]
    while words and (words[0].is_punct or words[0].lower_ in _DETS or words[0].pos_ == "PRON"):
        words = words[1:]
    while words and words[-1].is_punct:
        words = words[:-1]
    return words[:_MAX_WORDS]


def _label(entry: _Verb, obj: Token, countries: list[str]) -> str:
    words = _phrase_tokens(obj)
    text = re.sub(r"\s+", " ", "".join(t.text_with_ws for t in words).strip())
    if entry.kind != "policy":
        text = f"{entry.nominal} {entry.prep} {text}"
    named = any(t.pos_ == "PROPN" or token_country(t) for t in words)
    names = sorted({name for code in countries if (name := country_name(code))})
    if not named and names:
        text = f"{text} ({', '.join(names)})"  # "national emergency (United States)"
    return text


def _acts(sent: Span) -> list[tuple[Token, _Verb]]:
    verbs = _verbs()
    out: list[tuple[Token, _Verb]] = []
    for tok in sent:
        entry = verbs.get(tok.lemma_.lower())
        if entry is None or tok.pos_ != "VERB":
            continue
        out.append((tok, entry))
    return out


def _heads(verb: Token) -> list[Token]:
    """The doers: the verb's subjects, or those of the verb it completes ("voted to legalise")."""
    asker = verb.head
    if verb.dep_ == "xcomp" and asker.lemma_.lower() in _ASKING:
        # "asked the United States to waive the immunity": the one who asks for the act supports it
        heads = subjects(asker) or ([asker.head] if asker.dep_ == "acl" else [])
    else:
        heads = subjects(verb)
    if not heads and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _CONTROL:
        heads = subjects(verb.head)
    out: list[Token] = []
    for head in heads:
        # "countries including Algeria and Morocco", "states such as X": the members named
        members = [o for c in head.children if c.lower_ in _INCLUDING for o in pobjs(c)]
        out.extend(members or conjuncts(head))
    return out


def lead_sentences(sents: list[Span], paragraph_of: dict[int, int]) -> list[Span]:
    """Where news tells the story's action: the first paragraph that says something (a sentence with a
    verb of its own, not a map legend, a caption or the headline), at most its first two sentences;
    ``paragraph_of`` maps a sentence's first token to its paragraph."""
    said = (i for i, sent in enumerate(sents) if _is_clause(sent) and not _headline(sents, i, paragraph_of))
    start = next(said, None)
    if start is None:
        return []
    first = paragraph_of.get(sents[start].start, 0)
    return [sent for sent in sents[start : start + 2] if paragraph_of.get(sent.start, 0) == first]


def _headline(sents: list[Span], i: int, paragraph_of: dict[int, int]) -> bool:
    """A first paragraph of one sentence without a closing stop: the headline above the story, whose words
    are cut short ("UN envoy brokers truce after two days of fighting")."""
    para = paragraph_of.get(sents[i].start, 0)
    alone = all(paragraph_of.get(s.start, 0) != para for j, s in enumerate(sents[: i + 2]) if j != i)
    return i == 0 and alone and sents[i].text.rstrip()[-1:] not in ".!?\"”'’"


def _is_clause(sent: Span) -> bool:
    return sent.root.pos_ in ("VERB", "AUX") and sum(not t.is_punct and not t.is_space for t in sent) >= _CLAUSE_WORDS


def enactment_in(lead: list[Span], doer: object) -> tuple[Enactment, list[object]] | None:
    """The first act of the lead whose doers speak for a country: ``doer(head)`` gives the state actors a
    subject head stands for (the stance finder's check), the act and those actors are returned."""
    found = _enactments(lead, doer, first=True)
    return found[0] if found else None


def same_acts(sents: list[Span], act: Enactment, doer: object) -> list[tuple[Enactment, list[object]]]:
    """Other states doing the story's act anywhere in the document ("Algeria and Morocco have also imposed
    bans on the veil" after "Tunisia banned the veil"): acts whose object is the act's object or its noun."""
    return [(e, a) for e, a in _enactments(sents, doer, first=False) if e.verb.i != act.verb.i and e.words & act.words]


def _enactments(sents: list[Span], doer: object, *, first: bool) -> list[tuple[Enactment, list[object]]]:
    out: list[tuple[Enactment, list[object]]] = []
    for sent in sents:
        for verb, entry in _acts(sent):
            obj = _object(verb)
            if obj is None or obj.pos_ not in ("NOUN", "PROPN"):
                continue
            lemma = obj.lemma_.lower()
            if entry.kind == "policy" and lemma in _NOT_POLICY:
                continue
            if entry.verb == "announce" and lemma not in _ANNOUNCED:
                continue
            if entry.kind == "person" and obj.ent_type_ != "PERSON":
                continue
            if clause_modality(verb).negated:
                continue
            actors = [a for h in _heads(verb) for a in doer(h)]  # type: ignore[operator]
            if not actors:
                continue
            countries = [c for a in actors if (c := getattr(a, "country", None))]
            out.append((Enactment(verb, obj, _label(entry, obj, countries), entry.nominal), actors))
            if first:
                return out
    return out


@lru_cache(maxsize=1)
def reference_nouns() -> frozenset[str]:
    """Nouns a reaction uses for the story's issue ("opposed the move"): ``data/stance_references.tsv``."""
    return frozenset(row["noun"].lower() for row in read_table("stance_references.tsv"))
