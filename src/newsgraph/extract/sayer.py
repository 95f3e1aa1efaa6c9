"""The speech verb a speech act belongs to when the parser hangs it on the clause that verb reports.

"said the handover was a symbolic step and urged the premier to act": the small model often joins the second speech act
to the reported clause rather than to "said"; read as parsed, the clause's subject would urge and the clause's modality
(a denial, a promise) would be the act's. :func:`sayer_clause` finds the speech verb the act belongs to, for the actors
(``syntax.subjects``) and the modality (``events.modality``) alike.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.lexicon.events import actor_nouns, sector_of

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["FINITE", "sayer_clause"]

FINITE = frozenset({"VBD", "VBZ", "VBP"})  # finite verb tags: a clause of its own


def sayer_clause(v: Token) -> Token | None:
    """The speech verb a speech act belongs to when the parser hangs it on the clause that verb reports: joined
    to a copular clause ("said the handover was a symbolic step and urged the premier to act"), to a clause about a
    thing ("said its aircraft had hit the depots and accused the group of ..."), to one told in another tense
    ("denied that the officers had entered Kosovo and accused Pristina of ..."), or a participle after a clause to
    come ("said he would appeal, accusing the government of ..."), or to any clause of a quotation that closes before
    it; else None."""
    head = v.head
    if v.lemma_.lower() not in _TALK_ACTS:
        return None
    if v.dep_ == "conj" and v.tag_ in FINITE and head.dep_ != "ccomp" and _quote_closes(head, v):
        # 'said it was "concerned by a sentence that appears motivated" and called for ...': the act after the
        # quotation's close is the sayer's, whatever clause inside the quotation the parser joined it to
        for anc in head.ancestors:
            if anc.dep_ == "ccomp" and anc.head.pos_ == "VERB":
                return anc.head
        return None
    if head.dep_ != "ccomp" or head.head.pos_ not in ("VERB", "AUX"):
        return None
    if v.dep_ == "advcl" and v.tag_ == "VBG":
        return head.head if any(c.dep_ == "aux" and c.lower_ in _TO_COME for c in head.children) else None
    if v.dep_ != "conj" or v.tag_ not in FINITE:
        return None
    copular = head.pos_ == "AUX" or head.lemma_ == "be"
    perfect = v.tag_ == "VBD" and any(c.lower_ == "had" and c.dep_ == "aux" for c in head.children)
    perfect = perfect and not any(c.dep_ in ("aux", "auxpass") for c in v.children)
    return head.head if copular or perfect or _speechless(head) else None


_TO_COME = frozenset({"will", "would", "'ll", "shall"})


def _quote_closes(head: Token, v: Token) -> bool:
    """An odd number of quotation marks between ``head`` and the later ``v``: ``head`` is inside a quotation that
    ends before ``v`` (an even number opens and closes one between them: both are outside it)."""
    return head.i < v.i and sum(t.is_quote for t in head.doc[head.i + 1 : v.i]) % 2 == 1


def _speechless(verb: Token) -> bool:
    """A clause whose subject is a thing, which cannot speak: a common noun of no person, group or body ("the
    bill", "its aircraft", "the vessel"), not a name, a pronoun or an actor noun ("the army", "protesters")."""
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subj:
        return False
    for s in subj:
        if s.pos_ != "NOUN" or s.ent_type_:
            return False
        hit = sector_of(s.lemma_.lower())
        if (hit is not None and not hit.weapon) or s.lemma_.lower() in actor_nouns():
            return False
    return True


_TALK_ACTS = frozenset(
    {"urge", "call", "demand", "ask", "appeal", "warn", "accuse", "vow", "pledge", "promise", "criticize", "criticise",
     "condemn", "insist", "reject", "deny", "praise", "welcome", "thank", "blame"}
)  # fmt: skip
