"""Typed access to the event and stance lexicons.

The event coder (``extract/events.py``) and the stance finder (``extract/stances.py``)
read their knowledge from data files under ``lexicon/data/``:

- ``plover.tsv``: the 16 PLOVER types, their modes, CAMEO root code and intensity;
- ``event_verbs.tsv``: hand-written verb patterns (lemma + conditions → type, mode, argument slots);
- ``cameo_verbs.tsv``: verb patterns compiled from the CAMEO dictionary (``scripts/compile_lexicons.py``),
  tried after the hand-written rows of the same lemma;
- ``event_nouns.tsv``: nominal events ("cyberattack", "phone call", "talks");
- ``light_verbs.tsv``: light verbs ("hold talks") and attribution verbs ("attributed to X");
- ``sectors.tsv``: actor nouns → sector code, with country metonyms ("Kremlin" → RUS);
- ``actor_nouns.tsv``: nouns for people or groups that can act but imply no sector ("critics");
- ``stance_cues.tsv``: expressions of absence and of position, issue nouns (speech verbs are the
  quote extractor's, ``speech_verbs.tsv`` through :func:`newsgraph.lexicon.cues.speech_verbs`);
- ``modality_cues.tsv``: negation, modal, future, intent, condition and denial words;
- ``event_context.tsv``: nouns that refer back to an event ("the attack"), place nouns ("the
  region"), and the evaluative words of a characterization ("called the deal illegal").

Every table is validated when first read: an unknown PLOVER type or mode, or a
malformed condition, raises :class:`~newsgraph.lexicon.loader.LexiconError` naming
the file and the entry.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from newsgraph.core.textnorm import KEY_CACHE_SIZE
from newsgraph.lexicon.loader import LexiconError, read_table
from newsgraph.lexicon.titles import titles

SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "POL", "OPP", "CVL", "MED", "BUS", "IGO", "NGO", "SPY", "REB"})
POSITIONS = frozenset({"supports", "opposes", "neutral", "no official statement"})
_PLAIN_NEEDS = frozenset(
    {"if", "comp", "compfact", "compnamed", "nocomp", "noobj", "verbal", "tocomp", "tocome", "named", "country"}
    | {"given", "tocoop", "person"}
)
_NEED_KINDS = frozenset({"prt", "prep", "word", "arg", "obj", "eval", "subj", "compevent", "compfuture"})
NO_EVENT = "none"  # a compiled pattern's type when the verb with its words is no event
_SLOT_KINDS = frozenset({"obj", "subj", "prep", "if", "near", "default", "comp", "agent", "speaker", "reported"})
_CONTEXT_KINDS = frozenset(
    {"anaphor", "act", "reprisal", "hazard", "mishap", "place", "negative", "positive", "helped", "yield"}
)
MODALITY_KINDS = frozenset(
    {
        "negation",
        "modal",
        "future",
        "intent",
        "failure",
        "denial",
        "condition",
        "irrealis",
        "allegation",
        "commit",
        "obligation",
        "shortfall",
        "cancel",
        "proposal",
    }
)


@dataclass(frozen=True, slots=True)
class PloverType:
    name: str
    modes: frozenset[str]
    cameo_root: str
    intensity: float
    needs_target: bool
    drop_target_sectors: frozenset[str]
    drop_actor_sectors: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Need:
    """One condition of a verb pattern: ``kind`` in prt/prep/word/obj/if, ``words`` its lemmas."""

    kind: str
    words: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class VerbPattern:
    lemma: str
    pos: str
    needs: tuple[Need, ...]
    type: str | None  # None: the verb with these words is no event (a compiled CAMEO statement pattern)
    mode: str | None
    target: tuple[str, ...]
    actor: tuple[str, ...]
    cameo: str | None = None  # the CAMEO code of a compiled row; None for a hand-written one

    @property
    def specific(self) -> bool:
        """Words beyond the verb's own particle or preposition must be present ("GIVE * AID")."""
        return any(n.kind not in ("prt", "prep") for n in self.needs)


@dataclass(frozen=True, slots=True)
class NounPattern:
    noun: str
    modifier: str | None  # first word of a two-word noun ("phone" in "phone call")
    type: str
    mode: str | None
    target: tuple[str, ...]
    standalone: bool
    implicit: str | None = None  # actor noun when none is named ("protests in X": protesters of X)
    patient_possessor: bool = False  # "Khashoggi's killing": the possessor suffers it (without an "of" phrase)


