"""``graphkit map``: one self-contained, offline HTML map of the collaboration network."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from graphkit.cli._common import as_of_option, connection_options, err

__all__ = ["map_"]

_VIEWS = ("network", "geo", "province")
_LANGS = ("id", "en")
_MEASURES = ("degree", "weighted_degree", "betweenness", "pagerank", "closeness", "core")


@click.command("map")
@click.option(
    "--view",
    type=click.Choice(_VIEWS),
    default="network",
    show_default=True,
    help="network: organizations and regencies; geo: regencies at their capitals; "
    "province: one node per province (used automatically when the graph is too large).",
)
@as_of_option
@click.option(
    "--lang",
    type=click.Choice(_LANGS),
    default="id",
    show_default=True,
    help="Interface language: Indonesian (id) or English (en).",
)
@click.option(
    "--size-by",
    type=click.Choice(_MEASURES),
    default="degree",
    show_default=True,
    help="Centrality measure that sizes the nodes.",
)
@click.option("--title", default=None, help="Page heading (default: the map's name and the dataset's).")
@click.option(
    "--max-nodes",
    type=click.IntRange(10, 50_000),
    default=4000,
    show_default=True,
    help="Draw by province instead when a node-by-node view would have more nodes.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    default=Path("map.html"),
    show_default=True,
    help="The HTML file to write.",
)
@click.option(
    "--png",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    default=None,
    help="Also write the map's picture (view, title, legend) as a PNG, drawn by headless Chromium.",
)
@connection_options
def map_(view: str, as_of: dt.date, lang: str, size_by: str, title: str | None, max_nodes: int, output: Path,
         png: Path | None, uri: str | None, user: str | None, password: str | None,
         database: str | None) -> None:  # fmt: skip
    """Write an interactive map as ONE self-contained HTML file that opens offline (file://, USB, e-mail).

    Search, filters (organization type, province, coverage status, agreement kind), a year control
    (the network as of the end of each year), legend and detail panel with sources, in Indonesian or
    English.

    Example: graphkit map --view geo --lang en --output peta.html --png peta.png
    """
    from graphkit.maps import render_map
    from graphkit.maps._picture import find_chromium, map_picture
    from graphkit.store._db import connect

    if png is not None and find_chromium() is None:
        map_picture(output, png)  # raises the one-line "needs Chromium" error before any work

    with connect(uri, user, password, database) as graph:
        result = render_map(graph, output, view=view, as_of=as_of, lang=lang, size_by=size_by, title=title,
                            max_nodes=max_nodes)  # fmt: skip
    if result.auto_province:
        err(f"note: the {view} view would have more than {max_nodes:,} nodes; drawn by province instead")
    click.echo(result.summary())
    if png is not None:
        click.echo(f"{map_picture(result.path, png)}: picture of the {result.view} map")
