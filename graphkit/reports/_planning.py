"""Planning reports as library functions: what changed in a window and the approach paths to each gap.

``changes(start, end)`` returns one DataFrame with a ``section`` column (``regencies``, ``agreements``,
``movers``) whose other columns are the union of the three sections' fields (``attrs["fields"]`` maps each
section to its own, in order; :func:`section_records` gives a section's rows with exactly those).
``approach_paths(as_of)`` returns one row per gap regency and path (docs/DESIGN.md §7).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

import pandas as pd

from graphkit.analytics._snapshot import Snapshot
from graphkit.analytics.changes import agreement_events, one_year_before, rank_movers, status_changes
from graphkit.analytics.coverage import coverage_status
from graphkit.analytics.paths import PATH_STATUSES, RULES
from graphkit.analytics.paths import approach_paths as _paths
from graphkit.reports._reports import _attrs, _day, _frame, _snapshot, _tag, _usage, records
from graphkit.store._db import Graph

__all__ = ["changes", "approach_paths", "section_records", "planning_header", "SECTIONS", "CHANGE_FIELDS",
           "PATH_FIELDS", "betweenness_ranks"]  # fmt: skip

SECTIONS = ("regencies", "agreements", "movers")
CHANGE_FIELDS: dict[str, tuple[str, ...]] = {
    "regencies": ("section", "code", "name", "province_code", "province", "from_status", "to_status",
                  "change", "reason", "signed", "expired", "followed_up", "programs", "synthetic"),
    "agreements": ("section", "event", "date", "id", "kind", "title", "parties", "regions", "follow_ups",
                   "expiry_assumed", "synthetic"),
    "movers": ("section", "direction", "id", "name", "type", "rank_from", "rank_to", "moved",
               "betweenness_from", "betweenness_to", "synthetic"),
}  # fmt: skip
CHANGE_TABLE_COLUMNS = {
    "regencies": ("code", "name", "province", "from_status", "to_status", "reason"),
    "agreements": ("event", "date", "id", "kind", "parties", "regions", "follow_ups"),
    "movers": ("direction", "id", "name", "type", "rank_from", "rank_to", "moved"),
}
PATH_FIELDS = (
    "rank", "code", "name", "province_code", "province", "status", "placements", "placements_year", "best",
    "rule", "path", "organization_id", "organization", "organization_type", "why", "agreements", "programs",
    "via_code", "via_name", "distance_km", "synthetic",
)  # fmt: skip
NO_PATH = "no approach path in the data: start from BP2MI's own unit in the province"
PATH_TABLE_COLUMNS = ("rank", "code", "name", "status", "placements", "rule", "path", "organization", "why")


def _union(fields: dict[str, tuple[str, ...]]) -> list[str]:
    return list(dict.fromkeys(f for section in fields.values() for f in section))


def betweenness_ranks(snapshot: Snapshot, day: dt.date) -> dict[str, dict[str, Any]]:
    """Every organization in the collaboration network on ``day``: ``{id: {rank, name, type, betweenness}}``,
    ranked as ``graphkit report centrality`` sorts by default (betweenness, weighted degree, id)."""
    from graphkit.analytics.centrality import centrality_measures
    from graphkit.analytics.network import collaboration_network

    g = collaboration_network(snapshot, day)
    values = centrality_measures(g).values
    rows = [(d["id"], d, values[node]) for node, d in g.nodes(data=True) if d["kind"] == "organization"]
    rows.sort(key=lambda r: (-r[2]["betweenness"], -r[2]["weighted_degree"], r[0]))
    return {i: {"rank": n, "name": d["name"], "type": d["type"], "betweenness": round(v["betweenness"], 6)}
            for n, (i, d, v) in enumerate(rows, 1)}  # fmt: skip


def changes(
    start: dt.date | str | None = None,
    end: dt.date | str | None = None,
    *,
    part: str | None = None,
    top: int = 10,
    graph: Graph | None = None,
    snapshot: Snapshot | None = None,
) -> pd.DataFrame:
    """What changed between ``start`` (default one year before ``end``) and ``end`` (default today).

    Rows of three sections (``part`` keeps one): ``regencies`` whose coverage status on ``end`` differs
    from the one on ``start``, with the window's signings, expiries, follow-ups and program starts that
    explain it; ``agreements`` signed, expired or followed up in the window; ``movers``, the ``top``
    organizations up and down in the centrality ranking (betweenness). Window rules:
    :mod:`graphkit.analytics.changes`. ``attrs``: ``from``, ``to``, counts per section and change kind.
    """
    day_to = _day(end)
    day_from = _day(start) if start is not None else one_year_before(day_to)
    if day_from > day_to:
        raise _usage("--from", f"{day_from} is after --to {day_to}: the window must start first")
    if part is not None and part not in SECTIONS:
        raise _usage("--part", f"{part!r}: choose one of {', '.join(SECTIONS)}")
    if top < 1:
        raise _usage("--top", f"{top}: give a positive number")
    wanted = (part,) if part else SECTIONS
    with _snapshot(graph, snapshot, "follow_ups", "programs") as snap:
        rows: list[dict[str, Any]] = []
        regencies = status_changes(snap, day_from, day_to) if "regencies" in wanted else []
        rows += [{"section": "regencies", **r} for r in regencies]
        events = agreement_events(snap, day_from, day_to) if "agreements" in wanted else []
        rows += [{"section": "agreements", **r} for r in events]
        movers: list[dict[str, Any]] = []
        if "movers" in wanted:
            before, after = betweenness_ranks(snap, day_from), betweenness_ranks(snap, day_to)
            for m in rank_movers({i: v["rank"] for i, v in before.items()},
                                 {i: v["rank"] for i, v in after.items()}, top):  # fmt: skip
                info = after[m["id"]]
                movers.append({"section": "movers", **m, "name": info["name"], "type": info["type"],
                               "betweenness_from": before[m["id"]]["betweenness"],
                               "betweenness_to": info["betweenness"]})  # fmt: skip
            rows += movers
        fields = {s: CHANGE_FIELDS[s] for s in wanted}
        attrs = _attrs("changes", snap, day_to, **{"from": day_from.isoformat(), "to": day_to.isoformat()},
                       part=part, top=top, sections=list(wanted),
                       fields={s: list(f) for s, f in fields.items()},
                       section_table_columns={s: list(CHANGE_TABLE_COLUMNS[s]) for s in wanted},
                       counts={"regencies": len(regencies), "agreements": len(events), "movers": len(movers)},
                       changes=dict(Counter(r["change"] for r in regencies)),
                       events=dict(Counter(r["event"] for r in events)))  # fmt: skip
        attrs["table_columns"] = list(CHANGE_TABLE_COLUMNS[part]) if part else []
        return _frame(_tag(rows, snap), _union(fields), attrs)


def section_records(df: pd.DataFrame, section: str) -> list[dict[str, Any]]:
    """The rows of one section of a :func:`changes` frame, with exactly that section's fields."""
    fields = df.attrs["fields"][section]
    return [{f: r.get(f) for f in fields} for r in records(df[df["section"] == section])]


