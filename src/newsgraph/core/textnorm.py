"""Text normalisation for comparing extracted facts with a reference annotation.

Scraped pages mix curly and straight quotes, non-breaking spaces (U+00A0),
accented names and stray punctuation; a gold file written by hand does not.
:func:`normalize_text` maps both sides to the same plain form: lower case, no
accents, every run of punctuation or whitespace turned into one space. Because
the result is a sequence of words separated by single spaces,
:func:`contains_words` can test containment on whole words, so ``"13"`` is not
found in ``"130"`` and ``"popular"`` is not found in ``"popularity"``.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Latin letters that Unicode does not decompose into base letter + accent.
# A grammatical constant (not a lexicon): the letters of European alphabets
# that NFKD leaves alone, so "Ørsted" and "Orsted" compare equal.
_UNDECOMPOSED = str.maketrans(
    {
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ħ": "h",
        "ı": "i",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "þ": "th",
        "ð": "d",
    }
)


def normalize_text(s: str) -> str:
    """``s`` in lower case, without accents, punctuation collapsed to single spaces.

    Unicode NFKD decomposition turns compatibility characters (U+00A0, full-width
    letters, ligatures) into their plain forms and splits accented letters into a
    base letter and a combining mark, which is dropped. Any character that is not
    a letter or digit (curly quotes, dashes, ``%``, ``$``, zero-width spaces)
    becomes a separator. ``None`` and non-strings give ``""`` / their ``str``.
    """
    if not s:
        return ""
    if not isinstance(s, str):
        s = str(s)
    decomposed = unicodedata.normalize("NFKD", s.translate(_UNDECOMPOSED))
    chars = [ch.casefold() if ch.isalnum() else " " for ch in decomposed if not unicodedata.combining(ch)]
    return " ".join("".join(chars).split())


def contains_words(haystack: str, needle: str) -> bool:
    """Whether normalised ``needle`` occurs in normalised ``haystack`` as whole words.

    Both arguments must already be normalised (see :func:`normalize_text`). An
    empty needle is contained in nothing: a gold snippet that normalises to
    nothing must never match every sentence.
    """
    if not needle or not haystack:
        return False
    return f" {needle} " in f" {haystack} "


def starts_with_words(haystack: str, needle: str) -> bool:
    """Whether normalised ``haystack`` begins with the words of ``needle``."""
    return bool(needle) and f"{haystack} ".startswith(f"{needle} ")


def ends_with_words(haystack: str, needle: str) -> bool:
    """Whether normalised ``haystack`` ends with the words of ``needle``."""
    return bool(needle) and f" {haystack}".endswith(f" {needle}")


# ---------------------------------------------------------------- names

_NAME_SPACES = str.maketrans({"-": " ", ".": " ", "_": " ", "/": " ", "\u2019": "'", "\u2018": "'"})

# The key functions below are pure and asked for the same few hundred names of a document thousands of
# times (each extractor compares names): their answers are memoized.
KEY_CACHE_SIZE = 1 << 16


@lru_cache(maxsize=KEY_CACHE_SIZE)
def name_words(text: str) -> tuple[str, ...]:
    """The words of a name for comparing names: case-folded, without accents, hyphens, dots, underscores
    and slashes read as spaces, other punctuation dropped (an apostrophe inside a word stays: "O'Brien").
    "Kassym-Jomart Tokayev" and "kassym jomart tokayev" give the same words."""
    text = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED).translate(_NAME_SPACES).casefold())
    kept = "".join(c for c in text if not unicodedata.combining(c) and (c.isalnum() or c.isspace() or c == "'"))
    return tuple(w.strip("'") for w in kept.split() if w.strip("'"))


@lru_cache(maxsize=KEY_CACHE_SIZE)
def entity_key(text: str) -> str:
    """:func:`name_words` of a name as written in running text, joined: a leading "the" and a possessive
    "'s" dropped ("the Kremlin's" = "Kremlin"), so a mention, an alias and a table row compare equal."""
    words = list(name_words(text))
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    if words and words[-1].endswith("'s"):
        words[-1] = words[-1][:-2]
    elif words and words[-1] == "s" and len(words) > 1 and "'" in text:
        words.pop()
    return " ".join(w for w in words if w)
