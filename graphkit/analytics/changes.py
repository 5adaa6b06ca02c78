"""What changed between two days: regencies whose coverage status changed and why, the agreement events
of the window, and the organizations that moved most in the centrality ranking.

The window runs from ``start`` (D1) to ``end`` (D2) and explains the difference between the coverage on D1
and the coverage on D2 (docs/DESIGN.md §3), so its edges follow the status rules:

- an agreement is *signed in the window* when ``D1 < signed_on <= D2`` (it exists on D2, not on D1);
- it *expired in the window* when ``D1 <= expires_on < D2`` (in force on D1, expired on D2);
- a follow-up is *dated in the window* when ``D1 < date <= D2`` (it counts on D2, not on D1; an undated
  follow-up counts from its agreement's signing day);
- a program *started in the window* when its region row's ``since`` (else the program's ``started_on``)
  is in ``(D1, D2]``.

A regency's reason lists the events of the agreements *related* to it: those that reach it on D1 or D2
(a party governs or is located in it, or a follow-up is in it) and those its province government is
party to; follow-ups are those of the related agreements, wherever they are; programs are those active in
the regency or its province.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from graphkit.analytics._snapshot import AgreementRow, Snapshot, is_regency_code
from graphkit.analytics.coverage import (
    REACHED_STATUSES,
    active_program_regions,
    agreement_reach,
    coverage_status,
)
from graphkit.analytics.followup import party_names

__all__ = ["EVENTS", "agreement_events", "status_changes", "rank_movers", "change_kind", "one_year_before"]

#: Agreement events of a window, in report order.
EVENTS = ("signed", "expired", "followed_up")
_MAX_LISTED = 4


def _signed_in(a: AgreementRow, start: dt.date, end: dt.date) -> bool:
    return start < a.signed_on <= end


def _expired_in(a: AgreementRow, start: dt.date, end: dt.date) -> bool:
    return a.expires_on is not None and start <= a.expires_on < end


def _follow_ups_in(snapshot: Snapshot, agreement_id: str, start: dt.date, end: dt.date) -> list[str]:
    out = []
    for f in snapshot.follow_ups_of.get(agreement_id, ()):
        day = snapshot.follow_up_date(f)
        if day is not None and start < day <= end:
            out.append(f.id)
    return sorted(out)


def one_year_before(day: dt.date) -> dt.date:
    """The same day a year earlier (29 February -> 28 February): the default start of a window.

    >>> one_year_before(dt.date(2024, 2, 29)), one_year_before(dt.date(2025, 6, 1))
    (datetime.date(2023, 2, 28), datetime.date(2024, 6, 1))
    """
    return day.replace(year=day.year - 1, day=28 if (day.month, day.day) == (2, 29) else day.day)


def change_kind(from_status: str, to_status: str) -> str:
    """``gained`` (now reached by an agreement in force), ``lost`` (no longer reached) or ``changed``.

    >>> change_kind("lapsed", "idle"), change_kind("active", "lapsed"), change_kind("idle", "active")
    ('gained', 'lost', 'changed')
    """
    before, after = from_status in REACHED_STATUSES, to_status in REACHED_STATUSES
    return "gained" if after and not before else "lost" if before and not after else "changed"


def agreement_events(snapshot: Snapshot, start: dt.date, end: dt.date) -> list[dict[str, Any]]:
    """Every agreement signed, expired or followed up in the window, one row per agreement and event,
    by date then id.

    Fields: ``event`` (``signed`` | ``expired`` | ``followed_up``), ``date`` (signing day, expiry day,
    or the latest follow-up date in the window), ``id``, ``kind``, ``title``, ``parties`` (names),
    ``regions`` (regency codes it reaches on the event day, then province codes whose government is a
    party), ``follow_ups`` (for ``followed_up``: ids dated in the window), ``expiry_assumed``.

    >>> from graphkit.analytics._snapshot import FollowUpRow
    >>> s = Snapshot(agreements=[AgreementRow("a", "mou", dt.date(2020, 1, 1), dt.date(2022, 1, 1)),
    ...                          AgreementRow("b", "mou", dt.date(2021, 3, 1), dt.date(2026, 3, 1))],
    ...              follow_ups=[FollowUpRow("f", "b", "budget", dt.date(2021, 6, 1))])
    >>> [(r["event"], r["id"], r["date"].isoformat())
    ...  for r in agreement_events(s, dt.date(2021, 1, 1), dt.date(2022, 1, 2))]
    [('signed', 'b', '2021-03-01'), ('followed_up', 'b', '2021-06-01'), ('expired', 'a', '2022-01-01')]
    """
    rows = []
    for a in snapshot.agreements:
        events: list[tuple[str, dt.date, list[str]]] = []
        if _signed_in(a, start, end):
            events.append(("signed", a.signed_on, []))
        if _expired_in(a, start, end):
            events.append(("expired", a.expires_on, []))  # type: ignore[arg-type]
        fus = _follow_ups_in(snapshot, a.id, start, end)
        if fus:
            last = max(snapshot.follow_up_date(f) for f in snapshot.follow_ups_of[a.id] if f.id in fus)
            events.append(("followed_up", last, fus))  # type: ignore[arg-type]
        if not events:
            continue
        names = party_names(snapshot, a.id)
        provinces = sorted({
            str(o.region) for p in snapshot.parties_of.get(a.id, ())
            if (o := snapshot.organization.get(p.organization_id))
            and o.type == "regional_government" and o.region and not is_regency_code(o.region)
        })  # fmt: skip
        for event, day, ids in events:
            rows.append({"event": event, "date": day, "id": a.id, "kind": a.kind, "title": a.title,
                         "parties": names, "regions": sorted(agreement_reach(snapshot, a, day)) + provinces,
                         "follow_ups": ids, "expiry_assumed": a.expiry_assumed})  # fmt: skip
    rows.sort(key=lambda r: (r["date"], EVENTS.index(r["event"]), r["id"]))
    return rows


def _related(snapshot: Snapshot, start: dt.date, end: dt.date) -> dict[str, set[str]]:
    """Region code (regency, or province for its government's agreements) -> related agreement ids."""
    related: dict[str, set[str]] = {}
    for a in snapshot.agreements:
        if not (_signed_in(a, start, end) or _expired_in(a, start, end)
                or _follow_ups_in(snapshot, a.id, start, end)):  # fmt: skip
            continue
        codes = set(agreement_reach(snapshot, a, end)) | set(agreement_reach(snapshot, a, start))
        for p in snapshot.parties_of.get(a.id, ()):
            o = snapshot.organization.get(p.organization_id)
            if o and o.type == "regional_government" and o.region and not is_regency_code(o.region):
                codes.add(o.region)
        for code in codes:
            related.setdefault(code, set()).add(a.id)
    return related


def _programs_started(snapshot: Snapshot, start: dt.date, end: dt.date) -> dict[str, set[str]]:
    late = {(pr.program_id, pr.region) for pr in active_program_regions(snapshot, end)}
    early = {(pr.program_id, pr.region) for pr in active_program_regions(snapshot, start)}
    out: dict[str, set[str]] = {}
    for program_id, region in late - early:
        out.setdefault(region, set()).add(program_id)
    return out


def _listed(label: str, items: Sequence[str]) -> str:
    more = f" and {len(items) - _MAX_LISTED} more" if len(items) > _MAX_LISTED else ""
    return f"{label} {', '.join(items[:_MAX_LISTED])}{more}"


def status_changes(snapshot: Snapshot, start: dt.date, end: dt.date) -> list[dict[str, Any]]:
    """Every regency whose coverage status on ``end`` differs from its status on ``start``, by code.

    Fields: ``code``, ``name``, ``province_code``, ``province``, ``from_status``, ``to_status``,
    ``change`` (:func:`change_kind`), ``reason`` (one line naming the window's events), ``signed``,
    ``expired`` (agreement ids), ``followed_up`` (follow-up ids), ``programs`` (programs started here or
    in the province), ``to_reason`` (the coverage reason on ``end``).

    >>> from graphkit.analytics._snapshot import OrganizationRow, PartyRow, RegionRow
    >>> s = Snapshot(regions=[RegionRow("33", "Jawa Tengah", "province", "33"),
    ...                       RegionRow("33.28", "Kabupaten Tegal", "regency", "33")],
    ...              organizations=[OrganizationRow("t", "Pemkab Tegal", "regional_government", "33.28")],
    ...              agreements=[AgreementRow("a", "mou", dt.date(2021, 3, 1), dt.date(2026, 3, 1))],
    ...              parties=[PartyRow("a", "t")])
    >>> [(r["code"], r["from_status"], r["to_status"], r["reason"])
    ...  for r in status_changes(s, dt.date(2021, 1, 1), dt.date(2022, 1, 1))]
    [('33.28', 'isolated', 'idle', 'signed a (2021-03-01)')]
    """
    if start > end:
        raise ValueError(f"the window starts after it ends: {start} > {end}")
    before = {r.code: r for r in coverage_status(snapshot, start)}
    after = coverage_status(snapshot, end)
    related = _related(snapshot, start, end)
    started = _programs_started(snapshot, start, end)
    rows = []
    for r in after:
        old = before[r.code]
        if old.status == r.status:
            continue
        ids = sorted(related.get(r.code, set()) | related.get(r.province_code, set()))
        agr = [snapshot.agreement[i] for i in ids]
        signed = [a.id for a in agr if _signed_in(a, start, end)]
        expired = [a.id for a in agr if _expired_in(a, start, end)]
        fus = sorted({f for a in ids for f in _follow_ups_in(snapshot, a, start, end)})
        progs = sorted(started.get(r.code, set()) | started.get(r.province_code, set()))
        parts = []
        if signed:
            parts.append(_listed("signed", [f"{i} ({snapshot.agreement[i].signed_on})" for i in signed]))
        if expired:
            parts.append(_listed("expired", [f"{i} ({snapshot.agreement[i].expires_on})" for i in expired]))
        if fus:
            parts.append(_listed("follow-up", fus))
        if progs:
            parts.append(_listed("program started", progs))
        rows.append({
            "code": r.code, "name": r.name, "province_code": r.province_code, "province": r.province,
            "from_status": old.status, "to_status": r.status, "change": change_kind(old.status, r.status),
            "reason": "; ".join(parts) or "no dated event in the window", "signed": signed,
            "expired": expired, "followed_up": fus, "programs": progs, "to_reason": r.reason,
        })  # fmt: skip
    return rows


def rank_movers(before: Mapping[str, int], after: Mapping[str, int], top: int = 10) -> list[dict[str, Any]]:
    """The ``top`` organizations that rose most and the ``top`` that fell most between two rankings
    (``{id: rank}``, 1 = first); only organizations ranked on both days move. Rows: ``direction``
    (``up`` | ``down``), ``id``, ``rank_from``, ``rank_to``, ``moved`` (positive = up), biggest moves
    first (ties by id).

    >>> rank_movers({"a": 1, "b": 2, "c": 3}, {"a": 3, "b": 1, "c": 2, "d": 4}, top=1)
    [{'direction': 'up', 'id': 'b', 'rank_from': 2, 'rank_to': 1, 'moved': 1}, \
{'direction': 'down', 'id': 'a', 'rank_from': 1, 'rank_to': 3, 'moved': -2}]
    """
    both = [(i, before[i], after[i]) for i in sorted(set(before) & set(after))]
    moves = [{"id": i, "rank_from": b, "rank_to": a, "moved": b - a} for i, b, a in both if a != b]
    up = sorted((m for m in moves if m["moved"] > 0), key=lambda m: (-m["moved"], m["rank_to"], m["id"]))
    down = sorted((m for m in moves if m["moved"] < 0), key=lambda m: (m["moved"], m["rank_to"], m["id"]))
    return [{"direction": "up", **m} for m in up[:top]] + [{"direction": "down", **m} for m in down[:top]]
