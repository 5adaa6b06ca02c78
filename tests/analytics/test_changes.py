"""What changed in a window: the status changes equal the difference of two coverage runs, each with the
window's events that explain it, on hand-built snapshots (the database cases are in tests/reports/)."""

from __future__ import annotations

import datetime as dt

import pytest

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
from graphkit.analytics.changes import agreement_events, rank_movers, status_changes
from graphkit.analytics.coverage import coverage_status

D = dt.date
NAMES = {
    "33.01": "Kabupaten Cilacap",
    "33.28": "Kabupaten Tegal",
    "33.29": "Kabupaten Brebes",
    "33.76": "Kota Tegal",
}
REGIONS = [RegionRow("33", "Jawa Tengah", "province", "33"),
           *(RegionRow(c, n, "regency", "33") for c, n in NAMES.items())]  # fmt: skip
ORGS = [OrganizationRow("bp2mi", "BP2MI", "agency", "31.74"),
        OrganizationRow("cil", "Pemkab Cilacap", "regional_government", "33.01"),
        OrganizationRow("tegal", "Pemkab Tegal", "regional_government", "33.28"),
        OrganizationRow("kota", "Pemkot Tegal", "regional_government", "33.76")]  # fmt: skip
S = Snapshot(
    regions=REGIONS, organizations=ORGS,
    agreements=[AgreementRow("new", "mou", D(2024, 3, 1), D(2029, 3, 1)),      # signed in the window
                AgreementRow("old", "mou", D(2019, 1, 1), D(2024, 1, 1)),      # expires in the window
                AgreementRow("done", "mou", D(2022, 1, 1), D(2027, 1, 1))],    # followed up in the window
    parties=[PartyRow("new", "bp2mi"), PartyRow("new", "cil"), PartyRow("old", "tegal"),
             PartyRow("done", "kota")],
    follow_ups=[FollowUpRow("f", "done", "budget", D(2024, 5, 1), "33.76")],
    programs=[ProgramRow("p", "LTSA", started_on=D(2020, 1, 1))],
    program_regions=[ProgramRegionRow("p", "33.29", since=D(2024, 2, 1))],
)  # fmt: skip
START, END = D(2024, 1, 1), D(2024, 12, 31)


def test_each_change_names_the_event_that_caused_it():
    rows = {r["code"]: r for r in status_changes(S, START, END)}
    assert {c: (r["from_status"], r["to_status"]) for c, r in rows.items()} == {
        "33.01": ("isolated", "idle"), "33.28": ("idle", "lapsed"), "33.29": ("isolated", "program_only"),
        "33.76": ("idle", "active"),
    }  # fmt: skip
    assert rows["33.01"]["signed"] == ["new"] and rows["33.01"]["change"] == "gained"
    assert rows["33.28"]["expired"] == ["old"] and rows["33.28"]["change"] == "lost"
    assert rows["33.76"]["followed_up"] == ["f"] and rows["33.76"]["change"] == "changed"
    assert rows["33.29"]["programs"] == ["p"] and "program started p" in rows["33.29"]["reason"]
    assert rows["33.28"]["reason"] == "expired old (2024-01-01)"


@pytest.mark.parametrize(
    "start,end",
    [
        (D(2018, 1, 1), D(2030, 1, 1)),
        (D(2024, 1, 1), D(2024, 1, 2)),
        (D(2023, 12, 31), D(2024, 1, 1)),
        (D(2024, 5, 1), D(2024, 5, 1)),
    ],
)
def test_changes_are_exactly_the_difference_of_two_coverage_runs(start, end):
    before = {r.code: r.status for r in coverage_status(S, start)}
    after = {r.code: r.status for r in coverage_status(S, end)}
    diff = {c: (before[c], after[c]) for c in after if before[c] != after[c]}
    assert {r["code"]: (r["from_status"], r["to_status"]) for r in status_changes(S, start, end)} == diff


def test_window_edges_follow_the_status_rules():
    # expiry on the first day counts (in force on D1, not on D2); signing on D1 does not (exists on D1)
    events = {(r["event"], r["id"]) for r in agreement_events(S, D(2024, 1, 1), D(2024, 3, 1))}
    assert events == {("expired", "old"), ("signed", "new")}
    assert {(r["event"], r["id"]) for r in agreement_events(S, D(2024, 3, 1), D(2024, 4, 30))} == set()
    followed = [r for r in agreement_events(S, START, END) if r["event"] == "followed_up"]
    assert [(r["id"], r["follow_ups"], r["date"]) for r in followed] == [("done", ["f"], D(2024, 5, 1))]
    assert next(r for r in agreement_events(S, START, END) if r["id"] == "new")["regions"] == ["33.01"]
    with pytest.raises(ValueError, match="starts after it ends"):
        status_changes(S, END, START)


def test_rank_movers_keeps_the_biggest_moves_each_way():
    before = {c: i for i, c in enumerate("abcdefgh", 1)}
    after = {c: i for i, c in enumerate("hgabcdef", 1)}  # h +7, g +5, the rest -2
    movers = rank_movers(before, after, top=2)
    assert [(m["direction"], m["id"], m["moved"]) for m in movers] == [
        ("up", "h", 7),
        ("up", "g", 5),
        ("down", "a", -2),
        ("down", "b", -2),
    ]
    assert rank_movers(before, before) == []
