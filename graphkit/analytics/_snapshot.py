"""A plain-data snapshot of the graph: the rows every analytics function works on.

``graphkit.sync._fetch.fetch_snapshot(graph)`` fills a :class:`Snapshot` from the database in a few named
queries; tests build one by hand. Nothing here touches the database, and every row is a frozen dataclass
of plain Python values (``str``, ``int``, ``float``, ``bool``, ``datetime.date``, tuples).

Region codes are Kemendagri codes: ``"33"`` is a province, ``"33.28"`` a regency or city.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

__all__ = [
    "RegionRow",
    "OrganizationRow",
    "AgreementRow",
    "PartyRow",
    "FollowUpRow",
    "ProgramRow",
    "ProgramRegionRow",
    "PlacementRow",
    "Snapshot",
    "is_regency_code",
    "province_of",
]


def is_regency_code(code: str | None) -> bool:
    """True for a regency/city code (``"33.28"``), False for a province code (``"33"``) or None.

    >>> is_regency_code("33.28"), is_regency_code("33"), is_regency_code(None)
    (True, False, False)
    """
    return bool(code) and "." in str(code)


def province_of(code: str) -> str:
    """The province code of a region code (a province is its own province).

    >>> province_of("33.28"), province_of("33")
    ('33', '33')
    """
    return code.split(".", 1)[0]


@dataclass(frozen=True)
class RegionRow:
    """A province (``province_code`` is its own code) or a regency/city."""

    code: str
    name: str
    level: str  # "province" | "regency"
    province_code: str
    kind: str | None = None  # kabupaten | kota | provinsi
    short_name: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True)
class OrganizationRow:
    """An organization; ``region`` is the code it governs (``regional_government``) or is located in."""

    id: str
    name: str
    type: str
    region: str | None = None
    synthetic: bool = False

    @property
    def governs(self) -> bool:
        """A regional government governs its region; every other type is located in it."""
        return self.type == "regional_government"


@dataclass(frozen=True)
class AgreementRow:
    """An agreement. ``expires_on`` None means no known end (the loader always stores one: when the
    dataset gives none it stores ``signed_on`` + the assumed term with ``expiry_assumed=True``)."""

    id: str
    kind: str
    signed_on: dt.date
    expires_on: dt.date | None = None
    expiry_assumed: bool = False
    title: str | None = None
    number: str | None = None
    parent_id: str | None = None
    scopes: tuple[str, ...] = ()

    def exists_on(self, day: dt.date) -> bool:
        """Signed on or before ``day`` (an agreement signed later does not exist yet on ``day``)."""
        return self.signed_on <= day

    def in_force_on(self, day: dt.date) -> bool:
        """``signed_on <= day <= expires_on``: both boundary days count.

        >>> a = AgreementRow("a", "mou", dt.date(2020, 1, 1), dt.date(2021, 1, 1))
        >>> [a.in_force_on(dt.date(y, m, d)) for y, m, d in ((2019, 12, 31), (2020, 1, 1), (2021, 1, 1),
        ...                                                   (2021, 1, 2))]
        [False, True, True, False]
        """
        return self.signed_on <= day and (self.expires_on is None or day <= self.expires_on)

    def expired_on(self, day: dt.date) -> bool:
        """``expires_on < day``: the day after the expiry day is the first day it is no longer in force."""
        return self.expires_on is not None and self.expires_on < day


@dataclass(frozen=True)
class PartyRow:
    agreement_id: str
    organization_id: str
    role: str | None = None


@dataclass(frozen=True)
class FollowUpRow:
    """A follow-up of an agreement; with no ``date`` it counts from the agreement's signing day."""

    id: str
    agreement_id: str
    kind: str
    date: dt.date | None = None
    region: str | None = None
    description: str | None = None


@dataclass(frozen=True)
class ProgramRow:
    id: str
    name: str
    kind: str | None = None
    started_on: dt.date | None = None
    organizations: tuple[str, ...] = ()  # ids of the organizations that run it


