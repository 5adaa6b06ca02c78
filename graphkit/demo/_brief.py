"""The ``graphkit demo`` step that writes the planning brief beside the maps (``maps/brief.html``)."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

__all__ = ["demo_brief"]


def demo_brief(ctx: Any) -> None:
    """Write ``maps/brief.html`` from the snapshot the reports step read, and print its path and figures.

    ``ctx`` is the demo's context (``graph``, ``out``, ``echo``, ``timings``, ``extra``).
    """
    from graphkit.briefing import brief

    started = time.perf_counter()
    result = brief(ctx.out / "maps" / "brief.html", as_of=dt.date.today(), lang="id", graph=ctx.graph,
                   snapshot=ctx.extra.get("snapshot"))  # fmt: skip
    f = result.figures
    ctx.echo("")
    ctx.echo(f"planning brief (SYNTHETIC; print it, or: graphkit brief -o brief.html --pdf brief.pdf "
             f"--database demo):\n  brief     {result.html}  ({f['reached']} of {f['regencies']} regencies "
             f"reached, {f['in_force']} agreements in force, {f['expiring_6m']} expiring within 6 months)")
    ctx.extra["brief"] = result.html
    ctx.timings["brief"] = time.perf_counter() - started
