"""Interactive collaboration maps: one self-contained, offline HTML file per view.

>>> from graphkit.maps import VIEWS
>>> VIEWS
('network', 'geo', 'province')

Usage::

    from graphkit import connect
    from graphkit.maps import render_map
    with connect() as graph:
        result = render_map(graph, "map.html", view="geo", lang="en")
    print(result.path, result.view, result.nodes)

Views: ``network`` (organizations and regencies, layout computed in Python), ``geo`` (regencies at their
capitals, organizations beside their region), ``province`` (one node per province; chosen automatically
when a node-by-node view would be too large). The page works from ``file://`` with no network.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graphkit._errors import GraphkitError
from graphkit.analytics import Snapshot
from graphkit.maps._details import MapDetails, fetch_details
from graphkit.maps._html import html_document
from graphkit.maps._i18n import LANGS
from graphkit.maps._measures import DEFAULT_MEASURE, MEASURES
from graphkit.maps._page import MAX_NODES, VIEWS, build_payload
from graphkit.store._db import Graph

__all__ = ["render_map", "load_map_source", "MapSource", "MapResult", "VIEWS", "LANGS", "MEASURES",
           "DEFAULT_MEASURE", "MAX_NODES"]  # fmt: skip


@dataclass(frozen=True)
class MapSource:
    """The rows a map is drawn from: the analytics snapshot and the map's extra details."""

    snapshot: Snapshot
    details: MapDetails
    #: what the views share (frames, node set), filled by :func:`render_map`; do not change the rows after
    cache: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class MapResult:
    """What :func:`render_map` wrote."""

    path: Path
    view: str  # the view drawn (``province`` when the requested view was too large)
    requested_view: str
    nodes: int
    edges: int
    frames: int
    bytes: int
    seconds: float

    @property
    def auto_province(self) -> bool:
        """True when the requested node-by-node view was replaced by the province view."""
        return self.view != self.requested_view

    def summary(self) -> str:
        """One line for people: path, view, size."""
        switched = (
            f" (requested {self.requested_view}: too large, drawn by province)" if self.auto_province else ""
        )
        return (f"{self.path}: {self.view} map{switched}, {self.nodes:,} nodes, {self.edges:,} edges, "
                f"{self.frames} years, {self.bytes / 1e6:.1f} MB, {self.seconds:.1f} s")  # fmt: skip


def load_map_source(
    graph: Graph, snapshot: Snapshot | None = None, details: MapDetails | None = None
) -> MapSource:
    """Read everything a map needs from ``graph`` (the analytics snapshot plus aliases and sources).

    Pass a ``snapshot`` (e.g. read for reports) or ``details`` already fetched from the same graph to
    skip reading them again.
    """
    from graphkit.sync._fetch import fetch_snapshot

    snapshot = snapshot if snapshot is not None else fetch_snapshot(graph)
    if not snapshot.regions:
        raise GraphkitError(
            "this database is empty: load a dataset first (graphkit load PATH), "
            "or map the demo's database with --database demo"
        )
    return MapSource(snapshot, details if details is not None else fetch_details(graph))


def render_map(
    graph: Graph | None,
    output: str | Path,
    *,
    view: str = "network",
    as_of: dt.date | None = None,
    lang: str = "id",
    size_by: str = DEFAULT_MEASURE,
    title: str | None = None,
    max_nodes: int = MAX_NODES,
    source: MapSource | None = None,
) -> MapResult:
    """Write one self-contained HTML map of the graph to ``output``.

    Parameters
    ----------
    graph : Graph or None
        Where to read from; may be None when ``source`` is given (draw several views from one read).
    output : str or Path
        The HTML file to write (parent folders are created).
    view : {"network", "geo", "province"}
        See the module docstring.
    as_of : datetime.date, optional
        Default today. The year control runs from the first year with agreements to this day.
    lang : {"id", "en"}
        Interface language (data is shown as it is).
    size_by : str
        Centrality measure that sizes the nodes: one of :data:`MEASURES`.
    title : str, optional
        Page heading (shown as text, never as HTML).
    max_nodes : int
        Node-by-node views larger than this are drawn by province instead.
    source : MapSource, optional
        Rows already read with :func:`load_map_source`.

    Returns
    -------
    MapResult
    """
    started = time.perf_counter()
    if source is None:
        if graph is None:
            raise GraphkitError("render_map needs a graph or a source")
        source = load_map_source(graph)
    payload = build_payload(source.snapshot, source.details, view=view, as_of=as_of or dt.date.today(),
                            lang=lang, size_by=size_by, title=title, max_nodes=max_nodes,
                            cache=source.cache)  # fmt: skip
    from graphkit._version import __version__

    page = html_document(payload, generator=f"graphkit {__version__}")
    path = Path(output)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = page.encode("utf-8")
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
    return MapResult(path=path, view=payload["meta"]["view"], requested_view=view,
                     nodes=len(payload["nodes"]),
                     edges=len(payload["edges"]), frames=len(payload["frames"]), bytes=len(data),
                     seconds=round(time.perf_counter() - started, 2))  # fmt: skip
