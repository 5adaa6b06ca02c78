"""Coverage status (docs/DESIGN.md §3): pure rules on hand-built snapshots, then a hand-built dataset loaded
into the real embedded database and checked through ``graphkit report coverage --format json``."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path

import pytest
from coverage_dataset import EXPECTED, expected, write_dataset

from graphkit.analytics._snapshot import (
    AgreementRow,
    FollowUpRow,
    OrganizationRow,
    PartyRow,
    ProgramRegionRow,
    ProgramRow,
    RegionRow,
    Snapshot,
)
from graphkit.analytics.coverage import STATUSES, active_programs, agreement_reach, coverage_status
from graphkit.dataset._regions import regencies
from graphkit.sync._fetch import fetch_snapshot
from graphkit.sync._load import load_dataset

D = dt.date
REGIONS = [
    RegionRow("33", "Jawa Tengah", "province", "33"),
    RegionRow("33.28", "Kabupaten Tegal", "regency", "33"),
    RegionRow("33.76", "Kota Tegal", "regency", "33"),
]


def _status(snap: Snapshot, day: dt.date) -> dict[str, str]:
    return {r.code: r.status for r in coverage_status(snap, day)}


def _snap(**tables: list) -> Snapshot:
    return Snapshot(regions=list(REGIONS), **tables)


# ------------------------------------------------------------------------------------------ pure rules


def test_empty_snapshot_gives_no_rows_and_bare_regions_are_isolated() -> None:
    assert coverage_status(Snapshot(), D(2024, 1, 1)) == []
    rows = coverage_status(_snap(), D(2024, 1, 1))
    assert [(r.code, r.status, r.province) for r in rows] == [
        ("33.28", "isolated", "Jawa Tengah"),
        ("33.76", "isolated", "Jawa Tengah"),
    ]


def test_agency_parties_reach_nothing_even_in_a_regency() -> None:
    snap = _snap(
        organizations=[OrganizationRow("upt", "UPT Tegal", "agency", "33.28")],
        agreements=[AgreementRow("a", "mou", D(2020, 1, 1), D(2025, 1, 1))],
        parties=[PartyRow("a", "upt")],
    )
    assert agreement_reach(snap, snap.agreements[0], D(2021, 1, 1)) == {}
    assert _status(snap, D(2021, 1, 1)) == {"33.28": "isolated", "33.76": "isolated"}


def test_province_government_makes_provincial_not_reached_and_never_lapsed() -> None:
    snap = _snap(
        organizations=[OrganizationRow("jateng", "Pemprov Jateng", "regional_government", "33"),
                       OrganizationRow("kota", "Pemkot Tegal", "regional_government", "33.76")],
        agreements=[AgreementRow("a", "mou", D(2020, 1, 1), D(2022, 1, 1)),
                    AgreementRow("b", "mou", D(2020, 6, 1), D(2021, 6, 1))],
        parties=[PartyRow("a", "jateng"), PartyRow("b", "kota")],
    )  # fmt: skip
    assert _status(snap, D(2020, 7, 1)) == {"33.28": "provincial", "33.76": "idle"}
    # b expired: Kota Tegal is not reached any more, and its province government still is a party
    assert _status(snap, D(2021, 7, 1)) == {"33.28": "provincial", "33.76": "provincial"}
    assert _status(snap, D(2022, 1, 2)) == {"33.28": "isolated", "33.76": "lapsed"}
    row = coverage_status(snap, D(2020, 7, 1))[0]
    assert row.agreements == ("a",) and row.organizations == ("jateng",) and "Pemprov Jateng" in row.reason


def test_follow_up_counts_from_its_date_and_undated_from_signing() -> None:
    snap = _snap(
        organizations=[OrganizationRow("kab", "Pemkab Tegal", "regional_government", "33.28")],
        agreements=[AgreementRow("a", "mou", D(2020, 1, 1), D(2025, 1, 1)),
                    AgreementRow("b", "mou", D(2021, 1, 1), D(2026, 1, 1))],
        parties=[PartyRow("a", "kab")],
        follow_ups=[FollowUpRow("f", "a", "budget", D(2020, 5, 5)),
                    FollowUpRow("g", "b", "training", None, "33.76")],
    )  # fmt: skip
    assert _status(snap, D(2020, 5, 4)) == {"33.28": "idle", "33.76": "isolated"}
    assert _status(snap, D(2020, 5, 5)) == {"33.28": "active", "33.76": "isolated"}
    # b has no party in a regency; its undated follow-up reaches 33.76 from b's signing day
    assert _status(snap, D(2021, 1, 1)) == {"33.28": "active", "33.76": "active"}
    row = coverage_status(snap, D(2021, 1, 1))[1]
    assert row.follow_ups == ("g",) and row.organizations == ()


def test_dated_follow_up_reaches_its_region_only_from_its_date() -> None:
    snap = _snap(
        agreements=[AgreementRow("a", "mou", D(2020, 1, 1), D(2025, 1, 1))],
        follow_ups=[FollowUpRow("f", "a", "service", D(2022, 3, 1), "33.76")],
    )
    assert _status(snap, D(2022, 2, 28))["33.76"] == "isolated"
    assert _status(snap, D(2022, 3, 1))["33.76"] == "active"
    assert _status(snap, D(2025, 1, 2))["33.76"] == "lapsed"


def test_agreement_signed_later_does_not_exist_yet() -> None:
    snap = _snap(
        organizations=[OrganizationRow("kab", "Pemkab Tegal", "regional_government", "33.28")],
        agreements=[AgreementRow("a", "mou", D(2020, 1, 1), D(2021, 1, 1))],
        parties=[PartyRow("a", "kab")],
    )
    assert _status(snap, D(2019, 12, 31))["33.28"] == "isolated"  # not lapsed: it does not exist yet
    assert _status(snap, D(2020, 1, 1))["33.28"] == "idle"
    assert _status(snap, D(2021, 1, 1))["33.28"] == "idle"
    assert _status(snap, D(2021, 1, 2))["33.28"] == "lapsed"


def test_programs_since_started_on_or_always_and_program_only_beats_lapsed() -> None:
    snap = _snap(
        organizations=[OrganizationRow("kab", "Pemkab Tegal", "regional_government", "33.28")],
        agreements=[AgreementRow("a", "mou", D(2015, 1, 1), D(2016, 1, 1))],
        parties=[PartyRow("a", "kab")],
        programs=[ProgramRow("p", "LTSA", started_on=D(2020, 1, 1)), ProgramRow("q", "Desa Migran")],
        program_regions=[ProgramRegionRow("p", "33"), ProgramRegionRow("q", "33.76", D(2022, 1, 1))],
    )
    assert active_programs(snap, D(2019, 12, 31)) == {}
    assert active_programs(snap, D(2022, 1, 1)) == {"33": {"p"}, "33.76": {"q"}}
    assert _status(snap, D(2019, 12, 31)) == {"33.28": "lapsed", "33.76": "isolated"}
    assert _status(snap, D(2020, 1, 1)) == {"33.28": "program_only", "33.76": "program_only"}
    row = coverage_status(snap, D(2022, 1, 1))[1]
    assert row.programs == ("p", "q") and "q (here)" in row.reason and "p (province)" in row.reason
    # a program with neither since nor started_on is always active
    always = _snap(programs=[ProgramRow("r", "Always")], program_regions=[ProgramRegionRow("r", "33.28")])
    assert _status(always, D(1990, 1, 1))["33.28"] == "program_only"


def test_reason_says_assumed_and_names_the_latest_expiry() -> None:
    snap = _snap(
        organizations=[OrganizationRow("kab", "Pemkab Tegal", "regional_government", "33.28")],
        agreements=[AgreementRow("a", "mou", D(2020, 1, 1), D(2025, 1, 1), expiry_assumed=True),
                    AgreementRow("b", "pks", D(2021, 1, 1), D(2023, 1, 1))],
        parties=[PartyRow("a", "kab"), PartyRow("b", "kab")],
    )  # fmt: skip
    row = coverage_status(snap, D(2022, 1, 1))[0]
    assert (row.status, row.agreements, row.expires_on, row.expiry_assumed) == (
        "idle", ("a", "b"), D(2025, 1, 1), True)  # fmt: skip
    assert "a (expires 2025-01-01, assumed)" in row.reason and "b (expires 2023-01-01)" in row.reason
    lapsed = coverage_status(snap, D(2025, 1, 2))[0]
    assert lapsed.status == "lapsed" and "expired 2025-01-01, assumed" in lapsed.reason


# ----------------------------------------------------------------------- the dataset in the database


@pytest.fixture(scope="module")
def loaded(graph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = write_dataset(tmp_path_factory.mktemp("coverage") / "data")
    load_dataset(folder, graph)
    return folder


def test_every_status_occurs_in_the_hand_worked_dates() -> None:
    seen = {s for day in EXPECTED for s in expected(day).values()}
    assert seen == set(STATUSES)


@pytest.mark.parametrize("day", sorted(EXPECTED))
def test_fetched_snapshot_matches_hand_worked_statuses(graph, loaded: Path, day: dt.date) -> None:
    snap = fetch_snapshot(graph)
    assert _status(snap, day) == expected(day)


CLI_DAYS = [D(2020, 3, 10), D(2023, 1, 20), D(2023, 3, 10), D(2023, 3, 11), D(2027, 1, 2)]


@pytest.mark.parametrize("day", CLI_DAYS)
def test_cli_coverage_json_matches_hand_worked_statuses(loaded: Path, run_cli, day: dt.date) -> None:
    result = run_cli("report", "coverage", "--as-of", day.isoformat(), "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert len(rows) == len(regencies()) == 514
    assert {r["code"]: r["status"] for r in rows} == expected(day)
    for r in rows:
        assert {"code", "name", "province_code", "status", "reason"} <= r.keys()
        assert r["province_code"] == r["code"].split(".")[0]


def test_cli_coverage_reasons_name_the_deciding_rows(loaded: Path, run_cli) -> None:
    result = run_cli("report", "coverage", "--as-of", "2027-01-01", "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = {r["code"]: r for r in json.loads(result.stdout)}
    kota = rows["33.76"]
    assert (kota["status"], kota["agreements"], kota["expires_on"], kota["expiry_assumed"]) == (
        "idle", ["A2"], "2027-01-01", True)  # fmt: skip
    assert "assumed" in kota["reason"] and kota["organizations"] == ["pemkot-tegal"]
    assert rows["32.12"]["agreements"] == ["A4"] and rows["32.12"]["status"] == "lapsed"
    assert rows["52.01"]["programs"] == ["P2"] and rows["31.74"]["status"] == "isolated"
    assert all(r["synthetic"] is False for r in rows.values())


def test_cli_coverage_by_province_counts_and_reached_share(loaded: Path, run_cli) -> None:
    result = run_cli("report", "coverage", "--as-of", "2023-01-20", "--by", "province", "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = {r["province_code"]: r for r in json.loads(result.stdout)}
    assert len(rows) == 38
    jabar, jateng = rows["32"], rows["33"]
    assert (jabar["regencies"], jabar["active"], jabar["provincial"], jabar["reached"]) == (27, 2, 25, 2)
    # Jawa Barat placements: 32.12 500 + 32.09 80, both reached; Jawa Tengah: 33.28 300 reached, 33.29 120 not
    assert (jabar["workers"], jabar["workers_reached"], jabar["reached_share"]) == (580, 580, 1.0)
    assert (jateng["workers"], jateng["workers_reached"]) == (420, 300)
    assert jateng["reached_share"] == pytest.approx(300 / 420, abs=1e-4)
    assert rows["11"]["workers"] is None and rows["11"]["reached_share"] is None
    total = Counter()
    for r in rows.values():
        total.update({s: r[s] for s in STATUSES})
    assert total == Counter(expected(D(2023, 1, 20)).values())
