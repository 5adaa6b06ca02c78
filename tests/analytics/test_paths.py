"""Approach paths (docs/DESIGN.md §7): one hand-built snapshot per rule, each checked for the path it must
give and the one it must not."""

from __future__ import annotations

import datetime as dt

from graphkit.analytics._snapshot import (
    AgreementRow,
    FollowUpRow,
    OrganizationRow,
    PartyRow,
    PlacementRow,
    ProgramRegionRow,
    ProgramRow,
    RegionRow,
    Snapshot,
)
from graphkit.analytics.coverage import coverage_status
from graphkit.analytics.paths import RULES, approach_paths, haversine_km

D = dt.date
DAY = D(2025, 6, 1)
BP2MI = OrganizationRow("bp2mi", "BP2MI", "agency", "31.74")
REGIONS = [
    RegionRow("31", "DKI Jakarta", "province", "31"),
    RegionRow("31.74", "Kota Jakarta Selatan", "regency", "31", lat=-6.26, lon=106.81),
    RegionRow("33", "Jawa Tengah", "province", "33"),
    RegionRow("33.01", "Kabupaten Cilacap", "regency", "33", lat=-7.72, lon=109.01),
    RegionRow("33.28", "Kabupaten Tegal", "regency", "33", lat=-6.99, lon=109.13),
    RegionRow("33.29", "Kabupaten Brebes", "regency", "33", lat=-6.87, lon=109.04),
    RegionRow("33.76", "Kota Tegal", "regency", "33", lat=-6.87, lon=109.14),
    RegionRow("32", "Jawa Barat", "province", "32"),
    RegionRow("32.09", "Kabupaten Cirebon", "regency", "32", lat=-6.76, lon=108.48),
]


def snap(orgs, agreements, parties, **more) -> Snapshot:
    return Snapshot(regions=REGIONS, organizations=[BP2MI, *orgs], agreements=agreements, parties=parties,
                    **more)  # fmt: skip


def paths_of(s: Snapshot, code: str, **kwargs) -> list[dict]:
    gaps = {g["code"]: g for g in approach_paths(s, DAY, coverage_status(s, DAY), **kwargs)}
    return gaps[code]["paths"] if code in gaps else None  # type: ignore[return-value]


def test_rule_1_province_government_party_to_an_agreement_in_force_gives_a_pks_under_it():
    jt = OrganizationRow("jt", "Pemerintah Provinsi Jawa Tengah", "regional_government", "33")
    s = snap(
        [jt],
        [
            AgreementRow("old", "mou", D(2019, 1, 1), D(2024, 1, 1)),
            AgreementRow("m", "mou", D(2023, 1, 1), D(2028, 1, 1)),
        ],
        [PartyRow("old", "bp2mi"), PartyRow("old", "jt"), PartyRow("m", "bp2mi"), PartyRow("m", "jt")],
    )
    paths = paths_of(s, "33.28")
    assert [(p["rule"], p["path"], p["organization_id"]) for p in paths] == [(1, "province_pks", "jt")]
    assert paths[0]["agreements"] == ["m"]  # only the one in force
    assert "PKS under it for Kabupaten Tegal" in paths[0]["why"] and "m (mou" in paths[0]["why"]
    # without provincial gaps the regency is not listed; once the MoU expired the rule is gone
    assert paths_of(s, "33.28", statuses=("program_only", "lapsed", "isolated")) is None
    late = approach_paths(s, D(2028, 1, 2), coverage_status(s, D(2028, 1, 2)))
    assert all(p["path"] != "province_pks" for g in late for p in g["paths"])


def test_rule_2_lapsed_agreements_are_renewed_with_the_same_named_partners():
    tegal = OrganizationRow("tegal", "Pemerintah Kabupaten Tegal", "regional_government", "33.28")
    uni = OrganizationRow("uni", "Universitas Pancasakti", "education", "33.76")
    s = snap(
        [tegal, uni],
        [
            AgreementRow("a", "mou", D(2018, 1, 1), D(2023, 1, 1)),
            AgreementRow("fu", "mou", D(2018, 1, 1), D(2022, 1, 1)),
        ],
        [PartyRow("a", "bp2mi"), PartyRow("a", "tegal"), PartyRow("fu", "bp2mi"), PartyRow("fu", "uni")],
        follow_ups=[FollowUpRow("f1", "fu", "training", D(2019, 1, 1), "33.29")],
    )
    assert {c.code: c.status for c in coverage_status(s, DAY)}["33.28"] == "lapsed"
    paths = paths_of(s, "33.28")
    assert [(p["rule"], p["organization_id"], p["agreements"]) for p in paths] == [(2, "tegal", ["a"])]
    assert "expired 2023-01-01" in paths[0]["why"] and "Pemerintah Kabupaten Tegal" in paths[0]["why"]
    # reached only through a follow-up: renew with the agreement's partners, wherever they are
    brebes = paths_of(s, "33.29")
    assert [(p["path"], p["organization_id"]) for p in brebes if p["rule"] == 2] == [("renew", "uni")]
    assert "follow-up" in brebes[0]["why"]
    assert all(p["organization_type"] != "agency" for p in paths + brebes)


