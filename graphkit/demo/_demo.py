"""``graphkit demo``: the main job on the embedded default, from nothing to a loaded national graph.

Steps are plain functions appended to ``STEPS`` so that reports and maps can join the demo without
changing its shape; each takes the demo context and prints through ``echo``.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from graphkit._gc import gc_paused
from graphkit.demo._context import DemoContext
from graphkit.store import _server
from graphkit.store._db import Graph, connect
from graphkit.sync._load import graph_counts, load_dataset

__all__ = ["DemoContext", "run_demo", "STEPS", "DEMO_DATABASE"]

#: The embedded database the demo loads into (with Neo4j: the configured database).
DEMO_DATABASE = "demo"
#: Read queries the demo runs side by side after the load.
READERS = 4

def _summary(ctx: DemoContext) -> None:
    counts = ctx.prefetched("counts", lambda: graph_counts(ctx.graph))
    nodes = counts["nodes"]
    rels = counts["relationships"]
    ctx.echo("")
    ctx.echo(f"Graph ({ctx.graph.uri}, database {ctx.graph.database}) — SYNTHETIC national dataset:")
    ctx.echo("  nodes:         " + ", ".join(f"{label} {n:,}" for label, n in nodes.items()))
    ctx.echo("  relationships: " + ", ".join(f"{t} {n:,}" for t, n in rels.items()))
    ctx.echo(f"  total:         {sum(nodes.values()):,} nodes, {sum(rels.values()):,} relationships")
    ctx.echo("  timings:       " + ", ".join(f"{k} {v:.2f} s" for k, v in ctx.timings.items()))


def _reports(ctx: DemoContext) -> None:
    from graphkit.demo._reports import report_heads

    report_heads(ctx)


def _maps(ctx: DemoContext) -> None:
    from graphkit.demo._maps import demo_maps

    demo_maps(ctx)


def _brief(ctx: DemoContext) -> None:
    from graphkit.demo._brief import demo_brief

    demo_brief(ctx)


#: Demo steps after loading, in order: summary, report heads, the three map views, the planning brief.
STEPS: list[Callable[[DemoContext], None]] = [_summary, _reports, _maps, _brief]


def run_demo(
    *, seed: int = 2018, out: Path | None = None, echo: Callable[[str], None] = print
) -> DemoContext:
    """Start the database (embedded unless NEO4J_URI is set), generate and load the national dataset.

    Returns the context (graph closed) with timings, for tests and benchmarks.
    """
    from graphkit.synthetic._generate import generate

    out = Path(out) if out else _server.home() / "demo"
    out.mkdir(parents=True, exist_ok=True)
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    # the steps' modules (numpy, scipy, networkx, rich, ~0.5-1 s) load while the database starts
    warm = threading.Thread(target=_import_steps, name="graphkit-demo-imports", daemon=True)
    warm.start()
    # the demo never replaces what a user loaded: it has a database of its own on the embedded server
    graph = connect(database=None if os.environ.get("NEO4J_URI") else DEMO_DATABASE)
    timings["database up"] = time.perf_counter() - t0
    echo(f"database: {graph.uri} ({'embedded' if graph.embedded else 'Neo4j'})")
    pool = ThreadPoolExecutor(max_workers=READERS, thread_name_prefix="graphkit-demo-read")
    try:
        t = time.perf_counter()
        dataset = out / f"national-synthetic-seed{seed}"
        generate(dataset, scale=1, seed=seed)
        timings["generate"] = time.perf_counter() - t
        echo(f"generated SYNTHETIC national dataset in {dataset}")
        warm.join()  # before the load, so that it has the client to itself
        t = time.perf_counter()
        result = load_dataset(dataset, graph)
        timings["load"] = time.perf_counter() - t
        echo("load: " + result.summary())
        ctx = DemoContext(graph, out, dataset, echo, timings, pending=_start_reads(graph, pool))
        with gc_paused():
            for step in STEPS:
                step(ctx)
        timings["total"] = time.perf_counter() - t0
        echo(f"done in {timings['total']:.1f} s")
        if graph.database == DEMO_DATABASE:
            echo(f"explore it: graphkit report centrality --top 20 --database {DEMO_DATABASE}   "
                 "(your own data goes to the default database: graphkit load PATH)")  # fmt: skip
        return ctx
    finally:
        pool.shutdown(wait=True, cancel_futures=True)  # no read may outlive the driver
        graph.close()


def _import_steps() -> None:
    """Import what the steps use (run in a thread while the database starts; errors surface later)."""
    with contextlib.suppress(Exception):
        import rich.console  # noqa: F401  (the report tables)
        import rich.table  # noqa: F401

        import graphkit.analytics.centrality  # noqa: F401
        import graphkit.analytics.network  # noqa: F401
        import graphkit.demo._maps  # noqa: F401
        import graphkit.demo._reports  # noqa: F401
        import graphkit.reports._reports  # noqa: F401
        from graphkit.maps._html import page_assets, vis_assets

        vis_assets()
        page_assets()


def _start_reads(graph: Graph, pool: ThreadPoolExecutor) -> dict[str, Callable[[], Any]]:
    """Start the reads the steps need, side by side, as soon as the load is done: the counts (printed
    first) and the snapshot's queries at once; the maps' details once the snapshot is in, so that the
    server answers them while the client computes the reports instead of slowing the reads before."""
    from graphkit.maps._details import start_details
    from graphkit.sync._fetch import start_snapshot

    counts = pool.submit(graph_counts, graph)  # two queries in a row: the first to start
    snapshot = start_snapshot(graph, pool)
    details: list[Callable[[], Any]] = []

    def snapshot_then_details() -> Any:
        snap = snapshot()
        details.append(start_details(graph, pool))
        return snap

    def wait_details() -> Any:
        return (details[0] if details else start_details(graph, pool))()

    return {"counts": counts.result, "snapshot": snapshot_then_details, "details": wait_details}
