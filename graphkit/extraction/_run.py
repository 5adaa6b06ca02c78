"""``extract()``: articles in, a draft dataset folder out (CSV tables + review.md), all or nothing."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from graphkit._errors import GraphkitError
from graphkit.extraction._build import Facts, article_facts
from graphkit.extraction._read import read_articles
from graphkit.extraction._review import review_markdown
from graphkit.extraction._rows import COLUMNS, MergeIndex, merge_facts

__all__ = ["ExtractResult", "extract"]

Progress = Callable[..., None]
REQUIRED = ("sources", "organizations", "agreements", "parties")


@dataclass(frozen=True)
class ExtractResult:
    """What one run did: the output folder, articles read, rows per table, rows needing review."""

    out: Path
    articles: int
    rows: dict[str, int]
    to_review: int

    def summary(self) -> str:
        rows = ", ".join(f"{n} {t}" for t, n in self.rows.items() if n or t == "agreements")
        return (f"{self.articles} articles -> {self.out}: {rows}; {self.to_review} rows to review "
                f"(see {self.out / 'review.md'})")  # fmt: skip


def _read_base(folder: Path) -> tuple[dict[str, list[dict[str, str]]], dict[str, list[str]]]:
    tables: dict[str, list[dict[str, str]]] = {t: [] for t in COLUMNS}
    columns = {t: list(c) for t, c in COLUMNS.items()}
    if not folder.is_dir():
        raise GraphkitError(f"{folder}: no such dataset folder for --into; give an existing dataset folder")
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            rows = [dict(r) for r in reader]
            header = list(reader.fieldnames or [])
        name = path.stem
        columns[name] = header + [c for c in columns.get(name, []) if c not in header]
        tables[name] = rows
    return tables, columns


def _csv(rows: list[dict[str, str]], columns: list[str]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row.get(c) or "" for c in columns])
    return buf.getvalue()


def extract(
    paths: Sequence[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    *,
    url: str | None = None,
    publisher: str | None = None,
    published: str | None = None,
    into: str | os.PathLike[str] | None = None,
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> ExtractResult:
    """Turn news articles about BP2MI signings into a draft dataset folder with evidence and review notes.

    Parameters
    ----------
    paths : sequence of path
        ``.txt``, ``.md`` or ``.html`` files, or folders of them; ``NAME.meta.json`` beside a file gives its
        url, publisher, published_on (and title).
    out : path
        Folder for the draft dataset (docs/DESIGN.md §1 tables plus ``review.md``); files there are replaced.
    url, publisher, published : str, optional
        The article's metadata for every input (override the sidecars); ``published`` is ``YYYY-MM-DD``.
    into : path, optional
        An existing dataset to merge into: the same signing reported again adds a source, not a row.
    today : datetime.date, optional
        Latest possible date for dates with a broken year (default: today).
    progress : callable, optional
        ``progress(total)`` once, then ``progress(None, 1)`` per article.

    Returns
    -------
    ExtractResult

    Raises
    ------
    GraphkitError
        An empty, binary or non-UTF-8 input (one line naming the file); nothing is written then.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text("Jakarta (ANTARA) - BP2MI dan Pemkab Ende menandatangani nota "
    ...                              "kesepahaman pada Selasa (5/4/2022).", encoding="utf-8")
    >>> extract([d / "a.txt"], d / "draft").rows["agreements"]
    1
    """
    if published:
        try:
            dt.date.fromisoformat(published)
        except ValueError:
            raise GraphkitError(f"--published {published!r}: not a date; write YYYY-MM-DD") from None
    options = {"url": url or "", "publisher": publisher or "", "published_on": published or ""}
    articles = read_articles([Path(p) for p in paths], options)  # every input checked before any output
    out = Path(out)
    tables, columns = _read_base(Path(into)) if into else ({t: [] for t in COLUMNS}, dict(COLUMNS))
    if progress:
        progress(len(articles))
    day = today or dt.date.today()
    all_facts: list[Facts] = []
    index = MergeIndex(tables)
    for article in articles:
        facts = article_facts(article, day)
        merge_facts(tables, index, facts, _shown_path(article.path))
        all_facts.append(facts)
        if progress:
            progress(None, 1)
    files = {f"{t}.csv": _csv(rows, columns[t]) for t, rows in tables.items() if rows or t in REQUIRED}
    files["review.md"] = review_markdown(all_facts, tables)
    _write(out, files)
    to_review = sum(1 for rows in tables.values() for r in rows if r.get("review"))
    return ExtractResult(out, len(articles), {t: len(r) for t, r in tables.items()}, to_review)


def _shown_path(path: Path) -> str:
    return path.name if path.is_absolute() else path.as_posix()


def _write(out: Path, files: dict[str, str]) -> None:
    """Write every file to a temporary folder first, then move them in (no half-written output)."""
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".extract-", dir=out))
    try:
        for name, text in files.items():
            (tmp / name).write_text(text, encoding="utf-8")
        for name in files:
            os.replace(tmp / name, out / name)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
