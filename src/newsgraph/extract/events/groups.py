"""Unnamed groups and the place they belong to: "activists", "the police" of the story's place;
"European countries", "Western allies" or "leaders of African Union member states" of no one place."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.extract.syntax import np_span, pobjs
from newsgraph.lexicon.events import actor_nouns, sector_of

if TYPE_CHECKING:
    from spacy.tokens import Token

GROUP_HEADS = frozenset({"country", "nation", "government", "state", "capital"})
LOCAL_SECTORS = frozenset({"CVL", "OPP", "POL", "JUD", "MED", "LEG", "MIL", "GOV", "REB"})


def local_group(head: Token, sector: str | None) -> bool:
    """An unnamed domestic group ("activists", "the police") takes the country of its place;
    "European countries" or "Western allies" do not."""
    lemma = head.lemma_.lower()
    if lemma in GROUP_HEADS or (sector not in LOCAL_SECTORS and not (sector is None and lemma in actor_nouns())):
        return False  # a sector of its own place, or people and groups named by what they are ("critics")
    if any(c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "LOC") for c in head.children):
        return False
    return not of_international(head)


def of_international(head: Token) -> bool:
    """A group of an intergovernmental body ("leaders of African Union member states"): of no one country."""
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for o in pobjs(c):
                lo, hi = np_span(o)
                names, run = [], []  # the capitalised runs of the phrase: "African Union", "AU"
                for t in [*o.doc[lo:hi], None]:
                    if t is not None and t.text[:1].isupper():
                        run.append(t.text)
                    elif run:
                        names, run = [*names, " ".join(run)], []
                if any((hit := sector_of(n)) is not None and hit.sector == "IGO" for n in names):
                    return True
    return False
