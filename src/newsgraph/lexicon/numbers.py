"""Number words, currencies, amount modifiers and time words, read from data files.

Four tables under ``lexicon/data/`` carry the vocabulary the date and amount
extractors need: ``number_words.tsv`` ("dozen" → 12, "million" → 1e6),
``currencies.tsv`` (symbols, codes and names → ISO 4217), ``amount_modifiers.tsv``
("more than" → lower bound, "aged" → an age, not an amount) and ``time_words.tsv``
(calendar units, anchors like "last" and "ago", day parts, weekday and month
names, rate words like "per" and "annually"). This module gives typed access to
them and reads written numbers: :func:`parse_number` turns ``["two", "hundred"]``,
``["1.5bn"]`` or ``["half", "a", "million"]`` into a value.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from newsgraph.lexicon.loader import LexiconError, read_table

NUMBER_KINDS = frozenset(
    {"unit", "ten", "scale", "abbrev", "money_abbrev", "collective", "fraction", "plural", "vague", "denominator"}
)
CURRENCY_KINDS = frozenset({"symbol", "code", "name", "ambiguous"})
MODIFIER_FLAGS = frozenset({"approximate", "lower_bound", "upper_bound", "age", "unit_skip", "percent", "points"})
MODIFIER_POSITIONS = frozenset({"before", "after", "unit"})
TIME_KINDS = frozenset(
    {
        "unit",
        "anchor",
        "unknown_anchor",
        "edge",
        "daypart",
        "lead",
        "weekday",
        "month",
        "rate_cue",
        "rate_adverb",
        "timezone",
    }
)

# digits with optional thousands separators and decimals, and an optional glued suffix ("1.5bn", "10k")
_DIGITS = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?([a-z]*)$", re.IGNORECASE)
# words the reader skips inside a written number ("two and a half million", "tens of thousands")
_JOINERS = frozenset({"a", "an", "and", "of", "-"})


@dataclass(frozen=True, slots=True)
class NumberWord:
    word: str
    value: float
    kind: str


@dataclass(frozen=True, slots=True)
class Currency:
    term: str
    code: str
    kind: str
    factor: float


@dataclass(frozen=True, slots=True)
class Modifier:
    phrase: str
    flag: str
    position: str


@dataclass(frozen=True, slots=True)
class NumberReading:
    """A number read from words: its value and what the words say about its precision."""

    value: float
    approximate: bool = False
    lower_bound: bool = False


def _float(name: str, cell: str) -> float:
    try:
        return float(cell)
    except ValueError as exc:
        raise LexiconError(f"{name}: {cell!r} is not a number") from exc


@lru_cache(maxsize=1)
def number_words() -> dict[str, NumberWord]:
    """Every number word, lower-cased, → its value and kind."""
    out: dict[str, NumberWord] = {}
    for row in read_table("number_words.tsv"):
        kind = row["kind"]
        if kind not in NUMBER_KINDS:
            raise LexiconError(f"number_words.tsv: unknown kind {kind!r} for {row['word']!r}")
        word = row["word"].lower()
        out[word] = NumberWord(word, _float("number_words.tsv", row["value"]), kind)
    return out


def number_word(word: str) -> NumberWord | None:
    """The number word ``word`` (any case), or None."""
    return number_words().get(word.lower())


@lru_cache(maxsize=8192)
def number_word_kind(lower: str) -> str | None:
    """The kind of a lower-cased number word ("dozen" → collective); "twenty-five" reads by its last part."""
    parts = [p for p in lower.split("-") if p]
    entries = [number_word(p) for p in parts]
    if not entries or any(e is None for e in entries):
        return None
    last = entries[-1]
    return last.kind if last is not None else None


@lru_cache(maxsize=1)
def currencies() -> tuple[Currency, ...]:
    out: list[Currency] = []
    for row in read_table("currencies.tsv"):
        if row["kind"] not in CURRENCY_KINDS:
            raise LexiconError(f"currencies.tsv: unknown kind {row['kind']!r} for {row['term']!r}")
        factor = _float("currencies.tsv", row["factor"]) if row["factor"] else 1.0
        out.append(Currency(row["term"], row["code"], row["kind"], factor))
    return tuple(out)


@lru_cache(maxsize=1)
def _symbols() -> dict[str, Currency]:
    return {c.term: c for c in currencies() if c.kind in ("symbol", "code")}


@lru_cache(maxsize=1)
def _symbol_prefixes() -> tuple[str, ...]:
    # longest first, so "HK$" wins over "$"
    return tuple(sorted((c.term for c in currencies() if c.kind == "symbol"), key=len, reverse=True))


@lru_cache(maxsize=1)
def _names() -> dict[tuple[str, ...], Currency]:
    return {tuple(c.term.lower().split()): c for c in currencies() if c.kind in ("name", "ambiguous")}


@lru_cache(maxsize=1)
def max_currency_words() -> int:
    """The most words any currency name has ("Hong Kong dollars" → 3)."""
    return max((len(k) for k in _names()), default=1)


def currency_symbol(text: str) -> Currency | None:
    """The currency a sign or ISO code stands for (``"€"`` → EUR, ``"A$"`` → AUD), case-sensitive."""
    return _symbols().get(text)


def split_currency_prefix(text: str) -> tuple[Currency | None, str]:
    """Split a sign glued to a figure: ``"HK$30"`` → (HKD, ``"30"``); no sign → (None, text)."""
    for prefix in _symbol_prefixes():
        if text.startswith(prefix) and len(text) > len(prefix) and text[len(prefix)].isdigit():
            return _symbols()[prefix], text[len(prefix) :]
    return None, text


def currency_name(words: Sequence[str], *, money: bool = False) -> tuple[Currency | None, int]:
    """The longest currency name at the start of ``words`` and how many words it takes.

    Names that are also common words ("pounds", "won") count only when ``money``
    is true (the figure sits in a MONEY entity or next to a currency sign).
    """
    lowered = [w.lower() for w in words[: max_currency_words()]]
    for n in range(len(lowered), 0, -1):
        cur = _names().get(tuple(lowered[:n]))
        if cur is not None and (cur.kind == "name" or money):
            return cur, n
    return None, 0


@lru_cache(maxsize=1)
def modifiers() -> tuple[Modifier, ...]:
    out: list[Modifier] = []
    for row in read_table("amount_modifiers.tsv"):
        if row["flag"] not in MODIFIER_FLAGS or row["position"] not in MODIFIER_POSITIONS:
            raise LexiconError(f"amount_modifiers.tsv: bad flag or position in row for {row['phrase']!r}")
        out.append(Modifier(row["phrase"].lower(), row["flag"], row["position"]))
    return tuple(out)


@lru_cache(maxsize=4)
def _modifier_index(position: str) -> dict[tuple[str, ...], str]:
    return {tuple(m.phrase.split()): m.flag for m in modifiers() if m.position == position}


def modifier_before(words: Sequence[str]) -> tuple[str | None, int]:
    """The flag of the longest modifier phrase that ends ``words`` and its length in words.

    ``["said", "more", "than"]`` → ("lower_bound", 2); no modifier → (None, 0).
    """
    index = _modifier_index("before")
    lowered = [w.lower() for w in words]
    for n in range(min(4, len(lowered)), 0, -1):
        flag = index.get(tuple(lowered[-n:]))
        if flag is not None:
            return flag, n
    return None, 0


def modifier_after(words: Sequence[str]) -> tuple[str | None, int]:
    """The flag of the longest modifier phrase that starts ``words`` and its length in words."""
    index = _modifier_index("after")
    lowered = [w.lower() for w in words]
    for n in range(min(4, len(lowered)), 0, -1):
        flag = index.get(tuple(lowered[:n]))
        if flag is not None:
            return flag, n
    return None, 0


def is_age_cue(word: str) -> bool:
    """True for a one-word cue that the figure near it is an age ("aged", "age")."""
    return _modifier_index("before").get((word.lower(),)) == "age"


def is_unit_skip(word: str) -> bool:
    """True for modifiers of a counted noun that are not part of its unit ("new", "other")."""
    return (word.lower(),) in _modifier_index("unit")


@lru_cache(maxsize=1)
def time_words() -> dict[str, dict[str, str]]:
    """Time words by kind: ``time_words()["weekday"]["saturday"] == "5"``."""
    out: dict[str, dict[str, str]] = {kind: {} for kind in TIME_KINDS}
    for row in read_table("time_words.tsv"):
        if row["kind"] not in TIME_KINDS:
            raise LexiconError(f"time_words.tsv: unknown kind {row['kind']!r} for {row['term']!r}")
        out[row["kind"]][row["term"].lower()] = row["value"]
    return out


def time_word(term: str, kind: str) -> str | None:
    """The value of ``term`` as a time word of ``kind``, or None (``("annually", "rate_adverb")`` → year)."""
    return time_words().get(kind, {}).get(term.lower())


@lru_cache(maxsize=16)
def time_phrases(kind: str) -> tuple[tuple[str, ...], ...]:
    """Multi-word time phrases of ``kind`` as word tuples, longest first."""
    return tuple(sorted((tuple(t.split()) for t in time_words().get(kind, {})), key=len, reverse=True))


def parse_number(words: Sequence[str], *, money: bool = False) -> NumberReading | None:
    """Read a written number from its words; None when a word is not part of a number.

    Digits ("137", "200,000", "1.5bn"), number words ("two hundred", "half a
    million", "twenty-five") and their mix ("1.5 million") are read. Plural and
    vague words set the flags: "dozens" → 12, lower bound and approximate.
    One-letter scales ("m", "k") are read only when ``money`` is true.
    """
    total = 0.0
    current = 0.0
    seen = False
    approximate = lower = False
    for raw in words:
        word = raw.lower().strip()
        if not word or word in _JOINERS:
            continue
        match = _DIGITS.match(word)
        if match:
            value = float(match.group(1).replace(",", "") + (match.group(2) or ""))
            suffix = match.group(3)
            if suffix:
                scale = _scale_of(suffix, money=money)
                if scale is None:
                    return None
                value *= scale
            current += value
            seen = True
            continue
        entry = number_words().get(word)
        if entry is None:
            return None
        kind = entry.kind
        if kind in ("unit", "ten", "fraction"):
            current += entry.value
        elif kind in ("vague", "plural", "collective"):
            current = (current or 1.0) * entry.value if kind != "vague" else current + entry.value
            if kind != "collective":
                approximate = lower = True
        elif kind in ("scale", "abbrev") or (kind == "money_abbrev" and money):
            if entry.value < 1000:
                current = (current or 1.0) * entry.value
            else:
                total += (current or 1.0) * entry.value
                current = 0.0
        else:
            return None
        seen = True
    if not seen:
        return None
    return NumberReading(total + current, approximate, lower)


def _scale_of(suffix: str, *, money: bool) -> float | None:
    entry = number_words().get(suffix.lower())
    if entry is None:
        return None
    if entry.kind in ("scale", "abbrev") or (entry.kind == "money_abbrev" and money):
        return entry.value
    return None


def number_value(text: str, *, money: bool = False) -> NumberReading | None:
    """:func:`parse_number` over a string ("twenty-five thousand", "£3.2m" without the sign)."""
    words = re.findall(r"[\d][\d,.]*[a-z]*|[a-z]+", text.lower().replace("\u00a0", " "))
    words = [w.rstrip(".,") for w in words]
    return parse_number(words, money=money) if words else None
