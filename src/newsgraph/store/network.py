"""The actor network: actors as nodes, factual events as edges, counted per node pair and type in SQL.

Read by ``GET /api/events/network`` (the web network page draws it) and the GraphML export; also
importable from :mod:`newsgraph.store.queries`.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.engine import Connection

from newsgraph.store.filters import NO_FILTERS, Filters, event_conditions, events_with_documents
from newsgraph.store.schema import entities, events
from newsgraph.store.sql import chunked

Rows = list[dict[str, Any]]


def _rows(conn: Connection, query: Any) -> Rows:
    return [dict(r) for r in conn.execute(query).mappings()]


def actor_network(
    conn: Connection,
    f: Filters = NO_FILTERS,
    *,
    limit: int = 300,
    phrases: bool = True,
    min_weight: int = 1,
    recent: int | None = None,
) -> dict[str, Rows]:
    """Actors as nodes, factual events as edges grouped by (actor, target, type), heaviest first.

    A node is the resolved entity when the event names one, else the actor's country
    (``RUS``), else the actor's words (left out with ``phrases=False``: "people", "6,000 people");
    events without a target make no edge; edges of fewer than ``min_weight`` events are dropped.
    The events are counted per node pair and type in SQL; only the groups reach Python. With
    ``recent``, only the newest ``recent`` factual events (by ``events.day``, through its index) count:
    the web page's network without dates, which would otherwise read every event of the base.
    """
    # Without other filters, the newest events are grouped as they are read (no semi-join with the table);
    # with filters, the events whose ids are among the newest.
    newest = _newest(recent) if recent is not None and not f.any else None
    source = newest if newest is not None else (events_with_documents() if f.any else events)
    e = newest.c if newest is not None else events.c
    sides = {}
    for side in ("actor", "target"):
        ent, code, words = e[f"{side}_entity_id"], e[f"{side}_country"], e[side]
        sides[side] = (
            ent.label(f"{side}_entity_id"),
            case((ent.is_(None), code)).label(f"{side}_country"),
            case((and_(ent.is_(None), code.is_(None)), func.lower(words))).label(f"{side}_key"),
        )
    groups = [e.type, *sides["actor"], *sides["target"]]
    labels = [func.min(e.actor).label("actor"), func.min(e.target).label("target")]
    where = [or_(e.target.is_not(None), e.target_country.is_not(None))]
    if newest is None:  # (the newest rows are factual, and no other filter applies to them)
        where += event_conditions(f, facts_only=True)
    if not phrases:
        where += [or_(e[f"{s}_entity_id"].is_not(None), e[f"{s}_country"].is_not(None)) for s in sides]
    if recent is not None and newest is None:
        where.append(events.c.id.in_(_newest(recent, ids_only=True)))
    grouped = select(*groups, *labels, func.count().label("n")).select_from(source).where(*where).group_by(*groups)
    sub = grouped.subquery("g")
    g = sub.c
    order = (g.type, g.actor_entity_id, g.actor_country, g.actor_key, g.target_entity_id, g.target_country)
    if conn.dialect.name == "postgresql":
        rows = _with_entities(conn, _rows(conn, select(sub).order_by(*order)))
    else:  # SQLite looks the entities up in the join itself, faster than the separate lookups
        rows = _rows(conn, _joined(sub).order_by(*order))
    return build_network(rows, limit=limit, phrases=phrases, min_weight=min_weight)


def _joined(sub: Any) -> Any:
    """The groups of ``sub`` with each side's entity kind and name, and its country when the row has none."""
    actor_ent, target_ent = entities.alias("actor_ent"), entities.alias("target_ent")
    g = sub.c
    return (
        select(
            g.type,
            g.actor,
            g.actor_entity_id,
            func.coalesce(g.actor_country, actor_ent.c.country).label("actor_country"),
            actor_ent.c.kind.label("actor_kind"),
            actor_ent.c.name.label("actor_name"),
            g.target,
            g.target_entity_id,
            func.coalesce(g.target_country, target_ent.c.country).label("target_country"),
            target_ent.c.kind.label("target_kind"),
            target_ent.c.name.label("target_name"),
            g.n,
        )
        .select_from(sub)
        .outerjoin(actor_ent, actor_ent.c.id == g.actor_entity_id)
        .outerjoin(target_ent, target_ent.c.id == g.target_entity_id)
    )


