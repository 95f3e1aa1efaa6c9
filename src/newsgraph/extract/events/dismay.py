"""Dismay at another side's act, told in the passive: "France said it was appalled by the sentences", "the embassy
was deeply troubled by the detention", "Germany was alarmed at the verdict".

A side that says it is appalled, alarmed, dismayed, outraged, disturbed, troubled, concerned, worried, disappointed
or angered by what another side did disapproves of it (the codebook's ACCUSE, mode disapprove, in its mildest form).
The parser reads these participles as passive verbs, so the one dismayed is the passive subject and what dismays is
the by-agent (or the object of "at", "over", "about"); the verb table's rows read a passive the other way round, so
these get their own reading here. The target is who the agent names, or, for an act named without its owner ("the
sentences", "the detention"), who did it (the event memory, through the coder's answered target). Grief ("saddened",
"shocked by the deaths") is condolence, not disapproval, and stays out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.extract.events.intent import able_actors
from newsgraph.extract.events.modality import clause_modality
from newsgraph.extract.events.triggers import Candidate
from newsgraph.extract.syntax import pobjs
from newsgraph.extract.tokens import token_records

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from newsgraph.extract.events.actors import DocContext

__all__ = ["dismay_events"]

_DISMAY = frozenset(
    {"appal", "appall", "alarm", "dismay", "outrage", "disturb", "trouble", "concern", "worry", "disappoint", "anger"}
)
_ABOUT = frozenset({"at", "over", "about", "by"})  # "by" also as a plain preposition (a quoted participle)


def dismay_events(sent: Span, ctx: DocContext, coded: set[int]) -> list[Candidate]:
    """ACCUSE candidates for the passive dismay of ``sent`` whose verb (a token index) is not in ``coded``."""
    out: list[Candidate] = []
    doc = sent.doc
    for rec in token_records(doc)[sent.start : sent.end]:  # the shared records; the parsed token for a candidate only
        if rec.pos_ != "VERB" or rec.tag_ != "VBN" or rec.i in coded or rec.lemma_.lower() not in _DISMAY:
            continue
        tok = doc[rec.i]
        if any(c.dep_ == "auxpass" for c in tok.children):  # "they were appalled by": a passive
            subject = [c for c in tok.children if c.dep_ == "nsubjpass"]
        elif tok.dep_ == "acomp" and tok.head.lemma_ == "be":  # "it was deeply disappointed by": after a copula
            subject = [c for c in tok.head.children if c.dep_ == "nsubj"]
        else:
            continue
        causes = [o for c in tok.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in _ABOUT)
                  for o in pobjs(c)]  # fmt: skip
        causes = causes or _quoted_cause(tok)
        members = ctx.plural_members(subject[0]) if subject and subject[0].lower_ == "they" else []
        if subject and subject[0].lower_ in ("they", "we") and tok.dep_ == "ccomp":  # "X and Y said they were ..."
            speakers = [c for c in tok.head.children if c.dep_ == "nsubj"]
            members = ctx.actors(speakers[0]) if speakers else members
        dismayed = members if len(members) > 1 else able_actors(ctx, subject)  # "France and Britain ... they"
        if not causes or not dismayed:
            continue
        owners = [p for h in causes for p in h.children if p.dep_ == "poss"]  # "by Rome's decision": Rome
        targets = able_actors(ctx, owners) or [a for h in causes for a in ctx.actors(h)]
        out.append(Candidate("ACCUSE", "disapprove", [tok], tok, dismayed, targets, clause_modality(tok)))
    return out


def _quoted_cause(tok: Token) -> list[Token]:
    """What dismays, where quotation marks around the participle ('was "deeply concerned" by the arrest') made the
    parser hang its "by" on the copula or the speech verb: the preposition right after the quotation."""
    after = next((t for t in tok.doc[tok.i + 1 : tok.i + 3] if not t.is_punct), None)
    if after is None or after.dep_ not in ("prep", "agent") or after.lower_ not in _ABOUT:
        return []
    return pobjs(after) if after.head in tok.ancestors else []
