"""Centrality measures against networkx on named reference graphs; the collaboration network's shape."""

from __future__ import annotations

import datetime as dt

import networkx as nx
import pytest
from networkx.algorithms.centrality.betweenness import (
    _accumulate_basic,
    _rescale,
    _single_source_shortest_path_basic,
)

from graphkit.analytics._snapshot import (
    AgreementRow,
    OrganizationRow,
    PartyRow,
    ProgramRegionRow,
    ProgramRow,
    RegionRow,
    Snapshot,
)
from graphkit.analytics.centrality import MEASURES, betweenness_closeness, centrality_measures
from graphkit.analytics.network import collaboration_network, network_summary

D = dt.date


def _weighted(g: nx.Graph) -> nx.Graph:
    for i, (_, _, data) in enumerate(g.edges(data=True)):
        data["weight"] = 1 + i % 3
    return g


REFERENCE = {
    "karate": nx.karate_club_graph,
    "path7": lambda: nx.path_graph(7),
    "star6": lambda: nx.star_graph(6),
    "florentine+path": lambda: nx.disjoint_union(nx.florentine_families_graph(), nx.path_graph(4)),
    "les miserables": nx.les_miserables_graph,
    "gnp200": lambda: nx.gnp_random_graph(200, 0.02, seed=3),
    "one node": lambda: nx.empty_graph(1),
    "one edge": lambda: nx.path_graph(2),
}


@pytest.mark.parametrize("name", list(REFERENCE))
def test_betweenness_and_closeness_equal_networkx(name: str) -> None:
    g = REFERENCE[name]()
    between, closeness = betweenness_closeness(g)
    expected_b = nx.betweenness_centrality(g)
    expected_c = nx.closeness_centrality(g)
    assert between == pytest.approx(expected_b, abs=1e-12)
    assert closeness == pytest.approx(expected_c, abs=1e-12)


def test_known_values_on_path_and_star() -> None:
    between, closeness = betweenness_closeness(nx.path_graph(5))
    # the middle of a 5-path lies on 4 of the 6 pairs of other nodes; normalized: 4 / 6
    assert between[2] == pytest.approx(4 / 6) and between[0] == 0.0
    assert closeness[2] == pytest.approx(4 / (1 + 1 + 2 + 2))
    star, _ = betweenness_closeness(nx.star_graph(4))
    assert star[0] == 1.0 and star[1] == 0.0


@pytest.mark.parametrize("name", ["karate", "les miserables", "gnp200"])
def test_sampled_sources_equal_networkx_estimate_from_the_same_sources(name: str) -> None:
    g = REFERENCE[name]()
    sources = list(g)[::3]
    between, _ = betweenness_closeness(g, sources=sources)
    expected = dict.fromkeys(g, 0.0)
    for s in sources:  # networkx's own estimator (betweenness_centrality with k=...) from these sources
        stack, pred, sigma, _ = _single_source_shortest_path_basic(g, s)
        expected, _ = _accumulate_basic(expected, stack, pred, sigma, s)
    expected = _rescale(
        expected, len(g), normalized=True, directed=False, endpoints=False, sampled_nodes=sources
    )
    assert between == pytest.approx(expected, abs=1e-12)


@pytest.mark.parametrize("name", ["karate", "les miserables", "florentine+path"])
def test_all_measures_equal_networkx(name: str) -> None:
    g = _weighted(REFERENCE[name]())
    result = centrality_measures(g, seed=7)
    assert result.betweenness_method == "exact" and result.betweenness_error == 0.0
    pagerank = nx.pagerank(g, weight="weight")
    core = nx.core_number(g)
    communities = nx.community.louvain_communities(g, weight="weight", seed=7)
    assert result.communities == len(communities)
    for v in g:
        row = result.values[v]
        assert set(row) == set(MEASURES)
        assert row["degree"] == g.degree(v)
        assert row["weighted_degree"] == g.degree(v, weight="weight")
        assert row["pagerank"] == pytest.approx(pagerank[v], abs=1e-9)
        assert row["core"] == core[v]
    # same partition as networkx (community numbers are by size, largest first)
    ours: dict[int, set] = {}
    for v in g:
        ours.setdefault(result.values[v]["community"], set()).add(v)
    assert sorted(map(sorted, ours.values())) == sorted(map(sorted, communities))
    assert len(ours[0]) == max(len(c) for c in communities)


def test_sampling_above_the_limit_reports_an_error_estimate() -> None:
    g = nx.les_miserables_graph()
    exact = nx.betweenness_centrality(g)
    result = centrality_measures(g, exact_limit=10, k=40, seed=1)
    assert (result.betweenness_method, result.betweenness_k) == ("sampled", 40)
    assert result.betweenness_error > 0
    worst = max(abs(result.values[v]["betweenness"] - exact[v]) for v in g)
    assert worst < 0.15  # a coarse sanity bound: 40 of 77 sources
    full = centrality_measures(g, exact_limit=10, k=len(g))  # k >= n: exact again
    assert full.betweenness_method == "exact"


