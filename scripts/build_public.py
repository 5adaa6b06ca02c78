"""Build graphkit/data/public/ from reviewed research records (JSON lines, one object per article read).

Usage: .venv/bin/python scripts/build_public.py R1.jsonl R2.jsonl ... [--out graphkit/data/public]

The research files stay out of the repository; this script keeps only facts in our own words plus each
article's url, publisher and date. Output is deterministic (rows sorted, ids derived from content).
Rules (see graphkit/data/public/README.md): one sources row per url; one agreement per partner, kind and
signing event (records of the same partner and kind whose dates agree are merged, their articles become
extra sources); signings flagged as planned/unconfirmed are not agreements; a region code is kept only if
it exists in graphkit/data/regions.csv, never guessed.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from graphkit.dataset._schema import FOLLOW_UP_KINDS, ORGANIZATION_TYPES  # noqa: E402

REGIONS = {r["code"]: r for r in csv.DictReader((ROOT / "graphkit/data/regions.csv").open(encoding="utf-8"))}
PLANNED = re.compile(r"planned|not yet signed|announced-plan|belum ditandatangani|not confirmed signed", re.I)
NOT_DONE = re.compile(r"exhortation|urged|\basked\b|pledged|expectation|stated plan|not a completed|"
                      r"\bwill\b|\bto be\b|\bplans? to\b|\bplanned\b", re.I)  # fmt: skip
# the dataset schema's own lists (BP2MI's units, type agency, are added by the builder itself)
ORG_TYPES = set(ORGANIZATION_TYPES) - {"agency"}
FU_KINDS = set(FOLLOW_UP_KINDS)
SCOPES = {"illegal_placement", "education_training", "protection", "placement_services", "coordination"}
PREC_RANK = {"day": 0, "day_inferred": 1, "month": 2, "year": 3}


def slug(text: str, n: int = 60) -> str:
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", t).strip("-")[:n].strip("-")


def short_hash(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:6]


def org_keys(name: str) -> set[str]:
    """Keys under which two spellings of one partner meet: the name without brackets and company
    suffixes, and an abbreviation given in brackets ('Badan Pengawas Pemilihan Umum (Bawaslu RI)')."""
    core = re.sub(r"\([^)]*\)", " ", name)
    core = re.sub(r"\b(PT|Tbk|Persero|RI)\b\.?", " ", core)
    keys = {slug(core)}
    for abbr in re.findall(r"\(([^)]{2,30})\)", name):
        keys.add(slug(re.sub(r"\b(RI|Persero)\b", " ", abbr)))
    return {k for k in keys if len(k) > 2}


def region_of(code: Any) -> str | None:
    return code if isinstance(code, str) and code in REGIONS else None


def agency(party: str | None) -> tuple[str, str]:
    """(id, name) of the BP2MI unit that signed; the ministry since late 2024 is its own organization."""
    p = party or ""
    m = re.search(r"BP3MI ([A-Z][A-Za-z ]+?)(?:\)|,|;|$)", p)
    if m:
        name = f"BP3MI {m.group(1).strip()}"
        return slug(name), name
    m = re.search(r"UPT BP2MI ([A-Z][A-Za-z]+)", p)
    if m:
        name = f"UPT BP2MI {m.group(1)}"
        return slug(name), name
    if re.search(r"KP2MI|Kementerian P2MI", p):
        return "kp2mi", "Kementerian Pelindungan Pekerja Migran Indonesia (KP2MI)"
    return "bp2mi", "Badan Pelindungan Pekerja Migran Indonesia (BP2MI)"


class Builder:
    def __init__(self) -> None:
        self.sources: dict[str, dict[str, Any]] = {}  # url -> row
        self.orgs: dict[str, dict[str, Any]] = {}
        self.org_regions: dict[str, Counter[str]] = defaultdict(Counter)
        self.org_cands: dict[str, set[str]] = defaultdict(set)
        self.signings: list[dict[str, Any]] = []  # one per (record signing, partner)
        self.planned: list[dict[str, Any]] = []
        self.unnamed: list[dict[str, Any]] = []
        self.follow_ups: list[dict[str, Any]] = []
        self.programs: list[dict[str, Any]] = []
        self.aggregates: list[tuple[str, str]] = []
        self.read = 0
        self.undated: list[dict[str, Any]] = []
        self.event_dates: dict[str, tuple[str, str]] = {}
        self.keys: dict[str, str] = {}  # name keys (core name, abbreviation) -> organization id

    # --- reading -------------------------------------------------------------------------------------
    def source_id(self, rec: dict[str, Any]) -> str:
        url = rec["url"]
        if url not in self.sources:
            pub = rec.get("publisher") or "unknown"
            raw = rec.get("published_on") or ""
            day = raw if re.fullmatch(r"\d{4}-\d\d-\d\d", raw) else ""
            note = f"published {raw} (day not stated)" if raw and not day else ""
            sid = f"{slug(pub, 20)}-{day or 'undated'}-{short_hash(url)}"
            self.sources[url] = {"id": sid, "title": rec.get("title") or "", "publisher": pub,
                                 "published_on": day, "url": url, "note": note}  # fmt: skip
        return self.sources[url]["id"]

    def org(self, p: dict[str, Any], sid: str) -> str | None:
        typ = p.get("type")
        name = (p.get("name") or "").strip()
        if typ not in ORG_TYPES or not name:
            return None
        code = region_of(p.get("region"))
        if typ == "regional_government" and code:
            oid = f"pemda-{code.replace('.', '-')}"
            name = self.pemda_name(code)
        else:
            keys = org_keys(name)
            cands = sorted(c for c in p.get("region_candidates") or [] if region_of(c))
            if typ == "regional_government" and cands:  # one unresolved region, however it was written
                keys.add("candidates:" + ";".join(cands))
            oid = next((self.keys[k] for k in keys if k in self.keys), slug(name))
            for k in keys:
                self.keys.setdefault(k, oid)
        row = self.orgs.setdefault(oid, {"id": oid, "name": name, "type": typ, "source_id": sid,
                                         "aliases": set(), "notes": set()})  # fmt: skip
        if p.get("as_written") and len(p["as_written"].split()) <= 8:
            row["aliases"].add(p["as_written"].strip())
        if code:
            self.org_regions[oid][code] += 1
        for c in p.get("region_candidates") or []:
            if region_of(c):
                self.org_cands[oid].add(c)
        if p.get("region") and not code:
            row["notes"].add(f"research gave region {p['region']!r}, not a code in regions.csv: left empty")
        return oid

    @staticmethod
    def pemda_name(code: str) -> str:
        r = REGIONS[code]
        if r["level"] == "province":
            return f"Pemerintah Provinsi {r['name']}"
        return f"Pemerintah {r['name']}"

    def add(self, rec: dict[str, Any]) -> None:
        self.read += 1
        if not rec.get("url") or not rec.get("relevant"):
            return
        sid = self.source_id(rec)
        if rec.get("aggregates"):
            self.aggregates.append((sid, rec["aggregates"]))
        for s in rec.get("signings") or []:
            if s.get("event") and s.get("signed_on"):
                self.event_dates.setdefault(s["event"], (s["signed_on"], s.get("precision") or "day"))
            self.add_signing(s, sid)
        for f in rec.get("follow_ups") or []:
            self.follow_ups.append({**f, "_source": sid})
        for p in rec.get("programs") or []:
            self.programs.append({**p, "_source": sid})

    def add_signing(self, s: dict[str, Any], sid: str) -> None:
        text = f"{s.get('event') or ''} {s.get('notes') or ''}"
        if PLANNED.search(text):
            self.planned.append({**s, "_source": sid})
            return
        partners = [p for p in s.get("partners") or [] if p.get("type") in ORG_TYPES]
        if partners and not s.get("signed_on") and not s.get("_dated"):
            self.undated.append({**s, "_source": sid})  # dated later from another record of the event
            return
        if (
            not partners
            or not s.get("signed_on")
            or s.get("kind") not in ("mou", "pks", "technical", "other")
        ):
            self.unnamed.append({**s, "_source": sid})
            return
        aid, aname = agency(s.get("bp2mi_party"))
        for p in partners:
            oid = self.org(p, sid)
            if oid:
                self.signings.append({"org": oid, "agency": aid, "agency_name": aname, "kind": s["kind"],
                                      "date": s["signed_on"], "precision": s.get("precision") or "day",
                                      "event": s.get("event") or "", "signed_by": p.get("signed_by") or "",
                                      "scopes": [x for x in s.get("scopes") or [] if x in SCOPES],
                                      "counts": s.get("counts_reported") or "", "source": sid,
                                      "dated": s.get("_dated") or "",
                                      "expires_on": s.get("expires_on") or ""})  # fmt: skip

    def date_undated(self) -> None:
        """A signing recorded without a date takes the date another article gives the same event id;
        failing that, a date written in the event id itself (the researcher's reading); else it stays
        counted only (README: known but not dated)."""
        for s in self.undated:
            event = s.get("event") or ""
            day, prec, how = None, None, ""
            if event in self.event_dates:
                (day, prec), how = self.event_dates[event], "date from another article on the same event"
            elif m := re.search(r"(20\d\d)-(\d\d)-(\d\d)", event):
                day, prec, how = m.group(0), "day", "date from the research event id"
            elif m := re.search(r"(20\d\d)-(\d\d)(?!\d)", event):
                day, prec, how = f"{m.group(0)}-01", "month", "month from the research event id"
            if not day:
                self.unnamed.append(s)
                continue
            notes = f"{s.get('notes') or ''} [{how}]".strip()
            self.add_signing({**s, "signed_on": day, "precision": prec, "notes": notes, "_dated": how},
                             s["_source"])

    # --- merging ---------------------------------------------------------------------------------------
    def agreements(self) -> list[dict[str, Any]]:
        groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
        def order(s: dict[str, Any]) -> tuple[Any, ...]:
            return (s["kind"] == "other", PREC_RANK.get(s["precision"], 3), s["date"], s["source"])

        for s in sorted(self.signings, key=order):
            groups[(s["org"], s["agency"])].append(s)
        out = []
        for key in sorted(groups):
            clusters: list[list[dict[str, Any]]] = []
            for s in groups[key]:
                for c in clusters:
                    if same_event(c[0], s):
                        c.append(s)
                        break
                else:
                    clusters.append([s])
            out.extend(self.agreement_row(c) for c in clusters)
        return sorted(out, key=lambda a: a["id"])

    def agreement_row(self, c: list[dict[str, Any]]) -> dict[str, Any]:
        best = c[0]
        day = normal_date(best["date"], best["precision"])
        sources = sorted({s["source"] for s in c})
        first = best["source"]
        aid = f"{best['kind']}-{best['org']}-{day}"
        events = sorted({s["event"] for s in c if s["event"]})
        scopes = sorted({x for s in c for x in s["scopes"]})
        counts = next((s["counts"] for s in c if s["counts"]), "")
        name = self.orgs[best["org"]]["name"]
        note = (
            (
                f"{len(c)} research record(s) from {len(sources)} article(s) report this signing; "
                f"merged as one event (same partner, kind and compatible date)."
            )
            if len(sources) > 1
            else ""
        )
        if best["dated"]:
            note += f" Date: {best['dated']} (the article itself gives none)."
        if best["precision"] in ("month", "year"):
            note += f" Date known only to the {best['precision']}: signed_on is the 1st."
        unit = best["agency_name"].split(" (")[-1].rstrip(")")
        expires = best["expires_on"] if re.fullmatch(r"\d{4}-\d\d-\d\d", best["expires_on"]) else ""
        return {"id": aid, "kind": best["kind"], "signed_on": day, "signed_on_precision": best["precision"],
                "title": f"{best['kind'].upper()} {unit} - {name}", "expires_on": expires,
                "scopes": ";".join(scopes), "source_id": first,
                "source_ids": ";".join(x for x in sources if x != first),
                "event": events[0] if events else "", "counts_reported": counts, "note": note.strip(),
                "_org": best["org"], "_agency": best["agency"],
                "_agency_name": best["agency_name"], "_events": events,
                "_signed_by": next((s["signed_by"] for s in c if s["signed_by"]), "")}  # fmt: skip


def normal_date(day: str, precision: str) -> str:
    if precision == "year":
        return day[:4] + "-01-01"
    if precision == "month":
        return day[:7] + "-01"
    return day


def same_event(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two records of one partner and kind (or one of kind "other") describe the same signing when their
    dates agree to the coarser precision of the two (a day and a month-only date in that month agree)."""
    if a["kind"] != b["kind"] and "other" not in (a["kind"], b["kind"]):
        return False  # an MoU and a PKS signed together are two agreements; "other" is a vaguer record
    coarse = max(PREC_RANK.get(a["precision"], 3), PREC_RANK.get(b["precision"], 3))
    width = {0: 10, 1: 10, 2: 7, 3: 4}[coarse]
    return a["date"][:width] == b["date"][:width]


def write(path: Path, rows: list[dict[str, Any]], cols: list[str]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, cols, extrasaction="ignore", lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("records", nargs="+", type=Path)
    ap.add_argument("--out", type=Path, default=ROOT / "graphkit/data/public")
    args = ap.parse_args(argv)
    from public_rules import build_programs, finish_orgs, link_follow_ups  # noqa: PLC0415 (it imports us)

    b = Builder()
    for path in args.records:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                try:
                    b.add(json.loads(line))
                except (json.JSONDecodeError, KeyError, TypeError) as exc:
                    print(f"{path}:{n}: skipped ({exc})", file=sys.stderr)
    b.date_undated()
    agreements = b.agreements()
    orgs = finish_orgs(b, agreements)
    follow_ups, skipped = link_follow_ups(b, agreements, orgs)
    programs, program_regions = build_programs(b, orgs)
    parties = []
    for a in agreements:
        parties.append({"agreement_id": a["id"], "organization_id": a["_agency"], "role": "signatory"})
        parties.append(
            {
                "agreement_id": a["id"],
                "organization_id": a["_org"],
                "role": "signatory",
                "signed_by": a["_signed_by"],
            }
        )
    extra_ids = {x for a in agreements for x in a["source_ids"].split(";") if x}
    cited = ({a["source_id"] for a in agreements} | extra_ids
             | {o["source_id"] for o in orgs.values()} | {f["source_id"] for f in follow_ups}
             | {p["source_id"] for p in programs} | {r["source_id"] for r in program_regions})  # fmt: skip
    sources = sorted((s for s in b.sources.values() if s["id"] in cited), key=lambda s: s["id"])
    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    write(out / "sources.csv", sources, ["id", "title", "publisher", "published_on", "url", "note"])
    write(
        out / "organizations.csv",
        sorted(orgs.values(), key=lambda o: o["id"]),
        ["id", "name", "type", "region", "aliases", "source_id", "region_candidates", "note"],
    )
    write(
        out / "agreements.csv",
        agreements,
        [
            "id",
            "kind",
            "signed_on",
            "title",
            "expires_on",
            "scopes",
            "source_id",
            "source_ids",
            "signed_on_precision",
            "event",
            "counts_reported",
            "note",
        ],
    )
    write(out / "parties.csv", parties, ["agreement_id", "organization_id", "role", "signed_by"])
    write(
        out / "follow_ups.csv",
        follow_ups,
        [
            "id",
            "agreement_id",
            "kind",
            "date",
            "region",
            "description",
            "source_id",
            "date_precision",
            "organization",
            "note",
        ],
    )
    write(out / "programs.csv", programs, ["id", "name", "started_on", "source_id", "run_by", "note"])
    write(
        out / "program_regions.csv",
        program_regions,
        ["program_id", "region", "since", "organization_id", "source_id"],
    )
    url_of = {s["id"]: url for url, s in b.sources.items()}
    signed_names = {orgs[a["_org"]]["name"] for a in agreements}
    extra = {
        "read": b.read,
        "relevant_urls": len(b.sources),
        "planned": [
            {
                "event": p.get("event"),
                "partners": [x.get("name") for x in p.get("partners") or []],
                "source_id": p["_source"],
                "url": url_of[p["_source"]],
                "confirmed": sorted(
                    x.get("name") for x in p.get("partners") or [] if x.get("name") in signed_names
                ),
            }
            for p in b.planned
        ],
        "unnamed": [
            {
                "event": u.get("event"),
                "signed_on": u.get("signed_on"),
                "counts": u.get("counts_reported"),
                "partners": len(u.get("partners") or []),
                "source_id": u["_source"],
                "url": url_of[u["_source"]],
            }
            for u in b.unnamed
        ],
        "follow_ups_skipped": dict(skipped),
        "aggregates": b.aggregates,
    }
    summary = ROOT / "build" / "public_build_summary.json"
    summary.parent.mkdir(exist_ok=True)
    summary.write_text(json.dumps(extra, indent=1, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    from public_readme import completeness, readme  # noqa: PLC0415

    statement, _ = completeness(orgs, agreements, parties)
    (out / "completeness.txt").write_text(statement + "\n", encoding="utf-8")
    text = readme({"sources": len(sources)}, orgs, agreements, parties, follow_ups, programs, program_regions,
                  extra)  # fmt: skip
    (out / "README.md").write_text(text, encoding="utf-8")
    print(
        f"{len(sources)} sources, {len(orgs)} organizations, {len(agreements)} agreements, "
        f"{len(follow_ups)} follow-ups, {len(programs)} programs, {len(program_regions)} program regions; "
        f"read {b.read} records; review summary in {summary}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
