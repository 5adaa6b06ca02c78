"""Centrality measures of an undirected network, fast enough for the national graph in well under a second.

Betweenness and closeness come from one batched breadth-first search: Brandes' algorithm written as
sparse-matrix products over many sources at once (numpy/scipy, :mod:`graphkit.analytics._bfs`), giving the
same values as networkx's ``betweenness_centrality(normalized=True)`` and
``closeness_centrality(wf_improved=True)`` (hop counts, edge weights ignored) in a fraction of the time.
Above ``exact_limit`` nodes betweenness is estimated from ``k`` sampled sources (scaled as networkx's ``k``
option), with an error estimate from two independent halves of the sample, and closeness from the same
sources' searches (:mod:`graphkit.analytics._closeness`), with its error measured against exact closeness
on the top ``check`` nodes by estimate plus ``check`` random ones. Degree, weighted degree, PageRank
(weighted) come from networkx; Louvain communities (weighted, seeded) are networkx's partition computed over
plain dicts (:mod:`graphkit.analytics._louvain`); k-core numbers come from a vectorized peeling equal to
networkx's.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import numpy as np
import scipy.sparse as sp

from graphkit.analytics._bfs import BATCH_CELLS, adjacency, batch, forward, source_closeness
from graphkit.analytics._closeness import sampled_closeness
from graphkit.analytics._louvain import louvain_communities

__all__ = ["MEASURES", "CentralityResult", "centrality_measures", "betweenness_closeness", "core_numbers"]

#: Field names of the measures, in report order.
MEASURES = ("degree", "weighted_degree", "betweenness", "pagerank", "closeness", "core", "community")


@dataclass
class CentralityResult:
    """Per-node measures (``values[node][measure]``) and how betweenness and closeness were computed."""

    values: dict[Hashable, dict[str, Any]] = field(default_factory=dict)
    betweenness_method: str = "exact"  # "exact" | "sampled"
    betweenness_k: int | None = None
    betweenness_error: float = 0.0  # estimated max absolute error (0 when exact)
    communities: int = 0
    closeness_method: str = "exact"  # "exact" | "sampled" (some component estimated from k sources)
    closeness_k: int | None = None  # sources per estimated component
    closeness_checked: int = 0  # estimated nodes compared with (then given) their exact closeness
    closeness_error: float = 0.0  # max absolute error of the estimate on the checked nodes (0 when exact)


def _traverse(
    a: sp.csr_array, groups: list[np.ndarray], *, rest: bool
) -> tuple[list[np.ndarray], np.ndarray, np.ndarray]:
    """Raw dependency sums from each group of sources (disjoint index arrays), the exact closeness of
    every node BFS ran from (zero elsewhere) and every node's summed hop distance from the groups'
    sources. The groups' sources run forward and backward; with ``rest`` all other nodes forward only
    (then the closeness is every node's)."""
    n = a.shape[0]
    step = max(1, BATCH_CELLS // n)
    raws = [np.zeros(n) for _ in groups]
    closeness = np.zeros(n)
    dist = np.zeros(n)
    seen = np.zeros(n, dtype=bool)
    for raw, group in zip(raws, groups, strict=True):
        seen[group] = True
        for start in range(0, len(group), step):
            sources = group[start : start + step]
            depth, delta = batch(a, sources, backward=True)
            raw += delta.sum(axis=1)  # type: ignore[union-attr]
            closeness[sources] = source_closeness(depth, n)
            dist += np.where(depth > 0, depth, 0).sum(axis=1)
    if rest:
        others = np.flatnonzero(~seen)
        closeness[others], _ = forward(a, others, n)
    return raws, closeness, dist


def core_numbers(a: sp.csr_array) -> np.ndarray:
    """k-core number of every node of a symmetric 0/1 adjacency matrix without self-loops (as
    ``nx.core_number``), by peeling: each round removes every node left with at most ``k`` neighbours.

    >>> core_numbers(adjacency(nx.complete_graph(4))[1]).tolist()
    [3, 3, 3, 3]
    >>> core_numbers(adjacency(nx.lollipop_graph(3, 2))[1]).tolist()
    [2, 2, 2, 1, 1]
    """
    n = a.shape[0]
    degree = np.diff(a.indptr).astype(np.int64)
    core = np.zeros(n, dtype=np.int64)
    alive = np.ones(n, dtype=bool)
    k = 0
    while alive.any():
        k = max(k, int(degree[alive].min()))
        frontier = np.flatnonzero(alive & (degree <= k))
        while frontier.size:
            core[frontier] = k
            alive[frontier] = False
            neighbours = a[frontier].indices
            touched, lost = np.unique(neighbours[alive[neighbours]], return_counts=True)
            degree[touched] -= lost
            frontier = touched[degree[touched] <= k]
    return core


def _scale(raw: np.ndarray, sources: np.ndarray) -> np.ndarray:
    """Normalize raw dependency sums from ``sources`` as networkx (>= 3.5) does for ``k`` sampled sources:
    a sampled source has only k - 1 other sources whose paths can pass through it."""
    n, k = len(raw), len(sources)
    if n <= 2 or k == 0:
        return np.zeros(n)
    is_source = np.zeros(n, dtype=bool)
    is_source[sources] = True
    source_scale = 1.0 / ((k - 1) * (n - 2)) if k > 1 else math.nan
    return np.where(is_source, raw * source_scale, raw / (k * (n - 2)))


def betweenness_closeness(
    g: nx.Graph, *, sources: Sequence[Hashable] | None = None
) -> tuple[dict[Hashable, float], dict[Hashable, float]]:
    """Normalized betweenness (from ``sources``, default all nodes) and closeness of every node.

    Equal to ``nx.betweenness_centrality(g)`` (all sources: exact) or, for a sample of sources, to
    networkx's (>= 3.5) estimate with ``k=len(sources)`` from those sources; closeness equals
    ``nx.closeness_centrality(g)``. Unweighted, for undirected graphs.

    >>> b, c = betweenness_closeness(nx.path_graph(3))
    >>> b
    {0: 0.0, 1: 1.0, 2: 0.0}
    >>> round(c[1], 3), round(c[0], 3)
    (1.0, 0.667)
    """
    if g.is_directed():
        raise ValueError("betweenness_closeness works on undirected graphs")
    nodes, a = adjacency(g)
    if not nodes:
        return {}, {}
    index = {v: i for i, v in enumerate(nodes)}
    chosen = np.arange(len(nodes)) if sources is None else np.array(sorted({index[s] for s in sources}), int)
    (raw,), closeness, _ = _traverse(a, [chosen], rest=True)
    between = _scale(raw, chosen)
    return (
        {v: float(between[i]) for i, v in enumerate(nodes)},
        {v: float(closeness[i]) for i, v in enumerate(nodes)},
    )


def centrality_measures(
    g: nx.Graph,
    *,
    weight: str = "weight",
    exact_limit: int = 2_000,
    k: int = 500,
    seed: int = 0,
    check: int = 100,
) -> CentralityResult:
    """Every measure of :data:`MEASURES` for every node of ``g``.

    Parameters
    ----------
    g : networkx.Graph
        Undirected; ``weight`` is an edge attribute (missing = 1).
    weight : str
        Edge weight used by weighted degree, PageRank and Louvain (betweenness/closeness count hops).
    exact_limit, k, seed : int
        Above ``exact_limit`` nodes, betweenness is estimated from ``k`` sources sampled with ``seed``,
        and so is the closeness of every component of more than ``max(exact_limit, k)`` nodes (from ``k``
        sources in it: the sampled ones, topped up); smaller components' closeness stays exact.
    check : int
        Per estimated component, the ``check`` nodes of highest estimated closeness and ``check`` random
        others get their exact closeness; ``closeness_error`` is the estimate's max error on them.

    Returns
    -------
    CentralityResult
        ``degree`` (neighbours), ``weighted_degree``, ``betweenness`` (normalized), ``pagerank``,
        ``closeness`` (Wasserman-Faust for disconnected graphs), ``core`` (k-core number), ``community``
        (Louvain, numbered by size, largest = 0).

    Examples
    --------
    >>> r = centrality_measures(nx.star_graph(3))
    >>> r.values[0]["degree"], r.values[0]["betweenness"], r.values[1]["core"]
    (3, 1.0, 1)
    >>> centrality_measures(nx.Graph()).values
    {}
    """
    result = CentralityResult()
    n = len(g)
    if n == 0:
        return result
    nodes, a = adjacency(g)
    if n > exact_limit and k < n:
        # two independent halves of one sample: their spread estimates the error of the combined estimate
        rng = np.random.default_rng(seed)
        picked = rng.choice(n, size=max(k, 2), replace=False)
        halves = [np.sort(picked[: len(picked) // 2]), np.sort(picked[len(picked) // 2 :])]
        (r1, r2), cc, dist = _traverse(a, halves, rest=False)
        b1, b2 = _scale(r1, halves[0]), _scale(r2, halves[1])
        both = _scale(r1 + r2, np.sort(picked))
        result.betweenness_method, result.betweenness_k = "sampled", len(picked)
        result.betweenness_error = float(np.max(np.abs(b1 - b2))) / 2
        sources = np.sort(picked)
        est = sampled_closeness(
            a, sources, dist, cc[sources], k=len(picked), exact_limit=exact_limit, check=check, rng=rng
        )
        closeness = est.values
        result.closeness_method, result.closeness_k = est.method, est.k
        result.closeness_checked, result.closeness_error = est.checked, est.error
    else:
        (raw,), closeness, _ = _traverse(a, [np.arange(n)], rest=False)
        both = _scale(raw, np.arange(n))
    pagerank = nx.pagerank(g, weight=weight) if g.number_of_edges() else {v: 1.0 / n for v in g}
    core = core_numbers(a)
    found = louvain_communities(g, weight=weight, seed=seed)  # networkx's partition, in about half the time
    communities = sorted(found, key=lambda c: (-len(c), min(map(str, c))))
    result.communities = len(communities)
    community = {v: i for i, c in enumerate(communities) for v in c}
    for i, (v, wdeg) in enumerate(g.degree(weight=weight)):
        result.values[v] = {
            "degree": g.degree(v),
            "weighted_degree": float(wdeg) if not float(wdeg).is_integer() else int(wdeg),
            "betweenness": float(both[i]),
            "pagerank": pagerank[v],
            "closeness": float(closeness[i]),
            "core": int(core[i]),
            "community": community[v],
        }
    if math.isnan(result.betweenness_error):  # k = 2: a half of one source has no scale
        result.betweenness_error = 0.0
    return result
