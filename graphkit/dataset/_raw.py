"""Raw string tables: the shape both readers (CSV in ``_read``, xlsx in ``_excel``) produce.

``RawTable`` and the header/row checks shared by both readers live here, so neither reader imports the
other's module for them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from graphkit._errors import InputError

__all__ = ["RawTable", "normalize_header"]

_HEADER_CLEAN = re.compile(r"[^0-9a-z]+")


@dataclass
class RawTable:
    """One table as read: ``label`` names it in messages (``agreements.csv`` or ``data.xlsx[agreements]``).

    ``rows`` holds ``(row_number, {column: text})`` with spreadsheet numbering (header = row 1).
    ``original`` maps each normalized column name to the header as written.
    """

    name: str
    label: str
    columns: list[str]
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    original: dict[str, str] = field(default_factory=dict)
    header_row: int = 1


def normalize_header(name: str) -> str:
    """Column names are matched case- and punctuation-insensitively: ``"Signed On "`` -> ``signed_on``.

    >>> normalize_header(" Signed-On ")
    'signed_on'
    """
    return _HEADER_CLEAN.sub("_", name.strip().casefold()).strip("_")


def _header(label: str, raw: list[str], row: int) -> tuple[list[str], dict[str, str], list[InputError]]:
    errors: list[InputError] = []
    columns: list[str] = []
    original: dict[str, str] = {}
    for i, cell in enumerate(raw, 1):
        cell = cell or ""
        name = normalize_header(cell)
        if not name:
            if cell.strip():
                problem = f"column name {cell.strip()!r} has no letters a-z or digits; rename it"
                errors.append(InputError(label, row, f"column {i}", problem))
            elif any((c or "").strip() for c in raw[i:]):
                errors.append(
                    InputError(label, row, f"column {i}", "header is empty: give the column a name")
                )
            columns.append(f"_blank{i}")
            continue
        if name in original:
            errors.append(
                InputError(
                    label, row, name, f"column appears twice (as {original[name]!r} and {cell!r}); keep one"
                )
            )
        original.setdefault(name, cell.strip())
        columns.append(name)
    return columns, original, errors


def _mixed(cells: list[str], width: int, delimiter: str | None) -> str | None:
    """The other delimiter, when a one-value row of a wider table is clearly separated by it."""
    if delimiter is None or width < 2 or len(cells) != 1:
        return None
    return next((d for d in (",", ";", "\t") if d != delimiter and cells[0].count(d) >= width - 1), None)


def _table(
    name: str, label: str, records: list[list[str]], first_row: int = 1, delimiter: str | None = None
) -> tuple[RawTable, list[InputError]]:
    """Records (header first) -> a RawTable; ``first_row`` is the spreadsheet row of the header."""
    if not records or not any((c or "").strip() for c in records[0]):
        problem = "header row is missing: the first row must name the columns (id, name, ...)"
        return RawTable(name, label, [], header_row=first_row), [InputError(label, first_row, None, problem)]
    columns, original, errors = _header(label, records[0], first_row)
    table = RawTable(name, label, columns, original=original, header_row=first_row)
    width = len(columns)
    lengths = Counter(len(r) for r in records[1:] if any((c or "").strip() for c in r))
    usual = lengths.most_common(1)[0][0] if lengths else width  # Excel pads every row alike
    for index, record in enumerate(records[1:], first_row + 1):
        cells = ["" if c is None else str(c) for c in record]
        if not any(c.strip() for c in cells):
            continue  # blank line
        other = _mixed(cells, width, delimiter)
        if other:
            shown = {"\t": "tabs", ",": "','", ";": "';'"}
            problem = (
                f"this row is separated by {shown[other]} but the header by {shown[delimiter or ',']}; "
                "save the file again with one delimiter"
            )
            errors.append(InputError(label, index, None, problem))
            continue
        if len(cells) > max(width, usual) or (len(cells) > width and any(c.strip() for c in cells[width:])):
            problem = (
                f"row has {len(cells)} values but the header has {width} columns: "
                "put quotes around values that contain the delimiter, or remove the extra values"
            )
            errors.append(InputError(label, index, None, problem))
            continue
        cells += [""] * (width - len(cells))
        row = {col: cells[i] for i, col in enumerate(columns) if not col.startswith("_blank")}
        table.rows.append((index, row))
    return table, errors
