"""Country and sector the dictionaries give a name the text leaves without one.

A person: the office held on the publication date (PETRARCH2's dated office holders: "Putin" in 2022 → RUS GOV;
out of office, the country served, with no sector). An organization or a group: the code of an international
body or an armed group ("Hamas" → REB), else the hand-written table ("Reuters" → GBR MED).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.lexicon.actors import actor_code, nationality_on, office_on
from newsgraph.lexicon.known_orgs import lookup_org

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["dictionary_side"]


def dictionary_side(
    name: str, head: Token, published: str | None, person: bool
) -> tuple[str | None, str | None] | None:
    """(country, sector) of ``name`` (its head token ``head``; ``person`` when the text names a person), or None."""
    if person:
        term = office_on(name, published) if published else None
        if term is None:  # out of office on the date: still of the country they served
            country = nationality_on(name, published)
            return (country, None) if country else None
        return (term.country, term.sector) if term.country or term.sector else None
    if head.ent_type_ in ("ORG", "NORP", "") and head.pos_ == "PROPN":
        code = actor_code(name)
        if code is not None and (code.country or code.sector):
            return code.country, code.sector
        known = lookup_org(name)
        return (known.country, known.sector) if known is not None and (known.country or known.sector) else None
    return None
