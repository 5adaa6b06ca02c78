"""``graphkit demo --real``: the public dataset (graphkit/data/public) in a database of its own.

The same report and map steps as the synthetic demo, on real data: every report header says how complete
the dataset is ("names N of the M partners reported"), and the maps go to ``<out>/real/maps`` beside the
synthetic ones (``<out>/maps``).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

from graphkit.demo._context import DemoContext
from graphkit.store import _server
from graphkit.store._db import connect
from graphkit.sync._load import graph_counts, load_dataset

__all__ = ["run_real_demo", "REAL_DATABASE", "PUBLIC_DATASET"]

#: The embedded database the real demo loads into (with Neo4j: the configured database).
REAL_DATABASE = "demo_real"
PUBLIC_DATASET = Path(__file__).resolve().parent.parent / "data" / "public"


def run_real_demo(*, out: Path | None = None, echo: Callable[[str], None] = print) -> DemoContext:
    """Load the public dataset into ``demo_real``, print the report heads and write the three maps."""
    from graphkit.demo._maps import demo_maps
    from graphkit.demo._reports import report_heads

    out = (Path(out) if out else _server.home() / "demo") / "real"
    out.mkdir(parents=True, exist_ok=True)
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    graph = connect(database=None if os.environ.get("NEO4J_URI") else REAL_DATABASE)
    echo(f"database: {graph.uri} ({'embedded' if graph.embedded else 'Neo4j'}), database {graph.database}")
    try:
        t = time.perf_counter()
        result = load_dataset(PUBLIC_DATASET, graph)
        timings["load"] = time.perf_counter() - t
        echo(f"loaded the REAL public dataset {PUBLIC_DATASET}: " + result.summary())
        statement = (PUBLIC_DATASET / "completeness.txt").read_text(encoding="utf-8").strip()
        echo(f"completeness: this dataset {statement}")
        counts = graph_counts(graph)
        echo("  nodes: " + ", ".join(f"{label} {n:,}" for label, n in counts["nodes"].items()))
        ctx = DemoContext(graph, out, PUBLIC_DATASET, echo, timings)
        report_heads(ctx)
        demo_maps(ctx)
        timings["total"] = time.perf_counter() - t0
        echo(f"done in {timings['total']:.1f} s")
        if graph.database == REAL_DATABASE:
            echo(f"explore it: graphkit report isolated --database {REAL_DATABASE}")
        return ctx
    finally:
        graph.close()
