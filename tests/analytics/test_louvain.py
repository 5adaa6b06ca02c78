"""graphkit's Louvain gives networkx's partition: random graphs, weights, string keys, self-loops."""

from __future__ import annotations

import datetime as dt
import random

import networkx as nx
import pytest

from graphkit.analytics._louvain import louvain_communities
from graphkit.synthetic._generate import generate


def _partition(communities: list[set]) -> set[frozenset]:
    return {frozenset(c) for c in communities}


def _random_graph(i: int) -> nx.Graph:
    r = random.Random(i)
    n = r.randint(2, 90)
    g = nx.gnm_random_graph(n, r.randint(1, 3 * n), seed=i)
    for u, v in g.edges():
        g[u][v]["weight"] = r.randint(1, 5)
    if i % 4 == 0:  # string keys, as the collaboration network has, in a shuffled insertion order
        order = list(g)
        r.shuffle(order)
        h = nx.Graph()
        h.add_nodes_from(f"n{v}" for v in order)
        h.add_edges_from((f"n{u}", f"n{v}", d) for u, v, d in g.edges(data=True))
        g = h
    if i % 5 == 0:  # self-loops: networkx treats them as already merged communities
        for v in list(g)[::7]:
            g.add_edge(v, v, weight=r.randint(1, 3))
    return g


@pytest.mark.parametrize("i", range(60))
def test_same_partition_as_networkx_on_random_graphs(i: int) -> None:
    g = _random_graph(i)
    for seed in (0, 11):
        expected = nx.community.louvain_communities(g, weight="weight", seed=seed)
        assert _partition(louvain_communities(g, seed=seed)) == _partition(expected)


def test_unweighted_edges_count_one_and_resolution_is_honoured() -> None:
    g = nx.les_miserables_graph()
    for _, _, d in g.edges(data=True):
        del d["weight"]
    for resolution in (0.5, 1.0, 2.0):
        expected = nx.community.louvain_communities(g, resolution=resolution, seed=3)
        assert _partition(louvain_communities(g, resolution=resolution, seed=3)) == _partition(expected)


def test_edge_cases_first() -> None:
    assert louvain_communities(nx.Graph()) == []
    assert louvain_communities(nx.empty_graph(3)) == [{0}, {1}, {2}]
    assert _partition(louvain_communities(nx.Graph([(1, 2)]))) == {frozenset({1, 2})}
    with pytest.raises(ValueError, match="undirected"):
        louvain_communities(nx.DiGraph([(1, 2)]))


def test_same_partition_on_the_national_collaboration_network(graph, tmp_path) -> None:
    """The graph the centrality report sees: a hub (BP2MI) tied to nearly every node, regions, programs."""
    from graphkit.analytics.network import collaboration_network
    from graphkit.sync._fetch import fetch_snapshot
    from graphkit.sync._load import load_dataset

    load_dataset(generate(tmp_path / "national", scale=1).path, graph)
    g = collaboration_network(fetch_snapshot(graph, ("programs",)), dt.date(2025, 12, 31))
    assert len(g) > 500 and max(d for _, d in g.degree()) > 0.75 * len(g)
    expected = nx.community.louvain_communities(g, weight="weight", seed=0)
    assert _partition(louvain_communities(g, seed=0)) == _partition(expected)
