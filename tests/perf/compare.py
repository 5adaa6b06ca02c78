"""The variants of one benchmark run side by side: figures, ratios to "before", issue 16's targets (pure).

``bench.py`` writes ``doc["variants"][NAME]`` (each with ``demo`` and ``scales``) and ``doc["before"]``;
``compare(doc)`` lists every figure for every variant, the cold path first (what a new user sees: the
cold demo, the database start, the first load on a just-started server, one report in its own process),
then the warm figures at each scale. ``scripts/perf_table.py`` prints it as Markdown for the README.

>>> doc = {"before": "jvm", "variants": {
...     "jvm": {"demo": {"seconds": 12.0}, "scales": {"1": {"status": "ok", "db_start_seconds": 3.0}}},
...     "native": {"demo": {"seconds": 6.0}, "scales": {"1": {"status": "ok", "db_start_seconds": 0.5}}}}}
>>> rows = [r for r in compare(doc)["rows"] if r["values"]["native"] is not None]
>>> [(r["figure"], r["values"]["native"], r["ratios"]["native"]) for r in rows]
[('cold `graphkit demo`', 6.0, 0.5), ('database start, fresh data folder (1x)', 0.5, 0.167)]
"""

from __future__ import annotations

from typing import Any

__all__ = ["compare", "compare_table", "markdown"]

from report import REPORTS, _get  # the single-variant table's helpers  # noqa: E402


def _figures(run: dict[str, Any], scales: list[str]) -> list[tuple[str, str, str, Any]]:
    """(group, figure, unit, value) of one variant, the cold path first."""
    demo = run.get("demo") or {}
    sc = run.get("scales") or {}
    one = sc.get("1") or {}
    cold_load, warm_load = _get(one, "load_cold_server", "seconds"), _get(one, "load", "seconds")
    inside = _get(demo, "timings", "in process")
    out: list[tuple[str, str, str, Any]] = [
        ("cold", "cold `graphkit demo`", "s", demo.get("seconds")),
        ("cold", "  of which the database start", "s", _get(demo, "timings", "database up")),
        ("cold", "  of which the national load", "s", _get(demo, "timings", "load")),
        ("cold", "  of which outside the demo's clock (start-up, imports, exit)", "s",
         round(demo["seconds"] - inside, 2) if demo.get("seconds") and inside else None),
        ("cold", "database start, fresh data folder (1x)", "s", one.get("db_start_seconds")),
    ]
    for s in scales:
        out.append(("cold", f"database restart, data folder with the {s}x data", "s",
                    (sc.get(s) or {}).get("db_restart_seconds")))  # fmt: skip
    out += [
        ("cold", "first national load on a just-started server", "s", cold_load),
        ("cold", "  / the same load on a warm server", "x",
         round(cold_load / warm_load, 2) if cold_load and warm_load else None),
    ]  # fmt: skip
    for name in REPORTS:
        seconds = _get(one, "reports", name, "seconds")
        out.append(("cold", f"national report {name} (own process)", "s", seconds))
    for s in scales:
        res = sc.get(s) or {}
        if res.get("status") != "ok":
            out.append(("warm", f"{s}x run", "", res.get("status")))
            continue
        out += [
            ("warm", f"{s}x load into an empty database", "s", _get(res, "load", "seconds")),
            ("warm", f"{s}x reload, no changes", "s", _get(res, "reload", "seconds")),
            ("warm", f"{s}x reload, 1% changed", "s", _get(res, "reload_changed", "seconds")),
            ("warm", f"{s}x graph read for reports", "s", _get(res, "snapshot_fetch", "seconds")),
        ]
        if s != "1":
            for name in REPORTS:
                out.append(("warm", f"{s}x report {name}", "s", _get(res, "reports", name, "seconds")))
        for side in ("client", "server"):
            out.append(("warm", f"{s}x peak memory {side}", "MiB", _get(res, "memory", side, "peak_mib")))
    return out


def _ratio(value: Any, base: Any) -> float | None:
    ok = isinstance(value, int | float) and isinstance(base, int | float) and base
    return round(value / base, 3) if ok else None


