"""graphkit.dataset._read and ._excel: files and workbooks into raw tables, spreadsheet row numbers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from graph_state import BASE, write_dataset, write_workbook

from graphkit._errors import InputErrors
from graphkit.dataset._read import normalize_header, read_csv, read_tables
from graphkit.dataset._validate import validate_dataset


def _errors(path: Path) -> list[str]:
    with pytest.raises(InputErrors) as err:
        read_tables(path)
    return err.value.lines()


def _write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8", newline="")
    return path


@pytest.mark.parametrize(
    ("written", "name"),
    [(" Signed On ", "signed_on"), ("SIGNED-ON", "signed_on"), ("organization_id", "organization_id"),
     ("Agreement ID", "agreement_id"), ("  ", ""), ("Nama/Instansi (opsional)", "nama_instansi_opsional")],
)  # fmt: skip
def test_header_names_are_matched_loosely(written: str, name: str) -> None:
    assert normalize_header(written) == name


def test_rows_count_like_a_spreadsheet(tmp_path: Path) -> None:
    """A quoted value over two lines is one spreadsheet row; blank lines count but give no row."""
    text = 'id,title\r\na,"two\r\nlines"\r\n\r\nb,plain\r\n , \r\nc,"say ""hi"""\r\n'
    table, errors = read_csv(_write(tmp_path / "sources.csv", text), "sources")
    assert errors == []
    assert table.rows == [
        (2, {"id": "a", "title": "two\r\nlines"}),
        (4, {"id": "b", "title": "plain"}),
        (6, {"id": "c", "title": 'say "hi"'}),
    ]


@pytest.mark.parametrize(
    ("first_line", "delimiter"),
    [("id,name;x", ","), ("id;name;type", ";"), ("id\tname\ttype", "\t"), ("id", ","), ("id;name,type", ",")],
)  # fmt: skip
def test_delimiter_is_taken_from_the_header(tmp_path: Path, first_line: str, delimiter: str) -> None:
    cells = ["v1", "v2", "v3"][: first_line.count(delimiter) + 1]
    path = _write(tmp_path / "sources.csv", f"{first_line}\n{delimiter.join(cells)}\n")
    table, _ = read_csv(path, "sources")
    assert list(table.rows[0][1].values()) == cells


def test_excel_sep_line_sets_the_delimiter_and_moves_the_header(tmp_path: Path) -> None:
    path = _write(tmp_path / "sources.csv", "sep=;\r\nid;title\r\na;b,c\r\n")
    table, _ = read_csv(path, "sources")
    assert (table.header_row, table.rows) == (2, [(3, {"id": "a", "title": "b,c"})])


def test_a_bom_is_not_part_of_the_first_column(tmp_path: Path) -> None:
    table, _ = read_csv(_write(tmp_path / "sources.csv", b"\xef\xbb\xbfid,title\na,b\n"), "sources")
    assert table.columns == ["id", "title"] and table.original["id"] == "id"


def test_excel_pads_rows_with_empty_cells(tmp_path: Path) -> None:
    """Trailing empty cells beyond the header (Excel pads every row alike) are not an error."""
    table, errors = read_csv(_write(tmp_path / "sources.csv", "id,title\na,b,,\nc,d,,\n"), "sources")
    assert errors == [] and [r for _, r in table.rows] == [
        {"id": "a", "title": "b"},
        {"id": "c", "title": "d"},
    ]


def test_one_row_longer_than_the_others_is_refused(tmp_path: Path) -> None:
    table, errors = read_csv(
        _write(tmp_path / "sources.csv", "id,title,note\na,b,\nc,d,e,\nf,g,\n"), "sources"
    )
    assert [e.line() for e in errors] == [
        "sources.csv:3: row has 4 values but the header has 3 columns: put quotes around values that contain "
        "the delimiter, or remove the extra values"
    ]
    assert [n for n, _ in table.rows] == [2, 4]


def test_header_problems(tmp_path: Path) -> None:
    path = _write(tmp_path / "sources.csv", "id,,title,名前,Title\na,,b,c,d\n")
    _, errors = read_csv(path, "sources")
    assert [e.line() for e in errors] == [
        "sources.csv:1: column 2: header is empty: give the column a name",
        "sources.csv:1: column 4: column name '名前' has no letters a-z or digits; rename it",
        "sources.csv:1: title: column appears twice (as 'title' and 'Title'); keep one",
    ]


def test_folder_problems_are_all_reported(tmp_path: Path) -> None:
    folder = write_dataset(tmp_path / "data")
    _write(folder / "Parties.CSV", BASE["parties.csv"])  # a second file for the same table
    _write(folder / "sources.csv", b"id,title\nx,\xff\n")
    _write(folder / "agreemnts.csv", BASE["agreements.csv"])
    with pytest.raises(InputErrors) as err:
        read_tables(folder)
    assert err.value.lines() == [
        "parties.csv: second file for table 'parties' (also Parties.CSV); keep one",
        "sources.csv:2: file is not UTF-8 (byte 0xff); save it as 'CSV UTF-8 (Comma delimited)' and try "
        "again",
    ]