@dataclass(frozen=True, slots=True)
class LightVerb:
    verb: str
    particle: str | None
    kind: str  # "light" | "attribution" | "undergo"
    role: str | None  # "prep:to" | "subject" for attribution verbs


@dataclass(frozen=True, slots=True)
class SectorEntry:
    sector: str
    country: str | None
    envoy: bool
    weapon: bool = False  # a craft or munition standing for the force that fires it ("Russian drones")


@dataclass(frozen=True, slots=True)
class StanceCue:
    kind: str
    words: tuple[str, ...]
    negated: bool
    position: str | None


def _split(cell: str, sep: str = ";") -> tuple[str, ...]:
    return tuple(p.strip() for p in cell.split(sep) if p.strip())


@lru_cache(maxsize=1)
def plover_types() -> dict[str, PloverType]:
    """The 16 PLOVER types keyed by name."""
    out: dict[str, PloverType] = {}
    for row in read_table("plover.tsv"):
        drop = frozenset(_split(row["drop_target_sectors"]))
        drop_actor = frozenset(_split(row.get("drop_actor_sectors", "")))
        if not (drop | drop_actor) <= SECTORS:
            bad = sorted((drop | drop_actor) - SECTORS)
            raise LexiconError(f"plover.tsv: {row['type']}: unknown sector in {bad}")
        try:
            intensity = float(row["intensity"])
        except ValueError as exc:
            raise LexiconError(f"plover.tsv: {row['type']}: intensity {row['intensity']!r} is no number") from exc
        if not -10.0 <= intensity <= 10.0:
            raise LexiconError(f"plover.tsv: {row['type']}: intensity {intensity} outside -10..10")
        out[row["type"]] = PloverType(
            name=row["type"],
            modes=frozenset(_split(row["modes"])),
            cameo_root=row["cameo_root"],
            intensity=intensity,
            needs_target=row["needs_target"] == "yes",
            drop_target_sectors=drop,
            drop_actor_sectors=drop_actor,
        )
    return out


def _check_type(table: str, key: str, type_: str, mode: str | None) -> None:
    types = plover_types()
    if type_ not in types:
        raise LexiconError(f"{table}: {key}: unknown PLOVER type {type_!r}")
    if mode and mode not in types[type_].modes:
        raise LexiconError(f"{table}: {key}: mode {mode!r} is not a mode of {type_} in plover.tsv")


def _parse_need(table: str, key: str, cell: str) -> Need:
    if cell in _PLAIN_NEEDS:
        return Need(cell)
    kind, _, words = cell.partition(":")
    if kind not in _NEED_KINDS or not words:
        expected = "prt:W, prep:W, word:A|B, arg:A|B, obj:A|B, subj:A|B, eval:P, compevent:T|U, compfuture:T|U, "
        expected += "if, comp, compfact, nocomp, "
        expected += "compnamed, noobj, verbal, named, country, given, "
        expected += "tocomp, tocome"
        raise LexiconError(f"{table}: {key}: bad condition {cell!r} (expected {expected})")
    if kind == "eval" and words.strip() not in ("negative", "positive"):
        raise LexiconError(f"{table}: {key}: eval condition must be eval:negative or eval:positive")
    if kind in ("compevent", "compfuture"):  # PLOVER types, kept upper case
        types = frozenset(w.strip().upper() for w in words.split("|") if w.strip())
        if unknown := types - set(plover_types()):
            raise LexiconError(f"{table}: {key}: {kind} names unknown PLOVER types {sorted(unknown)}")
        return Need(kind, types)
    return Need(kind, frozenset(w.strip().lower() for w in words.split("|") if w.strip()))


def _parse_slots(table: str, key: str, cell: str) -> tuple[str, ...]:
    slots = _split(cell)
    for slot in slots:
        kind, _, word = slot.partition(":")
        if kind not in _SLOT_KINDS or (kind in ("prep", "default")) != bool(word):
            raise LexiconError(f"{table}: {key}: bad argument slot {slot!r}")
    return slots


def _verb_rows(table: str, *, compiled: bool) -> dict[str, list[VerbPattern]]:
    grouped: dict[str, list[VerbPattern]] = defaultdict(list)
    for row in read_table(table):
        lemma = row["lemma"].lower()
        if not lemma:
            raise LexiconError(f"{table}: a row has no lemma")
        mode = row["mode"] or None
        type_: str | None = row["type"]
        if type_ == NO_EVENT:
            type_ = None  # a sense that is no event ("backed away from", "hails from")
        else:
            _check_type(table, lemma, row["type"], mode)
        grouped[lemma].append(
            VerbPattern(
                lemma=lemma,
                pos=row["pos"] or "VERB",
                needs=tuple(_parse_need(table, lemma, c) for c in _split(row["needs"])),
                type=type_,
                mode=mode,
                target=_parse_slots(table, lemma, row["target"]),
                actor=_parse_slots(table, lemma, row["actor"]),
                cameo=(row.get("cameo") or None) if compiled else None,
            )
        )
    return grouped


