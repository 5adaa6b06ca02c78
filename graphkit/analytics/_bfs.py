"""Batched breadth-first search over a sparse adjacency matrix: the kernel of betweenness and closeness.

Many sources run at once as sparse-matrix products (numpy/scipy), arrays laid out nodes x sources.
Private to :mod:`graphkit.analytics.centrality` and :mod:`graphkit.analytics._closeness`.
"""

from __future__ import annotations

from collections.abc import Hashable

import networkx as nx
import numpy as np
import scipy.sparse as sp

BATCH_CELLS = 500_000  # sources x nodes per batch (~4 MB per float array: faster than larger, cache)


def adjacency(g: nx.Graph) -> tuple[list[Hashable], sp.csr_array]:
    """Nodes of ``g`` in order and its symmetric 0/1 adjacency matrix (self-loops dropped)."""
    nodes = list(g)
    index = {v: i for i, v in enumerate(nodes)}
    rows = [index[u] for u, v in g.edges() if u != v]
    cols = [index[v] for u, v in g.edges() if u != v]
    n = len(nodes)
    a = sp.coo_array((np.ones(2 * len(rows)), (rows + cols, cols + rows)), shape=(n, n)).tocsr()
    a.data[:] = 1.0  # parallel entries collapse to one edge
    return nodes, a


def batch(a: sp.csr_array, sources: np.ndarray, *, backward: bool) -> tuple[np.ndarray, np.ndarray | None]:
    """BFS from every source at once, arrays laid out nodes x sources: hop depth (-1 unreachable) and,
    with ``backward``, Brandes' dependencies. Each level is kept as a boolean mask, so every step is a
    whole-array operation (flat fancy indexing over the wide middle levels cost ~3x more)."""
    n, b = a.shape[0], len(sources)
    cols = np.arange(b)
    depth = np.full((n, b), -1, dtype=np.int32)
    depth[sources, cols] = 0
    sigma = np.zeros((n, b))
    sigma[sources, cols] = 1.0
    unvisited = np.ones((n, b))
    unvisited[sources, cols] = 0.0
    frontier = sigma.copy()
    levels = [sigma > 0]
    while True:
        nxt = a @ frontier  # shortest-path counts into the next layer (a is symmetric)
        nxt *= unvisited
        reached = nxt != 0
        if not reached.any():
            break
        np.copyto(depth, len(levels), where=reached)
        sigma += nxt  # zero outside the new layer
        np.copyto(unvisited, 0.0, where=reached)
        levels.append(reached)
        frontier = nxt
    if not backward:
        return depth, None
    delta = np.zeros((n, b))
    w = np.zeros((n, b))
    for level in range(len(levels) - 1, 1, -1):
        w.fill(0.0)
        np.divide(1.0 + delta, sigma, out=w, where=levels[level])
        back = a @ w
        back *= sigma
        np.add(delta, back, out=delta, where=levels[level - 1])
    return depth, delta


def source_closeness(depth: np.ndarray, n: int) -> np.ndarray:
    """Wasserman-Faust closeness of each source column of a depth block (as networkx, wf_improved);
    ``n`` is the node count of the whole graph."""
    reach = (depth >= 0).sum(axis=0)
    total = np.where(depth > 0, depth, 0).sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        cc = np.where(total > 0, (reach - 1) / total, 0.0)
    return cc * (reach - 1) / (n - 1) if n > 1 else cc


def forward(a: sp.csr_array, sources: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Exact closeness of ``sources`` (indices into ``a``) and each node's summed hop distance from them,
    in batches; ``n`` is the node count of the whole graph (``a`` may be one part of it)."""
    size = a.shape[0]
    step = max(1, BATCH_CELLS // max(size, 1))
    closeness = np.zeros(len(sources))
    dist = np.zeros(size)
    for start in range(0, len(sources), step):
        depth, _ = batch(a, sources[start : start + step], backward=False)
        closeness[start : start + step] = source_closeness(depth, n)
        dist += np.where(depth > 0, depth, 0).sum(axis=1)
    return closeness, dist
