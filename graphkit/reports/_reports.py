"""The reports as library functions: one fetch of the graph, pure analytics, a pandas DataFrame out.

Each function returns one row per report row, columns = the JSON field names of ``graphkit report ...``,
and header facts (date, dataset, synthetic, network size ...) in ``df.attrs``. With ``graph=None`` it
connects with :func:`graphkit.store._db.connect` and closes that connection again; pass ``snapshot=`` to reuse
one fetch for several reports. Every row carries ``synthetic`` (True when the loaded dataset is synthetic).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np
import pandas as pd

from graphkit._errors import GraphkitError, InputError, InputErrors
from graphkit._gc import gc_paused
from graphkit.analytics._snapshot import Snapshot
from graphkit.analytics.coverage import STATUSES, coverage_status
from graphkit.analytics.expiry import expiring_rows, window_end
from graphkit.analytics.followup import STATE_ORDER, followup_rows
from graphkit.analytics.isolation import isolated_rows, latest_placements, province_rows
from graphkit.store._db import Graph
from graphkit.sync._fetch import snapshot as read_snapshot

__all__ = [
    "coverage", "isolated_regencies", "centrality", "expiring", "followup", "records", "header_line",
    "COVERAGE_FIELDS", "PROVINCE_FIELDS", "ISOLATED_FIELDS", "CENTRALITY_FIELDS", "EXPIRING_FIELDS",
    "FOLLOWUP_FIELDS", "TABLE_COLUMNS",
]  # fmt: skip

COVERAGE_FIELDS = (
    "code", "name", "province_code", "province", "status", "reason", "agreements", "organizations",
    "follow_ups", "programs", "expires_on", "expiry_assumed", "synthetic",
)  # fmt: skip
PROVINCE_FIELDS = (
    "province_code", "province", "regencies", *STATUSES, "reached", "workers", "workers_reached",
    "reached_share", "synthetic",
)  # fmt: skip
ISOLATED_FIELDS = (
    "rank", "code", "name", "province_code", "province", "status", "placements", "placements_year",
    "reason", "agreements", "programs", "expires_on", "expiry_assumed", "synthetic",
)  # fmt: skip
#: graphkit.analytics.centrality.MEASURES (not imported here: networkx and scipy load only for centrality)
MEASURES = ("degree", "weighted_degree", "betweenness", "pagerank", "closeness", "core", "community")
CENTRALITY_FIELDS = ("rank", "id", "name", "type", "region", *MEASURES, "synthetic")
EXPIRING_FIELDS = (
    "id", "kind", "title", "expires_on", "expiry_assumed", "days_left", "signed_on", "parties", "party_ids",
    "regions", "region_names", "follow_up_state", "follow_ups", "synthetic",
)  # fmt: skip
#: The columns a people-facing table shows (the rest is in csv/json/markdown or folded into ``reason``).
TABLE_COLUMNS = {
    "coverage": ("code", "name", "province", "status", "expires_on", "expiry_assumed", "reason"),
    "isolated": ("rank", "code", "name", "province", "status", "placements", "placements_year", "reason"),
    "centrality": ("rank", "id", "name", "type", *MEASURES),
    "expiring": ("id", "kind", "expires_on", "expiry_assumed", "days_left", "parties", "regions",
                 "follow_up_state"),
    "followup": ("state", "id", "kind", "parties", "signed_on", "expires_on", "expiry_assumed", "follow_ups",
                 "last_follow_up", "idle_days"),
}  # fmt: skip
FOLLOWUP_FIELDS = (
    "state", "id", "kind", "title", "parties", "signed_on", "expires_on", "expiry_assumed", "follow_ups",
    "follow_up_kinds", "last_follow_up", "days_since_signing", "idle_days", "synthetic",
)  # fmt: skip


def _usage(option: str, problem: str) -> InputErrors:
    """A bad argument, named both ways: ``as_of (--as-of): ...`` serves Python and CLI users alike."""
    name = option.lstrip("-").replace("-", "_")
    return InputErrors([InputError(f"{name} ({option})", 0, None, problem)])


def _day(as_of: dt.date | str | None) -> dt.date:
    if as_of is None or as_of == "today":
        return dt.date.today()
    if isinstance(as_of, dt.datetime):
        return as_of.date()
    if isinstance(as_of, dt.date):
        return as_of
    try:
        return dt.date.fromisoformat(str(as_of))
    except ValueError:
        raise _usage("--as-of", f"{as_of!r} is not a date: write YYYY-MM-DD") from None


@contextlib.contextmanager
def _snapshot(graph: Graph | None, snapshot: Snapshot | None, *parts: str) -> Iterator[Snapshot]:
    """The snapshot a report works on (given, else read with ``parts``), with the cyclic garbage
    collector paused while the report runs: its rows and networks have no cycles, and collections
    took a quarter of the analytics' time at 100x (tests/perf/reads.py)."""
    with gc_paused():
        yield from _snapshot_of(graph, snapshot, parts)


