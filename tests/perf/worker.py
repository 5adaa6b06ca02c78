"""One timed task of the benchmark in its own process, so that a slow one can be stopped at a time limit.

    python tests/perf/worker.py fetch -                # the graph read the reports share, alone
    python tests/perf/worker.py report coverage        # one report, end to end (graph read + analytics)
    python tests/perf/worker.py maps OUT_DIR           # every map view from one graph read

Connects to the running embedded server (``GRAPHKIT_HOME``/``GRAPHKIT_DATABASE`` from the environment)
and prints one JSON object: ``{"status": "ok", ...figures}``, ``{"status": "missing", ...}`` when the
module is not there yet, or ``{"status": "error", "error": ...}``.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

AS_OF = dt.date(2025, 12, 31)  # the generator's last day (graphkit.synthetic._generate.DEFAULT_AS_OF)
REPORTS: dict[str, dict[str, Any]] = {
    "coverage": {},
    "coverage_by_province": {"by": "province"},
    "isolated_regencies": {},
    "centrality": {},
    "expiring": {},
    "followup": {},
}


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value if value is None or isinstance(value, str | int | float | bool) else str(value)


def report(name: str) -> dict[str, Any]:
    try:
        from graphkit.reports import _reports
    except ImportError as exc:
        return {"status": "missing", "error": str(exc)}
    from graphkit.store._db import connect

    function = getattr(_reports, name.removesuffix("_by_province"), None)
    if function is None:
        return {"status": "missing", "error": f"graphkit.reports._reports has no {name}"}
    with connect() as graph:
        started = time.perf_counter()
        df = function(AS_OF, graph=graph, **REPORTS[name])
        seconds = time.perf_counter() - started
    keep = ("betweenness_method", "betweenness_k", "betweenness_error", "closeness_method", "closeness_k",
            "closeness_checked", "closeness_error", "nodes", "edges", "counts", "states")
    attrs = {k: _plain(v) for k, v in df.attrs.items() if k in keep}
    return {"status": "ok", "seconds": round(seconds, 3), "rows": len(df), "attrs": attrs}


def fetch() -> dict[str, Any]:
    """The graph read every report starts with (``fetch_snapshot``), alone."""
    try:
        from graphkit.sync._fetch import fetch_snapshot
    except ImportError as exc:
        return {"status": "missing", "error": str(exc)}
    from graphkit.store._db import connect

    with connect() as graph:
        started = time.perf_counter()
        fetch_snapshot(graph)
        return {"status": "ok", "seconds": round(time.perf_counter() - started, 3)}


def maps(out: Path) -> dict[str, Any]:
    try:
        from graphkit.maps import VIEWS, load_map_source, render_map
    except ImportError as exc:
        return {"status": "missing", "error": str(exc)}
    from graphkit.store._db import connect

    with connect() as graph:
        started = time.perf_counter()
        source = load_map_source(graph)
        read = time.perf_counter() - started
    views: dict[str, Any] = {}
    for view in VIEWS:
        started = time.perf_counter()
        result = render_map(None, out / f"{view}.html", view=view, as_of=AS_OF, source=source)
        views[view] = {"status": "ok", "seconds": round(time.perf_counter() - started, 3),
                       "drawn_as": result.view, "bytes": result.bytes, "nodes": result.nodes,
                       "edges": result.edges, "frames": result.frames, "path": str(result.path)}  # fmt: skip
    return {"status": "ok", "read_seconds": round(read, 3), "views": views}


def main(argv: list[str]) -> None:
    task, arg = argv[0], argv[1]
    try:
        out = fetch() if task == "fetch" else report(arg) if task == "report" else maps(Path(arg))
    except Exception as exc:  # noqa: BLE001 - the benchmark reports it and goes on
        out = {"status": "error", "error": f"{type(exc).__name__}: {exc}"[:500]}
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1:])
