"""The collaboration network as of a date (docs/DESIGN.md §4), as a ``networkx.Graph``.

Nodes are organizations and regions, keyed ``"org:<id>"`` and ``"region:<code>"`` (so an organization id
can never clash with a region code). Node attributes:

- every node: ``kind`` (``"organization"`` | ``"region"``), ``id`` (organization id or region code),
  ``name``, ``type`` (organization type; for a region ``"province"`` or ``"regency"``);
- organizations: ``region`` (the code it governs or is located in, or None), ``synthetic``;
- regions: ``province_code``, ``region_kind`` (kabupaten/kota/provinsi), ``short_name``, ``lat``, ``lon``.

Edges (undirected), with ``weight`` (number of ties), ``kind`` (the first tie found, in the order
``party``, ``governs``, ``located_in``, ``program``) and ``kinds`` (every kind of tie, sorted):

- organization - organization, ``party``: both are parties to the same agreement(s) in force on D;
  ``weight`` = number of shared agreements in force, ``agreements`` = their ids;
- organization - region, ``governs`` / ``located_in``: the organization's own region (weight 1);
- organization - region, ``program``: a program is active in the region on D and the organization runs
  it there (the program-region row's ``organization_id``; without one, every organization that runs the
  program); ``weight`` + 1 per program, ``programs`` = their ids; activity as in
  :func:`graphkit.analytics.coverage.active_programs`.

By default only organizations *in the network on D* are nodes: parties to an agreement in force on D or
runners of a program active on D (``all_organizations=True`` keeps all of them). Regions are nodes when
tied to a kept organization. ``include_agencies=False`` leaves out organizations of type ``agency``
(BP2MI and its units, party to nearly every agreement), which otherwise dominate every centrality.
"""

from __future__ import annotations

import datetime as dt
from itertools import combinations
from typing import Any

import networkx as nx

from graphkit.analytics._snapshot import Snapshot
from graphkit.analytics.coverage import active_program_regions

__all__ = ["collaboration_network", "network_summary", "org_node", "region_node", "EDGE_KINDS"]

EDGE_KINDS = ("party", "governs", "located_in", "program")


def org_node(org_id: str) -> str:
    """The node key of an organization.

    >>> org_node("bp2mi")
    'org:bp2mi'
    """
    return f"org:{org_id}"


def region_node(code: str) -> str:
    """The node key of a region.

    >>> region_node("33.28")
    'region:33.28'
    """
    return f"region:{code}"


Ties = dict[tuple[str, str], dict[str, Any]]


def _tie(ties: Ties, nodes: dict[str, None], u: str, v: str, kind: str, **lists: str) -> None:
    """Count one tie between ``u`` and ``v`` (created, in order, on the first one)."""
    data = ties.get((u, v)) or ties.get((v, u))
    if data is not None:
        data["weight"] += 1
        if kind not in data["kinds"]:
            data["kinds"] = sorted([*data["kinds"], kind], key=EDGE_KINDS.index)
            data["kind"] = data["kinds"][0]
    else:
        data = ties[u, v] = {"weight": 1, "kind": kind, "kinds": [kind], "agreements": [], "programs": []}
        nodes.setdefault(u)
        nodes.setdefault(v)
    for key, value in lists.items():
        data[key].append(value)


