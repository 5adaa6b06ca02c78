"""The ``province`` view: one node per province (sized by its number of regencies, coloured by the share
of them an agreement in force reaches), edges where organizations of two provinces share agreements.

Used on request and automatically when the node-by-node views would be too large to draw.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from graphkit.analytics import STATUSES, Snapshot
from graphkit.analytics.coverage import REACHED_STATUSES
from graphkit.dataset._schema import AGREEMENT_KINDS
from graphkit.maps._basemap import on_land
from graphkit.maps._layout import project, remove_overlaps
from graphkit.maps._style import SIZE_RANGES, scale_sizes
from graphkit.maps._timeline import Frame

__all__ = ["ProvinceSet", "build_provinces"]


@dataclass
class ProvinceSet:
    """Province nodes, inter-province edges and per-frame states (node state = regencies reached)."""

    keys: list[str] = field(default_factory=list)
    nodes: list[dict[str, Any]] = field(default_factory=list)
    positions: np.ndarray = field(default_factory=lambda: np.zeros((0, 2)))
    edges: list[tuple[int, int, str, float]] = field(default_factory=list)
    node_states: list[list[int]] = field(default_factory=list)
    edge_states: list[list[int]] = field(default_factory=list)
    counts: list[list[list[int]]] = field(default_factory=list)  # frame -> province -> count per status
    sizes: list[list[float]] = field(default_factory=list)
    values: list[list[float]] = field(default_factory=list)
    search: list[list[Any]] = field(default_factory=list)


def _org_province(snapshot: Snapshot, org_id: str) -> str | None:
    org = snapshot.organization.get(org_id)
    region = snapshot.region.get(org.region or "") if org else None
    return region.province_code if region else None


def build_provinces(snapshot: Snapshot, frames: list[Frame], aliases: dict[str, list[str]]) -> ProvinceSet:
    """Everything the province view draws, for every frame."""
    ps = ProvinceSet()
    provinces = [r for r in snapshot.regions if r.level == "province"]
    regencies_of: dict[str, list[str]] = defaultdict(list)
    for r in snapshot.regency_rows:
        regencies_of[r.province_code].append(r.code)
    ps.keys = [f"region:{p.code}" for p in provinces]
    index = {p.code: i for i, p in enumerate(provinces)}
    counts = [len(regencies_of.get(p.code, [])) for p in provinces]
    for p, n in zip(provinces, counts, strict=True):
        ps.nodes.append({"id": f"region:{p.code}", "g": "province", "t": None,
                         "label": p.short_name or p.name, "name": p.name, "r": p.code, "p": p.code, "n": n,
                         "q": [p.name, p.code, p.short_name or p.name]})  # fmt: skip
    sizes = scale_sizes([float(c) for c in counts], *SIZE_RANGES["province"]["province"])
    pos = np.array([project(p.lon, p.lat) if p.lon is not None and p.lat is not None else (0.0, 0.0)
                    for p in provinces]).reshape(-1, 2)  # fmt: skip
    spread = remove_overlaps(pos, np.array(sizes), gap=60.0)
    drifted = on_land(pos) & ~on_land(spread)  # pushed into the sea: stays at its capital, others move
    if drifted.any():
        spread = remove_overlaps(pos, np.array(sizes), gap=60.0, fixed=drifted)
    ps.positions = np.round(spread, 1)
    for i, node in enumerate(ps.nodes):
        ps.search.append([node["name"], i, node["q"]])
    for r in snapshot.regency_rows:
        if r.province_code in index:
            ps.search.append([r.name, index[r.province_code], [r.name, r.code, r.short_name or r.name]])
    for o in snapshot.organizations:
        prov = _org_province(snapshot, o.id)
        if prov in index:
            ps.search.append([o.name, index[prov], [o.name, o.id, *aliases.get(o.id, [])]])
    reached = set(REACHED_STATUSES)
    agreement_kind = {a.id: a.kind for a in snapshot.agreements}
    weights: dict[tuple[int, int], float] = {}
    per_frame: list[dict[tuple[int, int], int]] = []
    for frame in frames:
        per_status = [[0] * len(STATUSES) for _ in provinces]
        covered = [0] * len(provinces)
        for row in frame.coverage.values():
            i = index.get(row.province_code)
            if i is None:
                continue
            per_status[i][STATUSES.index(row.status)] += 1
            covered[i] += row.status in reached
        ps.counts.append(per_status)
        ps.node_states.append(covered)
        masks: dict[tuple[int, int], int] = {}
        pair_weight: dict[tuple[int, int], float] = defaultdict(float)
        for u, v, d in frame.network.edges(data=True):
            if d.get("kind") != "party" or not (u.startswith("org:") and v.startswith("org:")):
                continue
            pu, pv = _org_province(snapshot, u[4:]), _org_province(snapshot, v[4:])
            if pu is None or pv is None or pu == pv or pu not in index or pv not in index:
                continue
            key = tuple(sorted((index[pu], index[pv])))
            for a in d.get("agreements", []):
                k = agreement_kind.get(a)
                masks[key] = masks.get(key, 0) | (
                    1 << AGREEMENT_KINDS.index(k) if k in AGREEMENT_KINDS else 15
                )
            pair_weight[key] += d.get("weight", 1)
        for key, w in pair_weight.items():
            weights[key] = max(weights.get(key, 0.0), w)  # type: ignore[index]
        per_frame.append(masks)  # type: ignore[arg-type]
    ps.edges = [(i, j, "province", w) for (i, j), w in sorted(weights.items())]
    ps.edge_states = [[masks.get((i, j), 0) for i, j, _, _ in ps.edges] for masks in per_frame]
    ps.sizes = [list(sizes) for _ in frames]
    ps.values = [[float(c) for c in counts] for _ in frames]
    return ps
