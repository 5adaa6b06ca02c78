"""Colours, shapes and sizes of the map: one place, so the legend always matches what is drawn.

- Organizations are dots coloured by type (hues that avoid the status scale's green-yellow-red).
- Regencies are squares coloured by coverage status (docs/DESIGN.md §3) on a green (active) to red
  (isolated) scale, so the gaps a planner looks for stand out.
- Provinces (tied to a provincial government, or the nodes of the province view) are diamonds.
- Edges by kind: shared agreement (solid), governs (solid blue), located in (dotted), program (dashed).
"""

from __future__ import annotations

__all__ = [
    "ORG_COLOURS",
    "STATUS_COLOURS",
    "EDGE_STYLES",
    "SHARE_BINS",
    "SHAPES",
    "PROVINCE_COLOUR",
    "BASEMAP_COLOURS",
    "SIZE_RANGES",
    "PROVINCE_VIEW_SHAPE",
    "scale_sizes",
    "share_colour",
]

ORG_COLOURS: dict[str, str] = {
    "agency": "#1d3557",
    "regional_government": "#2f7ed8",
    "education": "#7b4fb0",
    "health": "#d1479b",
    "financial": "#0f9b9b",
    "government": "#8c6d31",
    "private": "#5c5c5c",
    "international": "#00a0e0",
    "community": "#b5651d",
}
#: ColorBrewer RdYlGn (6 classes), best to worst in the order of analytics.coverage.STATUSES.
STATUS_COLOURS: dict[str, str] = {
    "active": "#1a9850",
    "idle": "#91cf60",
    "provincial": "#d9ef8b",
    "program_only": "#fee08b",
    "lapsed": "#fc8d59",
    "isolated": "#d73027",
}
PROVINCE_COLOUR = "#6b7a8f"
#: The basemap under the geo and province views (assets/basemap.js): fills, outlines, province borders.
BASEMAP_COLOURS: dict[str, str] = {
    "sea": "#d4e4f1",
    "land": "#efeadf",
    "coast": "#a9a291",
    "neighbour": "#e2e2df",
    "border": "#8d8677",
}
#: vis-network edge options per kind (colour, dashes, width factor).
EDGE_STYLES: dict[str, dict[str, object]] = {
    "party": {"color": "#7d8fa6", "dashes": False, "width": 1.0},
    "governs": {"color": "#2f7ed8", "dashes": False, "width": 1.6},
    "located_in": {"color": "#a0a0a0", "dashes": [2, 3], "width": 1.0},
    "program": {"color": "#9a6fc4", "dashes": [6, 4], "width": 1.2},
    "province": {"color": "#7d8fa6", "dashes": False, "width": 1.0},
}
#: Province view: share of regencies reached by an agreement in force -> colour (ColorBrewer YlGnBu).
SHARE_BINS: tuple[tuple[float, str], ...] = (
    (0.0, "#f0f0f0"),
    (0.01, "#c7e9b4"),
    (0.2, "#7fcdbb"),
    (0.4, "#41b6c4"),
    (0.6, "#1d91c0"),
    (0.8, "#225ea8"),
)
SHAPES = {"org": "dot", "regency": "square", "province": "diamond"}
#: The province view draws provinces as discs.
PROVINCE_VIEW_SHAPE = "dot"
#: Node radius range (canvas units) per view and node group for the size measure.
SIZE_RANGES: dict[str, dict[str, tuple[float, float]]] = {
    "network": {"org": (7.0, 34.0), "regency": (6.0, 18.0), "province": (7.0, 18.0)},
    "geo": {"org": (9.0, 26.0), "regency": (15.0, 30.0), "province": (12.0, 26.0)},
    "province": {"province": (30.0, 110.0)},
}


def share_colour(share: float) -> str:
    """The colour of a coverage share (0..1) in the province view.

    >>> share_colour(0.0), share_colour(0.5), share_colour(1.0)
    ('#f0f0f0', '#41b6c4', '#225ea8')
    """
    colour = SHARE_BINS[0][1]
    for low, c in SHARE_BINS:
        if share >= low:
            colour = c
    return colour


def scale_sizes(values: list[float], low: float, high: float) -> list[float]:
    """Map measure values to radii between ``low`` and ``high`` by square root (area follows the value).

    >>> scale_sizes([0, 1, 4], 5, 25)
    [5.0, 15.0, 25.0]
    >>> scale_sizes([3, 3], 5, 25)
    [5.0, 5.0]
    """
    if not values:
        return []
    lo, hi = min(values), max(values)
    if hi <= lo:
        return [float(low)] * len(values)
    span = (hi - lo) ** 0.5
    return [round(low + (high - low) * ((v - lo) ** 0.5) / span, 2) for v in values]
