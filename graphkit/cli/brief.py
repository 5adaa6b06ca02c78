"""``graphkit brief``: a thin client over :func:`graphkit.brief`."""

from __future__ import annotations

import datetime as dt
from typing import Any

import click

from graphkit.cli._common import DATE, as_of_option, connection_options

__all__ = ["brief"]


@click.command()
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False, writable=True),
              help="The HTML file to write (self-contained, offline).")  # fmt: skip
@as_of_option
@click.option("--since", type=DATE, default=None,
              help="Changes since this day [default: one year before --as-of].")  # fmt: skip
@click.option("--lang", type=click.Choice(["id", "en"]), default="id", show_default=True,
              help="Language of the page.")  # fmt: skip
@click.option("--pdf", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Also print an A4 PDF here (needs headless Chromium).")  # fmt: skip
@connection_options
def brief(output: str, as_of: dt.date, since: dt.date | None, lang: str, pdf: str | None,
          **conn: Any) -> None:  # fmt: skip
    """A one-file planning brief for leadership: offline HTML (and A4 PDF) that needs no JavaScript.

    Headline figures (coverage counts, share of placed workers reached, agreements in force, idle share,
    expiring within 6 months), coverage by province as a chart and a map, the top gaps by need each with
    its best approach path, the agreements expiring within 6 months and the changes since --since.
    Synthetic data says SYNTHETIC on every page; real data says how complete it is.

    Example: graphkit brief -o brief.html --lang en --pdf brief.pdf
    """
    from graphkit.briefing import brief as write_brief
    from graphkit.store._db import connect

    with connect(conn["uri"], conn["user"], conn["password"], conn["database"]) as graph:
        result = write_brief(output, as_of=as_of, since=since, lang=lang, pdf=pdf, graph=graph)
    f = result.figures
    share = f"{f['reached_share']:.1%}" if f["reached_share"] is not None else "no placement data"
    click.echo(f"wrote {result.html}" + (f" and {result.pdf}" if result.pdf else "")
               + f"{' (SYNTHETIC data)' if f['synthetic'] else ''}: {f['reached']} of {f['regencies']} "
               f"regencies reached, placed workers reached {share}, {f['in_force']} agreements in force, "
               f"{f['expiring_6m']} expiring within 6 months")  # fmt: skip
