"""graphkit's benchmark: every stage at each scale, with baselines on the same data, in one run.

    python tests/perf/bench.py                       # scales 1,10,100 (about 10-15 minutes on 2 cores)
    python tests/perf/bench.py --scales 1 --json out.json

Prints a readable table on stderr (with the progress) and ONE JSON document on stdout. Each scale runs
in its own process with its own data folder and embedded server (so peak memory is per scale); a cold
``graphkit demo`` runs last, from no server at all. Nothing is left running. Run by hand, not by pytest
(``tests/perf/conftest.py`` keeps pytest out of this folder). See docs/PERFORMANCE.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(ROOT), str(HERE)]

import report  # noqa: E402

SCALE_TIMEOUT = 1800.0


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())  # fmt: skip
    mem = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
               if line.startswith("MemTotal"))  # fmt: skip
    import neo4j

    try:
        from neo4j._codec.packstream import RUST_AVAILABLE as rust
    except ImportError:
        rust = False
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True, check=False).stdout.strip()  # fmt: skip
    return {"cpus": os.cpu_count(), "cpu": cpu, "memory_gib": round(mem / 2**20, 1),
            "python": platform.python_version(), "neo4j_driver": neo4j.__version__, "driver_rust_ext": rust,
            "platform": platform.platform(), "commit": commit or None,
            "load_average_start": list(os.getloadavg())}  # fmt: skip


def run_scale(scale: int, work: Path, naive_rels: int) -> dict[str, Any]:
    print(f"scale {scale}x ...", file=sys.stderr, flush=True)
    cmd = [sys.executable, str(HERE / "stages.py"), str(scale), str(work), str(naive_rels)]
    try:
        done = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, timeout=SCALE_TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        return {"scale": scale, "status": "timeout", "seconds": SCALE_TIMEOUT}
    lines = done.stdout.strip().splitlines()
    if done.returncode or not lines:
        return {"scale": scale, "status": "error", "returncode": done.returncode}
    return {"status": "ok", **json.loads(lines[-1])}


def cold_demo(work: Path) -> dict[str, Any]:
    """``graphkit demo`` from nothing running, in a fresh data folder: wall time and the demo's timings."""
    print("cold graphkit demo ...", file=sys.stderr, flush=True)
    env = {**os.environ, "GRAPHKIT_HOME": str(work / "home"), "GRAPHKIT_SERVER_WATCH_PID": str(os.getpid())}
    env.pop("GRAPHKIT_DATABASE", None)
    cmd = [sys.executable, "-m", "graphkit", "demo", "--out", str(work / "out")]
    started = time.perf_counter()
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600, check=False,
                              cwd=ROOT)  # fmt: skip
        wall = time.perf_counter() - started
    finally:
        subprocess.run([sys.executable, "-m", "graphkit", "db", "stop"], env=env, capture_output=True,
                       timeout=120, check=False, cwd=ROOT)  # fmt: skip
    if done.returncode:
        return {"status": "error", "returncode": done.returncode, "stderr": done.stderr[-500:]}
    timings: dict[str, float] = {}
    for line in done.stdout.splitlines():
        if line.strip().startswith("timings:"):
            for name, value in re.findall(r"([a-z][a-z ]*?) ([0-9.]+) s", line.split(":", 1)[1]):
                timings[name.strip()] = float(value)
    db = timings.get("database up")
    return {"status": "ok", "seconds": round(wall, 3), "timings": timings,
            "after_database_seconds": round(wall - db, 3) if db is not None else None}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", default="1,10,100", help="comma-separated scales (default 1,10,100)")
    parser.add_argument("--json", type=Path, help="also write the JSON document to this file")
    parser.add_argument("--no-demo", action="store_true", help="skip the cold `graphkit demo`")
    parser.add_argument("--naive-rels", type=int, default=600, help="relationships in the naive sample")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (datasets, maps)")
    args = parser.parse_args(argv)
    scales = [int(s) for s in args.scales.split(",") if s.strip()]
    work = Path(tempfile.mkdtemp(prefix="graphkit-bench-"))
    started = time.perf_counter()
    doc: dict[str, Any] = {"started": dt.datetime.now().isoformat(timespec="seconds"), "machine": machine()}
    try:
        doc["scales"] = {str(s): run_scale(s, work / f"scale-{s}", args.naive_rels) for s in scales}
        doc["demo"] = None if args.no_demo else cold_demo(work / "demo")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    doc["machine"]["load_average_end"] = list(os.getloadavg())
    doc["seconds"] = round(time.perf_counter() - started, 1)
    doc["work_folder"] = str(work) if args.keep else None
    report.add_ratios(doc)
    doc["targets"] = report.targets(doc)
    print(report.table(doc), file=sys.stderr)
    text = json.dumps(doc, indent=2, sort_keys=False)
    if args.json:
        args.json.write_text(text + "\n")
    print(text)
    return 0 if all(s.get("status") == "ok" for s in doc["scales"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
