"""Keeping the summary tables (:mod:`newsgraph.store.schema_summary`) equal to a recount of the facts.

A document's share of the counts is *added* when it is stored (``Store.save_page``, after its facts)
and *subtracted* before its facts are deleted (``reextract.clear_facts``); re-extraction adds the
new share once the new facts are written. ``summary_documents`` records which documents are
counted, so adding a document twice or subtracting one never added changes nothing. Both steps
read only the rows of the documents at hand (grouped in SQL, summed here) and write increments
with one upsert per table (``INSERT … ON CONFLICT DO UPDATE``, keys sorted so two writers lock rows
in the same order); rows whose counts fall to zero are deleted.

:func:`add` also sets ``events.day`` of the documents' events, and :mod:`newsgraph.store.stance_cells` keeps
the stance board's cells (and ``stances.stated``) with the same calls. :func:`rebuild` empties the tables
and fills them again from the facts with one statement each (after rows were written some other
way, e.g. bulk copies); :func:`recount` returns what the tables should hold, for tests and checks.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy import Table, and_, case, delete, func, literal_column, select, text, tuple_, union_all, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection

from newsgraph.store import stance_cells
from newsgraph.store.filters import first_page
from newsgraph.store.schema import documents, events, mentions, quotes
from newsgraph.store.schema_summary import (
    COUNTED,
    SUMMARY_TABLES,
    day_event_types,
    day_totals,
    entity_days,
    entity_totals,
    summary_documents,
)
from newsgraph.store.sql import chunked

Counts = dict[Table, dict[tuple[Any, ...], list[int]]]


def document_day() -> Any:
    """A document's day: its date, else its first page's, cut to ``YYYY-MM-DD``; ``""`` when unknown."""
    return func.coalesce(func.substr(func.coalesce(documents.c.published, first_page.c.published), 1, 10), "")


def _event_day(doc_ids: list[str] | None) -> Any:
    """``UPDATE events SET day = …`` for the events of ``doc_ids`` (None: all): own date, else the document's."""
    doc_date = (
        select(func.coalesce(documents.c.published, first_page.c.published))
        .select_from(documents.outerjoin(first_page, first_page.c.id == documents.c.first_page_id))
        .where(documents.c.id == events.c.document_id)
        .scalar_subquery()
    )
    day = func.substr(func.coalesce(events.c.date, doc_date), 1, 10)
    q = update(events).values(day=day)
    return q if doc_ids is None else q.where(events.c.document_id.in_(doc_ids))


def _marked(conn: Connection, doc_ids: list[str]) -> dict[str, tuple[str, str]]:
    s = summary_documents.c
    rows = conn.execute(select(s.document_id, s.day, s.role).where(s.document_id.in_(doc_ids)))
    return {r.document_id: (r.day, r.role) for r in rows}


def add(conn: Connection, doc_ids: Iterable[str]) -> int:
    """Count these documents (stored, not near-duplicates, not counted yet) with their facts; returns how many."""
    done = 0
    for part in chunked(sorted(set(doc_ids))):
        known = _marked(conn, part)
        q = (
            select(documents.c.id, document_day().label("day"), documents.c.role)
            .select_from(documents.outerjoin(first_page, first_page.c.id == documents.c.first_page_id))
            .where(documents.c.id.in_(part), documents.c.duplicate_of.is_(None))
        )
        new = {r.id: (r.day, r.role) for r in conn.execute(q) if r.id not in known}
        if not new:
            continue
        ids = sorted(new)
        conn.execute(_event_day(ids))
        conn.execute(summary_documents.insert(), [{"document_id": i, "day": d, "role": r} for i, (d, r) in new.items()])
        _apply(conn, _shares(conn, new), sign=1)
        stance_cells.add(conn, ids)
        done += len(new)
    return done


def subtract(conn: Connection, doc_ids: Iterable[str]) -> int:
    """Take these documents' counts away (before their facts are deleted); returns how many were counted."""
    done = 0
    for part in chunked(sorted(set(doc_ids))):
        known = _marked(conn, part)
        if not known:
            continue
        _apply(conn, _shares(conn, known), sign=-1)
        stance_cells.subtract(conn, sorted(known))
        conn.execute(delete(summary_documents).where(summary_documents.c.document_id.in_(sorted(known))))
        done += len(known)
    return done


