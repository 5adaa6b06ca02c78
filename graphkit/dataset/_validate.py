"""Validating a dataset against the contract, all problems at once, before anything is written.

Every problem is an ``InputError`` located as ``file:row: column: problem`` (rows count like a spreadsheet,
the header is row 1) whose message says what to do. Identifiers are compared ignoring case: two ids that
differ only in case are duplicates, and a reference written in another case (``BP2MI`` for ``bp2mi``)
means the row it matches.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graphkit._errors import GraphkitError, InputError, InputErrors
from graphkit.dataset._read import RawTable, read_tables
from graphkit.dataset._schema import MAX_FIELD_LENGTH, SCOPES, TABLES, Column, Table
from graphkit.dataset._values import (
    enum_key,
    parse_bool,
    parse_date,
    parse_enum,
    parse_int,
    parse_list,
    parse_region,
)

__all__ = ["Dataset", "validate_dataset", "MAX_ERRORS"]

#: At most this many problems are reported (a wrong file can have thousands of rows, each wrong).
MAX_ERRORS = 1000
_NOUN = {
    "sources": "source",
    "agreements": "agreement",
    "organizations": "organization",
    "programs": "program",
}


@dataclass
class Dataset:
    """A validated dataset: typed rows per table (``row["_row"]`` is the source row number)."""

    path: Path
    tables: dict[str, list[dict[str, Any]]]
    labels: dict[str, str]
    warnings: list[str] = field(default_factory=list)

    @property
    def synthetic(self) -> bool:
        """True when any row says it is synthetic."""
        return any(r.get("synthetic") for rows in self.tables.values() for r in rows)

    def counts(self) -> dict[str, int]:
        return {name: len(rows) for name, rows in self.tables.items()}

    def summary(self) -> str:
        parts = ", ".join(f"{n} {name}" for name, n in self.counts().items() if n)
        kind = "synthetic dataset" if self.synthetic else "dataset"
        return f"{self.path}: valid {kind}: {parts or 'no rows'}"


def _convert(col: Column, value: str, scopes: dict[str, str]) -> Any:
    if col.type == "date":
        return parse_date(value)
    if col.type == "int":
        return parse_int(value)
    if col.type == "float":
        try:
            return float(value)
        except ValueError:
            raise ValueError(
                f"{value!r} is not a number; write digits with a decimal point, e.g. 6.87"
            ) from None
    if col.type == "bool":
        return parse_bool(value)
    if col.type == "enum":
        return parse_enum(col.name, value, col.choices)
    if col.type == "region":
        return parse_region(value)
    if col.type == "list":
        return parse_list(col.name, value, scopes if col.name == "scopes" else None) or None
    return value


def _missing_columns(table: Table, raw: RawTable) -> list[InputError]:
    errors = []
    unknown = [c for c in raw.columns if table.column(c) is None and not c.startswith("_blank")]
    for col in table.columns:
        if col.required and col.name not in raw.columns:
            close = difflib.get_close_matches(col.name, unknown, n=1, cutoff=0.6)
            found = ", ".join(raw.original.get(c, c) for c in raw.columns if not c.startswith("_blank"))
            hint = f"rename {raw.original.get(close[0], close[0])!r} to {col.name!r}" if close else (
                f"add a {col.name!r} column (the header row has: {found or 'nothing'})"
            )  # fmt: skip
            errors.append(
                InputError(raw.label, raw.header_row, col.name, f"required column is missing; {hint}")
            )
    return errors


def _type_row(table: Table, raw: RawTable, number: int, cells: dict[str, str], scopes: dict[str, str],
              errors: list[InputError], columns: dict[str, Column]) -> dict[str, Any] | None:  # fmt: skip
    row: dict[str, Any] = {"_row": number}
    ok = True
    for name, text in cells.items():
        value = text.strip()
        col = columns.get(name)
        if len(value) > MAX_FIELD_LENGTH:
            problem = f"value is {len(value):,} characters long (limit {MAX_FIELD_LENGTH:,}); shorten it"
            errors.append(InputError(raw.label, number, name, problem))
            ok = False
            continue
        if col is None:  # unknown column: kept as a text property
            if value:
                row[name] = value
            continue
        if not value:
            if col.required:
                errors.append(InputError(raw.label, number, name, "required value is empty; fill it in"))
                ok = False
            continue
        try:
            typed = _convert(col, value, scopes)
        except (ValueError, GraphkitError) as exc:
            errors.append(InputError(raw.label, number, name, str(exc)))
            ok = False
            continue
        if typed is not None:
            row[name] = typed
    if table.name == "scopes" and ok:
        row["id"] = enum_key(row["id"])  # agreements name scopes in this spelling
    return row if ok else None


def _show(value: Any) -> str:
    """A value for a one-line message: as written when plain, else quoted with escapes, long text cut.

    >>> _show("bp2mi"), _show("a\\nb"), _show(2020)
    ('bp2mi', "'a\\\\nb'", '2020')
    """
    text = str(value)
    if len(text) > 60:
        return repr(text[:57] + "...")
    return text if text.isprintable() and text.strip() == text and text else repr(text)


def _fold(value: Any) -> Any:
    return value.casefold() if isinstance(value, str) else value


def _type_table(table: Table, raw: RawTable, scopes: dict[str, str], errors: list[InputError]) -> list[dict]:
    header = _missing_columns(table, raw)
    errors.extend(header)
    if header or any(e.file == raw.label and e.row == raw.header_row for e in errors):
        return []
    rows: list[dict] = []
    seen: dict[tuple, tuple[int, tuple]] = {}
    columns = {c.name: c for c in table.all_columns()}
    for number, cells in raw.rows:
        row = _type_row(table, raw, number, cells, scopes, errors, columns)
        if row is None:
            continue
        key = tuple(row.get(k) for k in table.key)
        folded = tuple(_fold(v) for v in key)
        if folded in seen:
            first, written = seen[folded]
            given = [(k, v) for k, v in zip(table.key, key, strict=True) if v is not None]  # optional parts
            what = " and ".join(f"{k} {_show(v)}" for k, v in given)
            shown = " and ".join(_show(v) for v in written if v is not None)
            case = "" if written == key else f" as {shown}; ids ignore case"
            problem = f"duplicate {what} (first at row {first}{case}); keep one row"
            errors.append(InputError(raw.label, number, "+".join(k for k, _ in given), problem))
            continue
        seen[folded] = (number, key)
        rows.append(row)
    if not rows and not raw.rows and table.required_file:
        noun = table.name.rstrip("s") if table.name != "parties" else "party"
        problem = f"the file has a header but no data rows; add at least one {noun} below the header"
        errors.append(InputError(raw.label, 0, None, problem))
    return rows


def _resolve_refs(ds: dict[str, list[dict]], labels: dict[str, str], errors: list[InputError]) -> None:
    """Check every reference; one written in another case than the id it matches is rewritten to it."""
    keys: dict[str, dict[str, str]] = {
        name: {_fold(r["id"]): r["id"] for r in rows}
        for name, rows in ds.items()
        if TABLES[name].key == ("id",)
    }
    for name, rows in ds.items():
        for col in TABLES[name].columns:
            if not col.ref:
                continue
            ids = keys.get(col.ref, {})
            for row in rows:
                value = row.get(col.name)
                if value is None:
                    continue
                if _fold(value) in ids:
                    row[col.name] = ids[_fold(value)]
                    continue
                close = difflib.get_close_matches(_fold(value), ids, n=1, cutoff=0.8)
                hint = f"did you mean {ids[close[0]]!r}? " if close else ""
                where = TABLES[col.ref].filename if labels[col.ref].endswith(".csv") else labels[col.ref]
                problem = f"unknown {_NOUN[col.ref]} {value!r}: {hint}add it to {where} or fix the id"
                errors.append(InputError(labels[name], row["_row"], col.name, problem))


def _check_rows(ds: dict[str, list[dict]], labels: dict[str, str], errors: list[InputError]) -> None:
    _resolve_refs(ds, labels, errors)
    sources = {r["id"] for r in ds.get("sources", [])}
    for row in ds.get("agreements", []):
        for extra in row.get("source_ids", []):
            if extra not in sources:
                problem = f"unknown source {extra!r}: add it to sources.csv or fix the id"
                errors.append(InputError(labels["agreements"], row["_row"], "source_ids", problem))
    for row in ds.get("agreements", []):
        if "expires_on" in row and row["expires_on"] < row["signed_on"]:
            problem = f"{row['expires_on']} is before signed_on {row['signed_on']}; check both dates"
            errors.append(InputError(labels["agreements"], row["_row"], "expires_on", problem))
    _check_placement_totals(ds.get("placements", []), labels["placements"], errors)
    for row in ds.get("placements", []):
        if row["workers"] < 0:
            problem = f"{row['workers']} is negative; write the number of workers placed (0 or more)"
            errors.append(InputError(labels["placements"], row["_row"], "workers", problem))
        if not 1900 <= row["year"] <= 2100:
            problem = f"{row['year']} is not a plausible year; write a year between 1900 and 2100"
            errors.append(InputError(labels["placements"], row["_row"], "year", problem))
    _check_cycles(ds.get("agreements", []), labels["agreements"], errors)


def _check_placement_totals(placements: list[dict], label: str, errors: list[InputError]) -> None:
    """A region/year given as a total (no destination) must not also be broken down by destination."""
    first_by_destination: dict[tuple[str, int], int] = {}
    for row in placements:
        if "destination" in row:
            first_by_destination.setdefault((row["region"], row["year"]), row["_row"])
    for row in placements:
        first = first_by_destination.get((row["region"], row["year"]))
        if "destination" not in row and first is not None:
            problem = (
                f"empty, so this row is the total of region {row['region']} for {row['year']}, but that "
                f"region and year also have rows by destination (first at row {first}) and its workers "
                "would count twice; fill in this row's destination or remove the row"
            )
            errors.append(InputError(label, row["_row"], "destination", problem))


def _check_cycles(agreements: list[dict], label: str, errors: list[InputError]) -> None:
    parent = {r["id"]: r.get("parent_id") for r in agreements}
    rownum = {r["id"]: r["_row"] for r in agreements}
    reported: set[str] = set()
    for start in parent:
        path: list[str] = []
        on_path: set[str] = set()
        node: str | None = start
        while node is not None and node in parent and node not in on_path and node not in reported:
            path.append(node)
            on_path.add(node)
            node = parent[node]
        if node is not None and node in on_path:
            cycle = path[path.index(node) :]
            reported.update(cycle)
            chain = " -> ".join(map(_show, [*cycle, node]))
            problem = f"cycle {chain}: an agreement cannot be under itself; clear or fix one parent_id"
            errors.append(InputError(label, rownum[cycle[0]], "parent_id", problem))
        reported.update(path)


def _unparented(ds: dict[str, list[dict]], labels: dict[str, str]) -> list[str]:
    with_party = {r["agreement_id"] for r in ds.get("parties", [])}
    return [
        f"{labels['agreements']}:{r['_row']}: agreement {r['id']!r} has no row in parties; it is loaded "
        "without parties"
        for r in ds.get("agreements", [])
        if r["id"] not in with_party
    ]


def _table_label(path: Path, name: str) -> str:
    return f"{path.name}[{name}]" if path.is_file() else TABLES[name].filename


def validate_dataset(path: str | Path) -> Dataset:
    """Read and validate a dataset folder or workbook, reporting every problem at once.

    Parameters
    ----------
    path : str or Path
        A folder of CSV files (``organizations.csv``, ``agreements.csv``, ``parties.csv``, ...) or an
        ``.xlsx`` workbook with one sheet per table.

    Returns
    -------
    Dataset
        Typed rows per table: dates as ``datetime.date``, regions as Kemendagri codes, lists split.

    Raises
    ------
    InputErrors
        With one ``InputError`` (``file:row: column: problem``) per problem found.
    """
    path = Path(path)
    raw, warnings = read_tables(path)
    errors: list[InputError] = []
    for table in TABLES.values():
        if table.required_file and table.name not in raw:
            problem = "file is missing: a dataset needs organizations, agreements and parties; add it"
            errors.append(InputError(_table_label(path, table.name), 0, None, problem))
    for table in TABLES.values():
        if not table.required_file and table.name in raw and not raw[table.name].rows:
            warnings.append(f"{raw[table.name].label}: no data rows, only the header")
    scopes = dict(SCOPES)
    typed: dict[str, list[dict]] = {}
    labels = {name: raw[name].label if name in raw else _table_label(path, name) for name in TABLES}
    if "scopes" in raw:
        typed["scopes"] = _type_table(TABLES["scopes"], raw["scopes"], scopes, errors)
        scopes.update({r["id"]: r["name"] for r in typed["scopes"]})
    for name, table in TABLES.items():
        if name != "scopes":
            typed[name] = _type_table(table, raw[name], scopes, errors) if name in raw else []
    typed = {name: typed.get(name, []) for name in TABLES}
    if not errors:
        _check_rows(typed, labels, errors)
    if errors:
        if len(errors) > MAX_ERRORS:
            hidden = len(errors) - MAX_ERRORS
            more = InputError(str(path), 0, None, f"{hidden:,} more problems not shown; fix these first")
            errors = [*errors[:MAX_ERRORS], more]
        raise InputErrors(errors)
    return Dataset(path, typed, labels, warnings + _unparented(typed, labels))
