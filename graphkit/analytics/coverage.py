"""Coverage status of every regency as of a date (docs/DESIGN.md §3), each with the reason that decided it.

Definitions used here (all days inclusive):

- An agreement *exists* on D when ``signed_on <= D``; it is *in force* on D when
  ``signed_on <= D <= expires_on`` (the signing day and the expiry day both count); it is *expired* on D
  when ``expires_on < D``. The loader stores an assumed ``expires_on`` (``expiry_assumed=True``) when the
  dataset gives none, and every reason that relies on it says "assumed".
- A follow-up *counts* on D when its date is on or before D; a follow-up with no date counts from its
  agreement's signing day.
- An agreement *reaches* a regency when one of its parties whose type is not ``agency`` governs or is
  located in the regency (``Organization.region`` is the regency's code), or when one of its follow-ups
  that counts on D has ``region`` = the regency. A party whose region is a province reaches no regency.
- A program is *active* in a region on D when its ``ACTIVE_IN.since <= D``; with no ``since``, when the
  program's ``started_on <= D``; with neither, always.

Status of a regency on D, first match wins:

1. ``active`` — reached by an agreement in force that has at least one follow-up counting on D;
2. ``idle`` — reached only by agreements in force none of which has a follow-up counting on D;
3. ``provincial`` — not reached itself, but its province's government (an organization of type
   ``regional_government`` whose region is the province) is party to an agreement in force;
4. ``program_only`` — no agreement in force reaches it (nor its province government), but a program is
   active on D in the regency or in its province;
5. ``lapsed`` — reached by at least one agreement that expired before D (and none in force);
6. ``isolated`` — nothing of the above.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field, fields
from typing import Any

from graphkit.analytics._snapshot import (
    AgreementRow,
    FollowUpRow,
    ProgramRegionRow,
    RegionRow,
    Snapshot,
    is_regency_code,
    province_of,
)

__all__ = [
    "STATUSES",
    "REACHED_STATUSES",
    "CoverageRow",
    "coverage_status",
    "active_programs",
    "active_program_regions",
    "agreement_reach",
    "follow_up_counts",
]

#: The statuses in the order they are tested (first match wins).
STATUSES = ("active", "idle", "provincial", "program_only", "lapsed", "isolated")
#: Statuses of a regency that an agreement in force reaches.
REACHED_STATUSES = ("active", "idle")
_MAX_LISTED = 3


@dataclass(frozen=True)
class CoverageRow:
    """One regency's status on a date and what decided it.

    ``agreements`` are the deciding agreements (for ``active``: the reaching agreements in force with a
    follow-up; ``idle``: the reaching agreements in force; ``provincial``: the province government's
    agreements in force; ``lapsed``: the expired agreements that reached it). ``organizations`` are the
    parties through which they reach it; ``expires_on`` is the latest expiry among ``agreements`` and
    ``expiry_assumed`` says whether that date is an assumed one.
    """

    code: str
    name: str
    province_code: str
    province: str
    status: str
    reason: str
    agreements: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()
    follow_ups: tuple[str, ...] = ()
    programs: tuple[str, ...] = ()
    expires_on: dt.date | None = None
    expiry_assumed: bool = False

    def as_dict(self) -> dict[str, Any]:
        """The row as a plain dict (tuples become lists)."""
        return {f.name: list(v) if isinstance(v := getattr(self, f.name), tuple) else v for f in fields(self)}


def follow_up_counts(snapshot: Snapshot, f: FollowUpRow, as_of: dt.date) -> bool:
    """A follow-up counts on ``as_of`` when dated on or before it (undated: from the agreement's signing).

    >>> from graphkit.analytics._snapshot import AgreementRow
    >>> s = Snapshot(agreements=[AgreementRow("a", "mou", dt.date(2020, 1, 1))])
    >>> f = FollowUpRow("f", "a", "budget", dt.date(2020, 6, 1))
    >>> follow_up_counts(s, f, dt.date(2020, 6, 1)), follow_up_counts(s, f, dt.date(2020, 5, 31))
    (True, False)
    """
    day = snapshot.follow_up_date(f)
    return day is not None and day <= as_of


def agreement_reach(snapshot: Snapshot, agreement: AgreementRow, as_of: dt.date) -> dict[str, set[str]]:
    """Regencies the agreement reaches on ``as_of``: ``{regency code: {"org:ID" | "follow_up:ID", ...}}``.

    Parties of type ``agency`` and parties whose region is a province do not reach a regency; a
    follow-up reaches its region only once it counts (see :func:`follow_up_counts`).

    >>> from graphkit.analytics._snapshot import AgreementRow, OrganizationRow, PartyRow
    >>> s = Snapshot(
    ...     organizations=[OrganizationRow("bp2mi", "BP2MI", "agency", "31.71"),
    ...                    OrganizationRow("tegal", "Pemkab Tegal", "regional_government", "33.28")],
    ...     agreements=[AgreementRow("a", "mou", dt.date(2020, 1, 1))],
    ...     parties=[PartyRow("a", "bp2mi"), PartyRow("a", "tegal")])
    >>> agreement_reach(s, s.agreements[0], dt.date(2020, 1, 1))
    {'33.28': {'org:tegal'}}
    """
    reach: dict[str, set[str]] = defaultdict(set)
    for p in snapshot.parties_of.get(agreement.id, ()):
        org = snapshot.organization.get(p.organization_id)
        if org is None or org.type == "agency" or not is_regency_code(org.region):
            continue
        reach[str(org.region)].add(f"org:{org.id}")
    for f in snapshot.follow_ups_of.get(agreement.id, ()):
        if is_regency_code(f.region) and follow_up_counts(snapshot, f, as_of):
            reach[str(f.region)].add(f"follow_up:{f.id}")
    return dict(reach)


def active_programs(snapshot: Snapshot, as_of: dt.date) -> dict[str, set[str]]:
    """Programs active on ``as_of`` per region code (a province's programs are listed under the province).

    ``since <= as_of`` counts; with no ``since`` the program's ``started_on`` decides; with neither the
    program counts as always active.

    >>> from graphkit.analytics._snapshot import ProgramRow, ProgramRegionRow
    >>> s = Snapshot(programs=[ProgramRow("p", "LTSA", started_on=dt.date(2021, 1, 1))],
    ...              program_regions=[ProgramRegionRow("p", "33.28"),
    ...                               ProgramRegionRow("p", "33", since=dt.date(2022, 1, 1))])
    >>> active_programs(s, dt.date(2021, 6, 1))
    {'33.28': {'p'}}
    """
    out: dict[str, set[str]] = defaultdict(set)
    for pr in active_program_regions(snapshot, as_of):
        out[pr.region].add(pr.program_id)
    return dict(out)


def active_program_regions(snapshot: Snapshot, as_of: dt.date) -> list[ProgramRegionRow]:
    """The program-region rows active on ``as_of`` (rules as in :func:`active_programs`).

    >>> s = Snapshot(program_regions=[ProgramRegionRow("p", "33", since=dt.date(2022, 1, 1))])
    >>> [len(active_program_regions(s, dt.date(2022, 1, d))) for d in (1, 2)]
    [1, 1]
    >>> active_program_regions(s, dt.date(2021, 12, 31))
    []
    """
    out = []
    for pr in snapshot.program_regions:
        since = pr.since
        if since is None:
            program = snapshot.program.get(pr.program_id)
            since = program.started_on if program else None
        if since is None or since <= as_of:
            out.append(pr)
    return out


@dataclass
class _Found:
    in_force: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # regency -> agreements
    via: dict[tuple[str, str], set[str]] = field(default_factory=lambda: defaultdict(set))  # (regency, a)
    expired: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    provincial: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # province -> agrs
    province_gov: dict[tuple[str, str], set[str]] = field(default_factory=lambda: defaultdict(set))
    done: dict[str, list[str]] = field(default_factory=dict)  # agreement -> follow-ups counting


def _scan(snapshot: Snapshot, as_of: dt.date) -> _Found:
    found = _Found()
    for a in snapshot.agreements:
        if not a.exists_on(as_of):
            continue
        in_force = a.in_force_on(as_of)
        if in_force:
            found.done[a.id] = sorted(
                f.id for f in snapshot.follow_ups_of.get(a.id, ()) if follow_up_counts(snapshot, f, as_of)
            )
        elif not a.expired_on(as_of):
            continue
        for code, via in agreement_reach(snapshot, a, as_of).items():
            (found.in_force if in_force else found.expired)[code].add(a.id)
            found.via[(code, a.id)] |= via
        if not in_force:
            continue
        for p in snapshot.parties_of.get(a.id, ()):
            org = snapshot.organization.get(p.organization_id)
            if org and org.type == "regional_government" and org.region and not is_regency_code(org.region):
                found.provincial[org.region].add(a.id)
                found.province_gov[(org.region, a.id)].add(org.id)
    return found


def _latest(snapshot: Snapshot, ids: set[str] | list[str]) -> tuple[dt.date | None, bool]:
    rows = [snapshot.agreement[i] for i in ids if snapshot.agreement[i].expires_on is not None]
    if not rows:
        return None, False
    last = max(r.expires_on for r in rows)  # type: ignore[type-var]
    return last, any(r.expiry_assumed for r in rows if r.expires_on == last)


def _describe(snapshot: Snapshot, ids: list[str], verb: str) -> str:
    parts = []
    for i in ids[:_MAX_LISTED]:
        a = snapshot.agreement[i]
        end = a.expires_on.isoformat() if a.expires_on else "no end date"
        parts.append(f"{i} ({verb} {end}{', assumed' if a.expiry_assumed else ''})")
    more = f" and {len(ids) - _MAX_LISTED} more" if len(ids) > _MAX_LISTED else ""
    return ", ".join(parts) + more


def _listed(ids: list[str]) -> str:
    more = f" and {len(ids) - _MAX_LISTED} more" if len(ids) > _MAX_LISTED else ""
    return ", ".join(ids[:_MAX_LISTED]) + more


def _orgs(via: set[str]) -> list[str]:
    return sorted(v.split(":", 1)[1] for v in via if v.startswith("org:"))


def coverage_status(snapshot: Snapshot, as_of: dt.date) -> list[CoverageRow]:
    """The coverage status of every regency in ``snapshot`` on ``as_of``, sorted by regency code.

    See the module docstring for the exact rules. Regencies are the snapshot's regions of level
    ``regency``; an empty snapshot gives an empty list.

    Parameters
    ----------
    snapshot : Snapshot
        Plain rows of the graph (``graphkit.sync._fetch.fetch_snapshot``) or built by hand.
    as_of : datetime.date
        The day evaluated; agreements signed after it do not exist yet.

    Returns
    -------
    list[CoverageRow]
        One row per regency with its status, a one-line reason and the deciding ids.

    Examples
    --------
    >>> from graphkit.analytics._snapshot import AgreementRow, OrganizationRow, PartyRow, RegionRow
    >>> s = Snapshot(
    ...     regions=[RegionRow("33", "Jawa Tengah", "province", "33"),
    ...              RegionRow("33.28", "Kabupaten Tegal", "regency", "33"),
    ...              RegionRow("33.76", "Kota Tegal", "regency", "33")],
    ...     organizations=[OrganizationRow("tegal", "Pemkab Tegal", "regional_government", "33.28")],
    ...     agreements=[AgreementRow("a1", "mou", dt.date(2020, 1, 1), dt.date(2025, 1, 1), True)],
    ...     parties=[PartyRow("a1", "tegal")])
    >>> [(r.code, r.status) for r in coverage_status(s, dt.date(2025, 1, 1))]
    [('33.28', 'idle'), ('33.76', 'isolated')]
    >>> coverage_status(s, dt.date(2025, 1, 2))[0].status
    'lapsed'
    >>> coverage_status(s, dt.date(2025, 1, 1))[0].reason
    'reached by agreement(s) in force with no follow-up yet: a1 (expires 2025-01-01, assumed)'
    """
    if not snapshot.regions:
        return []
    found = _scan(snapshot, as_of)
    programs = active_programs(snapshot, as_of)
    return [_decide(snapshot, reg, found, programs) for reg in snapshot.regency_rows]


def _decide(snapshot: Snapshot, reg: RegionRow, found: _Found, programs: dict[str, set[str]]) -> CoverageRow:
    code, prov = reg.code, reg.province_code or province_of(reg.code)
    province = snapshot.region.get(prov)
    base: dict[str, Any] = {
        "code": code,
        "name": reg.name,
        "province_code": prov,
        "province": province.name if province else "",
    }
    in_force = sorted(found.in_force.get(code, ()))
    if in_force:
        with_fu = [a for a in in_force if found.done.get(a)]
        ids = with_fu or in_force
        orgs = tuple(sorted({o for a in ids for o in _orgs(found.via[(code, a)])}))
        end, assumed = _latest(snapshot, ids)
        if with_fu:
            fus = sorted({f for a in with_fu for f in found.done[a]})
            reason = (
                f"reached by agreement(s) in force with follow-up: {_describe(snapshot, ids, 'expires')}"
                f"; follow-up(s) {_listed(fus)}"
            )
            return CoverageRow(**base, status="active", reason=reason, agreements=tuple(ids),
                               organizations=orgs, follow_ups=tuple(fus), expires_on=end,
                               expiry_assumed=assumed)  # fmt: skip
        reason = "reached by agreement(s) in force with no follow-up yet: " + _describe(
            snapshot, ids, "expires"
        )
        return CoverageRow(**base, status="idle", reason=reason, agreements=tuple(ids), organizations=orgs,
                           expires_on=end, expiry_assumed=assumed)  # fmt: skip
    prov_agreements = sorted(found.provincial.get(prov, ()))
    if prov_agreements:
        govs = tuple(sorted({o for a in prov_agreements for o in found.province_gov[(prov, a)]}))
        end, assumed = _latest(snapshot, prov_agreements)
        names = ", ".join(snapshot.organization[g].name for g in govs)
        reason = (
            f"not reached itself; province government {names} is party to "
            + _describe(snapshot, prov_agreements, "expires")
        )
        return CoverageRow(**base, status="provincial", reason=reason, agreements=tuple(prov_agreements),
                           organizations=govs, expires_on=end, expiry_assumed=assumed)  # fmt: skip
    progs = sorted(programs.get(code, set()) | programs.get(prov, set()))
    if progs:
        here = programs.get(code, set())
        where = [f"{p} ({'here' if p in here else 'province'})" for p in progs[:_MAX_LISTED]]
        more = f" and {len(progs) - _MAX_LISTED} more" if len(progs) > _MAX_LISTED else ""
        reason = "no agreement in force reaches it; program(s) active: " + ", ".join(where) + more
        return CoverageRow(**base, status="program_only", reason=reason, programs=tuple(progs))
    expired = sorted(found.expired.get(code, ()))
    if expired:
        orgs = tuple(sorted({o for a in expired for o in _orgs(found.via[(code, a)])}))
        end, assumed = _latest(snapshot, expired)
        reason = "reached only by expired agreement(s): " + _describe(snapshot, expired, "expired")
        return CoverageRow(**base, status="lapsed", reason=reason, agreements=tuple(expired),
                           organizations=orgs, expires_on=end, expiry_assumed=assumed)  # fmt: skip
    reason = "no agreement has reached it and no program is active here by this date"
    return CoverageRow(**base, status="isolated", reason=reason)