def test_empty_graph() -> None:
    assert centrality_measures(nx.Graph()).values == {}
    assert betweenness_closeness(nx.Graph()) == ({}, {})
    with pytest.raises(ValueError, match="undirected"):
        betweenness_closeness(nx.DiGraph([(1, 2)]))


# ---------------------------------------------------------------------------- collaboration network


def _snapshot() -> Snapshot:
    return Snapshot(
        regions=[RegionRow("33", "Jawa Tengah", "province", "33"),
                 RegionRow("33.28", "Kabupaten Tegal", "regency", "33", lat=-7.0, lon=109.1),
                 RegionRow("33.76", "Kota Tegal", "regency", "33")],
        organizations=[OrganizationRow("bp2mi", "BP2MI", "agency", "31.74"),
                       OrganizationRow("kab", "Pemkab Tegal", "regional_government", "33.28"),
                       OrganizationRow("uni", "Universitas Tegal", "education", "33.76"),
                       OrganizationRow("upt", "BP3MI Jateng", "agency", "33"),
                       OrganizationRow("old", "Expired Partner", "private", "33.76")],
        agreements=[AgreementRow("a1", "mou", D(2020, 1, 1), D(2025, 1, 1)),
                    AgreementRow("a2", "pks", D(2021, 1, 1), D(2024, 1, 1)),
                    AgreementRow("a3", "mou", D(2015, 1, 1), D(2016, 1, 1)),
                    AgreementRow("a4", "mou", D(2030, 1, 1), D(2035, 1, 1))],
        parties=[PartyRow("a1", "bp2mi"), PartyRow("a1", "kab"),
                 PartyRow("a2", "bp2mi"), PartyRow("a2", "kab"), PartyRow("a2", "uni"),
                 PartyRow("a3", "bp2mi"), PartyRow("a3", "old"),
                 PartyRow("a4", "uni"), PartyRow("a4", "old")],
        programs=[ProgramRow("p", "LTSA", organizations=("upt",))],
        program_regions=[ProgramRegionRow("p", "33.28", D(2022, 6, 1), "upt"),
                          ProgramRegionRow("p", "33.76", D(2023, 6, 1))],
    )  # fmt: skip


def test_network_ties_weights_and_kinds_on_a_date() -> None:
    g = collaboration_network(_snapshot(), D(2023, 1, 1))
    assert sorted(g) == [
        "org:bp2mi", "org:kab", "org:uni", "org:upt", "region:33", "region:33.28", "region:33.76"
    ]  # fmt: skip
    assert g.edges["org:upt", "region:33"]["kind"] == "located_in"  # a province-level office
    assert g.edges["org:bp2mi", "org:kab"]["weight"] == 2  # a1 and a2 in force
    assert sorted(g.edges["org:bp2mi", "org:kab"]["agreements"]) == ["a1", "a2"]
    assert g.edges["org:uni", "org:kab"]["weight"] == 1 and g.edges["org:uni", "org:kab"]["kind"] == "party"
    assert g.edges["org:kab", "region:33.28"]["kind"] == "governs"
    assert g.edges["org:uni", "region:33.76"]["kind"] == "located_in"
    assert g.edges["org:upt", "region:33.28"]["programs"] == ["p"]  # since 2022-06-01; 33.76 not yet
    assert not g.has_edge("org:upt", "region:33.76")
    region = g.nodes["region:33.28"]
    assert (region["kind"], region["name"], region["lat"]) == ("region", "Kabupaten Tegal", -7.0)
    assert (g.nodes["org:kab"]["type"], g.nodes["org:kab"]["kind"]) == ("regional_government", "organization")
    # BP2MI is located in 31.74, which is not in the snapshot: no region node for it
    assert "region:31.74" not in g


def test_network_follows_the_date_and_can_leave_agencies_out() -> None:
    snap = _snapshot()
    later = collaboration_network(snap, D(2024, 1, 2))  # a2 expired: one shared agreement left
    assert later.edges["org:bp2mi", "org:kab"]["weight"] == 1 and not later.has_edge("org:kab", "org:uni")
    assert later.has_edge("org:upt", "region:33.76")  # runners of the program (no organization_id on the row)
    assert "org:old" not in collaboration_network(snap, D(2023, 1, 1))
    everyone = collaboration_network(snap, D(2023, 1, 1), all_organizations=True)
    assert "org:old" in everyone and everyone.degree("org:old") == 1  # only its own region
    without = collaboration_network(snap, D(2023, 1, 1), include_agencies=False)
    assert {n for n, t in without.nodes(data="type") if t == "agency"} == set()
    assert without.edges["org:kab", "org:uni"]["weight"] == 1
    assert network_summary(without) == {
        "nodes": 4, "organizations": 2, "regions": 2, "edges": 3, "density": 0.5, "components": 1,
        "largest_component": 4,
    }  # fmt: skip


def test_network_of_nothing() -> None:
    g = collaboration_network(Snapshot(), D(2024, 1, 1))
    assert len(g) == 0
    assert network_summary(g)["components"] == 0
