"""Build graphkit/maps/assets/basemap.json: Indonesia's land, neighbouring countries (clipped to 88..150 E,
18 S..14 N) and approximate province borders, from pinned npm packages installed into a temporary folder
(build time only; nothing is fetched when a map is made or opened).

- land and neighbours: world-atlas 2.0.2 countries-10m (Natural Earth v4.1.0, public domain), simplified by
  mapshaper 0.7.70 to 20% (weighted, keeping every island);
- province borders (all 38, APPROXIMATE): Voronoi cells around the regency capitals of
  graphkit/data/regions.csv, clipped to the land and merged by province; only the inner lines are kept.

Run again, it writes the same bytes (pinned versions, coordinates rounded to 1/120 degree, sorted keys).

    python scripts/build_basemap.py            # writes graphkit/maps/assets/basemap.json
    python scripts/build_basemap.py --check    # exits 1 if a rebuild differs from the committed file
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graphkit.maps._basemap import dump, encode_path, voronoi_cells  # noqa: E402

PACKAGES = ("world-atlas@2.0.2", "mapshaper@0.7.70")
BOUNDS = (88.0, -18.0, 150.0, 14.0)
OUT = ROOT / "graphkit" / "maps" / "assets" / "basemap.json"
SIMPLIFY = "20%"


def _mapshaper(work: Path, *args: str) -> None:
    subprocess.run([str(work / "node_modules" / ".bin" / "mapshaper"), "-quiet", *args], cwd=work, check=True)


def _rings(geojson: Path, *, lines: bool = False) -> list[str]:
    out = []
    data = json.loads(geojson.read_text())
    for geom in [f.get("geometry") for f in data.get("features", [])] + data.get("geometries", []):
        if not geom:
            continue
        kind, coords = geom["type"], geom["coordinates"]
        parts = {
            "Polygon": [coords],
            "MultiPolygon": coords,
            "LineString": [[coords]],
            "MultiLineString": [[c] for c in coords],
        }[kind]
        for polygon in parts:
            for ring in polygon:
                lons, lats = [p[0] for p in ring], [p[1] for p in ring]
                if max(lons) - min(lons) > 40 and max(lats) - min(lats) < 1:
                    continue  # a clipping artefact: a sliver along the whole box (seen at 16 S)
                text = encode_path(ring[:-1] if not lines else ring)
                if len(text.split()) >= (4 if lines else 6):
                    out.append(text)
    return sorted(out)


def build(work: Path) -> dict:
    subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", "--ignore-scripts", "--silent", *PACKAGES],
        cwd=work,
        check=True,
    )
    countries = str(work / "node_modules" / "world-atlas" / "countries-10m.json")
    bbox = "bbox=" + ",".join(str(v) for v in BOUNDS)
    _mapshaper(
        work,
        "-i",
        countries,
        "-target",
        "countries",
        "-filter",
        "name === 'Indonesia'",
        "-simplify",
        SIMPLIFY,
        "weighted",
        "keep-shapes",
        "-o",
        "idn.json",
        "format=geojson",
    )
    _mapshaper(
        work,
        "-i",
        countries,
        "-target",
        "countries",
        "-filter",
        "name !== 'Indonesia'",
        "-clip",
        bbox,
        "-simplify",
        SIMPLIFY,
        "weighted",
        "keep-shapes",
        "-o",
        "nb.json",
        "format=geojson",
    )
    with (ROOT / "graphkit" / "data" / "regions.csv").open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["level"] == "regency" and r["lat"] and r["lon"]]
    rows.sort(key=lambda r: r["code"])
    cells = voronoi_cells([(float(r["lon"]), float(r["lat"])) for r in rows])
    features = [
        {
            "type": "Feature",
            "properties": {"province": r["province_code"]},
            "geometry": {"type": "Polygon", "coordinates": [cell]},
        }
        for r, cell in zip(rows, cells, strict=True)
    ]
    (work / "cells.json").write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    _mapshaper(
        work,
        "-i",
        "cells.json",
        "-clip",
        "idn.json",
        "-dissolve",
        "province",
        "-innerlines",
        "-o",
        "borders.json",
        "format=geojson",
    )
    return {
        "scale": 120,
        "bounds": list(BOUNDS),
        "land": _rings(work / "idn.json"),
        "neighbours": _rings(work / "nb.json"),
        "borders": _rings(work / "borders.json", lines=True),
        "approximate": True,
        "source": "Natural Earth v4.1.0 (public domain) via world-atlas 2.0.2, simplified 20% with mapshaper "
        "0.7.70; province borders approximate: Voronoi cells of the regency capitals merged by province",
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare a rebuild with the committed file")
    args = parser.parse_args()
    if shutil.which("npm") is None:
        print("build_basemap: npm is not installed (apt-get install npm)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="graphkit-basemap-") as tmp:
        text = dump(build(Path(tmp)))
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print(
            f"{OUT.relative_to(ROOT)}: {'same bytes' if same else 'DIFFERS'} ({len(text.encode()):,} bytes)"
        )
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)} ({len(text.encode()):,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