def test_rule_3_a_program_runner_with_agreements_in_force_elsewhere():
    ngo = OrganizationRow("ngo", "Migrant Care", "community", "33.01")
    idle_ngo = OrganizationRow("idle", "Paguyuban Tanpa MoU", "community", "33.01")
    s = snap([ngo, idle_ngo], [AgreementRow("c", "mou", D(2024, 1, 1), D(2029, 1, 1))],
             [PartyRow("c", "bp2mi"), PartyRow("c", "ngo")],
             programs=[ProgramRow("p", "Desmigratif", started_on=D(2020, 1, 1)),
                       ProgramRow("q", "Posko", started_on=D(2020, 1, 1), organizations=("idle",)),
                       ProgramRow("later", "Kampung PMI", started_on=D(2026, 1, 1))],
             program_regions=[ProgramRegionRow("p", "33.28", organization_id="ngo"),
                              ProgramRegionRow("q", "33.28"),
                              ProgramRegionRow("later", "33.29", organization_id="ngo")])  # fmt: skip
    paths = [p for p in paths_of(s, "33.28") if p["rule"] == 3]
    assert [(p["rule"], p["path"], p["organization_id"], p["programs"]) for p in paths] == [
        (3, "program_partner", "ngo", ["p"])
    ]  # the runner with no agreement in force ("idle") is not proposed
    assert paths[0]["agreements"] == ["c"] and "Desmigratif" in paths[0]["why"]
    # a program not active yet on the day gives no path (Brebes' only program starts in 2026)
    assert [p["path"] for p in paths_of(s, "33.29")] == ["neighbour_partner"]


def test_rule_4_an_institution_located_in_the_regency_with_an_agreement():
    poltek = OrganizationRow("poltek", "Politeknik Harapan Bersama", "education", "33.76")
    newer = OrganizationRow("rs", "RSUD Kardinah", "health", "33.76")
    never = OrganizationRow("none", "SMK Tanpa MoU", "education", "33.76")
    s = snap(
        [poltek, newer, never],
        [
            AgreementRow("e", "mou", D(2018, 1, 1), D(2023, 1, 1)),
            AgreementRow("h", "mou", D(2019, 1, 1), D(2024, 1, 1)),
        ],
        [PartyRow("e", "bp2mi"), PartyRow("e", "poltek"), PartyRow("h", "bp2mi"), PartyRow("h", "rs")],
    )
    paths = paths_of(s, "33.76")
    assert [(p["rule"], p["path"], p["organization_id"]) for p in paths] == [
        (4, "local_partner", "rs"),
        (4, "local_partner", "poltek"),
    ]  # latest signing first; the institution with no agreement is not proposed; no rule-2 duplicate
    assert "located here" in paths[0]["why"] and "expired 2024-01-01" in paths[0]["why"]


def test_rule_5_nearest_reached_regencies_of_the_same_province_and_their_partners():
    kota = OrganizationRow("kota", "Pemerintah Kota Tegal", "regional_government", "33.76")
    cil = OrganizationRow("cil", "Pemerintah Kabupaten Cilacap", "regional_government", "33.01")
    cir = OrganizationRow("cir", "Pemerintah Kabupaten Cirebon", "regional_government", "32.09")
    s = snap(
        [kota, cil, cir],
        [AgreementRow(x, "mou", D(2024, 1, 1), D(2029, 1, 1)) for x in "abc"],
        [PartyRow("a", "bp2mi"), PartyRow("a", "kota"), PartyRow("b", "cil"), PartyRow("c", "cir")],
    )
    paths = paths_of(s, "33.28")
    assert [(p["rule"], p["via_code"], p["organization_id"]) for p in paths] == [
        (5, "33.76", "kota"),
        (5, "33.01", "cil"),
    ]  # nearest first; Cirebon (another province) is not a neighbour here
    assert paths[0]["distance_km"] == round(haversine_km(-6.99, 109.13, -6.87, 109.14), 1)
    assert paths[0]["distance_km"] < paths[1]["distance_km"]
    assert [p["via_code"] for p in paths_of(s, "33.28", nearest=1)] == ["33.76"]


def test_gaps_are_ranked_by_need_and_the_best_path_follows_the_rule_order():
    jt = OrganizationRow("jt", "Pemerintah Provinsi Jawa Tengah", "regional_government", "33")
    tegal = OrganizationRow("tegal", "Pemerintah Kabupaten Tegal", "regional_government", "33.28")
    s = snap([jt, tegal], [AgreementRow("m", "mou", D(2023, 1, 1), D(2028, 1, 1)),
                           AgreementRow("a", "mou", D(2018, 1, 1), D(2023, 1, 1))],
             [PartyRow("m", "jt"), PartyRow("a", "tegal")],
             placements=[PlacementRow("33.29", 2024, 900), PlacementRow("33.28", 2024, 400),
                         PlacementRow("33.28", 2023, 5000)])  # fmt: skip
    gaps = approach_paths(s, DAY, coverage_status(s, DAY), placements=s.placements)
    assert [(g["rank"], g["code"], g["placements"]) for g in gaps[:2]] == [
        (1, "33.29", 900),
        (2, "33.28", 400),
    ]
    tegal_paths = gaps[1]["paths"]
    assert [p["rule"] for p in tegal_paths] == sorted(p["rule"] for p in tegal_paths)
    assert [p["path"] for p in tegal_paths][:2] == ["province_pks", "renew"]
    assert {p["path"] for g in gaps for p in g["paths"]} <= set(RULES)
    # a regency with nothing around it still appears, with no path (Jakarta Selatan: only BP2MI is there)
    assert next(g for g in gaps if g["code"] == "31.74")["paths"] == []
