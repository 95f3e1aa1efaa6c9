"""Compiles the PETRARCH2 Phoenix dictionaries into ``agents.tsv``, ``office_holders.tsv`` and ``actor_codes.tsv``.

- ``Phoenix.agents.txt`` → ``agents.tsv``: agent nouns and phrases ("riot police", "peasant") with the
  newsgraph sector of their Phoenix code (the mapping, with a reason per code, is in
  :mod:`lexicons.codes`). Substitution markers (``!PERSON!``) are expanded, plurals generated as
  PETRARCH does (``{...}`` gives them, ``{}`` forbids them). Phrases of the hand-written
  ``sectors.tsv`` are left out: the hand table wins and its loader consults it first.
- ``Phoenix.Countries.actors.txt`` → ``office_holders.tsv``: the persons, one row per dated office.
- ``Phoenix.International.actors.txt``, ``Phoenix.MilNonState.actors.txt`` → ``actor_codes.tsv``
  (international, non-state and militant bodies); the persons among them go to ``office_holders.tsv``.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from lexicons.codes import CodeError, agent_sector
from lexicons.common import Context, Report, hand_table, provenance, read_source, source_commit, tsv_text
from lexicons.phoenix_actors import actor_rows, country_places, parse_blocks, person_rows

FOLDER = "petrarch2"
AGENTS = "Phoenix.agents.txt"
COUNTRIES = "Phoenix.Countries.actors.txt"
INTERNATIONAL = "Phoenix.International.actors.txt"
MILNONSTATE = "Phoenix.MilNonState.actors.txt"
LICENCE = 'MIT, "Copyright (c) 2014 Open Event Data" (PETRARCH2)'

_MARKER = re.compile(r"!([A-Z]+)!")
_MANGLED_MARKER = re.compile(r"!([A-Z]+)!(?=[A-Z])")  # "AD!MINIST!RATIVE": a find-and-replace accident
# Word stems the file still uses as a final word ("DEFENSE_MINIST"): TABARI matched them as prefixes.
STEMS = {
    "MINIST": ("MINISTER", "MINISTERS", "MINISTRY", "MINISTRIES"),
    "COMPAN": ("COMPANY", "COMPANIES"),
    "INDUSTR": ("INDUSTRY", "INDUSTRIES"),
}
# Words ending in "man" whose plural is not "-men".
_MAN_PLURAL_S = frozenset({"human", "german", "roman", "shaman", "talisman", "ottoman", "caiman", "walkman"})
_PREPOSITIONS = frozenset({"of", "for", "to", "in", "at", "on", "from", "with", "de", "du"})


@dataclass(frozen=True)
class AgentEntry:
    """One agent of the source: its forms (the phrase and the plurals that go with it) and its code."""

    forms: tuple[str, ...]
    code: str
    line: int


def phrase(text: str) -> str:
    """Lower-case words separated by single spaces (``_`` joins words in the source)."""
    return " ".join(text.replace("_", " ").lower().split())


def _plural_word(word: str) -> str | None:
    """Plural of one word (upper or lower case), or None when it has none to form."""
    low = word.lower()
    upper = word[-1:].isupper()
    if (
        not low[-1:].isalpha()
        or low.endswith(("ies", "men"))
        or (low.endswith("s") and not low.endswith(("ss", "us", "is")))
    ):
        return None  # "lt.", "armies", "ministers": an abbreviation or already a plural
    if low.endswith("man") and not any(low.endswith(w) for w in _MAN_PLURAL_S):
        return word[:-3] + ("MEN" if upper else "men")
    if low.endswith("y") and len(low) > 1 and low[-2] not in "aeiou":
        return word[:-1] + ("IES" if upper else "ies")
    if low.endswith(("s", "x", "z", "ch", "sh")):
        return word + ("ES" if upper else "es")
    return word + ("S" if upper else "s")


def plural(text: str) -> str | None:
    """Regular plural of an agent phrase as PETRARCH forms it (its last word), with English's -es, -men and
    vowel+y (PETRARCH writes "ATTORNEIES", "CHAIRMANS"), and on the head noun before a preposition
    ("CHAIRMEN_OF_THE_COUNCIL"). None when the phrase has no plural to form."""
    tokens = re.split(r"([_ ]+)", text)  # words and their separators
    head = len(tokens) - 1
    for i in range(2, len(tokens), 2):
        if tokens[i].lower() in _PREPOSITIONS:
            head = i - 2
            break
    word = _plural_word(tokens[head])
    return None if word is None else "".join([*tokens[:head], word, *tokens[head + 1 :]])


def _expand_markers(text: str, markers: dict[str, list[str]], report: Report, lineno: int) -> list[str] | None:
    found = _MARKER.findall(text)
    missing = [m for m in found if m not in markers]
    if missing:
        report.note("agents: unknown substitution marker, line skipped", f"line {lineno}: {text}")
        return None
    pieces = _MARKER.split(text)  # literal, marker, literal, marker, ...
    choices = [[p] if i % 2 == 0 else markers[p] for i, p in enumerate(pieces)]
    return ["".join(c) for c in itertools.product(*choices)]


def parse_agents(lines: list[str], report: Report) -> list[AgentEntry]:
    """The agents of ``Phoenix.agents.txt`` in file order (markers expanded: one entry per form)."""
    markers: dict[str, list[str]] = {}
    out: list[AgentEntry] = []
    for lineno, raw in enumerate(lines, 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if "!" in line and "=" in line:  # "!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON"
            name, _, values = line.partition("=")
            markers[name.strip().strip("!")] = [v.strip() for v in values.split(",") if v.strip()]
            continue
        text, bracket, rest = line.partition("[")
        code = re.sub(r"[^A-Z~]", "", rest.partition("]")[0].upper())  # "[~ENV}" → "~ENV"
        if not bracket or not code.strip("~"):
            report.note("agents: line without a code, skipped (PETRARCH skips it too)", f"line {lineno}: {line}")
            continue
        plural_given: str | None = None
        if "{" in text:
            text, _, braces = text.partition("{")
            plural_given = braces.partition("}")[0].strip()  # "" = no plural
        text = text.strip()
        if _MANGLED_MARKER.search(text):
            report.note("agents: marker inside a word read as its letters", f"line {lineno}: {text}")
            text = _MANGLED_MARKER.sub(r"\1", text)
        last = re.split(r"[_ ]", text)[-1]
        if _MARKER.search(text):  # each substituted form stands alone, without a generated plural
            forms = _expand_markers(text, markers, report, lineno)
            out.extend(AgentEntry((f,), code, lineno) for f in forms or ())
        elif last in STEMS:
            stem_forms = [text[: -len(last)] + w for w in STEMS[last]]
            out.extend(AgentEntry((f,), code, lineno) for f in stem_forms)
        elif plural_given is not None:
            out.append(AgentEntry((text, plural_given) if plural_given else (text,), code, lineno))
        else:
            many = plural(text)
            out.append(AgentEntry((text, many) if many else (text,), code, lineno))
    return out


def compile_agents(entries: list[AgentEntry], hand: set[str], report: Report) -> list[tuple[str, str, str]]:
    """(phrase, sector, phoenix code) rows: per phrase the first code that maps to a sector."""
    chosen: dict[str, tuple[str, str]] = {}
    for e in entries:
        forms = [phrase(f) for f in e.forms]
        try:
            sector = agent_sector(e.code)
        except CodeError as exc:
            report.note("agents: unknown code, entry skipped", f"line {e.line}: {exc}")
            continue
        if any(f.replace("-", " ") in hand for f in forms):
            report.note("agents: in sectors.tsv (the hand table wins), left out", forms[0])
            continue
        if sector is None:
            report.note(
                "agents: code without a newsgraph sector (CRM, PTY, DEV, RAD), left out", f"{forms[0]} {e.code}"
            )
            continue
        for f in forms:
            if f not in chosen:
                chosen[f] = (sector, e.code)
            elif chosen[f][0] != sector:
                report.note("agents: listed again with another sector, the first kept", f"{f} {e.code}")
    return [(p, s, c) for p, (s, c) in chosen.items()]


AGENTS_COMMENT = [
    "Agent nouns and phrases → newsgraph sector (OUTPUT.md codes), compiled from the PETRARCH2 Phoenix agents",
    "dictionary. phrase: lower case, single spaces, hyphens as in the source; markers (!PERSON!) expanded and",
    "plurals generated. sector: mapped from the Phoenix code by the table in scripts/lexicons/codes.py (STRONG",
    "parts first, then WEAK ones; CRM/PTY/DEV/RAD give none and are left out). phoenix: the source code.",
    "Phrases of the hand-written sectors.tsv are left out: it wins (lexicon/agents.py consults it first).",
]
OFFICE_COMMENT = [
    "Persons with their dated roles, compiled from the PETRARCH2 Phoenix actor dictionaries; one row per",
    "(person, code line). name/aliases: lower case, titles stripped. country: ISO 3166-1 alpha-3 (ISO 3166-3",
    "for states that ended: SUN, YUG, CSK, DDR, SCG), empty for international bodies. sector: newsgraph's;",
    "empty for ELI (an elite not in office). role: the CAMEO code after the country (the whole code for a",
    "body: IGOUNO). start/end: ISO dates, empty = open or undated. source: the code as written.",
]
ACTOR_COMMENT = [
    "International, non-state and militant bodies with their CAMEO codes, compiled from the PETRARCH2",
    "Phoenix International and MilNonState dictionaries (their persons are in office_holders.tsv).",
    "name/aliases: lower case; an acronym in brackets becomes an alias. code: as written. sector: IGO, NGO,",
    "BUS (MNC), REB (IMG, and every MilNonState body), else the code's first role part. country: ISO alpha-3",
    "of the code's first part, or of the part after MNC/NGO (MNCUSA); empty for regions and bodies.",
]


def compile_files(ctx: Context) -> dict[str, str]:
    """The three Phoenix files, by name."""
    src = ctx.lexicons / FOLDER
    commit = source_commit(ctx.lexicons, FOLDER)
    report = ctx.report
    hand = set(hand_table(ctx.data / "sectors.tsv", "noun")) | {
        key.replace("-", " ") for key, row in hand_table(ctx.data / "titles.tsv", "title").items() if row["sector"]
    }  # the hand-written tables win: their phrases are left out of agents.tsv
    agents = compile_agents(parse_agents(read_source(src / AGENTS), report), hand, report)

    country_blocks = parse_blocks(read_source(src / COUNTRIES), report, COUNTRIES)
    places = country_places(country_blocks)
    offices: list[tuple[str, ...]] = []
    for block in country_blocks:
        rows = person_rows(block, places, report, COUNTRIES)
        if rows is None:
            report.note(f"{COUNTRIES}: not a person's block (country, place, body, undated), skipped", block.name)
        offices.extend(rows or ())
    actors: list[tuple[str, ...]] = []
    for source, default in ((INTERNATIONAL, ""), (MILNONSTATE, "REB")):
        for block in parse_blocks(read_source(src / source), report, source):
            rows = person_rows(block, places, report, source)
            if rows is not None:
                offices.extend(rows)
            else:
                actors.extend(actor_rows(block, report, source, default))

    def header(comment: list[str], sources: list[str]) -> list[str]:
        return provenance(comment, [f"{FOLDER}/{s}" for s in sources], commit, LICENCE)

    return {
        "agents.tsv": tsv_text(header(AGENTS_COMMENT, [AGENTS]), ["phrase", "sector", "phoenix"], agents),
        "office_holders.tsv": tsv_text(
            header(OFFICE_COMMENT, [COUNTRIES, INTERNATIONAL, MILNONSTATE]),
            ["name", "aliases", "country", "sector", "role", "start", "end", "source"],
            offices,
        ),
        "actor_codes.tsv": tsv_text(
            header(ACTOR_COMMENT, [INTERNATIONAL, MILNONSTATE]),
            ["name", "aliases", "code", "sector", "country", "start", "end"],
            actors,
        ),
    }
