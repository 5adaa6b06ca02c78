"""The ``graphkit`` command: thin clients over the library functions of the same names."""

from __future__ import annotations

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
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            ctx.exit(130)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="bp2mi-graphkit")
def cli() -> None:
    """graphkit: who collaborates with whom in protecting Indonesian migrant workers.

    Loads BP2MI's cooperation agreements, partners, regions and programs into a graph (the embedded
    database, or Neo4j when NEO4J_URI is set), finds the gaps, and draws offline maps.

    Example: graphkit demo
    """


def _register() -> None:
    from graphkit.cli import data, db

    for command in (data.validate, data.load, data.query, data.generate, data.demo):
        cli.add_command(command)
    cli.add_command(db.db)
    for module, name in (("report", "report"), ("maps", "map_"), ("export", "export")):
        try:
            mod = __import__(f"graphkit.cli.{module}", fromlist=[name])
        except ModuleNotFoundError as exc:
            if exc.name != f"graphkit.cli.{module}":
                raise
            continue
        cli.add_command(getattr(mod, name))


_register()


def main() -> None:
    """Console-script entry point."""
    cli.main(prog_name="graphkit", standalone_mode=True)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
