"""The basemap under the ``geo`` and ``province`` views: Indonesia's land, its neighbours (muted) and
approximate province borders, from ``assets/basemap.json`` (built by ``scripts/build_basemap.py``; see
``assets/BASEMAP.md`` for sources and licences).

Geometry is stored in canvas units of the geographic views (``x = lon * 120``, ``y = -lat * 120``,
:data:`graphkit.maps._layout.GEO_SCALE`), rounded to whole units (1/120 degree, under 1 km), each ring or
line as one string: the first point, then the steps to the next points (``"x y dx dy dx dy ..."``).
The page decodes the strings into ``Path2D`` objects once.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources
from typing import Any

import numpy as np

from graphkit.maps._layout import GEO_SCALE

__all__ = ["basemap", "encode_path", "decode_path", "voronoi_cells", "contains", "on_land", "dump"]

Point = tuple[float, float]


def encode_path(points: Iterable[Sequence[float]], scale: float = GEO_SCALE) -> str:
    """One ring or line of ``(lon, lat)`` points as a relative path string in whole canvas units;
    repeated points (after rounding) are dropped.

    >>> encode_path([(100.0, -1.0), (100.01, -1.0), (100.5, -1.25)])
    '12000 120 1 0 59 30'
    """
    out: list[int] = []
    last: tuple[int, int] | None = None
    for lon, lat in points:
        x, y = round(lon * scale), round(-lat * scale)
        if last is None:
            out += [x, y]
        elif (x, y) != last:
            out += [x - last[0], y - last[1]]
        else:
            continue
        last = (x, y)
    return " ".join(str(v) for v in out)


def decode_path(text: str) -> list[tuple[int, int]]:
    """The absolute canvas points of an :func:`encode_path` string.

    >>> decode_path('12000 120 1 0 59 30')
    [(12000, 120), (12001, 120), (12060, 150)]
    """
    v = [int(s) for s in text.split()]
    pts = [(v[0], v[1])]
    for k in range(2, len(v), 2):
        pts.append((pts[-1][0] + v[k], pts[-1][1] + v[k + 1]))
    return pts


def voronoi_cells(points: Sequence[Point]) -> list[list[Point]]:
    """The Voronoi cell of each ``(lon, lat)`` point, as a closed ring (bounded: four far-away guard
    points close the outer cells), rounded to 1e-5 degree so the result does not depend on the platform.

    >>> cells = voronoi_cells([(100.0, 0.0), (102.0, 0.0)])
    >>> round(max(x for x, _ in cells[0]), 3), round(min(x for x, _ in cells[1]), 3)
    (101.0, 101.0)
    """
    from scipy.spatial import Voronoi

    pts = np.array(points, dtype=float)
    lo, hi = pts.min(axis=0) - 40, pts.max(axis=0) + 40
    guards = np.array([[lo[0], lo[1]], [hi[0], lo[1]], [lo[0], hi[1]], [hi[0], hi[1]]])
    vor = Voronoi(np.vstack([pts, guards]))
    cells = []
    for k in range(len(pts)):
        region = vor.regions[vor.point_region[k]]
        ring = vor.vertices[region]
        centre = pts[k]
        order = np.argsort(np.arctan2(ring[:, 1] - centre[1], ring[:, 0] - centre[0]))
        ring = [(round(float(x), 5), round(float(y), 5)) for x, y in ring[order]]
        cells.append(ring + ring[:1])
    return cells


def contains(rings: Iterable[str], x: float, y: float) -> bool:
    """Whether the canvas point ``(x, y)`` is inside the encoded ``rings`` (even-odd rule, as drawn).

    >>> contains(['0 0 10 0 0 10 -10 0'], 5, 5), contains(['0 0 10 0 0 10 -10 0'], 15, 5)
    (True, False)
    """
    inside = False
    for text in rings:
        pts = decode_path(text)
        for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1], strict=True):
            if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
                inside = not inside
    return inside


@cache
def _land_edges() -> tuple[np.ndarray, ...]:
    segs = []
    for text in basemap()["land"]:
        pts = np.array(decode_path(text), dtype=float)
        segs.append(np.hstack([pts, np.roll(pts, -1, axis=0)]))
    e = np.vstack(segs)
    return e[:, 0], e[:, 1], e[:, 2], e[:, 3]


def on_land(points: np.ndarray) -> np.ndarray:
    """For each canvas point ``(x, y)`` of ``points`` (shape ``(n, 2)``), whether the committed land has it
    (:func:`contains` for many points at once, vectorised).

    >>> on_land(np.array([[106.83 * 120, 6.18 * 120], [110.0 * 120, 5.0 * 120]])).tolist()
    [True, False]
    """
    x0, y0, x1, y1 = _land_edges()
    out = np.zeros(len(points), bool)
    for k, (x, y) in enumerate(np.asarray(points, dtype=float)):
        cross = (y0 > y) != (y1 > y)
        with np.errstate(divide="ignore", invalid="ignore"):
            at = x0[cross] + (y - y0[cross]) * (x1[cross] - x0[cross]) / (y1[cross] - y0[cross])
        out[k] = int(np.count_nonzero(x < at)) % 2 == 1
    return out


def dump(data: dict[str, Any]) -> str:
    """The committed file's text: sorted keys, no spaces, one trailing newline (same data, same bytes).

    >>> dump({"b": 1, "a": [1, 2]})
    '{"a":[1,2],"b":1}\\n'
    """
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False) + "\n"


@cache
def basemap() -> dict[str, Any]:
    """The committed basemap: ``land``, ``neighbours`` (rings), ``borders`` (lines), ``approximate``
    (whether the borders are approximate), ``source`` (attribution) and ``bounds``."""
    text = (resources.files("graphkit.maps") / "assets" / "basemap.json").read_text(encoding="utf-8")
    return json.loads(text)
