"""One fetch of the graph into a plain :class:`~graphkit.analytics._snapshot.Snapshot`.

At most nine small named read queries (``cypher/read/snapshot/*.cypher``). The large ones (organizations,
agreements, their parties and scopes, follow-ups: :data:`COLUMNAR`) return ONE row of equal-length
columns (lists) instead of one record per node or relationship: the driver's cost is per record, so at
100x national scale one row of columns reads 3-5x faster (``tests/perf/reads.py``). Columns never hold
nulls (``collect()`` drops them, which would misalign the columns): the queries write '' and false, and
:func:`unfold` turns the columns back into rows. The small ones (regions, programs with their regions
folded in by ``COLLECT {}``, placements summed per region, the dataset) stay one row per node. Parties
and scopes are flat reads folded in here (per-row subqueries over 600 agreements take seconds on a
server whose JIT is still cold); the reads can run side by side with :func:`start_snapshot`.
Everything after this is pure Python.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from concurrent.futures import Executor, ThreadPoolExecutor
from typing import Any

from graphkit._errors import DatabaseError
from graphkit._gc import gc_paused
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

__all__ = [
    "snapshot",
    "fetch_snapshot",
    "start_snapshot",
    "snapshot_from_rows",
    "unfold",
    "QUERIES",
    "COLUMNAR",
]

QUERIES = ("regions", "organizations", "agreements", "agreement_parties", "agreement_scopes", "follow_ups",
           "programs", "placements", "dataset")  # fmt: skip
#: The parts fetched only when asked for (all by default).
#: The optional parts and the query each reads: no report needs the agreements' scopes (the maps do), so
#: at 100x a report's read skips 178k HAS_SCOPE relationships.
PART_QUERY = {"scopes": "agreement_scopes", "follow_ups": "follow_ups", "programs": "programs",
              "placements": "placements"}  # fmt: skip
OPTIONAL = tuple(PART_QUERY)
#: Always fetched; the other parts only when asked for (all by default).
CORE = ("regions", "organizations", "agreements", "agreement_parties", "dataset")
#: How many snapshot queries :func:`fetch_snapshot` runs at once: the server works on one while the
#: driver decodes another (tests/perf/reads.py compares 1 to 4).
READERS = 2
#: The queries that answer one row of equal-length columns (see the module docstring and :func:`unfold`).
COLUMNAR = frozenset({"organizations", "agreements", "agreement_parties", "agreement_scopes", "follow_ups"})


def snapshot(parts: Iterable[str] | None = None, *, graph: Graph | None = None) -> Snapshot:
    """One read of the graph that several reports share: pass it as ``snapshot=`` to the reports.

    Each report called without ``snapshot=`` reads the graph itself (only the parts it needs); a
    notebook or script that runs several reports on the same graph reads once with this and passes
    the result on. The snapshot is what the graph held when it was read: read again after a load.

    Parameters
    ----------
    parts : iterable of str, optional
        ``scopes``, ``follow_ups``, ``programs``, ``placements`` besides the core (default: all, which every
        report accepts). A report given a snapshot without a part it needs says so.
    graph : Graph, optional
        An open connection; default: connect as the reports do, and close again.

    Examples
    --------
    >>> import graphkit
    >>> snap = graphkit.snapshot(graph=graph)  # doctest: +SKIP
    >>> graphkit.coverage("2025-12-31", snapshot=snap)  # doctest: +SKIP
    """
    if graph is not None:
        return fetch_snapshot(graph, parts)
    from graphkit.store._db import connect

    with connect() as own:
        return fetch_snapshot(own, parts)


def fetch_snapshot(graph: Graph, parts: Iterable[str] | None = None) -> Snapshot:
    """Read what the analytics need from ``graph`` into a :class:`Snapshot` (one read query per part).

    Parameters
    ----------
    graph : Graph
        An open connection.
    parts : iterable of str, optional
        Which of ``scopes`` (each agreement's), ``follow_ups``, ``programs`` and ``placements`` to fetch
        besides the core (regions, organizations, agreements with their parties, dataset); default all.
        A part left out is empty in the snapshot (no scopes: every agreement's ``scopes`` is ``()``), and
        ``Snapshot.parts`` says which were read.

    An agreement without ``expires_on`` in the graph (e.g. written by another tool) gets ``signed_on`` +
    the dataset's assumed term, flagged ``expiry_assumed``, as the loader does. The queries run
    :data:`READERS` at a time, each in its own read transaction.
    """
    with gc_paused(), ThreadPoolExecutor(max_workers=READERS, thread_name_prefix="graphkit-read") as pool:
        return start_snapshot(graph, pool, parts)()


def start_snapshot(
    graph: Graph, pool: Executor, parts: Iterable[str] | None = None
) -> Callable[[], Snapshot]:
    """Submit the snapshot's read queries to ``pool`` now (they run side by side on the server); the
    function returned waits for them and builds the :class:`Snapshot` (as :func:`fetch_snapshot`).

    Use it to overlap the reads with other work: ``pool`` must not be busy running that function.
    """
    # the slowest queries first, so that they start first when the pool has fewer workers than queries
    names = sorted(_wanted(parts), key=lambda n: (n not in _SLOW, _SLOW.index(n) if n in _SLOW else 0))
    futures = {name: pool.submit(_read, graph, name) for name in names}
    held = frozenset(part for part, query in PART_QUERY.items() if query in names)

    def wait() -> Snapshot:
        with gc_paused():  # ~10^6 small objects and no cycles: collections halved the build's speed at 100x
            snap = snapshot_from_rows({name: f.result() for name, f in futures.items()})
        snap.parts = held
        return snap

    return wait


def _read(graph: Graph, name: str) -> list[dict[str, Any]]:
    """The rows of snapshot query ``name`` (columnar answers unfolded)."""
    rows = graph.read(f"read/snapshot/{name}")
    return unfold(rows, f"read/snapshot/{name}.cypher") if name in COLUMNAR else rows


def unfold(rows: list[dict[str, Any]], where: str = "query") -> list[dict[str, Any]]:
    """One row of equal-length columns (lists) back into one dict per entry; no row is no entries.

    >>> unfold([{"id": ["a", "b"], "role": ["", "lead"]}])
    [{'id': 'a', 'role': ''}, {'id': 'b', 'role': 'lead'}]
    >>> unfold([])
    []
    """
    if not rows:
        return []
    if len(rows) != 1:
        raise DatabaseError(f"{where}: expected one row of columns, got {len(rows)} rows")
    names = list(rows[0])
    columns = [rows[0][n] or [] for n in names]
    if len({len(c) for c in columns}) > 1:
        sizes = ", ".join(f"{n} {len(c)}" for n, c in zip(names, columns, strict=True))
        raise DatabaseError(f"{where}: its columns differ in length ({sizes}): a column holds a null")
    return [dict(zip(names, values, strict=True)) for values in zip(*columns, strict=True)]


#: The queries that take longest (most rows), slowest first.
_SLOW = ("agreements", "agreement_parties", "agreement_scopes", "organizations", "follow_ups", "programs",
         "placements")  # fmt: skip


def _wanted(parts: Iterable[str] | None) -> list[str]:
    """The query names for ``parts`` (see :func:`fetch_snapshot`), in :data:`QUERIES` order.

    >>> _wanted(["programs", "scopes"])[-4:]
    ['agreement_parties', 'agreement_scopes', 'programs', 'dataset']
    """
    if parts is None:
        return list(QUERIES)
    parts = set(parts)
    unknown = parts - set(PART_QUERY)
    if unknown:
        raise ValueError(f"unknown snapshot part(s): {', '.join(sorted(unknown))}")
    wanted = set(CORE) | {PART_QUERY[p] for p in parts}
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


def _scopes_by_agreement(rows: list[dict[str, Any]] | None) -> dict[str, tuple[str, ...]] | None:
    """Each agreement's scope ids, sorted (None when the query was not run).

    >>> _scopes_by_agreement([{"agreement_id": "a", "scope": "y"}, {"agreement_id": "a", "scope": "x"}])
    {'a': ('x', 'y')}
    """
    if rows is None:
        return None
    out: dict[str, list[str]] = {}
    for r in rows:
        if r["scope"] is not None:
            out.setdefault(str(r["agreement_id"]), []).append(str(r["scope"]))
    return {k: tuple(sorted(v)) for k, v in out.items()}


def _date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if type(value) is str and len(value) == 10:
        return dt.date.fromisoformat(value)
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
    snap = Snapshot(
        dataset=_str(meta.get("name")),
        synthetic=bool(meta.get("synthetic")),
        term_years=term,
        completeness=_str(meta.get("completeness")),
    )
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
    scopes_of = _scopes_by_agreement(rows.get("agreement_scopes"))
    date, text = _date, _str
    agreements, parties = snap.agreements, snap.parties
    for r in rows.get("agreements", []):
        aid = str(r["id"])
        scopes = _tuple(r.get("scopes")) if scopes_of is None else scopes_of.get(aid, ())
        signed = date(r["signed_on"])
        assert signed is not None, f"agreement {r['id']} has no signed_on"
        expires, assumed = date(r.get("expires_on")), bool(r.get("expiry_assumed"))
        if expires is None:
            expires, assumed = add_years(signed, term), True
        agreements.append(
            AgreementRow(aid, str(r.get("kind") or ""), signed, expires, assumed, text(r.get("title")),
                         text(r.get("number")), text(r.get("parent_id")), scopes)
        )  # fmt: skip
        for p in (r.get("parties") or ()) if parties_of is None else parties_of.get(aid, ()):
            parties.append(PartyRow(aid, str(p["organization_id"]), p.get("role") or None))
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
