"""Excel workbooks as datasets: one sheet per table, the sheet named like the CSV file's stem."""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path

from graphkit._errors import InputError
from graphkit.dataset._raw import RawTable, _table, normalize_header
from graphkit.dataset._schema import TABLES

__all__ = ["read_workbook"]

#: What Excel shows in a cell whose formula failed; a dataset value is never one of these.
EXCEL_ERRORS = frozenset(
    {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!"}
)


def _cell_text(value: object) -> str:
    """Excel gives typed cells; turn them back into the text a CSV would hold.

    >>> _cell_text(dt.datetime(2024, 3, 1)), _cell_text(2020.0), _cell_text(None), _cell_text(True)
    ('2024-03-01', '2020', '', 'true')
    """
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _formula_errors(table: RawTable) -> list[InputError]:
    """A cell showing ``#REF!`` or ``#N/A`` is a broken formula, not data."""
    errors = []
    for number, row in table.rows:
        for column, text in row.items():
            if text.strip().upper() in EXCEL_ERRORS:
                problem = f"the cell shows the Excel error {text.strip()}; fix the formula or type the value"
                errors.append(InputError(table.label, number, column, problem))
    return errors


def read_workbook(path: Path) -> tuple[dict[str, RawTable], list[str], list[InputError]]:
    """Read an ``.xlsx`` dataset; messages name ``file.xlsx[sheet]`` and the sheet's row."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a broken or encrypted file
        reason = " ".join(str(exc).split())[:200] or type(exc).__name__
        problem = f"cannot open the workbook ({reason}); open it in Excel and save it again as .xlsx"
        return {}, [], [InputError(path.name, 0, None, problem)]
    tables: dict[str, RawTable] = {}
    warnings: list[str] = []
    errors: list[InputError] = []
    try:
        for sheet in book.worksheets:
            name = normalize_header(sheet.title)
            label = f"{path.name}[{sheet.title}]"
            if name not in TABLES:
                close = difflib.get_close_matches(name, TABLES, n=1, cutoff=0.75)
                hint = f"; did you mean {close[0]}?" if close else f" (sheets: {', '.join(TABLES)})"
                warnings.append(f"{label}: not a dataset table, ignored{hint}")
                continue
            if name in tables:
                problem = f"second sheet for table {name!r} (also {tables[name].label}); keep one"
                errors.append(InputError(label, 0, None, problem))
                continue
            records = [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
            table, problems = _table(name, label, records)
            tables[name] = table
            errors.extend(problems)
            errors.extend(_formula_errors(table))
    finally:
        book.close()
    if not tables and not errors:
        problem = "no dataset sheets: name the sheets organizations, agreements, parties, ..."
        errors.append(InputError(path.name, 0, None, problem))
    return tables, warnings, errors
