"""Nodes, edges and per-frame states of the node-by-node views (``network`` and ``geo``).

Nodes are every organization and region that appears in the collaboration network of any frame, plus
every regency (a regency with no tie at all still has a coverage status). Edges are the union of the
frames' edges. Per frame, each node and edge gets one small integer (see :data:`STATE_DOC`), so the
year control only flips visibility and colours in the browser.
"""

from __future__ import annotations

import copy
from typing import Any

import networkx as nx

from graphkit.analytics import STATUSES, Snapshot
from graphkit.analytics.network import EDGE_KINDS
from graphkit.dataset._schema import AGREEMENT_KINDS, ORGANIZATION_TYPES
from graphkit.maps._measures import measure
from graphkit.maps._style import SIZE_RANGES, scale_sizes
from graphkit.maps._timeline import Frame

__all__ = [
    "NodeSet",
    "build_nodeset",
    "unsized_nodeset",
    "sized_for",
    "hubs",
    "short_label",
    "regency_label",
    "STATE_DOC",
    "PROGRAM_BIT",
    "LAPSED_BIT",
]

PROGRAM_BIT = 16
LAPSED_BIT = 32
STATE_DOC = (
    "organization: bits 0-3 kinds of its agreements in force (order of `kinds`), 16 runs an active program, "
    "32 all its agreements expired; province: 1 in the network, 32 was before; regency: index in `statuses`; "
    "edge: party = kinds mask of the shared agreements in force, other kinds 1; 0 = absent"
)
_MAX_LABEL = 30


def short_label(name: str, aliases: list[str]) -> str:
    """A name short enough to draw: the name, else its shortest alias, else the name cut at 30 characters.

    >>> short_label("Badan Pelindungan Pekerja Migran Indonesia (BP2MI)", ["BP2MI"])
    'BP2MI'
    >>> short_label("Pemerintah Kabupaten Tegal", [])
    'Pemerintah Kabupaten Tegal'
    """
    if len(name) <= _MAX_LABEL:
        return name
    short = sorted((a for a in aliases if 2 <= len(a) <= _MAX_LABEL), key=len)
    if short:
        return short[0]
    return name[: _MAX_LABEL - 1].rstrip() + "…"


def regency_label(name: str, kind: str | None, short: str | None) -> str:
    """``Kab. Tegal`` / ``Kota Tegal`` from a regency's kind and short name.

    >>> regency_label("Kabupaten Tegal", "kabupaten", "Tegal"), regency_label("Kota Tegal", "kota", "Tegal")
    ('Kab. Tegal', 'Kota Tegal')
    """
    if short and kind == "kabupaten":
        return f"Kab. {short}"
    if short and kind == "kota":
        return f"Kota {short}"
    return name


class NodeSet:
    """The union of the frames' networks plus every regency, in a fixed order, with per-frame states."""

    def __init__(self) -> None:
        self.keys: list[str] = []
        self.nodes: list[dict[str, Any]] = []
        self.edges: list[tuple[int, int, str, float]] = []  # (i, j, kind, max weight)
        self.union = nx.Graph()
        self.node_states: list[list[int]] = []
        self.edge_states: list[list[int]] = []
        self.values: list[list[float]] = []  # measure per frame per node
        self.sizes: list[list[float]] = []
        self.coverage: list[list[Any]] = []
        self.hubs: list[int] = []  # organizations tied to at least a tenth of the tied nodes

    @property
    def index(self) -> dict[str, int]:
        return {k: i for i, k in enumerate(self.keys)}


def _union(frames: list[Frame]) -> tuple[nx.Graph, dict[tuple[str, str], str]]:
    union = nx.Graph()
    kind_of: dict[tuple[str, str], str] = {}
    for f in frames:
        union.add_nodes_from(f.network.nodes(data=True))
        for u, v, d in f.network.edges(data=True):
            key = (u, v) if u < v else (v, u)
            best = min([kind_of.get(key, d["kind"]), d["kind"]], key=EDGE_KINDS.index)
            kind_of[key] = best
            w = max(union.edges[u, v]["weight"], d["weight"]) if union.has_edge(u, v) else d["weight"]
            union.add_edge(u, v, weight=w)
    return union, kind_of


def _node(snapshot: Snapshot, key: str, aliases: dict[str, list[str]]) -> dict[str, Any]:
    kind, ident = key.split(":", 1)
    if kind == "org":
        o = snapshot.organization[ident]
        region = snapshot.region.get(o.region or "")
        names = aliases.get(o.id, [])
        return {"id": key, "g": "org", "t": o.type, "label": short_label(o.name, names), "name": o.name,
                "r": o.region, "p": region.province_code if region else None,
                "q": [o.name, o.id, *names]}  # fmt: skip
    r = snapshot.region[ident]
    if r.level == "province":
        return {"id": key, "g": "province", "t": None, "label": r.short_name or r.name, "name": r.name,
                "r": r.code, "p": r.code, "q": [r.name, r.code, r.short_name or r.name]}  # fmt: skip
    return {"id": key, "g": "regency", "t": None, "label": regency_label(r.name, r.kind, r.short_name),
            "name": r.name, "r": r.code, "p": r.province_code,
            "q": [r.name, r.code, r.short_name or r.name]}  # fmt: skip


def _order(snapshot: Snapshot, union: nx.Graph) -> list[str]:
    types = {t: i for i, t in enumerate(ORGANIZATION_TYPES)}
    orgs = sorted(
        (k for k in union if k.startswith("org:")),
        key=lambda k: (
            types.get(snapshot.organization[k[4:]].type, 99),
            snapshot.organization[k[4:]].name,
            k,
        ),
    )
    provinces = sorted(k for k in union if k.startswith("region:") and "." not in k)
    regencies = [f"region:{r.code}" for r in snapshot.regency_rows]
    return orgs + provinces + regencies


