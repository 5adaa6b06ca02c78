"""One made-up article through ``graphkit.extract``, read back as tables: the helper of the extraction
tests that check a rule on a sentence or two."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from graphkit import extract

TODAY = dt.date(2026, 12, 2)
Tables = dict[str, list[dict[str, str]]]


def draft(tmp_path: Path, text: str, published: str | None = None, name: str = "a.txt") -> Tables:
    """Extract ``text`` (written to ``tmp_path/name``) and return its organizations, agreements,
    parties and sources rows, plus ``review`` (one row: the text of review.md)."""
    (tmp_path / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    extract([tmp_path / name], out, published=published, today=TODAY)
    tables = {}
    for table in ("organizations", "agreements", "parties", "sources"):
        with (out / f"{table}.csv").open(encoding="utf-8", newline="") as f:
            tables[table] = list(csv.DictReader(f))
    tables["review"] = [{"text": (out / "review.md").read_text(encoding="utf-8")}]
    return tables
