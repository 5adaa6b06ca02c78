"""``graphkit export``: the graph back out as a dataset (CSV folder or .xlsx workbook)."""

from __future__ import annotations

from pathlib import Path

import click

from graphkit.cli._common import connection_options

__all__ = ["export"]


@click.command()
@click.argument("out", type=click.Path(path_type=Path))
@connection_options
def export(out: Path, uri: str | None, user: str | None, password: str | None, database: str | None) -> None:
    """Write the graph as a dataset: one .xlsx workbook if OUT ends in .xlsx, else a folder of CSV files.

    Loading the export gives the same graph. Reference regions are not exported; assumed expiries are
    left empty (load with the same --term-years). Text cells starting with = + - @ get a leading ' so no
    spreadsheet runs them as formulas, and they keep that ' when loaded again.

    Example: graphkit export /tmp/agreements.xlsx
    """
    from graphkit.store._db import connect
    from graphkit.sync._export import export_dataset

    with connect(uri, user, password, database) as graph:
        counts = export_dataset(out, graph=graph)
    parts = ", ".join(f"{n:,} {name}" for name, n in counts.items() if n)
    click.echo(f"wrote {out}: {parts or 'no rows'}")
