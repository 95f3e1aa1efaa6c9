"""Scores an extraction record against a hand-made reference annotation (``newsgraph eval``).

:func:`score` compares a record (OUTPUT.md) with a gold file like ``seed/gold.json``
and reports precision, recall and F1 per category and the ``not_events`` violated,
by the rules of OUTPUT.md "Scoring". Matching is one-to-one (maximum bipartite
matching); text is compared after :func:`~newsgraph.core.textnorm.normalize_text`, gold
snippets are looked up as whole words. Segmentation checks are items passed (tp) or
failed (fn and fp, so precision equals recall). Negated / hypothetical predicted
events are ignored; unmatched events and quotes matching ``events_optional`` /
``quotes_optional`` are neutral. Attributes (role, country, mode, date, unit, ...)
are accuracies over matched items, only where the gold gives them. Themes and tone
are not scored; a category missing from the gold is left out of the report; a key
missing from the record counts as empty.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from newsgraph.core.textnorm import contains_words, ends_with_words, normalize_text, starts_with_words
from newsgraph.evaluate.gold import DOC_FIELDS, validate_gold

TABLE_HEADER = ("category", "tp", "fp", "fn", "precision", "recall", "f1", "attributes")
# OUTPUT.md: "value equal (within 1%)".
AMOUNT_TOLERANCE = 0.01
# Unit symbols an extractor may keep as written; a grammatical constant, not a lexicon.
_UNIT_SYMBOLS = {"%": "percent", "$": "usd", "€": "eur", "£": "gbp", "¥": "jpy"}

Record = Mapping[str, Any]


@dataclass(slots=True)
class CategoryScore:
    """Counts and rates for one category; ``extra`` holds attribute accuracies."""

    tp: int
    fp: int
    fn: int
    precision: float
    recall: float
    f1: float
    extra: dict[str, float] = field(default_factory=dict)

    @classmethod
    def from_counts(cls, tp: int, fp: int, fn: int, extra: dict[str, float] | None = None) -> CategoryScore:
        """Rates from counts; nothing expected and nothing predicted scores 1.0."""
        precision = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
        recall = tp / (tp + fn) if tp + fn else (1.0 if fp == 0 else 0.0)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return cls(tp, fp, fn, precision, recall, f1, dict(extra or {}))


@dataclass(slots=True)
class Report:
    """The result of :func:`score`. ``not_events_violated`` counts gold ``not_events`` hit by an
    unflagged prediction, ``violations`` has a line per hit, ``details`` the misses and extras."""

    categories: dict[str, CategoryScore] = field(default_factory=dict)
    not_events_violated: int = 0
    violations: list[str] = field(default_factory=list)
    not_persons_reported: list[str] = field(default_factory=list)
    details: dict[str, list[str]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready dicts and lists."""
        return asdict(self)

    def table_rows(self) -> list[tuple[Any, ...]]:
        """One row per category, shaped like :data:`TABLE_HEADER`, rates rounded to 3 places."""
        rows: list[tuple[Any, ...]] = []
        for name, s in self.categories.items():
            attrs = " ".join(f"{k}={v:.2f}" for k, v in s.extra.items())
            rates = (round(x, 3) for x in (s.precision, s.recall, s.f1))
            rows.append((name, s.tp, s.fp, s.fn, *rates, attrs))
        return rows


# ---------------------------------------------------------------- scoring


