"""The ``graphkit demo`` step that writes the three map views (added to ``graphkit.demo._demo.STEPS``)."""

from __future__ import annotations

import time
from typing import Any

from graphkit.maps import load_map_source, render_map

__all__ = ["demo_maps", "DEMO_VIEWS"]

DEMO_VIEWS = ("network", "geo", "province")


def demo_maps(ctx: Any) -> None:
    """Write ``maps/<view>.html`` for every view under the demo's output folder and print their paths.

    ``ctx`` is a :class:`graphkit.demo._context.DemoContext` (``graph``, ``out``, ``echo``, ``timings``,
    ``extra``).
    """
    started = time.perf_counter()
    # the reports step read the snapshot already; the details were read while it ran
    details = ctx.prefetched("details", lambda: None)
    source = load_map_source(ctx.graph, ctx.extra.get("snapshot"), details)
    ctx.echo("")
    ctx.echo("maps (open in any browser, no network needed):")
    paths = {}
    for view in DEMO_VIEWS:
        result = render_map(None, ctx.out / "maps" / f"{view}.html", view=view, source=source)
        paths[view] = result.path
        ctx.echo(f"  {view:<9} {result.path}  ({result.nodes:,} nodes, {result.bytes / 1e6:.1f} MB)")
    ctx.extra["maps"] = paths
    ctx.timings["maps"] = time.perf_counter() - started
