"""Everything the brief shows, from one snapshot: headline figures, provinces, gaps, expiring, changes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from graphkit.analytics._snapshot import Snapshot
from graphkit.analytics.expiry import add_months
from graphkit.analytics.followup import party_names
from graphkit.reports._planning import approach_paths, changes, section_records
from graphkit.reports._reports import coverage, expiring, followup, records

__all__ = ["BriefData", "collect", "PUBLISHED_PARTNERS_SINCE_2018", "completeness_line"]

#: Partners BP2MI reported having agreements with since 2018 (195 regional governments, 128 education,
#: 14 health, 2 financial, 3 government institutions; BP2MI, 14 March 2024): the fallback denominator.
PUBLISHED_PARTNERS_SINCE_2018 = 342
TOP_GAPS = 10
MAX_ROWS = 25


@dataclass
class BriefData:
    as_of: dt.date
    since: dt.date
    dataset: str | None
    synthetic: bool
    term_years: int | None
    counts: dict[str, int]
    regencies: int
    reached: int
    workers: int | None
    workers_reached: int | None
    reached_share: float | None
    in_force: int
    idle: int
    expiring_until: dt.date
    expiring: list[dict[str, Any]]
    provinces: list[dict[str, Any]]
    gaps: list[dict[str, Any]]
    gap_total: int
    change_regencies: list[dict[str, Any]]
    change_counts: dict[str, int]
    event_counts: dict[str, int]
    movers: list[dict[str, Any]]
    partners_named: int
    completeness: list[str] = field(default_factory=list)

    @property
    def idle_share(self) -> float | None:
        return self.idle / self.in_force if self.in_force else None

    def figures(self) -> dict[str, Any]:
        """The headline figures as plain values (what the page prints and tests read)."""
        return {"regencies": self.regencies, "reached": self.reached, "counts": dict(self.counts),
                "reached_share": self.reached_share, "in_force": self.in_force, "idle": self.idle,
                "idle_share": self.idle_share, "expiring_6m": len(self.expiring),
                "synthetic": self.synthetic}  # fmt: skip


def completeness_line(data: BriefData) -> str:
    """How complete real data is: the dataset's own statements, else partners named out of those reported.

    >>> d = BriefData(dt.date(2025, 1, 1), dt.date(2024, 1, 1), "news", False, 5, {}, 514, 9, None, None,
    ...               None, 9, 9, dt.date(2025, 7, 1), [], [], [], 0, [], {}, {}, [], 8)
    >>> completeness_line(d)
    'names 8 of 342 partners BP2MI reported since 2018 (BP2MI, 14 March 2024): coverage here is a lower bound'
    >>> d.completeness = ["names 9 of 342 partners reported"]
    >>> completeness_line(d)
    'names 9 of 342 partners reported'
    """
    if data.completeness:
        return "; ".join(data.completeness)
    return (
        f"names {data.partners_named} of {PUBLISHED_PARTNERS_SINCE_2018} partners BP2MI reported since "
        f"2018 (BP2MI, 14 March 2024): coverage here is a lower bound"
    )


def collect(snapshot: Snapshot, as_of: dt.date, since: dt.date, completeness: list[str]) -> BriefData:
    """Run the reports the brief needs on one snapshot."""
    prov = coverage(as_of, by="province", snapshot=snapshot)
    a = prov.attrs
    until = add_months(as_of, 6)
    exp = records(expiring(as_of, within="6m", snapshot=snapshot))
    for e in exp:  # partners only: BP2MI and its units are party to nearly everything
        e["parties"] = party_names(snapshot, e["id"], agencies=False) or e["parties"]
    fu = followup(as_of, snapshot=snapshot)
    paths = records(approach_paths(as_of, snapshot=snapshot))
    gaps: list[dict[str, Any]] = []
    seen: set[str] = set()
    for row in paths:
        if row["code"] in seen:
            continue
        seen.add(row["code"])
        gaps.append(row)
    ch = changes(since, as_of, top=5, snapshot=snapshot)
    regions = snapshot.region
    provinces = []
    for p in records(prov):
        r = regions.get(p["province_code"])
        provinces.append({**p, "lat": r.lat if r else None, "lon": r.lon if r else None,
                          "short_name": (r.short_name or r.name) if r else p["province"]})  # fmt: skip
    partners = {p.organization_id for p in snapshot.parties
                if (o := snapshot.organization.get(p.organization_id)) and o.type != "agency"}  # fmt: skip
    counts = a["counts"]
    return BriefData(
        as_of=as_of, since=since, dataset=snapshot.dataset, synthetic=snapshot.synthetic,
        term_years=snapshot.term_years, counts=counts, regencies=a["regencies"],
        reached=counts.get("active", 0) + counts.get("idle", 0), workers=a.get("workers"),
        workers_reached=a.get("workers_reached"), reached_share=a.get("reached_share"),
        in_force=fu.attrs["agreements"], idle=fu.attrs["states"].get("none", 0), expiring_until=until,
        expiring=exp, provinces=provinces, gaps=gaps[:TOP_GAPS], gap_total=len(gaps),
        change_regencies=section_records(ch, "regencies"), change_counts=ch.attrs["changes"],
        event_counts=ch.attrs["events"], movers=section_records(ch, "movers"), partners_named=len(partners),
        completeness=completeness,
    )  # fmt: skip