def score(record: Record, gold: Record) -> Report:
    """Score an extraction record (OUTPUT.md) against a gold annotation."""
    validate_gold(gold)
    record = record if isinstance(record, Mapping) else {}
    report = Report()

    def add(name: str, scored: tuple[CategoryScore, list[str]]) -> None:
        report.categories[name], report.details[name] = scored

    if "segmentation" in gold:
        add("segmentation", _score_segmentation(gold["segmentation"], _items(record, "documents")))
    for key in ("persons", "organizations", "places"):
        if key in gold:
            add(key, _score_entities(gold[key], _items(record, key), persons=key == "persons"))
    if "not_persons" in gold:
        names = set().union(*(_names(p) for p in _items(record, "persons")))
        report.not_persons_reported = [n for n in gold["not_persons"] if normalize_text(n) in names]
    if "countries_mentioned" in gold:
        add("countries_mentioned", _score_countries(gold["countries_mentioned"], record))
    flagged = ("negated", "hypothetical")
    events = [e for e in _items(record, "events") if not any(_flag(e.get(k)) for k in flagged)]
    if "events" in gold:
        add("events", _score_events(gold, events))
    if "not_events" in gold:
        report.violations, report.not_events_violated = _not_events(gold["not_events"], events)
    if "quotes" in gold:
        add("quotes", _score_quotes(gold, _items(record, "quotes")))
    if "amounts" in gold:
        add("amounts", _score_amounts(gold["amounts"], _items(record, "amounts")))
    if "stances" in gold:
        add("stances", _score_stances(_items(gold, "stances"), _items(record, "stances")))
    return report


# ---------------------------------------------------------------- helpers

Scored = tuple[CategoryScore, list[str]]
Checks = list[tuple[bool, str]]


def _items(record: Record, key: str) -> list[dict[str, Any]]:
    """The objects in the list under ``key`` (or under its ``rows``)."""
    value = record.get(key)
    if isinstance(value, Mapping):
        value = value.get("rows")
    return [item for item in value if isinstance(item, Mapping)] if isinstance(value, list) else []


def _flag(value: Any) -> bool:
    return value is True or (isinstance(value, str) and value.strip().lower() in {"true", "yes", "1"})


def _code(value: Any) -> str | None:
    """A country or type code compared upper-case; empty means none."""
    return (value.strip().upper() or None) if isinstance(value, str) else None


def _sentence(item: Record) -> str:
    """The normalised evidence sentence of a predicted fact."""
    ev = item.get("evidence")
    if isinstance(ev, Mapping):
        ev = ev.get("sentence")
    return normalize_text(ev) if isinstance(ev, str) else ""


def _short(text: Any, limit: int = 90) -> str:
    s = " ".join(str(text).split())
    return s if len(s) <= limit else s[: limit - 1] + "…"


def _match(n_gold: int, candidates: Callable[[int], list[int]]) -> dict[int, int]:
    """Maximum one-to-one matching gold → prediction index (Kuhn's algorithm); ``candidates(g)``
    lists the predictions gold ``g`` may match, best first, to choose among matchings of one size."""
    cands = [candidates(g) for g in range(n_gold)]
    owner: dict[int, int] = {}

    def augment(g: int, seen: set[int]) -> bool:
        for p in cands[g]:
            if p not in seen:
                seen.add(p)
                if p not in owner or augment(owner[p], seen):
                    owner[p] = g
                    return True
        return False

    for g in range(n_gold):
        augment(g, set())
    return {g: p for p, g in owner.items()}


class _Tally:
    """Misses, extras and attribute accuracies of one category."""

    def __init__(self, golds: list[Any], preds: list[Any], pairs: dict[int, int]) -> None:
        self.n_gold, self.n_pred, self.pairs = len(golds), len(preds), pairs
        self.matched = set(pairs.values())
        self.fp = 0
        self.details: list[str] = []
        self.counts: dict[str, list[int]] = {}

    def check(self, name: str, ok: bool, why: str) -> None:
        hits_total = self.counts.setdefault(f"{name}_accuracy", [0, 0])
        hits_total[0] += ok
        hits_total[1] += 1
        if not ok:
            self.details.append(why)

    def result(self, describe: Callable[[int], str], neutral: Callable[[int], bool] | None = None) -> Scored:
        """Count unmatched predictions (other than ``neutral`` ones) as extras, then the rates."""
        for i in range(self.n_pred):
            if i not in self.matched and not (neutral and neutral(i)):
                self.fp += 1
                self.details.append(f"extra {describe(i)}")
        tp = len(self.pairs)
        rates = {name: hits / total for name, (hits, total) in self.counts.items()}
        return CategoryScore.from_counts(tp, self.fp, self.n_gold - tp, rates), self.details


