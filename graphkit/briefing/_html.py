"""The brief as one self-contained HTML page: inline CSS and SVG, no script, no external resource.

Prints to A4: ``@page`` margins, page breaks before the big sections, and a running head and foot saying
SYNTHETIC for synthetic data, or how complete real data is: the page is one outer table whose ``thead``
and ``tfoot`` browsers repeat on every printed page (fixed elements overlap the content instead).
Every data string goes through :func:`html.escape`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from html import escape
from typing import Any

from graphkit.analytics.coverage import STATUSES
from graphkit.briefing._data import MAX_ROWS, BriefData, completeness_line
from graphkit.briefing._i18n import fmt_int, fmt_pct, text
from graphkit.briefing._svg import province_bars, province_map, status_legend
from graphkit.maps._style import STATUS_COLOURS

__all__ = ["render_html", "CSS"]

CSS = """
@page { size: A4; margin: 20mm 13mm 17mm 13mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt; color: #1d2329;
       margin: 0 auto; max-width: 186mm; padding: 0 4mm 8mm; line-height: 1.35; }
h1 { font-size: 18pt; margin: 4mm 0 1mm; } h2 { font-size: 13pt; margin: 6mm 0 2mm; color: #0b3d62; }
.meta { color: #555; margin: 0 0 2mm; }
table.page, table.page > * > tr > td { border: 0; padding: 0; margin: 0; font-size: 10pt; }
table.page > thead > tr > td, table.page > tfoot > tr > td { font-size: 8.5pt; padding: 1.5mm 3mm;
  font-weight: bold; text-align: center; }
.synthetic > tr > td { background: #b00020; color: #fff; }
.real > tr > td { background: #e8eef3; color: #0b3d62; }
.note { border-left: 3px solid #b00020; padding: 1mm 3mm; margin: 2mm 0; }
.note.real { border-color: #0b3d62; }
.figures { display: grid; grid-template-columns: repeat(3, 1fr); gap: 3mm; margin: 3mm 0; }
.figure { border: 1px solid #cfd8e0; border-radius: 2mm; padding: 2.5mm 3mm; break-inside: avoid; }
.figure .value { display: block; font-size: 20pt; font-weight: bold; color: #0b3d62; }
.figure .label { display: block; color: #444; font-size: 9pt; }
.counts { display: flex; flex-wrap: wrap; gap: 2mm 5mm; margin: 1mm 0 2mm; }
.counts span i, .legend i { display: inline-block; width: 3mm; height: 3mm; margin-right: 1mm;
                            vertical-align: middle; }
.legend { display: flex; flex-wrap: wrap; gap: 1mm 4mm; font-size: 8.5pt; margin: 1mm 0; }
svg text.lbl, svg text.num { font-size: 7.5px; fill: #333; } svg text.maplbl { font-size: 7px; fill: #222; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; margin: 1mm 0 3mm; }
table.page { margin: 0; }
th, td { border-bottom: 1px solid #dde3e8; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
th { background: #f1f4f7; } td.n { text-align: right; white-space: nowrap; }
tr { break-inside: avoid; } thead { display: table-header-group; }
.small { font-size: 8.5pt; color: #555; }
@media print {
  body { padding: 0; max-width: none; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  section.break { break-before: page; }
  h2 { break-after: avoid; }
}
"""


def _status_label(status: str | None, lang: str) -> str:
    if not status:
        return ""
    return f'<i style="background:{STATUS_COLOURS.get(status, "#999")}"></i>{escape(text(status, lang))}'


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], numeric: Sequence[int] = ()) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f'<td class="n">{c}</td>' if i in numeric else f"<td>{c}</td>"
                                    for i, c in enumerate(r)) + "</tr>" for r in rows)  # fmt: skip
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _figure(key: str, value: str, label: str, raw: Any) -> str:
    return (
        f'<div class="figure" data-figure="{key}" data-value="{escape(str(raw))}">'
        f'<span class="value">{escape(value)}</span><span class="label">{escape(label)}</span></div>'
    )


def _more(n: int, lang: str) -> str:
    return f'<p class="small">… {escape(text("more", lang, n=n))}</p>' if n > 0 else ""


def _headline(d: BriefData, lang: str) -> str:
    share = d.reached_share
    idle = d.idle_share
    figures = [
        _figure("reached", fmt_int(d.reached, lang),
                f"{text('reached', lang)} ({text('of_regencies', lang, n=fmt_int(d.regencies, lang))})",
                d.reached),
        _figure("reached_share", fmt_pct(share, lang) if share is not None else "–",
                text("workers_share", lang) if share is not None else text("no_placements", lang), share),
        _figure("in_force", fmt_int(d.in_force, lang), text("in_force", lang), d.in_force),
        _figure("idle_share", fmt_pct(idle, lang) if idle is not None else "–",
                f"{text('idle_share', lang)} ({fmt_int(d.idle, lang)})", idle),
        _figure("expiring_6m", fmt_int(len(d.expiring), lang),
                f"{text('expiring6', lang)} ({d.as_of.isoformat()} – {d.expiring_until.isoformat()})",
                len(d.expiring)),
    ]  # fmt: skip
    counts = "".join(f'<span data-status="{s}" data-value="{d.counts.get(s, 0)}">{_status_label(s, lang)}: '
                     f"<b>{fmt_int(d.counts.get(s, 0), lang)}</b></span>" for s in STATUSES)  # fmt: skip
    return (f'<section id="headline"><h2>{escape(text("headline", lang))}</h2>'
            f'<div class="figures">{"".join(figures)}</div>'
            f'<h3 class="small">{escape(text("status_counts", lang))}</h3><div class="counts">{counts}</div>'
            "</section>")  # fmt: skip


def _gaps(d: BriefData, lang: str) -> str:
    rows = []
    for g in d.gaps:
        contact = escape(g["organization"]) if g.get("organization") else escape(text("no_path", lang))
        why = escape(g["why"] or "")
        placed = fmt_int(g["placements"], lang) if g.get("placements") is not None else "–"
        rows.append([str(g["rank"]), escape(g["name"]), escape(g["province"]),
                     _status_label(g["status"], lang), placed, f"<b>{contact}</b>", why])  # fmt: skip
    keys = ("rank", "regency", "province", "status", "placements", "contact", "why")
    headers = [text(k, lang) for k in keys]
    return (f'<section id="gaps" class="break"><h2>{escape(text("gaps", lang))}</h2>'
            f'<p class="small">{escape(text("gaps_note", lang))}</p>{_table(headers, rows, (0, 4))}'
            f"{_more(d.gap_total - len(d.gaps), lang)}</section>")  # fmt: skip


def _expiring(d: BriefData, lang: str) -> str:
    rows = []
    for e in d.expiring[:MAX_ROWS]:
        end = e["expires_on"].isoformat() if isinstance(e["expires_on"], dt.date) else str(e["expires_on"])
        end += f" ({text('assumed', lang)})" if e["expiry_assumed"] else ""
        regions = ", ".join(e["region_names"][:4]) + (" …" if len(e["region_names"]) > 4 else "")
        rows.append(
            [
                escape(str(e["id"])),
                escape(end),
                fmt_int(e["days_left"], lang),
                escape(", ".join(e["parties"])),
                escape(regions),
                escape(str(e["follow_up_state"])),
            ]
        )
    headers = [text("agreement", lang), text("expires", lang), text("days", lang), text("parties", lang),
               text("regions", lang), text("follow_up", lang)]  # fmt: skip
    body = _table(headers, rows, (2,)) if rows else f"<p>{escape(text('none', lang))}</p>"
    return (
        f'<section id="expiring"><h2>{escape(text("expiring", lang))} ({fmt_int(len(d.expiring), lang)})'
        f"</h2>{body}{_more(len(d.expiring) - MAX_ROWS, lang)}</section>"
    )


def _changes(d: BriefData, lang: str) -> str:
    c, e = d.change_counts, d.event_counts
    items = [("gained", c.get("gained", 0)), ("lost", c.get("lost", 0)), ("changed", c.get("changed", 0)),
             ("signed", e.get("signed", 0)), ("expired", e.get("expired", 0)),
             ("followed_up", e.get("followed_up", 0))]  # fmt: skip
    summary = "".join(_figure(f"changes_{k}", fmt_int(n, lang), text(k, lang), n) for k, n in items)
    order = {"gained": 0, "lost": 1, "changed": 2}
    regs = sorted(d.change_regencies, key=lambda r: (order[r["change"]], r["province_code"], r["code"]))
    rows = [[escape(r["name"]), escape(r["province"]),
             f"{_status_label(r['from_status'], lang)} → {_status_label(r['to_status'], lang)}",
             escape(r["reason"])] for r in regs[:MAX_ROWS]]  # fmt: skip
    headers = [text("regency", lang), text("province", lang), text("from_to", lang), text("reason", lang)]
    table = _table(headers, rows) if rows else f"<p>{escape(text('none', lang))}</p>"
    movers = [[escape(text(m["direction"], lang)), escape(m["name"]), escape(m["type"]), str(m["rank_from"]),
               str(m["rank_to"])] for m in d.movers]  # fmt: skip
    mover_headers = ["", text("organization", lang), "", text("rank_from", lang), text("rank_to", lang)]
    mover_table = _table(mover_headers, movers, (3, 4)) if movers else (
        f"<p>{escape(text('none', lang))}</p>")  # fmt: skip
    return (f'<section id="changes" class="break"><h2>{escape(text("changes", lang))} {d.since.isoformat()}'
            f" ({d.since.isoformat()} – {d.as_of.isoformat()})</h2>"
            f'<div class="figures">{summary}</div>{table}'
            f"{_more(len(regs) - MAX_ROWS, lang)}<h3>{escape(text('movers', lang))}</h3>{mover_table}"
            "</section>")  # fmt: skip


def render_html(d: BriefData, lang: str) -> str:
    """The whole page."""
    title = text("title", lang)
    data = escape(d.dataset or "?")
    if d.synthetic:
        running = escape(text("synthetic_banner", lang))
        note = f'<p class="note"><b>{running}</b></p>'
        kind = "synthetic"
    else:
        line = escape(completeness_line(d))
        running = f"{escape(text('real_short', lang))}: {line}"
        note = f'<p class="note real"><b>{escape(text("real_short", lang))}</b>: {line}</p>'
        kind = "real"
    foot = f"{escape(title)} · {text('as_of', lang)} {d.as_of.isoformat()} · {data} · " + (
        escape(text("synthetic_short", lang)) if d.synthetic else escape(text("real_short", lang))
    )
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)} — {d.as_of.isoformat()}{" — SYNTHETIC" if d.synthetic else ""}</title>
<style>{CSS}</style></head>
<body data-synthetic="{str(d.synthetic).lower()}" data-as-of="{d.as_of.isoformat()}">
<table class="page"><thead class="{kind}"><tr><td>{running}</td></tr></thead>
<tfoot class="{kind}"><tr><td>{foot}</td></tr></tfoot><tbody><tr><td>
<header><h1>{escape(title)}</h1>
<p class="meta">{text("as_of", lang)} {d.as_of.isoformat()} · {text("dataset", lang)} {data}</p>
{note}</header>
{_headline(d, lang)}
<section id="map"><h2>{escape(text("map", lang))}</h2>
<p class="small">{escape(text("map_note", lang))}</p>{province_map(d.provinces, lang)}</section>
<section id="provinces" class="break"><h2>{escape(text("provinces", lang))}</h2>
<p class="small">{escape(text("provinces_note", lang))}</p>{status_legend(lang)}
{province_bars(d.provinces, lang)}
</section>
{_expiring(d, lang)}
{_gaps(d, lang)}
{_changes(d, lang)}
<footer><h2>{escape(text("method", lang))}</h2>
<p class="small">{escape(text("method_text", lang, term=d.term_years or 5))}</p>
<p class="small">{escape(text("generated", lang))}</p></footer>
</td></tr></tbody></table>
</body></html>
"""
