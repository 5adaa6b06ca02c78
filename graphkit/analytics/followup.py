"""Follow-up state of the agreements in force: what has been done since signing, and how long ago.

The *state* of an agreement on D is the kind of its latest follow-up that counts on D (dated on or before
D; undated follow-ups count from the signing day), or ``"none"`` when nothing counts yet. Ties on the
same day go to the kind listed later in :data:`STATE_ORDER` (the more advanced step). *Idle days* are
the days from the latest counting follow-up (or from the signing day, when there is none) to D.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from graphkit.analytics._snapshot import AgreementRow, FollowUpRow, Snapshot
from graphkit.analytics.coverage import follow_up_counts
from graphkit.dataset._schema import FOLLOW_UP_KINDS

__all__ = ["STATE_ORDER", "follow_up_state", "followup_rows", "party_names"]

#: Report order of the states: nothing yet first, then the follow-up kinds of docs/DESIGN.md §1.
STATE_ORDER: tuple[str, ...] = ("none", *FOLLOW_UP_KINDS)


def _rank(kind: str) -> int:
    return STATE_ORDER.index(kind) if kind in STATE_ORDER else len(STATE_ORDER)


def follow_up_state(
    snapshot: Snapshot, agreement: AgreementRow, as_of: dt.date
) -> tuple[str, FollowUpRow | None, list[FollowUpRow]]:
    """``(state, latest follow-up or None, every follow-up counting on as_of)`` of one agreement.

    >>> s = Snapshot(agreements=[AgreementRow("a", "mou", dt.date(2020, 1, 1))],
    ...              follow_ups=[FollowUpRow("f1", "a", "action_plan", dt.date(2020, 3, 1)),
    ...                          FollowUpRow("f2", "a", "budget", dt.date(2021, 1, 1))])
    >>> days = [dt.date(2020, 2, 1), dt.date(2020, 3, 1), dt.date(2021, 1, 1)]
    >>> [follow_up_state(s, s.agreements[0], d)[0] for d in days]
    ['none', 'action_plan', 'budget']
    """
    done = [f for f in snapshot.follow_ups_of.get(agreement.id, ()) if follow_up_counts(snapshot, f, as_of)]
    if not done:
        return "none", None, []
    latest = max(done, key=lambda f: (snapshot.follow_up_date(f), _rank(f.kind), f.id))
    return latest.kind, latest, done


def party_names(snapshot: Snapshot, agreement_id: str, *, agencies: bool = True) -> list[str]:
    """Names of an agreement's parties in party-row order (``agencies=False`` leaves BP2MI and units out)."""
    out = []
    for p in snapshot.parties_of.get(agreement_id, ()):
        org = snapshot.organization.get(p.organization_id)
        if org is None:
            out.append(p.organization_id)
        elif agencies or org.type != "agency":
            out.append(org.name)
    return out


def followup_rows(snapshot: Snapshot, as_of: dt.date) -> list[dict[str, Any]]:
    """One row per agreement in force on ``as_of``, grouped by follow-up state (:data:`STATE_ORDER`),
    most idle first within a state.

    Fields: ``state``, ``id``, ``kind``, ``title``, ``parties``, ``signed_on``, ``expires_on``,
    ``expiry_assumed``, ``follow_ups`` (number counting), ``follow_up_kinds``, ``last_follow_up`` (date),
    ``days_since_signing``, ``idle_days``.

    >>> s = Snapshot(agreements=[AgreementRow("a", "mou", dt.date(2020, 1, 1), dt.date(2025, 1, 1)),
    ...                          AgreementRow("b", "mou", dt.date(2021, 1, 1), dt.date(2026, 1, 1))],
    ...              follow_ups=[FollowUpRow("f", "b", "regulation", dt.date(2021, 7, 1))])
    >>> [(r["id"], r["state"], r["idle_days"]) for r in followup_rows(s, dt.date(2022, 1, 1))]
    [('a', 'none', 731), ('b', 'regulation', 184)]
    >>> followup_rows(Snapshot(), dt.date(2022, 1, 1))
    []
    """
    rows = []
    for a in snapshot.agreements:
        if not a.in_force_on(as_of):
            continue
        state, latest, done = follow_up_state(snapshot, a, as_of)
        last = snapshot.follow_up_date(latest) if latest else None
        rows.append({
            "state": state,
            "id": a.id,
            "kind": a.kind,
            "title": a.title,
            "parties": party_names(snapshot, a.id),
            "signed_on": a.signed_on,
            "expires_on": a.expires_on,
            "expiry_assumed": a.expiry_assumed,
            "follow_ups": len(done),
            "follow_up_kinds": sorted({f.kind for f in done}, key=_rank),
            "last_follow_up": last,
            "days_since_signing": (as_of - a.signed_on).days,
            "idle_days": (as_of - (last or a.signed_on)).days,
        })  # fmt: skip
    rows.sort(key=lambda r: (_rank(r["state"]), -r["idle_days"], r["id"]))
    return rows
