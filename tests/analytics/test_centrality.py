"""Centrality measures against networkx on named reference graphs; the collaboration network's shape."""

from __future__ import annotations

import datetime as dt

import networkx as nx
import numpy as np
import pytest
from networkx.algorithms.centrality.betweenness import (
    _accumulate_basic,
    _rescale,
    _single_source_shortest_path_basic,
)

from graphkit.analytics._bfs import adjacency
from graphkit.analytics._snapshot import (
    AgreementRow,
    OrganizationRow,
    PartyRow,
    ProgramRegionRow,
    ProgramRow,
    RegionRow,
    Snapshot,
)
from graphkit.analytics.centrality import MEASURES, betweenness_closeness, centrality_measures, core_numbers
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


def _closeness_errors(g: nx.Graph, **options: int) -> tuple[object, dict, float]:
    """The result with ``options``, networkx's exact closeness and the true max error of the estimate."""
    result = centrality_measures(g, **options)
    exact = nx.closeness_centrality(g)
    worst = max(abs(result.values[v]["closeness"] - exact[v]) for v in g)
    return result, exact, worst


def _big_graph() -> nx.Graph:
    return nx.connected_watts_strogatz_graph(600, 4, 0.1, seed=5)


def test_sampled_closeness_reports_the_true_error_of_its_checked_nodes() -> None:
    g = _big_graph()
    options = {"exact_limit": 100, "k": 80, "seed": 3}
    unchecked, exact, worst = _closeness_errors(g, check=0, **options)
    assert (unchecked.closeness_method, unchecked.closeness_k, unchecked.closeness_checked) == (
        "sampled",
        80,
        0,
    )
    assert unchecked.closeness_error == 0.0 and worst > 0  # an estimate, not exact
    assert worst < 0.1 * max(exact.values())  # Eppstein-Wang from 80 of 600 nodes: within a few percent
    # checking every estimated node: the reported error is the estimate's true max error, values exact
    everyone, _, none = _closeness_errors(g, check=10**6, **options)
    assert everyone.closeness_checked == len(g) - 80 and none == pytest.approx(0, abs=1e-12)
    assert everyone.closeness_error == pytest.approx(worst, rel=1e-9)
    # the same estimates (check never changes them) checked on the 60 of highest closeness and 60 random
    # nodes: the reported error is their true max error and bounds what is left after they become exact
    some, _, left = _closeness_errors(g, check=60, **options)
    assert some.closeness_checked == 120
    assert 0 < some.closeness_error <= worst and left <= some.closeness_error
    assert worst <= 1.5 * some.closeness_error
    # betweenness is estimated from the same sample as before closeness was sampled too
    picked = [list(g)[i] for i in np.random.default_rng(3).choice(len(g), size=80, replace=False)]
    between, _ = betweenness_closeness(g, sources=picked)
    assert {v: some.values[v]["betweenness"] for v in g} == pytest.approx(between, abs=1e-12)
    assert some.betweenness_method == "sampled"


def test_sampled_closeness_of_a_disconnected_graph() -> None:
    # an estimated giant, a component above the limit with few of the 60 sampled sources (topped up to 60),
    # and small components (exact; some with a sampled source, some without): paths, a star, lone nodes
    parts = [nx.connected_watts_strogatz_graph(500, 4, 0.1, seed=1), nx.path_graph(90), nx.star_graph(20),
             nx.path_graph(4), nx.empty_graph(3), nx.complete_graph(5)]  # fmt: skip
    g = nx.disjoint_union_all(parts)
    result, exact, _ = _closeness_errors(g, exact_limit=50, k=60, seed=2, check=10**6)
    assert (result.closeness_method, result.closeness_k) == ("sampled", 60)
    assert result.closeness_checked == (500 - 60) + (90 - 60)
    small = [v for v in g if v >= 590]
    assert {v: result.values[v]["closeness"] for v in small} == pytest.approx(
        {v: exact[v] for v in small}, abs=1e-12
    )
    estimate, _, worst = _closeness_errors(g, exact_limit=50, k=60, seed=2, check=0)
    assert worst == pytest.approx(result.closeness_error, rel=1e-9) and worst > 0
    path = {v: estimate.values[v]["closeness"] - exact[v] for v in range(500, 590)}  # 90 nodes, 60 sources
    assert sum(abs(e) > 1e-12 for e in path.values()) == 30  # the others' are exact
    assert max(map(abs, path.values())) < 0.2 * exact[545]
    # every component at most max(exact_limit, k): betweenness sampled, closeness exact
    tiny = nx.disjoint_union_all([nx.path_graph(40)] * 5)
    exact_tiny = nx.closeness_centrality(tiny)
    r = centrality_measures(tiny, exact_limit=50, k=60, seed=2)
    assert (r.betweenness_method, r.closeness_method, r.closeness_error) == ("sampled", "exact", 0.0)
    assert {v: r.values[v]["closeness"] for v in tiny} == pytest.approx(exact_tiny, abs=1e-12)


def test_sampling_is_deterministic_for_a_seed() -> None:
    g = _big_graph()
    one, two = (centrality_measures(g, exact_limit=100, k=50, seed=4, check=20) for _ in range(2))
    other = centrality_measures(g, exact_limit=100, k=50, seed=5, check=20)
    assert one.values == two.values and one.closeness_error == two.closeness_error
    assert [one.values[v]["closeness"] for v in g] != [other.values[v]["closeness"] for v in g]


@pytest.mark.parametrize("name", list(REFERENCE))
def test_core_numbers_equal_networkx(name: str) -> None:
    g = REFERENCE[name]()
    nodes, a = adjacency(g)
    assert dict(zip(nodes, core_numbers(a).tolist(), strict=True)) == nx.core_number(g)


def test_core_numbers_of_long_chains_and_nested_cores() -> None:
    g = nx.disjoint_union_all(
        [nx.path_graph(300), nx.complete_graph(7), nx.barabasi_albert_graph(300, 3, seed=1)]
    )
    nodes, a = adjacency(g)
    assert dict(zip(nodes, core_numbers(a).tolist(), strict=True)) == nx.core_number(g)


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
