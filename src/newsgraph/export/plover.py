"""PLOVER JSON export: one JSON object per event, one per line (``plover.jsonl``).

PLOVER (Open Event Data Alliance) recommends newline-delimited JSON; its field names are
kept where newsgraph has the field, with POLECAT's flat actor and recipient fields
(``actor``, ``actor_country``, ``actor_sector``, ``recipient``, ...). Every event is
written, negated and hypothetical ones too, with their ``negated`` / ``hypothetical``
flags: PLOVER codes those clauses as contexts, and a user filters on the flags.

Keys of each object:

- ``event_id``: ``newsgraph-<event id>``; ``event_date``: the event's own date when
  day-precise, else the document's publication date (YYYY-MM-DD, or null);
  ``event_date_coded``: the date as extracted (may be ``YYYY-MM`` or ``YYYY``).
- ``event_type`` (PLOVER type), ``event_mode`` (list, empty when none), ``quad_code``
  (1 verbal cooperation .. 4 material conflict, from the CAMEO root), ``cameo_root``,
  ``event_intensity`` (Goldstein-like, -10..+10), ``event_text`` (the sentence), ``trigger``.
- ``actor``, ``actor_id`` (newsgraph entity id or null), ``actor_country`` (ISO alpha-3),
  ``actor_sector``; the same for ``recipient`` (newsgraph's event target).
- ``placename``, ``place_country``, ``latitude``, ``longitude``: the event's place, resolved
  to a stored place entity or a country where possible.
- ``negated``, ``hypothetical``.
- ``story_id`` (document id), ``headline``, ``publication_date``, ``url`` (the document's URL,
  else its page's URL, else the path it was read from), ``evidence``
  (``{"doc", "sentence", "start", "end"}`` as in OUTPUT.md), ``coder``.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Connection

from newsgraph.core.version import __version__
from newsgraph.export.codes import PlaceInfo, day_date, event_query, quad_class, resolve_places
from newsgraph.export.streaming import atomic_open, keyset
from newsgraph.store.filters import Filters
from newsgraph.store.schema import events

CODER = f"newsgraph {__version__}"


def plover_record(ev: Mapping[str, Any], place: PlaceInfo | None) -> dict[str, Any]:
    """The PLOVER / POLECAT-style JSON object of one event row joined to its document."""
    return {
        "event_id": f"newsgraph-{ev['id']}",
        "event_date": day_date(ev["date"], ev["doc_date"]),
        "event_date_coded": ev["date"],
        "event_type": ev["type"],
        "event_mode": [ev["mode"]] if ev["mode"] else [],
        "quad_code": quad_class(ev["cameo_root"]),
        "cameo_root": ev["cameo_root"],
        "event_intensity": ev["intensity"],
        "event_text": ev["sentence"],
        "trigger": ev["trigger"] or None,
        "actor": ev["actor"],
        "actor_id": ev["actor_entity_id"],
        "actor_country": ev["actor_country"],
        "actor_sector": ev["actor_sector"],
        "recipient": ev["target"],
        "recipient_id": ev["target_entity_id"],
        "recipient_country": ev["target_country"],
        "recipient_sector": ev["target_sector"],
        "placename": place.name if place else ev["place"],
        "place_country": place.country if place else None,
        "latitude": place.lat if place else None,
        "longitude": place.lon if place else None,
        "negated": bool(ev["negated"]),
        "hypothetical": bool(ev["hypothetical"]),
        "story_id": ev["document_id"],
        "headline": ev["doc_title"],
        "publication_date": ev["doc_date"],
        "url": ev["source_url"],
        "evidence": {"doc": ev["document_id"], "sentence": ev["sentence"], "start": ev["start"], "end": ev["end"]},
        "coder": CODER,
    }


def export_plover(conn: Connection, f: Filters, out_dir: Path) -> list[Path]:
    """``plover.jsonl``: every selected event, flags kept, one JSON object per line."""
    import json

    path = out_dir / "plover.jsonl"
    with atomic_open(path, encoding="utf-8", newline="\n") as out:
        for batch in keyset(conn, event_query(conn, f, facts_only=False), events.c.id):
            places = resolve_places(conn, (r.place for r in batch))
            for r in batch:
                record = plover_record(r._mapping, places.get(r.place or ""))
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return [path]


__all__ = ["CODER", "export_plover", "plover_record"]
