"""The story's countries: which one a document is about, read from how often it names each.

A country is counted once per mention: a name of several words ("the United Arab Emirates",
"Saudi Arabia") counts at its last word, so a long name weighs no more than a short one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsgraph.extract.mentions.roles import dateline_country
from newsgraph.extract.syntax import token_country

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_FILED_KEY = "newsgraph.events.filed_from"


def inside_name(tok: Token, code: str) -> bool:
    """A word of a name that the name's next word names ``code`` too ("Saudi" in "Saudi Arabia"): the name is
    counted once, at its end; "Kenya" in "Kenya Defence Forces" is a mention of its own."""
    doc = tok.doc
    if not tok.ent_iob_ or tok.ent_iob_ == "O" or tok.i + 1 >= len(doc) or doc[tok.i + 1].ent_iob_ != "I":
        return False
    return token_country(doc[tok.i + 1]) == code


@dataclass(frozen=True, slots=True)
class Home:
    """The countries a document names most, from its mention counts."""

    leading: str | None = None  # named more often than any other (a tie leads nowhere)
    led: bool = False  # ... and more than once
    dominant: str | None = None  # the story's own country
    pair: tuple[str, str] | None = None  # the two it names most, when two lead ("the two countries")


def home_countries(counts: dict[str, int]) -> Home:
    """The document's country: the only one it names (twice or more: not one "Israeli embassy"), or one named
    3 times or more and twice as often as any other (calibrated on Wikinews 2019-2020: single-country stories
    name it 2x as often as the runner-up); the leading one and the leading pair."""
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked:
        return Home()
    top = ranked[0][1]
    leading = ranked[0][0] if len(ranked) == 1 or top > ranked[1][1] else None
    dominant = None
    if (len(ranked) == 1 and top >= 2) or (len(ranked) > 1 and top >= 3 and top >= 2 * ranked[1][1]):
        dominant = ranked[0][0]
    pair = None
    if len(ranked) >= 2 and (len(ranked) == 2 or ranked[1][1] > ranked[2][1]):
        pair = (ranked[0][0], ranked[1][0])
    return Home(leading, leading is not None and top >= 2, dominant, pair)


def filed_from(doc: Doc, pair: tuple[str, str] | None) -> str | None:
    """The country of the wire dateline ("BAGHDAD, June 3 -") when it is one of the two countries the story
    names most: in a story between two countries, "the government" is the one the story was filed from."""
    if pair is None:
        return None
    if _FILED_KEY not in doc.user_data:
        doc.user_data[_FILED_KEY] = dateline_country(doc[:60].text)  # the opening words, not the whole text
    code: str | None = doc.user_data[_FILED_KEY]
    return code if code in pair else None
