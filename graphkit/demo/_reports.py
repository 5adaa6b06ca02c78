"""The demo's report step: the head of the coverage-by-province, isolated and centrality reports."""

from __future__ import annotations

import datetime as dt
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from graphkit.demo._context import DemoContext

__all__ = ["report_heads", "HEAD_ROWS"]

HEAD_ROWS = 8


def report_heads(ctx: DemoContext) -> None:
    """Print the first rows of three reports as of today (one fetch of the graph for all three)."""
    from graphkit._output import render
    from graphkit.reports import _reports
    from graphkit.sync._fetch import fetch_snapshot

    t0 = time.perf_counter()
    snap = ctx.extra["snapshot"] = ctx.prefetched("snapshot", lambda: fetch_snapshot(ctx.graph))  # maps too
    today = dt.date.today()
    frames = [
        (_reports.coverage(today, by="province", snapshot=snap), "graphkit report coverage --by province"),
        (_reports.isolated_regencies(today, snapshot=snap), "graphkit report isolated"),
        (_reports.centrality(today, snapshot=snap), "graphkit report centrality"),
    ]
    ctx.timings["reports"] = time.perf_counter() - t0
    for df, command in frames:
        head = _reports.records(df)[:HEAD_ROWS]
        columns = list(df.attrs.get("table_columns") or df.columns)
        ctx.echo("")
        ctx.echo(_reports.header_line(df))
        ctx.echo(render(head, "table", columns=columns).rstrip("\n"))
        more = len(df) - len(head)
        ctx.echo(f"  ... {more} more rows: {command}" if more > 0 else f"  (all rows; {command})")
