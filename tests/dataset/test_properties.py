"""Property-based tests (hypothesis) of the dataset reader, the validator and the region resolver.

Arbitrary bytes, text and cell values never crash them: the outcome is a result or a ``GraphkitError``
(for a dataset, ``InputErrors`` whose every error names a file and a row).
"""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

from graph_state import BASE, write_dataset, write_workbook
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from graphkit._errors import GraphkitError, InputError, InputErrors
from graphkit.dataset._read import read_tables
from graphkit.dataset._regions import Region, RegionError, resolve_region
from graphkit.dataset._schema import TABLES
from graphkit.dataset._validate import validate_dataset

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TABLE_FILES = sorted(BASE)

# Text that looks like what people type and what breaks parsers: delimiters, quotes, line breaks, BOMs,
# NULs, zero-width and right-to-left marks, digits and dots (region codes, dates), and anything else.
_SPICY = st.sampled_from(list(',;"\t\r\n \x00\ufeff\u200b\u202e\u00a0.-/:0123456789aAzZ\'{}$<>&é'))
_CHAR = st.characters(exclude_categories=("Cs",))  # a file decoded from UTF-8 holds no lone surrogates
TEXT = st.one_of(st.text(_CHAR), st.text(_SPICY), st.text(st.one_of(_SPICY, _CHAR)))
CELL = st.one_of(TEXT, st.from_regex(r"\A\d{2}(\.\d{1,3})?\Z"), st.from_regex(r"\A\d{4}-\d{1,2}-\d{1,2}\Z"))


def _check_errors(err: InputErrors, files: set[str]) -> None:
    assert err.errors and err.exit_code == 2
    for e in err.errors:
        assert isinstance(e, InputError)
        assert e.file and isinstance(e.row, int) and e.row >= 0, e
        assert e.file in files or e.row == 0, e
        assert "\n" not in e.line() and "\r" not in e.line(), e  # one line, whatever the input


def _folder(files: dict[str, str | bytes | None]) -> tuple[tempfile.TemporaryDirectory[str], Path]:
    tmp = tempfile.TemporaryDirectory()
    return tmp, write_dataset(Path(tmp.name) / "data", files)


@SETTINGS
@given(name=st.sampled_from(TABLE_FILES), data=st.binary(max_size=400))
@example(name="organizations.csv", data=b"\xff\xfei\x00d\x00")
@example(name="parties.csv", data=b'agreement_id,organization_id\n"mou-1\n')
def test_arbitrary_bytes_never_crash_the_reader(name: str, data: bytes) -> None:
    tmp, folder = _folder({name: data})
    with tmp:
        try:
            tables, warnings = read_tables(folder)
        except InputErrors as err:
            _check_errors(err, set(BASE))
            return
        assert set(tables) <= set(TABLES) and isinstance(warnings, list)
        for table in tables.values():
            assert all(number >= 2 for number, _ in table.rows)


@SETTINGS
@given(name=st.sampled_from(TABLE_FILES), text=TEXT)
def test_arbitrary_text_files_never_crash_the_validator(name: str, text: str) -> None:
    tmp, folder = _folder({name: text})
    with tmp:
        try:
            ds = validate_dataset(folder)
        except InputErrors as err:
            _check_errors(err, set(BASE))
            return
        assert ds.tables["organizations"] and ds.tables["agreements"]


def _cells(name: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(BASE[name])))


@SETTINGS
@given(name=st.sampled_from(TABLE_FILES), data=st.data(), value=CELL)
def test_any_value_in_any_cell_is_valid_or_located(name: str, data: st.DataObject, value: str) -> None:
    """One cell of the valid dataset replaced by anything: valid, or errors that name that file and row."""
    rows = _cells(name)
    r = data.draw(st.integers(1, len(rows) - 1), label="row")
    c = data.draw(st.integers(0, len(rows[0]) - 1), label="column")
    rows[r][c] = value
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    tmp, folder = _folder({name: buf.getvalue()})
    with tmp:
        try:
            ds = validate_dataset(folder)
        except InputErrors as err:
            _check_errors(err, set(BASE))
            if "\x00" not in value:  # a NUL makes the whole file unreadable (row of the NUL, or 0)
                assert all(e.row >= 1 for e in err.errors), err.lines()
            return
        assert sum(ds.counts().values()) >= 1


