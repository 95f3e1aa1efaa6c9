"""Titles and roles that name a person by function (``data/titles.tsv``, the one table of titles).

A title is matched on words, not characters: :func:`title_words` turns a token
or a phrase into lower-case words without hyphens or trailing periods, so
``"Secretary-General"``, ``"secretary general"`` and ``"Dr."`` all find their
row. Three kinds of row: ``title`` (an office or function), ``honorific`` (a
form of address that makes a name a person's but is no role) and ``modifier``
(a word that only qualifies a title: "former", "deputy", "opposition"). Each row also gives the
sector a bare title implies, the office group quote speakers are matched by (:func:`role_group`:
"chief" = "head" = "secretary general") and whether the title names an envoy.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from newsgraph.core.textnorm import KEY_CACHE_SIZE
from newsgraph.lexicon.loader import LexiconError, read_table

TitleKind = Literal["title", "honorific", "modifier"]
_KINDS = ("title", "honorific", "modifier")


@dataclass(frozen=True, slots=True)
class Title:
    phrase: str
    sector: str | None
    kind: TitleKind
    country: str | None = None  # the one country whose office it is ("foreign secretary": GBR)
    group: str | None = None  # the office group for quote speakers ("chief" = "head" = "leader")
    envoy: bool = False  # a diplomat posted abroad ("the ambassador to Berlin": Berlin hosts him)

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(self.phrase.split())


@lru_cache(maxsize=KEY_CACHE_SIZE)  # pure, and asked for the same roles and names many times per document
def title_words(text: str) -> tuple[str, ...]:
    """Lower-case words of ``text`` with hyphens as spaces and dots dropped (``"Dr."`` → ``("dr",)``)."""
    text = text.replace("\u2011", "-").replace("\u2010", "-").replace("-", " ").replace(".", " ")
    return tuple(w for w in text.lower().split() if w)


@lru_cache(maxsize=1)
def titles() -> dict[tuple[str, ...], Title]:
    """Every row of ``titles.tsv`` keyed by its words."""
    out: dict[tuple[str, ...], Title] = {}
    for row in read_table("titles.tsv"):
        kind = row["kind"] or "title"
        if kind not in _KINDS:
            raise LexiconError(f"titles.tsv: unknown kind {kind!r} for {row['title']!r}")
        words = title_words(row["title"])
        if words:
            country = row.get("country") or None
            group = (row.get("group") or "").lower() or None
            envoy = row.get("envoy") == "yes"
            out[words] = Title(" ".join(words), row["sector"] or None, kind, country, group, envoy)  # type: ignore[arg-type]
    return out


@lru_cache(maxsize=1)
def max_title_words() -> int:
    return max((len(k) for k in titles()), default=1)


@lru_cache(maxsize=1)
def title_first_words() -> frozenset[str]:
    """First words of every title, honorific and modifier row (a quick test before a phrase lookup)."""
    return frozenset(k[0] for k in titles())


def lookup_title(words: Sequence[str]) -> Title | None:
    """The row for exactly these (already normalised) words, if any."""
    return titles().get(tuple(words))


def is_modifier(word: str) -> bool:
    t = titles().get(title_words(word))
    return t is not None and t.kind == "modifier"


def is_honorific(word: str) -> bool:
    t = titles().get(title_words(word))
    return t is not None and t.kind == "honorific"


def find_titles(words: Sequence[str]) -> list[tuple[int, int, Title]]:
    """Non-overlapping title and honorific phrases in ``words``, longest first, left to right.

    Returns ``(start, end, title)`` with ``end`` exclusive; modifiers are not reported.
    """
    out: list[tuple[int, int, Title]] = []
    table = titles()
    longest = max_title_words()
    i = 0
    while i < len(words):
        for n in range(min(longest, len(words) - i), 0, -1):
            t = table.get(tuple(words[i : i + n]))
            if t is not None and t.kind != "modifier":
                out.append((i, i + n, t))
                i += n
                break
        else:
            i += 1
    return out


def title_sector(role: str | None) -> str | None:
    """Actor sector a role phrase implies: a sector modifier ("opposition") wins, else its last title's."""
    if not role:
        return None
    words = title_words(role)
    for w in words:
        t = titles().get((w,))
        if t is not None and t.kind == "modifier" and t.sector:
            return t.sector
    found = [t for _, _, t in find_titles(words) if t.kind == "title"]
    for t in reversed(found):
        if t.sector:
            return t.sector
    return None


def title_country(role: str | None) -> str | None:
    """ISO3 of the country whose office a role phrase names, when its title is one country's only."""
    if not role:
        return None
    for _, _, t in reversed(find_titles(title_words(role))):
        if t.country:
            return t.country
    return None


def has_title(text: str) -> bool:
    """Whether ``text`` contains an office or function (honorifics and modifiers do not count)."""
    return any(t.kind == "title" for _, _, t in find_titles(title_words(text)))


def normalize_role(text: str) -> str:
    """Lower-case a role phrase and turn hyphens into spaces (``Secretary-General`` → ``secretary general``)."""
    return " ".join(text.lower().replace("-", " ").replace("\u2011", " ").split())


@lru_cache(maxsize=1)
def _roles() -> dict[str, str]:
    """Title phrase (spaces for hyphens) → office group, for the titles that name a speaker's office."""
    return {" ".join(words): t.group for words, t in titles().items() if t.group}


def role_group(noun: str) -> str | None:
    """The office group of a role noun or phrase (``"Nato chief"`` → ``"leader"``), else None.

    The whole phrase is tried first, then its last two words, then its last word,
    so "secretary-general" is found before "general" and "foreign minister" before "minister".
    """
    words = normalize_role(noun).split()
    table = _roles()
    for size in (len(words), 2, 1):
        if 0 < size <= len(words):
            group = table.get(" ".join(words[-size:]))
            if group:
                return group
    return None


def role_groups_in(text: str) -> set[str]:
    """The office groups named in a role description, longest phrases first and without overlap.

    "Secretary General of NATO" names {"leader"} (not also "secretary" and "general").
    """
    words = normalize_role(text).split()
    table = _roles()
    found: set[str] = set()
    i = 0
    while i < len(words):
        for size in (3, 2, 1):
            group = table.get(" ".join(words[i : i + size])) if i + size <= len(words) else None
            if group:
                found.add(group)
                i += size
                break
        else:
            i += 1
    return found