def _snapshot_of(
    graph: Graph | None, snapshot: Snapshot | None, parts: tuple[str, ...]
) -> Iterator[Snapshot]:
    if snapshot is not None:
        try:
            snapshot.require(*parts)
        except ValueError as exc:
            raise GraphkitError(str(exc)) from None
        yield snapshot
        return
    snap = read_snapshot(parts, graph=graph)
    if not snap.regions:
        raise GraphkitError(
            "this database is empty: load a dataset first (graphkit load PATH), "
            "or read the demo's database with --database demo"
        )
    yield snap


def _column(values: list[Any]) -> pd.Series:
    kinds = {type(v) for v in values}
    if values and kinds <= {int, np.int64}:
        return pd.Series(values, dtype="int64")
    if values and kinds <= {int, float} and not any(isinstance(v, float) and math.isnan(v) for v in values):
        return pd.Series(values, dtype="float64")
    if values and kinds == {bool}:
        return pd.Series(values, dtype="bool")
    return pd.Series(values, dtype="object")


def _frame(rows: Sequence[dict[str, Any]], fields: Sequence[str], attrs: dict[str, Any]) -> pd.DataFrame:
    """A DataFrame with exactly ``fields`` as columns; a column with None, dates or lists stays object."""
    df = pd.DataFrame({f: _column([r.get(f) for r in rows]) for f in fields}, columns=list(fields))
    df.attrs.update(attrs)
    return df


def _plain(value: Any) -> Any:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, np.generic):
        return value.item()
    return value


def records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """The DataFrame's rows as plain dicts (numpy scalars to Python, NaN/NA to None), for writing."""
    return [{k: _plain(v) for k, v in row.items()} for row in df.to_dict("records")]


def _attrs(report: str, snap: Snapshot, day: dt.date, **more: Any) -> dict[str, Any]:
    return {"report": report, "as_of": day.isoformat(), "dataset": snap.dataset, "synthetic": snap.synthetic,
            "term_years": snap.term_years, "completeness": snap.completeness,
            "table_columns": list(TABLE_COLUMNS.get(report, ())),
            **more}  # fmt: skip


def _tag(rows: list[dict[str, Any]], snap: Snapshot) -> list[dict[str, Any]]:
    for r in rows:
        r["synthetic"] = snap.synthetic
    return rows


def coverage(
    as_of: dt.date | str | None = None,
    *,
    by: str | None = None,
    graph: Graph | None = None,
    snapshot: Snapshot | None = None,
) -> pd.DataFrame:
    """Coverage status of every regency on ``as_of`` (default today), docs/DESIGN.md §3.

    ``by=None``: one row per regency (``code``, ``name``, ``province_code``, ``province``, ``status``,
    ``reason``, deciding ``agreements``/``organizations``/``follow_ups``/``programs``, ``expires_on``,
    ``expiry_assumed``); ``attrs["counts"]`` counts per status. ``by="province"``: one row per province
    with counts per status and the share of placed workers (most recent year per regency) living in
    regencies an agreement in force reaches; ``attrs`` holds the national ``workers``,
    ``workers_reached`` and ``reached_share``.
    """
    day = _day(as_of)
    if by not in (None, "province"):
        raise _usage("--by", f"{by!r}: coverage can be grouped by province only")
    parts = ("follow_ups", "programs") + (("placements",) if by else ())
    with _snapshot(graph, snapshot, *parts) as snap:
        rows = coverage_status(snap, day)
        counts = Counter(r.status for r in rows)
        per_status = {s: counts.get(s, 0) for s in STATUSES}
        attrs = _attrs("coverage", snap, day, regencies=len(rows), counts=per_status)
        if by is None:
            return _frame(_tag([r.as_dict() for r in rows], snap), COVERAGE_FIELDS, attrs)
        provinces = [r for r in snap.regions if r.level == "province"]
        prov = province_rows(rows, provinces, snap.placements)
        workers = sum(p["workers"] or 0 for p in prov)
        reached = sum(p["workers_reached"] or 0 for p in prov)
        has = bool(snap.placements)
        attrs.update(by="province", table_columns=[f for f in PROVINCE_FIELDS if f != "synthetic"],
                     has_placements=has, workers=workers if has else None,
                     workers_reached=reached if has else None,
                     reached_share=round(reached / workers, 4) if workers else None)  # fmt: skip
        return _frame(_tag(prov, snap), PROVINCE_FIELDS, attrs)