@SETTINGS
@given(cells=st.lists(st.lists(TEXT, min_size=3, max_size=3), min_size=1, max_size=6))
def test_quoted_csv_round_trips(cells: list[list[str]]) -> None:
    """Whatever a CSV writer quotes properly, the reader gives back cell for cell, with spreadsheet rows."""
    assume(all("\x00" not in c for row in cells for c in row))
    kept = [row for row in cells if any(c.strip() for c in row)]
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    writer.writerow(["id", "title", "note"])
    writer.writerows(cells)
    tmp, folder = _folder({"sources.csv": buf.getvalue()})
    with tmp:
        tables, _ = read_tables(folder)
    rows = tables["sources"].rows
    assert [list(r.values()) for _, r in rows] == kept
    blank = [i for i, row in enumerate(cells, 2) if not any(c.strip() for c in row)]
    assert [n for n, _ in rows] == [i for i in range(2, len(cells) + 2) if i not in blank]


@SETTINGS
@given(text=st.one_of(TEXT, st.text(), st.from_regex(r"\A(Kab\.?|Kota|Provinsi)? ?[A-Za-z ]{0,20}\Z"),
                      st.from_regex(r"\A\s*\d{2}\.?\d{0,2}(\.\d{2})?\s*\Z")))  # fmt: skip
@example(text="Tegal")
@example(text="33.1")
@example(text="\u200b33.28")
def test_resolver_returns_a_region_or_a_one_line_region_error(text: str) -> None:
    try:
        region = resolve_region(text)
    except RegionError as err:
        assert isinstance(err, GraphkitError) and err.exit_code == 2
        message = str(err)
        assert message and ("\n" not in message or "\n" in text)
        assert len(message) < 1000
        return
    assert isinstance(region, Region) and resolve_region(region.code) == region


@SETTINGS
@given(text=st.one_of(TEXT, st.sampled_from(["Tegal", "Malang", "33.1", "kab tegal", "DIY", "x" * 20_000])))
def test_resolver_through_the_validator_names_file_row_and_column(text: str) -> None:
    rows = _cells("placements.csv")
    rows[1][0] = text
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    tmp, folder = _folder({"placements.csv": buf.getvalue()})
    with tmp:
        try:
            ds = validate_dataset(folder)
        except InputErrors as err:
            _check_errors(err, set(BASE))
            if text.strip() and "\x00" not in text:
                assert [(e.file, e.row, e.column) for e in err.errors] == [("placements.csv", 2, "region")]
            return
        assert ds.tables["placements"][0]["region"] == resolve_region(text).code


_EXCEL_VALUE = st.one_of(
    st.none(), st.booleans(), st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False, allow_infinity=False),
    st.dates(), st.datetimes(), TEXT.map(lambda t: "".join(ch for ch in t if ch >= " " or ch in "\t\n\r")),
    st.sampled_from(["#REF!", "#N/A", "=1+1", " 33.28 ", 33.1, 3328, "Tegal"]),
)  # fmt: skip


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(["organizations", "agreements", "parties", "placements"]), data=st.data(),
       value=_EXCEL_VALUE)  # fmt: skip
def test_any_excel_cell_is_valid_or_located(name: str, data: st.DataObject, value: object) -> None:
    sheets: dict[str, list[list[object]]] = {
        n: [list(r) for r in csv.reader(io.StringIO(BASE[f"{n}.csv"]))]
        for n in ("organizations", "agreements", "parties", "placements")
    }
    rows = sheets[name]
    r = data.draw(st.integers(1, len(rows) - 1), label="row")
    c = data.draw(st.integers(0, len(rows[0]) - 1), label="column")
    rows[r][c] = value
    with tempfile.TemporaryDirectory() as tmp:
        book = write_workbook(Path(tmp) / "data.xlsx", sheets)
        try:
            ds = validate_dataset(book)
        except InputErrors as err:
            labels = {f"data.xlsx[{n}]" for n in [*sheets, "sources", "programs"]}
            _check_errors(err, labels)
            return
        assert ds.tables["parties"]


@SETTINGS
@given(data=st.binary(max_size=300))
@example(data=b"PK\x03\x04garbage")
def test_arbitrary_bytes_as_a_workbook_are_one_located_error(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "data.xlsx"
        path.write_bytes(data)
        try:
            validate_dataset(path)
        except InputErrors as err:
            assert [(e.file, e.row) for e in err.errors] == [("data.xlsx", 0)]
            assert err.errors[0].problem.endswith("open it in Excel and save it again as .xlsx")
            assert "\n" not in str(err)
        else:
            raise AssertionError("random bytes are not a workbook")
