"""The README's performance table, generated from one ``scripts/bench.sh`` JSON document.

    bash scripts/bench.sh --scales 1,10 --json bench.json >/dev/null
    .venv/bin/python scripts/perf_table.py bench.json          # Markdown on stdout
    .venv/bin/python scripts/perf_table.py bench.json --variants jvm,native+rust --brief   # the README's

States the machine and the settings of each variant, then the figures of every variant side by side
(ratios to "before" in brackets): the cold path first (a new user's first minute), the warm figures after.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "perf"))

import compare  # noqa: E402


def _variant(name: str, run: dict[str, Any]) -> str:
    engine, _, extra = name.partition("+")
    first = next((r for r in (run.get("scales") or {}).values() if r.get("engine_version")), {})
    rust = "with neo4j-rust-ext" if extra == "rust" else "pure-Python driver"
    return f"`{name}`: {engine} build ({first.get('engine_version', '?')}), {rust}"


def render(doc: dict[str, Any], variants: list[str] | None = None, brief: bool = False) -> str:
    """Machine, variants and the side-by-side table as Markdown (``variants``: the columns to show)."""
    m = doc.get("machine", {})
    load = ", ".join(f"{x:.1f}" for x in m.get("load_average_start", []))
    skipped = sorted({s for run in doc["variants"].values() for r in (run.get("scales") or {}).values()
                      for s in r.get("skipped", [])})  # fmt: skip
    left_out = f" Stages left out: {', '.join(skipped)}." if skipped else ""
    lines = [
        f"Measured {doc.get('started', '?')} with `bash scripts/bench.sh` on {m.get('cpus')} x "
        f"{m.get('cpu')}, {m.get('memory_gib')} GiB, {m.get('platform')}, Python {m.get('python')}, neo4j "
        f"driver {m.get('neo4j_driver')}; load average {load} at the start (a shared machine: compare "
        f"ratios, not seconds). Commit {m.get('commit')}.{left_out}",
        "",
        "Variants (run interleaved in one run; the first is \"before\", today's settings until issue 16):",
        "",
        *[f"- {_variant(name, run)}" for name, run in doc["variants"].items()
          if variants is None or name in variants],
        "",
        compare.markdown(doc, variants, brief),
    ]
    demo_runs = {n: (r.get("demo") or {}).get("runs") for n, r in doc["variants"].items()}
    each = [f"{n} {', '.join(f'{s:.2f}' for s in runs if s is not None)} s"
            for n, runs in demo_runs.items() if runs]  # fmt: skip
    if each:
        lines += ["", f"Cold demo: the best of {'; '.join(each)}."]
    return "\n".join(lines)


def merge(docs: list[dict[str, Any]]) -> dict[str, Any]:
    """Several runs as one (e.g. 1x,10x and a separate 100x run): scales and demos per variant, the first
    run's machine and "before"; ``started`` lists every run."""
    doc = {**docs[0], "variants": {}, "compare": None}
    for d in docs:
        for name, run in d["variants"].items():
            into = doc["variants"].setdefault(name, {"scales": {}})
            into["scales"].update(run.get("scales") or {})
            into["demo"] = into.get("demo") or run.get("demo")
    doc["started"] = " and ".join(str(d.get("started")) for d in docs)
    return doc


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("json", type=Path, nargs="+", help="JSON documents of bench.sh (several: merged)")
    parser.add_argument("--variants", help="comma-separated columns to show (default: every variant)")
    parser.add_argument("--brief", action="store_true", help="of the reports, coverage and centrality only")
    args = parser.parse_args(argv)
    shown = args.variants.split(",") if args.variants else None
    docs = [json.loads(path.read_text(encoding="utf-8")) for path in args.json]
    print(render(merge(docs) if len(docs) > 1 else docs[0], shown, args.brief))
    return 0


if __name__ == "__main__":
    sys.exit(main())
