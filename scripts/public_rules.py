"""Rules of scripts/build_public.py for follow-ups, programs and organizations (split for file length)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Any

from build_public import FU_KINDS, NOT_DONE, REGIONS, Builder, normal_date, region_of, short_hash, slug


def link_follow_ups(b: Builder, agreements: list[dict[str, Any]], orgs: dict[str, dict[str, Any]]):
    """Follow-up rows linked to the agreement they follow; reported intentions are not follow-ups."""
    by_event: dict[str, list[dict[str, Any]]] = defaultdict(list)
    by_region: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for a in agreements:
        for e in a["_events"]:
            by_event[e].append(a)
        region = orgs[a["_org"]].get("region")
        if region:
            by_region[region].append(a)
    rows: dict[tuple[str, str, str, str], dict[str, Any]] = {}
    skipped = Counter()
    for f in sorted(b.follow_ups, key=lambda f: (f["_source"], f.get("description") or "")):
        desc = (f.get("description") or "").strip()
        if f.get("kind") not in FU_KINDS or not desc:
            skipped["no kind or description"] += 1
            continue
        if NOT_DONE.search(desc):
            skipped["reported as intended, urged or planned, not done"] += 1
            continue
        region = region_of(f.get("region"))
        day = f.get("date") if re.fullmatch(r"\d{4}-\d\d-\d\d", f.get("date") or "") else ""
        prec = f.get("precision") or "day"
        cands = [a for a in by_event.get(f.get("of_agreement") or "", [])]
        if region:
            local = [a for a in cands if orgs[a["_org"]].get("region") == region]
            cands = local or [a for a in by_region.get(region, []) if not day or a["signed_on"] <= day]
        if not cands:
            skipped["no recorded agreement it follows (region or event unknown)"] += 1
            continue
        a = sorted(cands, key=lambda a: a["signed_on"])[-1]
        key = (a["id"], f["kind"], region or "", day)
        if key in rows:
            continue
        rows[key] = {
            "id": f"fu-{f['kind']}-{(region or 'x').replace('.', '-')}-{short_hash(desc + f['_source'])}",
            "agreement_id": a["id"],
            "kind": f["kind"],
            "date": normal_date(day, prec) if day else "",
            "date_precision": prec if day else "",
            "region": region or "",
            "description": desc,
            "organization": f.get("organization") or "",
            "source_id": f["_source"],
            "note": "" if f.get("of_agreement") else "linked by region: the article names no agreement",
        }
    return sorted(rows.values(), key=lambda r: r["id"]), skipped


def build_programs(b: Builder, orgs: dict[str, dict[str, Any]]):
    names = {slug(o["name"]): o["id"] for o in orgs.values()}
    programs: dict[str, dict[str, Any]] = {}
    regions: dict[tuple[str, str], dict[str, Any]] = {}
    for p in sorted(b.programs, key=lambda p: (p["_source"], p.get("name") or "")):
        name = (p.get("name") or "").strip()
        if not name:
            continue
        pid = slug(name, 50)
        since = p.get("since") if re.fullmatch(r"\d{4}-\d\d-\d\d", p.get("since") or "") else ""
        row = programs.setdefault(
            pid,
            {
                "id": pid,
                "name": name,
                "source_id": p["_source"],
                "started_on": "",
                "run_by": p.get("run_by") or "",
                "note": (p.get("description") or ""),
            },
        )
        if since and (not row["started_on"] or since < row["started_on"]):
            row["started_on"] = since
        region = region_of(p.get("region"))
        if region:
            r = regions.setdefault(
                (pid, region),
                {
                    "program_id": pid,
                    "region": region,
                    "since": since,
                    "organization_id": names.get(slug(p.get("run_by") or ""), ""),
                    "source_id": p["_source"],
                },
            )
            if since and (not r["since"] or since < r["since"]):
                r["since"] = since
    return sorted(programs.values(), key=lambda r: r["id"]), sorted(
        regions.values(), key=lambda r: (r["program_id"], r["region"])
    )


def finish_orgs(b: Builder, agreements: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    used = {a["_org"] for a in agreements}
    out: dict[str, dict[str, Any]] = {}
    for oid in sorted(used):
        o = b.orgs[oid]
        notes = sorted(o["notes"])
        region, cands = "", sorted(b.org_cands[oid])
        if b.org_regions[oid]:
            (region, n), *rest = b.org_regions[oid].most_common()
            if rest:
                notes.append(
                    "research records disagree on the region ("
                    + ", ".join(f"{c} x{k}" for c, k in b.org_regions[oid].most_common())
                    + "): the most frequent is kept"
                )
            cands = []
        elif len(cands) == 1:
            r = REGIONS[cands[0]]
            notes.append(f"REVIEW: the articles' wording does not fit the only candidate, {r['name']} "
                         f"({cands[0]}); region left empty until a reviewer resolves it")
        elif cands:
            notes.append(
                "AMBIGUOUS: the articles do not say which of the candidate regions; region left empty"
            )
        elif o["type"] == "regional_government":
            notes.append("REVIEW: no region code in the research record; region left empty, not guessed")
        out[oid] = {
            "id": oid,
            "name": o["name"],
            "type": o["type"],
            "region": region,
            "aliases": ";".join(sorted(a for a in o["aliases"] if a != o["name"] and ";" not in a)),
            "source_id": o["source_id"],
            "region_candidates": ";".join(cands),
            "note": " ".join(notes),
        }
    for a in agreements:
        aid = a["_agency"]
        if aid not in out:
            note = (
                "BP2MI unit that signed; office region not recorded"
                if aid != "bp2mi"
                else ("Head office, Jl. MT Haryono Kav 52, Jakarta Selatan (31.74)")
            )
            out[aid] = {
                "id": aid,
                "name": a["_agency_name"],
                "type": "agency",
                "region": "31.74" if aid == "bp2mi" else "",
                "aliases": "",
                "source_id": a["source_id"],
                "region_candidates": "",
                "note": note,
            }
    return out
