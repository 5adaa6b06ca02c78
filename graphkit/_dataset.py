"""Reading a dataset (a folder of CSV files, or one .xlsx workbook) into raw string tables.

Nothing here knows what the columns mean: that is ``_validate``. This module only turns bytes into
``RawTable`` objects and reports, as ``InputError``, what makes a file unreadable.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from graphkit._errors import InputError, InputErrors
from graphkit._schema import TABLES

__all__ = ["RawTable", "read_tables", "normalize_header"]

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


def normalize_header(name: str) -> str:
    """Column names are matched case- and punctuation-insensitively: ``"Signed On "`` -> ``signed_on``.

    >>> normalize_header(" Signed-On ")
    'signed_on'
    """
    return _HEADER_CLEAN.sub("_", name.strip().casefold()).strip("_")


def _header(label: str, raw: list[str]) -> tuple[list[str], dict[str, str], list[InputError]]:
    errors: list[InputError] = []
    columns: list[str] = []
    original: dict[str, str] = {}
    for i, cell in enumerate(raw, 1):
        name = normalize_header(cell or "")
        if not name:
            if any((c or "").strip() for c in raw[i:]):
                errors.append(InputError(label, 1, f"column {i}", "header is empty: give the column a name"))
            columns.append(f"_blank{i}")
            continue
        if name in original:
            errors.append(
                InputError(
                    label, 1, name, f"column appears twice (as {original[name]!r} and {cell!r}); keep one"
                )
            )
        original.setdefault(name, cell.strip())
        columns.append(name)
    return columns, original, errors


def _table(name: str, label: str, records: list[list[str]]) -> tuple[RawTable, list[InputError]]:
    if not records or not any((c or "").strip() for c in records[0]):
        return RawTable(name, label, []), [
            InputError(label, 1, None, "header row is missing: the first row must name the columns")
        ]
    columns, original, errors = _header(label, records[0])
    table = RawTable(name, label, columns, original=original)
    width = len(columns)
    for index, record in enumerate(records[1:], 2):
        cells = ["" if c is None else str(c) for c in record]
        if not any(c.strip() for c in cells):
            continue  # blank line
        if len(cells) > width and any(c.strip() for c in cells[width:]):
            errors.append(
                InputError(
                    label,
                    index,
                    None,
                    f"row has {len(cells)} fields but the header has {width}: "
                    "quote values that contain the delimiter",
                )
            )
            continue
        cells += [""] * (width - len(cells))
        row = {col: cells[i] for i, col in enumerate(columns) if not col.startswith("_blank")}
        table.rows.append((index, row))
    return table, errors


def _decode(path: Path, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        row = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            path.name,
            row,
            None,
            f"file is not UTF-8 (byte 0x{data[exc.start]:02x}); save it as 'CSV UTF-8' and try again",
        ) from None


def _sniff_delimiter(text: str) -> str:
    first = text.split("\n", 1)[0]
    if first.count(";") > first.count(",") and first.count(";") >= 1:
        return ";"
    if "\t" in first and "," not in first and ";" not in first:
        return "\t"
    return ","


def read_csv(path: Path, name: str) -> tuple[RawTable, list[InputError]]:
    """Read one CSV file (UTF-8, BOM allowed; ``,`` or ``;`` or tab separated, detected from the header)."""
    text = _decode(path, path.read_bytes())
    delimiter = _sniff_delimiter(text)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
    except csv.Error as exc:
        line = text.count("\n", 0, len(text)) + 1
        raise InputError(path.name, line, None, f"CSV cannot be parsed ({exc}); check the quotes") from None
    return _table(name, path.name, records)


def _read_folder(path: Path) -> tuple[dict[str, RawTable], list[str], list[InputError]]:
    tables: dict[str, RawTable] = {}
    warnings: list[str] = []
    errors: list[InputError] = []
    for file in sorted(path.iterdir()):
        if file.suffix.lower() != ".csv" or not file.is_file():
            continue
        name = normalize_header(file.stem)
        if name not in TABLES:
            warnings.append(f"{file.name}: not a dataset table, ignored (tables: {', '.join(TABLES)})")
            continue
        if name in tables:
            errors.append(InputError(file.name, 0, None, f"second file for table {name!r}; keep one"))
            continue
        try:
            table, problems = read_csv(file, name)
        except InputError as exc:
            errors.append(exc)
            continue
        tables[name] = table
        errors.extend(problems)
    return tables, warnings, errors


def _read_workbook(path: Path) -> tuple[dict[str, RawTable], list[str], list[InputError]]:
    from graphkit._excel import read_workbook  # openpyxl is only imported for workbooks

    return read_workbook(path)


def read_tables(path: str | Path) -> tuple[dict[str, RawTable], list[str]]:
    """Read every table of a dataset folder or workbook.

    Returns ``(tables, warnings)``; raises ``InputErrors`` listing every unreadable file or row.
    """
    path = Path(path)
    label = str(path)
    if not path.exists():
        raise InputErrors(
            [
                InputError(
                    label, 0, None, "no such file or folder: give a dataset folder of CSV files or an .xlsx"
                )
            ]
        )
    if path.is_file():
        if path.suffix.lower() not in {".xlsx", ".xlsm"}:
            raise InputErrors(
                [InputError(label, 0, None, "not a dataset: give a folder of CSV files or an .xlsx workbook")]
            )
        tables, warnings, errors = _read_workbook(path)
    else:
        tables, warnings, errors = _read_folder(path)
        if not tables and not errors:
            raise InputErrors(
                [
                    InputError(
                        label,
                        0,
                        None,
                        "no dataset files in this folder: it needs organizations.csv, agreements.csv "
                        "and parties.csv",
                    )
                ]
            )
    if errors:
        raise InputErrors(errors)
    return tables, warnings
