"""The five reports: library functions (DataFrames) and ``graphkit report ...`` in every format, on the
hand-built dataset of ``coverage_dataset`` loaded into the real embedded database. Expected values are
worked out by hand in the comments."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from coverage_dataset import write_dataset

from graphkit.cli import cli
from graphkit.reports import _reports
from graphkit.store import _server
from graphkit.sync._fetch import fetch_snapshot
from graphkit.sync._load import load_dataset

FIELDS = {
    "coverage": ["code", "name", "province_code", "province", "status", "reason", "agreements",
                 "organizations", "follow_ups", "programs", "expires_on", "expiry_assumed", "synthetic"],
    "isolated": ["rank", "code", "name", "province_code", "province", "status", "placements",
                 "placements_year", "reason", "agreements", "programs", "expires_on", "expiry_assumed",
                 "synthetic"],
    "centrality": ["rank", "id", "name", "type", "region", "degree", "weighted_degree", "betweenness",
                   "pagerank", "closeness", "core", "community", "synthetic"],
    "expiring": ["id", "kind", "title", "expires_on", "expiry_assumed", "days_left", "signed_on", "parties",
                 "party_ids", "regions", "region_names", "follow_up_state", "follow_ups", "synthetic"],
    "followup": ["state", "id", "kind", "title", "parties", "signed_on", "expires_on", "expiry_assumed",
                 "follow_ups", "follow_up_kinds", "last_follow_up", "days_since_signing", "idle_days",
                 "synthetic"],
}  # fmt: skip
PROVINCE_FIELDS = ["province_code", "province", "regencies", "active", "idle", "provincial", "program_only",
                   "lapsed", "isolated", "reached", "workers", "workers_reached", "reached_share",
                   "synthetic"]  # fmt: skip
DAY = "2023-01-20"
ARGS = {
    "coverage": ["coverage"],
    "isolated": ["isolated"],
    "centrality": ["centrality"],
    "expiring": ["expiring", "--within", "2y"],
    "followup": ["followup"],
}


@pytest.fixture(scope="module")
def loaded(graph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = write_dataset(tmp_path_factory.mktemp("reports") / "data")
    load_dataset(folder, graph)
    return folder


def _invoke(*args: str) -> str:
    result = CliRunner().invoke(cli, ["report", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


# ------------------------------------------------------------------------------------- every format


@pytest.mark.parametrize("report", list(ARGS))
def test_json_rows_have_the_contract_field_names(loaded: Path, run_cli, report: str) -> None:
    result = run_cli("report", *ARGS[report], "--as-of", DAY, "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert rows and all(list(r) == FIELDS[report] for r in rows)


@pytest.mark.parametrize("report", list(ARGS))
def test_every_format_renders_the_same_rows(loaded: Path, report: str, tmp_path: Path) -> None:
    rows = json.loads(_invoke(*ARGS[report], "--as-of", DAY, "-f", "json"))
    first = rows[0]["code" if "code" in rows[0] else "id"]
    table = _invoke(*ARGS[report], "--as-of", DAY)
    assert table.startswith(f"{report} as of {DAY} — dataset data") and first in table
    parsed = list(csv.reader(io.StringIO(_invoke(*ARGS[report], "--as-of", DAY, "-f", "csv"))))
    assert parsed[0] == FIELDS[report] and len(parsed) == len(rows) + 1
    markdown = _invoke(*ARGS[report], "--as-of", DAY, "-f", "markdown").splitlines()
    assert markdown[0].startswith(f"{report} as of {DAY}")
    table_lines = [ln for ln in markdown if ln.startswith("| ")]
    assert table_lines[0] == "| " + " | ".join(f for f in FIELDS[report] if f != "synthetic") + " |"
    assert len(table_lines) == len(rows) + 1
    out = tmp_path / f"{report}.json"
    assert _invoke(*ARGS[report], "--as-of", DAY, "-f", "json", "--output", str(out)) == ""
    assert json.loads(out.read_text(encoding="utf-8")) == rows


def test_help_of_every_command_ends_with_an_example() -> None:
    for command in ["--help", *(f"{r} --help" for r in ARGS)]:
        text = CliRunner().invoke(cli, ["report", *command.split()]).output
        assert text.strip().splitlines()[-1].strip().startswith("Example: graphkit report"), command


# ------------------------------------------------------------------------------------- exit codes


def test_bad_input_exits_2_and_an_unreachable_database_exits_1(loaded: Path, run_cli) -> None:
    bad_date = run_cli("report", "coverage", "--as-of", "2023-13-01")
    assert bad_date.returncode == 2 and "is not a date" in bad_date.stderr
    bad_window = run_cli("report", "expiring", "--within", "soon")
    assert bad_window.returncode == 2 and "--within" in bad_window.stderr and "90d" in bad_window.stderr
    down = run_cli("report", "coverage", env={"NEO4J_URI": "bolt://127.0.0.1:9"})
    assert down.returncode == 1 and "cannot reach" in down.stderr and "Traceback" not in down.stderr


def test_an_empty_database_says_load_first(server, run_cli) -> None:
    name = "t_reports_empty"
    try:
        result = run_cli("report", "coverage", "--database", name)
        assert result.returncode == 1 and "load a dataset first" in result.stderr
    finally:
        if server is not None:
            _server.drop_database(name)


# ------------------------------------------------------------------------------ report contents


def test_coverage_library_connects_by_itself_and_keeps_header_facts_in_attrs(loaded: Path) -> None:
    df = _reports.coverage(DAY)  # graph=None: connects to GRAPHKIT_DATABASE (this module's database)
    assert isinstance(df, pd.DataFrame) and list(df.columns) == FIELDS["coverage"] and len(df) == 514
    # by hand (coverage_dataset, 2023-01-20): 2 + 1 active in Jawa Barat/Tegal, 33.76 idle, 25 provincial
    assert df.attrs["counts"] == {"active": 3, "idle": 1, "provincial": 25, "program_only": 1, "lapsed": 1,
                                  "isolated": 483}  # fmt: skip
    assert df.attrs["as_of"] == DAY and df.attrs["synthetic"] is False and df.attrs["dataset"] == "data"
    by = _reports.coverage(DAY, by="province")
    assert list(by.columns) == PROVINCE_FIELDS and len(by) == 38
    # reached workers: 32.09 80 + 32.12 500 + 33.28 300 of 80 + 500 + 300 + 120 (33.29) + 50 (52.03)
    assert (by.attrs["workers"], by.attrs["workers_reached"]) == (1050, 880)


def test_isolated_ranked_by_placements_then_province(graph, loaded: Path) -> None:
    df = _reports.isolated_regencies("2023-03-11", graph=graph)
    top = df.head(4)[["rank", "code", "status", "placements", "placements_year"]].values.tolist()
    # 33.28 lapsed the day after A1's expiry (300 workers), Brebes program_only (120 in 2023, its latest
    # year), Lombok Timur program_only (50); then regencies without data by province code: 11.01 first
    assert top == [[1, "33.28", "lapsed", 300, 2023], [2, "33.29", "program_only", 120, 2023],
                   [3, "52.03", "program_only", 50, 2023], [4, "11.01", "isolated", None, None]]  # fmt: skip
    assert set(df["status"]) == {"lapsed", "program_only", "isolated"}
    assert "2023" in df.attrs["note"] and df.attrs["has_placements"] is True
    assert len(_reports.isolated_regencies("2023-03-11", top=2, graph=graph)) == 2
    none = dataclasses.replace(fetch_snapshot(graph), placements=[])
    bare = _reports.isolated_regencies("2023-03-11", snapshot=none)
    assert bare.attrs["has_placements"] is False and "no placement data" in bare.attrs["note"]
    assert bare["code"].head(2).tolist() == ["11.01", "11.02"] and bare["placements"].isna().all()


def test_centrality_values_worked_by_hand(graph, loaded: Path) -> None:
    df = _reports.centrality(DAY, graph=graph)
    # network on 2023-01-20: 7 organizations, 7 regions (31.74, 33.28, 33, 33.76, 32, 32.09, 33.29),
    # 4 party ties + 7 own-region ties (Brebes: governs + program on one edge), 3 components
    a = df.attrs
    assert (a["nodes"], a["organizations"], a["regions"], a["edges"], a["components"]) == (14, 7, 7, 11, 3)
    assert a["density"] == pytest.approx(11 / 91, abs=1e-4) and a["betweenness_method"] == "exact"
    # BP2MI: 18 of the 78 pairs of other nodes pass through it; Pemkab Tegal etc. carry their region: 6
    assert df["id"].tolist() == ["bp2mi", "pemkab-tegal", "pemprov-jabar", "poltek-cirebon", "pemkot-tegal",
                                 "upt-33", "pemkab-brebes"]  # fmt: skip
    values = df.set_index("id")
    assert values.loc["bp2mi", "betweenness"] == pytest.approx(18 / 78, abs=1e-6)
    assert values.loc["pemkab-tegal", "betweenness"] == pytest.approx(6 / 78, abs=1e-6)
    assert values.loc["upt-33", "betweenness"] == pytest.approx(2 / 78, abs=1e-6)
    assert values.loc["bp2mi", "degree"] == 4 and values.loc["pemkab-brebes", "weighted_degree"] == 2
    assert values.loc["pemkab-tegal", "core"] == 1
    no_agency = _reports.centrality(DAY, graph=graph, include_agencies=False)
    assert "bp2mi" not in set(no_agency["id"]) and no_agency.attrs["components"] == 5
    education = _invoke("centrality", "--as-of", DAY, "--type", "education", "--top", "3", "-f", "json")
    assert [r["id"] for r in json.loads(education)] == ["poltek-cirebon"]
    assert len(json.loads(_invoke("centrality", "--as-of", DAY, "--top", "2", "-f", "json"))) == 2


def test_expiring_within_windows(graph, loaded: Path) -> None:
    df = _reports.expiring("2023-01-01", within="2y", graph=graph)
    # in force on 2023-01-01 and ending by 2025-01-01: A1 (2023-03-10) and A3 (2024-06-01)
    assert df["id"].tolist() == ["A1", "A3"]
    a1 = _reports.records(df)[0]
    assert (a1["days_left"], a1["regions"], a1["follow_up_state"]) == (68, ["33.28"], "action_plan")
    assert a1["follow_ups"] == 1
    assert a1["parties"] == ["BP2MI", "Pemerintah Kabupaten Tegal"] and a1["expiry_assumed"] is False
    assert _reports.records(df)[1]["regions"] == ["32"]  # a province government party
    assert _reports.expiring("2023-01-01", within="6m", graph=graph)["id"].tolist() == ["A1"]
    assert _reports.expiring("2023-01-01", within="67d", graph=graph).empty
    assumed = _reports.records(_reports.expiring("2026-06-01", within="1y", graph=graph))
    assert [(r["id"], r["expiry_assumed"], r["days_left"]) for r in assumed] == [("A2", True, 214)]


def test_followup_groups_by_state_with_idle_days(graph, loaded: Path) -> None:
    rows = _reports.records(_reports.followup(DAY, graph=graph))
    # none first (most idle first): A3 since 2021-06-01, A2 since 2022-01-01; A1's action plan 2021-05-01;
    # A4: undated training (from 2022-06-15) then service on 2023-01-20
    assert [(r["state"], r["id"], r["idle_days"]) for r in rows] == [
        ("none", "A3", 598), ("none", "A2", 384), ("action_plan", "A1", 629), ("service", "A4", 0),
    ]  # fmt: skip
    a4 = rows[-1]
    assert (a4["follow_ups"], a4["days_since_signing"]) == (2, 219)
    assert a4["follow_up_kinds"] == ["training", "service"]
    assert rows[1]["expiry_assumed"] is True and str(rows[1]["expires_on"]) == "2027-01-01"
