"""Measure ``graphkit extract`` on real article text: pick sources of graphkit/data/public, label them.

No article text is stored in the project; the texts are gathered by hand (docs/extract-real-score.md says
how) into a folder of ``<source_id>.txt`` files outside the repository. This script does the rest:

    python scripts/extract_real_sample.py select [--seed 12] [--n 60]   # the sample, one source a line
    python scripts/extract_real_sample.py sidecars ARTICLES              # <source_id>.meta.json per text
    python scripts/extract_real_sample.py labels ARTICLES LABELS         # filtered dataset folder
    python tests/extraction/score.py ARTICLES LABELS                     # the figures

``select``: sources cited by an agreement with a regional-government partner and a day-precision date,
shuffled per signing year with ``random.Random(seed)`` and taken round-robin over the years, a publisher
not repeated while another is left. ``labels``: graphkit/data/public filtered to the sources of ARTICLES,
keeping a partner only where its name, an alias or its region's name (graphkit/data/aliases.csv
included) appears in that article's text; a signing is kept for the articles naming one of its partners,
one row per set of articles naming the same ones (``<id>~1``, ``<id>~2`` when they differ); the partners
left out are printed.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PUBLIC = ROOT / "graphkit" / "data" / "public"
DATA = ROOT / "graphkit" / "data"
Rows = list[dict[str, str]]


def _read(path: Path) -> tuple[list[str], Rows]:
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames or []), list(reader)


def _cited(agreement: dict[str, str]) -> list[str]:
    ids = [agreement["source_id"]] if agreement["source_id"] else []
    return ids + [s for s in agreement["source_ids"].split(";") if s and s not in ids]


def select(seed: int, n: int) -> Rows:
    """The sample of sources, in the order drawn."""
    orgs = {o["id"]: o for o in _read(PUBLIC / "organizations.csv")[1]}
    sources = {s["id"]: s for s in _read(PUBLIC / "sources.csv")[1]}
    partners: dict[str, list[str]] = defaultdict(list)
    for p in _read(PUBLIC / "parties.csv")[1]:
        partners[p["agreement_id"]].append(p["organization_id"])
    by_year: dict[str, set[str]] = defaultdict(set)
    for a in _read(PUBLIC / "agreements.csv")[1]:
        if a["signed_on_precision"] == "day" and any(
            orgs[o]["type"] == "regional_government" for o in partners[a["id"]]
        ):
            by_year[a["signed_on"][:4]].update(_cited(a))
    rng = random.Random(seed)
    pools = {year: sorted(ids) for year, ids in sorted(by_year.items())}
    for pool in pools.values():
        rng.shuffle(pool)
    chosen: list[str] = []
    publishers: set[str] = set()
    while len(chosen) < n and any(pools.values()):
        for year in sorted(pools):
            pool = [s for s in pools[year] if s not in chosen]
            if len(chosen) >= n or not pool:
                continue
            fresh = [s for s in pool if sources[s]["publisher"] not in publishers]
            pick = (fresh or pool)[0]
            pools[year].remove(pick)
            chosen.append(pick)
            publishers.add(sources[pick]["publisher"])
    return [sources[s] for s in chosen]


def sidecars(articles: Path) -> int:
    """Write ``<source_id>.meta.json`` (url, publisher, published_on) beside each ``<source_id>.txt``."""
    sources = {s["id"]: s for s in _read(PUBLIC / "sources.csv")[1]}
    count = 0
    for text in sorted(articles.glob("*.txt")):
        s = sources[text.stem]
        meta = {k: s[k] for k in ("url", "publisher", "published_on") if s[k]}
        sidecar = text.with_suffix(".meta.json")
        sidecar.write_text(json.dumps(meta, ensure_ascii=False) + "\n", encoding="utf-8")
        count += 1
    return count


def _norm(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.casefold().replace("sumber daya manusia", "sdm")))


def _names(
    org: dict[str, str], regions: dict[str, dict[str, str]], aliases: dict[str, list[str]]
) -> set[str]:
    """The name, its aliases, the name without 'Pemerintah Kabupaten' etc., and its region's names."""
    bare = re.sub(r"\s*\(.*?\)", "", org["name"])
    core = re.sub(r"^pemerintah (kabupaten|kota|provinsi|daerah)\s+", "", bare, flags=re.I)
    names = {org["name"], bare, core}
    names |= {a for a in org["aliases"].split(";") if a}
    if org["type"] == "regional_government":
        for code in [org["region"], *org["region_candidates"].split(";")]:
            if code in regions:
                names |= {regions[code]["name"], regions[code]["short_name"], *aliases[code]}
    return {n for n in names if len(_norm(n)) >= 3}


