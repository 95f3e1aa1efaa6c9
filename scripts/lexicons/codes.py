"""CAMEO actor codes as the Phoenix dictionaries write them: sectors, countries and dates.

A CAMEO code is a string of three-letter parts: a country or a kind of body first (``RUS``, ``IGO``,
``NGO``, ``MNC``, ``IMG``), then roles (``GOV``, ``MIL``, ``COP`` ...) and specialisations
(``RUSGOVMIL``, ``IGOUNOKID``). Agent codes start with ``~`` (``~COP``: police of whatever actor
precedes) or end with it (``IGO~``). This module maps those parts to newsgraph's sectors (OUTPUT.md)
and its country codes (ISO 3166-1 alpha-3), and reads the dictionaries' dates.
"""

from __future__ import annotations

import datetime as dt

import pycountry

# Codes that name an institution or an armed role. In a composite code they win over the WEAK codes
# below wherever they come ("~MUSREB": Muslim rebels are rebels), and the first of them wins
# ("~GOVMED": a state broadcaster is government).
STRONG: dict[str, str] = {
    "GOV": "GOV",  # government
    "ELI": "GOV",  # elites (former leaders, first families): for an agent noun the nearest sector is government;
    #               for a dated person ELI means "not in office", so persons keep it out of the sector (PERSON_ROLE)
    "MIL": "MIL",  # military
    "COP": "POL",  # police
    "JUD": "JUD",  # judiciary
    "LEG": "LEG",  # legislature
    "OPP": "OPP",  # opposition
    "MED": "MED",  # media
    "BUS": "BUS",  # business
    "MNC": "BUS",  # multinational corporation: a business
    "SPY": "SPY",  # intelligence services
    "REB": "REB",  # rebels
    "UAF": "REB",  # unidentified armed forces: armed groups outside the state, as newsgraph counts rebels
    "INS": "REB",  # insurgents
    "IMG": "REB",  # international militarised groups (al-Qaeda and the like)
    "IGO": "IGO",  # intergovernmental organisations
    "NGO": "NGO",  # non-governmental organisations
}

# Groups of people: civilians in newsgraph's terms (CVL: "civilians, activists"). Used only when the
# code has no STRONG part ("~OPPEDU": opposition students are opposition).
WEAK: dict[str, str] = {
    "CVL": "CVL",  # civilians
    "PPL": "CVL",  # people, persons
    "EDU": "CVL",  # education: students, teachers
    "AGR": "CVL",  # agriculture: farmers, fishers
    "LAB": "CVL",  # labour: workers, unions
    "REF": "CVL",  # refugees, displaced people
    "HLH": "CVL",  # health: doctors, nurses
    "ENV": "CVL",  # environmentalists (environment ministries are matched by sectors.tsv's "ministry" first)
    "HRI": "CVL",  # human-rights activists (the hand table already makes "rights group" an NGO)
    # religious groups and clergy are civilians
    "REL": "CVL",  # religion in general
    "MUS": "CVL",  # Muslim
    "SUN": "CVL",  # Sunni
    "SHI": "CVL",  # Shia
    "CHR": "CVL",  # Christian
    "CTH": "CVL",  # Catholic
    "PRO": "CVL",  # Protestant
    "ORT": "CVL",  # Orthodox
    "MAR": "CVL",  # Maronite
    "JEW": "CVL",  # Jewish
    "HIN": "CVL",  # Hindu
    "BUD": "CVL",  # Buddhist
    "SIK": "CVL",  # Sikh
}

# Codes with no newsgraph sector: an entry carrying only these is left out.
NO_SECTOR: dict[str, str] = {
    "CRM": "criminals are no political actor's sector",
    "PTY": "a political party may be in government or in opposition: the text has to say",
    "DEV": "development is an issue, not a kind of actor",
    "RAD": "radicals is a stance, not a kind of actor",
}

