"""GraphML export: the actor network (``actors.graphml``) for Gephi, networkx, igraph or Cytoscape.

Nodes are entities: the persons, organizations and countries mentioned in the selected
documents, plus any entity an event names as actor or target. Node id: the newsgraph
entity id; attributes ``label`` (what Gephi shows: the name, or the country's common name),
``kind``, ``name`` and, where known, ``country``, ``role``, ``organization``, ``sector``.

Edges are factual events (negated and hypothetical ones are left out) from actor to
target: one directed edge per (actor, target, PLOVER type), with
``type``, ``label`` (= type), ``weight`` (number of events), ``intensity`` (their mean
Goldstein-like intensity) and ``quad_class``. An actor or target that resolved to no entity
falls back to the node of its country (``actor_country`` / ``target_country``); an event
with neither on one side has no edge. Only nodes with at least one edge are written (a
network of 3,000 entities of which 2,800 stand alone is no network); ``all_nodes=True``
(``newsgraph export -f graphml --all-nodes``) keeps every mentioned entity. Edge keys (GraphML
edge ids) are ``e0``, ``e1``, ...: GraphML wants ids unique in the file, and Gephi drops edges whose id repeats.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from newsgraph.export.codes import quad_class
from newsgraph.export.streaming import atomic_open
from newsgraph.store.facts import entity_id
from newsgraph.store.filters import Filters, event_conditions, events_with_documents, selected_documents
from newsgraph.store.schema import entities, events, mentions

NODE_KINDS = ("person", "organization", "country")


def endpoint(entity: str | None, country: str | None) -> str | None:
    """The node an event side attaches to: its entity, else its country's node, else none."""
    if entity:
        return entity
    return entity_id("country", country) if country else None


def _edges(conn: Connection, f: Filters) -> dict[tuple[str, str, str], dict[str, Any]]:
    q = (
        select(
            events.c.actor_entity_id,
            events.c.actor_country,
            events.c.target_entity_id,
            events.c.target_country,
            events.c.type,
            func.min(events.c.cameo_root).label("cameo_root"),
            func.count().label("n"),
            func.sum(events.c.intensity).label("intensity_sum"),
            func.count(events.c.intensity).label("intensity_n"),
        )
        .select_from(events_with_documents())
        .where(*event_conditions(f, facts_only=True))
        .group_by(
            events.c.actor_entity_id,
            events.c.actor_country,
            events.c.target_entity_id,
            events.c.target_country,
            events.c.type,
        )
    )
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    for r in conn.execute(q):
        source = endpoint(r.actor_entity_id, r.actor_country)
        target = endpoint(r.target_entity_id, r.target_country)
        if source is None or target is None:
            continue
        edge = edges.setdefault(
            (source, target, r.type),
            {"weight": 0, "isum": 0.0, "in": 0, "cameo_root": r.cameo_root, "countries": {}},
        )
        edge["weight"] += int(r.n)
        edge["isum"] += float(r.intensity_sum or 0.0)
        edge["in"] += int(r.intensity_n or 0)
        if not r.actor_entity_id and r.actor_country:
            edge["countries"][source] = r.actor_country
        if not r.target_entity_id and r.target_country:
            edge["countries"][target] = r.target_country
    return edges


def _node_attrs(row: Any) -> dict[str, Any]:
    from newsgraph.lexicon.countries import country_name

    label = (country_name(row.name) or row.name) if row.kind == "country" else row.name
    attrs = {
        "label": label,
        "kind": row.kind,
        "name": row.name,
        "country": row.country,
        "role": row.role,
        "organization": row.organization,
        "sector": row.sector,
    }
    return {k: v for k, v in attrs.items() if v is not None}


def build_graph(conn: Connection, f: Filters | None = None, *, all_nodes: bool = False) -> Any:
    """The actor network as a ``networkx.MultiDiGraph`` (see the module docstring); without
    ``all_nodes``, entities that no event links are left out."""
    import networkx as nx

    from newsgraph.lexicon.countries import country_name

    f = f or Filters()
    edges = _edges(conn, f)
    endpoints = {n for s, t, _ in edges for n in (s, t)}
    graph = nx.MultiDiGraph(name="newsgraph actor network")
    mentioned = (
        select(mentions.c.entity_id).where(mentions.c.document_id.in_(selected_documents(f)))
        if f.any
        else select(mentions.c.entity_id)
    )
    cols = (entities.c.id, entities.c.kind, entities.c.name, entities.c.country, entities.c.role)
    cols += (entities.c.organization, entities.c.sector)
    q = select(*cols).where(entities.c.kind.in_(NODE_KINDS), entities.c.id.in_(mentioned)).order_by(entities.c.id)
    for row in conn.execute(q):
        graph.add_node(row.id, **_node_attrs(row))
    missing = sorted(n for n in endpoints if n not in graph)
    for i in range(0, len(missing), 500):  # entities named by events only (places, unmentioned actors)
        for row in conn.execute(select(*cols).where(entities.c.id.in_(missing[i : i + 500]))):
            graph.add_node(row.id, **_node_attrs(row))
    for n, ((source, target, type_), e) in enumerate(sorted(edges.items())):
        for node in (source, target):
            if node not in graph:  # a country named only through an actor's or target's code
                code = e["countries"].get(node, "")
                graph.add_node(node, label=country_name(code) or code, kind="country", name=code, country=code)
        attrs: dict[str, Any] = {"type": type_, "label": type_, "weight": e["weight"]}
        if e["in"]:
            attrs["intensity"] = round(e["isum"] / e["in"], 3)
        quad = quad_class(e["cameo_root"])
        if quad is not None:
            attrs["quad_class"] = quad
        graph.add_edge(source, target, key=f"e{n}", **attrs)
    if not all_nodes:
        graph.remove_nodes_from([n for n, degree in graph.degree() if degree == 0])
    return graph


def export_graphml(conn: Connection, f: Filters, out_dir: Path, *, all_nodes: bool = False) -> list[Path]:
    """``actors.graphml``: :func:`build_graph` written with networkx."""
    import networkx as nx

    graph = build_graph(conn, f, all_nodes=all_nodes)
    path = out_dir / "actors.graphml"
    with atomic_open(path, "wb") as out:
        nx.write_graphml(graph, out, encoding="utf-8", prettyprint=True)
    return [path]


__all__ = ["NODE_KINDS", "build_graph", "endpoint", "export_graphml"]
