"""Excel workbooks as datasets: one sheet per table, the sheet named like the CSV file's stem."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from graphkit._dataset import RawTable, _table, normalize_header
from graphkit._errors import InputError
from graphkit._schema import TABLES

__all__ = ["read_workbook"]


def _cell_text(value: object) -> str:
    """Excel gives typed cells; turn them back into the text a CSV would hold."""
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


def read_workbook(path: Path) -> tuple[dict[str, RawTable], list[str], list[InputError]]:
    """Read an ``.xlsx`` dataset; messages name ``file.xlsx[sheet]`` and the sheet's row."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a broken file
        return (
            {},
            [],
            [InputError(path.name, 0, None, f"cannot open the workbook ({exc}); save it again as .xlsx")],
        )
    tables: dict[str, RawTable] = {}
    warnings: list[str] = []
    errors: list[InputError] = []
    try:
        for sheet in book.worksheets:
            name = normalize_header(sheet.title)
            label = f"{path.name}[{sheet.title}]"
            if name not in TABLES:
                warnings.append(f"{label}: not a dataset table, ignored (sheets: {', '.join(TABLES)})")
                continue
            records = [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
            table, problems = _table(name, label, records)
            tables[name] = table
            errors.extend(problems)
    finally:
        book.close()
    if not tables and not errors:
        errors.append(
            InputError(path.name, 0, None, "no dataset sheets: name sheets organizations, agreements, ...")
        )
    return tables, warnings, errors