def test_a_folder_holding_only_a_workbook_points_at_it(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.save(tmp_path / "data.xlsx")
    assert _errors(tmp_path) == [
        f"{tmp_path}: no CSV files in this folder; to load the workbook give its path: "
        f"{tmp_path / 'data.xlsx'}"
    ]


@pytest.mark.parametrize(("suffix", "kind"), [(".xls", "old Excel 97-2003"), (".ods", "OpenDocument")])
def test_other_spreadsheet_formats_say_how_to_save(tmp_path: Path, suffix: str, kind: str) -> None:
    path = _write(tmp_path / f"data{suffix}", b"\xd0\xcf\x11\xe0")
    assert _errors(path) == [f"{path}: {kind} files are not read: save it as an Excel Workbook (.xlsx)"]


# ------------------------------------------------------------------------------------------ workbooks


def test_workbook_cells_are_read_as_csv_text(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "data.xlsx", {
        "Organizations": [["id", "name", "type", "region"], ["bp2mi", "BP2MI", "agency", 31.74],
                          ["pemkot-palu", "Pemerintah Kota Palu", "regional_government", 72.71]],
        "agreements": [["id", "kind", "signed_on", "expires_on"],
                       ["mou-1", "mou", dt.datetime(2020, 1, 15), None], [None, None, None, None],
                       ["mou-2", "MoU", dt.date(2021, 2, 3), dt.datetime(2026, 2, 3)]],
        "parties": [["agreement_id", "organization_id", "synthetic"], ["mou-1", "bp2mi", True],
                    ["mou-2", "pemkot-palu", False]],
        "Catatan": [["anything"]],
    })  # fmt: skip
    ds = validate_dataset(path)
    assert ds.labels["organizations"] == "data.xlsx[Organizations]"
    assert [r["region"] for r in ds.tables["organizations"]] == ["31.74", "72.71"]
    assert [(r["_row"], r["signed_on"], r.get("expires_on")) for r in ds.tables["agreements"]] == [
        (2, dt.date(2020, 1, 15), None), (4, dt.date(2021, 2, 3), dt.date(2026, 2, 3))
    ]  # fmt: skip
    assert [r["synthetic"] for r in ds.tables["parties"]] == [True, False]
    assert ds.warnings == [
        "data.xlsx[Catatan]: not a dataset table, ignored (sheets: sources, scopes, organizations, "
        "agreements, parties, programs, program_regions, follow_ups, placements)"
    ]


def test_workbook_problems_name_the_sheet_and_row(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "data.xlsx", {
        "organizations": [["id", "name", "type", "region"], ["bp2mi", "BP2MI", "agency", "#REF!"],
                          ["x", "X", "private", 33.1]],
        "agreements": [["id", "kind", "signed_on"], ["mou-1", "mou", "2020-13-01"]],
        "parties": [["agreement_id", "organization_id"], ["mou-1", "#N/A"]],
    })  # fmt: skip
    with pytest.raises(InputErrors) as err:
        validate_dataset(path)
    assert err.value.lines() == [
        "data.xlsx[organizations]:2: region: the cell shows the Excel error #REF!; fix the formula or type "
        "the value",
        "data.xlsx[parties]:2: organization_id: the cell shows the Excel error #N/A; fix the formula or "
        "type the value",
    ]


def test_workbook_without_dataset_sheets_or_tables(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "data.xlsx", {"Sheet1": [["a"]]})
    assert _errors(path) == [
        "data.xlsx: no dataset sheets: name the sheets organizations, agreements, parties, ..."
    ]
    sheets = {"organizations": [["id", "name", "type"], ["a", "A", "agency"]],
              "agreements": [["id", "kind", "signed_on"]]}  # fmt: skip
    path = write_workbook(tmp_path / "two.xlsx", sheets)
    with pytest.raises(InputErrors) as err:
        validate_dataset(path)
    assert err.value.lines() == [
        "two.xlsx[parties]: file is missing: a dataset needs organizations, agreements and parties; add it",
        "two.xlsx[agreements]: the file has a header but no data rows; add at least one agreement below the "
        "header",
    ]


def test_a_broken_workbook_is_one_message(tmp_path: Path) -> None:
    path = _write(tmp_path / "data.xlsx", b"PK\x03\x04 not really a zip")
    (line,) = _errors(path)
    assert line.startswith("data.xlsx: cannot open the workbook (") and line.endswith(
        "); open it in Excel and save it again as .xlsx"
    )
