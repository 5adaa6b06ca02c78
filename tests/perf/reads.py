"""The graph read behind every report, measured: one record per row (before) against one row of columns,
one query at a time against several side by side, and each report with its own read against one shared
``graphkit.snapshot()``. Prints a table on stderr and one JSON document on stdout; asserts nothing.

    python tests/perf/reads.py --scale 100 --home /tmp/gk100     # generates and loads when empty
    python tests/perf/reads.py --scale 1 --rounds 5

All variants run interleaved, round after round, in one process against one server, so machine noise
hits them alike; the figures are medians. The "before" variant runs the snapshot queries as they were
(``tests/sync/row_reads/*.cypher``) one after the other, as ``fetch_snapshot`` did.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
ROW_READS = ROOT / "tests" / "sync" / "row_reads"
AS_OF = dt.date(2025, 12, 31)
REPORTS = ("coverage", "coverage_by_province", "isolated_regencies", "centrality", "expiring", "followup")


def _body(name: str) -> str:
    text = (ROW_READS / f"{name}.cypher").read_text(encoding="utf-8")
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))


#: the optional snapshot parts each report reads (graphkit/reports/_reports.py)
PARTS = {"coverage": ("follow_ups", "programs"),
         "coverage_by_province": ("follow_ups", "programs", "placements"),
         "isolated_regencies": ("follow_ups", "programs", "placements"), "centrality": ("programs",),
         "expiring": ("follow_ups",), "followup": ("follow_ups",)}  # fmt: skip


def read_before(graph: Any, parts: Any = None) -> Any:
    """The snapshot as ``fetch_snapshot`` read it before: one record per row, one query after another."""
    from graphkit.sync import _fetch

    rows = {}
    # before, every read took the scopes too (they were part of the core)
    for name in _fetch._wanted(None if parts is None else (*parts, "scopes")):
        rows[name] = (
            graph.query(_body(name))[1] if name in _fetch.COLUMNAR else graph.read(f"read/snapshot/{name}")
        )
    return _fetch.snapshot_from_rows(rows)


def read_now(graph: Any, readers: int) -> Any:
    from graphkit.sync import _fetch

    old, _fetch.READERS = _fetch.READERS, readers
    try:
        return _fetch.fetch_snapshot(graph)
    finally:
        _fetch.READERS = old


def report(name: str, **kw: Any) -> Any:
    import graphkit

    if name == "coverage_by_province":
        return graphkit.coverage(AS_OF, by="province", **kw)
    return getattr(graphkit, name)(AS_OF, **kw)


def _timed(fn: Any) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def measure(graph: Any, rounds: int) -> dict[str, Any]:
    import graphkit

    variants = {
        "before: one record per row, in a row": lambda: read_before(graph),
        "columns, 1 query at a time": lambda: read_now(graph, 1),
        "columns, 2 side by side": lambda: read_now(graph, 2),
        "columns, 3 side by side": lambda: read_now(graph, 3),
    }
    reads: dict[str, list[float]] = {k: [] for k in variants}
    own: dict[str, list[float]] = {r: [] for r in REPORTS}
    old: dict[str, list[float]] = {r: [] for r in REPORTS}
    shared: dict[str, list[float]] = {r: [] for r in REPORTS}
    for i in range(rounds):
        print(f"round {i + 1}/{rounds} ...", file=sys.stderr, flush=True)
        for name, fn in variants.items():
            reads[name].append(_timed(fn))
        for r in REPORTS:
            old[r].append(_timed(lambda r=r: report(r, snapshot=read_before(graph, PARTS[r]))))
            own[r].append(_timed(lambda r=r: report(r, graph=graph)))
        t = time.perf_counter()
        snap = graphkit.snapshot(graph=graph)
        shared_read = time.perf_counter() - t
        for r in REPORTS:
            shared[r].append(_timed(lambda r=r, snap=snap: report(r, snapshot=snap)))
        shared.setdefault("(the one read)", []).append(shared_read)
    med = statistics.median
    before = med(reads["before: one record per row, in a row"])
    return {
        "rounds": rounds,
        "reads_s": {k: round(med(v), 3) for k, v in reads.items()},
        "reads_ratio_to_before": {k: round(med(v) / before, 3) for k, v in reads.items()},
        "report_before_s": {k: round(med(v), 3) for k, v in old.items()},
        "report_own_read_s": {k: round(med(v), 3) for k, v in own.items()},
        "report_ratio_to_before": {k: round(med(v) / med(old[k]), 3) for k, v in own.items()},
        "report_on_shared_snapshot_s": {k: round(med(v), 3) for k, v in shared.items()},
        "six_reports_before_s": round(sum(med(v) for v in old.values()), 3),
        "six_reports_own_reads_s": round(sum(med(v) for v in own.values()), 3),
        "six_reports_one_shared_read_s": round(sum(med(v) for v in shared.values()), 3),
    }


def _table(doc: dict[str, Any]) -> str:
    lines = [f"scale {doc['scale']}x, {doc['rounds']} rounds (medians)", "", "read of the graph:"]
    for k, v in doc["reads_s"].items():
        lines.append(f"  {k:42s} {v:8.2f} s  {doc['reads_ratio_to_before'][k]:5.2f}x")
    lines += ["", f"  {'report':22s} {'before':>9s} {'own read now':>19s} {'on a shared snapshot':>22s}"]
    for k, v in doc["report_own_read_s"].items():
        lines.append(
            f"  {k:22s} {doc['report_before_s'][k]:7.2f} s {v:9.2f} s "
            f"({doc['report_ratio_to_before'][k]:4.2f}x) {doc['report_on_shared_snapshot_s'][k]:18.2f} s"
        )
    shared = doc["report_on_shared_snapshot_s"]["(the one read)"]
    lines.append(f"  {'(the one shared read)':22s} {'':30s} {shared:18.2f} s")
    lines.append(
        f"  six reports: before {doc['six_reports_before_s']:.2f} s, own reads now "
        f"{doc['six_reports_own_reads_s']:.2f} s, "
        f"one shared read {doc['six_reports_one_shared_read_s']:.2f} s"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--scale", type=int, default=1, help="synthetic scale to generate when empty (1, 10, 100)"
    )
    parser.add_argument("--home", help="GRAPHKIT_HOME to use (default: a new temporary folder)")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    os.environ["GRAPHKIT_HOME"] = args.home or tempfile.mkdtemp(prefix="graphkit-reads-")
    sys.path.insert(0, str(ROOT))
    from graphkit.store._db import connect
    from graphkit.sync._load import load_dataset
    from graphkit.synthetic._generate import generate

    with connect() as graph:
        if not graph.query("MATCH (a:Agreement) RETURN count(a) AS n")[1][0]["n"]:
            print(f"generating and loading {args.scale}x ...", file=sys.stderr, flush=True)
            ds = generate(Path(os.environ["GRAPHKIT_HOME"]) / f"dataset-{args.scale}x", scale=args.scale)
            load_dataset(ds.path, graph)
        agreements = graph.query("MATCH (a:Agreement) RETURN count(a) AS n")[1][0]["n"]
        doc = {"scale": args.scale, "agreements": agreements, **measure(graph, args.rounds)}
    print(_table(doc), file=sys.stderr)
    json.dump(doc, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
