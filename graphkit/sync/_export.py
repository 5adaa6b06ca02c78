"""Exporting the graph back as a dataset: a folder of CSV files, or one ``.xlsx`` workbook.

The export is the inverse of a load: loading it gives the same graph (``load(export(load(A))) ==
load(A)``). It writes the eight tables of docs/DESIGN.md §1 (header row even when a table is empty),
plus ``scopes`` only for scopes that differ from the shipped list; never the reference regions or their
``reference-regions`` source. Unknown columns, which a load keeps as properties, come back as columns.

Cells are text: dates ``YYYY-MM-DD``, lists ``;``-joined, booleans ``true``/``false``. An agreement
whose expiry was assumed (no ``expires_on`` in its dataset) gets an empty ``expires_on``, so the reload
assumes it again (with ``--term-years`` as in the first load). Workbook cells are text cells, so
``33.28`` or ``007`` stay text.

Formula injection: a text cell starting with ``=``, ``+``, ``-``, ``@``, tab or CR gets a leading ``'``
(:func:`graphkit._output.neutralize`) in CSV and in the workbook, and no workbook cell is ever a
formula. The ``'`` is kept on reload: such a value comes back as ``'=...``, never silently as the
original formula text. Data that must round-trip exactly should not start with those characters.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from graphkit._errors import InputError, InputErrors
from graphkit._output import neutralize
from graphkit.dataset._schema import SCOPES, TABLE_ORDER, TABLES
from graphkit.store._db import Graph, connect
from graphkit.sync._model import REFERENCE_SOURCE

__all__ = ["export_dataset", "export_cell", "export_tables", "EXCEL_MAX_ROWS"]

#: Rows an Excel sheet holds, header included.
EXCEL_MAX_ROWS = 1_048_576
_NODE_TABLES = {
    "organizations": "export/organizations",
    "agreements": "export/agreements",
    "programs": "export/programs",
    "follow_ups": "export/follow_ups",
    "placements": "export/placements",
}
#: Properties the loader derives (not dataset columns), dropped from the export.
_DERIVED = {"agreements": ("expiry_assumed",), "placements": ("id",)}
_NOT_FOLDERS = {".csv", ".xls", ".xlsm", ".xlsb", ".ods", ".json", ".txt"}

Table = tuple[list[str], list[list[str]]]


def _plain(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return ";".join(_plain(v) for v in value)
    return str(value)


def export_cell(value: Any) -> str:
    """One exported cell as text; text (and lists) neutralised against formula injection.

    >>> [export_cell(v) for v in (None, True, 2023, dt.date(2024, 3, 14), ["a", "b"], [], "=1+1")]
    ['', 'true', '2023', '2024-03-14', 'a;b', '', "'=1+1"]
    """
    text = _plain(value)
    return text if isinstance(value, bool | int | float | dt.date) else neutralize(text)


def _node_rows(graph: Graph) -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, list[dict[str, Any]]] = {}
    rows["sources"] = [r["props"] for r in graph.read("export/sources", reference=REFERENCE_SOURCE["id"])]
    rows["scopes"] = [
        {"id": r["id"], "name": r["name"]}
        for r in graph.read("export/scopes")
        if SCOPES.get(r["id"]) != r["name"]
    ]
    for name, query in _NODE_TABLES.items():
        rows[name] = [r["props"] for r in graph.read(query)]
    for row in rows["agreements"]:
        if row.get("expiry_assumed"):
            row.pop("expires_on", None)
    for name, drop in _DERIVED.items():
        for row in rows[name]:
            for prop in drop:
                row.pop(prop, None)
    rows["parties"] = [
        {"agreement_id": r["agreement_id"], "organization_id": r["organization_id"], **r["props"]}
        for r in graph.read("export/parties")
    ]
    rows["program_regions"] = [
        {"program_id": r["program_id"], "region": r["region"], **r["props"]}
        for r in graph.read("export/program_regions")
    ]
    return rows


def _columns(name: str, rows: list[dict[str, Any]]) -> list[str]:
    """Contract columns always; ``note``/``synthetic`` and unknown columns when some row has them."""
    table = TABLES[name]
    columns = [c.name for c in table.columns]
    present = {k for row in rows for k, v in row.items() if v is not None}
    columns += [c.name for c in table.common if c.name in present]
    columns += sorted(present - set(columns))
    return columns


def export_tables(graph: Graph) -> dict[str, Table]:
    """Read the graph into dataset tables: ``{name: (columns, rows of text cells)}`` in table order.

    Every §1 table is present (possibly without rows); ``scopes`` only when the graph has scopes that
    are not in the shipped list (or that rename a shipped one).
    """
    raw = _node_rows(graph)
    tables: dict[str, Table] = {}
    for name in TABLE_ORDER:
        rows = raw.get(name, [])
        if name == "scopes" and not rows:
            continue
        columns = _columns(name, rows)
        tables[name] = (columns, [[export_cell(row.get(c)) for c in columns] for row in rows])
    return tables


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextmanager
def _replacing(target: Path, suffix: str) -> Iterator[Path]:
    """A temporary file next to ``target`` that replaces it atomically when the block succeeds."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=suffix, dir=target.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it private; a dataset file is not
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _write_folder(out: Path, tables: dict[str, Table]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, (columns, rows) in tables.items():
        with _replacing(out / f"{name}.csv", ".csv") as tmp:
            with tmp.open("w", encoding="utf-8", newline="") as f:
                writer = csv.writer(f, lineterminator="\n")
                writer.writerow(columns)
                writer.writerows(rows)
    stale = out / TABLES["scopes"].filename
    if "scopes" not in tables and stale.is_file():
        stale.unlink()  # left by an earlier export: it would add its scopes to a reload


def _write_workbook(out: Path, tables: dict[str, Table]) -> None:
    import openpyxl
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.utils.exceptions import IllegalCharacterError

    too_big = [
        InputError(
            f"{out.name}[{name}]",
            0,
            None,
            f"{len(rows):,} rows do not fit in an Excel sheet ({EXCEL_MAX_ROWS - 1:,} at most); "
            "export to a folder of CSV files instead",
        )
        for name, (_, rows) in tables.items()
        if len(rows) >= EXCEL_MAX_ROWS
    ]
    if too_big:
        raise InputErrors(too_big)
    out.parent.mkdir(parents=True, exist_ok=True)
    book = openpyxl.Workbook(write_only=True)
    for name, (columns, rows) in tables.items():
        sheet = book.create_sheet(name)
        for number, cells in enumerate([columns, *rows], 1):
            line = []
            for column, text in zip(columns, cells, strict=True):
                try:
                    cell = WriteOnlyCell(sheet, value=text)
                except IllegalCharacterError:
                    raise InputError(
                        f"{out.name}[{name}]",
                        number,
                        column,
                        "holds a control character that Excel cannot store; export to a CSV folder instead",
                    ) from None
                cell.data_type = "s"  # text, never a formula, number or error code
                cell.number_format = "@"  # and Excel keeps an edited cell as text
                line.append(cell)
            sheet.append(line)
    with _replacing(out, ".xlsx") as tmp:
        book.save(tmp)


def _writer(out: Path) -> Callable[[Path, dict[str, Table]], None]:
    """Pick the output form from ``out``'s suffix; refuse paths that cannot be that form."""
    if out.suffix.lower() == ".xlsx":
        if out.is_dir():
            raise InputError(
                str(out), 0, None, "is a folder; give a .xlsx file name or a folder without .xlsx"
            )
        return _write_workbook
    if out.suffix.lower() in _NOT_FOLDERS:
        raise InputError(
            str(out),
            0,
            None,
            "export writes one .xlsx workbook or a folder of CSV files; use OUT.xlsx or OUT_DIR",
        )
    if out.exists() and not out.is_dir():
        raise InputError(str(out), 0, None, "is a file; give a folder for CSV files or a .xlsx file name")
    return _write_folder


def export_dataset(out: str | Path, *, graph: Graph | None = None) -> dict[str, int]:
    """Write the graph as a dataset that loads back into the same graph.

    Parameters
    ----------
    out : str or Path
        ``NAME.xlsx``: one workbook, one sheet per table (replaced if it exists). Anything else: a
        folder of CSV files (created if missing; files of the table names are replaced, other files
        left alone, and a ``scopes.csv`` that this export does not write is removed).
    graph : Graph, optional
        Where to read; by default :func:`connect` (the embedded database unless ``NEO4J_URI`` is set).

    Returns
    -------
    dict
        Rows written per table, in table order (``scopes`` is 0 when only shipped scopes are used).

    Raises
    ------
    InputError, InputErrors
        ``out`` cannot be written in the form its name asks for, or a table does not fit in Excel.
    """
    out = Path(out)
    write = _writer(out)
    own = graph is None
    graph = graph or connect()
    try:
        tables = export_tables(graph)
    finally:
        if own:
            graph.close()
    write(out, tables)
    return {name: len(tables[name][1]) if name in tables else 0 for name in TABLE_ORDER}
