"""graphkit's benchmark: every stage at each scale, for each engine variant side by side, in one run.

    python tests/perf/bench.py                       # scales 1,10,100, variants jvm,native+rust,jvm+rust
    python tests/perf/bench.py --scales 1,10 --variants jvm,native --json out.json
    python tests/perf/bench.py --scales '' --variants jvm@b845984,jvm,native+rust --demo-runs 3   # cold demos

A variant is an embedded-server engine (``jvm`` or ``native``, as ``GRAPHKIT_ENGINE``) with ``+rust`` when
the neo4j driver may use its Rust extension (``neo4j-rust-ext``; without ``+rust`` it is hidden, see
``norust/``); ``@REV`` runs the code of git revision REV (cold demo only: graphkit as it was, e.g. when
issue 16 was filed, b845984). The first variant is "before" (default: ``jvm``, today's settings until issue
16) and every figure of the others gets a ratio to it. The variants run interleaved (cold demos first, then
each scale in turn), so machine noise hits them alike. Prints a readable table on stderr (with the progress)
and ONE JSON document on stdout. Each scale runs in its own process with its own data folder and embedded
server (so peak memory is per scale); a cold ``graphkit demo`` runs from no server at all. Nothing is left
running. Run by hand, not by pytest (``tests/perf/conftest.py`` keeps pytest out of this folder).
``scripts/perf_table.py`` turns the JSON into the README's table. See docs/PERFORMANCE.md.
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

import compare  # noqa: E402
import report  # noqa: E402

SCALE_TIMEOUT = 1800.0
DEFAULT_VARIANTS = "jvm,native+rust,jvm+rust"


def variant_env(spec: str, work: Path | None = None) -> dict[str, str]:
    """The environment of variant ``spec`` for every process it starts: ``ENGINE`` or ``ENGINE+rust``,
    optionally ``@REV`` (the code of git revision REV, unpacked into ``work``: an honest "before" for the
    cold demo, e.g. ``jvm@b845984`` = graphkit as it was when issue 16 was filed)."""
    spec, _, rev = spec.partition("@")
    engine, _, extra = spec.partition("+")
    if engine not in ("jvm", "native") or extra not in ("", "rust"):
        raise SystemExit(f"bench: variant {spec!r}: use jvm, native, jvm+rust or native+rust (+ @REV)")
    env = {**os.environ, "GRAPHKIT_ENGINE": engine}
    paths = [env.get("PYTHONPATH")]
    if rev:
        paths.insert(0, str(code_at(rev, work or Path(tempfile.mkdtemp(prefix="graphkit-bench-")))))
        env["GRAPHKIT_BENCH_TREE"] = paths[0] or ""
    if extra != "rust":
        paths.insert(0, str(HERE / "norust"))
    env["PYTHONPATH"] = os.pathsep.join(filter(None, paths))
    return env


def code_at(rev: str, work: Path) -> Path:
    """The repository's files at git revision ``rev``, unpacked (``git archive``) into ``work/code-REV``."""
    tree = work / f"code-{rev}"
    if not tree.is_dir():
        tree.mkdir(parents=True)
        archive = subprocess.run(["git", "archive", rev], cwd=ROOT, capture_output=True, check=False)
        if archive.returncode:
            raise SystemExit(f"bench: git archive {rev}: {archive.stderr.decode().strip()}")
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive.stdout, check=True)
    return tree


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
    from graphkit.store._engine import engine_version

    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True, check=False).stdout.strip()  # fmt: skip
    return {"cpus": os.cpu_count(), "cpu": cpu, "memory_gib": round(mem / 2**20, 1),
            "python": platform.python_version(), "neo4j_driver": neo4j.__version__,
            "driver_rust_ext_installed": rust, "engines": {e: engine_version(e) for e in ("jvm", "native")},
            "platform": platform.platform(), "commit": commit or None,
            "load_average_start": list(os.getloadavg())}  # fmt: skip


def run_scale(scale: int, work: Path, naive_rels: int, env: dict[str, str], skip: str = "") -> dict[str, Any]:
    print(f"scale {scale}x ({env['GRAPHKIT_ENGINE']}) ...", file=sys.stderr, flush=True)
    cmd = [sys.executable, str(HERE / "stages.py"), str(scale), str(work), str(naive_rels), skip]
    try:
        done = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, timeout=SCALE_TIMEOUT, check=False,
                              env=env)  # fmt: skip
    except subprocess.TimeoutExpired:
        return {"scale": scale, "status": "timeout", "seconds": SCALE_TIMEOUT}
    lines = done.stdout.strip().splitlines()
    if done.returncode or not lines:
        return {"scale": scale, "status": "error", "returncode": done.returncode}
    return {"status": "ok", **json.loads(lines[-1])}


