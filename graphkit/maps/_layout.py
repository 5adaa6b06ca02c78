"""Node positions computed in Python (the browser draws with physics off).

- :func:`force_layout` — Fruchterman-Reingold in numpy, computed block-wise so memory stays O(n * block).
- :func:`pack_circles` — circles (clusters) packed on a spiral around a free centre (the hubs).
- :func:`project` — longitude/latitude to canvas units (equirectangular; Indonesia straddles the equator).
- :func:`spiral_around` — points on a sunflower spiral around a centre (organizations beside their region).
- :func:`grid_block` — a compact grid of points (nodes with no tie at all, kept out of the force layout).
- :func:`remove_overlaps` — pushes overlapping nodes apart (radius-aware), a few relaxation rounds.
"""

from __future__ import annotations

import math

import numpy as np
from scipy.spatial import cKDTree

__all__ = [
    "force_layout",
    "pack_circles",
    "project",
    "spiral_around",
    "grid_block",
    "remove_overlaps",
    "GEO_SCALE",
]

#: Canvas units per degree of longitude/latitude in the geographic views.
GEO_SCALE = 120.0
_GOLDEN = math.pi * (3.0 - math.sqrt(5.0))


def project(lon: float, lat: float, scale: float = GEO_SCALE) -> tuple[float, float]:
    """Canvas position of a longitude/latitude (y grows downwards, so north is up).

    >>> project(110.0, -7.0, scale=100)
    (11000.0, 700.0)
    """
    return round(lon * scale, 2), round(-lat * scale, 2)


def spiral_around(
    cx: float, cy: float, count: int, spacing: float, start: float = 1.0
) -> list[tuple[float, float]]:
    """``count`` points on a sunflower spiral around ``(cx, cy)``, the first ``start * spacing`` away.

    >>> pts = spiral_around(0.0, 0.0, 3, 10.0)
    >>> len(pts), all(9.9 < math.hypot(x, y) for x, y in pts)
    (3, True)
    """
    out = []
    for i in range(count):
        r = spacing * math.sqrt(i + start * start)
        a = i * _GOLDEN + 0.6
        out.append((round(cx + r * math.cos(a), 2), round(cy + r * math.sin(a), 2)))
    return out