def isolated_regencies(
    as_of: dt.date | str | None = None,
    *,
    top: int | None = None,
    graph: Graph | None = None,
    snapshot: Snapshot | None = None,
) -> pd.DataFrame:
    """Regencies no agreement in force reaches on ``as_of`` (program_only, lapsed, isolated), ranked by need:
    placed workers (most recent year with data) first, then province; ``top`` keeps the first N.
    ``attrs["has_placements"]`` is False (and ``attrs["note"]`` says so) without placement data;
    ``attrs["regencies"]`` counts all of them, also when ``top`` cuts the rows."""
    day = _day(as_of)
    if top is not None and top < 1:
        raise _usage("--top", f"{top}: give a positive number")
    with _snapshot(graph, snapshot, "follow_ups", "programs", "placements") as snap:
        rows = isolated_rows(coverage_status(snap, day), snap.placements)
        latest = latest_placements(snap.placements)
        years = sorted({y for y, _ in latest.values()})
        note = (
            f"ranked by placed workers (most recent year with data per regency: {years[0]}-{years[-1]})"
            if len(years) > 1 else f"ranked by placed workers in {years[0]}" if years
            else "no placement data in the graph: ranked by province"
        )  # fmt: skip
        counts = Counter(r["status"] for r in rows)
        attrs = _attrs("isolated", snap, day, has_placements=bool(latest), note=note, regencies=len(rows),
                       counts=dict(counts))  # fmt: skip
        return _frame(_tag(rows[:top] if top else rows, snap), ISOLATED_FIELDS, attrs)


def centrality(
    as_of: dt.date | str | None = None,
    *,
    top: int | None = None,
    types: Sequence[str] | None = None,
    graph: Graph | None = None,
    include_agencies: bool = True,
    sort: str = "betweenness",
    snapshot: Snapshot | None = None,
) -> pd.DataFrame:
    """Centrality of every organization in the collaboration network on ``as_of`` (docs/DESIGN.md §4).

    Measures (computed on the whole network, organizations and regions): ``degree``, ``weighted_degree``,
    ``betweenness`` (normalized, hop counts), ``pagerank`` (weighted), ``closeness``, ``core`` (k-core
    number), ``community`` (Louvain, seeded; 0 = largest). Rows: organizations only, filtered by ``types``,
    sorted by ``sort`` (descending) and cut to ``top``. ``include_agencies=False`` builds the network
    without BP2MI and its units. ``attrs``: network size, density, components, communities and how
    betweenness was computed (exact, or sampled with its estimated error).
    """
    day = _day(as_of)
    if sort not in MEASURES:
        raise _usage("--sort", f"{sort!r}: sort by one of {', '.join(MEASURES)}")
    if top is not None and top < 1:
        raise _usage("--top", f"{top}: give a positive number")
    from graphkit.analytics.centrality import centrality_measures
    from graphkit.analytics.network import collaboration_network, network_summary

    with _snapshot(graph, snapshot, "programs") as snap:
        g = collaboration_network(snap, day, include_agencies=include_agencies)
        result = centrality_measures(g)
        wanted = set(types or ())
        rows = []
        for node, data in g.nodes(data=True):
            if data["kind"] != "organization" or (wanted and data["type"] not in wanted):
                continue
            values = {m: round(v, 6) if isinstance(v, float) else v for m, v in result.values[node].items()}
            rows.append({"id": data["id"], "name": data["name"], "type": data["type"],
                         "region": data.get("region"), **values})  # fmt: skip
        rows.sort(key=lambda r: (-r[sort], -r["weighted_degree"], r["id"]))
        rows = rows[:top] if top else rows
        for i, r in enumerate(rows, 1):
            r["rank"] = i
        attrs = _attrs("centrality", snap, day, **network_summary(g), communities=result.communities,
                       betweenness_method=result.betweenness_method, betweenness_k=result.betweenness_k,
                       betweenness_error=round(result.betweenness_error, 6),
                       closeness_method=result.closeness_method, closeness_k=result.closeness_k,
                       closeness_checked=result.closeness_checked,
                       closeness_error=round(result.closeness_error, 6),
                       include_agencies=include_agencies, sort=sort, types=sorted(wanted))  # fmt: skip
        return _frame(_tag(rows, snap), CENTRALITY_FIELDS, attrs)


