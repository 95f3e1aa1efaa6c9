"""Dated office holders (``office_holders.tsv``) and international / non-state bodies (``actor_codes.tsv``).

Both tables are compiled from the PETRARCH2 Phoenix actor dictionaries by
``scripts/compile_lexicons.py`` (never edited by hand); ``office_holders_recent.tsv`` adds, by hand,
the office holders since 2017 that the compiled table (which ends about 2016) lacks. An office
holder is a person with one row per role and period ("vladimir putin", RUS, GOV, from 2008-05-08);
:func:`office_on` gives the person's country and sector on an article's date, so that a head of
state named by surname alone can be placed when the text does not say. An actor code is a body
with its CAMEO code, sector and country ("hamas" → PSEREBHMS, REB, PSE).

Names are matched by their key: case, accents and punctuation do not count ("Erdoğan" =
"erdogan", "Ki-moon" = "ki moon", "V. Putin" = "v putin"), nor a leading "the".
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from newsgraph.core.textnorm import entity_key
from newsgraph.lexicon.countries import countries
from newsgraph.lexicon.events import SECTORS
from newsgraph.lexicon.loader import LexiconError, read_table

OFFICES = "office_holders.tsv"
# Office holders since 2017, written by hand (the compiled table ends about 2016): read beside OFFICES.
RECENT_OFFICES = "office_holders_recent.tsv"
ACTORS = "actor_codes.tsv"
# States that no longer exist, under their ISO 3166-3 code (countries.tsv lists today's).
HISTORIC_COUNTRIES = {"CSK": "Czechoslovakia", "DDR": "East Germany", "SCG": "Serbia and Montenegro",
                      "SUN": "Soviet Union", "YUG": "Yugoslavia"}  # fmt: skip
_ROLE = re.compile(r"^[A-Z]*$")
_PUNCT = re.compile(r"[^\w\s]|_")


@dataclass(frozen=True, slots=True)
class OfficeTerm:
    name: str
    aliases: tuple[str, ...]
    country: str | None  # ISO alpha-3; None for an international body's official
    sector: str | None  # None for ELI (an elite out of office)
    role: str  # the CAMEO role letters ("GOV", "GOVMIL", "ELI"; the whole code for a body: "IGOUNO")
    start: str | None  # YYYY-MM-DD; None = unknown beginning
    end: str | None  # YYYY-MM-DD; None = open (or undated when start is None too)
    source: str  # the code as the dictionary writes it: "[RUSGOV >080508]"

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def why(self) -> str:
        """Provenance for ``--why`` and the entity page."""
        who = " ".join(p for p in (self.country or "international body", self.sector or self.role) if p)
        when = f"valid {self.start or '…'} – {self.end or 'open'}" if self.dated else "undated"
        if self.source.startswith("hand:"):
            return f"country from the office holders since 2017 ({self.source[5:].strip()}): {who}, {when}"
        return f"country from the office-holder table (PETRARCH2 Phoenix): {who}, {when}"


@dataclass(frozen=True, slots=True)
class ActorCode:
    name: str
    aliases: tuple[str, ...]
    code: str  # CAMEO code as written: "IGOUNO", "IMGMUSALQ", "FRAREB"
    sector: str | None
    country: str | None
    start: str | None
    end: str | None


def _check(table: str, lineno: int, row: dict[str, str]) -> tuple[str | None, str | None, str | None, str | None]:
    """Validated (country, sector, start, end) of a row."""
    where = f"{table}: row {lineno} ({row['name']})"
    if not row["name"]:
        raise LexiconError(f"{table}: row {lineno}: no name")
    country, sector = row["country"] or None, row["sector"] or None
    if country is not None and country not in countries() and country not in HISTORIC_COUNTRIES:
        raise LexiconError(f"{where}: unknown country {country!r}")
    if sector is not None and sector not in SECTORS:
        raise LexiconError(f"{where}: unknown sector {sector!r}")
    dates = []
    for column in ("start", "end"):
        value = row[column] or None
        if value is not None:
            try:
                dt.date.fromisoformat(value)
            except ValueError as exc:
                raise LexiconError(f"{where}: {column} {value!r} is no YYYY-MM-DD date") from exc
        dates.append(value)
    if dates[0] and dates[1] and dates[1] < dates[0]:
        raise LexiconError(f"{where}: ends {dates[1]} before it starts {dates[0]}")
    return country, sector, dates[0], dates[1]


def _aliases(cell: str) -> tuple[str, ...]:
    return tuple(a for a in cell.split(";") if a)


@lru_cache(maxsize=1)
def office_terms_by_key() -> dict[str, tuple[OfficeTerm, ...]]:
    """Every office term, keyed by the name key of the person's name and of each alias."""
    index: dict[str, list[OfficeTerm]] = defaultdict(list)
    for table in (OFFICES, RECENT_OFFICES):
        for lineno, row in enumerate(read_table(table), 1):
            country, sector, start, end = _check(table, lineno, row)
            if not _ROLE.match(row["role"]):
                raise LexiconError(f"{table}: row {lineno} ({row['name']}): role {row['role']!r} is not CAMEO letters")
            term = OfficeTerm(
                row["name"], _aliases(row["aliases"]), country, sector, row["role"], start, end, row["source"]
            )
            for key in dict.fromkeys(entity_key(n) for n in (term.name, *term.aliases)):
                index[key].append(term)
    return {k: tuple(v) for k, v in index.items()}