# ---------------------------------------------------------------- categories


def _score_segmentation(seg: Record, docs: list[dict[str, Any]]) -> Scored:
    checks: Checks = []
    kept = [d for d in docs if not d.get("duplicate_of")]
    if "documents" in seg:
        checks.append((len(kept) == seg["documents"], f"documents: want {seg['documents']}, got {len(kept)}"))
    if seg.get("main"):
        main = next((d for d in kept if d.get("role") == "main"), None)
        checks += _check_document(seg["main"], main, "main", docs)
    golds = seg.get("teasers") or []
    teasers = [d for d in kept if d.get("role") != "main"]
    titles = [normalize_text(d.get("title")) for d in teasers]
    bodies = [normalize_text(d.get("body")) for d in teasers]

    def candidates(g: int) -> list[int]:
        title, start = (normalize_text(golds[g].get(k)) for k in ("title", "body_starts_with"))
        by_title = [i for i, t in enumerate(titles) if title and t == title]
        by_body = [i for i, b in enumerate(bodies) if i not in by_title and starts_with_words(b, start)]
        return by_title + by_body

    pairs = _match(len(golds), candidates)
    for g, want in enumerate(golds):
        checks += _check_document(want, teasers[pairs[g]] if g in pairs else None, f"teaser {g + 1}", docs)
    failed = [f"failed {label}" for ok, label in checks if not ok]
    return CategoryScore.from_counts(len(checks) - len(failed), len(failed), len(failed)), failed


def _check_document(want: Record, pred: Record | None, label: str, docs: list[Record]) -> Checks:
    """One (passed, description) pair per check the gold gives for a document."""
    got: Record = pred or {}
    absent = "" if pred is not None else " (no such document)"
    out: Checks = []
    for key in DOC_FIELDS:
        if key in want:
            ok = pred is not None and normalize_text(want[key]) == normalize_text(got.get(key))
            out.append((ok, f"{label}.{key}: want {_short(want[key])!r}, got {_short(got.get(key))!r}"))
    body = normalize_text(got.get("body"))
    if "body_starts_with" in want:
        ok = starts_with_words(body, normalize_text(want["body_starts_with"]))
        out.append((ok, f"{label}.body starts with {_short(want['body_starts_with'])!r}{absent}"))
    if "body_ends_with" in want:
        ok = ends_with_words(body, normalize_text(want["body_ends_with"]))
        out.append((ok, f"{label}.body ends with {_short(want['body_ends_with'])!r}{absent}"))
    for snippet in [*want.get("must_not_contain", []), *want.get("body_must_not_contain", [])]:
        ok = pred is not None and not contains_words(body, normalize_text(snippet))
        out.append((ok, f"{label}.body must not contain {snippet!r}{absent}"))
    sources = [normalize_text(s) for s in got.get("sources") or [] if isinstance(s, str)]
    for src in want.get("sources", []):
        # "Eurasianet (New York)" names the source "Eurasianet" plus where it is.
        ok = any(starts_with_words(s, normalize_text(src)) for s in sources)
        out.append((ok, f"{label}.sources has {src!r}{absent}"))
    if "occurrences_in_page" in want:
        # A page may keep repeated teasers as documents marked ``duplicate_of``: count them too.
        occ, doc_id, want_n = got.get("occurrences_in_page"), got.get("id"), want["occurrences_in_page"]
        copies = 1 + sum(1 for d in docs if doc_id is not None and d.get("duplicate_of") == doc_id)
        occ = occ if isinstance(occ, int) and not isinstance(occ, bool) else 1
        n = max(occ, copies) if pred is not None else 0
        out.append((n == want_n, f"{label}.occurrences: want {want_n}, got {n}{absent}"))
    return out


