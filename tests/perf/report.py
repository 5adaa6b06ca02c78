"""The benchmark's JSON document turned into ratios, target checks and a readable table (pure functions).

>>> doc = {"scales": {"10": {"load": {"rows_per_s": 500}, "ceiling": {"rows_per_s": 1000},
...        "naive": {"rows_per_s": 20}, "networkx": {"rows_per_s": 5000}}}}
>>> ratios = add_ratios(doc)["scales"]["10"]["ratios"]
>>> ratios["loader_vs_ceiling"], ratios["loader_vs_naive"], ratios["loader_vs_ceiling_plain"]
(0.5, 25.0, None)
"""

from __future__ import annotations

from typing import Any

__all__ = ["add_ratios", "targets", "table", "markdown"]

REPORTS = ("coverage", "coverage_by_province", "isolated_regencies", "centrality", "expiring", "followup")
GIB = 1024.0


def _get(d: Any, *path: str) -> Any:
    for key in path:
        if not isinstance(d, dict) or key not in d:
            return None
        d = d[key]
    return d


def add_ratios(doc: dict[str, Any]) -> dict[str, Any]:
    """Add ``ratios`` (the loader's rows/s over each baseline's) to every scale; returns ``doc``."""
    for res in doc.get("scales", {}).values():
        ours = _get(res, "load", "rows_per_s")
        ratios = {}
        for name in ("ceiling", "ceiling_plain", "naive", "networkx"):
            theirs = _get(res, name, "rows_per_s")
            ratios[f"loader_vs_{name}"] = round(ours / theirs, 3) if ours and theirs else None
        res["ratios"] = ratios
    return doc


def _check(name: str, value: Any, limit: float, *, at_least: bool = False, unit: str = "") -> dict:
    ok = None if value is None else (value >= limit if at_least else value <= limit)
    sign = ">=" if at_least else "<="
    return {"target": f"{name} {sign} {limit:g}{unit}", "value": value, "ok": ok}