def labels(articles: Path, out: Path) -> list[str]:
    """Write the filtered dataset folder ``out``; return the partners left out (not in the text)."""
    texts = {p.stem: f" {_norm(p.read_text(encoding='utf-8'))} " for p in articles.glob("*.txt")}
    regions = {r["code"]: r for r in _read(DATA / "regions.csv")[1]}
    aliases: dict[str, list[str]] = defaultdict(list)
    for a in _read(DATA / "aliases.csv")[1]:
        aliases[a["code"]].append(a["alias"])
    tables = {t: _read(PUBLIC / f"{t}.csv") for t in ("sources", "organizations", "parties", "agreements")}
    orgs = {o["id"]: o for o in tables["organizations"][1]}
    parties: dict[str, Rows] = defaultdict(list)
    for p in tables["parties"][1]:
        parties[p["agreement_id"]].append(p)
    kept: dict[str, Rows] = {t: [] for t in tables}
    left_out: list[str] = []
    for a in tables["agreements"][1]:
        cited = [s for s in _cited(a) if s in texts]
        partners: list[tuple[dict[str, str], list[str]]] = []  # each partner, with the articles naming it
        for p in parties[a["id"]]:
            org = orgs[p["organization_id"]]
            if org["type"] == "agency":
                continue
            names = [_norm(n) for n in _names(org, regions, aliases)]
            seen = [s for s in cited if any(f" {n} " in texts[s] for n in names)]
            left_out += [f"{s}: {a['kind']} {a['signed_on']} {org['name']}" for s in cited if s not in seen]
            partners.append((p, seen))
        # one agreement row per set of articles naming the same partners ("<id>~1", "<id>~2" when split)
        groups: dict[tuple[int, ...], list[str]] = {}
        for s in cited:
            key = tuple(i for i, (_, seen) in enumerate(partners) if s in seen)
            if key:
                groups.setdefault(key, []).append(s)
        agencies = [p for p in parties[a["id"]] if orgs[p["organization_id"]]["type"] == "agency"]
        for n, (key, group) in enumerate(groups.items(), start=1):
            aid = a["id"] if len(groups) == 1 else f"{a['id']}~{n}"
            row = {**a, "id": aid, "source_id": group[0], "source_ids": ";".join(group[1:])}
            kept["agreements"].append(row)
            kept["parties"] += [{**p, "agreement_id": aid} for p in agencies + [partners[i][0] for i in key]]
    used = {p["organization_id"] for p in kept["parties"]}
    kept["organizations"] = [o for o in tables["organizations"][1] if o["id"] in used]
    kept["sources"] = [s for s in tables["sources"][1] if s["id"] in texts]
    out.mkdir(parents=True, exist_ok=True)
    for table, rows in kept.items():
        with (out / f"{table}.csv").open("w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=tables[table][0])
            writer.writeheader()
            writer.writerows(rows)
    return left_out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sel = sub.add_parser("select")
    sel.add_argument("--seed", type=int, default=12)
    sel.add_argument("--n", type=int, default=60)
    sub.add_parser("sidecars").add_argument("articles", type=Path)
    lab = sub.add_parser("labels")
    lab.add_argument("articles", type=Path)
    lab.add_argument("out", type=Path)
    args = parser.parse_args()
    if args.command == "select":
        for s in select(args.seed, args.n):
            print(f"{s['id']}\t{s['url']}")
    elif args.command == "sidecars":
        print(f"{sidecars(args.articles)} sidecars written")
    else:
        left_out = labels(args.articles, args.out)
        print(f"labels -> {args.out}; partners left out (name not in the text): {len(left_out)}")
        for line in left_out:
            print(f"  {line}")


if __name__ == "__main__":
    main()
