"""graphkit.sync._model, pure: the graph a dataset should become (no database involved)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest
from graph_state import BASE, write_dataset

import graphkit
from graphkit.dataset._regions import provinces, regencies
from graphkit.dataset._validate import validate_dataset
from graphkit.store._cypher import get_query
from graphkit.sync._load_plan import primary_label
from graphkit.sync._model import (
    CREATE_QUERIES,
    LINK_QUERIES,
    NODE_LABELS,
    REFERENCE_SOURCE,
    REL_TYPES,
    GraphModel,
    build_model,
)
from graphkit.synthetic._generate import generate

NEWS = Path(graphkit.__file__).parent / "data" / "news"


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> GraphModel:
    return build_model(validate_dataset(write_dataset(tmp_path_factory.mktemp("model") / "data")))


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory) -> tuple[GraphModel, dict[str, int]]:
    folder = tmp_path_factory.mktemp("national")
    summary = generate(folder, scale=1, seed=5)
    return build_model(validate_dataset(folder)), summary.counts


def _dangling(model: GraphModel) -> list[tuple[str, ...]]:
    return [k for k in model.rels if (k[1], k[2]) not in model.nodes or (k[3], k[4]) not in model.nodes]


def test_every_relationship_joins_two_nodes_of_the_model(small, national) -> None:
    news = build_model(validate_dataset(NEWS))
    for model in (small, national[0], news):
        assert model.rels and _dangling(model) == []
        assert {k[0] for k in model.rels} <= set(REL_TYPES)
        assert {label for label, _ in model.nodes} <= set(NODE_LABELS)


def test_reference_regions_are_always_there_with_their_province(small) -> None:
    labels = Counter(label for label, _ in small.nodes)
    assert (labels["Province"], labels["Regency"]) == (len(provinces()), len(regencies())) == (38, 514)
    in_province = {k[2]: k[4] for k in small.rels if k[0] == "IN_PROVINCE"}
    assert in_province == {r.code: r.province_code for r in regencies()}
    sourced = {k[2] for k in small.rels if k[0] == "SOURCED_FROM" and k[4] == REFERENCE_SOURCE["id"]}
    assert len(sourced) == 38 + 514
    tegal = small.nodes[("Regency", "33.28")]
    assert (tegal["code"], tegal["name"], tegal["province_code"]) == ("33.28", "Kabupaten Tegal", "33")
    assert isinstance(tegal["lat"], float) and isinstance(tegal["lon"], float)


def test_agreement_expiry_is_written_or_assumed_from_the_term(tmp_path: Path) -> None:
    ds = validate_dataset(write_dataset(tmp_path / "d"))
    five, three = build_model(ds), build_model(ds, term_years=3)
    mou, pks = five.nodes[("Agreement", "mou-1")], five.nodes[("Agreement", "pks-1")]
    assert (mou["expires_on"], mou["expiry_assumed"]) == (dt.date(2025, 1, 15), False)
    assert (pks["expires_on"], pks["expiry_assumed"]) == (dt.date(2026, 3, 1), True)
    assert three.nodes[("Agreement", "pks-1")]["expires_on"] == dt.date(2024, 3, 1)
    assert three.nodes[("Agreement", "mou-1")]["expires_on"] == dt.date(2025, 1, 15)
    assert three.nodes[("Dataset", "current")]["term_years"] == 3


def test_who_governs_and_who_is_located(small) -> None:
    governs = {(k[2], k[3], k[4]) for k in small.rels if k[0] == "GOVERNS"}
    located = {(k[2], k[3], k[4]) for k in small.rels if k[0] == "LOCATED_IN"}
    assert governs == {("pemkab-tegal", "Regency", "33.28")}
    assert located == {("bp2mi", "Regency", "31.74"), ("unnes", "Regency", "33.74")}


def test_relationship_properties_and_keys(small) -> None:
    parties = {(k[2], k[4]): v for k, v in small.rels.items() if k[0] == "PARTY_TO"}
    assert parties[("bp2mi", "mou-1")] == {"role": "first_party"}
    assert parties[("unnes", "pks-1")] == {"role": "second_party"}
    active = [v for k, v in small.rels.items() if k[0] == "ACTIVE_IN"]
    assert active == [{"since": dt.date(2019, 2, 1), "organization_id": "bp2mi"}]
    assert ("UNDER", "Agreement", "pks-1", "Agreement", "mou-1") in small.rels
    scopes = {k[4] for k in small.rels if k[0] == "HAS_SCOPE" and k[2] == "mou-1"}
    assert scopes == {"protection", "coordination"}
    placement = small.nodes[("Placement", "33.28/2020")]
    assert (placement["region"], placement["year"], placement["workers"]) == ("33.28", 2020, 1200)
    assert ("IN_REGION", "Placement", "33.28/2020", "Regency", "33.28") in small.rels


def test_placement_key_is_region_year_and_destination_if_given(tmp_path: Path) -> None:
    rows = "region,year,destination,workers\n33.28,2020,Taiwan,700\n33.28,2020,Hong Kong,500\n"
    rows += "33.29,2020,,90\n"  # a total: no destination
    model = build_model(validate_dataset(write_dataset(tmp_path / "d", {"placements.csv": rows})))
    keys = sorted(key for label, key in model.nodes if label == "Placement")
    assert keys == ["33.28/2020/Hong Kong", "33.28/2020/Taiwan", "33.29/2020"]
    assert model.nodes[("Placement", "33.28/2020/Hong Kong")] == {
        "id": "33.28/2020/Hong Kong", "region": "33.28", "year": 2020, "destination": "Hong Kong",
        "workers": 500,
    }  # fmt: skip
    assert "destination" not in model.nodes[("Placement", "33.29/2020")]
    regions = {k[2]: k[4] for k in model.rels if k[0] == "IN_REGION" and k[1] == "Placement"}
    assert regions == {"33.28/2020/Hong Kong": "33.28", "33.28/2020/Taiwan": "33.28", "33.29/2020": "33.29"}


def test_scaled_model_has_one_placement_node_per_row(tmp_path: Path) -> None:
    summary = generate(tmp_path, scale=2, seed=5)
    model = build_model(validate_dataset(tmp_path))
    placements = [props for (label, _), props in model.nodes.items() if label == "Placement"]
    assert len(placements) == summary.placements > 514 * 7
    assert sum("destination" in p for p in placements) > 514 * 7


def test_no_private_or_empty_property_reaches_the_graph(small) -> None:
    for props in [*small.nodes.values(), *small.rels.values()]:
        assert not any(k.startswith("_") for k in props), props
        assert None not in props.values(), props
    unnes = small.nodes[("Organization", "unnes")]
    assert "source_id" not in unnes and unnes["aliases"] == ["UNNES"]


def test_node_keys_are_in_their_properties(small, national) -> None:
    for model in (small, national[0]):
        for (label, key), props in model.nodes.items():
            assert props[NODE_LABELS[label][0]] == key


def test_national_model_has_one_node_per_row(national) -> None:
    model, counts = national
    labels = Counter(label for label, _ in model.nodes)
    assert labels["Organization"] == counts["organizations"]
    assert labels["Agreement"] == counts["agreements"]
    assert labels["FollowUp"] == counts["follow_ups"]
    assert labels["Placement"] == counts["placements"]
    assert labels["Program"] == counts["programs"]
    rels = Counter(k[0] for k in model.rels)
    assert rels["PARTY_TO"] == counts["parties"]
    assert rels["ACTIVE_IN"] == counts["program_regions"]
    assert model.nodes[("Dataset", "current")]["synthetic"] is True


def test_same_dataset_same_model(tmp_path: Path) -> None:
    folder = write_dataset(tmp_path / "d")
    assert build_model(validate_dataset(folder)) == build_model(validate_dataset(folder))
    other = write_dataset(tmp_path / "e", {"placements.csv": BASE["placements.csv"].replace("1200", "1201")})
    assert build_model(validate_dataset(other)) != build_model(validate_dataset(folder))


def test_write_queries_exist_and_take_rows() -> None:
    assert set(CREATE_QUERIES) == set(NODE_LABELS)
    assert set(LINK_QUERIES) == set(REL_TYPES)
    names = [*CREATE_QUERIES.values(), *(q for pair in LINK_QUERIES.values() for q in pair)]
    for name in names:
        q = get_query(name)
        assert q.declared == {"rows"} and "CREATE" in q.text, name
    for label, query in CREATE_QUERIES.items():
        assert f":{label})" in get_query(query).text or f":Region:{label})" in get_query(query).text


def test_primary_label_prefers_the_managed_label() -> None:
    assert primary_label(["Region", "Province"]) == "Province"
    assert primary_label(["Agreement"]) == "Agreement"
    assert primary_label(["Region"]) is None and primary_label([]) is None