def targets(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target of issue 7 with the measured value and ok True/False (None: not measured)."""
    out = []
    demo = doc.get("demo") or {}
    out.append(_check("cold `graphkit demo` (s)", demo.get("seconds"), 8))
    out.append(
        _check("cold `graphkit demo` after the database is up (s)", demo.get("after_database_seconds"), 4)
    )
    scales = doc.get("scales", {})
    for scale in ("10", "100"):
        ratios = _get(scales, scale, "ratios") or {}
        out.append(
            _check(f"{scale}x load / Bolt ceiling", ratios.get("loader_vs_ceiling"), 0.5, at_least=True)
        )
        out.append(_check(f"{scale}x load / naive loader", ratios.get("loader_vs_naive"), 20, at_least=True))
    for scale, limit in (("1", 1.0), ("100", 30.0)):
        for name in REPORTS:
            rep = _get(scales, scale, "reports", name) or {}
            out.append(_check(f"{scale}x report {name} (s)", rep.get("seconds"), limit))
    views = _get(scales, "1", "maps", "views") or {}
    for view, figures in views.items():
        ready = figures.get("ready_ms_best")
        out.append(_check(f"1x map {view} to stable frame (s)", None if ready is None else ready / 1000, 1))
    province = _get(scales, "100", "maps", "views", "province", "ready_ms_best")
    out.append(
        _check("100x map province to stable frame (s)", None if province is None else province / 1000, 2)
    )
    for side in ("client", "server"):
        peak = _get(scales, "100", "memory", side, "peak_mib")
        out.append(
            _check(f"100x peak memory {side} (GiB)", None if peak is None else round(peak / GIB, 2), 2)
        )
    return out


def _s(value: Any) -> str:
    return "-" if value is None else f"{value:.2f} s"


def _rate(fig: Any) -> str:
    if not isinstance(fig, dict) or fig.get("rows_per_s") is None:
        return "-"
    return f"{fig['rows_per_s']:,}/s"


def _status(fig: Any) -> str | None:
    if not isinstance(fig, dict):
        return "-"
    if fig.get("status") not in (None, "ok"):
        return str(fig["status"])
    return None


def _rows(res: dict[str, Any]) -> list[tuple[str, str]]:
    load, reload_, changed = res.get("load") or {}, res.get("reload") or {}, res.get("reload_changed") or {}
    ratios, mem = res.get("ratios") or {}, res.get("memory") or {}
    size = res.get("graph_size") or {}
    pct = lambda r: "-" if r is None else f"{r:.0%}"  # noqa: E731
    times = lambda r: "-" if r is None else f"{r:,.1f}x"  # noqa: E731
    rows = [
        ("graph (nodes + relationships)", f"{size.get('nodes', 0):,} + {size.get('relationships', 0):,}"),
        ("generate", _s(res.get("generate_seconds"))),
        ("validate", _s(res.get("validate_seconds"))),
        ("database start (spawn to ready)", _s(res.get("db_start_seconds"))),
        ("national load on the cold server", _s(_get(res, "load_cold_server", "seconds"))),
        ("load into an empty database", f"{_s(load.get('seconds'))} ({_rate(load)})"),
        (
            "  Bolt ceiling, same batches",
            f"{_s(_get(res, 'ceiling', 'seconds'))} ({_rate(res.get('ceiling'))})",
        ),
        ("  loader / ceiling", pct(ratios.get("loader_vs_ceiling"))),
        (
            "  Bolt ceiling, plain row maps",
            f"{_s(_get(res, 'ceiling_plain', 'seconds'))} ({_rate(res.get('ceiling_plain'))})",
        ),
        ("  loader / plain-map ceiling", pct(ratios.get("loader_vs_ceiling_plain"))),
        ("  naive, 1 tx per row (sample)", _rate(res.get("naive"))),
        ("  loader / naive", times(ratios.get("loader_vs_naive"))),
        ("  networkx in-memory build", _rate(res.get("networkx"))),
        ("  loader / networkx", pct(ratios.get("loader_vs_networkx"))),
        ("reload, no changes", _s(reload_.get("seconds"))),
        (
            "reload, 1% of agreements changed",
            f"{_s(changed.get('seconds'))} ({changed.get('rows', 0):,} rows)",
        ),
        (
            "graph read for reports",
            _status(res.get("snapshot_fetch")) or _s(_get(res, "snapshot_fetch", "seconds")),
        ),
    ]
    for name in REPORTS:
        fig = _get(res, "reports", name)
        text = _status(fig) or _s(fig.get("seconds"))
        if (
            name == "centrality"
            and isinstance(fig, dict)
            and _get(fig, "attrs", "betweenness_method") == "sampled"
        ):
            a = fig["attrs"]
            text += f" (sampled, k={a.get('betweenness_k')}, betweenness ±{a.get('betweenness_error')}"
            if a.get("closeness_method") == "sampled":
                text += f", closeness ±{a.get('closeness_error')} on {a.get('closeness_checked')} checked"
            text += ")"
        rows.append((f"report {name}", text))
    maps = res.get("maps") or {}
    rows.append(("map data read", _status(maps) or _s(maps.get("read_seconds"))))
    for view, fig in (maps.get("views") or {}).items():
        drawn = f" as {fig['drawn_as']}" if fig.get("drawn_as") != view else ""
        ready = fig.get("ready_ms_best")
        stable = (
            f", stable {ready / 1000:.2f} s (cold {fig['ready_ms'] / 1000:.2f})" if ready is not None else ""
        )
        rows.append(
            (f"map {view}", f"{_s(fig.get('seconds'))}{drawn}, {fig.get('bytes', 0) / 1e6:.1f} MB{stable}")
        )
    client, server = mem.get("client") or {}, mem.get("server") or {}
    rows.append(
        (
            "peak memory client / server",
            f"{client.get('peak_mib', 0):,.0f} / {server.get('peak_mib', 0):,.0f} MiB",
        )
    )
    return rows


def table(doc: dict[str, Any]) -> str:
    """The whole run as text: machine, one column per scale, the cold demo, the targets."""
    m = doc.get("machine", {})
    lines = [
        f"graphkit benchmark {doc.get('started', '')} ({doc.get('seconds', '?')} s): {m.get('cpus')} x "
        f"{m.get('cpu')}, {m.get('memory_gib')} GiB, Python {m.get('python')}, neo4j driver "
        f"{m.get('neo4j_driver')} (rust ext: {m.get('driver_rust_ext')}), load average "
        f"{', '.join(f'{x:.1f}' for x in m.get('load_average_start', []))} at start",
        "",
    ]
    scales = doc.get("scales", {})
    columns = [_rows(res) if res.get("status") == "ok" else [("status", res.get("status", "?"))]
               for res in scales.values()]  # fmt: skip
    names = list(dict.fromkeys(name for col in columns for name, _ in col))
    width = max(len(n) for n in names) + 2 if names else 10
    colw = max([len(v) for col in columns for _, v in col] + [12]) + 2
    lines.append("stage".ljust(width) + "".join(f"{s}x".ljust(colw) for s in scales))
    for name in names:
        cells = [dict(col).get(name, "") for col in columns]
        lines.append(name.ljust(width) + "".join(c.ljust(colw) for c in cells))
    demo = doc.get("demo")
    if demo:
        if demo.get("status") == "ok":
            lines += ["", f"cold `graphkit demo` (national): {demo['seconds']:.2f} s end to end, "
                      f"{_s(demo.get('after_database_seconds'))} after the database is up; "
                      + ", ".join(f"{k} {v:.2f} s" for k, v in demo.get("timings", {}).items())]  # fmt: skip
        else:
            lines += ["", f"cold `graphkit demo`: {demo.get('status')}: {demo.get('stderr', '')[-200:]}"]
    lines += ["", "targets:"]
    for t in doc.get("targets", []):
        mark = {True: "ok  ", False: "MISS", None: "n/a "}[t["ok"]]
        lines.append(f"  {mark} {t['target']}: {t['value'] if t['value'] is not None else 'not measured'}")
    return "\n".join(lines)


def markdown(doc: dict[str, Any]) -> str:
    """The per-scale table as Markdown (for docs/PERFORMANCE.md): ``python tests/perf/report.py FILE``."""
    scales = {s: res for s, res in doc.get("scales", {}).items() if res.get("status") == "ok"}
    columns = [dict(_rows(res)) for res in scales.values()]
    names = list(dict.fromkeys(name for col in columns for name in col))
    lines = ["| stage | " + " | ".join(f"{s}x" for s in scales) + " |", "|---" * (len(scales) + 1) + "|"]
    lines += [
        f"| {name.strip()} | " + " | ".join(col.get(name, "") for col in columns) + " |" for name in names
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    import json
    import sys

    print(markdown(json.loads(open(sys.argv[1], encoding="utf-8").read())))
