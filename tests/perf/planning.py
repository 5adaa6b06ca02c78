"""Benchmark of the planning outputs at national scale: ``graphkit.brief`` (graph read included),
``graphkit.changes`` and ``graphkit.approach_paths`` (each with its own graph read), interleaved with the
``coverage`` report as a reference, in a temporary data folder with its own embedded server.

    .venv/bin/python tests/perf/planning.py [--runs 5] [--pdf]

Prints medians and ratios; no assertion (targets: brief <= 3 s, changes and paths <= 1 s each).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pdf", action="store_true", help="also time the PDF print (headless Chromium)")
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="graphkit-bench-planning-"))
    os.environ["GRAPHKIT_HOME"] = str(home)
    import graphkit
    from graphkit.store import _server

    try:
        with graphkit.connect() as graph:
            graphkit.generate(home / "national", scale=1, seed=2018)
            graphkit.load_dataset(home / "national", graph)
            jobs = {
                "coverage (reference)": lambda: graphkit.coverage(graph=graph),
                "changes": lambda: graphkit.changes(graph=graph),
                "paths": lambda: graphkit.approach_paths(graph=graph),
                "brief": lambda: graphkit.brief(home / "brief.html", graph=graph),
            }
            if args.pdf:
                jobs["brief + pdf"] = lambda: graphkit.brief(home / "b.html", pdf=home / "b.pdf", graph=graph)
            for job in jobs.values():  # warm the server's JIT and the client's imports once
                job()
            times: dict[str, list[float]] = {name: [] for name in jobs}
            for _ in range(args.runs):  # interleaved, so that machine noise hits every job alike
                for name, job in jobs.items():
                    t = time.perf_counter()
                    job()
                    times[name].append(time.perf_counter() - t)
        ref = statistics.median(times["coverage (reference)"])
        targets = {"changes": 1.0, "paths": 1.0, "brief": 3.0, "brief + pdf": None}
        print(f"national scale, {args.runs} interleaved runs each, graph read included (medians):")
        for name, values in times.items():
            med = statistics.median(values)
            target = targets.get(name)
            goal = f"  target <= {target:.0f} s: {'met' if med <= target else 'MISSED'}" if target else ""
            print(f"  {name:<22} {med:6.3f} s  (min {min(values):.3f}, max {max(values):.3f}; "
                  f"{med / ref:4.1f}x coverage){goal}")  # fmt: skip
    finally:
        _server.stop()
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
