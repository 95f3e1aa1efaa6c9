"""First names (``first_names.tsv``, compiled from Faker's locale lists by ``scripts/compile_first_names.py``).

A first name is one piece of person evidence: "Dana Okafor" tagged ORG by the model is a person's name
when "Dana" is a first name and nothing else in the name says organization or place. The table alone
decides nothing: many first names are also places or words ("Paris", "Georgia", "Victoria"), so the
callers check those first.
"""

from __future__ import annotations

from functools import lru_cache

from newsgraph.lexicon.loader import read_table

FIRST_NAMES = "first_names.tsv"


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    return frozenset(row["name"] for row in read_table(FIRST_NAMES))


def is_first_name(word: str) -> bool:
    """Whether ``word``, as written (capitalised; a hyphenated "Jean-Luc" by its first part), is a listed first name."""
    names = _first_names()
    return word in names or ("-" in word and word.split("-", 1)[0] in names)


__all__ = ["FIRST_NAMES", "is_first_name"]