def _with_entities(conn: Connection, rows: Rows) -> Rows:
    """As :func:`_joined`, looked up by id for the entities the rows name (PostgreSQL, where the join read
    every entity twice into hash tables: 240 of the 400 ms of the 100k base's network)."""
    ids = sorted({r[k] for r in rows for k in ("actor_entity_id", "target_entity_id") if r[k]})
    found: dict[str, Any] = {}
    for part in chunked(ids):
        q = select(entities.c.id, entities.c.kind, entities.c.name, entities.c.country).where(entities.c.id.in_(part))
        found.update((r.id, r) for r in conn.execute(q))
    for r in rows:
        for side in ("actor", "target"):
            ent = found.get(r[f"{side}_entity_id"])
            r[f"{side}_kind"], r[f"{side}_name"] = (ent.kind, ent.name) if ent else (None, None)
            if r[f"{side}_country"] is None and ent is not None:
                r[f"{side}_country"] = ent.country
    return rows


NETWORK_COLUMNS = ("type", "actor", "actor_entity_id", "actor_country", "target", "target_entity_id", "target_country")


def _newest(recent: int, *, ids_only: bool = False) -> Any:
    """The newest ``recent`` factual events (by ``events.day``, then id) with the columns the network reads,
    or their ids: read down the day index, NULLS LAST as that index sorts (PostgreSQL's default for
    DESC, NULLS FIRST, does not match ``ix_events_day`` and may sort every event instead)."""
    e = events.c
    cols = [e.id] if ids_only else [e[c] for c in NETWORK_COLUMNS]
    q = select(*cols).where(e.negated.is_(False), e.hypothetical.is_(False), e.day.is_not(None))
    q = q.order_by(e.day.desc().nulls_last(), e.id).limit(recent)
    return q if ids_only else q.subquery("newest")


def _node(row: dict[str, Any], side: str) -> dict[str, Any] | None:
    if row[f"{side}_entity_id"]:
        return {
            "id": f"e:{row[f'{side}_entity_id']}",
            "label": row[f"{side}_name"] or row[side],
            "kind": row[f"{side}_kind"],
            "country": row[f"{side}_country"],
            "entity_id": row[f"{side}_entity_id"],
        }
    if row[f"{side}_country"]:
        code = row[f"{side}_country"]
        return {"id": f"c:{code}", "label": code, "kind": "country", "country": code, "entity_id": None}
    if row[side]:
        return {"id": f"t:{row[side].lower()}", "label": row[side], "kind": "other", "country": None, "entity_id": None}
    return None


def build_network(rows: Rows, *, limit: int = 300, phrases: bool = True, min_weight: int = 1) -> dict[str, Rows]:
    """Nodes and edges from event rows (pure): edges keyed by (source, target, type), counted.

    Only nodes with a kept edge are listed (no isolates), each with its events as actor and as
    target and its ``degree`` (distinct neighbours over the kept edges)."""
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    for row in rows:
        a, t = _node(row, "actor"), _node(row, "target")
        if a is None or t is None or a["id"] == t["id"]:
            continue
        if not phrases and "other" in (a["kind"], t["kind"]):
            continue
        key = (a["id"], t["id"], row["type"])
        edge = edges.setdefault(key, {"source": a["id"], "target": t["id"], "type": row["type"], "events": 0})
        weight = int(row.get("n", 1))  # rows may come grouped, with their event count
        edge["events"] += weight
        for n, side in ((a, "as_actor"), (t, "as_target")):
            node = nodes.setdefault(n["id"], {**n, "events": 0, "as_actor": 0, "as_target": 0})
            node["events"] += weight
            node[side] += weight
    heavy = (e for e in edges.values() if e["events"] >= min_weight)
    kept = sorted(heavy, key=lambda e: (-e["events"], e["source"], e["target"], e["type"]))[:limit]
    neighbours: dict[str, set[str]] = {}
    for e in kept:
        neighbours.setdefault(e["source"], set()).add(e["target"])
        neighbours.setdefault(e["target"], set()).add(e["source"])
    listed = [{**nodes[k], "degree": len(v)} for k, v in neighbours.items()]
    return {"nodes": sorted(listed, key=lambda n: n["id"]), "edges": kept}


__all__ = ["actor_network", "build_network"]
