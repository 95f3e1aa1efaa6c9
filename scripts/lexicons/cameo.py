"""PETRARCH2's CAMEO verb dictionary → newsgraph verb patterns (``lexicon/data/cameo_verbs.tsv``).

``CAMEO.2.0.txt`` holds verb blocks (``--- KILL [190] ---``): the verbs of a block are synonyms, each
with its inflected forms and, sometimes, a code of its own; the block's patterns (``- * FIRE AT +
[190]``) hold for every verb of the block. A pattern's words after ``*`` (the verb) constrain what
the verb governs: a particle (``* DOWN``), words of its object (``* AID``, ``* {TEAR GAS}``), a
preposition with its object (``* (FOR RELEASE)``); ``+`` marks the target, ``$`` the source; words
before ``*`` constrain the subject; ``&NAME`` stands for a synonym set of the file's first part.

Each pattern becomes one row in newsgraph's dependency-based format (``event_verbs.tsv``):

- particle → ``prt:W``; a preposition → ``prep:W``; object words → ``arg:A|B`` (a word of the verb's
  argument phrases at most three levels down, not inside a clause; singular and plural forms);
  subject words → ``subj:A|B``;
- ``+`` after the verb → target ``obj``, inside ``(P +)`` → target ``prep:P``, before the verb
  (a passive's subject) → ``obj``; ``$`` inside ``(P $)`` → actor ``prep:P``;
- a code written ``[:CODE]`` holds for the reversed reading: the subject undergoes the event and
  becomes the target (target ``subj``), the actor is unnamed ("X died from his injuries");
- the CAMEO code → PLOVER type and mode through ``CAMEO2PLOVER-2021.txt``; codes 01x (public
  statements) and ``---`` become ``none`` rows: the verb with those words is no event, and the
  search for a pattern stops there; codes 02x (appeals) are REQUEST, with the mode of the
  matching 10x demand (PLOVER merges CAMEO's appeals and demands).

A bare verb (no pattern) is coded only for the block's head verb and for verbs with a code of their
own: the other synonyms of a block take its meaning only with a pattern's words ("GIVE * AID").
Light verbs, verbs of neutral speech, verbs that frame another event and verbs whose subject undergoes
the event (``cameo_no_default.txt``) never get a bare row. Rows are sorted, so two runs write the same bytes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lexicons.common import Context, hand_table, provenance, read_source, source_commit, tsv_text

__all__ = ["CameoRow", "compile_cameo", "compile_files", "parse_plover_map", "read_cameo"]

# English particles: as the second word of a multi-word verb or right after "*", a prt: need.
PARTICLES = frozenset({"up", "down", "out", "off", "away", "back", "aside", "over", "forward", "along", "apart"})
PREPOSITIONS = frozenset(
    {
        "for",
        "with",
        "to",
        "against",
        "at",
        "on",
        "in",
        "into",
        "from",
        "of",
        "by",
        "about",
        "toward",
        "towards",
        "upon",
        "onto",
        "between",
        "among",
        "across",
        "through",
        "under",
        "as",
        "after",
        "before",
        "without",
        "behind",
        "near",
        "around",
        "within",
        "during",
        "over",
        "via",
        "like",
        "off",
        "beyond",
        "amid",
        "despite",
    }
)
NO_DEFAULT_FILE = Path(__file__).with_name("cameo_no_default.txt")


def no_default(path: Path = NO_DEFAULT_FILE) -> frozenset[str]:
    """Verbs never coded bare (``cameo_no_default.txt``): light verbs, neutral speech, verbs that frame
    another event, verbs whose subject undergoes the event."""
    words = (line.split("#", 1)[0].split() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(w.lower() for line in words for w in line)


# CAMEO 02x appeals → the mode of the matching 10x demand (PLOVER's REQUEST covers both).
APPEAL_MODES = {
    "021": "assist",
    "022": "assist",
    "023": "assist",
    "024": "change",
    "025": "yield",
    "026": "meet",
    "027": "meet",
    "028": "meet",
}
# CAMEO2PLOVER mode names that newsgraph's plover.tsv spells differently.
MODE_ALIASES = {"assassinate": "targeted"}
_TOKEN = re.compile(r"\{[^}]*\}|\(|\)|[^\s(){}]+")
_HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
_CODE = re.compile(r"\[([^\]]*)\]")


@dataclass(frozen=True, slots=True)
class CameoRow:
    lemma: str
    needs: tuple[str, ...]
    type: str  # a PLOVER type, or "none" (no event)
    mode: str
    target: tuple[str, ...]
    actor: tuple[str, ...]
    cameo: str

    def cells(self) -> list[str]:
        return [
            self.lemma,
            "",
            ";".join(self.needs),
            self.type,
            self.mode,
            ";".join(self.target),
            ";".join(self.actor),
            self.cameo,
        ]


@dataclass(slots=True)
class _Block:
    name: str
    code: str
    verbs: list[tuple[str, str | None, str | None]]  # (lemma, second word, own code)
    patterns: list[tuple[str, str]]  # (pattern text, code)


# ---- reading ---------------------------------------------------------------------------------
def _code(cell: str) -> str:
    """The code of a ``[...]`` cell: ``041:041`` → 041, ``---`` → ``---``, ``:110`` → ``:110`` (a code
    only for the reversed reading: the subject undergoes the event, "X died from injuries")."""
    cell = cell.strip().removesuffix("---").strip().rstrip("!") or "---"
    first, _, second = cell.partition(":")
    if not first.strip() and second.strip():
        return ":" + second.strip()
    return (first or second or "---").strip()


def _words(cell: str) -> list[str]:
    return [w for w in cell.strip().strip("_").lower().split("_") if w]


def read_cameo(path: Path) -> tuple[dict[str, list[str]], list[_Block]]:
    """Synonym sets (``&NAME`` → words) and verb blocks of ``CAMEO.2.0.txt``."""
    synsets: dict[str, list[str]] = {}
    blocks: list[_Block] = []
    current_set: str | None = None
    in_verbs = False
    for raw in read_source(path):
        line = raw.split("#", 1)[0].rstrip()
        if raw.startswith("####### VERB PATTERNS"):
            in_verbs = True
            continue
        if not line.strip():
            continue
        if not in_verbs:
            if line.startswith("&"):
                current_set = line.strip().lstrip("&").rstrip("_").upper()
                synsets[current_set] = []
            elif line.startswith("+") and current_set:
                synsets[current_set].append(" ".join(_words(line[1:])))
            continue
        header = _HEADER.match(line)
        if header:
            blocks.append(_Block(header.group(1).strip("_").lower(), _code(header.group(2)), [], []))
            continue
        if not blocks:
            continue
        block = blocks[-1]
        if line.startswith("-"):
            codes = _CODE.findall(line)
            if codes:
                block.patterns.append((_CODE.sub("", line[1:]).strip(), _code(codes[-1])))
            continue
        verb = line.strip()
        own = _CODE.search(verb)
        head = re.sub(r"\{[^}]*\}|\[[^\]]*\]", " ", verb).split()
        if not head:
            continue
        words = _words(head[0].lstrip("+"))
        if not words or not words[0].isalpha():
            continue
        second = words[1] if len(words) > 1 else None
        if len(words) > 2 or (second and second not in PARTICLES | PREPOSITIONS):
            continue  # "set in motion": more than a verb and its particle
        block.verbs.append((words[0], second, _code(own.group(1)) if own else None))
    return synsets, blocks


def parse_plover_map(path: Path) -> dict[str, tuple[str, str]]:
    """``CAMEO2PLOVER-2021.txt``: CAMEO code → (PLOVER type, mode as written there)."""
    out: dict[str, tuple[str, str]] = {}
    for raw in read_source(path):
        line = raw.split("#", 1)[0].strip()
        code, sep, rest = line.partition(":")
        if not sep or not code.strip().isdigit():
            continue
        cells = [c.strip() for c in rest.split(",")]
        if cells and cells[0]:
            out.setdefault(code.strip(), (cells[0].upper(), cells[1].lower() if len(cells) > 1 else ""))
    return out


# ---- codes → PLOVER --------------------------------------------------------------------------
def plover_of(code: str, mapping: dict[str, tuple[str, str]], modes: dict[str, frozenset[str]]) -> tuple[str, str]:
    """(type, mode) of a CAMEO code; ("none", "") for statements and uncoded patterns."""
    if code == "---" or not code.isdigit() or code.startswith("01"):
        return "none", ""
    if code.startswith("02"):
        return "REQUEST", APPEAL_MODES.get(code[:3], "")
    for n in range(len(code), 1, -1):
        hit = mapping.get(code[:n])
        if hit is not None:
            type_, mode = hit
            if type_ not in modes:
                return "none", ""
            mode = MODE_ALIASES.get(mode, mode)
            return type_, mode if mode in modes[type_] else ""
    return "none", ""


# ---- patterns → rows ---------------------------------------------------------------------------
def _forms(word: str, synsets: dict[str, list[str]]) -> list[str]:
    """Words a pattern word stands for: a synset's members (their last word), or the word and its
    singular/plural."""
    if word.startswith("&"):
        members = synsets.get(word[1:].rstrip("_").upper(), [])
        return sorted({m for m in members if m and " " not in m})  # a two-word member needs both words
    w = word.strip("_").lower().replace("_", " ").split()
    if not w:
        return []
    w0 = w[-1]
    out = {w0}
    if w0.endswith("ies") and len(w0) > 4:
        out.add(w0[:-3] + "y")
    elif w0.endswith("s") and not w0.endswith("ss") and len(w0) > 3:
        out.add(w0[:-1])
    else:
        out.add(w0 + "s")
    return sorted(x for x in out if x.replace("-", "").isalpha())


def _content(tokens: list[str], synsets: dict[str, list[str]]) -> list[list[str]]:
    """One word alternative list per content word of ``tokens`` (braces split into their words)."""
    out: list[list[str]] = []
    for tok in tokens:
        parts = tok.strip("{}").split() if tok.startswith("{") else [tok]
        for part in parts:
            if part in ("+", "$", "*") or not part.strip("&_"):
                continue
            forms = _forms(part, synsets)
            if forms:
                out.append(forms)
    return out


def translate(pattern: str, synsets: dict[str, list[str]]) -> tuple[list[str], list[str], list[str]] | None:
    """(needs, target slots, actor slots) of one pattern, or None when it cannot be expressed."""
    tokens = _TOKEN.findall(pattern)
    if tokens.count("*") != 1:
        return None
    star = tokens.index("*")
    before, after = tokens[:star], tokens[star + 1 :]
    needs: list[str] = []
    target: list[str] = []
    actor: list[str] = []
    if "+" in before:
        target.append("obj")
    subj = _content([t for t in before if t not in ("(", ")")], synsets)
    if subj:
        needs.append("subj:" + "|".join(subj[-1]))
    words: list[str] = []
    i = 0
    while i < len(after):
        tok = after[i]
        if tok == "(":
            close = after.index(")", i) if ")" in after[i:] else len(after)
            group = after[i + 1 : close]
            i = close + 1
            if not group:
                continue
            prep = group[0].strip("_").lower()
            if prep not in PREPOSITIONS:
                words.extend(group)
                continue
            needs.append(f"prep:{prep}")
            if "+" in group:
                target.append(f"prep:{prep}")
            elif "$" in group:
                actor.append(f"prep:{prep}")
            else:
                words.extend(group[1:2])  # the head of the prepositional object
            continue
        if tok == ")":
            i += 1
            continue
        if i == 0 and tok.lower() in PARTICLES:
            needs.append(f"prt:{tok.lower()}")
        elif tok == "+":
            target.append("obj")
        elif tok.upper() == "IF":
            needs.append("if")
        elif tok.lower() in PREPOSITIONS and not words:
            needs.append(f"prep:{tok.lower()}")  # "* AT", "* AGAINST"
        else:
            words.append(tok)
        i += 1
    for alternatives in _content(words, synsets)[:3]:
        needs.append("arg:" + "|".join(alternatives))
    if not target:
        target.append("obj")
    return needs, target, actor


def compile_cameo(lexicons: Path, modes: dict[str, frozenset[str]]) -> list[CameoRow]:
    """Every row of ``cameo_verbs.tsv``. ``modes``: PLOVER type → the modes newsgraph's plover.tsv knows."""
    synsets, blocks = read_cameo(lexicons / "petrarch2" / "CAMEO.2.0.txt")
    mapping = parse_plover_map(lexicons / "plover" / "CAMEO2PLOVER-2021.txt")
    rows: dict[tuple[str, tuple[str, ...], tuple[str, ...]], CameoRow] = {}
    never_bare = no_default()

    def add(row: CameoRow) -> None:
        rows.setdefault((row.lemma, row.needs, row.actor), row)  # the first pattern in file order wins

    for block in blocks:
        translated = [(translate(text, synsets), code) for text, code in block.patterns]
        for lemma, second, own in block.verbs:
            base: list[str] = []
            if second:
                base.append(f"prt:{second}" if second in PARTICLES else f"prep:{second}")
            default = own or (block.code if block.name.split("_")[0] == lemma else None)
            bare_ok = default is not None and lemma not in never_bare  # the verb alone may carry the block's meaning
            if bare_ok and default:
                type_, mode = plover_of(default, mapping, modes)
                if type_ != "none":
                    add(CameoRow(lemma, tuple(base), type_, mode, ("obj",), (), default))
            for result, code in translated:
                if result is None:
                    continue
                needs, target, actor = result
                if code.startswith(":"):  # the subject undergoes it: "died from injuries" (by someone unnamed)
                    code, target, actor = code[1:], ["subj"], [a for a in actor if a != "subj"]
                if not bare_ok and not any(n.startswith(("arg:", "subj:", "if")) for n in needs):
                    continue  # a synonym takes the block's meaning only with the pattern's words
                type_, mode = plover_of(code, mapping, modes)
                add(CameoRow(lemma, tuple(base + needs), type_, mode, tuple(target), tuple(actor), code))
    return sorted(rows.values(), key=lambda r: (r.lemma, -len(r.needs), r.needs, r.actor))


