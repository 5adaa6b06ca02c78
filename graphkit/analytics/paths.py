"""Approach paths: for each regency that no agreement in force reaches, the concrete ways to close the gap,
each with the organization to contact and why (docs/DESIGN.md §7).

Gap regencies are those of status ``provincial``, ``program_only``, ``lapsed`` and ``isolated`` on D (none
is reached by an agreement in force in the sense of §3); ``provincial`` can be left out. They are ranked
by need as in ``graphkit report isolated`` (placed workers, most recent year with data). The rules, in the
order a planner would try them (the first path found is the regency's *best* path):

1. ``province_pks`` — its province government is party to an agreement in force: a PKS for this regency
   under that agreement; contact the province government (latest expiry first).
2. ``renew`` — agreements that reached it through its own government or a follow-up in it have lapsed:
   renew with the same partners (the agreement's parties other than agencies, named); latest expiry first.
3. ``program_partner`` — a program active in it (or in its province) on D is run by an organization
   that is party to agreements in force elsewhere: through that organization (most agreements first).
4. ``local_partner`` — an organization located in it (education, health, ...; not its government, not
   an agency) is party to an agreement signed by D: it knows BP2MI's agreements (latest signing first).
5. ``neighbour_partner`` — the nearest reached regencies of the same province (great-circle distance
   between capitals, km) and the partners through which they are reached (nearest first).

Agencies (BP2MI and its units) are never proposed as the organization to contact: they are the planner.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from typing import Any

from graphkit.analytics._snapshot import AgreementRow, PlacementRow, RegionRow, Snapshot, is_regency_code
from graphkit.analytics.coverage import REACHED_STATUSES, CoverageRow, active_program_regions, agreement_reach
from graphkit.analytics.isolation import latest_placements

__all__ = ["RULES", "PATH_STATUSES", "haversine_km", "approach_paths"]

#: Rule names in preference order (a path's ``rule`` is its 1-based position here).
RULES = ("province_pks", "renew", "program_partner", "local_partner", "neighbour_partner")
#: Statuses of a regency that no agreement in force reaches itself (docs/DESIGN.md §3, statuses 3-6).
PATH_STATUSES = ("provincial", "program_only", "lapsed", "isolated")
_EARTH_KM = 6371.0088


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two points given in degrees.

    >>> round(haversine_km(-6.995408, 109.127895, -6.870409, 109.137416), 1)  # capitals of 33.28, 33.76
    13.9
    >>> haversine_km(0, 0, 0, 0)
    0.0
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def _end(a: AgreementRow) -> str:
    return f"{a.expires_on}{', assumed' if a.expiry_assumed else ''}" if a.expires_on else "no end date"


def _path(rule: str, org: Any, why: str, **more: Any) -> dict[str, Any]:
    return {"rule": RULES.index(rule) + 1, "path": rule, "organization_id": org.id, "organization": org.name,
            "organization_type": org.type, "why": why, "agreements": [], "programs": [],
            "via_code": None, "via_name": None, "distance_km": None, **more}  # fmt: skip


class _Index:
    """What every regency's paths look up, computed once for the snapshot and day."""

    def __init__(self, snapshot: Snapshot, as_of: dt.date, coverage: Sequence[CoverageRow]) -> None:
        self.s, self.day = snapshot, as_of
        self.in_force_of: dict[str, list[AgreementRow]] = {}  # organization -> agreements in force
        self.signed_of: dict[str, list[AgreementRow]] = {}  # organization -> agreements signed by D
        self.expired_reach: dict[str, list[tuple[AgreementRow, set[str]]]] = {}  # regency -> (a, via)
        for a in snapshot.agreements:
            if not a.exists_on(as_of):
                continue
            for p in snapshot.parties_of.get(a.id, ()):
                self.signed_of.setdefault(p.organization_id, []).append(a)
                if a.in_force_on(as_of):
                    self.in_force_of.setdefault(p.organization_id, []).append(a)
            if a.expired_on(as_of):
                for code, via in agreement_reach(snapshot, a, as_of).items():
                    self.expired_reach.setdefault(code, []).append((a, via))
        self.province_gov: dict[str, list[str]] = {}
        self.located: dict[str, list[str]] = {}
        for o in snapshot.organizations:
            if o.type == "regional_government" and o.region and not is_regency_code(o.region):
                self.province_gov.setdefault(o.region, []).append(o.id)
            elif o.type not in ("agency", "regional_government") and is_regency_code(o.region):
                self.located.setdefault(str(o.region), []).append(o.id)
        self.programs: dict[str, list[tuple[str, str]]] = {}  # region -> (program, runner)
        for pr in active_program_regions(snapshot, as_of):
            program = snapshot.program.get(pr.program_id)
            runners = [pr.organization_id] if pr.organization_id else list(program.organizations if program
                                                                            else ())  # fmt: skip
            for org_id in runners:
                self.programs.setdefault(pr.region, []).append((pr.program_id, org_id))
        self.reached = {c.code: c for c in coverage if c.status in REACHED_STATUSES}

    def org(self, org_id: str) -> Any:
        o = self.s.organization.get(org_id)
        return o if o is not None and o.type != "agency" else None


