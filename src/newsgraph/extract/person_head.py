"""Whether a noun phrase's head names a person (a PERSON entity, a name under a title, a titled noun with a name
in apposition), and whether a word is a title."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.extract.syntax import lone_country_name, per_doc, token_country
from newsgraph.lexicon.events import sector_of

if TYPE_CHECKING:
    from spacy.tokens import Token


@per_doc
def person_head(tok: Token) -> bool:
    """A person: tagged PERSON, with a PERSON apposition, or a name under a title ("Chancellor Olaf Scholz");
    not a country's or a capital's name alone that the model tagged PERSON ("Kenya said it would ...")."""
    if tok.ent_type_ == "PERSON":
        return not lone_country_name(tok)
    if any(c.ent_type_ == "PERSON" for c in tok.children if c.dep_ == "appos"):
        return True
    if (
        tok.pos_ == "NOUN"
        and is_title(tok)
        and any(c.dep_ == "appos" and c.pos_ == "PROPN" and not token_country(c) for c in tok.children)
    ):
        return True  # "a spokesperson, Morgan Ortagus," with the name tagged as an organisation
    if tok.pos_ != "PROPN" or token_country(tok):
        return False
    return any(c.dep_ == "compound" and not c.ent_type_ and is_title(c) for c in tok.children)


def is_title(tok: Token) -> bool:
    hit = sector_of(tok.lemma_.lower())
    return hit is not None and hit.country is None and tok.lemma_.lower() not in ("government", "state")
