"""The committed basemap (graphkit/maps/assets/basemap.json) and the pure part of its build: small,
deterministic, lined up with the regency capitals."""

from __future__ import annotations

import csv
import json
from importlib import resources

import pytest

from graphkit.maps._basemap import basemap, contains, decode_path, dump, encode_path, voronoi_cells
from graphkit.maps._layout import project

ASSET = resources.files("graphkit.maps") / "assets" / "basemap.json"


def _capitals() -> list[dict[str, str]]:
    with (resources.files("graphkit") / "data" / "regions.csv").open(encoding="utf-8") as f:
        return [r for r in csv.DictReader(f) if r["level"] == "regency" and r["lat"] and r["lon"]]


def test_committed_file_is_small_canonical_and_attributed():
    text = ASSET.read_text(encoding="utf-8")
    assert len(text.encode()) <= 100_000
    data = json.loads(text)
    assert dump(data) == text  # sorted keys, compact: what the build script writes
    assert "Natural Earth" in data["source"] and data["approximate"] is True
    assert len(data["land"]) > 100 and data["neighbours"] and data["borders"]
    notes = (resources.files("graphkit.maps") / "assets" / "BASEMAP.md").read_text(encoding="utf-8")
    assert "public domain" in notes and "approximate" in notes


@pytest.mark.parametrize(
    "place, lon, lat", [("Jakarta", 106.83, -6.18), ("Kupang", 123.6, -10.17), ("Jayapura", 140.7, -2.53),
                        ("Medan", 98.67, 3.59)],  # fmt: skip
)
def test_cities_are_on_land(place, lon, lat):
    assert contains(basemap()["land"], *project(lon, lat)), place


@pytest.mark.parametrize("lon, lat", [(110.0, -5.0), (105.0, -9.0), (127.0, -6.0)])
def test_seas_are_not_land(lon, lat):
    assert not contains(basemap()["land"], *project(lon, lat))


def test_most_regency_capitals_fall_on_land():
    rows = _capitals()
    on_land = sum(contains(basemap()["land"], *project(float(r["lon"]), float(r["lat"]))) for r in rows)
    assert len(rows) > 500 and on_land / len(rows) > 0.9


def test_path_encoding_round_trips_in_whole_canvas_units():
    ring = [(106.0 + k / 37, -6.0 - k / 53) for k in range(50)]
    text = encode_path(ring)
    points = decode_path(text)
    assert points[0] == (12720, 720)
    assert all(abs(x - lon * 120) <= 0.5 and abs(y + lat * 120) <= 0.5
               for (x, y), (lon, lat) in zip(points, ring, strict=True))  # fmt: skip
    assert encode_path(ring) == text


def test_voronoi_cells_are_deterministic_and_hold_their_capital():
    rows = _capitals()[:80]
    points = [(float(r["lon"]), float(r["lat"])) for r in rows]
    cells = voronoi_cells(points)
    assert cells == voronoi_cells(points) and len(cells) == len(points)
    for (lon, lat), cell in zip(points, cells, strict=True):
        assert contains([encode_path(cell[:-1], scale=1000)], lon * 1000, -lat * 1000)
