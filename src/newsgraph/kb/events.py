"""Merged-event resolution: reports of one event in many documents → one merged event with all its sources.

Two reports are the same event when they have the same PLOVER type; the same actor
and the same target (their canonical entities when the extractor linked a name,
else their countries); dates within one day of each other, or both undated and in
documents published within one day; and the same place when both name one. A
report with neither actor nor target, or with no date at all, stays an event of
its own. Negated and hypothetical reports are never merged: they are not facts.

A merged event is anchored on the day of the report that opened it, so a chain of
reports a day apart each does not drift across a week. :func:`resolve_events` is
incremental: it takes the reports of some documents out of the merged events they
were in (if any) and places them again, which is also how a document whose entity
links changed is re-merged. Call it through :func:`newsgraph.kb.resolve.resolve_documents`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from types import SimpleNamespace
from typing import Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.engine import Connection

from newsgraph.lexicon.known_orgs import org_key
from newsgraph.store.schema import documents, events
from newsgraph.store.schema_kb import entity_links, merged_event_sources, merged_events
from newsgraph.store.sql import chunked, insert_rows

# Reports whose days differ by at most this many days can be one event (the issue's ±1 day).
DAY_WINDOW = 1
# What a merged event takes from the report that opens it.
_COPIED = ("type", "actor_key", "target_key", "actor", "actor_id", "actor_country", "target", "target_id")
_COPIED += ("target_country", "day", "dated", "place", "place_key")


@dataclass(frozen=True, slots=True)
class Report:
    """One stored event row, as event resolution sees it."""

    event_id: int
    document_id: str
    type: str
    actor_key: str  # "e:<canonical id>", "c:<ISO3>" or ""
    target_key: str
    day: str | None  # the event's date, or its document's publication day when undated
    dated: bool
    place_key: str | None = None
    actor: str | None = None
    actor_id: str | None = None
    actor_country: str | None = None
    target: str | None = None
    target_id: str | None = None
    target_country: str | None = None
    place: str | None = None

    @property
    def mergeable(self) -> bool:
        return bool(self.day and (self.actor_key or self.target_key))


def party_key(canonical: str | None, country: str | None) -> str:
    """How an actor or target is compared: its canonical entity, else its country, else nothing."""
    if canonical:
        return f"e:{canonical}"
    return f"c:{country}" if country else ""


@lru_cache(maxsize=65_536)
def _iso_day(text: str | None) -> str | None:
    if not text or len(text) < 10:
        return None
    try:
        return date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        return None


def event_day(event_date: str | None, published: str | None) -> tuple[str | None, bool]:
    """``(day, dated)``: the event's own day when it has one, else the publication day (undated)."""
    day = _iso_day(event_date)
    if day:
        return day, True
    return _iso_day(published), False


def near_days(day: str) -> list[str]:
    """``day`` and the days within :data:`DAY_WINDOW` of it."""
    return list(_near_days(day))


@lru_cache(maxsize=65_536)
def _near_days(day: str) -> tuple[str, ...]:  # asked for every report and candidate: days recur
    d = date.fromisoformat(day)
    return tuple((d + timedelta(days=k)).isoformat() for k in range(-DAY_WINDOW, DAY_WINDOW + 1))


def same_event(report: Report, merged: Any) -> bool:
    """Whether ``report`` belongs to the merged event row ``merged`` (pure)."""
    if not report.mergeable or report.type != merged.type or report.dated != bool(merged.dated):
        return False
    if (report.actor_key, report.target_key) != (merged.actor_key, merged.target_key):
        return False
    if merged.day is None or report.day not in near_days(merged.day):
        return False
    return not (report.place_key and merged.place_key and report.place_key != merged.place_key)


def merged_event_id(report: Report) -> str:
    """Id of the merged event a report opens: from what makes it that event (unique for a lone report)."""
    parts = [report.type, report.actor_key, report.target_key, report.day or "", str(report.dated)]
    parts.append(report.place_key or "")
    if not report.mergeable:
        parts.append(f"#{report.event_id}")
    return hashlib.sha1("event|".join(parts).encode()).hexdigest()[:16]


# ------------------------------------------------------------------------- the database


def resolve_events(conn: Connection, doc_ids: Iterable[str]) -> int:
    """(Re-)place the reports of these documents in merged events; returns how many were placed."""
    ids = sorted(set(doc_ids))
    refresh(conn, unmerge_documents(conn, ids))
    reports = sorted(load_reports(conn, ids), key=lambda r: (r.day or "", r.event_id))
    pool = _pool(conn, [r for r in reports if r.mergeable])
    new, sources, places = place_reports(reports, pool)
    insert_rows(conn, merged_events, list(new.values()))
    insert_rows(conn, merged_event_sources, sources)
    for mid, values in places.items():  # a place learnt from a later report
        if mid not in new:
            conn.execute(merged_events.update().where(merged_events.c.id == mid).values(**values))
    refresh(conn, {s["merged_id"] for s in sources})
    return len(reports)


