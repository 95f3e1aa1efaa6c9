"""Reading merged events: the ``newsgraph events`` list and the reports behind one merged event.

Merged events are written by :mod:`newsgraph.kb.events` (reports of one event in many documents
→ one merged event); these queries only read them. Not to be confused with
:func:`newsgraph.store.queries.list_event_reports`, the event rows as each document reported them.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from newsgraph.store.filters import NO_FILTERS, Filters
from newsgraph.store.schema import documents, events
from newsgraph.store.schema_kb import canonical_entities, merged_event_sources, merged_events, require_kb
from newsgraph.store.sql import chunked


def list_merged_events(
    conn: Connection,
    f: Filters = NO_FILTERS,
    *,
    entity: str | None = None,
    role: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Merged events, newest first, with their source counts and documents.

    ``f.event_type`` is the type; ``f.country`` matches the actor's or the target's country;
    ``f.since`` / ``f.until`` the event's day (``"2020-01"`` includes all January); ``entity``
    a canonical entity id as actor or target (``role="actor"`` or ``"target"`` for one side).
    """
    require_kb(conn)
    m = merged_events.c
    q = select(merged_events).where(*f.date_range(m.day))
    if f.event_type:
        q = q.where(m.type == f.event_type)
    if f.country:
        q = q.where((m.actor_country == f.country) | (m.target_country == f.country))
    if entity:
        sides = {"actor": m.actor_id == entity, "target": m.target_id == entity}
        q = q.where(sides[role] if role in sides else (sides["actor"] | sides["target"]))
    q = q.order_by(m.day.desc().nulls_last(), m.sources.desc(), m.id).limit(limit).offset(offset)
    rows = list(conn.execute(q))
    names = _names(conn, {x for r in rows for x in (r.actor_id, r.target_id) if x})
    docs: dict[str, list[str]] = {}
    s = merged_event_sources.c
    for part in chunked([r.id for r in rows]):
        for mid, doc in conn.execute(select(s.merged_id, s.document_id).where(s.merged_id.in_(part)).distinct()):
            docs.setdefault(mid, []).append(doc)
    return [_event_dict(r, names, sorted(docs.get(r.id, []))) for r in rows]


def _names(conn: Connection, ids: set[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for part in chunked(sorted(ids)):
        q = select(canonical_entities.c.id, canonical_entities.c.name).where(canonical_entities.c.id.in_(part))
        out.update((i, n) for i, n in conn.execute(q))
    return out


def _event_dict(r: Any, names: dict[str, str], doc_ids: list[str]) -> dict[str, Any]:
    return {
        "id": r.id,
        "type": r.type,
        "actor": names.get(r.actor_id) or r.actor or r.actor_country,
        "actor_id": r.actor_id,
        "actor_country": r.actor_country,
        "target": names.get(r.target_id) or r.target or r.target_country,
        "target_id": r.target_id,
        "target_country": r.target_country,
        "date": r.day if r.dated else None,
        "day": r.day,
        "dated": bool(r.dated),
        "place": r.place,
        "first_day": r.first_day,
        "last_day": r.last_day,
        "sources": r.sources,
        "documents": r.documents,
        "document_ids": doc_ids,
    }


def event_sources(conn: Connection, merged_id: str) -> list[dict[str, Any]]:
    """The reports of one merged event: document, title, publication date and evidence."""
    require_kb(conn)
    s, e = merged_event_sources.c, events.c
    q = (
        select(e.id, e.document_id, documents.c.title, documents.c.published, e.date, e.actor, e.target)
        .add_columns(e.trigger, e.sentence, e.start, e.end)
        .join(merged_event_sources, s.event_id == e.id)
        .join(documents, documents.c.id == e.document_id)
        .where(s.merged_id == merged_id)
        .order_by(documents.c.published, e.id)
    )
    return [dict(r._mapping) for r in conn.execute(q)]


__all__ = ["event_sources", "list_merged_events"]
