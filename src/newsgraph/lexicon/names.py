"""First names: ``first_names.tsv`` (compiled from Faker's locale lists by ``scripts/compile_first_names.py``)
and the first words of the persons' names of the office-holder table (``office_holders.tsv``, PETRARCH2)
that start two names or more ("Volodymyr", "Narendra", "Bernie").

A first name is one piece of person evidence: "Dana Okafor" tagged ORG by the model is a person's name
when "Dana" is a first name and nothing else in the name says organization or place. The table alone
decides nothing: many first names are also places or words ("Paris", "Georgia", "Victoria"), so the
callers check those first.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from newsgraph.lexicon.loader import read_table

FIRST_NAMES = "first_names.tsv"
OFFICE_HOLDERS = "office_holders.tsv"
# An office holder's first word counts as a first name when this many distinct names start with it
# and it is this long (no initials, no "al", "le").
_HOLDER_NAMES_MIN = 2
_HOLDER_WORD_MIN_LENGTH = 3


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    names = {row["name"] for row in read_table(FIRST_NAMES)}
    counts: dict[str, int] = {}
    for name in {row["name"] for row in read_table(OFFICE_HOLDERS)}:
        words = name.split()
        if len(words) >= 2:
            counts[words[0]] = counts.get(words[0], 0) + 1
    for word, n in counts.items():
        if (
            n >= _HOLDER_NAMES_MIN
            and len(word) >= _HOLDER_WORD_MIN_LENGTH
            and word.isalpha()
            and word not in STOP_WORDS
        ):
            names.add(word.capitalize())
    return frozenset(names)


def is_first_name(word: str) -> bool:
    """Whether ``word``, as written (capitalised; a hyphenated "Jean-Luc" by its first part), is a listed first name."""
    names = _first_names()
    return word in names or ("-" in word and word.split("-", 1)[0] in names)


__all__ = ["FIRST_NAMES", "is_first_name"]
