"""``graphkit extract``: news articles in, a draft dataset with evidence and review notes out."""

from __future__ import annotations

from pathlib import Path

import click

from graphkit.cli._common import progress_bar

__all__ = ["extract"]


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--out",
    "out",
    required=True,
    type=click.Path(path_type=Path),
    help="Draft dataset folder to write (CSV tables + review.md).",
)
@click.option("--url", help="URL of the article (overrides NAME.meta.json).")
@click.option("--publisher", help="Publisher of the article (overrides NAME.meta.json).")
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date (pins dates without a year).")
@click.option("--into", type=click.Path(path_type=Path),
              help="Existing dataset to merge into: a signing already there gains a source, "
                   "not a row.")  # fmt: skip
def extract(paths: tuple[Path, ...], out: Path, url: str | None, publisher: str | None, published: str | None,
            into: Path | None) -> None:  # fmt: skip
    """Turn Indonesian news articles about BP2MI signings into a draft dataset (rules only, offline).

    PATHS are .txt, .md or .html files or folders of them; NAME.meta.json beside an article may give its
    url, publisher and published_on. Every row carries `evidence` (character offsets + the words matched)
    and `review` (what to check; empty when certain); ambiguous regions stay empty with their candidates.
    Check OUT/review.md, then `graphkit validate OUT` and `graphkit load OUT`.

    Example: graphkit extract articles/ -o draft --into graphkit/data/news
    """
    from graphkit.extraction import extract as run

    with progress_bar("extracting") as bar:
        result = run(list(paths), out, url=url, publisher=publisher, published=published, into=into,
                     progress=bar)  # fmt: skip
    click.echo(result.summary())