def _names(item: Record) -> set[str]:
    names = [item.get("name"), *(item.get("aliases") or [])]
    return {n for n in (normalize_text(x) for x in names if isinstance(x, str)) if n}


def _score_entities(golds: list[dict[str, Any]], preds: list[dict[str, Any]], *, persons: bool) -> Scored:
    gold_names = [_names(g) for g in golds]
    pred_names = [_names(p) for p in preds]

    def candidates(g: int) -> list[int]:
        want = golds[g]
        hits = [i for i, names in enumerate(pred_names) if names & gold_names[g]]
        return sorted(hits, key=lambda i: (
            normalize_text(preds[i].get("name")) != normalize_text(want["name"]),
            "country" in want and _code(preds[i].get("country")) != _code(want["country"]),
        ))  # fmt: skip

    t = _Tally(golds, preds, _match(len(golds), candidates))
    for g, want in enumerate(golds):
        name = want["name"]
        if g not in t.pairs:
            t.details.append(f"miss {name!r}")
            continue
        got = preds[t.pairs[g]]
        if "country" in want:
            ok = _code(got.get("country")) == _code(want["country"])
            t.check("country", ok, f"country of {name!r}: want {want['country']}, got {got.get('country')}")
        if persons and "role_contains" in want:
            ok = contains_words(normalize_text(got.get("role")), normalize_text(want["role_contains"]))
            t.check("role", ok, f"role of {name!r}: want ~{want['role_contains']!r}, got {got.get('role')!r}")
        if persons and "organization" in want:
            org, want_org = normalize_text(got.get("organization")), normalize_text(want["organization"])
            ok = contains_words(org, want_org) or contains_words(want_org, org)
            why = f"organization of {name!r}: want {want['organization']!r}, got {got.get('organization')!r}"
            t.check("organization", ok, why)
    return t.result(lambda i: repr(preds[i].get("name")))


def _score_countries(golds: list[str], record: Record) -> Scored:
    raw = record.get("countries_mentioned")
    pred = {c for c in (_code(x) for x in raw) if c} if isinstance(raw, list) else set()
    gold = {c for c in (_code(x) for x in golds) if c}
    details = [f"miss {c}" for c in sorted(gold - pred)] + [f"extra {c}" for c in sorted(pred - gold)]
    return CategoryScore.from_counts(len(gold & pred), len(pred - gold), len(gold - pred)), details


def _event_label(e: Record) -> str:
    kind = e.get("type") or "/".join(e.get("type_any_of") or [])
    actor = e.get("actor_country") or "/".join(e.get("actor_country_any_of") or []) or None
    target = e.get("target_country") or "/".join(e.get("target_country_any_of") or []) or None
    return f"{kind} {actor}→{target}"


def _countries_ok(pred: Record, want: Record) -> bool:
    """Actor and target country equal where the gold gives them (or among its ``*_any_of``)."""
    for side in ("actor_country", "target_country"):
        got = _code(pred.get(side))
        if f"{side}_any_of" in want and got not in {_code(c) for c in want[f"{side}_any_of"]}:
            return False
        if side in want and got != _code(want[side]):
            return False
    return True


def _allowed_types(want: Record) -> set[str | None]:
    return {_code(t) for t in [want.get("type"), *want.get("type_any_of", [])]} - {None}


def event_pairs(golds: list[dict[str, Any]], preds: list[dict[str, Any]]) -> dict[int, int]:
    """Gold event index → the predicted event it matches (type allowed, countries equal where the gold
    gives them, the gold evidence inside the predicted sentence), one-to-one; among matchings of one
    size, predictions with the gold's mode and date and shorter sentences are preferred."""
    sentences = [_sentence(p) for p in preds]
    wanted = [normalize_text(g["evidence"]) for g in golds]

    def candidates(g: int) -> list[int]:
        want = golds[g]
        allowed = _allowed_types(want)
        hits = [
            i for i, p in enumerate(preds)
            if _code(p.get("type")) in allowed and _countries_ok(p, want)
            and contains_words(sentences[i], wanted[g])
        ]  # fmt: skip
        return sorted(hits, key=lambda i: (
            "mode" in want and normalize_text(preds[i].get("mode")) != normalize_text(want["mode"]),
            "date" in want and preds[i].get("date") != want["date"],
            len(sentences[i]),
        ))  # fmt: skip

    return _match(len(golds), candidates)


