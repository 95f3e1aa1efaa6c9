"""The Phoenix actor dictionaries: persons with dated offices, international and non-state bodies.

Format (PETRARCH2 ``PETRreader.read_actor_dictionary``): a block starts with a name line, ``+ALIAS``
lines follow, then one or more code lines ``[CODE dates]`` (several may share a line, and the
name line may carry them too). Words are joined by ``_``; ``#`` starts a comment anywhere in a line.
Dates: ``a-b`` a range, ``>a`` from, ``<b`` until, none: undated (see :func:`codes.date_range`).

Which blocks are persons is decided by structure: a person has at least one dated code line, no
code that is a bare country, region or body (``[AFG]``, ``[MED]``), no state-level code (``UNR``
unrecognised, ``OCC`` occupied, ``AUT`` autonomous), and a name made of name words only (no
organisation word such as ARMY or COUNCIL, no digits or brackets) once titles are stripped.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from lexicons.codes import STRONG, WEAK, CodeError, date_range, iso_country, parts, role_sector
from lexicons.common import Report

_BRACKET = re.compile(r"\[([^\]]*)\]")
# A name word: letters (any script), with inner or final apostrophes, periods and hyphens ("ki-moon", "v.").
_NAME_WORD = re.compile(r"^[^\W\d_](?:[^\W\d_]|[.'\-])*$")
_ACRONYM = re.compile(r"\(([^\s()]{1,10})\)")


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Leading words stripped from a person's name or alias ("russian president vladimir putin").
TITLES = _wordset(
    """
    president president-elect vice vice-president prime premier minister ministers chancellor kanzler
    bundeskanzler secretary secretary-general secretaty sec. general gen. gen defense defence foreign interior
    finance deputy acting former ex senator sen. ambassador governor gov. leader director chairman chairwoman
    chair speaker king queen prince princess crown emir amir sultan sheikh sheik shaikh sir lady lord baroness
    baron dame mr mr. mrs mrs. ms ms. dr dr. colonel col. lieutenant lt. major maj. captain capt. admiral adm.
    marshal field commander ayatollah imam cardinal pope bishop archbishop rev. reverend judge justice chief
    attorney mayor representative rep. envoy spokesman undersecretary under emeritus his her majesty highness staff
    excellency honorable hon. comrade communist supreme grand first of the state un u.n. us u.s. eu
    ex-president congressman congresswoman assemblyman councilman councillor councilor mp lawmaker legislator
    """
)
# Words that make a name an organisation's, an office's or junk rather than a person's.
ORG_WORDS = _wordset(
    """
    national army armies forces force ministry ministries party council government committee authority front
    movement assembly parliament court police union republic kingdom state states bank agency office department
    commission cabinet administration regime congress senate junta organization organisation group brigade
    brigades association federation coalition alliance league corporation company institute university fund
    program programme secretariat tribunal sec. min. embassy mission service services navy militia people
    people's peoples province district region islands island presidency dynasty monarchy tribe board bureau
    society foundation centre center network commando battalion division corps presidium politburo chamber
    affairs minister president secretary ambassador governor chairman spokesman delegation of the for and rights
    internet observatory nationalities sfsr jaish jaysh jabhat harakat hizb hezb liwa kataib kataeb katibat
    majlis tanzim saraya ahrar fursan jund junud jamaat jamaah jemaah tahrir
    """
)
# Countries by other words than those of their block ("us president"), for title stripping.
EXTRA_PLACES = frozenset({"us", "u.s.", "american", "soviet", "british", "un", "u.n.", "united nations", "eu"})
BODY_PREFIXES = frozenset({"IGO", "NGO", "MNC", "IMG"})  # codes of bodies that belong to no country
STATE_ROLES = frozenset({"UNR", "OCC", "AUT"})  # a country block's dated status, not an office


@dataclass
class CodeLine:
    code: str
    dates: str
    raw: str  # the bracket as written, whitespace normalised: "[RUSGOV 991231-080507]"
    line: int


@dataclass
class Block:
    name: str
    line: int
    aliases: list[str] = field(default_factory=list)
    codes: list[CodeLine] = field(default_factory=list)


def _code_lines(text: str, lineno: int) -> list[CodeLine]:
    out = []
    for inner in _BRACKET.findall(text):
        bits = inner.split()
        if bits and bits[0].strip("-"):
            out.append(CodeLine(bits[0].upper(), "".join(bits[1:]), "[" + " ".join(bits) + "]", lineno))
    return out


def parse_blocks(lines: list[str], report: Report, source: str) -> list[Block]:
    """Blocks of an actor dictionary, in file order."""
    blocks: list[Block] = []
    current: Block | None = None
    for lineno, raw in enumerate(lines, 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        text, bracket, rest = line.partition("[")
        codes = _code_lines(bracket + rest, lineno)
        if not text.strip():
            if current is None:
                report.note(f"{source}: code line before any name, skipped", f"line {lineno}")
                continue
            current.codes.extend(codes)
        elif text.startswith("+"):
            if current is None:
                report.note(f"{source}: alias before any name, skipped", f"line {lineno}")
                continue
            # "+A_+_B": two aliases run together in one line
            current.aliases.extend(a for a in text[1:].split("+") if a.strip("_ "))
            current.codes.extend(codes)
        else:
            current = Block(text.strip(), lineno, codes=codes)
            blocks.append(current)
    return _merge_codeless(blocks, report, source)


def _merge_codeless(blocks: list[Block], report: Report, source: str) -> list[Block]:
    """Join name lines that have no code of their own to the next block that has one, when their last
    word is one of its words: "LEONID_BREZHNEV_", "SECRETARY_BREZHNEV", ... then
    "COMMUNIST_LEADER_LEONID_BREZHNEV [RUSGOV ...]" are one person, named by the first line. (PETRARCH
    gives such lines no code at all; TABARI's authors meant them as one block.) Other codeless lines
    ("INDIAN_OCEAN" before "LOK_SABHA") are dropped."""
    out: list[Block] = []
    pending: list[Block] = []
    for block in blocks:
        if not block.codes:
            pending.append(block)
            continue
        vocabulary = {w for text in (block.name, *block.aliases) for w in words(text)}
        joined = [p for p in pending if words(p.name) and words(p.name)[-1] in vocabulary]
        for p in pending:
            if p not in joined:
                report.note(f"{source}: name line without a code, skipped (PETRARCH gives it none)", p.name)
        if joined:
            names = [t for p in joined for t in (p.name, *p.aliases)]
            report.note(f"{source}: name lines without a code joined to the next block", f"{names[0]} → {block.name}")
            block = Block(names[0], joined[0].line, [*names[1:], block.name, *block.aliases], block.codes)
        out.append(block)
        pending = []
    for p in pending:
        report.note(f"{source}: name line without a code, skipped (PETRARCH gives it none)", p.name)
    return out


def words(text: str) -> list[str]:
    """Lower-case words of a dictionary phrase (``_`` and spaces separate words)."""
    return text.replace("_", " ").lower().split()


def strip_titles(ws: list[str], places: frozenset[str]) -> list[str]:
    """``ws`` without its leading titles, and without a country word that comes before a title."""
    i = 0
    while i < len(ws):
        if ws[i] in TITLES:
            i += 1
            continue
        for n in (3, 2, 1):
            if i + n < len(ws) and " ".join(ws[i : i + n]) in places and ws[i + n] in TITLES:
                i += n
                break
        else:
            break
    return ws[i:]


def person_name(text: str, places: frozenset[str]) -> str | None:
    """A person's name from a dictionary phrase (titles stripped), or None when it is not a clean name."""
    ws = strip_titles(words(text), places)
    if not ws or any(w in ORG_WORDS or not _NAME_WORD.match(w) for w in ws):
        return None
    name = " ".join(ws)
    return None if name in places else name


def country_places(blocks: list[Block]) -> frozenset[str]:
    """Names and aliases of the country blocks (``[AFG]``: bare country codes) and a few more."""
    out = set(EXTRA_PLACES)
    for b in blocks:
        if b.codes and all(len(c.code) == 3 and iso_country(c.code) for c in b.codes):
            for text in (b.name, *b.aliases):
                ws = words(text)
                if ws:
                    out.add(" ".join(ws[1:] if ws[0] == "the" else ws))
    return frozenset(out)


def _is_person_block(block: Block) -> bool:
    if not any(c.dates for c in block.codes):
        return False
    for c in block.codes:
        if (len(c.code) == 3 and c.code != "ELI") or c.code.startswith("MNC"):  # a place, a body, a company
            return False
        if any(p in STATE_ROLES for p in _safe_parts(c.code)[1:]):
            return False
    return True


def _safe_parts(code: str) -> list[str]:
    try:
        return parts(code)
    except CodeError:
        return []


def _aliases(texts: list[str], name: str, clean: Callable[[str], list[str | None]]) -> str:
    """``;``-joined distinct cleaned forms of ``texts`` other than ``name``, in source order."""
    seen = [name]
    for alias in texts:
        for form in clean(alias):
            if form and form not in seen:
                seen.append(form)
    return ";".join(seen[1:])


def person_rows(block: Block, places: frozenset[str], report: Report, source: str) -> list[tuple[str, ...]] | None:
    """office_holders.tsv rows of a block, or None when the block is not a person's."""
    if not _is_person_block(block):
        return None
    name = person_name(block.name, places)
    if name is None:
        return None
    aliases = _aliases(block.aliases, name, lambda a: [person_name(a, places)])
    rows = []
    for c in block.codes:
        where = f"{source}:{c.line} {name} {c.raw}"
        try:
            ps = parts(c.code)
            start, end = date_range(c.dates)
        except CodeError as exc:
            report.note("office holders: bad code or date, line skipped", f"{where} ({exc})")
            continue
        if ps[0] in BODY_PREFIXES:
            country, sector, role = "", STRONG[ps[0]], c.code
        else:
            country = iso_country(ps[0]) or ""
            if not country:
                report.note(
                    "office holders: code of no country or body (ELI alone, a fictional or sub-state code)", where
                )
                continue
            role = c.code[3:]
            sector = role_sector(ps[1:]) or ""
        rows.append((name, aliases, country, sector, role, start, end, c.raw))
    return rows


def _org_forms(text: str) -> list[str | None]:
    """An organisation's name and the acronym it gives in brackets: "aden army (aaa)" → ["aden army", "aaa"]."""
    phrase = " ".join(words(text))
    acronyms = _ACRONYM.findall(phrase)
    if acronyms:
        phrase = " ".join(_ACRONYM.sub(" ", phrase).split())
    return [phrase.strip(" -"), *acronyms] if phrase.strip(" -") else acronyms


def org_sector(ps: list[str]) -> str:
    """Sector of an organisation's code: its body prefix (IGO, NGO, MNC, IMG) or its first role part."""
    if ps[0] in STRONG:
        return STRONG[ps[0]]
    return role_sector(ps[1:]) or ""


def org_country(ps: list[str]) -> str:
    """Country of an organisation's code: its first part, or the part after MNC/NGO ("MNCUSA")."""
    if ps[0] in ("MNC", "NGO") and len(ps) > 1 and ps[1] not in STRONG and ps[1] not in WEAK:
        return iso_country(ps[1]) or ""
    if ps[0] in STRONG or ps[0] in WEAK:
        return ""
    return iso_country(ps[0]) or ""


def actor_rows(block: Block, report: Report, source: str, default_sector: str = "") -> list[tuple[str, ...]]:
    """actor_codes.tsv rows of an organisation's block (one per code line)."""
    forms = _org_forms(block.name)
    if not forms:
        report.note(f"{source}: block without a name, skipped", f"line {block.line}")
        return []
    name = forms[0]
    aliases = _aliases([*forms[1:], *block.aliases], name, _org_forms)
    rows = []
    for c in block.codes:
        where = f"{source}:{c.line} {name} {c.raw}"
        if c.code == "ELI":
            report.note("actor codes: [ELI] without a country, line skipped", where)
            continue
        try:
            ps = parts(re.sub(r"\d+", "", c.code))  # "NGOCHRPRO214": a denomination number ends a few codes
            start, end = date_range(c.dates)
        except CodeError as exc:
            report.note("actor codes: bad code or date, line skipped", f"{where} ({exc})")
            continue
        sector = org_sector(ps) or default_sector
        rows.append((name, aliases, c.code, sector, org_country(ps), start, end))
    return rows