COLUMNS = ("lemma", "pos", "needs", "type", "mode", "target", "actor", "cameo")
COMMENT = [
    "Verb patterns compiled from PETRARCH2's CAMEO verb dictionary, CAMEO codes mapped to PLOVER types and",
    "modes through PLOVER's CAMEO2PLOVER-2021.txt (scripts/lexicons/cameo.py says how). Same columns as",
    "event_verbs.tsv (see its header); the event coder tries them after the hand-written rows of the same",
    "lemma, and only the rows that name words when the lemma has hand-written rows. type none: the verb",
    "with these words is no event (a public statement, or a pattern CAMEO leaves uncoded). needs arg:A|B:",
    "a word of the verb's object or prepositional phrases (not of a clause it governs); subj:A|B: the",
    "subject's lemma. cameo: the CAMEO code of the pattern, where the row comes from.",
]


def plover_modes(data: Path) -> dict[str, frozenset[str]]:
    """PLOVER type → the modes newsgraph's ``plover.tsv`` knows."""
    rows = hand_table(data / "plover.tsv", "type")
    return {row["type"]: frozenset(m.strip() for m in row["modes"].split(";") if m.strip()) for row in rows.values()}


def compile_files(ctx: Context) -> dict[str, str]:
    """``cameo_verbs.tsv``, by name."""
    rows = compile_cameo(ctx.lexicons, plover_modes(ctx.data))
    commits = f"petrarch2 {source_commit(ctx.lexicons, 'petrarch2')}, plover {source_commit(ctx.lexicons, 'plover')}"
    header = provenance(
        COMMENT,
        ["petrarch2/CAMEO.2.0.txt", "plover/CAMEO2PLOVER-2021.txt"],
        commits,
        'MIT, "Copyright (c) 2014 Open Event Data" (PETRARCH2); CC BY-SA 4.0 (the PLOVER mapping)',
    )
    return {"cameo_verbs.tsv": tsv_text(header, COLUMNS, (row.cells() for row in rows))}
