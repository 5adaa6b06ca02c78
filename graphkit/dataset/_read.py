"""Reading a dataset (a folder of CSV files, or one .xlsx workbook) into raw string tables.

Nothing here knows what the columns mean: that is ``_validate``. This module only turns bytes into
``RawTable`` objects and reports, as ``InputError``, what makes a file unreadable. Every message says
what to do, and rows count like a spreadsheet (the header is row 1).
"""

from __future__ import annotations

import codecs
import csv
import difflib
import io
import re
from pathlib import Path

from graphkit._errors import InputError, InputErrors
from graphkit.dataset._raw import RawTable, _table, normalize_header
from graphkit.dataset._schema import TABLES

__all__ = ["RawTable", "read_tables", "read_csv", "normalize_header"]

_SEP_LINE = re.compile(r"^sep=(.)\r?$")  # Excel's "sep=;" first line
_WORKBOOKS = {".xlsx", ".xlsm"}
_OTHER_SHEETS = {".xls": "old Excel 97-2003", ".ods": "OpenDocument", ".numbers": "Apple Numbers"}


def _decode(label: str, data: bytes) -> str:
    """UTF-8 text of a CSV file (a BOM is dropped); anything else is an InputError saying how to save it."""
    save = "save it as 'CSV UTF-8 (Comma delimited)' and try again"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(label, 0, None, f"file is UTF-16 text (Excel 'Unicode Text'), not UTF-8; {save}")
    if data.startswith(b"PK\x03\x04"):
        raise InputError(
            label, 0, None, "file is an Excel workbook with a .csv name; rename it .xlsx or " + save
        )
    nul = data.find(b"\x00")
    if nul >= 0:
        row = data.count(b"\n", 0, nul) + 1
        raise InputError(label, row, None, f"file contains NUL bytes (binary or UTF-16 data); {save}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        row = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            label, row, None, f"file is not UTF-8 (byte 0x{data[exc.start]:02x}); {save}"
        ) from None


def _sniff_delimiter(header: str) -> str:
    """The delimiter of a CSV file, from its header line: ``,`` (default), ``;`` or tab.

    >>> _sniff_delimiter("id;name;type"), _sniff_delimiter("id,name"), _sniff_delimiter("id\\tname")
    (';', ',', '\\t')
    """
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


_CLOSE = 'a quoted value starting in this row is never closed; add the closing quote (")'
_TWICE = 'text follows a closing quote; inside a quoted value write a quote as two quotes ("")'
_LONG = (
    f"a value is longer than {csv.field_size_limit():,} characters (an unclosed quote?); "
    "shorten it or close the quote"
)
_CSV_HINTS = (("unexpected end of data", _CLOSE), ("expected after", _TWICE), ("field larger than", _LONG))


def _parse(label: str, text: str, delimiter: str, first_row: int) -> list[list[str]]:
    """csv.reader over ``text``; a parse error names the spreadsheet row where the bad record starts."""
    records: list[list[str]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        for record in reader:
            records.append(record)
    except csv.Error as exc:
        message = str(exc)
        default = f"the CSV cannot be parsed ({message}); check the quotes"
        hint = next((h for key, h in _CSV_HINTS if key in message), default)
        raise InputError(label, first_row + len(records), None, hint) from None
    return records


def read_csv(path: Path, name: str) -> tuple[RawTable, list[InputError]]:
    """Read one CSV file (UTF-8, BOM allowed; ``,`` or ``;`` or tab separated, detected from the header).

    A first line ``sep=;`` (written by Excel) sets the delimiter; the header is then row 2.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(
            path.name, 0, None, f"cannot read the file ({exc.strerror}); check its permissions"
        ) from None
    text = _decode(path.name, data)
    first_line, _, rest = text.partition("\n")
    sep = _SEP_LINE.match(first_line)
    if sep:
        return _table(name, path.name, _parse(path.name, rest, sep.group(1), 2), 2, sep.group(1))
    delimiter = _sniff_delimiter(first_line)
    return _table(name, path.name, _parse(path.name, text, delimiter, 1), 1, delimiter)


def _table_name(stem: str) -> tuple[str, str]:
    """(table name or "", hint) for a file stem: ``"Organisations"`` -> ``("", "; did you mean ...?")``."""
    name = normalize_header(stem)
    if name in TABLES:
        return name, ""
    close = difflib.get_close_matches(name, TABLES, n=1, cutoff=0.75)
    return "", f"; did you mean {close[0]}?" if close else f" (tables: {', '.join(TABLES)})"


def _read_folder(path: Path) -> tuple[dict[str, RawTable], list[str], list[InputError]]:
    tables: dict[str, RawTable] = {}
    warnings: list[str] = []
    errors: list[InputError] = []
    try:
        files = sorted(path.iterdir())
    except OSError as exc:
        return {}, [], [InputError(str(path), 0, None, f"cannot list the folder ({exc.strerror}); check it")]
    for file in files:
        if file.suffix.lower() != ".csv" or not file.is_file():
            continue
        name, hint = _table_name(file.stem)
        if not name:
            warnings.append(f"{file.name}: not a dataset table, ignored{hint}")
            continue
        if name in tables:
            problem = f"second file for table {name!r} (also {tables[name].label}); keep one"
            errors.append(InputError(file.name, 0, None, problem))
            continue
        try:
            table, problems = read_csv(file, name)
        except InputError as exc:
            errors.append(exc)
            continue
        tables[name] = table
        errors.extend(problems)
    return tables, warnings, errors


def _not_a_dataset(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return f"this is one CSV file: give the folder that holds the dataset's files ({path.parent})"
    if suffix in _OTHER_SHEETS:
        return f"{_OTHER_SHEETS[suffix]} files are not read: save it as an Excel Workbook (.xlsx)"
    return "not a dataset: give a folder of CSV files or an .xlsx workbook"


def _empty_folder(path: Path) -> str:
    books = sorted(p.name for p in path.glob("*") if p.suffix.lower() in _WORKBOOKS)
    if books:
        return f"no CSV files in this folder; to load the workbook give its path: {path / books[0]}"
    return "no dataset files in this folder: it needs organizations.csv, agreements.csv and parties.csv"


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
        if path.suffix.lower() not in _WORKBOOKS:
            raise InputErrors([InputError(label, 0, None, _not_a_dataset(path))])
        from graphkit.dataset._excel import read_workbook  # openpyxl is only imported for workbooks

        tables, warnings, errors = read_workbook(path)
    else:
        tables, warnings, errors = _read_folder(path)
        if not tables and not errors:
            raise InputErrors([InputError(label, 0, None, _empty_folder(path))])
    if errors:
        raise InputErrors(errors)
    return tables, warnings
