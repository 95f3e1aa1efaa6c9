"""A definite title or occupation that stands for the one person the document gives that role.

News names a person once and then refers back by what they are: "Eddie Van Halen ... Billy Idol paid tribute to
the guitarist", "the mathematician", "the senator". When the document's persons (the mentions extractor's
``MentionSet``) hold exactly one whose role has that word, "the guitarist" is that person; two or none, and the
phrase stays a description.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.core.textnorm import name_words
from newsgraph.extract.person_head import person_head
from newsgraph.lexicon.titles import find_titles, lookup_title, title_words

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["personal", "role_holder"]


def role_holder(head: Token, persons: object) -> object | None:
    """The one person whose role holds ``head``'s word, when ``head`` is "the" + a singular title noun with no
    modifier or "of" phrase of its own (those name someone else: "the Ukrainian president", "the president of
    Iran"); else None."""
    if head.pos_ != "NOUN" or head.tag_ != "NN" or not head.is_lower:
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return None
    if any(c.dep_ in ("amod", "compound", "poss", "prep", "nummod", "appos") for c in head.children):
        return None
    word = head.lemma_.lower()
    if not find_titles(title_words(word)):
        return None
    holders = [p for p in persons or () if getattr(p, "role", None) and word in name_words(p.role)]  # type: ignore[attr-defined]
    return holders[0] if len(holders) == 1 else None


def personal(tok: Token) -> bool:
    """A person "he" or "she" can take up: a named one, or one named by a title alone ("Saudi Arabia's energy
    minister told the meeting ... He demanded")."""
    if person_head(tok):
        return True
    title = lookup_title((tok.lemma_.lower(),)) if tok.tag_ == "NN" else None
    return title is not None and title.kind == "title"