def office_terms(name: str) -> list[OfficeTerm]:
    """Every term of every person called ``name`` (name or alias), earliest first, undated last."""
    terms = office_terms_by_key().get(entity_key(name), ())
    return sorted(terms, key=lambda t: (not t.dated, t.start or "", t.end or "9999", t.name, t.source))


def _span(date: str) -> tuple[str, str]:
    """First and last day of ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
    parts = date.strip().split("-")
    try:
        if len(parts) == 1 and len(parts[0]) == 4:
            year = int(parts[0])
            return dt.date(year, 1, 1).isoformat(), dt.date(year, 12, 31).isoformat()
        if len(parts) == 2 and len(parts[0]) == 4 and len(parts[1]) == 2:
            first = dt.date(int(parts[0]), int(parts[1]), 1)
            last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
            return first.isoformat(), last.isoformat()
        day = dt.date.fromisoformat(date.strip()).isoformat()
        return day, day
    except ValueError as exc:
        raise ValueError(f"date {date!r} is not YYYY, YYYY-MM or YYYY-MM-DD") from exc


def _best(terms: list[OfficeTerm]) -> OfficeTerm | None:
    """The one answer of ``terms``, or None when they name different countries (an ambiguous name)."""
    if not terms or len({t.country for t in terms}) > 1:
        return None
    # in office (a sector) before out of it (ELI), then the latest start
    return max(terms, key=lambda t: (t.sector is not None, t.start or "", t.end or "9999"))


def office_on(name: str, date: str | None) -> OfficeTerm | None:
    """The term ``name`` holds on ``date`` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; a month or year counts
    when a term overlaps it).

    None when the name is unknown, when no dated term covers the date, or when the terms that do are
    in different countries (two persons share the name). With ``date`` None, only an open or undated
    term answers, and only when all of them are in one country.
    """
    terms = office_terms(name)
    if date is None:
        return _best([t for t in terms if t.end is None])
    first, last = _span(date)
    covering = [t for t in terms if t.dated and (t.start or "") <= last and (t.end is None or t.end >= first)]
    return _best(covering)


def nationality_on(name: str, date: str | None) -> str | None:
    """The country of a person the office-holder table knows, on a date outside their terms: one who held
    office for a country before ``date`` stays of it ("Nancy Pelosi" in 2019, after her listed terms end in
    2011). None when the name is unknown, when its terms name different countries (two persons share the
    name), or when every term starts after the date."""
    terms = office_terms(name)
    if date is not None:
        first, _ = _span(date)
        terms = [t for t in terms if (t.start or "") <= first]
    countries = {t.country for t in terms}
    return countries.pop() if len(countries) == 1 else None


def office_record(name: str, first: str | None = None, last: str | None = None) -> list[dict[str, object]]:
    """The dated offices the table gives ``name``, as plain records for the entity page, the API and
    ``newsgraph entity --why``: country, sector, role, start, end, ``why`` (the provenance text) and
    ``during`` (the term overlaps the dates ``first``..``last`` the articles mention the person)."""
    out: list[dict[str, object]] = []
    for term in office_terms(name):
        during = None
        if first and last and term.dated:
            lo, hi = _span(first)[0], _span(last)[1]
            during = (term.start or "") <= hi and (term.end is None or term.end >= lo)
        out.append({"country": term.country, "sector": term.sector, "role": term.role, "start": term.start,
                    "end": term.end, "why": term.why(), "during": during})  # fmt: skip
    return out


@lru_cache(maxsize=1)
def _actor_index() -> dict[str, tuple[tuple[bool, ActorCode], ...]]:
    index: dict[str, list[tuple[bool, ActorCode]]] = defaultdict(list)
    for lineno, row in enumerate(read_table(ACTORS), 1):
        country, sector, start, end = _check(ACTORS, lineno, row)
        if not row["code"] or not row["code"].replace("~", "").isalnum():
            raise LexiconError(f"{ACTORS}: row {lineno} ({row['name']}): bad code {row['code']!r}")
        actor = ActorCode(row["name"], _aliases(row["aliases"]), row["code"], sector, country, start, end)
        index[entity_key(actor.name)].append((True, actor))
        for alias in dict.fromkeys(entity_key(a) for a in actor.aliases):
            index[alias].append((False, actor))
    return {k: tuple(v) for k, v in index.items()}


def actor_code(name: str) -> ActorCode | None:
    """The body called ``name`` (its name first, else an alias); None when unknown or when the bodies
    of that name differ in sector or country (an acronym two groups share)."""
    hits = _actor_index().get(entity_key(name), ())
    by_name = [a for is_name, a in hits if is_name]
    candidates = by_name or [a for _, a in hits]
    if not candidates or len({(a.sector, a.country) for a in candidates}) > 1:
        return None
    # the current or undated row before a closed one
    return max(candidates, key=lambda a: (a.end is None, a.start or ""))