def collaboration_network(
    snapshot: Snapshot,
    as_of: dt.date,
    *,
    include_agencies: bool = True,
    all_organizations: bool = False,
) -> nx.Graph:
    """Build the collaboration network of ``snapshot`` as of ``as_of`` (see the module docstring).

    Parameters
    ----------
    snapshot : Snapshot
        Plain rows of the graph.
    as_of : datetime.date
        Only agreements in force on this day (``signed_on <= as_of <= expires_on``) and programs active
        on it make ties.
    include_agencies : bool, default True
        False leaves organizations of type ``agency`` (and their ties) out.
    all_organizations : bool, default False
        True keeps every organization as a node, even one with no agreement in force or active program.

    Returns
    -------
    networkx.Graph
        ``graph.graph`` holds ``as_of``, ``include_agencies`` and ``synthetic``.

    Examples
    --------
    >>> from graphkit.analytics._snapshot import AgreementRow, OrganizationRow, PartyRow, RegionRow
    >>> s = Snapshot(
    ...     regions=[RegionRow("33.28", "Kabupaten Tegal", "regency", "33")],
    ...     organizations=[OrganizationRow("bp2mi", "BP2MI", "agency"),
    ...                    OrganizationRow("tegal", "Pemkab Tegal", "regional_government", "33.28"),
    ...                    OrganizationRow("uni", "Universitas X", "education")],
    ...     agreements=[AgreementRow("a1", "mou", dt.date(2020, 1, 1), dt.date(2025, 1, 1)),
    ...                 AgreementRow("a2", "mou", dt.date(2021, 1, 1), dt.date(2022, 1, 1))],
    ...     parties=[PartyRow("a1", "bp2mi"), PartyRow("a1", "tegal"),
    ...              PartyRow("a2", "bp2mi"), PartyRow("a2", "uni")])
    >>> g = collaboration_network(s, dt.date(2023, 1, 1))
    >>> sorted(g.edges(data="kind"))
    [('org:bp2mi', 'org:tegal', 'party'), ('org:tegal', 'region:33.28', 'governs')]
    >>> sorted(collaboration_network(s, dt.date(2023, 1, 1), include_agencies=False))
    ['org:tegal', 'region:33.28']
    """
    g = nx.Graph(as_of=as_of, include_agencies=include_agencies, synthetic=snapshot.synthetic)
    # ties and nodes are collected in plain dicts (in the order a Graph would get them) and added at once
    ties: Ties = {}
    nodes: dict[str, None] = {}
    kept = {o.id for o in snapshot.organizations if include_agencies or o.type != "agency"}

    active: set[str] = set()
    parties_of = snapshot.parties_of
    for a in snapshot.agreements:
        if not a.in_force_on(as_of):
            continue
        orgs = sorted({p.organization_id for p in parties_of.get(a.id, ()) if p.organization_id in kept})
        active.update(orgs)
        for u, v in combinations(orgs, 2):
            key = (f"org:{u}", f"org:{v}")  # org_node(); party ties always in sorted order
            data = ties.get(key)
            if data is None or "party" not in data["kinds"]:
                _tie(ties, nodes, *key, "party", agreements=a.id)
            else:  # the common case inlined: one more shared agreement
                data["weight"] += 1
                data["agreements"].append(a.id)
    for pr in sorted(active_program_regions(snapshot, as_of), key=lambda r: (r.region, r.program_id)):
        if pr.region not in snapshot.region:
            continue
        program = snapshot.program.get(pr.program_id)
        runners = [pr.organization_id] if pr.organization_id else (program.organizations if program else ())
        for org_id in runners:
            if org_id in kept:
                active.add(org_id)
                _tie(ties, nodes, org_node(org_id), region_node(pr.region), "program", programs=pr.program_id)
    for org in snapshot.organizations:
        if org.id not in kept or not (all_organizations or org.id in active):
            continue
        nodes.setdefault(org_node(org.id))
        if org.region and org.region in snapshot.region:
            kind = "governs" if org.governs else "located_in"
            _tie(ties, nodes, org_node(org.id), region_node(org.region), kind)
    g.add_nodes_from(nodes)
    g.add_edges_from((u, v, data) for (u, v), data in ties.items())
    for node in g:
        kind, key = node.split(":", 1)
        if kind == "org":
            o = snapshot.organization[key]
            g.nodes[node].update(kind="organization", id=o.id, name=o.name, type=o.type, region=o.region,
                                 synthetic=o.synthetic)  # fmt: skip
        else:
            r = snapshot.region[key]
            g.nodes[node].update(kind="region", id=r.code, name=r.name, type=r.level,
                                 province_code=r.province_code, region_kind=r.kind,
                                 short_name=r.short_name, lat=r.lat, lon=r.lon)  # fmt: skip
    return g


def network_summary(g: nx.Graph) -> dict[str, Any]:
    """Size facts of a network: nodes, organizations, regions, edges, density, components, largest component.

    >>> network_summary(nx.path_graph(3))["density"]
    0.6667
    >>> network_summary(nx.Graph())["components"]
    0
    """
    kinds = [k for _, k in g.nodes(data="kind")]
    comps = [len(c) for c in nx.connected_components(g)] if len(g) else []
    return {
        "nodes": g.number_of_nodes(),
        "organizations": kinds.count("organization"),
        "regions": kinds.count("region"),
        "edges": g.number_of_edges(),
        "density": round(nx.density(g), 4) if len(g) > 1 else 0.0,
        "components": len(comps),
        "largest_component": max(comps, default=0),
    }
