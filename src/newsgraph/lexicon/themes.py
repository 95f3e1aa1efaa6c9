"""Theme codes and the words that signal them (``data/themes.tsv``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from newsgraph.lexicon.loader import LexiconError, read_table

MatchAttr = Literal["lemma", "lower"]
# spaCy's English tokenizer makes a hyphen its own token when a letter follows it
# ("cyber-attack") or when it stands between digits, but keeps "covid-19" whole.
_HYPHEN = re.compile(r"(?<=[^\W_])(-)(?=[^\W\d_])|(?<=\d)(-)(?=\d)")


@dataclass(frozen=True, slots=True)
class ThemeTerm:
    """One signal of a theme: the code, how to compare, and the words as spaCy tokenizes them."""

    code: str
    match: MatchAttr
    term: str
    words: tuple[str, ...]


def term_words(term: str) -> tuple[str, ...]:
    """The tokens of a term as spaCy's English tokenizer splits them (``cyber-attack`` → 3 tokens)."""
    words: list[str] = []
    for chunk in term.lower().split():
        words.extend(part for part in _HYPHEN.split(chunk) if part)
    return tuple(words)


@lru_cache(maxsize=1)
def theme_terms() -> tuple[ThemeTerm, ...]:
    """Every row of ``themes.tsv``."""
    out: list[ThemeTerm] = []
    for row in read_table("themes.tsv"):
        match = row["match"]
        if match not in ("lemma", "lower"):
            raise LexiconError(f"themes.tsv: match must be 'lemma' or 'lower', not {match!r} ({row['term']!r})")
        if "'" in row["term"] or "\u2019" in row["term"]:
            raise LexiconError(f"themes.tsv: no apostrophes in terms ({row['term']!r})")
        words = term_words(row["term"])
        if not words:
            raise LexiconError(f"themes.tsv: empty term for {row['code']!r}")
        out.append(ThemeTerm(code=row["code"].upper(), match=match, term=row["term"].lower(), words=words))  # type: ignore[arg-type]
    return tuple(out)


def theme_codes() -> list[str]:
    """The theme codes, in the order they first appear in the table."""
    return list(dict.fromkeys(t.code for t in theme_terms()))


def terms_for(code: str) -> list[str]:
    """The terms listed for one theme code."""
    return [t.term for t in theme_terms() if t.code == code.upper()]