def approach_paths(
    as_of: dt.date | str | None = None,
    *,
    top: int | None = None,
    per_rule: int = 3,
    nearest: int = 3,
    provincial: bool = True,
    graph: Graph | None = None,
    snapshot: Snapshot | None = None,
) -> pd.DataFrame:
    """For every regency no agreement in force reaches on ``as_of``, ranked by need, the ways to close the
    gap (docs/DESIGN.md §7): one row per regency and path (``best`` marks each regency's first), or one
    row with ``rule`` None when the data shows no path. ``top`` keeps the N regencies most in need;
    ``provincial=False`` leaves regencies under a province agreement out. ``attrs["best_rules"]``
    counts regencies by the rule of their best path."""
    day = _day(as_of)
    for name, value in (("--top", top), ("--per-rule", per_rule), ("--nearest", nearest)):
        if value is not None and value < 1:
            raise _usage(name, f"{value}: give a positive number")
    statuses = PATH_STATUSES if provincial else tuple(s for s in PATH_STATUSES if s != "provincial")
    with _snapshot(graph, snapshot, "follow_ups", "programs", "placements") as snap:
        gaps = _paths(snap, day, coverage_status(snap, day), placements=snap.placements, statuses=statuses,
                      per_rule=per_rule, nearest=nearest)  # fmt: skip
        attrs = _attrs("paths", snap, day, regencies=len(gaps), statuses=list(statuses),
                       counts=dict(Counter(g["status"] for g in gaps)),
                       best_rules={r: sum(1 for g in gaps if g["paths"] and g["paths"][0]["path"] == r)
                                   for r in RULES},
                       no_path=sum(1 for g in gaps if not g["paths"]),
                       has_placements=bool(snap.placements), per_rule=per_rule, nearest=nearest,
                       table_columns=list(PATH_TABLE_COLUMNS))  # fmt: skip
        rows = []
        for g in gaps[:top] if top else gaps:
            head = {k: v for k, v in g.items() if k != "paths"}
            if not g["paths"]:
                rows.append(
                    {
                        **head,
                        "best": False,
                        "rule": None,
                        "path": None,
                        "agreements": [],
                        "programs": [],
                        "why": NO_PATH,
                    }
                )
            for i, p in enumerate(g["paths"]):
                rows.append({**head, "best": i == 0, **p})
        return _frame(_tag(rows, snap), PATH_FIELDS, attrs)


def planning_header(df: pd.DataFrame, section: str | None = None) -> str:
    """One line of header facts for a table or markdown rendering of a planning report."""
    a = df.attrs
    data = f"{'SYNTHETIC ' if a.get('synthetic') else ''}dataset {a.get('dataset') or '?'}"
    if a.get("report") == "changes":
        c = a["counts"]
        text = f"changes from {a['from']} to {a['to']} — {data}"
        parts = {
            "regencies": f"{c['regencies']} regencies changed status "
            + "("
            + ", ".join(f"{k} {v}" for k, v in sorted(a["changes"].items()))
            + ")",
            "agreements": f"{c['agreements']} agreement events "
            + "("
            + ", ".join(f"{k} {v}" for k, v in sorted(a["events"].items()))
            + ")",
            "movers": f"{c['movers']} centrality rank movers (betweenness, top {a['top']} up and down)",
        }
        if section:
            return f"{text}: {parts[section]}"
        return text + ": " + "; ".join(parts[s] for s in a["sections"])
    best = ", ".join(f"{r} {n}" for r, n in a["best_rules"].items() if n)
    return (
        f"approach paths as of {a['as_of']} — {data}: {a['regencies']} regencies no agreement in force "
        f"reaches ({', '.join(a['statuses'])}); best path by rule: {best or 'none'}; "
        f"{a['no_path']} without a path"
        + ("" if a["has_placements"] else "; no placement data: ranked by province")
    )
