"""One fetch of the graph into a plain :class:`~graphkit.analytics._snapshot.Snapshot`.

At most nine small named read queries (``cypher/read/snapshot/*.cypher``): one row per node, with program
regions folded in by ``COLLECT {}`` subqueries (pattern comprehensions over incoming relationships are
~10x slower on ArcadeDB), and one row per relationship for the agreements' parties and scopes, folded in
here (per-row subqueries over 600 agreements take seconds on a server whose JIT is still cold; flat
reads take a tenth of that, and run side by side with :func:`start_snapshot`). Everything after this
is pure Python.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from concurrent.futures import Executor
from typing import Any

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
from graphkit.dataset._schema import DEFAULT_TERM_YEARS
from graphkit.store._db import Graph
from graphkit.sync._model import add_years

__all__ = ["fetch_snapshot", "start_snapshot", "snapshot_from_rows", "QUERIES"]

QUERIES = ("regions", "organizations", "agreements", "agreement_parties", "agreement_scopes", "follow_ups",
           "programs", "placements", "dataset")  # fmt: skip
#: Always fetched; the other parts only when asked for (all by default).
CORE = ("regions", "organizations", "agreements", "agreement_parties", "agreement_scopes", "dataset")


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
    rows = {name: graph.read(f"read/snapshot/{name}") for name in _wanted(parts)}
    return snapshot_from_rows(rows)


def start_snapshot(
    graph: Graph, pool: Executor, parts: Iterable[str] | None = None
) -> Callable[[], Snapshot]:
    """Submit the snapshot's read queries to ``pool`` now (they run side by side on the server); the
    function returned waits for them and builds the :class:`Snapshot` (as :func:`fetch_snapshot`).

    Use it to overlap the reads with other work: ``pool`` must not be busy running that function.
    """
    # the slowest queries first, so that they start first when the pool has fewer workers than queries
    names = sorted(_wanted(parts), key=lambda n: (n not in _SLOW, _SLOW.index(n) if n in _SLOW else 0))
    futures = {name: pool.submit(graph.read, f"read/snapshot/{name}") for name in names}
    return lambda: snapshot_from_rows({name: f.result() for name, f in futures.items()})


#: The queries that take longest (most rows), slowest first.
_SLOW = ("placements", "agreement_scopes", "agreement_parties", "agreements", "regions", "organizations")


def _wanted(parts: Iterable[str] | None) -> list[str]:
    """The query names for ``parts`` (see :func:`fetch_snapshot`), in :data:`QUERIES` order.

    >>> _wanted(["programs"])[-3:]
    ['agreement_scopes', 'programs', 'dataset']
    """
    wanted = set(QUERIES) if parts is None else set(CORE) | set(parts)
    unknown = wanted - set(QUERIES)
    if unknown:
        raise ValueError(f"unknown snapshot part(s): {', '.join(sorted(unknown))}")
    return [name for name in QUERIES if name in wanted]


def _grouped(rows: list[dict[str, Any]] | None) -> dict[str, list[dict[str, Any]]] | None:
    """Rows by ``agreement_id`` (None when the query was not run).

    >>> _grouped([{"agreement_id": "a", "scope": "x"}, {"agreement_id": "a", "scope": "y"}])
    {'a': [{'agreement_id': 'a', 'scope': 'x'}, {'agreement_id': 'a', 'scope': 'y'}]}
    """
    if rows is None:
        return None
    out: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        out.setdefault(str(r["agreement_id"]), []).append(r)
    return out


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

    An agreement's parties and scopes come from the ``agreement_parties`` / ``agreement_scopes`` rows when
    those are given, else from the agreement row's own ``parties`` / ``scopes`` lists.

    >>> s = snapshot_from_rows({"regions": [{"code": "33.28", "name": "Kabupaten Tegal",
    ...                                      "labels": ["Regency", "Region"]}],
    ...                         "agreements": [{"id": "a", "kind": "mou", "signed_on": "2020-01-01",
    ...                                         "parties": [{"organization_id": "o"}]}]})
    >>> s.regions[0].province_code, s.agreements[0].expires_on, s.agreements[0].expiry_assumed
    ('33', datetime.date(2025, 1, 1), True)
    """
    meta = next(iter(rows.get("dataset") or []), {})
    term = int(meta.get("term_years") or DEFAULT_TERM_YEARS)
    snap = Snapshot(dataset=_str(meta.get("name")), synthetic=bool(meta.get("synthetic")), term_years=term,
                    completeness=_str(meta.get("completeness")))
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
    parties_of = _grouped(rows.get("agreement_parties"))
    scopes_of = _grouped(rows.get("agreement_scopes"))
    for r in rows.get("agreements", []):
        aid = str(r["id"])
        scopes = r.get("scopes") if scopes_of is None else [s["scope"] for s in scopes_of.get(aid, ())]
        parties = r.get("parties") if parties_of is None else parties_of.get(aid, ())
        signed = _date(r["signed_on"])
        assert signed is not None, f"agreement {r['id']} has no signed_on"
        expires, assumed = _date(r.get("expires_on")), bool(r.get("expiry_assumed"))
        if expires is None:
            expires, assumed = add_years(signed, term), True
        snap.agreements.append(
            AgreementRow(id=str(r["id"]), kind=str(r.get("kind") or ""), signed_on=signed, expires_on=expires,
                         expiry_assumed=assumed, title=_str(r.get("title")), number=_str(r.get("number")),
                         parent_id=_str(r.get("parent_id")), scopes=_tuple(scopes))
        )  # fmt: skip
        for p in parties or []:
            snap.parties.append(PartyRow(aid, str(p["organization_id"]), _str(p.get("role"))))
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