def expiring(
    as_of: dt.date | str | None = None,
    *,
    within: str = "1y",
    graph: Graph | None = None,
    snapshot: Snapshot | None = None,
) -> pd.DataFrame:
    """Agreements in force on ``as_of`` that expire within ``within`` (``90d``, ``6m``, ``1y`` ...), soonest
    first, with parties, regions reached, follow-up state and the assumed-expiry flag."""
    day = _day(as_of)
    try:
        until = window_end(day, within)
    except ValueError as exc:
        raise _usage("--within", str(exc)) from None
    with _snapshot(graph, snapshot, "follow_ups") as snap:
        rows = expiring_rows(snap, day, until)
        attrs = _attrs("expiring", snap, day, within=within, until=until.isoformat(), agreements=len(rows),
                       assumed=sum(r["expiry_assumed"] for r in rows))  # fmt: skip
        return _frame(_tag(rows, snap), EXPIRING_FIELDS, attrs)


def followup(
    as_of: dt.date | str | None = None, *, graph: Graph | None = None, snapshot: Snapshot | None = None
) -> pd.DataFrame:
    """Agreements in force on ``as_of`` grouped by follow-up state (``none`` first, then by kind), with the
    days since signing and the idle days since the last follow-up; ``attrs["states"]`` counts per state."""
    day = _day(as_of)
    with _snapshot(graph, snapshot, "follow_ups") as snap:
        rows = followup_rows(snap, day)
        counts = Counter(r["state"] for r in rows)
        states = {s: counts[s] for s in STATE_ORDER if counts.get(s)}
        attrs = _attrs("followup", snap, day, agreements=len(rows), states=states)
        return _frame(_tag(rows, snap), FOLLOWUP_FIELDS, attrs)


def header_line(df: pd.DataFrame) -> str:
    """One line of header facts for a table or markdown rendering of a report DataFrame."""
    a = df.attrs
    data = f"{'SYNTHETIC ' if a.get('synthetic') else ''}dataset {a.get('dataset') or '?'}"
    text = f"{a.get('report', 'report')} as of {a.get('as_of')} — {data}"
    report = a.get("report")
    if report == "coverage":
        text += f": {a['regencies']} regencies; " + ", ".join(f"{s} {n}" for s, n in a["counts"].items())
        if a.get("by") == "province":
            share = a.get("reached_share")
            text += (f"; placed workers reached by an agreement in force: {share:.1%}" if share is not None
                     else "; no placement data")  # fmt: skip
    elif report == "isolated":
        text += f": {a['regencies']} regencies no agreement in force reaches; {a['note']}"
    elif report == "centrality":
        method = a["betweenness_method"]
        if method == "sampled":
            method += f" (k={a['betweenness_k']}, est. error ±{a['betweenness_error']:.4f})"
        closeness = a.get("closeness_method", "exact")
        if closeness == "sampled":
            closeness += (f" (k={a['closeness_k']} per large component, max error "
                          f"±{a['closeness_error']:.4f} on {a['closeness_checked']} nodes checked exactly)")
        text += (f": network {a['nodes']} nodes ({a['organizations']} organizations, "
                 f"{a['regions']} regions), {a['edges']} edges, density {a['density']:.4f}, "
                 f"{a['components']} components, {a['communities']} communities; betweenness {method}; "
                 f"closeness {closeness}"
                 f"{'' if a['include_agencies'] else '; agencies (BP2MI) left out'}")  # fmt: skip
    elif report == "expiring":
        text += (f": {a['agreements']} agreements in force expire by {a['until']} "
                 f"({a['assumed']} with an assumed expiry)")
    elif report == "followup":
        states = ", ".join(f"{s} {n}" for s, n in a["states"].items())
        text += f": {a['agreements']} agreements in force by follow-up state: {states}"
    if a.get("term_years") and report in ("coverage", "expiring", "followup", "isolated"):
        text += f" (assumed expiry = signed + {a['term_years']} years where none is given)"
    if a.get("completeness"):  # real data says how complete it is: "isolated" = none found in reporting
        text += f"\nThis dataset {a['completeness']}"
    return text
