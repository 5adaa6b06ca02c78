"""``graphkit demo``: the main job on the embedded default, from nothing to a loaded national graph.

Steps are plain functions appended to ``STEPS`` so that reports and maps can join the demo without
changing its shape; each takes the demo context and prints through ``echo``.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graphkit import _server
from graphkit._db import Graph, connect
from graphkit._load import graph_counts, load_dataset

__all__ = ["DemoContext", "run_demo", "STEPS", "DEMO_DATABASE"]

#: The embedded database the demo loads into (with Neo4j: the configured database).
DEMO_DATABASE = "demo"


@dataclass
class DemoContext:
    graph: Graph
    out: Path
    dataset: Path
    echo: Callable[[str], None]
    timings: dict[str, float] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)


def _summary(ctx: DemoContext) -> None:
    counts = graph_counts(ctx.graph)
    nodes = counts["nodes"]
    rels = counts["relationships"]
    ctx.echo("")
    ctx.echo(f"Graph ({ctx.graph.uri}, database {ctx.graph.database}) — SYNTHETIC national dataset:")
    ctx.echo("  nodes:         " + ", ".join(f"{label} {n:,}" for label, n in nodes.items()))
    ctx.echo("  relationships: " + ", ".join(f"{t} {n:,}" for t, n in rels.items()))
    ctx.echo(f"  total:         {sum(nodes.values()):,} nodes, {sum(rels.values()):,} relationships")
    ctx.echo("  timings:       " + ", ".join(f"{k} {v:.2f} s" for k, v in ctx.timings.items()))


def _reports(ctx: DemoContext) -> None:
    from graphkit._demo_reports import report_heads

    report_heads(ctx)


def _maps(ctx: DemoContext) -> None:
    from graphkit.maps._demo_step import demo_maps

    demo_maps(ctx)


#: Demo steps after loading, in order: summary, report heads, the three map views.
STEPS: list[Callable[[DemoContext], None]] = [_summary, _reports, _maps]


def run_demo(
    *, seed: int = 2018, out: Path | None = None, echo: Callable[[str], None] = print
) -> DemoContext:
    """Start the database (embedded unless NEO4J_URI is set), generate and load the national dataset.

    Returns the context (graph closed) with timings, for tests and benchmarks.
    """
    from graphkit._generate import generate

    out = Path(out) if out else _server.home() / "demo"
    out.mkdir(parents=True, exist_ok=True)
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    # the demo never replaces what a user loaded: it has a database of its own on the embedded server
    graph = connect(database=None if os.environ.get("NEO4J_URI") else DEMO_DATABASE)
    timings["database up"] = time.perf_counter() - t0
    echo(f"database: {graph.uri} ({'embedded' if graph.embedded else 'Neo4j'})")
    try:
        t = time.perf_counter()
        dataset = out / f"national-synthetic-seed{seed}"
        generate(dataset, scale=1, seed=seed)
        timings["generate"] = time.perf_counter() - t
        echo(f"generated SYNTHETIC national dataset in {dataset}")
        t = time.perf_counter()
        result = load_dataset(dataset, graph)
        timings["load"] = time.perf_counter() - t
        echo("load: " + result.summary())
        ctx = DemoContext(graph, out, dataset, echo, timings)
        for step in STEPS:
            step(ctx)
        timings["total"] = time.perf_counter() - t0
        echo(f"done in {timings['total']:.1f} s")
        if graph.database == DEMO_DATABASE:
            echo(f"explore it: graphkit report centrality --top 20 --database {DEMO_DATABASE}   "
                 "(your own data goes to the default database: graphkit load PATH)")  # fmt: skip
        return ctx
    finally:
        graph.close()