def cold_demo(work: Path, variant_env: dict[str, str]) -> dict[str, Any]:
    """``graphkit demo`` from nothing running, in a fresh data folder: wall time and the demo's timings."""
    tree = Path(variant_env.get("GRAPHKIT_BENCH_TREE") or ROOT)
    label = variant_env["GRAPHKIT_ENGINE"] + (f" @ {tree.name}" if tree != ROOT else "")
    print(f"cold graphkit demo ({label}) ...", file=sys.stderr, flush=True)
    env = {**variant_env, "GRAPHKIT_HOME": str(work / "home"), "GRAPHKIT_SERVER_WATCH_PID": str(os.getpid())}
    env.pop("GRAPHKIT_DATABASE", None)
    cmd = [sys.executable, "-m", "graphkit", "demo", "--out", str(work / "out")]
    started = time.perf_counter()
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600, check=False,
                              cwd=tree)  # fmt: skip
        wall = time.perf_counter() - started
    finally:
        subprocess.run([sys.executable, "-m", "graphkit", "db", "stop"], env=env, capture_output=True,
                       timeout=120, check=False, cwd=tree)  # fmt: skip
    if done.returncode:
        return {"status": "error", "returncode": done.returncode, "stderr": done.stderr[-500:]}
    timings: dict[str, float] = {}
    for line in done.stdout.splitlines():
        if line.strip().startswith("timings:"):
            for name, value in re.findall(r"([a-z][a-z ]*?) ([0-9.]+) s", line.split(":", 1)[1]):
                timings[name.strip()] = float(value)
        done_in = re.match(r"\s*done in ([0-9.]+) s", line)
        if done_in:  # the demo's own clock: the rest of the wall time is Python start-up, imports, exit
            timings["in process"] = float(done_in.group(1))
    db = timings.get("database up")
    return {"status": "ok", "seconds": round(wall, 3), "timings": timings,
            "after_database_seconds": round(wall - db, 3) if db is not None else None}  # fmt: skip


def _best(runs: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The fastest of repeated cold demos (the others are kept under ``runs``)."""
    ok = [r for r in runs if r.get("status") == "ok"]
    if not runs:
        return None
    best = dict(min(ok, key=lambda r: r["seconds"]) if ok else runs[0])
    best["runs"] = [r.get("seconds") for r in runs]
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", default="1,10,100", help="comma-separated scales (default 1,10,100)")
    parser.add_argument("--variants", default=DEFAULT_VARIANTS,
                        help=f"comma-separated variants, the first is 'before' (default {DEFAULT_VARIANTS})")
    parser.add_argument("--json", type=Path, help="also write the JSON document to this file")
    parser.add_argument("--no-demo", action="store_true", help="skip the cold `graphkit demo`")
    parser.add_argument("--demo-runs", type=int, default=2, help="cold demos per variant (default 2)")
    parser.add_argument("--skip", default="", help="stage groups to leave out: maps, baselines")
    parser.add_argument("--naive-rels", type=int, default=600, help="relationships in the naive sample")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (datasets, maps)")
    args = parser.parse_args(argv)  # fmt: skip
    scales = [int(s) for s in args.scales.split(",") if s.strip()]
    variants = list(dict.fromkeys(v.strip() for v in args.variants.split(",") if v.strip()))
    work = Path(tempfile.mkdtemp(prefix="graphkit-bench-"))
    envs = {v: variant_env(v, work) for v in variants}
    started = time.perf_counter()
    doc: dict[str, Any] = {"started": dt.datetime.now().isoformat(timespec="seconds"), "machine": machine(),
                           "before": variants[0],
                           "variants": {v: {"scales": {}} for v in variants}}  # fmt: skip
    runs = doc["variants"]
    try:
        demos: dict[str, list[dict[str, Any]]] = {v: [] for v in variants}
        for i in range(0 if args.no_demo else args.demo_runs):
            for v in variants:
                demos[v].append(cold_demo(work / f"demo-{v}-{i}", envs[v]))
        for v in variants:
            runs[v]["demo"] = _best(demos[v])
        for s in scales:
            for v in variants:
                if "@" in v:  # another revision's code: its cold demo only (its stages may differ)
                    continue
                runs[v]["scales"][str(s)] = run_scale(s, work / f"scale-{s}-{v}", args.naive_rels, envs[v],
                                                      args.skip)  # fmt: skip
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    doc["machine"]["load_average_end"] = list(os.getloadavg())
    doc["seconds"] = round(time.perf_counter() - started, 1)
    doc["work_folder"] = str(work) if args.keep else None
    for v in variants:
        report.add_ratios(runs[v])
        runs[v]["targets"] = report.targets(runs[v])
    doc["compare"] = compare.compare(doc)
    for v in variants:
        text = report.table({**runs[v], "machine": doc["machine"]})
        print(f"\n=== variant {v} ===\n{text}", file=sys.stderr)
    print("\n" + compare.compare_table(doc), file=sys.stderr)
    text = json.dumps(doc, indent=2, sort_keys=False)
    if args.json:
        args.json.write_text(text + "\n")
    print(text)
    return 0 if all(r.get("status") == "ok" for v in runs.values() for r in v["scales"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
