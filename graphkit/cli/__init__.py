"""The ``graphkit`` command: thin clients over the library functions of the same names."""

from __future__ import annotations

import inspect
import sys
from typing import Any

import click

from graphkit._errors import GraphkitError, InputErrors

__all__ = ["main", "cli"]


class _Group(click.Group):
    """Turns every GraphkitError into one clean line on stderr and its exit code; no tracebacks."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except InputErrors as exc:
            for line in exc.lines():
                click.echo(f"error: {line}", err=True)
            ctx.exit(exc.exit_code)
        except GraphkitError as exc:
            click.echo(f"error: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except OSError as exc:
            if exc.filename is None:
                raise
            # a path the user gave that cannot be written or read: usage, not a crash
            click.echo(f"error: {exc.filename}: {exc.strerror or exc}", err=True)
            ctx.exit(2)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="bp2mi-graphkit")
def cli() -> None:
    """graphkit: who collaborates with whom in protecting Indonesian migrant workers.

    Loads BP2MI's cooperation agreements, partners, regions and programs into a graph (the embedded
    database, or Neo4j when NEO4J_URI is set), finds the gaps, and draws offline maps.

    Example: graphkit demo
    """


def _example_last(command: click.Command) -> None:
    """Move a docstring's closing ``Example:`` paragraph into the epilog, so ``--help`` ends with it."""
    help_text = inspect.cleandoc(command.help or "")
    marker = "\n\nExample:"
    if marker in help_text and not command.epilog:
        body, example = help_text.rsplit(marker, 1)
        command.help = body.rstrip()
        command.epilog = "Example:" + example.rstrip()
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            _example_last(sub)


def _register() -> None:
    from graphkit.cli import brief, data, db, export, extract, maps, report

    for command in (data.validate, data.load, data.query, data.generate, data.demo, db.db):
        cli.add_command(command)
    cli.add_command(report.report)
    cli.add_command(maps.map_)
    cli.add_command(export.export)
    cli.add_command(brief.brief)
    cli.add_command(extract.extract)
    _example_last(cli)


_register()


def main() -> None:
    """Console-script entry point: usage mistakes are one line too (``error: ...``, exit 2)."""
    try:
        code = cli.main(prog_name="graphkit", standalone_mode=False)
    except click.UsageError as exc:
        where = f" (see '{exc.ctx.command_path} --help')" if exc.ctx else ""
        click.echo(f"error: {exc.format_message()}{where}", err=True)
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        click.echo(f"error: {exc.format_message()}", err=True)
        sys.exit(exc.exit_code)
    except (click.Abort, KeyboardInterrupt):
        click.echo("interrupted", err=True)
        sys.exit(130)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":  # pragma: no cover
    main()
