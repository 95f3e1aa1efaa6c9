"""What the news talked about most: the most-mentioned entities and the most-reported events.

Both are one aggregate query over the documents a :class:`~newsgraph.store.filters.Filters`
selects: usually a window on their date (``since`` / ``until`` take ``YYYY``, ``YYYY-MM`` or
``YYYY-MM-DD``, both ends inclusive: ``until="2020-01"`` includes every day of January; a
teaser, which carries no date, has its page's).

- :func:`popular`: entities ranked by the number of documents that mention
  them, then by the number of mentions.
- :func:`top_events`: events grouped by PLOVER type, actor country and target
  country, ranked by the number of documents reporting such an event. Negated
  and hypothetical events are not facts (OUTPUT.md) and are not counted.

Near-duplicates are stored without facts, so a syndicated copy never counts twice.
Counts are taken per entity id (per group) before names are joined. With no filter but dates,
:func:`popular` reads the summary tables (``entity_totals`` for all time, ``entity_days`` for a
window: a few rows per entity and day) and :func:`top_events` takes the window's documents from
``summary_documents`` by its day index; other filters select documents from the fact tables. A
covering index (``ix_events_groups``) keeps an all-time :func:`top_events` fast.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy import Select, desc, false, func, literal, select
from sqlalchemy.engine import Connection

from newsgraph.core.errors import NewsgraphError
from newsgraph.store.filters import NO_FILTERS, Filters, event_row_conditions, selected_documents
from newsgraph.store.schema import entities, events, mentions
from newsgraph.store.schema_summary import day_totals, entity_days, entity_totals, summary_documents

# The kinds written by ``store/facts.py``; an unknown kind is a typo, not an empty answer.
KINDS = ("person", "organization", "place", "country")


class PopularError(NewsgraphError):
    code = "Q003"
    reason = "popular"


def _check_limit(limit: int) -> None:
    if limit < 1:
        raise PopularError(f"limit must be at least 1, not {limit}")


def popular_query(
    f: Filters = NO_FILTERS,
    *,
    kind: str | None = None,
    limit: int = 20,
    busy_day: int | None = None,
    ids: list[str] | None = None,
) -> Select:
    """The SQL of :func:`popular`: counts per entity id first, names joined to the counts only. With
    ``busy_day`` (a window of dates only), only the entities with that many documents on one of its days
    are counted (see :func:`popular`); with ``ids`` (dates only), only these entities."""
    _check_limit(limit)
    if kind is not None and kind not in KINDS:
        raise PopularError(f"unknown entity kind {kind!r}; use one of {', '.join(KINDS)}")
    if only_dates(f):
        counts = _summary_counts(f, kind, limit, busy_day)
        if ids is not None:
            counts = counts.where(counts.selected_columns[0].in_(ids))
    else:
        counts = select(
            mentions.c.entity_id,
            func.count(func.distinct(mentions.c.document_id)).label("documents"),
            func.count().label("mentions"),
        ).group_by(mentions.c.entity_id)
        counts = counts.where(mentions.c.document_id.in_(selected_documents(f)))
    c = counts.subquery("c")
    q = (
        select(entities.c.id, entities.c.kind, entities.c.name, entities.c.country, c.c.documents, c.c.mentions)
        .join_from(c, entities, entities.c.id == c.c.entity_id)
        .order_by(desc(c.c.documents), desc(c.c.mentions), entities.c.name, entities.c.id)
        .limit(limit)
    )
    return q if kind is None else q.where(entities.c.kind == kind)


def only_dates(f: Filters) -> bool:
    """True when ``f`` selects documents by their date alone (or not at all): the summaries answer it."""
    return not (f.country or f.person or f.event_type)


def _summary_counts(f: Filters, kind: str | None, limit: int, busy_day: int | None = None) -> Select:
    """Documents and mentions per entity from the summary tables (``f`` holds dates at most)."""
    if not f.dated:  # all time: the rows at or above the limit-th one, found through the rank index
        t = entity_totals.c
        nth = select(t.documents).order_by(desc(t.documents), desc(t.mentions)).offset(limit - 1).limit(1)
        if kind is not None:
            nth = nth.join_from(entity_totals, entities, entities.c.id == t.entity_id).where(entities.c.kind == kind)
        floor = func.coalesce(nth.scalar_subquery(), 1)
        return select(t.entity_id, t.documents, t.mentions).where(t.documents >= floor, t.documents > 0)
    d = entity_days.c
    q = (
        select(d.entity_id, func.sum(d.documents).label("documents"), func.sum(d.mentions).label("mentions"))
        .where(*f.date_range(d.day))
        .group_by(d.entity_id)
    )
    if busy_day is None:
        return q
    busy = entity_days.alias("busy")
    candidates = select(busy.c.entity_id).where(*f.date_range(busy.c.day), busy.c.documents >= busy_day)
    return q.where(d.entity_id.in_(candidates))


# Documents on one day an entity needs to be counted by the first tries of a window's ranking, and the
# mentions a window needs for them to be tried (fewer entity-day rows than that are counted at once).
BUSY_DAYS = (8, 3)
SMALL_WINDOW = 20_000


def popular(
    conn: Connection, f: Filters = NO_FILTERS, *, kind: str | None = None, limit: int = 20
) -> list[dict[str, Any]]:
    """Most-mentioned entities: ``{id, kind, name, country, documents, mentions}``, most documents first.

    A window of dates is ranked among the entities with at least ``b`` documents on one of its days
    (``b`` in :data:`BUSY_DAYS`, a few hundred of the tens of thousands a month of a 100k base names)
    when that gives the exact answer: when the ``limit``-th of them has more documents than any other
    entity can have, ``(b - 1)`` on each of the window's days. Else, and at once for a window of at most
    :data:`SMALL_WINDOW` mentions, every entity of the window is counted.
    """
    if only_dates(f) and f.dated:
        t = day_totals.c
        window = select(func.count(), func.coalesce(func.sum(t.mentions), 0)).where(*f.date_range(t.day))
        days, n = conn.execute(window).one()
        if n > SMALL_WINDOW:  # (a window of few mentions is counted at once, below)
            for busy_day in BUSY_DAYS:
                rows = _named(conn, f, kind, limit, busy_day)
                if len(rows) == limit and rows[-1]["documents"] > (busy_day - 1) * days:
                    return rows
            return _named(conn, f, kind, limit, None)
    return _popular_rows(conn, popular_query(f, kind=kind, limit=limit))


# Entities read past the limit before names are joined (ties at the limit need them all).
NAMED_EXTRA = 50


def _named(conn: Connection, f: Filters, kind: str | None, limit: int, busy_day: int | None) -> list[dict[str, Any]]:
    """:func:`popular_query`'s rows, the counts ranked first without names, then names joined for the
    leading entities only (``ids``): joined to every count, PostgreSQL misjudged the counts' number and
    hashed every entity of the base (55 of the 77 ms of a busy 30-day window of the 100k base). When the
    entities read tie with the ``limit``-th beyond :data:`NAMED_EXTRA`, the names are joined to all."""
    if kind is not None:
        return _popular_rows(conn, popular_query(f, kind=kind, limit=limit, busy_day=busy_day))
    c = _summary_counts(f, kind, limit, busy_day).subquery("c").c
    top = conn.execute(
        select(c.entity_id, c.documents, c.mentions)
        .order_by(desc(c.documents), desc(c.mentions), c.entity_id)
        .limit(limit + NAMED_EXTRA)
    ).all()
    if len(top) == limit + NAMED_EXTRA and tuple(top[-1][1:]) == tuple(top[limit - 1][1:]):
        return _popular_rows(conn, popular_query(f, kind=kind, limit=limit, busy_day=busy_day))
    ids = [r.entity_id for r in top]
    return _popular_rows(conn, popular_query(f, limit=limit, busy_day=busy_day, ids=ids))


def _popular_rows(conn: Connection, query: Select) -> list[dict[str, Any]]:
    rows = conn.execute(query).mappings()
    return [{**dict(r), "documents": int(r["documents"]), "mentions": int(r["mentions"])} for r in rows]


def top_events_query(f: Filters = NO_FILTERS, *, limit: int = 20) -> Select:
    """The SQL of :func:`top_events` (SQLAlchemy Core, both backends)."""
    _check_limit(limit)
    n_docs = func.count(func.distinct(events.c.document_id)).label("documents")
    n_events = func.count().label("events")
    q = (
        select(
            events.c.type,
            events.c.actor_country,
            events.c.target_country,
            n_docs,
            n_events,
            func.min(events.c.date).label("first"),
            func.max(events.c.date).label("last"),
        )
        .where(events.c.negated == false(), events.c.hypothetical == false())
        .where(*event_row_conditions(f, facts_only=False))
        .group_by(events.c.type, events.c.actor_country, events.c.target_country)
        .order_by(
            desc(n_docs),
            desc(n_events),
            events.c.type,
            func.coalesce(events.c.actor_country, literal("")),
            func.coalesce(events.c.target_country, literal("")),
        )
        .limit(limit)
    )
    documents_only = replace(f, country=None, event_type=None)  # the event rows carry those themselves
    if not documents_only.any:
        return q
    if only_dates(documents_only):  # the window's documents by the day index of the summaries
        s = summary_documents.c
        return q.where(events.c.document_id.in_(select(s.document_id).where(*f.date_range(s.day))))
    return q.where(events.c.document_id.in_(selected_documents(documents_only)))


def top_events(conn: Connection, f: Filters = NO_FILTERS, *, limit: int = 20) -> list[dict[str, Any]]:
    """Most-reported events: ``{type, actor_country, target_country, documents, events, first, last}``.

    Grouped by PLOVER type and the two countries (``None`` where the text names
    none); ``first`` / ``last`` are the earliest and latest event dates (``None``
    when no event of the group has a date).
    """
    rows = conn.execute(top_events_query(f, limit=limit)).mappings()
    return [{**dict(r), "documents": int(r["documents"]), "events": int(r["events"])} for r in rows]


__all__ = [
    "BUSY_DAYS",
    "KINDS",
    "NAMED_EXTRA",
    "SMALL_WINDOW",
    "PopularError",
    "only_dates",
    "popular",
    "popular_query",
    "top_events",
    "top_events_query",
]
