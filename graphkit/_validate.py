"""Validating a dataset against the contract, all problems at once, before anything is written."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graphkit._dataset import RawTable, read_tables
from graphkit._errors import GraphkitError, InputError, InputErrors
from graphkit._regions import resolve_region
from graphkit._schema import MAX_FIELD_LENGTH, SCOPES, TABLES, Column, Table

__all__ = ["Dataset", "validate_dataset"]

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_TRUE = {"true", "yes", "y", "1", "ya", "benar"}
_FALSE = {"false", "no", "n", "0", "tidak", "salah"}
_MAX_ERRORS = 1000


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


def _enum(value: str) -> str:
    return re.sub(r"[\s\-]+", "_", value.strip().casefold())


def _date(value: str) -> dt.date:
    if not _ISO_DATE.match(value):
        hint = ""
        m = _DMY.match(value)
        if m:
            hint = f" (did you mean {m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}?)"
        raise ValueError(f"{value!r} is not a date in YYYY-MM-DD form{hint}")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(
            f"{value!r} is not a real date: write YYYY-MM-DD with a valid month and day"
        ) from None


def _convert(col: Column, value: str, scopes: dict[str, str]) -> Any:
    if col.type == "date":
        return _date(value)
    if col.type == "int":
        try:
            return int(value.replace("_", ""))
        except ValueError:
            raise ValueError(f"{value!r} is not a whole number") from None
    if col.type == "float":
        try:
            return float(value)
        except ValueError:
            raise ValueError(f"{value!r} is not a number") from None
    if col.type == "bool":
        low = value.casefold()
        if low in _TRUE | _FALSE:
            return low in _TRUE
        raise ValueError(f"{value!r} is not true or false")
    if col.type == "enum":
        low = _enum(value)
        if low not in col.choices:
            raise ValueError(f"unknown {col.name} {value!r}: use one of {', '.join(col.choices)}")
        return low
    if col.type == "region":
        return resolve_region(value).code
    if col.type == "list":
        items = [item.strip() for item in value.split(";") if item.strip()]
        if col.name == "scopes":
            items = [_enum(i) for i in items]
            unknown = [i for i in items if i not in scopes]
            if unknown:
                raise ValueError(
                    f"unknown scope {unknown[0]!r}: use one of {', '.join(scopes)} or add it to scopes.csv"
                )
        return items
    return value


def _type_table(table: Table, raw: RawTable, scopes: dict[str, str], errors: list[InputError]) -> list[dict]:
    label = raw.label
    for col in table.columns:
        if col.required and col.name not in raw.columns:
            errors.append(
                InputError(label, 1, col.name, f"required column is missing; add a {col.name!r} column")
            )
    if any(e.file == label and e.row == 1 for e in errors):
        return []
    rows: list[dict] = []
    seen: dict[tuple, int] = {}
    for number, cells in raw.rows:
        row: dict[str, Any] = {"_row": number}
        ok = True
        for name, text in cells.items():
            value = text.strip()
            col = table.column(name)
            if len(value) > MAX_FIELD_LENGTH:
                errors.append(
                    InputError(
                        label,
                        number,
                        name,
                        f"value is {len(value)} characters long (limit {MAX_FIELD_LENGTH}); shorten it",
                    )
                )
                ok = False
                continue
            if col is None:  # unknown column: kept as a text property
                if value:
                    row[name] = value
                continue
            if not value:
                if col.required:
                    errors.append(InputError(label, number, name, "required value is empty; fill it in"))
                    ok = False
                continue
            try:
                row[name] = _convert(col, value, scopes)
            except (ValueError, GraphkitError) as exc:
                errors.append(InputError(label, number, name, str(exc)))
                ok = False
        if not ok:
            continue
        key = tuple(row.get(k) for k in table.key)
        if key in seen:
            what = " and ".join(f"{k} {v!s}" for k, v in zip(table.key, key, strict=True))
            keyname = "+".join(table.key)
            errors.append(
                InputError(
                    label, number, keyname, f"duplicate {what} (first at row {seen[key]}); keep one row"
                )
            )
            continue
        seen[key] = number
        rows.append(row)
    return rows


def _check_rows(ds: dict[str, list[dict]], labels: dict[str, str], errors: list[InputError]) -> None:
    keys = {
        name: {r["id"] for r in rows if "id" in r} for name, rows in ds.items() if TABLES[name].key == ("id",)
    }
    for name, rows in ds.items():
        table = TABLES[name]
        for row in rows:
            for col in table.columns:
                if col.ref and col.name in row and row[col.name] not in keys.get(col.ref, set()):
                    hint = f"add it to {TABLES[col.ref].filename} or fix the id"
                    problem = f"unknown {col.ref.rstrip('s')} {row[col.name]!r}: {hint}"
                    errors.append(InputError(labels[name], row["_row"], col.name, problem))
    for row in ds.get("agreements", []):
        if "expires_on" in row and row["expires_on"] < row["signed_on"]:
            problem = f"{row['expires_on']} is before signed_on {row['signed_on']}; check both dates"
            errors.append(InputError(labels["agreements"], row["_row"], "expires_on", problem))
    for row in ds.get("placements", []):
        if row["workers"] < 0:
            errors.append(InputError(labels["placements"], row["_row"], "workers", "must not be negative"))
        if not 1900 <= row["year"] <= 2100:
            errors.append(
                InputError(
                    labels["placements"], row["_row"], "year", f"{row['year']} is not a plausible year"
                )
            )
    _check_cycles(ds.get("agreements", []), labels.get("agreements", "agreements.csv"), errors)


def _check_cycles(agreements: list[dict], label: str, errors: list[InputError]) -> None:
    parent = {r["id"]: r.get("parent_id") for r in agreements}
    rownum = {r["id"]: r["_row"] for r in agreements}
    reported: set[str] = set()
    for start in parent:
        path: list[str] = []
        node: str | None = start
        while node is not None and node in parent and node not in path:
            path.append(node)
            node = parent[node]
        if node is not None and node in path:
            cycle = path[path.index(node) :]
            if not reported.intersection(cycle):
                reported.update(cycle)
                chain = " -> ".join([*cycle, node])
                errors.append(
                    InputError(
                        label,
                        rownum[cycle[0]],
                        "parent_id",
                        f"cycle {chain}: an agreement cannot be under itself",
                    )
                )


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
    raw, warnings = read_tables(path)
    errors: list[InputError] = []
    for table in TABLES.values():
        if table.required_file and table.name not in raw:
            where = next(iter(raw.values())).label.split("[")[0] if raw else str(path)
            errors.append(
                InputError(
                    table.filename if not str(where).endswith(".xlsx") else f"{where}[{table.name}]",
                    0,
                    None,
                    "table is missing: a dataset needs organizations, agreements and parties",
                )
            )
    scopes = dict(SCOPES)
    typed: dict[str, list[dict]] = {}
    labels = {name: TABLES[name].filename for name in TABLES}
    if "scopes" in raw:
        typed["scopes"] = _type_table(TABLES["scopes"], raw["scopes"], scopes, errors)
        scopes.update({_enum(r["id"]): r["name"] for r in typed["scopes"]})
    for name, table in TABLES.items():
        if name in raw:
            labels[name] = raw[name].label
            if name != "scopes":
                typed[name] = _type_table(table, raw[name], scopes, errors)
        else:
            typed[name] = []
    if not errors:
        _check_rows(typed, labels, errors)
    if errors:
        raise InputErrors(errors[:_MAX_ERRORS])
    return Dataset(Path(path), typed, labels, warnings)