def place_reports(
    reports: list[Report], pool: dict[tuple[str, str, str], list[Any]]
) -> tuple[dict[str, dict[str, Any]], list[dict[str, Any]], dict[str, dict[str, Any]]]:
    """Place reports (sorted by day, then id) in the merged events of ``pool`` or in new ones (pure but for
    the rows of ``pool``, whose places may be learnt). Returns the new merged events (their counts still
    0), one source row per report, and the places learnt by merged events that had none.

    Merged events are looked up by (type, actor, target, day) for the days within
    :data:`DAY_WINDOW` of the report's, so placing many reports stays linear."""
    index: dict[tuple[tuple[str, str, str], str | None], list[Any]] = {}
    for key, rows in pool.items():
        for row in rows:
            index.setdefault((key, row.day), []).append(row)
    known = {row.id for rows in pool.values() for row in rows}
    new: dict[str, dict[str, Any]] = {}
    sources, places = [], {}
    for report in reports:
        key = (report.type, report.actor_key, report.target_key)
        near = [row for d in near_days(report.day) for row in index.get((key, d), [])] if report.mergeable else []
        found = [row for row in near if same_event(report, row)]
        if found:
            best = min(found, key=lambda row: (abs(_ordinal(row.day) - _ordinal(report.day)), row.id))
            if report.place and not best.place:
                best.place, best.place_key = report.place, report.place_key
                places[best.id] = {"place": report.place, "place_key": report.place_key}
            mid = best.id
        else:
            mid = merged_event_id(report)
            if mid in known:  # kept apart by a place
                mid = hashlib.sha1(f"{mid}#{report.event_id}".encode()).hexdigest()[:16]
            new[mid] = {"id": mid, "sources": 0, "documents": 0} | {k: getattr(report, k) for k in _COPIED}
            known.add(mid)
            index.setdefault((key, report.day), []).append(SimpleNamespace(**new[mid]))
        sources.append(
            {"event_id": report.event_id, "merged_id": mid, "document_id": report.document_id, "day": report.day}
        )
    return new, sources, places


def _pool(conn: Connection, reports: list[Report]) -> dict[tuple[str, str, str], list[Any]]:
    """Stored merged events these reports may join, by (type, actor, target)."""
    m = merged_events.c
    out: dict[tuple[str, str, str], list[Any]] = {}
    seen: set[str] = set()
    for part in chunked(reports, 200):
        q = select(merged_events).where(
            m.type.in_({r.type for r in part}),
            m.actor_key.in_({r.actor_key for r in part}),
            m.day.in_({d for r in part for d in near_days(r.day or "")}),
        )
        for row in conn.execute(q):
            if row.id not in seen:
                seen.add(row.id)
                out.setdefault((row.type, row.actor_key, row.target_key), []).append(SimpleNamespace(**row._mapping))
    return out


def load_reports(conn: Connection, doc_ids: list[str]) -> list[Report]:
    """The factual (not negated, not hypothetical) events of these documents, with canonical actors."""
    out: list[Report] = []
    e = events.c
    for part in chunked(doc_ids):
        links = {
            (r.entity_id, r.document_id): r.canonical_id
            for r in conn.execute(
                select(entity_links.c.entity_id, entity_links.c.document_id, entity_links.c.canonical_id).where(
                    entity_links.c.document_id.in_(part)
                )
            )
        }
        q = (
            select(events, documents.c.published)
            .join(documents, documents.c.id == e.document_id)
            .where(e.document_id.in_(part), e.negated.is_(False), e.hypothetical.is_(False))
            .order_by(e.id)
        )
        for r in conn.execute(q):
            actor_id = links.get((r.actor_entity_id, r.document_id)) if r.actor_entity_id else None
            target_id = links.get((r.target_entity_id, r.document_id)) if r.target_entity_id else None
            out.append(report_of(r, actor_id, target_id))
    return out


def report_of(r: Any, actor_id: str | None, target_id: str | None) -> Report:
    """The report of an ``events`` row (with its document's ``published``), its parties' canonical ids given."""
    day, dated = event_day(r.date, r.published)
    return Report(
        r.id,
        r.document_id,
        r.type,
        party_key(actor_id, r.actor_country),
        party_key(target_id, r.target_country),
        day,
        dated,
        org_key(r.place) if r.place else None,
        r.actor,
        actor_id,
        r.actor_country,
        r.target,
        target_id,
        r.target_country,
        r.place,
    )


@lru_cache(maxsize=65_536)
def _ordinal(day: str | None) -> int:
    return date.fromisoformat(day).toordinal() if day else 0


def unmerge_documents(conn: Connection, doc_ids: list[str]) -> set[str]:
    """Take these documents' reports out of their merged events; returns the merged events touched."""
    touched: set[str] = set()
    s = merged_event_sources.c
    for part in chunked(doc_ids):
        touched.update(conn.execute(select(s.merged_id).where(s.document_id.in_(part)).distinct()).scalars())
        conn.execute(merged_event_sources.delete().where(s.document_id.in_(part)))
    return touched


def refresh(conn: Connection, merged_ids: Iterable[str]) -> None:
    """Recount sources, documents and day span of merged events; delete those left without a source."""
    s, m = merged_event_sources.c, merged_events.c
    now = datetime.now(UTC)
    stmt = merged_events.update().where(m.id == bindparam("b_id"))
    stmt = stmt.values(sources=bindparam("b_s"), documents=bindparam("b_d"), first_day=bindparam("b_f"))
    stmt = stmt.values(last_day=bindparam("b_l"), updated_at=now)
    for part in chunked(sorted(set(merged_ids))):
        q = (
            select(s.merged_id, func.count(), func.count(s.document_id.distinct()), func.min(s.day), func.max(s.day))
            .where(s.merged_id.in_(part))
            .group_by(s.merged_id)
        )
        stats = {r[0]: r for r in conn.execute(q)}
        gone = [mid for mid in part if mid not in stats]
        if gone:
            conn.execute(merged_events.delete().where(m.id.in_(gone)))
        if stats:
            conn.execute(
                stmt, [{"b_id": k, "b_s": r[1], "b_d": r[2], "b_f": r[3], "b_l": r[4]} for k, r in stats.items()]
            )


__all__ = [
    "DAY_WINDOW",
    "Report",
    "event_day",
    "load_reports",
    "merged_event_id",
    "near_days",
    "party_key",
    "place_reports",
    "refresh",
    "report_of",
    "resolve_events",
    "same_event",
    "unmerge_documents",
]
