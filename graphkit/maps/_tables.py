"""The detail tables embedded in a map page: agreements, follow-ups, programs, sources, organizations
and regions, each keyed by id, so nodes refer to them instead of repeating them.

Every value is plain JSON (strings, numbers, booleans, lists); dates are ISO strings. The page shows
them with ``textContent`` only.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from graphkit.analytics import Snapshot
from graphkit.maps._details import MapDetails
from graphkit.sync._model import REFERENCE_SOURCE

__all__ = ["detail_tables", "iso"]


def iso(day: dt.date | None) -> str | None:
    """ISO text of a date, or None.

    >>> iso(dt.date(2024, 3, 14)), iso(None)
    ('2024-03-14', None)
    """
    return day.isoformat() if day else None


def detail_tables(snapshot: Snapshot, details: MapDetails) -> dict[str, Any]:
    """Every table the detail panel reads, keyed by id (see the module docstring)."""
    agreements: dict[str, Any] = {}
    for a in sorted(snapshot.agreements, key=lambda a: (a.signed_on, a.id)):
        agreements[a.id] = {
            "title": a.title,
            "kind": a.kind,
            "number": a.number,
            "signed": iso(a.signed_on),
            "expires": iso(a.expires_on),
            "assumed": a.expiry_assumed,
            "parent": a.parent_id,
            "parties": [p.organization_id for p in snapshot.parties_of.get(a.id, ())],
            "follow_ups": [
                f.id
                for f in sorted(snapshot.follow_ups_of.get(a.id, ()), key=lambda f: (iso(f.date) or "", f.id))
            ],
            "src": details.sources_of("Agreement", a.id),
        }
    follow_ups = {
        f.id: {
            "agreement": f.agreement_id,
            "kind": f.kind,
            "date": iso(f.date),
            "region": f.region,
            "text": f.description,
            "src": details.sources_of("FollowUp", f.id),
        }
        for f in snapshot.follow_ups
    }
    regions_of: dict[str, list[list[Any]]] = defaultdict(list)
    for pr in snapshot.program_regions:
        regions_of[pr.program_id].append([pr.region, iso(pr.since)])
    programs = {
        p.id: {
            "name": p.name,
            "kind": p.kind,
            "started": iso(p.started_on),
            "orgs": list(p.organizations),
            "regions": sorted(regions_of.get(p.id, [])),
            "src": details.sources_of("Program", p.id),
        }
        for p in snapshot.programs
    }
    org_agreements: dict[str, list[str]] = defaultdict(list)
    for a_id in agreements:
        for org in agreements[a_id]["parties"]:
            org_agreements[org].append(a_id)
    org_programs: dict[str, list[str]] = defaultdict(list)
    for p in snapshot.programs:
        for org in p.organizations:
            org_programs[org].append(p.id)
    orgs = {
        o.id: {
            "name": o.name,
            "type": o.type,
            "region": o.region,
            "aliases": details.aliases.get(o.id, []),
            "agreements": org_agreements.get(o.id, []),
            "programs": org_programs.get(o.id, []),
            "synthetic": o.synthetic,
            "src": details.sources_of("Organization", o.id),
        }
        for o in snapshot.organizations
    }
    placements: dict[str, list[list[int]]] = defaultdict(list)
    for pl in sorted(snapshot.placements, key=lambda p: (p.region, p.year)):
        placements[pl.region].append([pl.year, pl.workers])
    region_programs: dict[str, list[str]] = defaultdict(list)
    for pr in snapshot.program_regions:
        region_programs[pr.region].append(pr.program_id)
    region_follow_ups: dict[str, list[str]] = defaultdict(list)
    for f in snapshot.follow_ups:
        if f.region:
            region_follow_ups[f.region].append(f.id)
    region_orgs: dict[str, list[str]] = defaultdict(list)
    for o in snapshot.organizations:
        if o.region:
            region_orgs[o.region].append(o.id)
    regions = {
        r.code: {
            "name": r.name,
            "level": r.level,
            "kind": r.kind,
            "province": r.province_code,
            "placements": placements.get(r.code, []),
            "programs": sorted(set(region_programs.get(r.code, []))),
            "follow_ups": sorted(region_follow_ups.get(r.code, [])),
            "orgs": sorted(region_orgs.get(r.code, [])),
            "src": [REFERENCE_SOURCE["id"]],
        }
        for r in snapshot.regions
    }
    sources = dict(details.sources)
    sources.setdefault(
        REFERENCE_SOURCE["id"],
        {"title": REFERENCE_SOURCE["title"], "publisher": REFERENCE_SOURCE["publisher"],
         "published_on": None, "url": None},
    )  # fmt: skip
    return {
        "agreements": agreements,
        "follow_ups": follow_ups,
        "programs": programs,
        "orgs": orgs,
        "regions": regions,
        "sources": sources,
    }
