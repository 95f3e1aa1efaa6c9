"""Read-only queries behind the REST API and the web pages (SQLAlchemy Core, SQLite and PostgreSQL).

Handlers in ``newsgraph.api.routes`` and ``newsgraph.web.pages`` only parse parameters and
shape responses; every SELECT lives here, as a function of a ``Connection``. List functions
return ``(rows, total)`` where ``total`` counts every row the filters select, so a client can
page with ``limit`` / ``offset``.

Lists take one :class:`~newsgraph.store.filters.Filters` (dates on a document's date, its own
else its page's; country; person; event type), built and checked by the caller with
``Filters.make``. Queries that need the analyses (related articles, the stance board, the home
page) are in :mod:`newsgraph.analysis.overview`.
"""

from __future__ import annotations

import json
from collections import Counter
from functools import cache
from typing import Any

from sqlalchemy import Select, bindparam, desc, func, or_, select
from sqlalchemy.engine import Connection

from newsgraph.core.errors import NotFound
from newsgraph.lexicon.actors import office_record
from newsgraph.store.facts import document_facts
from newsgraph.store.filters import (
    NO_FILTERS,
    BadFilter,
    Filters,
    check_country,
    document_conditions,
    document_date,
    documents_with_page,
    event_conditions,
    events_with_documents,
    first_page,
)
from newsgraph.store.network import actor_network, build_network
from newsgraph.store.schema import (
    amounts,
    documents,
    entities,
    entity_aliases,
    events,
    mentions,
    page_documents,
    pages,
    quotes,
    stances,
)
from newsgraph.store.schema_summary import day_totals, entity_days, entity_totals, summary_documents
from newsgraph.store.sql import chunked, contains, escape_like, row_dicts

Rows = list[dict[str, Any]]
ENTITY_KINDS = ("person", "organization", "place", "country")


def _rows(conn: Connection, query: Select[Any]) -> Rows:
    return row_dicts(conn.execute(query))


def _total(conn: Connection, query: Select[Any]) -> int:
    return int(conn.execute(select(func.count()).select_from(query.order_by(None).subquery())).scalar_one())


# -- articles ------------------------------------------------------------------------------------


def list_articles(
    conn: Connection,
    f: Filters = NO_FILTERS,
    *,
    role: str | None = None,
    include_duplicates: bool = False,
    limit: int = 50,
    offset: int = 0,
) -> tuple[Rows, int]:
    """Documents, newest first (undated last), with their effective date."""
    date = document_date().label("date")
    q = (
        select(
            documents.c.id,
            documents.c.role,
            documents.c.title,
            documents.c.section,
            documents.c.published,
            date,
            documents.c.duplicate_of,
        )
        .select_from(documents_with_page())
        .where(*document_conditions(f))
    )
    if role:
        q = q.where(documents.c.role == role)
    if not include_duplicates:
        q = q.where(documents.c.duplicate_of.is_(None))
    if f.any or include_duplicates or role not in (None, "main", "teaser"):
        total = _total(conn, q)
    else:  # every stored document of the role: counted per day, the newest found through the day index
        total = _documents_total(conn, role)
        q = q.where(documents.c.id.in_(_newest(conn, role, limit + offset)))
    q = q.order_by(desc(document_date()).nulls_last(), documents.c.id).limit(limit).offset(offset)
    return _rows(conn, q), total


def _documents_total(conn: Connection, role: str | None) -> int:
    t = day_totals.c
    n = {None: t.documents, "main": t.articles}.get(role, t.documents - t.articles)
    return int(conn.execute(select(func.coalesce(func.sum(n), 0))).scalar_one())


def _newest(conn: Connection, role: str | None, n: int) -> Select[Any]:
    """The ids of the documents (of ``role``) on or after the day of the ``n``-th newest: a few days'
    documents that hold the ``n`` newest, since a document's day is its date cut to ``YYYY-MM-DD``.
    That day is read first and given as a value: as a subquery, PostgreSQL planned for a third of the
    base and hashed every document and page (100 ms on the 100k base, for 10 articles)."""
    s = summary_documents.c
    nth = select(s.day).order_by(s.day.desc()).offset(max(n, 1) - 1).limit(1)
    ids = select(s.document_id)
    if role:
        nth, ids = nth.where(s.role == role), ids.where(s.role == role)
    return ids.where(s.day >= (conn.execute(nth).scalar() or ""))


