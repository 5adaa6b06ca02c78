"""Inline SVG charts of the brief (no script, no external file): coverage by province and the province map.

Every text that comes from data is escaped with :func:`html.escape`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape
from typing import Any

from graphkit.analytics.coverage import STATUSES
from graphkit.briefing._i18n import fmt_pct, text
from graphkit.maps._basemap import basemap
from graphkit.maps._layout import GEO_SCALE
from graphkit.maps._style import STATUS_COLOURS

__all__ = ["province_bars", "province_map", "share_colour", "status_legend"]

_RAMP = ((0.0, (0xD7, 0x30, 0x27)), (0.5, (0xFE, 0xE0, 0x8B)), (1.0, (0x1A, 0x98, 0x50)))


def share_colour(share: float | None) -> str:
    """A red (0) - yellow (0.5) - green (1) colour for a share; grey when unknown.

    >>> share_colour(0), share_colour(1), share_colour(None)
    ('#d73027', '#1a9850', '#bbbbbb')
    """
    if share is None or math.isnan(share):
        return "#bbbbbb"
    s = min(1.0, max(0.0, share))
    for (a, ca), (b, cb) in zip(_RAMP, _RAMP[1:], strict=False):
        if s <= b:
            t = (s - a) / (b - a)
            return "#" + "".join(f"{round(x + (y - x) * t):02x}" for x, y in zip(ca, cb, strict=True))
    return "#1a9850"


def status_legend(lang: str) -> str:
    """An HTML legend of the status colours."""
    items = "".join(f'<span class="key"><i style="background:{STATUS_COLOURS[s]}"></i>{escape(text(s, lang))}'
                    "</span>" for s in STATUSES)  # fmt: skip
    return f'<div class="legend">{items}</div>'


def _regency_share(p: dict[str, Any]) -> float | None:
    return p["reached"] / p["regencies"] if p["regencies"] else None


def province_bars(provinces: Sequence[dict[str, Any]], lang: str) -> str:
    """A horizontal stacked bar per province: regencies per status, the share reached at the right."""
    label_w, bar_w, pct_w, row_h = 150, 440, 80, 11
    widest = max((p["regencies"] for p in provinces), default=1) or 1
    height = row_h * len(provinces) + 4
    width = label_w + bar_w + pct_w
    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="100%" '
        f'xmlns="http://www.w3.org/2000/svg" aria-label="{escape(text("provinces", lang))}">'
    ]
    for i, p in enumerate(provinces):
        y = 2 + i * row_h
        name = escape(str(p["province"]))
        parts.append(f'<text x="{label_w - 6}" y="{y + 8.5}" text-anchor="end" class="lbl">{name}</text>')
        x = float(label_w)
        for s in STATUSES:
            n = p.get(s) or 0
            if not n:
                continue
            w = bar_w * n / widest
            tip = f"{name}: {escape(text(s, lang))} {n}"
            parts.append(
                f'<rect x="{x:.1f}" y="{y + 1}" width="{w:.1f}" height="{row_h - 2}" '
                f'fill="{STATUS_COLOURS[s]}"><title>{tip}</title></rect>'
            )
            x += w
        share = _regency_share(p)
        label = fmt_pct(share, lang) if share is not None else "–"
        parts.append(f'<text x="{x + 4:.1f}" y="{y + 8.5}" class="num">{p["reached"]}/{p["regencies"]} '
                     f"({label})</text>")  # fmt: skip
    parts.append("</svg>")
    return "".join(parts)


def _coast(k: float, tx: float, ty: float) -> str:
    """The basemap's land (Natural Earth) and approximate province borders as SVG paths, mapped from the
    geographic views' canvas units (``x = lon * 120``, ``y = -lat * 120``) into the map's frame."""
    data = basemap()

    def path(rings: list[str], closed: bool) -> str:
        out = []
        for ring in rings:
            v = ring.split()
            out.append(f"M{v[0]} {v[1]}l" + " ".join(v[2:]) + ("z" if closed else ""))
        return "".join(out)

    return (f'<g transform="matrix({k:.5f} 0 0 {k:.5f} {tx:.2f} {ty:.2f})">'
            f'<path d="{path(data["land"], True)}" fill="#fbf8ef" stroke="#b9b2a0" stroke-width="0.5" '
            'vector-effect="non-scaling-stroke"/>'
            f'<path d="{path(data["borders"], False)}" fill="none" stroke="#c9c2b0" stroke-width="0.5" '
            'stroke-dasharray="2 2" vector-effect="non-scaling-stroke"/></g>')  # fmt: skip


def province_map(provinces: Sequence[dict[str, Any]], lang: str) -> str:
    """Provinces as circles at their capitals (equirectangular), sized by regencies, coloured by share of
    regencies reached, labelled with short names."""
    placed = [p for p in provinces if p.get("lat") is not None and p.get("lon") is not None]
    width, height, pad = 700.0, 300.0, 24.0
    if not placed:
        return ""
    lons = [float(p["lon"]) for p in placed]
    lats = [float(p["lat"]) for p in placed]
    lo_x, hi_x, lo_y, hi_y = min(lons), max(lons), min(lats), max(lats)
    scale = min((width - 2 * pad) / max(hi_x - lo_x, 1e-6), (height - 2 * pad) / max(hi_y - lo_y, 1e-6))
    parts = [f'<svg class="map" role="img" viewBox="0 0 {width:.0f} {height:.0f}" width="100%" '
             f'xmlns="http://www.w3.org/2000/svg" aria-label="{escape(text("map", lang))}">',
             f'<rect x="0" y="0" width="{width:.0f}" height="{height:.0f}" fill="#eef4f8"/>',
             _coast(scale / GEO_SCALE, pad - lo_x * scale, height - pad + lo_y * scale)]  # fmt: skip
    widest = max(p["regencies"] for p in placed) or 1
    for p in sorted(placed, key=lambda p: -p["regencies"]):
        x = pad + (float(p["lon"]) - lo_x) * scale
        y = height - pad - (float(p["lat"]) - lo_y) * scale
        r = 4 + 10 * math.sqrt(p["regencies"] / widest)
        share = _regency_share(p)
        name = escape(str(p["province"]))
        tip = f"{name}: {p['reached']}/{p['regencies']} {escape(text('share_reached', lang))}"
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{share_colour(share)}" '
            f'stroke="#333" stroke-width="0.6" fill-opacity="0.9"><title>{tip}</title></circle>'
        )
        parts.append(f'<text x="{x:.1f}" y="{y - r - 2:.1f}" text-anchor="middle" class="maplbl">'
                     f"{escape(str(p['short_name']))}</text>")  # fmt: skip
    stops = "".join(f'<stop offset="{o}" stop-color="{share_colour(o)}"/>' for o in (0, 0.25, 0.5, 0.75, 1))
    parts.append(f'<defs><linearGradient id="ramp">{stops}</linearGradient></defs>'
                 f'<rect x="{width - 230:.0f}" y="{height - 18:.0f}" width="120" height="8" '
                 'fill="url(#ramp)"/>'
                 f'<text x="{width - 234:.0f}" y="{height - 11:.0f}" text-anchor="end" class="num">0%</text>'
                 f'<text x="{width - 106:.0f}" y="{height - 11:.0f}" class="num">100% '
                 f'{escape(text("share_reached", lang))}</text></svg>')  # fmt: skip
    return "".join(parts)
