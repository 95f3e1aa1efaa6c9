"""Gold files: reading a hand-made reference annotation and checking its shape.

A gold file (``../shared/seed/gold.json`` is the model, ``docs/annotating.md`` the guide) lists what
a careful reader finds in one page. :func:`load_gold` reads one and :func:`validate_gold` checks it
field by field, raising :class:`~newsgraph.core.errors.GoldFormatError` with the place and the
reason; :func:`newsgraph.evaluate.score.score` scores a record against it.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, NoReturn

from newsgraph.core.errors import GoldFormatError
from newsgraph.core.textnorm import normalize_text

__all__ = ["DOC_FIELDS", "gold_counts", "load_gold", "validate_gold"]

DOC_FIELDS = ("title", "section", "published", "picture_caption", "picture_credit")


def _short(text: Any, limit: int = 90) -> str:
    s = " ".join(str(text).split())
    return s if len(s) <= limit else s[: limit - 1] + "…"


def gold_counts(gold: Mapping[str, Any]) -> dict[str, int]:
    """How many items a gold file asks for: required and optional events and quotes, not_events."""
    return {
        "events": len(gold.get("events") or []),
        "events_optional": len(gold.get("events_optional") or []),
        "not_events": len(gold.get("not_events") or []),
        "quotes": len(gold.get("quotes") or []),
        "quotes_optional": len(gold.get("quotes_optional") or []),
    }


def load_gold(path: str | Path) -> dict[str, Any]:
    """Read and validate a gold file; :class:`GoldFormatError` says what is wrong."""
    path = Path(path)
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFormatError(f"cannot read gold file {path}: {exc}", source=str(path)) from exc
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        raise GoldFormatError(f"{path} is not valid JSON ({where}: {exc.msg})", source=str(path)) from exc
    return validate_gold(gold, source=str(path))


def validate_gold(gold: Any, source: str = "gold") -> dict[str, Any]:
    """Check the shape of a gold annotation (see ``seed/gold.json``); return it unchanged."""

    def fail(where: str, msg: str) -> NoReturn:
        raise GoldFormatError(f"{source}: {where}: {msg} (see seed/gold.json for the shape)", source=source)

    if not isinstance(gold, dict):
        fail("top level", f"must be a JSON object, got {type(gold).__name__}")
    _check_fields(gold, _GOLD_TOP, "top level", fail)
    seg = gold.get("segmentation") or {}
    _check_fields(seg, {"documents": "count", "main": "object"}, "segmentation", fail)
    _check_fields(seg.get("main") or {}, _GOLD_DOC, "segmentation.main", fail)
    stances = gold.get("stances")
    lists = {key: gold.get(key) for key in _GOLD_LISTS}
    lists["segmentation.teasers"] = seg.get("teasers")
    lists["stances.rows"] = stances.get("rows") if isinstance(stances, dict) else stances
    for key, items in lists.items():
        if items is None:
            continue
        if not isinstance(items, list):
            fail(key, f"must be a list, got {type(items).__name__}")
        for i, item in enumerate(items):
            where = f"{key}[{i}]"
            if not isinstance(item, dict):
                fail(where, f"must be an object, got {type(item).__name__}")
            _check_fields(item, _GOLD_LISTS[key], where, fail)
            if key == "events" and not item.get("type") and not item.get("type_any_of"):
                fail(where, "needs 'type' or a non-empty 'type_any_of' list")
            if key == "not_events":
                _check_fields(item.get("forbidden") or {}, _GOLD_FORBIDDEN, f"{where}.forbidden", fail)
    return gold


def _check_fields(obj: Mapping[str, Any], spec: Mapping[str, str], where: str, fail: Callable) -> None:
    for key, kind in spec.items():
        if key not in obj:
            if kind.endswith("!"):
                fail(where, f"missing {key!r}")
            continue
        test, words = _FIELD_KINDS[kind.rstrip("!")]
        if not test(obj[key]):
            fail(where, f"{key!r} must be {words}, got {_short(repr(obj[key]), 60)}")


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and bool(normalize_text(value))


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


# What a gold file may hold, field by field; a trailing "!" marks a required field.
# Keys not listed (ids, notes, "why", "mode", "date", ...) are allowed and not checked.
_FIELD_KINDS: dict[str, tuple[Callable[[Any], bool], str]] = {
    "text": (_is_text, "a string with letters or digits"),
    "code": (lambda v: v is None or _is_text(v), "a string or null"),
    "texts": (lambda v: isinstance(v, list) and all(_is_text(s) for s in v), "a list of non-empty strings"),
    "count": (lambda v: _is_number(v) and isinstance(v, int) and v >= 0, "a count (integer >= 0)"),
    "number": (_is_number, "a finite number"),
    "object": (lambda v: isinstance(v, dict), "an object"),
}
_GOLD_TOP = {"segmentation": "object"} | dict.fromkeys(
    ("countries_mentioned", "not_persons", "events_optional", "quotes_optional"), "texts"
)
_GOLD_DOC = {
    **dict.fromkeys(DOC_FIELDS, "code"),
    **dict.fromkeys(("body_starts_with", "body_ends_with"), "text"),
    **dict.fromkeys(("must_not_contain", "body_must_not_contain", "sources"), "texts"),
    "occurrences_in_page": "count",
}
_GOLD_AMOUNT = {"value": "number!", "evidence": "text!", "unit": "text", "about_contains": "text"}
_GOLD_ENTITY = {"name": "text!", "aliases": "texts", "country": "code", "role_contains": "text"}
_GOLD_EVENT = {"evidence": "text!", "type": "text", "type_any_of": "texts"}
for _side in ("actor_country", "target_country"):
    _GOLD_EVENT |= {_side: "code", f"{_side}_any_of": "texts"}
_GOLD_LISTS = {
    "persons": {**_GOLD_ENTITY, "organization": "text"},
    "organizations": _GOLD_ENTITY,
    "places": _GOLD_ENTITY,
    "events": _GOLD_EVENT,
    "not_events": {"evidence": "text!", "forbidden": "object"},
    "quotes": {"text_contains": "text!", "speaker": "code", "speaker_any_of": "texts"},
    "amounts": _GOLD_AMOUNT,
    "segmentation.teasers": _GOLD_DOC,
    "stances.rows": {"country": "code!", "position": "text!"},
}
_GOLD_FORBIDDEN = {"actor_country": "code", "type_any_of": "texts"}