def _targets(doc: dict[str, Any], rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Issue 16's targets for every variant other than "before": ratios to it, in the same run."""
    by = {r["figure"]: r for r in rows}
    before = doc["before"]
    out: dict[str, list[dict[str, Any]]] = {}
    for v in doc["variants"]:
        if v == before:
            continue
        checks = []

        def check(name: str, value: Any, limit: float) -> None:
            checks.append({"target": f"{name} <= {limit:g}", "value": value,  # noqa: B023
                           "ok": None if value is None else value <= limit})  # fmt: skip

        ratio = lambda fig: (by.get(fig) or {}).get("ratios", {}).get(v)  # noqa: E731, B023
        value = lambda fig: (by.get(fig) or {}).get("values", {}).get(v)  # noqa: E731, B023
        check("cold `graphkit demo` / before", ratio("cold `graphkit demo`"), 0.4)
        check("database start (s)", value("database start, fresh data folder (1x)"), 1.0)
        check("first load on a cold server / warm", value("  / the same load on a warm server"), 1.2)
        for name in REPORTS:
            check(f"national report {name} / before", ratio(f"national report {name} (own process)"), 0.5)
            check(f"100x report {name} / before", ratio(f"100x report {name}"), 0.3)
        check("100x load / before", ratio("100x load into an empty database"), 0.5)
        for side in ("client", "server"):
            check(f"100x peak memory {side} / before", ratio(f"100x peak memory {side}"), 1.0)
        out[v] = checks
    return out


def compare(doc: dict[str, Any]) -> dict[str, Any]:
    """Every figure of every variant with its ratio to ``doc["before"]``, and issue 16's targets."""
    variants = doc["variants"]
    scales = list(dict.fromkeys(s for run in variants.values() for s in (run.get("scales") or {})))
    per = {v: _figures(run, scales) for v, run in variants.items()}
    before = doc["before"]
    rows = []
    for i, (group, figure, unit, _) in enumerate(per[before]):
        values = {v: per[v][i][3] if i < len(per[v]) and per[v][i][1] == figure else None for v in variants}
        ratios = {v: _ratio(values[v], values[before]) for v in variants if v != before and unit != "x"}
        rows.append({"group": group, "figure": figure, "unit": unit, "values": values, "ratios": ratios})
    return {"before": before, "rows": rows, "targets": _targets(doc, rows)}


def _cell(value: Any, unit: str, ratio: float | None = None) -> str:
    if value is None:
        return "-"
    if not isinstance(value, int | float):
        return str(value)
    text = f"{value:,.0f} MiB" if unit == "MiB" else f"{value:.2f}x" if unit == "x" else f"{value:.2f} s"
    return text + (f" ({ratio:.2f}x)" if ratio is not None else "")


def markdown(doc: dict[str, Any], variants: list[str] | None = None, brief: bool = False) -> str:
    """The comparison as a Markdown table: one column per variant, ratios to "before" in brackets.

    ``variants``: the columns (default all); ``brief``: of the reports, coverage and centrality only.
    """
    cmp = doc.get("compare") or compare(doc)
    names = [n for n in doc["variants"] if variants is None or n in variants]
    head = [f"{n} (before)" if n == cmp["before"] else n for n in names]
    lines = ["| figure | " + " | ".join(head) + " |", "|---" * (len(names) + 1) + "|"]
    group = None
    for r in cmp["rows"]:
        report = r["figure"].partition(" report ")[2] or r["figure"].partition("report ")[2]
        if brief and report and report.split()[0] not in ("coverage", "centrality"):
            continue
        if all(r["values"][n] is None for n in names):  # not measured in this run
            continue
        if r["group"] != group:
            group = r["group"]
            title = "**cold path** (a new user's first minute)" if group == "cold" else "**warm**"
            lines.append(f"| {title} |" + " |" * len(names))
        cells = [_cell(r["values"][n], r["unit"], r["ratios"].get(n)) for n in names]
        lines.append(f"| {r['figure'].strip()} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def compare_table(doc: dict[str, Any]) -> str:
    """The comparison and the targets as text (bench.py prints it last)."""
    cmp = doc.get("compare") or compare(doc)
    lines = ["variants side by side (ratio to before in brackets):", markdown(doc), ""]
    for v, checks in cmp["targets"].items():
        lines.append(f"issue 16 targets, {v} against {cmp['before']}:")
        for t in checks:
            mark = {True: "ok  ", False: "MISS", None: "n/a "}[t["ok"]]
            value = t["value"] if t["value"] is not None else "not measured"
            lines.append(f"  {mark} {t['target']}: {value}")
    return "\n".join(lines)