def _shares(conn: Connection, docs: dict[str, tuple[str, str]]) -> Counts:
    """What ``docs`` (id → (day, role)) add to each summary table, read from their fact rows."""
    ids = sorted(docs)
    out: Counts = {t: defaultdict(_zeros(len(COUNTED[t][1]))) for t in COUNTED}
    for day, role in docs.values():
        row = out[day_totals][(day,)]
        row[0] += 1
        row[1] += role == "main"
    m = mentions.c
    q = select(m.entity_id, m.document_id, func.count()).where(m.document_id.in_(ids))
    for entity, doc, n in conn.execute(q.group_by(m.entity_id, m.document_id)):
        day = docs[doc][0]
        _bump(out[entity_totals][(entity,)], (1, n))
        _bump(out[entity_days][(entity, day)], (1, n))
        out[day_totals][(day,)][2] += n
    e = events.c
    q = select(e.document_id, e.day, e.type, e.actor_entity_id, e.target_entity_id, e.negated, e.hypothetical)
    for r in conn.execute(q.where(e.document_id.in_(ids))):
        if r.actor_entity_id:
            out[entity_totals][(r.actor_entity_id,)][2] += 1
        if r.target_entity_id:
            out[entity_totals][(r.target_entity_id,)][3] += 1
        if r.negated or r.hypothetical:
            continue
        out[day_totals][(docs[r.document_id][0],)][3] += 1
        if r.day is not None:
            out[day_event_types][(r.day, r.type)][0] += 1
    q = select(quotes.c.speaker_entity_id, func.count()).where(
        quotes.c.document_id.in_(ids), quotes.c.speaker_entity_id.is_not(None)
    )
    for entity, n in conn.execute(q.group_by(quotes.c.speaker_entity_id)):
        out[entity_totals][(entity,)][4] += n
    return out


def _zeros(n: int) -> Callable[[], list[int]]:
    return lambda: [0] * n


def _bump(row: list[int], values: Sequence[int]) -> None:
    for i, v in enumerate(values):
        row[i] += v


def _apply(conn: Connection, shares: Counts, *, sign: int) -> None:
    """Add (``sign`` 1) or take away (-1) ``shares``; rows left at zero are deleted."""
    make = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
    for table, rows in shares.items():
        if not rows:
            continue
        keys, counted = COUNTED[table]
        values = [
            dict(zip(keys, key, strict=True)) | {c: sign * n for c, n in zip(counted, row, strict=True)}
            for key, row in sorted(rows.items())
        ]
        stmt = make(table)
        stmt = stmt.on_conflict_do_update(
            index_elements=list(keys), set_={c: table.c[c] + stmt.excluded[c] for c in counted}
        )
        for part in chunked(values, 1000):
            conn.execute(stmt, part)
        if sign < 0:
            zero = and_(*(table.c[c] == 0 for c in counted))
            for part in chunked(sorted(rows), 400):
                match = (
                    tuple_(*(table.c[k] for k in keys)).in_(part)
                    if len(keys) > 1
                    else table.c[keys[0]].in_([k[0] for k in part])
                )
                conn.execute(delete(table).where(match, zero))


# -- from scratch ---------------------------------------------------------------------------------

_FACTUAL = and_(events.c.negated.is_(False), events.c.hypothetical.is_(False))
_ZERO, _ONE = literal_column("0"), literal_column("1")


def counted_documents() -> Any:
    """``(document_id, day, role)`` of the documents the summaries count, from ``documents`` alone."""
    return (
        select(documents.c.id.label("document_id"), document_day().label("day"), documents.c.role)
        .select_from(documents.outerjoin(first_page, first_page.c.id == documents.c.first_page_id))
        .where(documents.c.duplicate_of.is_(None))
    )