@lru_cache(maxsize=1)
def verb_patterns() -> dict[str, tuple[VerbPattern, ...]]:
    """Verb patterns keyed by lemma: the hand-written rows, most specific (most conditions) first, then the
    compiled CAMEO rows, most specific first. Where a lemma has hand-written rows, they define its senses:
    compiled rows add only patterns that name words ("* AID"), never the bare verb."""
    hand = _verb_rows("event_verbs.tsv", compiled=False)
    compiled = _verb_rows("cameo_verbs.tsv", compiled=True)
    out: dict[str, tuple[VerbPattern, ...]] = {}
    for lemma in hand.keys() | compiled.keys():
        own = sorted(hand.get(lemma, ()), key=lambda p: -len(p.needs))
        extra = [p for p in compiled.get(lemma, ()) if p.specific or not own]
        out[lemma] = (*own, *sorted(extra, key=lambda p: -len(p.needs)))
    return out


@lru_cache(maxsize=1)
def noun_patterns() -> dict[str, tuple[NounPattern, ...]]:
    """Noun patterns keyed by the head lemma; two-word nouns first (``"call"`` → phone call, call)."""
    grouped: dict[str, list[NounPattern]] = defaultdict(list)
    for row in read_table("event_nouns.tsv"):
        words = row["noun"].lower().split()
        if not 1 <= len(words) <= 2:
            raise LexiconError(f"event_nouns.tsv: {row['noun']!r}: one or two words expected")
        mode = row["mode"] or None
        if row["type"] != NO_EVENT:  # "none": a compound that is no event ("flood warning" is not a threat)
            _check_type("event_nouns.tsv", row["noun"], row["type"], mode)
        grouped[words[-1]].append(
            NounPattern(
                noun=" ".join(words),
                modifier=words[0] if len(words) == 2 else None,
                type=row["type"],
                mode=mode,
                target=_split(row["target"]),
                standalone=row["standalone"] == "yes",
                implicit=row.get("implicit") or None,
                patient_possessor=row.get("possessor") == "patient",
            )
        )
    return {k: tuple(sorted(v, key=lambda p: p.modifier is None)) for k, v in grouped.items()}


@lru_cache(maxsize=1)
def light_verbs() -> dict[str, tuple[LightVerb, ...]]:
    """Light and attribution verbs keyed by lemma."""
    grouped: dict[str, list[LightVerb]] = defaultdict(list)
    for row in read_table("light_verbs.tsv"):
        kind = row["kind"]
        role = row["role"] or None
        if kind not in ("light", "attribution", "undergo"):
            raise LexiconError(f"light_verbs.tsv: {row['verb']}: kind must be light, attribution or undergo")
        if kind == "attribution" and not (role == "subject" or (role or "").startswith("prep:")):
            raise LexiconError(f"light_verbs.tsv: {row['verb']}: attribution needs role prep:W or subject")
        grouped[row["verb"].lower()].append(LightVerb(row["verb"].lower(), row["particle"] or None, kind, role))
    return {k: tuple(v) for k, v in grouped.items()}


@lru_cache(maxsize=1)
def sectors() -> dict[str, SectorEntry]:
    """Actor nouns (lower case, one or more words) → sector entry."""
    out: dict[str, SectorEntry] = {}
    for row in read_table("sectors.tsv"):
        if row["sector"] not in SECTORS:
            raise LexiconError(f"sectors.tsv: {row['noun']}: unknown sector {row['sector']!r}")
        out[" ".join(row["noun"].lower().split())] = SectorEntry(
            row["sector"], row["country"] or None, row["envoy"] == "yes", row["weapon"] == "yes"
        )
    return out


@lru_cache(maxsize=KEY_CACHE_SIZE)  # pure, and asked for the same few hundred phrases of a document thousands of times
def sector_of(phrase: str) -> SectorEntry | None:
    """Sector entry of an actor noun or phrase (``"riot police"`` → POL, ``"foreign minister"`` → GOV); the
    longest tail that ``sectors.tsv`` or a title of ``titles.tsv`` with a sector knows wins."""
    words = phrase.lower().replace("-", " ").split()
    for i in range(len(words)):
        tail = " ".join(words[i:])
        hit = hand_sector(tail)
        if hit is not None:
            return hit
    return None