def _org_state(frame: Frame, org_id: str, key: str) -> int:
    g = frame.network
    state = 0
    if key in g:
        state = frame.in_force.get(org_id, 0)
        if any(g.edges[key, n]["kind"] == "program" or "program" in g.edges[key, n]["kinds"] for n in g[key]):
            state |= PROGRAM_BIT
        if state == 0:
            state = (1 << len(AGREEMENT_KINDS)) - 1
    elif org_id in frame.expired:
        state = LAPSED_BIT
    return state


def _edge_state(frame: Frame, u: str, v: str, kind: str, agreement_kind: dict[str, str]) -> int:
    g = frame.network
    if not g.has_edge(u, v):
        return 0
    if kind != "party":
        return 1
    mask = 0
    for a in g.edges[u, v].get("agreements", []):
        k = agreement_kind.get(a)
        mask |= 1 << AGREEMENT_KINDS.index(k) if k in AGREEMENT_KINDS else 0
    return mask or (1 << len(AGREEMENT_KINDS)) - 1


def build_nodeset(
    snapshot: Snapshot,
    frames: list[Frame],
    aliases: dict[str, list[str]],
    size_by: str,
    view: str = "network",
) -> NodeSet:
    """Nodes, edges, per-frame states, measure values and sizes of the node-by-node views."""
    return sized_for(unsized_nodeset(snapshot, frames, aliases, size_by), view)


def sized_for(ns: NodeSet, view: str) -> NodeSet:
    """A copy of ``ns`` with the node sizes of ``view`` (the rest is shared: the views differ only in
    their size ranges, so one :func:`unsized_nodeset` serves both node-by-node views)."""
    out = copy.copy(ns)
    _size(out, SIZE_RANGES[view])
    return out


def unsized_nodeset(
    snapshot: Snapshot, frames: list[Frame], aliases: dict[str, list[str]], size_by: str
) -> NodeSet:
    """:func:`build_nodeset` without the sizes (``sizes`` empty): see :func:`sized_for`."""
    ns = NodeSet()
    union, kind_of = _union(frames)
    ns.union = union
    ns.keys = _order(snapshot, union)
    ns.nodes = [_node(snapshot, k, aliases) for k in ns.keys]
    index = ns.index
    ns.edges = sorted(
        (index[u], index[v], kind_of[(u, v) if u < v else (v, u)], float(d["weight"]))
        for u, v, d in union.edges(data=True)
    )
    agreement_kind = {a.id: a.kind for a in snapshot.agreements}
    seen: set[str] = set()
    status_index = {s: i for i, s in enumerate(STATUSES)}
    previous: dict[str, list[Any]] = {}
    for frame in frames:
        states = []
        for key, node in zip(ns.keys, ns.nodes, strict=True):
            if node["g"] == "org":
                states.append(_org_state(frame, key[4:], key))
            elif node["g"] == "province":
                states.append(1 if key in frame.network else (LAPSED_BIT if key in seen else 0))
            else:
                row = frame.coverage.get(node["r"])
                states.append(status_index[row.status] if row else len(STATUSES) - 1)
        seen.update(frame.network.nodes)
        ns.node_states.append(states)
        ns.edge_states.append(
            [_edge_state(frame, ns.keys[i], ns.keys[j], k, agreement_kind) for i, j, k, _ in ns.edges]
        )
        values = measure(frame.network, size_by)
        ns.values.append([round(values.get(k, 0.0), 6) for k in ns.keys])
        cov: list[Any] = []
        for node in ns.nodes:
            if node["g"] != "regency":
                continue
            row = frame.coverage.get(node["r"])
            entry = [status_index[row.status], list(row.agreements), list(row.follow_ups), list(row.programs),
                     list(row.organizations)] if row else [len(STATUSES) - 1, [], [], [], []]  # fmt: skip
            cov.append(0 if previous.get(node["r"]) == entry else entry)
            previous[node["r"]] = entry
        ns.coverage.append(cov)
    ns.hubs = hubs(len(ns.keys), [(i, j) for i, j, _, _ in ns.edges], [n["g"] == "org" for n in ns.nodes])
    return ns


def hubs(n: int, edges: list[tuple[int, int]], eligible: list[bool]) -> list[int]:
    """The ``eligible`` nodes tied to a tenth of the tied nodes and to at least 12, most tied first.

    >>> hubs(15, [(0, k) for k in range(1, 15)], [True] * 15)
    [0]
    """
    degree = [0] * n
    for i, j in edges:
        degree[i] += 1
        degree[j] += 1
    tied = sum(1 for d in degree if d)
    threshold = max(12, tied // 10)
    return sorted(
        (i for i in range(n) if eligible[i] and degree[i] >= threshold), key=lambda i: (-degree[i], i)
    )


def _size(ns: NodeSet, ranges: dict[str, tuple[float, float]]) -> None:
    """Sizes per frame, scaled per node group over all frames (so a year's sizes compare with another's)."""
    ns.sizes = [[0.0] * len(ns.keys) for _ in ns.values]
    for group, (low, high) in ranges.items():
        idx = [i for i, n in enumerate(ns.nodes) if n["g"] == group]
        if not idx:
            continue
        flat = [vals[i] for vals in ns.values for i in idx]
        scaled = scale_sizes(flat, low, high)
        for f in range(len(ns.values)):
            for pos, i in enumerate(idx):
                ns.sizes[f][i] = scaled[f * len(idx) + pos]
