"""The data of one map page (``payload``): meta, labels, styles, frames, nodes, edges, states, tables.

The page's JavaScript reads exactly this structure (``assets/panel.js``, ``assets/map.js``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from graphkit.analytics import STATUSES, Snapshot
from graphkit.dataset._schema import AGREEMENT_KINDS, ORGANIZATION_TYPES
from graphkit.maps._basemap import basemap
from graphkit.maps._data import STATE_DOC, sized_for, unsized_nodeset
from graphkit.maps._details import MapDetails
from graphkit.maps._i18n import labels
from graphkit.maps._measures import MEASURES, MapMeasureError
from graphkit.maps._positions import geo_positions, network_positions
from graphkit.maps._province import build_provinces
from graphkit.maps._style import (
    BASEMAP_COLOURS,
    EDGE_STYLES,
    ORG_COLOURS,
    PROVINCE_COLOUR,
    PROVINCE_VIEW_SHAPE,
    SHAPES,
    SHARE_BINS,
    STATUS_COLOURS,
)
from graphkit.maps._tables import detail_tables
from graphkit.maps._timeline import Frame, build_frames

__all__ = ["VIEWS", "MAX_NODES", "build_payload", "MapViewError"]

VIEWS = ("network", "geo", "province")
#: Above this many nodes the node-by-node views switch to the province view automatically.
MAX_NODES = 4000


class MapViewError(MapMeasureError):
    """A view the map does not have."""


def _edge_width(kind: str, weight: float) -> float:
    if kind in ("party", "province"):
        return round(min(6.0, 1.0 + (max(weight, 1.0) - 1.0) ** 0.5 * 0.6), 2)
    return 1.0


def _style() -> dict[str, Any]:
    return {
        "org": ORG_COLOURS,
        "status": STATUS_COLOURS,
        "edge": EDGE_STYLES,
        "share": [list(b) for b in SHARE_BINS],
        "province": PROVINCE_COLOUR,
        "basemap": BASEMAP_COLOURS,
        "shapes": SHAPES,
        "province_view_shape": PROVINCE_VIEW_SHAPE,
    }


def _memo(cache: dict[Any, Any], key: tuple[Any, ...], compute: Callable[[], Any]) -> Any:
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def build_payload(
    snapshot: Snapshot,
    details: MapDetails,
    *,
    view: str = "network",
    as_of: dt.date,
    lang: str = "id",
    size_by: str = "degree",
    title: str | None = None,
    max_nodes: int = MAX_NODES,
    cache: dict[Any, Any] | None = None,
) -> dict[str, Any]:
    """Everything one page needs, as plain JSON-able data.

    Parameters
    ----------
    snapshot, details : Snapshot, MapDetails
        The graph's rows (``graphkit.sync._fetch.fetch_snapshot``) and aliases/sources (``fetch_details``).
    view : {"network", "geo", "province"}
        ``network`` and ``geo`` switch to ``province`` when they would have more than ``max_nodes`` nodes
        (``meta.auto_province`` is then true).
    as_of : datetime.date
        The last frame's day; earlier frames are the ends of the years with agreements.
    lang : {"id", "en"}
        Interface language.
    size_by : str
        A measure of :data:`graphkit.maps._measures.MEASURES`.
    title : str, optional
        The page heading; default: the interface title and the dataset name.
    cache : dict, optional
        Shared by the payloads of one ``snapshot`` and ``details`` (e.g. :class:`graphkit.maps.MapSource`
        holds one): the frames, the node set and the detail tables are then computed once for all views
        (so the payloads share those parts: treat them as read-only).
    """
    if view not in VIEWS:
        raise MapViewError(f"unknown map view {view!r}: use one of {', '.join(VIEWS)}")
    if size_by not in MEASURES:
        raise MapMeasureError(f"unknown size measure {size_by!r}: use one of {', '.join(MEASURES)}")
    text = labels(lang)
    cache = {} if cache is None else cache
    frames: list[Frame] = _memo(
        cache, ("frames", as_of), lambda: build_frames(snapshot, as_of, AGREEMENT_KINDS)
    )
    heading = (
        title
        if title is not None
        else (f"{text['title']} — {snapshot.dataset}" if snapshot.dataset else text["title"])
    )
    payload: dict[str, Any] = {
        "meta": {
            "view": view,
            "requested_view": view,
            "title": heading,
            "lang": lang,
            "as_of": as_of.isoformat(),
            "dataset": snapshot.dataset,
            "synthetic": snapshot.synthetic,
            "completeness": snapshot.completeness,  # real data: how complete it is, shown in the banner
            "auto_province": False,
            "size_by": size_by,
            "state_doc": STATE_DOC,
        },  # fmt: skip
        "labels": text,
        "style": _style(),
        "statuses": list(STATUSES),
        "kinds": list(AGREEMENT_KINDS),
        "provinces": [[r.code, r.name] for r in snapshot.regions if r.level == "province"],
        "frames": [{"label": f.label, "date": f.day.isoformat(), "end": f.end_of_year} for f in frames],
        "captions": [],
    }
    nodeset = None
    if view != "province":
        unsized = _memo(cache, ("nodeset", as_of, size_by),
                        lambda: unsized_nodeset(snapshot, frames, details.aliases, size_by))  # fmt: skip
        nodeset = sized_for(unsized, view)
        if len(nodeset.keys) > max_nodes:
            payload["meta"].update(view="province", auto_province=True)
            nodeset = None
    if nodeset is not None:
        if view == "network":
            pos, captions = network_positions(snapshot, nodeset, text["group.isolated_block"])
        else:
            pos, captions = geo_positions(snapshot, nodeset)
        nodes = [
            dict(n, x=float(x), y=float(y)) for n, (x, y) in zip(nodeset.nodes, pos.tolist(), strict=True)
        ]
        hubs = set(nodeset.hubs)
        present = {n["t"] for n in nodes if n["g"] == "org"}
        payload.update(
            types=[t for t in ORGANIZATION_TYPES if t in present] + sorted(present - set(ORGANIZATION_TYPES)),
            nodes=nodes,
            edges=[
                [i, j, k, _edge_width(k, w), 0.14 if i in hubs or j in hubs else 0.5]
                for i, j, k, w in nodeset.edges
            ],
            edge_kinds=[k for k in EDGE_STYLES if any(e[2] == k for e in nodeset.edges)],
            state={
                "nodes": nodeset.node_states,
                "edges": nodeset.edge_states,
                "sizes": nodeset.sizes,
                "values": nodeset.values,
            },  # fmt: skip
            coverage=nodeset.coverage,
            search=None,  # the page searches the nodes themselves
            captions=captions,
        )
    else:
        ps = build_provinces(snapshot, frames, details.aliases)
        nodes = [
            dict(n, x=float(x), y=float(y)) for n, (x, y) in zip(ps.nodes, ps.positions.tolist(), strict=True)
        ]
        payload["meta"]["size_by"] = "regencies"
        payload.update(
            types=[],
            nodes=nodes,
            edges=[[i, j, k, _edge_width(k, w), 0.5] for i, j, k, w in ps.edges],
            edge_kinds=["province"] if ps.edges else [],
            state={
                "nodes": ps.node_states,
                "edges": ps.edge_states,
                "sizes": ps.sizes,
                "values": ps.values,
                "counts": ps.counts,
            },  # fmt: skip
            coverage=[[] for _ in frames],
            search=ps.search,
        )
    if payload["meta"]["view"] in ("geo", "province"):
        payload["basemap"] = basemap()
    payload["tables"] = _memo(cache, ("tables",), lambda: detail_tables(snapshot, details))
    return payload
