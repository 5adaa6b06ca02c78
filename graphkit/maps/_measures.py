"""Centrality measures that size the map's nodes (``--size-by``), one value per node of a network.

The measures and their values are those of ``graphkit report centrality``
(:mod:`graphkit.analytics.centrality`; Louvain ``community`` is a category, not a size). Each is computed
on the collaboration network of every frame, so sizes follow the year control.
"""

from __future__ import annotations

from collections.abc import Callable

import networkx as nx

from graphkit._errors import GraphkitError
from graphkit.analytics.centrality import betweenness_closeness

__all__ = ["MEASURES", "DEFAULT_MEASURE", "measure", "MapMeasureError"]


class MapMeasureError(GraphkitError):
    """A size measure the map does not know."""

    exit_code = 2


def _degree(g: nx.Graph) -> dict[str, float]:
    return {n: float(d) for n, d in g.degree()}


def _weighted(g: nx.Graph) -> dict[str, float]:
    return {n: float(d) for n, d in g.degree(weight="weight")}


def _betweenness(g: nx.Graph) -> dict[str, float]:
    return betweenness_closeness(g)[0]


def _closeness(g: nx.Graph) -> dict[str, float]:
    return betweenness_closeness(g)[1]


def _pagerank(g: nx.Graph) -> dict[str, float]:
    if not g.number_of_edges():
        return dict.fromkeys(g, 1.0 / len(g))
    return nx.pagerank(g, weight="weight")


def _core(g: nx.Graph) -> dict[str, float]:
    h = g.copy()
    h.remove_edges_from(nx.selfloop_edges(h))
    return {n: float(c) for n, c in nx.core_number(h).items()}


MEASURES: dict[str, Callable[[nx.Graph], dict[str, float]]] = {
    "degree": _degree,
    "weighted_degree": _weighted,
    "betweenness": _betweenness,
    "pagerank": _pagerank,
    "closeness": _closeness,
    "core": _core,
}
DEFAULT_MEASURE = "degree"


def measure(g: nx.Graph, name: str) -> dict[str, float]:
    """Values of measure ``name`` for every node of ``g`` (0 for an empty graph).

    >>> measure(nx.path_graph(3), "degree")
    {0: 1.0, 1: 2.0, 2: 1.0}
    """
    fn = MEASURES.get(name)
    if fn is None:
        raise MapMeasureError(f"unknown size measure {name!r}: use one of {', '.join(MEASURES)}")
    if len(g) == 0:
        return {}
    return {n: round(float(v), 6) for n, v in fn(g).items()}
