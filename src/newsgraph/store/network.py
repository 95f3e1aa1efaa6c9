"""The actor network: actors as nodes, factual events as edges, counted per node pair and type in SQL.

Read by ``GET /api/events/network`` (the web network page draws it) and the GraphML export; also
importable from :mod:`newsgraph.store.queries`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, case, func, null, or_, select
from sqlalchemy.engine import Connection

from newsgraph.store.filters import NO_FILTERS, Filters, event_conditions, events_with_documents
from newsgraph.store.schema import entities, events
from newsgraph.store.sql import chunked

Rows = list[dict[str, Any]]


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
    The events are counted per node pair and type in SQL; only the groups reach Python, as tuples, and
    the entities' names, kinds and countries are read for the nodes listed only (a few hundred; joined to
    every group, SQLite looked up 4,000 groups' entities for the 225 nodes of the 100k base's default
    network). With ``recent``, only the newest ``recent`` factual events (by ``events.day``, through its
    index) count: the web page's network without dates, which would otherwise read every event of the base.
    """
    # Without other filters, the newest events are grouped as they are read (no semi-join with the table);
    # with filters, the events whose ids are among the newest.
    newest = _newest(recent) if recent is not None and not f.any else None
    source = newest if newest is not None else (events_with_documents() if f.any else events)
    e = newest.c if newest is not None else events.c
    sides = {}
    for side in ("actor", "target"):
        ent, code, words = e[f"{side}_entity_id"], e[f"{side}_country"], e[side]
        # (without phrases, every row kept has an entity or a country: no words to key or label a node by)
        key = case((and_(ent.is_(None), code.is_(None)), func.lower(words))) if phrases else None
        sides[side] = [ent, case((ent.is_(None), code))] + ([key] if key is not None else [])
    groups = [e.type, *sides["actor"], *sides["target"]]
    where = [or_(e.target.is_not(None), e.target_country.is_not(None))]
    if newest is None:  # (the newest rows are factual, and no other filter applies to them)
        where += event_conditions(f, facts_only=True)
    if not phrases:
        where += [or_(e[f"{s}_entity_id"].is_not(None), e[f"{s}_country"].is_not(None)) for s in sides]
    if recent is not None and newest is None:
        where.append(events.c.id.in_(_newest(recent, ids_only=True)))
    words = [func.min(e.actor), func.min(e.target)] if phrases else [null(), null()]
    grouped = select(*groups, *words, func.count()).select_from(source).where(*where).group_by(*groups)
    order = groups[:-1] if phrases else groups  # the groups' own order: the same labels every time
    rows = conn.execute(grouped.order_by(*order))  # streamed: no list of every group kept
    a, t = (1, 4) if phrases else (1, 3)  # where each side's entity column is
    net = count_network(
        ((r[0], r[a], r[a + 1], r[-3], r[t], r[t + 1], r[-2], r[-1]) for r in rows),
        limit=limit,
        phrases=phrases,
        min_weight=min_weight,
    )
    return _described(net, _entities(conn, net))


Described = dict[str, tuple[str | None, str | None, str | None]]  # entity id → (kind, name, country)


def _entities(conn: Connection, net: Counted) -> Described:
    """``(kind, name, country)`` of the entities among the nodes listed, by id."""
    ids = sorted(k[2:] for k in net.listed if k.startswith("e:"))
    found: Described = {}
    for part in chunked(ids):
        q = select(entities.c.id, entities.c.kind, entities.c.name, entities.c.country).where(entities.c.id.in_(part))
        found.update((r.id, (r.kind, r.name, r.country)) for r in conn.execute(q))
    return found


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


@dataclass(slots=True)
class Counted:
    """Edges and node totals counted by :func:`count_network`, before the nodes are described."""

    edges: list[dict[str, Any]]
    listed: dict[str, int]  # node id → degree (distinct neighbours over the kept edges)
    totals: dict[str, tuple[int, int, int]]  # node id → (events, as actor, as target), for the listed nodes
    words: dict[str, str | None]  # node id → the first words that named it (a phrase node's label)


def _node_id(entity: str | None, country: str | None, words: str | None) -> str | None:
    if entity:
        return f"e:{entity}"
    if country:
        return f"c:{country}"
    return f"t:{words.lower()}" if words else None


SEP = "\x00"  # between the parts of an edge's key: below every character, so keys sort as their parts


