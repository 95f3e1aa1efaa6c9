"""Words that name a political party by its members or as an adjective, per country (``data/party_words.tsv``)."""

from __future__ import annotations

from functools import lru_cache

from newsgraph.lexicon.loader import read_table

__all__ = ["party_of"]


@lru_cache(maxsize=1)
def _parties() -> dict[tuple[str, str], str]:
    return {(row["word"], row["country"]): row["party"] for row in read_table("party_words.tsv")}


def party_of(word: str, country: str | None) -> str | None:
    """The party ``word`` names in a story of ``country`` ("Democrats", "USA" → "Democratic Party"), or None."""
    if country is None:
        return None
    return _parties().get((word, country))