# CAMEO country codes that differ from ISO 3166-1 alpha-3 (or from the code newsgraph's countries.tsv uses).
CAMEO_COUNTRY: dict[str, str] = {
    "USR": "SUN",  # CAMEO's Soviet Union: ISO 3166-3 SUN
    "FRY": "YUG",  # Federal Republic of Yugoslavia 1992-2003: ISO kept YUG for it
    "KSV": "XKX",  # Kosovo has no ISO code; XKX is the user-assigned code countries.tsv uses
    "TMP": "TLS",  # East Timor: ISO replaced TMP with TLS in 2002, same country
    "ROM": "ROU",  # Romania: ISO replaced ROM with ROU in 2002
    "ZAR": "COD",  # Zaire: now the Democratic Republic of the Congo
}
# States that no longer exist, kept under their ISO 3166-3 code: an office held there was held there.
HISTORIC = frozenset({"CSK", "DDR", "SCG", "SUN", "YUG"})


class CodeError(ValueError):
    """A code or date the dictionaries should not contain (the caller skips the line and reports it)."""


def parts(code: str) -> list[str]:
    """Three-letter parts of a code: ``"~GOVMED"`` → ``["GOV", "MED"]``, ``"IGO~"`` → ``["IGO"]``."""
    bare = code.strip("~").upper()
    if not bare or len(bare) % 3 or not bare.isalpha():
        raise CodeError(f"code {code!r} is not a sequence of three-letter parts")
    return [bare[i : i + 3] for i in range(0, len(bare), 3)]


def agent_sector(code: str) -> str | None:
    """newsgraph sector of an agent code: its first STRONG part, else its first WEAK part, else None.

    An unknown part raises :class:`CodeError`, so a new code in a future source is noticed.
    """
    found = parts(code)
    for p in found:
        if p not in STRONG and p not in WEAK and p not in NO_SECTOR:
            raise CodeError(f"agent code {code!r}: part {p!r} is in no sector table of scripts/lexicons/codes.py")
    for table in (STRONG, WEAK):
        for p in found:
            if p in table:
                return table[p]
    return None


def role_sector(role_parts: list[str]) -> str | None:
    """Sector of a person's or organisation's role parts (the code after its country): the first STRONG
    part; ``ELI`` (an elite not in office) gives no sector. Parts in no table (a territory such as
    ``PRI`` in ``USAPRIGOV``, a body such as ``UNO``) are passed over."""
    for p in role_parts:
        if p == "ELI":
            return None
        if p in STRONG:
            return STRONG[p]
    return None


def iso_country(cameo: str) -> str | None:
    """ISO alpha-3 of a CAMEO country code, or None for regions and bodies (``MEA``, ``IGO``).

    Only for a code's first part: later parts may be sector codes that look like countries
    (``MUS`` is Mauritius first, Muslim later).
    """
    cameo = cameo.upper()
    if cameo in CAMEO_COUNTRY:
        return CAMEO_COUNTRY[cameo]
    if cameo in HISTORIC:
        return cameo
    return cameo if pycountry.countries.get(alpha_3=cameo) is not None else None


def cameo_date(text: str) -> str:
    """``YYMMDD`` or ``YYYYMMDD`` → ``YYYY-MM-DD``. Two-digit years 00-29 are 20xx and 30-99 are 19xx
    (PETRARCH itself reads 30 as 2030; the dictionaries, compiled in 2014, hold no date in 2030)."""
    if not text.isdigit() or len(text) not in (6, 8):
        raise CodeError(f"date {text!r} is neither YYMMDD nor YYYYMMDD")
    if len(text) == 6:
        yy = int(text[:2])
        year, rest = (2000 + yy if yy < 30 else 1900 + yy), text[2:]
    else:
        year, rest = int(text[:4]), text[4:]
    try:
        return dt.date(year, int(rest[:2]), int(rest[2:])).isoformat()
    except ValueError as exc:
        raise CodeError(f"date {text!r} is no calendar date") from exc


def date_range(spec: str) -> tuple[str, str]:
    """(start, end) of a code line's date part: ``a-b`` a range, ``>a`` from a, ``<b`` until b, ``""`` none.

    A bare date (two lines in the source) is read as "from": the one commented says "entered Foreign
    Service" on that day.
    """
    spec = spec.replace(" ", "")
    if not spec:
        return "", ""
    if spec[0] == ">":
        return cameo_date(spec[1:]), ""
    if spec[0] == "<":
        return "", cameo_date(spec[1:])
    if "-" in spec:
        first, _, last = spec.partition("-")
        start, end = cameo_date(first), cameo_date(last)
        if end < start:
            raise CodeError(f"date range {spec!r} ends before it starts")
        return start, end
    return cameo_date(spec), ""