def grid_block(
    count: int, x0: float, y0: float, columns: int, spacing: float, row_spacing: float | None = None
) -> list[tuple[float, float]]:
    """``count`` points in rows of ``columns`` from the top-left corner ``(x0, y0)``.

    >>> grid_block(3, 0.0, 0.0, 2, 10.0, 5.0)
    [(0.0, 0.0), (10.0, 0.0), (0.0, 5.0)]
    """
    columns = max(1, columns)
    dy = spacing if row_spacing is None else row_spacing
    return [(x0 + (i % columns) * spacing, y0 + (i // columns) * dy) for i in range(count)]


def _repulsion(pos: np.ndarray, block: int) -> np.ndarray:
    """Sum over j of (p_i - p_j) / d^2 (a force of magnitude 1 / d), in float32, ``block`` rows at a time."""
    n = len(pos)
    x, y = pos[:, 0].astype(np.float32), pos[:, 1].astype(np.float32)
    out = np.zeros((n, 2))
    for s in range(0, n, block):
        e = min(n, s + block)
        dx = x[s:e, None] - x[None, :]
        dy = y[s:e, None] - y[None, :]
        d2 = dx * dx
        d2 += dy * dy
        np.maximum(d2, np.float32(1e-6), out=d2)
        np.reciprocal(d2, out=d2)
        out[s:e, 0] = (d2 * dx).sum(axis=1)
        out[s:e, 1] = (d2 * dy).sum(axis=1)
    return out


def force_layout(
    n: int,
    edges: list[tuple[int, int, float]],
    *,
    init: np.ndarray | None = None,
    iterations: int | None = None,
    seed: int = 2018,
) -> np.ndarray:
    """Fruchterman-Reingold positions of ``n`` nodes tied by weighted ``edges``, in about the unit square.

    Repulsion ``k^2 / d`` between every pair (numpy, float32, in row blocks so memory stays
    ``O(n * block)``), attraction ``w d^2 / k`` along each edge, a temperature that cools linearly.
    Deterministic for a given ``seed``.

    Parameters
    ----------
    n : int
        Number of nodes (indices ``0..n-1``).
    edges : list of (int, int, float)
        Undirected ties ``(i, j, weight)``.
    init : numpy.ndarray, optional
        Starting positions ``(n, 2)``; default: seeded random in the unit square.
    iterations : int, optional
        Default 120 (fewer above 1,000 nodes: each iteration costs ``n^2``).
    seed : int
        Seed of the random start.

    Examples
    --------
    >>> p = force_layout(3, [(0, 1, 1.0), (1, 2, 1.0)], seed=1)
    >>> p.shape, bool(np.linalg.norm(p[0] - p[2]) > np.linalg.norm(p[0] - p[1]))
    ((3, 2), True)
    """
    if n <= 1:
        return np.zeros((n, 2))
    rng = np.random.default_rng(seed)
    if init is None:
        pos = rng.random((n, 2))
    else:
        pos = np.array(init, dtype=float)
        span = float(np.ptp(pos, axis=0).max()) or 1.0
        pos = (pos - pos.min(axis=0)) / span + rng.normal(0, 1e-3, (n, 2))
    if iterations is None:
        iterations = int(max(40, min(120, 120 * 1000 / n)))
    ei = np.array([(i, j) for i, j, _ in edges], dtype=int).reshape(-1, 2)
    w = np.array([max(float(x), 0.0) for _, _, x in edges], dtype=float)
    k = math.sqrt(1.0 / n)
    block = max(64, int(2_000_000 // n))
    temp = 0.1 * max(float(np.ptp(pos, axis=0).max()), 1e-3)
    cool = temp / (iterations + 1)
    for _ in range(iterations):
        disp = k * k * _repulsion(pos, block)
        if len(ei):
            delta = pos[ei[:, 0]] - pos[ei[:, 1]]
            dist = np.sqrt(np.einsum("ij,ij->i", delta, delta))
            pull = (w * dist / k)[:, None] * delta
            np.add.at(disp, ei[:, 0], -pull)
            np.add.at(disp, ei[:, 1], pull)
        length = np.linalg.norm(disp, axis=1)
        length[length < 0.01] = 0.01
        pos += disp * (temp / length)[:, None]
        temp -= cool
    return pos - pos.mean(axis=0)


def remove_overlaps(
    pos: np.ndarray, radii: np.ndarray, *, gap: float = 2.0, rounds: int = 40, fixed: np.ndarray | None = None
) -> np.ndarray:
    """Move nodes apart until no two discs (``radius + gap/2``) overlap, or ``rounds`` are done.

    ``fixed`` (boolean array) marks nodes that must not move. Returns a new array.

    >>> p = remove_overlaps(np.array([[0.0, 0.0], [1.0, 0.0]]), np.array([5.0, 5.0]))
    >>> bool(np.linalg.norm(p[0] - p[1]) >= 10.0)
    True
    """
    pos = np.array(pos, dtype=float)
    if len(pos) < 2:
        return pos
    radii = np.asarray(radii, dtype=float) + gap / 2
    movable = np.ones(len(pos), bool) if fixed is None else ~np.asarray(fixed, bool)
    reach = 2 * float(radii.max())
    rng = np.random.default_rng(7)
    for _ in range(rounds):
        pairs = cKDTree(pos).query_pairs(reach, output_type="ndarray")
        if not len(pairs):
            break
        i, j = pairs[:, 0], pairs[:, 1]
        delta = pos[i] - pos[j]
        dist = np.sqrt(np.einsum("ij,ij->i", delta, delta))
        need = radii[i] + radii[j] - dist
        hit = need > 0.01
        if not hit.any():
            break
        i, j, delta, dist, need = i[hit], j[hit], delta[hit], dist[hit], need[hit]
        zero = dist < 1e-6
        if zero.any():
            angle = rng.random(int(zero.sum())) * 2 * math.pi
            delta[zero] = np.column_stack([np.cos(angle), np.sin(angle)])
            dist[zero] = 1.0
        unit = delta / dist[:, None]
        mi, mj = movable[i].astype(float), movable[j].astype(float)
        share = mi + mj
        share[share == 0] = 1.0
        step = np.zeros_like(pos)
        np.add.at(step, i, unit * (need * mi / share * 0.55)[:, None])
        np.add.at(step, j, -unit * (need * mj / share * 0.55)[:, None])
        pos += step
    return pos


def _first_free(cand: np.ndarray, placed: np.ndarray, need: np.ndarray, chunk: int = 32) -> int:
    """Index of the first of ``cand`` at least ``need[j]`` from every ``placed[j]``, or -1; looks at
    ``chunk`` candidates at a time (the first free one is usually near the start).

    >>> _first_free(np.array([[0.0, 0.0], [5.0, 0.0]]), np.array([[0.0, 0.0]]), np.array([3.0]))
    1
    """
    if not len(placed):
        return 0 if len(cand) else -1
    px, py = placed[:, 0], placed[:, 1]
    for start in range(0, len(cand), chunk):
        part = cand[start : start + chunk]
        dx = part[:, 0, None] - px[None, :]
        dy = part[:, 1, None] - py[None, :]
        ok = (np.sqrt(dx * dx + dy * dy) >= need[None, :]).all(axis=1)
        hit = np.flatnonzero(ok)
        if len(hit):
            return start + int(hit[0])
    return -1


def pack_circles(radii: list[float], *, centre: float = 0.0, gap: float = 10.0) -> list[tuple[float, float]]:
    """Centres for circles of ``radii`` (placed in the given order) packed on a spiral around a free
    central disc of radius ``centre``: each takes the first spiral position that overlaps nothing placed.

    >>> pts = pack_circles([10.0, 10.0, 5.0], gap=1.0)
    >>> all(math.dist(pts[i], pts[j]) >= 10 for i in range(3) for j in range(i + 1, 3))
    True
    """
    if not radii:
        return []
    r = np.asarray(radii, dtype=float)
    turn = 2 * float(np.median(r)) + gap  # distance between spiral turns
    b = turn / (2 * math.pi)
    placed = np.zeros((0, 2))
    placed_r = np.zeros(0)
    out: list[tuple[float, float]] = []
    theta_start = 0.0
    for radius in r:
        a = centre + radius + gap if centre > 0 or len(out) else 0.0
        theta = max(0.0, theta_start - 2 * math.pi)
        while True:
            # candidate points along the spiral, about radius / 2 apart
            rad0 = a + b * theta
            step = max(0.02, min(0.5, (radius / 2 + 1) / max(rad0, 1.0)))
            thetas = theta + step * np.arange(256)
            rho = a + b * thetas
            cand = np.column_stack([rho * np.cos(thetas), rho * np.sin(thetas)])
            k = _first_free(cand, placed, placed_r + radius + gap)
            if k >= 0:
                out.append((float(cand[k, 0]), float(cand[k, 1])))
                placed = np.vstack([placed, cand[k]])
                placed_r = np.append(placed_r, radius)
                theta_start = float(thetas[k])
                break
            theta = float(thetas[-1] + step)
    return out
