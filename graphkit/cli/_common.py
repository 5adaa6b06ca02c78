"""What every command shares: output options, connection options, dates, progress bars."""

from __future__ import annotations

import contextlib
import datetime as dt
import sys
from collections.abc import Callable, Iterator
from typing import Any

import click

from graphkit._output import FORMATS

__all__ = ["output_options", "connection_options", "as_of_option", "progress_bar", "err", "DATE"]


class _DateType(click.ParamType):
    name = "YYYY-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> dt.date:
        if isinstance(value, dt.date):
            return value
        if str(value).lower() == "today":
            return dt.date.today()
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            self.fail(f"{value!r} is not a date: write YYYY-MM-DD (or 'today')", param, ctx)


DATE = _DateType()


def output_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """``--format table|csv|json|markdown`` and ``--output FILE``, shared by every row-printing command."""
    f = click.option(
        "--output",
        "-o",
        type=click.Path(dir_okay=False, writable=True),
        help="Write to this file instead of standard output.",
    )(f)
    f = click.option(
        "--format",
        "-f",
        "fmt",
        type=click.Choice(FORMATS),
        default="table",
        show_default=True,
        help="table for people; csv, json (a list of row objects) or markdown for machines.",
    )(f)
    return f


def as_of_option(f: Callable[..., Any]) -> Callable[..., Any]:
    """``--as-of DATE`` (default today): only agreements in force on that date count."""
    return click.option(
        "--as-of",
        type=DATE,
        default="today",
        show_default=True,
        help="Evaluate as of this date (YYYY-MM-DD).",
    )(f)


def connection_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """``--uri/--user/--password/--database``; default: NEO4J_* variables, else the embedded database."""
    for name, env, text in reversed(
        [
            ("--uri", "NEO4J_URI", "Bolt URI of a Neo4j 5 server (none: the embedded database)."),
            ("--user", "NEO4J_USERNAME", "User name for --uri."),
            ("--password", "NEO4J_PASSWORD", "Password for --uri."),
            ("--database", "NEO4J_DATABASE", "Database name."),
        ]
    ):
        f = click.option(name, envvar=env, show_envvar=True, default=None, help=text)(f)
    return f


def err(message: str) -> None:
    """One line on standard error."""
    click.echo(message, err=True)


@contextlib.contextmanager
def progress_bar(description: str) -> Iterator[Callable[..., None]]:
    """A rich progress bar on stderr, driven as ``cb(total)`` then ``cb(None, advance)``."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(file=sys.stderr)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    ) as bar:
        task = bar.add_task(description, total=None)

        def update(total: int | None = None, advance: int = 0) -> None:
            if total is not None:
                bar.update(task, total=total)
            if advance:
                bar.advance(task, advance)

        yield update