def _province_pks(ix: _Index, reg: RegionRow) -> list[dict[str, Any]]:
    out = []
    for gov_id in sorted(ix.province_gov.get(reg.province_code, ())):
        gov = ix.org(gov_id)
        agreements = sorted(ix.in_force_of.get(gov_id, ()), key=lambda a: (a.expires_on or dt.date.max,
                                                                            a.id), reverse=True)  # fmt: skip
        if gov is None or not agreements:
            continue
        best = agreements[0]
        why = (f"{gov.name} is party to {best.id} ({best.kind}, in force until {_end(best)}): "
               f"a PKS under it for {reg.name}")  # fmt: skip
        out.append(_path("province_pks", gov, why, agreements=[a.id for a in agreements]))
    return out


def _renew(ix: _Index, reg: RegionRow) -> list[dict[str, Any]]:
    out, seen = [], set()
    rows = sorted(ix.expired_reach.get(reg.code, ()), key=lambda t: (t[0].expires_on, t[0].id), reverse=True)
    for a, via in rows:
        own = [v.split(":", 1)[1] for v in via if v.startswith("org:")]
        if own and all((o := ix.s.organization.get(i)) and o.type != "regional_government" for i in own):
            continue  # reached only through a local institution: rule 4
        partners = [o for p in ix.s.parties_of.get(a.id, ()) if (o := ix.org(p.organization_id))]
        names = ", ".join(o.name for o in partners)
        how = "its government" if own else "a follow-up here"
        for o in partners:
            if o.id in seen:
                continue
            seen.add(o.id)
            why = f"{a.id} reached it through {how} and expired {_end(a)}: renew with {names}"
            out.append(_path("renew", o, why, agreements=[a.id]))
    return out


def _program_partner(ix: _Index, reg: RegionRow) -> list[dict[str, Any]]:
    found: dict[str, list[str]] = {}
    for where in (reg.code, reg.province_code):
        for program_id, org_id in ix.programs.get(where, ()):
            if ix.org(org_id) and ix.in_force_of.get(org_id):
                found.setdefault(org_id, [])
                if program_id not in found[org_id]:
                    found[org_id].append(program_id)
    out = []
    for org_id in sorted(found, key=lambda i: (-len(ix.in_force_of[i]), i)):
        o, agreements = ix.org(org_id), sorted(a.id for a in ix.in_force_of[org_id])
        progs = [f"{ix.s.program[p].name if p in ix.s.program else p} ({p})" for p in found[org_id]]
        why = (
            f"{o.name} runs {', '.join(progs)} here and is party to {len(agreements)} agreement(s) in "
            f"force ({', '.join(agreements[:3])}{' ...' if len(agreements) > 3 else ''}): go through it"
        )
        out.append(_path("program_partner", o, why, agreements=agreements, programs=found[org_id]))
    return out


def _local_partner(ix: _Index, reg: RegionRow) -> list[dict[str, Any]]:
    out = []
    orgs = [o for i in ix.located.get(reg.code, ()) if (o := ix.org(i)) and ix.signed_of.get(i)]
    for o in sorted(orgs, key=lambda o: (-max(a.signed_on for a in ix.signed_of[o.id]).toordinal(), o.id)):
        agreements = sorted(ix.signed_of[o.id], key=lambda a: (a.signed_on, a.id), reverse=True)
        last = agreements[0]
        state = "in force" if last.in_force_on(ix.day) else f"expired {_end(last)}"
        why = (f"{o.name} ({o.type}) is located here and is party to {last.id} (signed {last.signed_on}, "
               f"{state}): a partner on the ground")  # fmt: skip
        out.append(_path("local_partner", o, why, agreements=[a.id for a in agreements]))
    return out