def _recount_queries(src: Any) -> dict[Table, Any]:
    """Per table, a SELECT of its rows (keys, then counts) from the facts of the documents of ``src``
    (a selectable of ``document_id, day, role``)."""
    s, m, e, q = src.c, mentions.c, events.c, quotes.c
    counted = select(s.document_id)
    z = _ZERO
    parts = [
        select(
            m.entity_id.label("entity_id"),
            func.count(m.document_id.distinct()).label("documents"),
            func.count().label("mentions"),
            z.label("as_actor"),
            z.label("as_target"),
            z.label("quotes"),
        )
        .where(m.document_id.in_(counted))
        .group_by(m.entity_id),
        select(e.actor_entity_id, z, z, func.count(), z, z)
        .where(e.document_id.in_(counted), e.actor_entity_id.is_not(None))
        .group_by(e.actor_entity_id),
        select(e.target_entity_id, z, z, z, func.count(), z)
        .where(e.document_id.in_(counted), e.target_entity_id.is_not(None))
        .group_by(e.target_entity_id),
        select(q.speaker_entity_id, z, z, z, z, func.count())
        .where(q.document_id.in_(counted), q.speaker_entity_id.is_not(None))
        .group_by(q.speaker_entity_id),
    ]
    u = union_all(*parts).subquery("parts")
    totals = select(u.c.entity_id, *(func.sum(u.c[c]) for c in COUNTED[entity_totals][1])).group_by(u.c.entity_id)
    days = (
        select(m.entity_id, s.day, func.count(m.document_id.distinct()), func.count())
        .select_from(mentions.join(src, s.document_id == m.document_id))
        .group_by(m.entity_id, s.day)
    )
    main = func.sum(case((s.role == "main", _ONE), else_=z))
    day_parts = [
        select(s.day.label("day"), func.count().label("documents"), main.label("articles"), z.label("mentions"))
        .add_columns(z.label("events"))
        .group_by(s.day),
        select(s.day, z, z, func.count(), z)
        .select_from(mentions.join(src, s.document_id == m.document_id))
        .group_by(s.day),
        select(s.day, z, z, z, func.count())
        .select_from(events.join(src, s.document_id == e.document_id))
        .where(_FACTUAL)
        .group_by(s.day),
    ]
    d = union_all(*day_parts).subquery("parts")
    day_rows = select(d.c.day, *(func.sum(d.c[c]) for c in COUNTED[day_totals][1])).group_by(d.c.day)
    types = (
        select(e.day, e.type, func.count())
        .where(_FACTUAL, e.day.is_not(None), e.document_id.in_(counted))
        .group_by(e.day, e.type)
    )
    return {entity_totals: totals, entity_days: days, day_totals: day_rows, day_event_types: types}


def rebuild(conn: Connection) -> None:
    """Empty the summary tables and fill them from the facts (and set every ``events.day``)."""
    conn.execute(_event_day(None))
    for table in SUMMARY_TABLES:
        conn.execute(delete(table))
    s = summary_documents.c
    conn.execute(summary_documents.insert().from_select([s.document_id, s.day, s.role], counted_documents()))
    for table, query in _recount_queries(summary_documents).items():
        keys, counted = COUNTED[table]
        conn.execute(table.insert().from_select([*keys, *counted], query))
    stance_cells.fill(conn)
    if conn.dialect.name == "postgresql":
        for table in SUMMARY_TABLES:
            conn.execute(text(f"ANALYZE {table.name}"))


Snapshot = dict[str, dict[tuple[Any, ...], tuple[Any, ...]]]


def recount(conn: Connection) -> Snapshot:
    """What each summary table should hold, counted from ``documents`` and the facts alone (not from
    ``summary_documents``): table name → key → counts, rows of zeros left out. ``events.day`` is read."""
    src = counted_documents().subquery("counted")
    out: Snapshot = {summary_documents.name: {(r[0],): (0,) for r in conn.execute(select(src))}}
    for table, query in _recount_queries(src).items():
        n = len(COUNTED[table][0])
        rows = {tuple(r[:n]): tuple(int(x or 0) for x in r[n:]) for r in conn.execute(query)}
        out[table.name] = {k: v for k, v in rows.items() if any(v)}
    out["stance_cells"] = stance_cells.recount(conn, select(src.c.document_id))
    return out


def stored(conn: Connection) -> Snapshot:
    """What the summary tables hold, in :func:`recount`'s shape."""
    s = summary_documents.c
    out: Snapshot = {summary_documents.name: {(i,): (0,) for i in conn.execute(select(s.document_id)).scalars()}}
    for table, (keys, counted) in COUNTED.items():
        rows = conn.execute(select(*(table.c[k] for k in keys), *(table.c[c] for c in counted)))
        out[table.name] = {tuple(r[: len(keys)]): tuple(int(x) for x in r[len(keys) :]) for r in rows}
    out["stance_cells"] = stance_cells.stored(conn)
    return out


__all__ = ["Snapshot", "add", "counted_documents", "document_day", "rebuild", "recount", "stored", "subtract"]
