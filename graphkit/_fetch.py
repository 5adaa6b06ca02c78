"""One fetch of the graph into a plain :class:`~graphkit.analytics._snapshot.Snapshot`.

At most seven small named read queries (``cypher/read/snapshot/*.cypher``), one row per node, with parties,
scopes and program regions folded in by ``COLLECT {}`` subqueries (pattern comprehensions over
incoming relationships are ~10x slower on ArcadeDB). Everything after this is pure Python.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from graphkit._db import Graph
from graphkit._model import add_years
from graphkit._schema import DEFAULT_TERM_YEARS
from graphkit.analytics._snapshot import (
    AgreementRow,
    FollowUpRow,
    OrganizationRow,
    PartyRow,
    PlacementRow,
    ProgramRegionRow,
    ProgramRow,
    RegionRow,
    Snapshot,
    province_of,
)

__all__ = ["fetch_snapshot", "snapshot_from_rows", "QUERIES"]

QUERIES = ("regions", "organizations", "agreements", "follow_ups", "programs", "placements", "dataset")
#: Always fetched; the other parts only when asked for (all by default).
CORE = ("regions", "organizations", "agreements", "dataset")


def fetch_snapshot(graph: Graph, parts: Iterable[str] | None = None) -> Snapshot:
    """Read what the analytics need from ``graph`` into a :class:`Snapshot` (one read query per part).

    Parameters
    ----------
    graph : Graph
        An open connection.
    parts : iterable of str, optional
        Which of ``follow_ups``, ``programs`` and ``placements`` to fetch besides the core (regions,
        organizations, agreements with parties and scopes, dataset); default all. A part left out is
        an empty list in the snapshot.

    An agreement without ``expires_on`` in the graph (e.g. written by another tool) gets ``signed_on`` +
    the dataset's assumed term, flagged ``expiry_assumed``, as the loader does.
    """
    wanted = set(QUERIES) if parts is None else set(CORE) | set(parts)
    unknown = wanted - set(QUERIES)
    if unknown:
        raise ValueError(f"unknown snapshot part(s): {', '.join(sorted(unknown))}")
    rows = {name: graph.read(f"read/snapshot/{name}") for name in QUERIES if name in wanted}
    return snapshot_from_rows(rows)


def _date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _str(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)


def _tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(v.strip() for v in value.split(";") if v.strip())
    return tuple(sorted(str(v) for v in value if v is not None))


def snapshot_from_rows(rows: dict[str, list[dict[str, Any]]]) -> Snapshot:
    """Build a snapshot from the rows of the ``read/snapshot/*`` queries (keyed by query short name).

    >>> s = snapshot_from_rows({"regions": [{"code": "33.28", "name": "Kabupaten Tegal",
    ...                                      "labels": ["Regency", "Region"]}],
    ...                         "agreements": [{"id": "a", "kind": "mou", "signed_on": "2020-01-01",
    ...                                         "parties": [{"organization_id": "o"}]}]})
    >>> s.regions[0].province_code, s.agreements[0].expires_on, s.agreements[0].expiry_assumed
    ('33', datetime.date(2025, 1, 1), True)
    """
    meta = next(iter(rows.get("dataset") or []), {})
    term = int(meta.get("term_years") or DEFAULT_TERM_YEARS)
    snap = Snapshot(dataset=_str(meta.get("name")), synthetic=bool(meta.get("synthetic")), term_years=term)
    for r in rows.get("regions", []):
        code = str(r["code"])
        level = "province" if "Province" in (r.get("labels") or []) or "." not in code else "regency"
        snap.regions.append(
            RegionRow(code=code, name=str(r.get("name") or code), level=level,
                      province_code=code if level == "province" else str(r.get("province_code")
                                                                         or province_of(code)),
                      kind=_str(r.get("kind")), short_name=_str(r.get("short_name")),
                      lat=r.get("lat"), lon=r.get("lon"))
        )  # fmt: skip
    snap.regions.sort(key=lambda r: r.code)
    for r in rows.get("organizations", []):
        snap.organizations.append(
            OrganizationRow(id=str(r["id"]), name=str(r.get("name") or r["id"]),
                            type=str(r.get("type") or ""), region=_str(r.get("region")),
                            synthetic=bool(r.get("synthetic")))
        )  # fmt: skip
    for r in rows.get("agreements", []):
        signed = _date(r["signed_on"])
        assert signed is not None, f"agreement {r['id']} has no signed_on"
        expires, assumed = _date(r.get("expires_on")), bool(r.get("expiry_assumed"))
        if expires is None:
            expires, assumed = add_years(signed, term), True
        snap.agreements.append(
            AgreementRow(id=str(r["id"]), kind=str(r.get("kind") or ""), signed_on=signed, expires_on=expires,
                         expiry_assumed=assumed, title=_str(r.get("title")), number=_str(r.get("number")),
                         parent_id=_str(r.get("parent_id")), scopes=_tuple(r.get("scopes")))
        )  # fmt: skip
        for p in r.get("parties") or []:
            snap.parties.append(PartyRow(str(r["id"]), str(p["organization_id"]), _str(p.get("role"))))
    for r in rows.get("follow_ups", []):
        snap.follow_ups.append(
            FollowUpRow(id=str(r["id"]), agreement_id=str(r["agreement_id"]), kind=str(r.get("kind") or ""),
                        date=_date(r.get("date")), region=_str(r.get("region")),
                        description=_str(r.get("description")))
        )  # fmt: skip
    for r in rows.get("programs", []):
        snap.programs.append(
            ProgramRow(id=str(r["id"]), name=str(r.get("name") or r["id"]), kind=_str(r.get("kind")),
                       started_on=_date(r.get("started_on")), organizations=_tuple(r.get("organizations")))
        )  # fmt: skip
        for a in r.get("regions") or []:
            snap.program_regions.append(
                ProgramRegionRow(str(r["id"]), str(a["region"]), _date(a.get("since")),
                                 _str(a.get("organization_id")))
            )  # fmt: skip
    for r in rows.get("placements", []):
        for y in r.get("years") or []:
            if r.get("region") is not None and y.get("year") is not None:
                workers = int(y.get("workers") or 0)
                snap.placements.append(PlacementRow(str(r["region"]), int(y["year"]), workers))
    snap.placements.sort(key=lambda p: (p.region, p.year))
    snap.agreements.sort(key=lambda a: a.id)
    snap.parties.sort(key=lambda p: (p.agreement_id, p.organization_id))
    return snap
