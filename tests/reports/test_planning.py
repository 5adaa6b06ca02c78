"""``graphkit.changes`` and ``graphkit.approach_paths`` on the real embedded database: the status changes
equal the difference of two ``coverage`` runs (hand-built dataset and the national synthetic one), and the
CLI prints every section in every format."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from coverage_dataset import write_dataset

import graphkit
from graphkit.sync._load import load_dataset

D = dt.date


def _difference(graph, start: dt.date, end: dt.date) -> dict[str, tuple[str, str]]:
    before = graphkit.coverage(start, graph=graph).set_index("code")["status"]
    after = graphkit.coverage(end, graph=graph).set_index("code")["status"]
    return {c: (before[c], after[c]) for c in after.index if before[c] != after[c]}


def _changed(df) -> dict[str, tuple[str, str]]:
    rows = df[df["section"] == "regencies"]
    return {r.code: (r.from_status, r.to_status) for r in rows.itertuples()}


@pytest.fixture(scope="module")
def hand_built(graph, tmp_path_factory):
    load_dataset(write_dataset(tmp_path_factory.mktemp("cov") / "coverage"), graph)
    return graph


@pytest.mark.parametrize(
    "start,end",
    [
        (D(2020, 1, 1), D(2024, 12, 31)),
        (D(2023, 3, 10), D(2023, 3, 11)),
        (D(2024, 6, 1), D(2027, 1, 2)),
        (D(2022, 1, 1), D(2022, 1, 1)),
    ],
)
def test_changes_equal_the_difference_of_two_coverage_runs_hand_built(hand_built, start, end):
    df = graphkit.changes(start, end, graph=hand_built)
    assert _changed(df) == _difference(hand_built, start, end)
    assert df.attrs["from"] == start.isoformat() and df.attrs["to"] == end.isoformat()


def test_changes_name_the_agreements_of_the_window(hand_built):
    df = graphkit.changes("2023-01-01", "2024-12-31", graph=hand_built)
    regs = df[df["section"] == "regencies"].set_index("code")
    assert list(regs.loc["33.01", "signed"]) == ["A6"] and list(regs.loc["33.28", "expired"]) == ["A1"]
    events = df[df["section"] == "agreements"]
    assert sorted(zip(events["event"], events["id"], strict=True)) == [
        ("expired", "A1"),
        ("expired", "A3"),
        ("followed_up", "A4"),
        ("signed", "A6"),
    ]
    assert set(df[df["section"] == "movers"]["direction"]) <= {"up", "down"}


def test_changes_cli_json_is_one_list_with_a_section_field(hand_built, run_cli):
    done = run_cli("report", "changes", "--from", "2023-01-01", "--to", "2024-12-31", "--format", "json")
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert {r["section"] for r in rows} == {"regencies", "agreements", "movers"}
    regency = next(r for r in rows if r["section"] == "regencies")
    assert list(regency)[:7] == ["section", "code", "name", "province_code", "province", "from_status",
                                 "to_status"] and "event" not in regency  # fmt: skip
    for fmt in ("table", "csv", "markdown"):
        out = run_cli("report", "changes", "--from", "2023-01-01", "--to", "2024-12-31", "-f", fmt)
        assert out.returncode == 0 and "Kabupaten Cilacap" in out.stdout and "A6" in out.stdout
    part = run_cli("report", "changes", "--from", "2023-01-01", "--to", "2024-12-31", "--part", "agreements",
                   "-f", "csv")  # fmt: skip
    assert (
        part.stdout.splitlines()[0].startswith("section,event,date,id") and "from_status" not in part.stdout
    )
    bad = run_cli("report", "changes", "--from", "2025-01-01", "--to", "2024-01-01")
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "--from" in bad.stderr


def test_paths_cli_and_library_agree(hand_built, run_cli):
    df = graphkit.approach_paths("2024-12-31", graph=hand_built)
    best = df[df["best"]].set_index("code")
    assert best.loc["33.28", "path"] == "renew" and best.loc["33.28", "organization_id"] == "pemkab-tegal"
    assert df.attrs["regencies"] == df["code"].nunique()
    done = run_cli("report", "paths", "--as-of", "2024-12-31", "--top", "2", "--format", "json")
    rows = json.loads(done.stdout)
    assert [r["code"] for r in rows if r["best"]] == ["33.28", "33.29"]  # ranked by placements 300, 120
    assert all(r["organization_type"] != "agency" for r in rows if r["rule"])


@pytest.mark.slow
def test_changes_equal_the_difference_of_two_coverage_runs_national(graph, tmp_path: Path):
    graphkit.generate(tmp_path / "national", scale=1, seed=11)
    load_dataset(tmp_path / "national", graph)
    for start, end in ((D(2022, 6, 30), D(2024, 6, 30)), (D(2025, 1, 1), D(2025, 12, 31))):
        df = graphkit.changes(start, end, graph=graph)
        diff = _difference(graph, start, end)
        assert diff and _changed(df) == diff
        assert df.attrs["synthetic"] and bool(df["synthetic"].all())
        movers = df[df["section"] == "movers"]
        assert 0 < len(movers) <= 20 and (movers[movers["direction"] == "up"]["moved"] > 0).all()
    paths = graphkit.approach_paths(graph=graph)
    assert set(paths.dropna(subset=["rule"])["path"]) >= {"province_pks", "renew", "neighbour_partner"}
