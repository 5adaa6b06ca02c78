"""Agreements in force that expire soon: windows like ``6m``, ``1y``, ``90d``, ``2w``.

An agreement is listed when it is in force on D and ``expires_on <= window end`` (D plus the window; a
month or year step keeps the day of the month, clamped to the month's last day). An assumed expiry
(no ``expires_on`` in the dataset) is flagged ``expiry_assumed``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any

from graphkit.analytics._snapshot import Snapshot, is_regency_code
from graphkit.analytics.coverage import agreement_reach
from graphkit.analytics.followup import follow_up_state, party_names

__all__ = ["parse_within", "window_end", "add_months", "expiring_rows"]

_WITHIN = re.compile(r"^\s*(\d+)\s*([dwmy])\s*$", re.IGNORECASE)
_UNITS = {"d": "days", "w": "weeks", "m": "months", "y": "years"}


def parse_within(text: str) -> tuple[int, str]:
    """Parse a window such as ``90d``, ``2w``, ``6m`` or ``1y`` into ``(amount, unit)``.

    >>> parse_within("6m"), parse_within("1Y"), parse_within(" 90d ")
    ((6, 'months'), (1, 'years'), (90, 'days'))
    >>> parse_within("soon")
    Traceback (most recent call last):
    ...
    ValueError: 'soon' is not a window: write a number and d, w, m or y (e.g. 90d, 6m, 1y)
    """
    match = _WITHIN.match(str(text))
    if not match:
        raise ValueError(f"{text!r} is not a window: write a number and d, w, m or y (e.g. 90d, 6m, 1y)")
    return int(match.group(1)), _UNITS[match.group(2).lower()]


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus whole months, the day of the month clamped to the target month's length.

    >>> add_months(dt.date(2024, 1, 31), 1), add_months(dt.date(2024, 11, 15), 14)
    (datetime.date(2024, 2, 29), datetime.date(2026, 1, 15))
    """
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def window_end(as_of: dt.date, within: str) -> dt.date:
    """The last day of the window ``within`` starting at ``as_of``.

    >>> window_end(dt.date(2024, 1, 1), "90d"), window_end(dt.date(2024, 2, 29), "1y")
    (datetime.date(2024, 3, 31), datetime.date(2025, 2, 28))
    """
    amount, unit = parse_within(within)
    if unit == "days":
        return as_of + dt.timedelta(days=amount)
    if unit == "weeks":
        return as_of + dt.timedelta(weeks=amount)
    return add_months(as_of, amount * (12 if unit == "years" else 1))


def expiring_rows(snapshot: Snapshot, as_of: dt.date, until: dt.date) -> list[dict[str, Any]]:
    """Agreements in force on ``as_of`` whose ``expires_on <= until``, soonest first.

    Fields: ``id``, ``kind``, ``title``, ``expires_on``, ``expiry_assumed``, ``days_left``, ``signed_on``,
    ``parties`` (names), ``party_ids``, ``regions`` (codes of the regencies the agreement reaches, then
    of the provinces whose government is a party), ``region_names``, ``follow_up_state`` (see
    :mod:`graphkit.analytics.followup`), ``follow_ups`` (number counting on ``as_of``).

    >>> from graphkit.analytics._snapshot import AgreementRow
    >>> s = Snapshot(agreements=[AgreementRow("a", "mou", dt.date(2020, 1, 1), dt.date(2025, 1, 1), True),
    ...                          AgreementRow("b", "mou", dt.date(2020, 1, 1), dt.date(2026, 1, 1))])
    >>> [(r["id"], r["days_left"], r["expiry_assumed"])
    ...  for r in expiring_rows(s, dt.date(2024, 7, 1), dt.date(2025, 1, 1))]
    [('a', 184, True)]
    >>> expiring_rows(s, dt.date(2025, 1, 2), dt.date(2026, 1, 1))[0]["id"]
    'b'
    """
    rows = []
    for a in snapshot.agreements:
        if not a.in_force_on(as_of) or a.expires_on is None or a.expires_on > until:
            continue
        regencies = sorted(agreement_reach(snapshot, a, as_of))
        provinces = sorted({
            str(o.region)
            for p in snapshot.parties_of.get(a.id, ())
            if (o := snapshot.organization.get(p.organization_id))
            and o.type == "regional_government" and o.region and not is_regency_code(o.region)
        })  # fmt: skip
        regions = regencies + provinces
        state, _, done = follow_up_state(snapshot, a, as_of)
        rows.append({
            "id": a.id,
            "kind": a.kind,
            "title": a.title,
            "expires_on": a.expires_on,
            "expiry_assumed": a.expiry_assumed,
            "days_left": (a.expires_on - as_of).days,
            "signed_on": a.signed_on,
            "parties": party_names(snapshot, a.id),
            "party_ids": [p.organization_id for p in snapshot.parties_of.get(a.id, ())],
            "regions": regions,
            "region_names": [snapshot.region[c].name if c in snapshot.region else c for c in regions],
            "follow_up_state": state,
            "follow_ups": len(done),
        })  # fmt: skip
    rows.sort(key=lambda r: (r["expires_on"], r["id"]))
    return rows
