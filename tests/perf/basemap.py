"""Benchmark of the basemap (issue 14), printed, not asserted: the geo and province views of the national
synthetic dataset with and without the basemap (same payload, the basemap left out), loaded in turn in
real headless Chromium: file size, time to the first stable frame, frames per second during a scripted
zoom (in and out, 2 s, the camera moved every animation frame), and the same zoom with full detail in every
frame (``lightWhileMoving`` off: label halos and dashes drawn while moving, as before issue 14's last step).

    .venv/bin/python tests/perf/basemap.py [--loads 5]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))  # browser.py

ZOOM = """
const done = arguments[arguments.length - 1], net = window.graphkitMap.network;
window.graphkitMap.basemap(arguments[0]); window.graphkitMap.lightWhileMoving = arguments[1];
const s0 = net.getScale(), start = performance.now(); let frames = 0;
function step(now) {
  const t = (now - start) / 2000;
  if (t >= 1) { net.moveTo({scale: s0}); done(frames / ((now - start) / 1000)); return; }
  net.moveTo({scale: s0 * Math.pow(6, Math.sin(Math.PI * t))}); frames++;
  requestAnimationFrame(step);
}
requestAnimationFrame(step);
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--loads", type=int, default=5)
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="graphkit-bench-basemap-")
    os.environ["GRAPHKIT_HOME"] = home
    from browser import chrome

    from graphkit import connect, generate, load_dataset
    from graphkit.maps import load_map_source
    from graphkit.maps._html import html_document
    from graphkit.maps._page import build_payload
    from graphkit.store import _server
    from graphkit.synthetic._generate import DEFAULT_AS_OF

    try:
        generate(Path(home) / "national", scale=1)
        with connect() as graph:
            load_dataset(Path(home) / "national", graph)
            source = load_map_source(graph)
        pages = {}
        for view in ("geo", "province"):
            payload = build_payload(source.snapshot, source.details, view=view, as_of=DEFAULT_AS_OF)
            for variant in ("basemap", "none"):
                data = dict(payload)
                if variant == "none":
                    data.pop("basemap")
                path = Path(home) / f"{view}-{variant}.html"
                path.write_text(html_document(data), encoding="utf-8")
                pages[view, variant] = path
        with chrome() as browser:
            browser.driver.set_script_timeout(30)
            for view in ("geo", "province"):
                ready: dict[str, list[float]] = {"basemap": [], "none": []}
                fps: dict[str, list[float]] = {"basemap": [], "none": []}
                full: list[float] = []
                for _ in range(args.loads):  # interleaved A/B
                    for variant in ("none", "basemap"):
                        browser.open(pages[view, variant], ready="window.graphkitReady")
                        ready[variant].append(browser.js("return window.graphkitReady.ms"))
                        zoomed = browser.driver.execute_async_script(ZOOM, variant == "basemap", True)
                        fps[variant].append(zoomed)
                    full.append(browser.driver.execute_async_script(ZOOM, True, False))
                with_b, without = pages[view, "basemap"].stat().st_size, pages[view, "none"].stat().st_size
                r_b, r_n = statistics.median(ready["basemap"]), statistics.median(ready["none"])
                f_b, f_n = statistics.median(fps["basemap"]), statistics.median(fps["none"])
                grow = (with_b - without) / 1e3
                print(f"{view:9} size {without / 1e3:7.0f} KB -> {with_b / 1e3:7.0f} KB (+{grow:.0f} KB)"
                      f" | first stable frame median {r_n:5.0f} -> {r_b:5.0f} ms (x{r_b / r_n:.2f}), best"
                      f" {min(ready['basemap']):.0f} ms | zoom fps median {f_n:5.1f} -> {f_b:5.1f}"
                      f" (min {min(fps['basemap']):.1f}); full detail while moving"
                      f" {statistics.median(full):5.1f} (x{f_b / statistics.median(full):.2f} now),"
                      f" {args.loads} loads each")  # fmt: skip
    finally:
        _server.stop()
        shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