def _neighbour_partner(ix: _Index, reg: RegionRow, nearest: int) -> list[dict[str, Any]]:
    if reg.lat is None or reg.lon is None:
        return []
    near = []
    for code, c in ix.reached.items():
        other = ix.s.region.get(code)
        if other is None or other.province_code != reg.province_code or None in (other.lat, other.lon):
            continue
        near.append((haversine_km(reg.lat, reg.lon, other.lat, other.lon), code, c))
    out = []
    for km, code, c in sorted(near)[:nearest]:
        for org_id in c.organizations:
            o = ix.org(org_id)
            if o is None:
                continue
            basis = ", ".join(c.agreements[:3])
            why = f"{c.name}, {km:.0f} km away, is reached through {o.name} ({basis}): extend to {reg.name}"
            out.append(_path("neighbour_partner", o, why, agreements=list(c.agreements), via_code=code,
                             via_name=c.name, distance_km=round(km, 1)))  # fmt: skip
    return out


def approach_paths(
    snapshot: Snapshot,
    as_of: dt.date,
    coverage: Sequence[CoverageRow],
    *,
    placements: Sequence[PlacementRow] = (),
    statuses: Sequence[str] = PATH_STATUSES,
    per_rule: int = 3,
    nearest: int = 3,
) -> list[dict[str, Any]]:
    """The gap regencies of ``coverage`` (its rows on ``as_of``) ranked by need, each with its paths.

    Parameters
    ----------
    snapshot : Snapshot
        Plain rows of the graph.
    as_of : datetime.date
        The day ``coverage`` was computed for.
    coverage : sequence of CoverageRow
        ``coverage_status(snapshot, as_of)``.
    placements : sequence of PlacementRow
        Need (most recent year with data per regency); without them the ranking is by province, code.
    statuses : sequence of str
        Which statuses are gaps (default :data:`PATH_STATUSES`).
    per_rule, nearest : int
        At most ``per_rule`` paths per rule and regency; rule 5 looks at the ``nearest`` reached regencies.

    Returns
    -------
    list[dict]
        One dict per regency: ``rank``, ``code``, ``name``, ``province_code``, ``province``, ``status``,
        ``placements``, ``placements_year`` and ``paths`` (dicts with ``rule`` (1-5), ``path`` (the rule
        name), ``organization_id``, ``organization``, ``organization_type``, ``why``, ``agreements``,
        ``programs``, ``via_code``, ``via_name``, ``distance_km``), best first; ``paths`` may be empty.

    Examples
    --------
    >>> from graphkit.analytics._snapshot import OrganizationRow, PartyRow
    >>> from graphkit.analytics.coverage import coverage_status
    >>> s = Snapshot(regions=[RegionRow("33", "Jawa Tengah", "province", "33"),
    ...                       RegionRow("33.28", "Kabupaten Tegal", "regency", "33")],
    ...              organizations=[OrganizationRow("jt", "Pemprov Jateng", "regional_government", "33")],
    ...              agreements=[AgreementRow("m", "mou", dt.date(2024, 1, 1), dt.date(2029, 1, 1))],
    ...              parties=[PartyRow("m", "jt")])
    >>> day = dt.date(2025, 1, 1)
    >>> [(g["code"], g["status"], [(p["rule"], p["organization_id"]) for p in g["paths"]])
    ...  for g in approach_paths(s, day, coverage_status(s, day))]
    [('33.28', 'provincial', [(1, 'jt')])]
    """
    ix = _Index(snapshot, as_of, coverage)
    latest = latest_placements(placements)
    out = []
    for c in coverage:
        if c.status not in statuses:
            continue
        reg = snapshot.region[c.code]
        year, workers = latest.get(c.code, (None, None))
        paths = (_province_pks(ix, reg)[:per_rule] + _renew(ix, reg)[:per_rule]
                 + _program_partner(ix, reg)[:per_rule] + _local_partner(ix, reg)[:per_rule]
                 + _neighbour_partner(ix, reg, nearest)[:per_rule])  # fmt: skip
        out.append({"rank": 0, "code": c.code, "name": c.name, "province_code": c.province_code,
                    "province": c.province, "status": c.status, "placements": workers,
                    "placements_year": year, "paths": paths})  # fmt: skip
    out.sort(key=lambda r: (r["placements"] is None, -(r["placements"] or 0), r["province_code"], r["code"]))
    for i, r in enumerate(out, 1):
        r["rank"] = i
    return out
