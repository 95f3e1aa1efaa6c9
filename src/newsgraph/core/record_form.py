"""The stored form of an extraction record: each evidence sentence once, facts pointing at it.

The OUTPUT.md record repeats the evidence sentence in every fact (``{"doc", "sentence", "start",
"end"}``); a sentence with a thousand facts is copied a thousand times. :func:`compact_record` moves
every sentence into one ``sentences`` list and gives each evidence a ``sentence_ref`` (its index)
instead; :func:`expand_record` restores the OUTPUT.md shape exactly. Stored records
(``page_records``) are compact; everything that hands a record to a user (exports, ``newsgraph
extract``) gives the expanded one. A record without ``sentences`` (stored before this form) is
already expanded.
"""

from __future__ import annotations

from typing import Any

SENTENCES = "sentences"
REF = "sentence_ref"


def _is_evidence(value: dict[str, Any]) -> bool:
    return "doc" in value and "start" in value and "end" in value


def compact_record(record: dict[str, Any]) -> dict[str, Any]:
    """``record`` with every evidence sentence stored once in ``record["sentences"]``."""
    if SENTENCES in record:
        return record
    index: dict[str, int] = {}
    out = {k: (v if k == "documents" else _compact(v, index)) for k, v in record.items()}
    out[SENTENCES] = list(index)
    return out


def _compact(value: Any, index: dict[str, int]) -> Any:
    """``value`` with each evidence sentence replaced by its number in ``index`` (added when new).

    A module function, not a closure: a recursive closure is a reference cycle, which kept every
    record's sentences alive until the next full garbage collection.
    """
    if isinstance(value, dict):
        if _is_evidence(value) and isinstance(value.get("sentence"), str):
            ref = index.setdefault(value["sentence"], len(index))
            return {REF if k == "sentence" else k: (ref if k == "sentence" else v) for k, v in value.items()}
        return {k: _compact(v, index) for k, v in value.items()}
    if isinstance(value, list):
        return [_compact(v, index) for v in value]
    return value


def expand_record(record: dict[str, Any]) -> dict[str, Any]:
    """The OUTPUT.md record of a stored one: each ``sentence_ref`` replaced by its sentence."""
    if SENTENCES not in record:
        return record
    sentences: list[str] = record[SENTENCES]

    def walk(value: Any) -> Any:
        if isinstance(value, dict):
            if REF in value and _is_evidence(value):
                return {"sentence" if k == REF else k: (sentences[v] if k == REF else v) for k, v in value.items()}
            return {k: walk(v) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v) for v in value]
        return value

    return {k: (v if k == "documents" else walk(v)) for k, v in record.items() if k != SENTENCES}


__all__ = ["compact_record", "expand_record"]