def hand_sector(phrase: str) -> SectorEntry | None:
    """The hand-written entry for exactly this phrase (lower case, spaces): ``sectors.tsv``, else a title."""
    return sectors().get(phrase) or _title_sectors().get(phrase)


@lru_cache(maxsize=1)
def _title_sectors() -> dict[str, SectorEntry]:
    """The titles (and sector modifiers) that imply a sector, as sector entries."""
    return {
        " ".join(words): SectorEntry(t.sector, None, t.envoy)
        for words, t in titles().items()
        if t.sector and t.kind in ("title", "modifier") and t.sector in SECTORS
    }


@lru_cache(maxsize=1)
def actor_nouns() -> frozenset[str]:
    """Nouns for people or groups able to act that imply no sector (``actor_nouns.tsv``)."""
    return frozenset(row["noun"].lower() for row in read_table("actor_nouns.tsv"))


@lru_cache(maxsize=1)
def given_nouns() -> frozenset[str]:
    """Nouns for money and material help a donor gives or pledges (``given_nouns.tsv``)."""
    return frozenset(row["noun"].lower() for row in read_table("given_nouns.tsv"))


@lru_cache(maxsize=1)
def context_sectors() -> dict[str, tuple[tuple[str, frozenset[str]], ...]]:
    """Nouns whose sector the story's other words decide ("officers" in a story of the police):
    noun → (sector, cue words) in order of preference (``context_sectors.tsv``)."""
    out: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for row in read_table("context_sectors.tsv"):
        cues = frozenset(w.strip().lower() for w in row["cues"].split("|") if w.strip())
        out.setdefault(row["noun"].lower(), []).append((row["sector"], cues))
    return {noun: tuple(rows) for noun, rows in out.items()}


@lru_cache(maxsize=1)
def body_anaphors() -> dict[str, str]:
    """Nouns that refer back to the last intergovernmental body named ("the bloc"), each with the word the
    body's name must hold ("union": the European Union, not a trade union) or "" (``body_anaphors.tsv``)."""
    return {row["noun"].lower(): (row.get("needs_word") or "").lower() for row in read_table("body_anaphors.tsv")}


@lru_cache(maxsize=1)
def stance_cues() -> tuple[StanceCue, ...]:
    out: list[StanceCue] = []
    for row in read_table("stance_cues.tsv"):
        kind = row["kind"]
        if kind not in ("absence", "position", "quote", "issue"):
            raise LexiconError(f"stance_cues.tsv: {row['cue']}: unknown kind {kind!r}")
        position = row["position"] or None
        if kind in ("absence", "position", "quote") and position not in POSITIONS:
            raise LexiconError(f"stance_cues.tsv: {row['cue']}: position {position!r} not in {sorted(POSITIONS)}")
        out.append(StanceCue(kind, tuple(row["cue"].lower().split()), row["negated"] == "yes", position))
    return tuple(out)


@lru_cache(maxsize=1)
def issue_nouns() -> frozenset[str]:
    return frozenset(c.words[0] for c in stance_cues() if c.kind == "issue")


@lru_cache(maxsize=1)
def modality_cues() -> dict[str, frozenset[str]]:
    """Word or lemma (lower case) → the modality kinds it signals."""
    grouped: dict[str, set[str]] = defaultdict(set)
    for row in read_table("modality_cues.tsv"):
        if row["kind"] not in MODALITY_KINDS:
            raise LexiconError(f"modality_cues.tsv: {row['word']}: unknown kind {row['kind']!r}")
        grouped[row["word"].lower()].add(row["kind"])
    return {k: frozenset(v) for k, v in grouped.items()}


def modality_kinds(word: str) -> frozenset[str]:
    """Modality kinds of one word (``"could"`` → {"modal"}); empty when it signals none."""
    return modality_cues().get(word.lower(), frozenset())


@lru_cache(maxsize=1)
def _event_context() -> dict[str, dict[str, tuple[str, ...]]]:
    out: dict[str, dict[str, tuple[str, ...]]] = {k: {} for k in _CONTEXT_KINDS}
    for row in read_table("event_context.tsv"):
        kind, word = row["kind"], row["word"].lower()
        if kind not in _CONTEXT_KINDS:
            raise LexiconError(f"event_context.tsv: {word}: unknown kind {kind!r}")
        values = _split(row["value"])
        if kind == "act":
            for t in values:
                _check_type("event_context.tsv", word, t, None)
        if kind == "anaphor":
            if not values:
                raise LexiconError(f"event_context.tsv: {word}: an anaphor needs the types it refers to")
            for t in values:
                _check_type("event_context.tsv", word, t, None)
        out[kind][word] = values
    return out