def optional_event(gold: Record, pred: Record) -> bool:
    """A predicted event that matches an ``events_optional`` entry (neither rewarded nor penalised)."""
    sentence = _sentence(pred)
    return any(contains_words(sentence, normalize_text(o)) for o in gold.get("events_optional", []))


def _score_events(gold: Record, preds: list[dict[str, Any]]) -> Scored:
    golds: list[dict[str, Any]] = gold["events"]
    sentences = [_sentence(p) for p in preds]
    t = _Tally(golds, preds, event_pairs(golds, preds))
    for g, want in enumerate(golds):
        label = f"{want.get('id', g + 1)} {_event_label(want)}"
        if g not in t.pairs:
            t.details.append(f"miss {label}: {want['evidence']!r}")
            continue
        got = preds[t.pairs[g]]
        for key in ("mode", "date"):
            if key in want:
                ok = normalize_text(got.get(key)) == normalize_text(want[key])
                t.check(key, ok, f"{key} of {label}: want {want[key]!r}, got {got.get(key)!r}")
    return t.result(
        lambda i: f"{_event_label(preds[i])}: {_short(sentences[i])!r}",
        lambda i: optional_event(gold, preds[i]),
    )


def _not_events(not_events: list[dict[str, Any]], preds: list[dict[str, Any]]) -> tuple[list[str], int]:
    sentences = [_sentence(p) for p in preds]
    lines: list[str] = []
    violated = 0
    for n, ne in enumerate(not_events, 1):
        evidence = normalize_text(ne["evidence"])
        forbidden = ne.get("forbidden") or {}
        types = {_code(t) for t in forbidden.get("type_any_of", [])}
        actor = _code(forbidden.get("actor_country"))
        hits = [
            p for i, p in enumerate(preds)
            if contains_words(sentences[i], evidence)
            and ("actor_country" not in forbidden or _code(p.get("actor_country")) == actor)
            and (not types or _code(p.get("type")) in types)
        ]  # fmt: skip
        violated += bool(hits)
        why = ne.get("why", "not an event")
        lines += [f"not_event {n} ({why}): {_event_label(p)} in {_short(ne['evidence'])!r}" for p in hits]
    return lines, violated


def _speaker_ok(want: Record, speaker: str) -> bool:
    """Lenient speaker match: a gold name part and the predicted speaker, either containing the other."""
    full = normalize_text(want.get("speaker"))
    keys = [full, full.rsplit(" ", 1)[-1], *(normalize_text(s) for s in want.get("speaker_any_of", []))]
    keys = [k for k in keys if k]
    if not keys:
        return True  # the gold names no speaker: the text alone decides
    return any(contains_words(speaker, k) or contains_words(k, speaker) for k in keys)


def _score_quotes(gold: Record, preds: list[dict[str, Any]]) -> Scored:
    golds: list[dict[str, Any]] = gold["quotes"]
    texts = [normalize_text(p.get("text")) for p in preds]
    speakers = [normalize_text(p.get("speaker")) for p in preds]
    wanted = [normalize_text(g["text_contains"]) for g in golds]
    with_text = [[i for i, t in enumerate(texts) if contains_words(t, w)] for w in wanted]

    def candidates(g: int) -> list[int]:
        hits = [i for i in with_text[g] if _speaker_ok(golds[g], speakers[i])]
        return sorted(hits, key=lambda i: len(texts[i]))

    t = _Tally(golds, preds, _match(len(golds), candidates))
    for g, want in enumerate(golds):
        if g not in t.pairs:
            found = with_text[g][:1]
            why = f" (text found, speaker {preds[found[0]].get('speaker')!r} does not match)" if found else ""
            t.details.append(f"miss {want.get('speaker')!r}: {want['text_contains']!r}{why}")
    optional = [normalize_text(s) for s in gold.get("quotes_optional", [])]
    return t.result(
        lambda i: f"{preds[i].get('speaker')!r}: {_short(preds[i].get('text'))!r}",
        lambda i: any(contains_words(texts[i], o) or contains_words(o, texts[i]) for o in optional),
    )


