"""The map's time axis: one frame per year with agreements, as of the end of that year.

Each frame holds the collaboration network and every regency's coverage status on its day, computed
by ``graphkit.analytics``; the last frame is the requested ``as_of`` day itself.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import networkx as nx

from graphkit.analytics import CoverageRow, Snapshot, collaboration_network, coverage_status

__all__ = ["Frame", "frame_days", "build_frames", "MAX_FRAMES"]

#: At most this many yearly frames (the most recent ones) go into one page.
MAX_FRAMES = 40


@dataclass
class Frame:
    """The state of the network on one day."""

    label: str
    day: dt.date
    end_of_year: bool
    network: nx.Graph = field(repr=False)
    coverage: dict[str, CoverageRow] = field(repr=False)
    #: organization id -> bit mask of the kinds (index in ``kinds``) of its agreements in force
    in_force: dict[str, int] = field(default_factory=dict, repr=False)
    #: organizations with an agreement that has expired by ``day``
    expired: set[str] = field(default_factory=set, repr=False)


def frame_days(snapshot: Snapshot, as_of: dt.date) -> list[tuple[str, dt.date, bool]]:
    """``(label, day, end_of_year)`` per frame: 31 December of each year from the first signing up to
    the year before ``as_of``, then ``as_of`` itself (labelled by its year when it is 31 December).

    >>> from graphkit.analytics._snapshot import AgreementRow
    >>> s = Snapshot(agreements=[AgreementRow("a", "mou", dt.date(2019, 5, 1))])
    >>> frame_days(s, dt.date(2021, 3, 1))
    [('2019', datetime.date(2019, 12, 31), True), ('2020', datetime.date(2020, 12, 31), True), \
('2021-03-01', datetime.date(2021, 3, 1), False)]
    """
    first = min((a.signed_on.year for a in snapshot.agreements if a.signed_on <= as_of), default=as_of.year)
    first = max(first, as_of.year - MAX_FRAMES + 1)
    days = [(str(y), dt.date(y, 12, 31), True) for y in range(first, as_of.year)]
    last_is_end = as_of.month == 12 and as_of.day == 31
    days.append((str(as_of.year) if last_is_end else as_of.isoformat(), as_of, last_is_end))
    return days


def build_frames(snapshot: Snapshot, as_of: dt.date, kinds: tuple[str, ...]) -> list[Frame]:
    """Every frame of :func:`frame_days` with its network, coverage and organization states."""
    frames = []
    for label, day, end in frame_days(snapshot, as_of):
        g = collaboration_network(snapshot, day)
        cov = {row.code: row for row in coverage_status(snapshot, day)}
        frame = Frame(label, day, end, g, cov)
        for a in snapshot.agreements:
            if a.signed_on > day:
                continue
            parties = [p.organization_id for p in snapshot.parties_of.get(a.id, ())]
            if a.in_force_on(day):
                bit = 1 << kinds.index(a.kind) if a.kind in kinds else 0
                for org in parties:
                    frame.in_force[org] = frame.in_force.get(org, 0) | bit
            else:
                frame.expired.update(parties)
        frames.append(frame)
    return frames