def count_network(
    rows: Iterable[tuple[Any, ...]], *, limit: int = 300, phrases: bool = True, min_weight: int = 1
) -> Counted:
    """Edges keyed by (source, target, type) and counted, from rows ``(type, actor entity, actor country,
    actor words, target entity, target country, target words, events)`` (pure). Only nodes with a kept
    edge are listed (no isolates).

    Keys and counts are strings and ints, not tuples or lists: the thousands of groups of a large base
    then leave no objects for the garbage collector to track (its full passes over a large process's heap
    were the network's slowest calls)."""
    edges: dict[str, int] = {}
    events: dict[str, int] = {}
    as_actor: dict[str, int] = {}
    as_target: dict[str, int] = {}
    words: dict[str, str | None] = {}
    for type_, a_ent, a_code, a_words, t_ent, t_code, t_words, n in rows:
        a, t = _node_id(a_ent, a_code, a_words), _node_id(t_ent, t_code, t_words)
        if a is None or t is None or a == t:
            continue
        if not phrases and (a[0] == "t" or t[0] == "t"):
            continue
        weight = int(n)
        key = f"{a}{SEP}{t}{SEP}{type_}"
        edges[key] = edges.get(key, 0) + weight
        for node, side, text in ((a, as_actor, a_words), (t, as_target, t_words)):
            if node not in events:
                events[node] = 0
                words[node] = text
            events[node] += weight
            side[node] = side.get(node, 0) + weight
    heavy = sorted(k for k, n in edges.items() if n >= min_weight)
    heavy.sort(key=edges.__getitem__, reverse=True)  # most events first; ties keep the keys' order (stable)
    kept = []
    for key in heavy[:limit]:
        a, t, type_ = key.split(SEP)
        kept.append({"source": a, "target": t, "type": type_, "events": edges[key]})
    neighbours: dict[str, set[str]] = {}
    for e in kept:
        neighbours.setdefault(e["source"], set()).add(e["target"])
        neighbours.setdefault(e["target"], set()).add(e["source"])
    totals = {k: (events[k], as_actor.get(k, 0), as_target.get(k, 0)) for k in neighbours}
    return Counted(kept, {k: len(v) for k, v in neighbours.items()}, totals, words)


def _described(net: Counted, found: Described) -> dict[str, Rows]:
    """``{nodes, edges}``: each listed node with its label, kind, country and entity id (entities from
    ``found``: id → ``(kind, name, country)``), its events as actor and as target, and its degree."""
    nodes = []
    for node, degree in net.listed.items():
        kind_, value = node[0], node[2:]
        if kind_ == "e":
            kind, name, country = found.get(value, (None, None, None))
            about = {"label": name or net.words[node], "kind": kind, "country": country, "entity_id": value}
        elif kind_ == "c":
            about = {"label": value, "kind": "country", "country": value, "entity_id": None}
        else:
            about = {"label": net.words[node], "kind": "other", "country": None, "entity_id": None}
        events, as_actor, as_target = net.totals[node]
        nodes.append({"id": node, **about, "events": events, "as_actor": as_actor, "as_target": as_target})
        nodes[-1]["degree"] = degree
    return {"nodes": sorted(nodes, key=lambda n: n["id"]), "edges": net.edges}


def build_network(rows: Rows, *, limit: int = 300, phrases: bool = True, min_weight: int = 1) -> dict[str, Rows]:
    """Nodes and edges from event rows (pure; dicts with ``type``, ``actor``, ``actor_entity_id``,
    ``actor_country``, ``actor_kind``, ``actor_name``, the same for ``target``, and ``n`` where grouped),
    as :func:`actor_network` counts and describes them; an entity's kind and name are its first row's,
    its country the first row's country."""
    found: Described = {}
    flat = []
    for r in rows:
        for side in ("actor", "target"):
            if r[f"{side}_entity_id"] and r[f"{side}_entity_id"] not in found:
                found[r[f"{side}_entity_id"]] = (r[f"{side}_kind"], r[f"{side}_name"], r[f"{side}_country"])
        actor = (r["actor_entity_id"], r["actor_country"], r["actor"])
        flat.append((r["type"], *actor, r["target_entity_id"], r["target_country"], r["target"], r.get("n", 1)))
    return _described(count_network(flat, limit=limit, phrases=phrases, min_weight=min_weight), found)


__all__ = ["Counted", "actor_network", "build_network", "count_network"]