def anaphor_types(noun: str) -> tuple[str, ...]:
    """PLOVER types a definite event noun refers back to (``"attack"`` → ("ASSAULT",)); empty when none."""
    return _event_context()["anaphor"].get(noun.lower(), ())


def act_types(noun: str) -> tuple[str, ...] | None:
    """For a noun naming someone's act or words without saying whose ("the decision", "the criticism"): the
    PLOVER types of the earlier event it answers, () for any type; None for other nouns."""
    return _event_context()["act"].get(noun.lower())


def is_reprisal_word(word: str) -> bool:
    """A word that makes a warning of what will come a threat ("would respond", "further measures")."""
    return word.lower() in _event_context()["reprisal"]


def is_hazard(word: str) -> bool:
    """A natural force or an illness ("typhoon", "virus"): never a side of a political event."""
    return word.lower() in _event_context()["hazard"]


def is_mishap(verb: str) -> bool:
    """A verb of an accident ("crashed", "capsized", "derailed"): what its clause kills or injures, no one attacked."""
    return verb.lower() in _event_context()["mishap"]


def is_helped_noun(noun: str) -> bool:
    """A noun for the people emergency help goes to ("the wounded", "survivors", "residents")."""
    return noun.lower() in _event_context()["helped"]


def is_yielding(verb: str, particle: str = "") -> bool:
    """A verb of yielding or complying ("allow", "hand over" with its particle): "will not" do it is a refusal."""
    words = _event_context()["yield"]
    return (f"{verb} {particle}".lower() in words) if particle else verb.lower() in words


def is_place_noun(noun: str) -> bool:
    """A noun for a place that names no country itself ("region", "territory")."""
    return noun.lower() in _event_context()["place"]


_STRONG_VALENCE = 1.5  # VADER's scale runs -4..4; "ugly" -2.2, "decent" 1.7, "interesting" 1.7, "career" 0


@lru_cache(maxsize=1)
def _vader_lexicon() -> dict[str, float]:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return dict(SentimentIntensityAnalyzer().lexicon)


def strong_valence(word: str) -> str | None:
    """``"negative"`` or ``"positive"`` for a word VADER (a maintained, published sentiment lexicon) rates
    strongly (|valence| >= 1.5), else None: the fallback for characterizations of people the hand-written
    evaluative list does not know ("called his rivals 'chumps'", "a decent man")."""
    value = _vader_lexicon().get(word.lower())
    if value is None or abs(value) < _STRONG_VALENCE:
        return None
    return "negative" if value < 0 else "positive"


def evaluation(word: str) -> str | None:
    """``"negative"`` or ``"positive"`` for an evaluative word of a characterization, else None."""
    low = word.lower()
    for kind in ("negative", "positive"):
        if low in _event_context()[kind]:
            return kind
    return None


@lru_cache(maxsize=1)
def _agent_suffixes() -> tuple[tuple[str, ...], frozenset[str]]:
    rows = read_table("agent_suffixes.tsv")
    kinds = {row["kind"] for row in rows} - {"suffix", "thing", "private"}
    if kinds:
        raise LexiconError(f"agent_suffixes.tsv: unknown kind {sorted(kinds)[0]!r} (suffix, thing or private)")
    suffixes = tuple(row["word"].lower() for row in rows if row["kind"] == "suffix")
    return suffixes, frozenset(row["word"].lower() for row in rows if row["kind"] != "suffix")


def people_noun(lemma: str, plural: bool) -> bool:
    """A noun for people able to act: listed in ``actor_nouns.tsv``, or a plural agent noun by its ending
    ("truckers", "growers", "vendors": ``agent_suffixes.tsv``) that the table does not list as a thing or as
    private people (kin) and whose sector is not the story's to decide."""
    if lemma in actor_nouns():
        return True
    if not plural or len(lemma) < 5 or not lemma.isalpha() or not lemma.islower():
        return False
    suffixes, things = _agent_suffixes()
    # "officers", "guards": the story decides their sector (context_sectors.tsv), and without one they stay no side
    return lemma.endswith(suffixes) and lemma not in things and lemma not in context_sectors()