def get_article(conn: Connection, doc_id: str) -> dict[str, Any]:
    """One document by id (or unique id prefix) with its date, pages, teasers and every fact."""
    by_id, by_prefix, of_pages, _ = _article_selects()
    found = row_dicts(conn.execute(by_id, {"doc_id": doc_id}))  # the primary key: one index lookup
    if not found:  # a prefix: LIKE cannot use the index on SQLite, so only when the exact id is unknown
        found = row_dicts(conn.execute(by_prefix, {"pattern": escape_like(doc_id) + "%"}))
    if not found:
        raise NotFound(f"no article with id {doc_id!r}; GET /api/articles lists the ids")
    if len(found) > 1:
        raise NotFound(f"id prefix {doc_id!r} is ambiguous; give more characters")
    doc = found[0]
    doc["sources"] = json.loads(doc.get("sources") or "[]")
    doc["created_at"] = str(doc["created_at"])
    doc["pages"] = row_dicts(conn.execute(of_pages, {"doc_id": doc["id"]}))
    doc["teasers"] = page_neighbours(conn, doc["id"])
    facts_id = doc["duplicate_of"] or doc["id"]
    facts = document_facts(conn, facts_id)
    tone = facts.pop("tone")
    doc["facts"] = facts
    doc["tone"] = tone[0] if tone else None
    if doc["duplicate_of"]:
        original = conn.execute(select(documents.c.body).where(documents.c.id == facts_id)).scalar()
        doc["body"] = original or doc["body"]
    return doc


@cache
def _article_selects() -> tuple[Select[Any], Select[Any], Select[Any], Select[Any]]:
    """The statements of :func:`get_article` and :func:`page_neighbours`, built once (the ids are bound
    parameters): a request does not build and hash them again for SQLAlchemy's compiled cache."""
    cols = [c for c in documents.c if c.name != "minhash"]
    query = select(*cols, document_date().label("date")).select_from(documents_with_page()).limit(2)
    by_id = query.where(documents.c.id == bindparam("doc_id"))
    by_prefix = query.where(documents.c.id.like(bindparam("pattern"), escape="\\"))
    of_pages = (
        select(pages.c.id, pages.c.source, pages.c.url, page_documents.c.role, page_documents.c.occurrences)
        .join(page_documents, page_documents.c.page_id == pages.c.id)
        .where(page_documents.c.document_id == bindparam("doc_id"))
        .order_by(pages.c.id)
    )
    doc_id = bindparam("doc_id")
    mine = select(page_documents.c.page_id).where(page_documents.c.document_id == doc_id)
    neighbours = (
        select(documents.c.id, documents.c.title, page_documents.c.role, func.min(page_documents.c.position).label("p"))
        .join(page_documents, page_documents.c.document_id == documents.c.id)
        .where(page_documents.c.page_id.in_(mine), documents.c.id != doc_id)
        .group_by(documents.c.id, documents.c.title, page_documents.c.role)
        .order_by("p", documents.c.id)
    )
    return by_id, by_prefix, of_pages, neighbours


def page_neighbours(conn: Connection, doc_id: str) -> Rows:
    """The other documents of the pages this one appears on (teasers beside a main article, and back)."""
    seen: dict[str, dict[str, Any]] = {}
    for row in row_dicts(conn.execute(_article_selects()[3], {"doc_id": doc_id})):
        row.pop("p")
        seen.setdefault(row["id"], row)
    return list(seen.values())


# -- entities ------------------------------------------------------------------------------------


