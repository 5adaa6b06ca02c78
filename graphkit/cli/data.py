"""Commands that move data: validate, load, query, generate, demo."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from graphkit._errors import InputError, InputErrors
from graphkit.cli._common import connection_options, err, output_options, progress_bar


@click.command()
@click.argument("path", type=click.Path(path_type=Path))
def validate(path: Path) -> None:
    """Check a dataset (folder of CSV files or .xlsx) without writing anything.

    Prints every problem as FILE:ROW: COLUMN: PROBLEM and exits 2; a clean dataset prints a one-line
    summary and exits 0.

    Example: graphkit validate graphkit/data/news
    """
    from graphkit.dataset._validate import validate_dataset

    dataset = validate_dataset(path)
    for warning in dataset.warnings:
        err(f"warning: {warning}")
    click.echo(dataset.summary())


@click.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--term-years", type=click.IntRange(1, 50), default=5, show_default=True,
              help="Assumed term of agreements without expires_on.")  # fmt: skip
@connection_options
def load(path: Path, term_years: int, uri: str | None, user: str | None, password: str | None,
         database: str | None) -> None:  # fmt: skip
    """Load a dataset into the graph: validated first, then only the differences are written.

    After a load the graph equals the dataset (reference regions always stay). Loading the same data
    again changes nothing and says so.

    Example: graphkit load graphkit/data/news
    """
    from graphkit.dataset._validate import validate_dataset

    dataset = validate_dataset(path)  # bad input stops here, before the database is touched
    for warning in dataset.warnings:
        err(f"warning: {warning}")
    from graphkit.store._db import connect
    from graphkit.sync._load import load_dataset

    with connect(uri, user, password, database) as graph, progress_bar("loading") as bar:
        result = load_dataset(
            dataset, graph, term_years=term_years, progress=bar,
            waiting=lambda: err("another load is running on this database; waiting for it to finish ..."),
        )  # fmt: skip
    click.echo(result.summary())


def _param(text: str) -> tuple[str, Any]:
    if "=" not in text:
        raise InputErrors([InputError("--param", 0, None, f"{text!r} is not name=value")])
    name, value = text.split("=", 1)
    try:
        return name.strip(), json.loads(value)
    except json.JSONDecodeError:
        return name.strip(), value


@click.command()
@click.argument("cypher")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="A $parameter; VALUE is JSON if it parses (42, true, [1,2]), else text.")  # fmt: skip
@click.option("--write", is_flag=True, help="Allow the query to change the graph (default: read-only).")
@output_options
@connection_options
def query(cypher: str, params: tuple[str, ...], write: bool, fmt: str, output: str | None, uri: str | None,
          user: str | None, password: str | None, database: str | None) -> None:  # fmt: skip
    """Run an ad hoc Cypher query; read-only unless --write is given.

    Example: graphkit query "MATCH (o:Organization) RETURN o.type, count(*)" -f json
    """
    from graphkit._output import write_rows
    from graphkit.store._db import connect

    values = dict(_param(p) for p in params)
    with connect(uri, user, password, database) as graph:
        columns, rows = graph.query(cypher, values, write=write)
    write_rows(rows, fmt, output, columns=columns or None)


@click.command()
@click.argument("out", type=click.Path(file_okay=False, path_type=Path))
@click.option("--scale", default="national", show_default=True,
              help="national (= 1), or a multiple such as 10 or 100.")  # fmt: skip
@click.option("--seed", type=int, default=2018, show_default=True, help="Random seed; same seed, same files.")
def generate(out: Path, scale: str, seed: int) -> None:
    """Write a SYNTHETIC national-scale dataset (labelled synthetic in every file and node).

    It matches the published aggregates (since 2018: agreements with 195 regional governments, 128
    education, 14 health, 2 financial and 3 government institutions) and scales up for stress tests.

    Example: graphkit generate /tmp/national --scale national --seed 7
    """
    from graphkit.synthetic._generate import generate as run

    factor = 1 if scale.strip().lower() in ("national", "1", "1x") else _scale(scale)
    summary = run(out, scale=factor, seed=seed)
    click.echo(summary.describe() if hasattr(summary, "describe") else str(summary))


def _scale(text: str) -> int:
    try:
        value = int(text.lower().rstrip("x"))
    except ValueError:
        value = 0
    if value < 1:
        problem = f"{text!r}: use national or a whole multiple such as 10 or 100"
        raise InputErrors([InputError("--scale", 0, None, problem)])
    return value


@click.command()
@click.option("--seed", type=int, default=2018, show_default=True, help="Seed of the synthetic dataset.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder for the generated data and maps (default: GRAPHKIT_HOME/demo).")  # fmt: skip
@click.option("--real", is_flag=True, help="The real public dataset (graphkit/data/public) instead, in "
              "database demo_real; maps in OUT/real/maps.")  # fmt: skip
def demo(seed: int, out: Path | None, real: bool) -> None:
    """The main job with nothing configured: embedded database up, national synthetic data loaded, summary.

    With --real: the agreements public reporting names (graphkit/data/public), with how complete they are.

    Example: graphkit demo   (or: graphkit demo --real)
    """
    if real:
        from graphkit.demo._real import run_real_demo

        run_real_demo(out=out, echo=click.echo)
        return
    from graphkit.demo._demo import run_demo

    run_demo(seed=seed, out=out, echo=click.echo)
