"""Every stage of the benchmark at one scale, in one process with its own GRAPHKIT_HOME and server.

Run by ``bench.py`` as ``python tests/perf/stages.py SCALE WORKDIR [NAIVE_RELS [SKIP]]`` (so that peak
memory is per scale), with ``GRAPHKIT_ENGINE`` set to the engine of the variant; prints one JSON object.
``SKIP`` is a comma-separated list of stage groups to leave out: ``maps``, ``baselines``. Each stage
records its seconds; stages of modules that do not exist yet record ``{"status": "missing"}``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(ROOT), str(HERE)]

import baselines  # noqa: E402
import frames  # noqa: E402

from graphkit.dataset._validate import Dataset, validate_dataset  # noqa: E402
from graphkit.store import _server  # noqa: E402
from graphkit.store._db import Graph, connect  # noqa: E402
from graphkit.sync._load import load_dataset  # noqa: E402
from graphkit.sync._load_plan import primary_label  # noqa: E402
from graphkit.sync._model import NODE_LABELS, build_model  # noqa: E402
from graphkit.synthetic._generate import generate  # noqa: E402

REPORT_TIMEOUT = 300.0
MAPS_TIMEOUT = 600.0


def memory(pid: int | str = "self") -> dict[str, float]:
    """Peak and current resident memory of a process in MiB (``VmHWM``, ``VmRSS`` of /proc)."""
    out = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmHWM", "VmRSS"):
            out["peak_mib" if key == "VmHWM" else "rss_mib"] = round(int(value.split()[0]) / 1024, 1)
    return out


def _timed(fn: Any, *args: Any, **kwargs: Any) -> tuple[Any, float]:
    started = time.perf_counter()
    value = fn(*args, **kwargs)
    return value, round(time.perf_counter() - started, 3)


def _worker(*args: str, timeout: float) -> dict[str, Any]:
    cmd = [sys.executable, str(HERE / "worker.py"), *args]
    started = time.perf_counter()
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return {"status": "timeout", "seconds": timeout}
    lines = done.stdout.strip().splitlines()
    if done.returncode or not lines:
        return {"status": "error", "error": (done.stderr.strip().splitlines() or ["?"])[-1][:300]}
    out = json.loads(lines[-1])
    out["process_seconds"] = round(time.perf_counter() - started, 3)
    return out


def changed(ds: Dataset, share: float = 0.01) -> tuple[Dataset, dict[str, int]]:
    """``ds`` with ``share`` of its agreements removed (with their parties and follow-ups), as many others
    retitled, and ``share`` of the other parties removed (BP2MI's first: its end of those relationships
    is the hub, so the loader must find each from the agreement's end): a small change to find and write."""
    agreements = ds.tables["agreements"]
    parents = {a.get("parent_id") for a in agreements}
    n = max(5, int(len(agreements) * share))
    leaves = [a["id"] for a in agreements if a["id"] not in parents]
    gone = set(leaves[:: max(1, len(leaves) // n)][:n])
    tables = dict(ds.tables)
    kept = [a for a in agreements if a["id"] not in gone]
    step = max(1, len(kept) // n)
    tables["agreements"] = [
        {**a, "title": f"{a.get('title', '')} (revised)"} if i % step == 0 and i // step < n else a
        for i, a in enumerate(kept)
    ]
    tables["follow_ups"] = [r for r in ds.tables["follow_ups"] if r["agreement_id"] not in gone]
    parties = [r for r in ds.tables["parties"] if r["agreement_id"] not in gone]
    k = max(5, int(len(parties) * share))
    hub = [i for i, r in enumerate(parties) if r["organization_id"] == "bp2mi"]
    drop = set(hub[:: max(1, len(hub) // k)][:k])
    tables["parties"] = [r for i, r in enumerate(parties) if i not in drop]
    figures = {"agreements_removed": len(gone), "agreements_retitled": n, "parties_removed": len(drop)}
    return Dataset(ds.path, tables, ds.labels, ds.warnings), figures


def _load_figures(result: Any, seconds: float) -> dict[str, Any]:
    return {
        "seconds": round(seconds, 3),
        "rows": result.rows_written,
        "rows_per_s": round(result.rows_written / seconds) if result.rows_written else 0,
        "transactions": result.transactions,
        "totals": result.totals(),
        "stage_seconds": {k: round(v, 3) for k, v in result.timings.items()},
    }


def _reports_and_maps(scale: int, work: Path, skip: frozenset[str] = frozenset()) -> dict[str, Any]:
    out: dict[str, Any] = {"snapshot_fetch": _worker("fetch", "-", timeout=REPORT_TIMEOUT)}
    reports: dict[str, Any] = {}
    for name in ("coverage", "coverage_by_province", "isolated_regencies", "centrality", "expiring",
                 "followup"):  # fmt: skip
        print(f"  [{scale}x] report {name}", file=sys.stderr, flush=True)
        reports[name] = _worker("report", name, timeout=REPORT_TIMEOUT)
    out["reports"] = reports
    if "maps" in skip:
        return out
    print(f"  [{scale}x] maps", file=sys.stderr, flush=True)
    maps = _worker("maps", str(work / "maps"), timeout=MAPS_TIMEOUT)
    if maps.get("status") == "ok":
        frames.measure(maps["views"])
    out["maps"] = maps
    return out


def run(scale: int, work: Path, *, naive_rels: int, skip: frozenset[str] = frozenset()) -> dict[str, Any]:
    """Every stage at ``scale``; ``work`` is an empty folder of this scale's own."""
    from neo4j._codec.packstream import RUST_AVAILABLE

    res: dict[str, Any] = {"scale": scale, "driver_rust_ext": RUST_AVAILABLE, "skipped": sorted(skip)}
    say = lambda what: print(f"  [{scale}x] {what}", file=sys.stderr, flush=True)  # noqa: E731
    say("generate")
    summary, res["generate_seconds"] = _timed(generate, work / "dataset", scale=scale)
    res["dataset_rows"] = summary.counts
    say("validate")
    ds, res["validate_seconds"] = _timed(validate_dataset, work / "dataset")
    model, res["model_seconds"] = _timed(build_model, ds)
    res["graph_size"] = {"nodes": len(model.nodes), "relationships": len(model.rels)}
    say("database start")
    _, res["db_start_seconds"] = _timed(_server.start)
    info = _server.status()
    assert info is not None
    res.update(engine=info.engine, engine_version=info.engine_version, engine_note=info.engine_note)
    graph: Graph
    graph, res["db_connect_seconds"] = _timed(connect, database="bench")
    try:
        say("first load on the cold server (national, warms it up)")
        national = ds if scale == 1 else validate_dataset(generate(work / "national", scale=1).path)
        _server.ensure_database("warmup")
        with connect(database="warmup") as warm:
            result, seconds = _timed(load_dataset, national, warm)
        res["load_cold_server"] = _load_figures(result, seconds)
        del national
        say("load")
        result, seconds = _timed(load_dataset, ds, graph)
        res["load"] = _load_figures(result, seconds)
        say("reload (no changes)")
        again, seconds = _timed(load_dataset, ds, graph)
        assert again.unchanged, again.summary()
        res["reload"] = _load_figures(again, seconds)
        if "baselines" not in skip:
            say("Bolt ceiling")
            state = graph.read("load/state/nodes", labels=list(NODE_LABELS))
            eids = {(primary_label(r["labels"]), r["key"]): r["eid"] for r in state}
            del state
            res["ceiling"] = baselines.ceiling(graph, model, eids)
            del eids
            res["ceiling_plain"] = baselines.ceiling_plain(graph, model)
        res.update(_reports_and_maps(scale, work, skip))
        say("reload after a 1% change")
        small, res["change"] = changed(ds)
        result, seconds = _timed(load_dataset, small, graph)
        res["reload_changed"] = _load_figures(result, seconds)
        if "baselines" not in skip:
            say("networkx build")
            res["networkx"] = baselines.networkx_build(model)
            say("naive loader (sample)")
            _server.ensure_database("naive")
            with connect(database="naive") as naive_graph:
                res["naive"] = baselines.naive(naive_graph, model, rels_wanted=naive_rels)
        res["memory"] = {"client": memory(), "server": memory(info.pid)}
    finally:
        graph.close()
        _server.stop()
    say("database restart (home with the data)")
    _, res["db_restart_seconds"] = _timed(_server.start)
    _server.stop()
    return res


def main() -> None:
    scale, work = int(sys.argv[1]), Path(sys.argv[2])
    naive_rels = int(sys.argv[3]) if len(sys.argv) > 3 else 600
    skip = frozenset(filter(None, sys.argv[4].split(","))) if len(sys.argv) > 4 else frozenset()
    work.mkdir(parents=True, exist_ok=True)
    os.environ["GRAPHKIT_HOME"] = str(work / "home")
    os.environ["GRAPHKIT_DATABASE"] = "bench"
    os.environ[_server.WATCH_PID_ENV] = str(os.getpid())  # the server goes when this process does
    print(json.dumps(run(scale, work, naive_rels=naive_rels, skip=skip)))


if __name__ == "__main__":
    main()
