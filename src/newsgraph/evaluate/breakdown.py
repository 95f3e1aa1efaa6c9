"""Events per PLOVER type and mode, and why gold events were missed (``newsgraph eval --by-type``).

The worklist for the verb dictionary and the coding rules: precision and recall per type and per
mode, each missed gold event put in one bin, and the trigger lemmas of the missed events.

Bins of a missed gold event, checked in this order:

- ``wrongly flagged``: a prediction in its sentence would match it but is marked negated or
  hypothetical;
- ``no event in the sentence``: no unflagged prediction's sentence holds the gold evidence;
- ``wrong actor or target country``: a prediction there has an allowed type, other countries;
- ``wrong type``: predictions there, none of an allowed type.

The missed trigger of a gold event is the lemma of the main verb of its evidence (parsed with the
same model; the first verb when the root is no verb), else of its root.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from newsgraph.core.textnorm import contains_words, normalize_text
from newsgraph.evaluate.score import event_pairs, optional_event

__all__ = ["MISS_BINS", "EventBreakdown", "TypeScore", "event_breakdown", "merge_breakdowns"]

MISS_BINS = ("no event in the sentence", "wrong type", "wrong actor or target country", "wrongly flagged")
_FLAGS = ("negated", "hypothetical")
Record = Mapping[str, Any]


@dataclass(slots=True)
class TypeScore:
    """Counts of one PLOVER type or mode: gold items, gold items found, predictions, predictions right."""

    gold: int = 0
    found: int = 0
    predicted: int = 0
    right: int = 0

    @property
    def precision(self) -> float:
        return self.right / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    def add(self, other: TypeScore) -> None:
        self.gold += other.gold
        self.found += other.found
        self.predicted += other.predicted
        self.right += other.right


@dataclass(slots=True)
class EventBreakdown:
    """Per-type and per-mode scores, missed events by bin, missed trigger lemmas, gold counts."""

    types: dict[str, TypeScore] = field(default_factory=dict)
    modes: dict[str, TypeScore] = field(default_factory=dict)
    misses: Counter[str] = field(default_factory=Counter)
    missed_triggers: Counter[str] = field(default_factory=Counter)
    required: int = 0
    optional: int = 0

    def to_dict(self) -> dict[str, Any]:
        def rates(table: dict[str, TypeScore]) -> dict[str, dict[str, float]]:
            return {
                k: {"gold": v.gold, "found": v.found, "predicted": v.predicted, "right": v.right,
                    "precision": round(v.precision, 3), "recall": round(v.recall, 3)}
                for k, v in sorted(table.items())
            }  # fmt: skip

        return {
            "required": self.required,
            "optional": self.optional,
            "types": rates(self.types),
            "modes": rates(self.modes),
            "misses": {b: self.misses.get(b, 0) for b in MISS_BINS},
            "missed_triggers": self.missed_triggers.most_common(10),
        }


def _flagged(pred: Record) -> bool:
    return any(pred.get(k) is True for k in _FLAGS)


def _sentence(pred: Record) -> str:
    ev = pred.get("evidence")
    return normalize_text(ev.get("sentence") if isinstance(ev, Mapping) else ev)


def _types(want: Record) -> list[str]:
    return [t.upper() for t in [want.get("type"), *want.get("type_any_of", [])] if isinstance(t, str) and t]


def _mode_key(type_: str | None, mode: Any) -> str | None:
    return f"{type_}/{normalize_text(mode)}" if type_ and isinstance(mode, str) and mode.strip() else None


def _miss_bin(want: Record, preds: Sequence[Record]) -> str:
    evidence = normalize_text(want["evidence"])
    here = [p for p in preds if contains_words(_sentence(p), evidence)]
    flagged = [p for p in here if _flagged(p)]
    if flagged and event_pairs([dict(want)], [dict(p) for p in flagged]):
        return "wrongly flagged"
    shown = [p for p in here if not _flagged(p)]
    if not shown:
        return "no event in the sentence"
    allowed = set(_types(want))
    if any(str(p.get("type") or "").upper() in allowed for p in shown):
        return "wrong actor or target country"
    return "wrong type"


def event_breakdown(
    record: Record, gold: Record, trigger_of: Callable[[str], str | None] | None = None
) -> EventBreakdown:
    """The breakdown of one page's events; ``trigger_of`` gives the trigger lemma of an evidence text."""
    golds: list[dict[str, Any]] = list(gold.get("events") or [])
    all_preds = [p for p in record.get("events") or [] if isinstance(p, Mapping)]
    preds = [dict(p) for p in all_preds if not _flagged(p)]
    pairs = event_pairs(golds, preds)
    out = EventBreakdown(required=len(golds), optional=len(gold.get("events_optional") or []))
    matched = {p: g for g, p in pairs.items()}
    for g, want in enumerate(golds):
        type_ = _types(want)[0] if _types(want) else "?"
        score = out.types.setdefault(type_, TypeScore())
        score.gold += 1
        mode = _mode_key(type_, want.get("mode"))
        if mode:
            out.modes.setdefault(mode, TypeScore()).gold += 1
        if g in pairs:
            score.found += 1
            got = preds[pairs[g]]
            if mode and _mode_key(type_, got.get("mode")) == mode:
                out.modes[mode].found += 1
            continue
        out.misses[_miss_bin(want, all_preds)] += 1
        lemma = trigger_of(want["evidence"]) if trigger_of else None
        if lemma:
            out.missed_triggers[lemma] += 1
    for i, pred in enumerate(preds):
        if i not in matched and optional_event(gold, pred):
            continue  # neither rewarded nor penalised
        type_ = str(pred.get("type") or "?").upper()
        score = out.types.setdefault(type_, TypeScore())
        score.predicted += 1
        score.right += i in matched
        mode = _mode_key(type_, pred.get("mode"))
        if mode:
            m = out.modes.setdefault(mode, TypeScore())
            m.predicted += 1
            m.right += i in matched and _mode_key(type_, golds[matched[i]].get("mode")) == mode
    return out


def merge_breakdowns(parts: Iterable[EventBreakdown]) -> EventBreakdown:
    """Counts summed over pages (micro-average)."""
    total = EventBreakdown()
    for part in parts:
        for name, table in (("types", part.types), ("modes", part.modes)):
            into: dict[str, TypeScore] = getattr(total, name)
            for key, score in table.items():
                into.setdefault(key, TypeScore()).add(score)
        total.misses.update(part.misses)
        total.missed_triggers.update(part.missed_triggers)
        total.required += part.required
        total.optional += part.optional
    return total


def main_verb_lemma(doc: Any) -> str | None:
    """Lemma of the main verb of a parsed evidence text: its root when a verb, else its first verb,
    else its root ("the cyberattack on X" → cyberattack)."""
    roots = [t for t in doc if t.dep_ == "ROOT"]
    if not roots:
        return None
    root = roots[0]
    if root.pos_ == "VERB":
        return root.lemma_.lower()
    verbs = [t for t in doc if t.pos_ == "VERB"]
    return (verbs[0] if verbs else root).lemma_.lower()