@dataclass(frozen=True)
class ProgramRegionRow:
    """A program active in a region since ``since`` (None: since the program started, or always);
    ``organization_id`` runs it there (None: the organizations that run the program)."""

    program_id: str
    region: str
    since: dt.date | None = None
    organization_id: str | None = None


@dataclass(frozen=True)
class PlacementRow:
    """Migrant workers placed abroad from ``region`` in ``year``: the region's total, summed over
    destination countries when the dataset breaks it down (``read/snapshot/placements`` sums them)."""

    region: str
    year: int
    workers: int


@dataclass
class Snapshot:
    """Everything the analytics need, as plain rows. Build by hand or with ``graphkit.sync._fetch``.

    Lookups (``organization``, ``agreement``, ...) are computed once on first use; treat a snapshot
    as read-only after that.
    """

    regions: list[RegionRow] = field(default_factory=list)
    organizations: list[OrganizationRow] = field(default_factory=list)
    agreements: list[AgreementRow] = field(default_factory=list)
    parties: list[PartyRow] = field(default_factory=list)
    follow_ups: list[FollowUpRow] = field(default_factory=list)
    programs: list[ProgramRow] = field(default_factory=list)
    program_regions: list[ProgramRegionRow] = field(default_factory=list)
    placements: list[PlacementRow] = field(default_factory=list)
    dataset: str | None = None
    synthetic: bool = False
    term_years: int | None = None
    completeness: str | None = None  # e.g. "names 120 of the 342 partners reported" (real data)
    #: which optional parts (``follow_ups``, ``programs``, ``placements``) were read from the graph;
    #: None for a snapshot built by hand (all it holds counts)
    parts: frozenset[str] | None = None

    def require(self, *needed: str) -> None:
        """Raise ValueError when this snapshot was read without a part a report needs.

        >>> Snapshot(parts=frozenset({"programs"})).require("programs", "placements")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        ValueError: this snapshot was read without placements: read it with those parts ...
        """
        missing = [p for p in needed if self.parts is not None and p not in self.parts]
        if missing:
            raise ValueError(f"this snapshot was read without {', '.join(missing)}: read it with those "
                             "parts (graphkit.snapshot() reads all)")  # fmt: skip

    # ---------------------------------------------------------------------------------- lookups

    @cached_property
    def region(self) -> dict[str, RegionRow]:
        """Region by code."""
        return {r.code: r for r in self.regions}

    @cached_property
    def organization(self) -> dict[str, OrganizationRow]:
        """Organization by id."""
        return {o.id: o for o in self.organizations}

    @cached_property
    def agreement(self) -> dict[str, AgreementRow]:
        """Agreement by id."""
        return {a.id: a for a in self.agreements}

    @cached_property
    def program(self) -> dict[str, ProgramRow]:
        """Program by id."""
        return {p.id: p for p in self.programs}

    @cached_property
    def parties_of(self) -> dict[str, list[PartyRow]]:
        """Party rows by agreement id (every agreement present, possibly with an empty list)."""
        out: dict[str, list[PartyRow]] = {a.id: [] for a in self.agreements}
        for p in self.parties:
            out.setdefault(p.agreement_id, []).append(p)
        return out

    @cached_property
    def follow_ups_of(self) -> dict[str, list[FollowUpRow]]:
        """Follow-ups by agreement id (every agreement present, possibly with an empty list)."""
        out: dict[str, list[FollowUpRow]] = {a.id: [] for a in self.agreements}
        for f in self.follow_ups:
            out.setdefault(f.agreement_id, []).append(f)
        return out

    @cached_property
    def regency_rows(self) -> list[RegionRow]:
        """Regencies and cities, sorted by code."""
        return sorted((r for r in self.regions if r.level == "regency"), key=lambda r: r.code)

    def follow_up_date(self, f: FollowUpRow) -> dt.date | None:
        """The day a follow-up counts from: its date, else its agreement's signing day (None if unknown)."""
        if f.date is not None:
            return f.date
        a = self.agreement.get(f.agreement_id)
        return a.signed_on if a else None
