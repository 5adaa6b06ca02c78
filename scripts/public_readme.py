# ruff: noqa: E501  (markdown lines of the generated README parts are kept whole for reading)
"""Regenerate the computed parts of graphkit/data/public/README.md and completeness.txt from the CSV rows.

Usage: .venv/bin/python scripts/public_readme.py [--check] [--dir graphkit/data/public]

The CSV files are the source of truth and are edited by hand (the research records they were first built
from were not kept). This script recomputes the counts table and the completeness statement and tables, and
rewrites only the README blocks between ``<!-- begin generated: NAME -->`` and ``<!-- end generated: NAME -->``;
everything else in the README is hand-written. Output is deterministic: run on unchanged rows, it rewrites
the same bytes. ``--check`` changes nothing and exits 1 when a file is out of date
(tests/dataset/test_public_data.py runs it).
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PUBLIC = ROOT / "graphkit" / "data" / "public"

#: Published aggregates the completeness tables compare the rows with
MONITORING_2024 = {
    "regional_government": 195,
    "education": 128,
    "health": 14,
    "financial": 2,
    "government": 3,
}
MONITORING_DAY = "2024-03-14"
MONITORING_URL = ("https://www.bp2mi.go.id/berita-detail/gelar-rapat-evaluasi-kerja-sama-sekretaris-utama-"
                  "bp2mi-perlu-pemantauan-dan-asistensi")  # fmt: skip
APRIL_2022_DAY = "2022-04-05"
APRIL_2022 = 88
APRIL_2022_URLS = (
    "https://wartaekonomi.co.id/read405407/bersama-6-kepala-daerah-bp2mi-memperkuat-kerja-sama-untuk-pmi-di-daerah",
    "https://lingkarpena.id/bp2mi-teken-mou-dengan-daerah-sekat-ruang-gerak-pmi-ilegal/",
)
JUNE_2022_DAY = "2022-06-16"
JUNE_2022 = {"regional_government": 90, "education": 49}
JUNE_2022_URL = ("https://humas.cilacapkab.go.id/cegah-perdagangan-manusia-bagi-pekerja-migran-pemkab-cilacap-"
                 "teken-nota-kesepakatan-bersama-bp2mi/")  # fmt: skip
TYPES = ("regional_government", "education", "health", "financial", "government")
BLOCK = re.compile(r"(<!-- begin generated: (\w+) -->\n)(.*?)(<!-- end generated: \2 -->)", re.S)

Rows = list[dict[str, str]]
#: one review row per agreement (not a dataset table: a subfolder, so loaders never see it)
REVIEW = "review/agreements.csv"
VERDICTS = {
    "confirmed": "confirmed as recorded (partner, region, kind, date, precision)",
    "partly": "signing confirmed; a recorded field (often the day, or MoU vs PKS) not in the text found",
    "corrected": "a field corrected from the text (the change column says which)",
    "doubtful": "a reviewer's correction proposed but not applied: the evidence is not conclusive",
    "not_found": "no text of the signing found",
}


def read(folder: Path) -> dict[str, Rows]:
    """Every CSV table of the dataset folder as a list of rows."""
    tables = {}
    for name in (
        "sources",
        "organizations",
        "agreements",
        "parties",
        "follow_ups",
        "programs",
        "program_regions",
    ):
        with (folder / f"{name}.csv").open(encoding="utf-8", newline="") as fh:
            tables[name] = list(csv.DictReader(fh))
    with (folder / REVIEW).open(encoding="utf-8", newline="") as fh:
        tables["review"] = list(csv.DictReader(fh))
    return tables


def named_by(
    orgs: dict[str, dict[str, Any]], agreements: Rows, parties: Rows, until: str | None = None
) -> Counter[str]:
    """Partners (not BP2MI's own units) named as party to an agreement signed on or before ``until``."""
    signed = {a["id"] for a in agreements if until is None or a["signed_on"] <= until}
    ids = {p["organization_id"] for p in parties if p["agreement_id"] in signed}
    return Counter(orgs[i]["type"] for i in ids if orgs[i]["type"] != "agency")


def completeness(orgs, agreements: Rows, parties: Rows) -> tuple[str, list[tuple[str, int, int, int]]]:
    """The one-line statement and the table rows (type, reported March 2024, named by then, named all years)."""
    by_then = named_by(orgs, agreements, parties, MONITORING_DAY)
    ever = named_by(orgs, agreements, parties)
    rows = [(t, MONITORING_2024[t], by_then[t], ever[t]) for t in TYPES]
    n, m = sum(r[2] for r in rows), sum(r[1] for r in rows)
    statement = (f"names {n} of the {m} partners reported (BP2MI monitoring {MONITORING_DAY}: partners since "
                 f"2018, {sum(ever.values())} named up to today); a regency with no agreement here had none "
                 f"found in public reporting, not necessarily none signed")  # fmt: skip
    return statement, rows


def counts_block(t: dict[str, Rows]) -> list[str]:
    agreements, orgs = t["agreements"], t["organizations"]
    types = Counter(o["type"] for o in orgs if o["type"] != "agency")
    regencies = {o["region"] for o in orgs if o["type"] == "regional_government" and "." in o["region"]}
    years = sorted({a["signed_on"][:4] for a in agreements})
    per_year = Counter(a["signed_on"][:4] for a in agreements)
    fu_kinds = Counter(f["kind"] for f in t["follow_ups"])
    return [
        "| what | count |",
        "|---|---|",
        f"| sources (articles cited by a row here) | {len(t['sources'])} |",
        f"| agreements | {len(agreements)} ({', '.join(f'{y}: {per_year[y]}' for y in years)}) |",
        f"| agreements reported by more than one article | {sum(1 for a in agreements if a['source_ids'])} |",
        f"| partner organizations (BP2MI units left out) | {sum(types.values())} |",
        "| partners by type | " + ", ".join(f"{k} {v}" for k, v in sorted(types.items())) + " |",
        f"| regencies/cities as parties (distinct codes) | {len(regencies)} |",
        f"| follow-ups | {len(t['follow_ups'])} ({', '.join(f'{k} {v}' for k, v in sorted(fu_kinds.items()))}) |",
        f"| programs / program regions | {len(t['programs'])} / {len(t['program_regions'])} |",
        f"| years of signing | {years[0]}–{years[-1]} |",
    ]


EXTRACT_DRAFTS = {
    "same": "names the partner, with the row's date and kind",
    "kind_differs": "names the partner and date, another kind",
    "date_differs": "names the partner, another date",
    "missed": "does not name the partner",
    "no_text": "no text of its articles could be fetched",
}


def review_block(t: dict[str, Rows]) -> list[str]:
    """Verdicts of the row-by-row review, counted from review/agreements.csv."""
    verdicts = Counter(r["verdict"] for r in t["review"])
    urls = {src["id"]: src["url"] for src in t["sources"]}
    cited = {a["id"]: {urls.get(i, "") for i in [a["source_id"], *a["source_ids"].split(";")] if i}
             for a in t["agreements"]}  # fmt: skip
    other_url = sum(1 for r in t["review"] if r["checked_url"] and r["checked_url"] not in cited.get(r["agreement_id"], ()))
    lines = ["| verdict | agreements |", "|---|---|"]
    lines += [f"| {VERDICTS[v]} (`{v}`) | {verdicts[v]} |" for v in VERDICTS]
    lines.append(f"| reviewed | {len(t['review'])} of {len(t['agreements'])} |")
    lines.append(f"| checked on another report of the same signing (the cited text not found) | {other_url} |")
    drafts = Counter(r.get("extract_draft") or "no_text" for r in t["review"])
    texts = len(t["review"]) - drafts["no_text"]
    lines += ["", "Each row against `graphkit extract`'s draft of its articles' texts (`extract_draft`, by",
              "`scripts/extract_check.py`; texts fetched from the stored pages, not shipped):", "",
              "| the draft of its articles | agreements |", "|---|---|"]
    lines += [f"| {EXTRACT_DRAFTS[v]} (`{v}`) | {drafts[v]} |" for v in EXTRACT_DRAFTS]
    lines.append(f"| agreements with at least one article text | {texts} of {len(t['review'])} |")
    return lines


def completeness_block(t: dict[str, Rows]) -> list[str]:
    orgs = {o["id"]: o for o in t["organizations"]}
    agreements, parties = t["agreements"], t["parties"]
    statement, rows = completeness(orgs, agreements, parties)
    april = named_by(orgs, agreements, parties, APRIL_2022_DAY)["regional_government"]
    june = named_by(orgs, agreements, parties, JUNE_2022_DAY)
    return [
        f"The dataset {statement}. This line is stored in `completeness.txt`; the loader puts it on the",
        "`:Dataset` node (`completeness`), and `graphkit report ...` prints it under the header line.",
        "",
        f"Published aggregate: BP2MI's monitoring and evaluation meeting of {MONITORING_DAY} ({MONITORING_URL}):",
        "since 2018, agreements with 195 regional governments, 128 education, 14 health, 2 financial and 3",
        "government institutions.",
        "",
        f"| partner type | reported by {MONITORING_DAY} | named here, signed by {MONITORING_DAY} | named here, all years |",
        "|---|---|---|---|",
        *(f"| {t} | {m} | {n} | {e} |" for t, m, n, e in rows),
        "",
        "The types are counted as the dataset types them; BP2MI's 'government' may count ministries that",
        "public reporting shows in greater number (ministry MoUs since 2024 are KP2MI's).",
        "",
        "| other published totals | reported | named here by then | source |",
        "|---|---|---|---|",
        f"| regional governments by {APRIL_2022_DAY} | {APRIL_2022} | {april} | "
        + " and ".join(APRIL_2022_URLS)
        + " (82 or 87 before + 6 that day; outlets differ) |",
        f"| regional governments by {JUNE_2022_DAY} | {JUNE_2022['regional_government']} | "
        f"{june['regional_government']} | {JUNE_2022_URL} |",
        f"| education institutions by {JUNE_2022_DAY} | {JUNE_2022['education']} | {june['education']} | "
        f"{JUNE_2022_URL} |",
    ]


def render(folder: Path) -> dict[Path, str]:
    """The new text of README.md and completeness.txt (only the generated README blocks differ)."""
    t = read(folder)
    blocks = {"counts": counts_block(t), "completeness": completeness_block(t), "review": review_block(t)}
    readme = (folder / "README.md").read_text(encoding="utf-8")
    found = {m.group(2) for m in BLOCK.finditer(readme)}
    if found != set(blocks):
        raise SystemExit(
            f"{folder / 'README.md'}: generated blocks {sorted(found)}, expected {sorted(blocks)}"
        )
    readme = BLOCK.sub(lambda m: m.group(1) + "\n".join(blocks[m.group(2)]) + "\n" + m.group(4), readme)
    orgs = {o["id"]: o for o in t["organizations"]}
    statement, _ = completeness(orgs, t["agreements"], t["parties"])
    return {folder / "README.md": readme, folder / "completeness.txt": statement + "\n"}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="change nothing; exit 1 if a file is out of date")
    ap.add_argument("--dir", type=Path, default=PUBLIC, help="the dataset folder (default: %(default)s)")
    args = ap.parse_args(argv)
    stale = []
    for path, text in render(args.dir).items():
        if path.read_text(encoding="utf-8") != text:
            stale.append(path)
            if not args.check:
                path.write_text(text, encoding="utf-8")
    verb = "out of date" if args.check else "rewritten"
    print(f"{verb}: {', '.join(str(p) for p in stale)}" if stale else "up to date", file=sys.stderr)
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