def _number(value: Any) -> float | None:
    """A predicted value as a finite float, or None (numbers written as strings are accepted)."""
    try:
        number = float(value) if not isinstance(value, bool) else math.nan
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _unit(value: Any) -> str:
    text = value.strip() if isinstance(value, str) else ""
    return normalize_text(_UNIT_SYMBOLS.get(text, text))


def _same_unit(got: str, want: str) -> bool:
    """Units equal up to a plural ``s``, or one naming the other ("drones" / "Lancet drones")."""
    if not got or not want:
        return got == want
    return got.rstrip("s") == want.rstrip("s") or contains_words(got, want) or contains_words(want, got)


def _amount_attributes(got: Record, want: Record) -> dict[str, tuple[str, bool]]:
    """For each attribute the gold gives: (its gold key, whether the prediction agrees)."""
    out: dict[str, tuple[str, bool]] = {}
    if "unit" in want:
        out["unit"] = ("unit", _same_unit(_unit(got.get("unit")), _unit(want["unit"])))
    if "about_contains" in want:
        about = contains_words(normalize_text(got.get("about")), normalize_text(want["about_contains"]))
        out["about"] = ("about_contains", about)
    if "per" in want:
        out["per"] = ("per", normalize_text(got.get("per")) == normalize_text(want["per"]))
    for key in ("approximate", "lower_bound"):
        if key in want:
            out[key] = (key, _flag(got.get(key)) == _flag(want[key]))
    return out


def _score_amounts(golds: list[dict[str, Any]], preds: list[dict[str, Any]]) -> Scored:
    values = [_number(p.get("value")) for p in preds]
    sentences = [_sentence(p) for p in preds]
    wanted = [normalize_text(g["evidence"]) for g in golds]

    def candidates(g: int) -> list[int]:
        target = float(golds[g]["value"])
        off = {i: abs(v - target) for i, v in enumerate(values) if v is not None}
        near = AMOUNT_TOLERANCE * abs(target)
        hits = [i for i, d in off.items() if d <= near and contains_words(sentences[i], wanted[g])]
        return sorted(hits, key=off.__getitem__)

    t = _Tally(golds, preds, _match(len(golds), candidates))
    for g, want in enumerate(golds):
        label = f"{want['value']:,.10g} {want.get('unit', '')}".strip()
        if g not in t.pairs:
            t.details.append(f"miss {label}: {want['evidence']!r}")
            continue
        got = preds[t.pairs[g]]
        for name, (gold_key, ok) in _amount_attributes(got, want).items():
            t.check(name, ok, f"{name} of {label}: want {want[gold_key]!r}, got {got.get(name)!r}")
    return t.result(lambda i: f"{preds[i].get('value')!r} {preds[i].get('unit')!r}: {_short(sentences[i])!r}")


def _score_stances(golds: list[dict[str, Any]], preds: list[dict[str, Any]]) -> Scored:
    keys = [(_code(p.get("country")), normalize_text(p.get("position"))) for p in preds]
    wanted = [(_code(g.get("country")), normalize_text(g.get("position"))) for g in golds]
    t = _Tally(golds, preds, _match(len(golds), lambda g: [i for i, k in enumerate(keys) if k == wanted[g]]))
    for g, want in enumerate(golds):
        if g not in t.pairs:
            t.details.append(f"miss {want.get('country')}: {want.get('position')!r}")
    return t.result(lambda i: f"{preds[i].get('country')}: {preds[i].get('position')!r}")
