"""Where the gaps are: regencies no agreement in force reaches, ranked by need, and per-province coverage.

*Need* is the number of migrant workers placed abroad from the regency in the most recent year with data
for it (``placements``, ``placements_year``); regencies without placement data rank after those with
data, then by province and code.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from graphkit.analytics._snapshot import PlacementRow, RegionRow
from graphkit.analytics.coverage import REACHED_STATUSES, STATUSES, CoverageRow

__all__ = ["GAP_STATUSES", "latest_placements", "isolated_rows", "province_rows"]

#: Statuses of a regency that no agreement in force reaches (docs/DESIGN.md §3, statuses 4-6).
GAP_STATUSES = ("program_only", "lapsed", "isolated")


def latest_placements(placements: Sequence[PlacementRow]) -> dict[str, tuple[int, int]]:
    """``{region code: (year, workers)}`` for the most recent year with data of each region.

    >>> latest_placements([PlacementRow("33.28", 2022, 10), PlacementRow("33.28", 2023, 7)])
    {'33.28': (2023, 7)}
    """
    out: dict[str, tuple[int, int]] = {}
    for p in placements:
        if p.region not in out or p.year > out[p.region][0]:
            out[p.region] = (p.year, p.workers)
    return out


def isolated_rows(
    coverage: Sequence[CoverageRow], placements: Sequence[PlacementRow] = ()
) -> list[dict[str, Any]]:
    """The coverage rows with a gap status (:data:`GAP_STATUSES`), ranked by need.

    Fields: ``rank``, ``code``, ``name``, ``province_code``, ``province``, ``status``, ``placements``
    (workers, None without data), ``placements_year``, ``reason``, ``agreements``, ``programs``,
    ``expires_on`` (for ``lapsed``: the latest expiry), ``expiry_assumed``.

    >>> rows = [CoverageRow("33.28", "Kabupaten Tegal", "33", "Jawa Tengah", "isolated", "-"),
    ...         CoverageRow("33.76", "Kota Tegal", "33", "Jawa Tengah", "lapsed", "-"),
    ...         CoverageRow("33.01", "Kabupaten Cilacap", "33", "Jawa Tengah", "active", "-")]
    >>> [(r["rank"], r["code"], r["placements"])
    ...  for r in isolated_rows(rows, [PlacementRow("33.76", 2023, 40), PlacementRow("33.28", 2023, 5)])]
    [(1, '33.76', 40), (2, '33.28', 5)]
    >>> [r["code"] for r in isolated_rows(rows)]
    ['33.28', '33.76']
    """
    latest = latest_placements(placements)
    rows = []
    for c in coverage:
        if c.status not in GAP_STATUSES:
            continue
        year, workers = latest.get(c.code, (None, None))
        rows.append({
            "rank": 0,
            "code": c.code,
            "name": c.name,
            "province_code": c.province_code,
            "province": c.province,
            "status": c.status,
            "placements": workers,
            "placements_year": year,
            "reason": c.reason,
            "agreements": list(c.agreements),
            "programs": list(c.programs),
            "expires_on": c.expires_on,
            "expiry_assumed": c.expiry_assumed,
        })  # fmt: skip
    rows.sort(key=lambda r: (r["placements"] is None, -(r["placements"] or 0), r["province_code"], r["code"]))
    for i, r in enumerate(rows, 1):
        r["rank"] = i
    return rows


def province_rows(
    coverage: Sequence[CoverageRow], provinces: Sequence[RegionRow], placements: Sequence[PlacementRow] = ()
) -> list[dict[str, Any]]:
    """Per province: regencies per status and the share of placed workers an agreement in force reaches.

    Fields: ``province_code``, ``province``, ``regencies``, one count per status (:data:`STATUSES`),
    ``reached`` (active + idle), ``workers`` (placed workers from the province's regencies, each regency
    at its most recent year with data; None without data), ``workers_reached`` (those living in reached
    regencies) and ``reached_share`` (``workers_reached / workers``, None without data or workers).

    >>> cov = [CoverageRow("33.28", "Kab. Tegal", "33", "Jawa Tengah", "idle", "-"),
    ...        CoverageRow("33.76", "Kota Tegal", "33", "Jawa Tengah", "lapsed", "-")]
    >>> prov = [RegionRow("33", "Jawa Tengah", "province", "33")]
    >>> r = province_rows(cov, prov, [PlacementRow("33.28", 2023, 30), PlacementRow("33.76", 2023, 10)])[0]
    >>> r["idle"], r["lapsed"], r["reached"], r["workers"], r["reached_share"]
    (1, 1, 1, 40, 0.75)
    """
    latest = latest_placements(placements)
    by_province: dict[str, list[CoverageRow]] = {}
    for c in coverage:
        by_province.setdefault(c.province_code, []).append(c)
    names = {p.code: p.name for p in provinces}
    rows = []
    for code in sorted(set(names) | set(by_province)):
        regs = by_province.get(code, [])
        counts = Counter(c.status for c in regs)
        with_data = [c for c in regs if c.code in latest]
        workers = sum(latest[c.code][1] for c in with_data) if with_data else None
        reached_w = sum(latest[c.code][1] for c in with_data if c.status in REACHED_STATUSES)
        row: dict[str, Any] = {"province_code": code, "province": names.get(code, ""), "regencies": len(regs)}
        row.update({s: counts.get(s, 0) for s in STATUSES})
        row["reached"] = sum(counts.get(s, 0) for s in REACHED_STATUSES)
        row["workers"] = workers
        row["workers_reached"] = reached_w if with_data else None
        row["reached_share"] = round(reached_w / workers, 4) if workers else None
        rows.append(row)
    return rows
