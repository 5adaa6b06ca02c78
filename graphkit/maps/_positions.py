"""Positions of a :class:`~graphkit.maps._data.NodeSet` for the ``network`` and ``geo`` views, with the
background captions the page draws under the nodes (plain canvas text)."""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Any

import numpy as np

from graphkit.analytics import Snapshot
from graphkit.maps._basemap import on_land
from graphkit.maps._data import NodeSet
from graphkit.maps._layout import (
    force_layout,
    grid_block,
    pack_circles,
    project,
    remove_overlaps,
    spiral_around,
)

__all__ = ["network_positions", "geo_positions", "Caption"]

Caption = dict[str, Any]
_LAYOUT_WEIGHT = {"party": 1.0, "governs": 6.0, "located_in": 4.0, "program": 0.3}
_JAKARTA = (106.83, -6.18)


def _radii(ns: NodeSet) -> np.ndarray:
    return np.array([max(s[i] for s in ns.sizes) if ns.sizes else 8.0 for i in range(len(ns.keys))])


def _region_point(snapshot: Snapshot, code: str | None) -> tuple[float, float] | None:
    r = snapshot.region.get(code or "")
    if r is None:
        return None
    if r.lat is None or r.lon is None:
        p = snapshot.region.get(r.province_code)
        if p is None or p.lat is None or p.lon is None:
            return None
        return project(p.lon, p.lat)
    return project(r.lon, r.lat)


def _components(members: list[int], adj: list[set[int]], skip: set[int]) -> list[list[int]]:
    """Connected components of the ``members`` not in ``skip``, largest first."""
    left = set(members) - skip
    out = []
    while left:
        start = min(left)
        comp, todo = {start}, [start]
        while todo:
            for j in adj[todo.pop()]:
                if j in left and j not in comp:
                    comp.add(j)
                    todo.append(j)
        left -= comp
        out.append(sorted(comp))
    return sorted(out, key=lambda c: (-len(c), c[0]))


def _cluster(
    members: list[int],
    edges: list[tuple[int, int, float]],
    radii: np.ndarray,
    memo: dict[tuple[Any, ...], np.ndarray] | None = None,
) -> np.ndarray:
    """Force layout of one cluster around 0, scaled to the room its nodes need, overlaps removed.

    ``memo`` caches the force layouts: many clusters are alike (a regency and its government) and
    the layout is a pure function of the cluster's size and local ties, so each shape is computed once.
    """
    if len(members) == 1:
        return np.zeros((1, 2))
    local = {g: k for k, g in enumerate(members)}
    inner = [(local[i], local[j], w) for i, j, w in edges if i in local and j in local]
    key = (len(members), tuple(inner))
    pos = memo.get(key) if memo is not None else None
    if pos is None:
        pos = force_layout(len(members), inner, seed=len(members))
        if memo is not None:
            memo[key] = pos
    r = radii[members]
    room = (1.7 + 0.6 * math.log10(len(members))) * math.sqrt(float(np.sum((2 * r + 8) ** 2)))
    extent = float(np.linalg.norm(pos, axis=1).max()) or 1.0
    pos = pos * (room / 2 / extent)
    return remove_overlaps(pos, r, gap=8.0)


