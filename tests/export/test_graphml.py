"""GraphML actor network, read back with networkx."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from sqlalchemy import select

from newsgraph.export import export
from newsgraph.export.graphml import NODE_KINDS, build_graph, endpoint
from newsgraph.store.db import Store
from newsgraph.store.facts import entity_id
from newsgraph.store.filters import Filters
from newsgraph.store.schema import entities, events


@pytest.mark.parametrize(
    ("entity", "country", "node"),
    [("e1", "RUS", "e1"), (None, "RUS", entity_id("country", "RUS")), (None, None, None)],
)
def test_endpoint_falls_back_to_the_country_node(entity: str | None, country: str | None, node: str | None) -> None:
    assert endpoint(entity, country) == node


def expected_edges(store: Store, country: str | None = None) -> dict[tuple[str, str, str], int]:
    """(actor node, target node, type) → number of factual events, computed from the events table."""
    with store.connect() as conn:
        factual = conn.execute(
            select(events).where(events.c.negated.is_(False), events.c.hypothetical.is_(False))
        ).all()
    expected: dict[tuple[str, str, str], int] = {}
    for ev in factual:
        if country and country not in (ev.actor_country, ev.target_country):
            continue
        s, t = endpoint(ev.actor_entity_id, ev.actor_country), endpoint(ev.target_entity_id, ev.target_country)
        if s and t:
            expected[(s, t, ev.type)] = expected.get((s, t, ev.type), 0) + 1
    return expected


def test_graphml_loads_with_networkx(any_store: Store, tmp_path: Path) -> None:
    (path,) = export(any_store, "graphml", tmp_path)
    graph = nx.read_graphml(path, force_multigraph=True)
    assert graph.is_directed() and graph.is_multigraph()
    assert all({"label", "kind", "name"} <= attrs.keys() for _, attrs in graph.nodes(data=True))
    with any_store.connect() as conn:
        kinds = dict(conn.execute(select(entities.c.id, entities.c.kind)).all())
    got = {(s, t, a["type"]): a["weight"] for s, t, a in graph.edges(data=True)}
    assert got == expected_edges(any_store) and len(got) >= 3
    mentioned = {n for n, a in graph.nodes(data=True) if a["kind"] in NODE_KINDS}
    assert mentioned and all(kinds.get(n, "country") == graph.nodes[n]["kind"] for n in mentioned)
    assert all(-10 <= a["intensity"] <= 10 and a["quad_class"] in (1, 2, 3, 4) for *_, a in graph.edges(data=True))


@pytest.mark.parametrize(("actor", "target"), [("Andrzej Duda", "Gitanas Nauseda"), ("LTU", "BLR")])
def test_known_edges_have_labelled_ends(store: Store, actor: str, target: str) -> None:
    with store.connect() as conn:
        graph = build_graph(conn)
    names = {attrs["name"]: n for n, attrs in graph.nodes(data=True)}
    assert graph.has_edge(names[actor], names[target])
    for node in (names[actor], names[target]):
        assert graph.nodes[node]["label"]
    if actor == "LTU":
        assert graph.nodes[names[actor]]["label"] == "Lithuania"


@pytest.mark.parametrize("country", ["POL"])
def test_country_filter_keeps_edges_touching_the_country(store: Store, country: str) -> None:
    with store.connect() as conn:
        graph = build_graph(conn, Filters.make(country=country))
        everything = build_graph(conn)
    assert 0 < graph.number_of_edges() < everything.number_of_edges()
    assert {(s, t, a["type"]): a["weight"] for s, t, a in graph.edges(data=True)} == expected_edges(store, country)


@pytest.mark.parametrize("fmt", ["graphml"])
def test_empty_database_gives_an_empty_graph(tmp_path: Path, fmt: str) -> None:
    with Store(f"sqlite:///{tmp_path / 'empty.db'}") as empty:
        (path,) = export(empty, fmt, tmp_path / "out")
    graph = nx.read_graphml(path)
    assert graph.number_of_nodes() == 0 and graph.number_of_edges() == 0


@pytest.mark.parametrize("fmt", ["graphml"])
def test_edge_ids_are_unique_in_the_file(store: Store, tmp_path: Path, fmt: str) -> None:
    import xml.etree.ElementTree as ET

    (path,) = export(store, fmt, tmp_path)
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    ids = [e.get("id") for e in ET.parse(path).getroot().iterfind(".//g:edge", ns)]
    assert ids and len(ids) == len(set(ids))


@pytest.mark.parametrize("all_nodes", [False, True])
def test_nodes_without_an_edge_only_with_all_nodes(store: Store, tmp_path: Path, all_nodes: bool) -> None:
    (path,) = export(store, "graphml", tmp_path, all_nodes=all_nodes)
    graph = nx.read_graphml(path, force_multigraph=True)
    isolates = [n for n, degree in graph.degree() if degree == 0]
    with store.connect() as conn:
        everything = build_graph(conn, all_nodes=True)
    assert graph.number_of_edges() == everything.number_of_edges() > 0
    if all_nodes:
        assert isolates and graph.number_of_nodes() == everything.number_of_nodes()
    else:
        assert isolates == [] and graph.number_of_nodes() < everything.number_of_nodes()
