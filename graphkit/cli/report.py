"""``graphkit report ...``: thin clients over ``graphkit.reports`` and ``graphkit._output.write_rows``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import click

from graphkit.cli._common import DATE, as_of_option, connection_options, output_options

__all__ = ["report"]

_TYPES = ("agency", "regional_government", "education", "health", "financial", "government", "private",
          "international", "community")  # fmt: skip
_MEASURES = ("degree", "weighted_degree", "betweenness", "pagerank", "closeness", "core", "community")


def _options(f: Callable[..., Any]) -> Callable[..., Any]:
    return as_of_option(output_options(connection_options(f)))


def _run(name: str, fmt: str, output: str | None, conn: dict[str, Any], **kwargs: Any) -> None:
    """Connect, run the library report ``name``, write its rows (header line on table/markdown)."""
    from graphkit._output import write_rows
    from graphkit.reports import _reports
    from graphkit.store._db import connect

    with connect(conn["uri"], conn["user"], conn["password"], conn["database"]) as graph:
        df = getattr(_reports, name)(graph=graph, **kwargs)
    columns = list(df.columns)
    if fmt == "table" and df.attrs.get("table_columns"):
        columns = list(df.attrs["table_columns"])
    elif fmt == "markdown":  # the header line says SYNTHETIC; the column stays in csv and json
        columns = [c for c in columns if c != "synthetic"]
    rows = _reports.records(df)
    write_rows(rows, fmt, output, columns=columns, header=_reports.header_line(df))


@click.group()
def report() -> None:
    """Where are the gaps? Coverage, isolated regencies, centrality, expiring agreements, follow-ups;
    what changed in a window (changes) and whom to contact to close each gap (paths).

    Every report takes --as-of (default today), --format table|csv|json|markdown and --output FILE.

    Example: graphkit report coverage --as-of 2024-12-31 --by province
    """


@report.command()
@click.option("--by", type=click.Choice(["province"]), default=None,
              help="Per province: counts per status, share of placed workers reached.")  # fmt: skip
@_options
def coverage(as_of: dt.date, by: str | None, fmt: str, output: str | None, **conn: Any) -> None:
    """Coverage status of all regencies on a date, with the reason for each.

    Status, first match wins: active (reached by an agreement in force with a follow-up), idle (reached,
    no follow-up yet), provincial (its province government is party to an agreement in force),
    program_only (a program is active there or in its province), lapsed (reached only by expired
    agreements), isolated (nothing). An agreement is in force from its signing day to its expiry day,
    both included; "assumed" marks an expiry of signing + the assumed term.

    Example: graphkit report coverage --as-of 2025-01-01 --format json
    """
    _run("coverage", fmt, output, conn, as_of=as_of, by=by)


@report.command()
@click.option("--top", type=click.IntRange(min=1), default=None, help="Show only the N most in need.")
@_options
def isolated(as_of: dt.date, top: int | None, fmt: str, output: str | None, **conn: Any) -> None:
    """Regencies no agreement in force reaches (program_only, lapsed, isolated), ranked by need.

    Need = migrant workers placed abroad from the regency (most recent year with data); without
    placement data the ranking is by province, and the header says so.

    Example: graphkit report isolated --top 20
    """
    _run("isolated_regencies", fmt, output, conn, as_of=as_of, top=top)


@report.command()
@click.option("--top", type=click.IntRange(min=1), default=None, help="Show only the N highest ranked.")
@click.option("--type", "types", type=click.Choice(_TYPES), multiple=True,
              help="Only organizations of this type (repeatable).")  # fmt: skip
@click.option("--sort", type=click.Choice(_MEASURES), default="betweenness", show_default=True,
              help="Rank by this measure (descending).")  # fmt: skip
@click.option("--agencies/--no-agencies", default=True, show_default=True,
              help="Keep BP2MI and its units (party to nearly everything) in the network.")  # fmt: skip
@_options
def centrality(as_of: dt.date, top: int | None, types: tuple[str, ...], sort: str, agencies: bool, fmt: str,
               output: str | None, **conn: Any) -> None:  # fmt: skip
    """Who brokers the collaboration network on a date: centrality per organization.

    Network: organizations and regions; organizations tied by shared agreements in force (weight = number
    shared), to the region they govern or are located in, and to regions where their programs are active.
    Measures: degree, weighted degree, betweenness (brokerage), PageRank, closeness, k-core and Louvain
    community. The header gives network size, density and number of components.

    Example: graphkit report centrality --top 10 --no-agencies --type education
    """
    _run("centrality", fmt, output, conn, as_of=as_of, top=top, types=list(types) or None,
         include_agencies=agencies, sort=sort)  # fmt: skip


@report.command()
@click.option("--within", default="1y", show_default=True, metavar="WINDOW",
              help="Window after --as-of: a number and d, w, m or y (90d, 6m, 1y).")  # fmt: skip
@_options
def expiring(as_of: dt.date, within: str, fmt: str, output: str | None, **conn: Any) -> None:
    """Agreements in force that expire within a window, soonest first.

    With parties, regions reached, follow-up state and whether the expiry is assumed (no end date in the
    dataset: signing + the assumed term).

    Example: graphkit report expiring --within 6m -f csv -o expiring.csv
    """
    _run("expiring", fmt, output, conn, as_of=as_of, within=within)


@report.command()
@_options
def followup(as_of: dt.date, fmt: str, output: str | None, **conn: Any) -> None:
    """Agreements in force grouped by follow-up state, with how long each has been idle.

    State = the kind of the latest follow-up on or before the date (none, action_plan, regulation,
    budget, training, socialization, service, monitoring, other); idle days count from that follow-up,
    or from the signing day when nothing has followed yet.

    Example: graphkit report followup --as-of 2024-06-30 --format markdown
    """
    _run("followup", fmt, output, conn, as_of=as_of)


@report.command()
@click.option("--from", "start", type=DATE, default=None,
              help="First day of the window [default: --to minus one year].")  # fmt: skip
@click.option("--to", "end", type=DATE, default="today", show_default=True, help="Last day of the window.")
@click.option("--part", type=click.Choice(["regencies", "agreements", "movers"]), default=None,
              help="Only this section (default: all three).")  # fmt: skip
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True,
              help="Centrality rank movers shown each way.")  # fmt: skip
@output_options
@connection_options
def changes(start: dt.date | None, end: dt.date, part: str | None, top: int, fmt: str, output: str | None,
            **conn: Any) -> None:  # fmt: skip
    """What changed between two days: regencies whose status changed, agreement events, rank movers.

    Three sections: regencies whose coverage status on --to differs from the one on --from, with the
    agreements signed or expired, follow-ups and program starts of the window that explain it; every
    agreement signed, expired or followed up in the window; the --top organizations up and down in the
    centrality ranking (betweenness). Signed and followed up count after --from up to --to; expired
    counts from --from to the day before --to (docs/DESIGN.md §3). Table and markdown print the sections
    one after another; json is one list of row objects whose "section" field names the section
    (regencies, agreements, movers) and whose other fields are that section's; csv without --part has
    the union of the fields.

    Example: graphkit report changes --from 2024-01-01 --to 2024-12-31 --part regencies -f json
    """
    from graphkit._output import render
    from graphkit.reports import _planning
    from graphkit.store._db import connect

    with connect(conn["uri"], conn["user"], conn["password"], conn["database"]) as graph:
        df = _planning.changes(start, end, part=part, top=top, graph=graph)
    sections = df.attrs["sections"]
    if fmt == "json":
        rows = [r for s in sections for r in _planning.section_records(df, s)]
        text = render(rows, "json")
    elif fmt == "csv":
        columns = list(df.attrs["fields"][part]) if part else list(df.columns)
        text = render(_reports_records(df), "csv", columns=columns)
    else:
        blocks = []
        for s in sections:
            rows = _planning.section_records(df, s)
            columns = list(df.attrs["section_table_columns"][s]) if fmt == "table" else [
                c for c in df.attrs["fields"][s] if c not in ("section", "synthetic")]  # fmt: skip
            body = render(rows, fmt, columns=columns) if rows else "(no rows)\n"
            blocks.append(_planning.planning_header(df, s) + "\n" + body)
        text = "\n".join(blocks)
    _write(text, output)


def _reports_records(df: Any) -> list[dict[str, Any]]:
    from graphkit.reports import _reports

    return _reports.records(df)


def _write(text: str, output: str | None) -> None:
    if output:
        from pathlib import Path

        Path(output).write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)


@report.command()
@click.option("--top", type=click.IntRange(min=1), default=None, help="Only the N regencies most in need.")
@click.option("--per-rule", type=click.IntRange(min=1), default=3, show_default=True,
              help="At most this many paths per rule and regency.")  # fmt: skip
@click.option("--nearest", type=click.IntRange(min=1), default=3, show_default=True,
              help="Rule 5 looks at this many nearest reached regencies.")  # fmt: skip
@click.option("--provincial/--no-provincial", default=True, show_default=True,
              help="Include regencies covered only by their province government's agreement.")  # fmt: skip
@_options
def paths(as_of: dt.date, top: int | None, per_rule: int, nearest: int, provincial: bool, fmt: str,
          output: str | None, **conn: Any) -> None:  # fmt: skip
    """Who to contact to close each gap: approach paths for every regency no agreement in force reaches.

    Regencies of status provincial, program_only, lapsed and isolated, ranked by need (placed workers),
    one row per path, best first (docs/DESIGN.md §7): 1 province_pks (a PKS under the province
    government's agreement in force), 2 renew (lapsed agreements, same partners), 3 program_partner (a
    program runner with agreements in force elsewhere), 4 local_partner (an institution located there
    that is party to an agreement), 5 neighbour_partner (partners of the nearest reached regencies of the
    province, capital distance in km). "best" marks each regency's first path.

    Example: graphkit report paths --top 20 --per-rule 1 -f markdown
    """
    from graphkit._output import write_rows
    from graphkit.reports import _planning
    from graphkit.store._db import connect

    with connect(conn["uri"], conn["user"], conn["password"], conn["database"]) as graph:
        df = _planning.approach_paths(as_of, top=top, per_rule=per_rule, nearest=nearest,
                                      provincial=provincial, graph=graph)  # fmt: skip
    columns = list(df.columns)
    if fmt == "table":
        columns = list(df.attrs["table_columns"])
    elif fmt == "markdown":
        columns = [c for c in columns if c != "synthetic"]
    write_rows(_reports_records(df), fmt, output, columns=columns, header=_planning.planning_header(df))
