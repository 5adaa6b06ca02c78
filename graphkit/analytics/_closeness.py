"""Closeness centrality of a large network estimated from sampled breadth-first searches (Eppstein-Wang).

networkx's definition is kept (Wasserman-Faust, per component: ``(r-1)/sum_dist * (r-1)/(n-1)`` with ``r``
the component's size and ``n`` the graph's). The graph is undirected, so the BFS from a sampled source ``s``
gives ``d(v, s)`` for every ``v``: a node's distance sum to all ``r-1`` others is estimated from its
distances to the ``k`` sources sampled in its component. Components of at most ``max(exact_limit, k)``
nodes are computed exactly (BFS from each of their nodes: cheap); every larger one is estimated from
exactly ``k`` sources (the betweenness sample's sources in it, topped up with further random nodes of it),
and the estimate is checked against exact closeness on the ``check`` nodes with the highest estimate
plus ``check`` random others (they then keep their exact value).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

from graphkit.analytics._bfs import forward

__all__ = ["ClosenessEstimate", "estimated_closeness", "sampled_closeness"]


@dataclass
class ClosenessEstimate:
    """Closeness of every node (array by node index) and how it was computed."""

    values: np.ndarray
    method: str = "exact"  # "exact" | "sampled": some component was estimated
    k: int | None = None  # sources per estimated component
    checked: int = 0  # estimated nodes compared with their exact closeness (then given it)
    error: float = 0.0  # max absolute error of the estimate on the checked nodes (0 when exact)


def estimated_closeness(dist: np.ndarray, k: int, size: int, n: int) -> np.ndarray:
    """Closeness of nodes of one component of ``size`` nodes (in a graph of ``n``) that are not sampled
    sources, from ``dist``: each node's summed hop distance to the ``k`` sources sampled in its component.

    Given that the node is not a source, the sources are a uniform sample of the ``size - 1`` other nodes,
    so ``dist * (size - 1) / k`` estimates its distance sum without bias (Eppstein-Wang); then networkx's
    formula ``(size-1)/sum * (size-1)/(n-1)``. Exact when ``k = size - 1``.

    >>> # path 0-1-2-3-4 with sources 0 and 4: node 2 is 2 + 2 away, node 1 is 1 + 3 away
    >>> estimated_closeness(np.array([4.0, 4.0]), k=2, size=5, n=5).tolist()
    [0.5, 0.5]
    >>> # exact closeness is 4/6 and 4/7; with every other node sampled (k = 4) it is exact again
    >>> estimated_closeness(np.array([6.0]), k=4, size=5, n=5).round(4).tolist()
    [0.6667]
    """
    if size <= 1 or n <= 1:
        return np.zeros(len(dist))
    return k / dist * (size - 1) / (n - 1)


def _members(labels: np.ndarray) -> list[np.ndarray]:
    order = np.argsort(labels, kind="stable")
    bounds = np.cumsum(np.bincount(labels))
    return np.split(order, bounds[:-1])


def _exact(a: sp.csr_array, parts: list[np.ndarray], n: int, cap: int, out: np.ndarray) -> None:
    """Exact closeness of whole components, several small ones per BFS batch (chunks of ~``cap`` nodes)."""
    chunk: list[np.ndarray] = []
    count = 0
    for i, part in enumerate(parts):
        chunk.append(part)
        count += len(part)
        if count >= cap or i == len(parts) - 1:
            idx = np.concatenate(chunk)
            out[idx], _ = forward(a[idx][:, idx], np.arange(len(idx)), n)
            chunk, count = [], 0


def sampled_closeness(
    a: sp.csr_array,
    sources: np.ndarray,
    dist: np.ndarray,
    source_values: np.ndarray,
    *,
    k: int,
    exact_limit: int,
    check: int,
    rng: np.random.Generator,
) -> ClosenessEstimate:
    """Closeness of every node of the graph with adjacency ``a``, reusing BFS already run from ``sources``.

    Parameters
    ----------
    a : scipy.sparse.csr_array
        Symmetric 0/1 adjacency matrix.
    sources : numpy.ndarray
        Node indices BFS already ran from (the betweenness sample); ``dist`` is every node's summed hop
        distance from them and ``source_values`` their exact closeness (same order as ``sources``).
    k, exact_limit : int
        Components of more than ``max(exact_limit, k)`` nodes are estimated from ``k`` sources each;
        smaller ones are exact.
    check : int
        Per estimated component, the ``check`` nodes of highest estimated closeness and ``check`` random
        others get their exact closeness, which measures the estimate's error (max absolute difference)
        and replaces their estimate. The absolute error grows with closeness (the relative error is about
        the same everywhere), so the top nodes carry the largest errors, and are the report's top rows.
    rng : numpy.random.Generator
        Picks the top-up sources and the checked nodes (deterministic for a seeded generator).
    """
    n = a.shape[0]
    values = np.zeros(n)
    result = ClosenessEstimate(values)
    _, labels = connected_components(a, directed=False)
    parts = _members(labels)
    limit = max(exact_limit, k)
    _exact(a, [p for p in parts if len(p) <= limit], n, limit, values)
    is_source = np.zeros(n, dtype=bool)
    is_source[sources] = True
    estimated = []
    for part in (p for p in parts if len(p) > limit):
        sub = a[part][:, part]
        local = is_source[part]
        extra = np.sort(rng.choice(np.flatnonzero(~local), size=k - int(local.sum()), replace=False))
        dist_part = dist[part].copy()
        if extra.size:
            values[part[extra]], more = forward(sub, extra, n)
            dist_part += more
            local[extra] = True
        rest = np.flatnonzero(~local)
        values[part[rest]] = estimated_closeness(dist_part[rest], k, len(part), n)
        estimated.append((part, sub, rest))
        result.method, result.k = "sampled", k
    for part, sub, rest in estimated:  # after every estimate: ``check`` does not change them
        order = np.argsort(-values[part[rest]], kind="stable")  # highest estimated closeness first
        others = np.sort(rest[order[check:]])
        randoms = rng.choice(others, size=min(check, len(others)), replace=False)
        checked = np.sort(np.concatenate([rest[order[:check]], randoms]))
        exact, _ = forward(sub, checked, n)
        if checked.size:
            result.error = max(result.error, float(np.max(np.abs(values[part[checked]] - exact))))
            values[part[checked]] = exact
        result.checked += len(checked)
    values[sources] = source_values
    return result
