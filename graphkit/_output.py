"""Rows out: a rich table for people; CSV, JSON or Markdown for machines.

Rows are plain dicts. Every text cell written to CSV or Markdown is neutralised against formula
injection (a leading ``=``, ``+``, ``-`` or ``@`` gets a ``'`` prefix), so a spreadsheet never runs it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

__all__ = ["FORMATS", "render", "write_rows", "neutralize", "columns_of"]

FORMATS = ("table", "csv", "json", "markdown")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralize(value: Any) -> Any:
    """Make a text cell safe for spreadsheets; numbers, dates and booleans pass unchanged.

    >>> neutralize("=HYPERLINK(1)"), neutralize(-3), neutralize("Kota Palu")
    ("'=HYPERLINK(1)", -3, 'Kota Palu')
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:.6g}"
    if isinstance(value, (list, tuple)):
        return "; ".join(_text(v) for v in value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def _cell(value: Any) -> str:
    """Text of a cell for CSV/Markdown: numbers pass unchanged, text is neutralised."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _text(value)
    return str(neutralize(_text(value)))


def _json_default(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    return str(value)


def columns_of(rows: Sequence[dict[str, Any]]) -> list[str]:
    """Column names in first-seen order across all rows."""
    seen: dict[str, None] = {}
    for row in rows:
        seen.update(dict.fromkeys(row))
    return list(seen)


def _markdown(rows: Sequence[dict[str, Any]], columns: list[str], title: str | None) -> str:
    def cell(v: Any) -> str:
        return _cell(v).replace("|", "\\|").replace("\r", " ").replace("\n", " ")

    lines = [f"**{title}**", ""] if title else []
    lines.append("| " + " | ".join(columns) + " |")
    lines.append("|" + "|".join("---" for _ in columns) + "|")
    lines += ["| " + " | ".join(cell(r.get(c)) for c in columns) + " |" for r in rows]
    return "\n".join(lines) + "\n"


def _table(rows: Sequence[dict[str, Any]], columns: list[str], title: str | None, width: int | None) -> str:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, title_justify="left", header_style="bold")
    for c in columns:
        numeric = all(
            isinstance(r.get(c), (int, float)) and not isinstance(r.get(c), bool)
            for r in rows
            if r.get(c) is not None
        )
        table.add_column(c, justify="right" if numeric and rows else "left", overflow="fold")
    for r in rows:
        table.add_row(
            *(_text(r.get(c)) for c in columns),
        )
    buf = io.StringIO()
    Console(file=buf, width=width or _width(), markup=False, highlight=False, emoji=False).print(table)
    return buf.getvalue()


def _width() -> int:
    """The terminal's width when printing to one (at least 80), else 160 for files and pipes."""
    import shutil

    if sys.stdout.isatty():
        return max(80, shutil.get_terminal_size((160, 24)).columns)
    return 160


def render(
    rows: Sequence[dict[str, Any]],
    fmt: str = "table",
    *,
    columns: list[str] | None = None,
    title: str | None = None,
    width: int | None = None,
) -> str:
    """Render rows as ``table``, ``csv``, ``json`` (a list of row objects) or ``markdown`` text."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    columns = columns or columns_of(rows)
    if fmt == "json":
        return json.dumps([dict(r) for r in rows], default=_json_default, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        # CRLF rows (RFC 4180): a lone CR inside a value is then quoted and can never start a row
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(columns)
        writer.writerows([_cell(r.get(c)) for c in columns] for r in rows)
        return buf.getvalue()
    if fmt == "markdown":
        return _markdown(rows, columns, title)
    return _table(rows, columns, title, width)


def write_rows(
    rows: Sequence[dict[str, Any]],
    fmt: str = "table",
    output: str | Path | None = None,
    *,
    columns: list[str] | None = None,
    title: str | None = None,
    header: str | None = None,
) -> None:
    """Render rows and write them to ``output`` (a path) or stdout; ``header`` precedes a table/markdown."""
    text = render(rows, fmt, columns=columns, title=title)
    if not rows and fmt == "table":
        text = (title + "\n" if title else "") + "(no rows)\n"
    if header and fmt in ("table", "markdown"):
        text = header + "\n" + text
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