def _arrange(members: list[int], hubs: list[int], ctx: dict) -> np.ndarray:
    """Positions of ``members`` around 0: ``hubs`` in the middle, the groups that stay connected without
    them packed around, each by a force layout. While one group still holds over a third of the members,
    its own hubs (tied to a fortieth of it, at least 12) join the middle, on a ring around the first."""
    adj, radii = ctx["adj"], ctx["radii"]
    if not hubs:
        return _cluster(members, ctx["edges"], radii, ctx["memo"])
    centre_hubs, ring_hubs = list(hubs), []
    groups = _components(members, adj, set(hubs))
    for _ in range(3):
        if not groups or len(groups[0]) < max(60, len(members) / 3):
            break
        inner = set(groups[0])
        extra = sorted((i for i in inner if len(adj[i] & inner) >= max(12, len(inner) // 40)),
                       key=lambda i: (ctx["order"][i], i))  # fmt: skip
        if not extra:
            break
        ring_hubs += extra
        groups = _components(members, adj, set(centre_hubs) | set(ring_hubs))
    at = {g: k for k, g in enumerate(members)}
    pos = np.zeros((len(members), 2))
    inner_r = (
        0.0 if len(centre_hubs) == 1 else 2.5 * float(radii[centre_hubs].max()) * len(centre_hubs) / math.pi
    )
    for k, i in enumerate(centre_hubs):
        a = 2 * math.pi * k / len(centre_hubs) - math.pi / 2
        pos[at[i]] = (inner_r * math.cos(a), inner_r * math.sin(a))
    reach = inner_r + float(radii[centre_hubs].max())
    if ring_hubs:
        step = 2 * float(radii[ring_hubs].max()) + 40.0
        ring_r = max(reach + 120.0, step * len(ring_hubs) / (2 * math.pi))
        for k, i in enumerate(ring_hubs):
            a = 2 * math.pi * k / len(ring_hubs) - math.pi / 2
            pos[at[i]] = (ring_r * math.cos(a), ring_r * math.sin(a))
        reach = ring_r + float(radii[ring_hubs].max())
    shapes = [_cluster(g, ctx["edges"], radii, ctx["memo"]) for g in groups]
    extents = [
        float((np.linalg.norm(p, axis=1) + radii[g]).max()) for g, p in zip(groups, shapes, strict=True)
    ]
    for group, shape, centre_at in zip(
        groups, shapes, pack_circles(extents, centre=reach + 60.0, gap=14.0), strict=True
    ):
        pos[[at[i] for i in group]] = shape + np.array(centre_at)
    return pos


def network_positions(snapshot: Snapshot, ns: NodeSet, label: str) -> tuple[np.ndarray, list[Caption]]:
    """Hubs in the centre, every group of nodes that stays connected without them packed around (largest
    nearest), nodes with no tie at all in a captioned grid beside.

    A hub is an organization tied to at least a tenth of the tied nodes (BP2MI): drawn in the middle,
    its ties are spokes. A large group is arranged the same way around its own hubs (a province's unit
    with the regencies its programs reach); a small one (a regency with its government and schools) by
    a force layout.
    """
    n = len(ns.keys)
    radii = _radii(ns)
    adj: list[set[int]] = [set() for _ in range(n)]
    for i, j, _, _ in ns.edges:
        adj[i].add(j)
        adj[j].add(i)
    tied = [i for i in range(n) if adj[i]]
    loose = [i for i in range(n) if not adj[i]]
    weighted = [(i, j, _LAYOUT_WEIGHT.get(kind, 1.0)) for i, j, kind, _ in ns.edges]
    order = {p: k for k, p in enumerate(sorted({n["p"] or "" for n in ns.nodes}))}
    ctx = {"adj": adj, "radii": radii, "edges": weighted, "order": [order[n["p"] or ""] for n in ns.nodes],
           "memo": {}}  # fmt: skip
    pos = np.zeros((n, 2))
    captions: list[Caption] = []
    if tied:
        pos[tied] = _arrange(tied, [h for h in ns.hubs if adj[h]], ctx)
    if loose:
        final = ns.node_states[-1] if ns.node_states else [0] * n
        loose.sort(key=lambda i: (final[i], ns.nodes[i]["p"] or "", ns.nodes[i]["r"] or ""))
        dy = 2 * float(radii[loose].max()) + 8
        dx = max(dy, 64.0)  # room for a label such as "Kab. Tulang Bawang" once zoomed in
        columns = max(8, math.ceil(math.sqrt(len(loose) * dy / dx * 1.3)))
        top = float(pos[tied, 1].min()) if tied else 0.0
        left = float(pos[tied, 0].max()) + 5 * dy if tied else 0.0
        points = grid_block(len(loose), left, top + 3 * dy, columns, dx, dy)
        for i, (x, y) in zip(loose, points, strict=True):
            pos[i] = (x, y)
        captions.append({"x": left - dy / 2, "y": top + dy, "text": label, "size": max(30.0, dy * 1.6),
                         "align": "left"})  # fmt: skip
    return np.round(pos, 1), captions


def geo_positions(
    snapshot: Snapshot, ns: NodeSet, province_names: bool = True
) -> tuple[np.ndarray, list[Caption]]:
    """Regions at their capital's coordinates, organizations on a small spiral beside their region;
    captions: province names above their regencies."""
    n = len(ns.keys)
    radii = _radii(ns)
    pos = np.zeros((n, 2))
    around: dict[tuple[float, float], list[int]] = defaultdict(list)
    fallback = project(*_JAKARTA)
    for i, node in enumerate(ns.nodes):
        point = _region_point(snapshot, node["r"])
        if node["g"] == "org":
            around[point or fallback].append(i)
        else:
            pos[i] = point or fallback
    for (cx, cy), members in around.items():
        spacing = 2 * float(radii[members].max()) + 2 if members else 10.0
        for i, p in zip(members, spiral_around(cx, cy, len(members), spacing * 0.75, start=1.4), strict=True):
            pos[i] = p
    start = pos.copy()
    pos = remove_overlaps(start, radii * 0.9, gap=1.0, rounds=30)
    # a regency pushed off its island (Jakarta's cities, crowded by the organizations around them) stays
    # at its capital, and the others make room around it
    regency = np.array([node["g"] == "regency" for node in ns.nodes], bool)
    if regency.any():
        drifted = regency & on_land(start) & ~on_land(pos)
        if drifted.any():
            pos = remove_overlaps(start, radii * 0.9, gap=1.0, rounds=30, fixed=drifted)
    captions: list[Caption] = []
    if province_names:
        members_of: dict[str, list[int]] = defaultdict(list)
        for i, node in enumerate(ns.nodes):
            if node["g"] == "regency" and node["p"]:
                members_of[node["p"]].append(i)
        for code, members in sorted(members_of.items()):
            prov = snapshot.region.get(code)
            if prov is None:
                continue
            xs, ys = pos[members, 0], pos[members, 1]
            captions.append({"x": round(float(xs.mean()), 1), "y": round(float(ys.min()) - 45, 1),
                             "text": prov.short_name or prov.name, "size": 44.0,
                             "align": "center"})  # fmt: skip
    return np.round(pos, 1), captions