def list_entities(
    conn: Connection,
    *,
    kind: str | None = None,
    q: str | None = None,
    country: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[Rows, int]:
    """Entities with their document and mention counts, most documents first."""
    n_docs = func.count(func.distinct(mentions.c.document_id)).label("documents")
    n_mentions = func.count(mentions.c.id).label("mentions")
    query = (
        select(
            entities.c.id,
            entities.c.kind,
            entities.c.name,
            entities.c.country,
            entities.c.role,
            n_docs,
            n_mentions,
        )
        .select_from(entities.outerjoin(mentions, mentions.c.entity_id == entities.c.id))
        .group_by(entities.c.id, entities.c.kind, entities.c.name, entities.c.country, entities.c.role)
    )
    if kind:
        query = query.where(entities.c.kind == kind)
    if country:
        query = query.where(entities.c.country == country.upper())
    if q:
        aliases = select(entity_aliases.c.entity_id).where(contains(entity_aliases.c.alias, q))
        query = query.where(or_(contains(entities.c.name, q), entities.c.id.in_(aliases)))
    total = _total(conn, query)
    query = query.order_by(desc(n_docs), desc(n_mentions), entities.c.name, entities.c.id).limit(limit).offset(offset)
    return _rows(conn, query), total


def get_entity(conn: Connection, entity_id: str, *, limit: int = 100) -> dict[str, Any]:
    """An entity with its aliases, roles over time, quotes, events as actor and target, and co-mentions.

    Counts and the timeline come from the summary tables (``entity_totals``, ``entity_days``); each
    role lists its latest :data:`ROLE_DOCUMENTS` documents; co-mentions are counted over the
    documents of the entity's latest :data:`CO_MENTION_WINDOW` mentions."""
    found = _rows(conn, select(entities).where(entities.c.id == entity_id))
    if not found:
        raise NotFound(f"no entity with id {entity_id!r}; GET /api/entities?q=NAME finds the ids")
    ent = found[0]
    ent["aliases"] = sorted(
        conn.execute(select(entity_aliases.c.alias).where(entity_aliases.c.entity_id == entity_id)).scalars()
    )
    t = entity_totals.c
    totals = conn.execute(select(t.documents, t.mentions).where(t.entity_id == entity_id)).first()
    ent["documents"], ent["mentions"] = (int(totals[0]), int(totals[1])) if totals else (0, 0)
    ent["roles"] = entity_roles(conn, entity_id)
    ent["timeline"] = entity_timeline(conn, entity_id)
    ent["quotes"], _ = list_quotes(conn, entity=entity_id, limit=limit, counted=False)
    lists = {"include_negated": True, "limit": limit, "counted": False}  # rows only: totals were thrown away
    ent["events_as_actor"], _ = list_event_reports(conn, actor=entity_id, **lists)  # type: ignore[arg-type]
    ent["events_as_target"], _ = list_event_reports(conn, target=entity_id, **lists)  # type: ignore[arg-type]
    ent["co_mentioned"] = co_mentioned(conn, entity_id)
    d = entity_days.c
    first, last = conn.execute(
        select(func.min(d.day), func.max(d.day)).where(d.entity_id == entity_id, d.day != "")
    ).one()
    ent["offices"] = (
        office_record(ent["name"], first, last)
        if ent["kind"] == "person" and first
        else (office_record(ent["name"]) if ent["kind"] == "person" else [])
    )
    return ent


# Documents listed per role on the entity page (the latest; ``RoleSpan.articles`` counts them all).
ROLE_DOCUMENTS = 20
# Co-mentions are counted over the documents of the entity's latest mentions, this many.
CO_MENTION_WINDOW = 300  # the most-mentioned entity's co-mentions took 200 ms over 1,000 (100k base)


def entity_timeline(conn: Connection, entity_id: str) -> Rows:
    """``[{period: YYYY-MM, mentions}]`` from ``entity_days`` (undated documents left out)."""
    d = entity_days.c
    period = func.substr(d.day, 1, 7).label("period")
    q = select(period, func.sum(d.mentions)).where(d.entity_id == entity_id, d.day != "").group_by(period)
    return [{"period": p, "mentions": int(n)} for p, n in conn.execute(q.order_by(period))]


def entity_roles(conn: Connection, entity_id: str) -> Rows:
    """Per role the entity was given: first and last date, how many documents, the latest of them.

    The distinct (role, document) pairs are found first, from the index of the mentions that give a role,
    and only then dated by their documents (dated before they were made distinct, the most-mentioned
    person of the 100k base joined its 54,400 role mentions to their documents for 8,330 pairs); spans and
    the latest :data:`ROLE_DOCUMENTS` per role are taken here, titles read for those only (ranked in SQL
    with window functions, the same took longer: three sorts of every pair)."""
    m = mentions.c
    pairs = select(m.role, m.document_id).where(m.entity_id == entity_id, m.role.is_not(None)).distinct().subquery()
    src = pairs.join(documents, documents.c.id == pairs.c.document_id).outerjoin(
        first_page, first_page.c.id == documents.c.first_page_id
    )
    per_role: dict[str, dict[str, str | None]] = {}
    q = select(pairs.c.role, pairs.c.document_id, document_date()).select_from(src)
    for role, doc, when in conn.execute(q).all():  # fetched at once: faster than row by row
        per_role.setdefault(role, {})[doc] = when
    latest: dict[str, list[str]] = {}
    for role, docs in per_role.items():
        order = sorted(docs, key=lambda d: (docs[d] is None, d))  # undated last, then by id ...
        order.sort(key=lambda d: docs[d] or "", reverse=True)  # ... after the newest (a stable sort)
        latest[role] = order[:ROLE_DOCUMENTS]
    wanted = sorted({d for docs in latest.values() for d in docs})
    titles: dict[str, str] = {}
    for part in chunked(wanted):
        titles.update(conn.execute(select(documents.c.id, documents.c.title).where(documents.c.id.in_(part))).all())
    out = []
    for role, docs in per_role.items():
        dates = [d for d in docs.values() if d is not None]
        listed = [{"id": d, "title": titles.get(d), "date": docs[d]} for d in latest[role]]
        out.append(
            {"role": role, "first": min(dates, default=None), "last": max(dates, default=None)}
            | {"articles": len(docs), "documents": listed}
        )
    return sorted(out, key=lambda i: (i["first"] or "", i["role"]))


def roles_over_time(rows: Rows) -> Rows:
    """Per role: first and last date and the documents that give it (rows: document_id, title, role, date)."""
    by_role: dict[str, dict[str, Any]] = {}
    for r in rows:
        if not r.get("role"):
            continue
        item = by_role.setdefault(r["role"], {"role": r["role"], "first": None, "last": None, "documents": []})
        if r["date"]:
            item["first"] = min(filter(None, (item["first"], r["date"])))
            item["last"] = max(filter(None, (item["last"], r["date"])))
        if r["document_id"] not in {d["id"] for d in item["documents"]}:
            item["documents"].append({"id": r["document_id"], "title": r["title"], "date": r["date"]})
    return sorted(by_role.values(), key=lambda i: (i["first"] or "", i["role"]))


def mentions_per_month(rows: Rows) -> Rows:
    """``[{period: YYYY-MM, mentions}]`` from rows with ``date`` and ``mentions`` (undated rows left out)."""
    counts: Counter[str] = Counter()
    for r in rows:
        if r.get("date"):
            counts[str(r["date"])[:7]] += int(r["mentions"])
    return [{"period": p, "mentions": n} for p, n in sorted(counts.items())]


def co_mentioned(conn: Connection, entity_id: str, *, limit: int = 20, window: int = CO_MENTION_WINDOW) -> Rows:
    """Entities mentioned in the same documents, by number of shared documents, over the documents of
    the entity's latest ``window`` mentions (all of them for most entities; the recent news for the
    most-mentioned, whose every document would be read otherwise)."""
    other = mentions.alias("other")
    latest = select(mentions.c.document_id).where(mentions.c.entity_id == entity_id)
    latest = latest.order_by(mentions.c.id.desc()).limit(window).subquery()
    docs = select(latest.c.document_id)
    shared = func.count(func.distinct(other.c.document_id)).label("documents")
    q = (
        select(entities.c.id, entities.c.kind, entities.c.name, entities.c.country, shared)
        .select_from(other.join(entities, entities.c.id == other.c.entity_id))
        .where(other.c.document_id.in_(docs), other.c.entity_id != entity_id)
        .group_by(entities.c.id, entities.c.kind, entities.c.name, entities.c.country)
        .order_by(desc(shared), entities.c.name, entities.c.id)
        .limit(limit)
    )
    return [{**r, "documents": int(r["documents"])} for r in _rows(conn, q)]


# -- events, quotes, amounts ---------------------------------------------------------------------


def list_event_reports(
    conn: Connection,
    f: Filters = NO_FILTERS,
    *,
    actor_country: str | None = None,
    target_country: str | None = None,
    actor: str | None = None,
    target: str | None = None,
    entity: str | None = None,
    include_negated: bool = False,
    limit: int = 50,
    offset: int = 0,
    counted: bool = True,
) -> tuple[Rows, int]:
    """Event rows as each document reported them, with the document's title and date, newest first
    (by ``events.day``: the event's date, else its document's; ties by id). With ``counted=False`` the
    total is not counted (-1), for a caller that shows the rows only.

    ``actor`` / ``target`` / ``entity`` take an entity id (``entity``: as actor or target);
    ``include_negated`` keeps negated and hypothetical events (flagged, never facts). Merged
    events (one per real event, across documents) are :func:`newsgraph.analysis.events.list_merged_events`.
    """
    date = func.coalesce(events.c.date, document_date()).label("when")
    q = (
        select(events, documents.c.title, date)
        .select_from(events_with_documents())
        .where(*event_conditions(f, facts_only=not include_negated))
    )
    for column, value in ((events.c.actor_country, actor_country), (events.c.target_country, target_country)):
        if value:
            q = q.where(column == _country(value))
    if actor:
        q = q.where(events.c.actor_entity_id == actor)
    if target:
        q = q.where(events.c.target_entity_id == target)
    if entity:
        q = q.where(or_(events.c.actor_entity_id == entity, events.c.target_entity_id == entity))
    everything = not (f.any or actor_country or target_country or actor or target or entity or include_negated)
    total = -1 if not counted else (_factual_events(conn) if everything else _total(conn, q))
    q = q.order_by(desc(events.c.day).nulls_last(), events.c.id).limit(limit).offset(offset)
    return _rows(conn, q), total


def _factual_events(conn: Connection) -> int:
    """Every factual event, from the per-day summary (a few hundred rows, not every event)."""
    return int(conn.execute(select(func.coalesce(func.sum(day_totals.c.events), 0))).scalar_one())


def _country(value: str) -> str | None:
    try:
        return check_country(value)
    except ValueError as exc:
        raise BadFilter(f"country {value!r} is {exc}") from None


def _with_document(table: Any, f: Filters) -> Any:
    """Rows of a fact table with their document's title and date, filtered by the document."""
    src = table.join(documents, documents.c.id == table.c.document_id).outerjoin(
        first_page, first_page.c.id == documents.c.first_page_id
    )
    date = document_date().label("date")
    return select(table, documents.c.title, date).select_from(src).where(*document_conditions(f))


def list_quotes(
    conn: Connection,
    f: Filters = NO_FILTERS,
    *,
    speaker: str | None = None,
    entity: str | None = None,
    q: str | None = None,
    limit: int = 50,
    offset: int = 0,
    counted: bool = True,
) -> tuple[Rows, int]:
    """Quotes with their document's title and date; ``speaker`` matches part of the name, ``q`` the text.
    With ``counted=False`` the total is not counted (-1)."""
    query = _with_document(quotes, f)
    if speaker:
        query = query.where(contains(quotes.c.speaker, speaker))
    if entity:
        query = query.where(quotes.c.speaker_entity_id == entity)
    if q:
        query = query.where(contains(quotes.c.text, q))
    total = _total(conn, query) if counted else -1
    query = query.order_by(desc(document_date()).nulls_last(), quotes.c.id).limit(limit).offset(offset)
    return _rows(conn, query), total


def list_amounts(
    conn: Connection,
    f: Filters = NO_FILTERS,
    *,
    unit: str | None = None,
    about: str | None = None,
    min_value: float | None = None,
    max_value: float | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[Rows, int]:
    """Figures with their document's title and date, largest first."""
    query = _with_document(amounts, f)
    if unit:
        query = query.where(func.lower(amounts.c.unit) == unit.lower())
    if about:
        query = query.where(contains(amounts.c.about, about))
    if min_value is not None:
        query = query.where(amounts.c.value >= min_value)
    if max_value is not None:
        query = query.where(amounts.c.value <= max_value)
    total = _total(conn, query)
    query = query.order_by(desc(amounts.c.value), amounts.c.id).limit(limit).offset(offset)
    return _rows(conn, query), total


# -- stances -------------------------------------------------------------------------------------


def stance_issues(conn: Connection) -> list[str]:
    return list(conn.execute(select(stances.c.issue).distinct().order_by(stances.c.issue)).scalars())


# -- timeline (the network is in newsgraph.store.network) -------------------------------------------


def event_timeline(conn: Connection, f: Filters = NO_FILTERS, *, granularity: str = "month") -> Rows:
    """Factual events per period and type: ``[{period, type, events}]``, periods ascending.

    The period is the event's own date, else its document's, cut to ``YYYY-MM`` (month),
    ``YYYY-MM-DD`` (day) or ``YYYY`` (year); undated events are left out.
    """
    width = {"year": 4, "month": 7, "day": 10}.get(granularity)
    if width is None:
        raise BadFilter(f"granularity {granularity!r} is not one of year, month, day")
    when = func.coalesce(events.c.date, document_date())
    period = func.substr(when, 1, width).label("period")
    n = func.count(events.c.id).label("events")
    q = (
        select(period, events.c.type, n)
        .select_from(events_with_documents())
        .where(*event_conditions(f, facts_only=True), when.is_not(None), func.length(when) >= width)
        .group_by(period, events.c.type)
        .order_by(period, events.c.type)
    )
    return [{**r, "events": int(r["events"])} for r in _rows(conn, q)]


# -- home page -----------------------------------------------------------------------------------


def latest_date(conn: Connection) -> str | None:
    """The newest day of a stored document, near-duplicates apart (the end of the home page's period):
    one step down the day index of ``summary_documents``."""
    value = conn.execute(select(func.max(summary_documents.c.day))).scalar()
    return str(value)[:10] if value else None


__all__ = [
    "ENTITY_KINDS",
    "actor_network",
    "build_network",
    "co_mentioned",
    "entity_roles",
    "entity_timeline",
    "event_timeline",
    "get_article",
    "get_entity",
    "latest_date",
    "list_amounts",
    "list_articles",
    "list_entities",
    "list_event_reports",
    "list_quotes",
    "mentions_per_month",
    "page_neighbours",
    "roles_over_time",
    "stance_issues",
]
