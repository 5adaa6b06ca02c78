"""graphkit.sync._export and ``graphkit export``: the graph out as CSV or .xlsx, loaded again unchanged."""

from __future__ import annotations

import csv
import time
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from graphkit.dataset._validate import validate_dataset
from graphkit.sync._export import export_dataset
from graphkit.sync._fetch import fetch_snapshot
from graphkit.sync._load import load_dataset
from graphkit.synthetic._generate import generate

NEWS = Path(__file__).resolve().parents[2] / "graphkit" / "data" / "news"
HOSTILE = "=cmd|' /C calc'!A0"


def dump(graph: Any) -> tuple[list[str], list[str]]:
    """Every node (labels, key, properties) and relationship (type, end keys, properties), sorted.

    The Dataset node's ``name`` is the loaded path's name, so it is left out here and checked apart.
    """
    nodes = []
    for row in graph.read("export/dump_nodes"):
        props = dict(row["props"])
        if "Dataset" in row["labels"]:
            props.pop("name")
        nodes.append(repr((sorted(row["labels"]), row["key"], sorted(props.items()))))
    rels = [
        repr(
            (
                row["type"],
                sorted(row["start_labels"]),
                row["start"],
                sorted(row["end_labels"]),
                row["end"],
                sorted(row["props"].items()),
            )
        )
        for row in graph.read("export/dump_relationships")
    ]
    return sorted(nodes), sorted(rels)


def dataset_name(graph: Any) -> str:
    rows = [r for r in graph.read("export/dump_nodes") if "Dataset" in r["labels"]]
    assert len(rows) == 1
    return rows[0]["props"]["name"]


def expected_counts(path: Path) -> dict[str, int]:
    """Rows per table of the validated dataset (scopes: only those not shipped, as the export writes)."""
    return validate_dataset(path).counts()


def write_csv(folder: Path, name: str, rows: list[list[str]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / f"{name}.csv").open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)


def round_trip(graph: Any, source: Path, out: Path) -> tuple[dict[str, int], Any]:
    """Load ``source``, export to ``out``, load ``out``; assert both graphs are the same, return figures."""
    load_dataset(source, graph)
    before = dump(graph)
    started = time.perf_counter()
    counts = export_dataset(out, graph=graph)
    exported = time.perf_counter() - started
    result = load_dataset(out, graph)
    after = dump(graph)
    assert len(after[0]) == len(before[0]) and len(after[1]) == len(before[1])
    assert after == before
    # the reload found nothing to change but the Dataset node's name (the path it came from)
    assert result.created == {} and result.deleted == {}
    assert result.updated == {"Dataset": 1}
    assert dataset_name(graph) == out.name
    print(f"{source.name} -> {out.name}: {counts}, export {exported:.2f} s, reload {result.seconds:.2f} s")
    return counts, result


def test_news_round_trip_through_xlsx_and_csv(graph: Any, tmp_path: Path) -> None:
    assert NEWS.is_dir()
    counts, _ = round_trip(graph, NEWS, tmp_path / "news.xlsx")
    assert counts == {**expected_counts(NEWS), "scopes": 0}
    book = openpyxl.load_workbook(tmp_path / "news.xlsx")
    assert "scopes" not in book.sheetnames and "sources" in book.sheetnames
    assert all(c.data_type == "s" for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value)
    # assumed expiries are written empty; given ones are kept
    assumed = {r["props"]["id"]: r["props"]["expiry_assumed"] for r in graph.read("export/agreements")}
    sheet = book["agreements"]
    header = [c.value for c in sheet[1]]
    for row in sheet.iter_rows(min_row=2, values_only=True):
        record = dict(zip(header, row, strict=True))
        assert (record["expires_on"] is None) == assumed[record["id"]]
    assert any(assumed.values())
    # unknown columns come back as columns (sheet header) with their values
    org_header = [c.value for c in book["organizations"][1]]
    assert "region_candidates" in org_header
    # xlsx-loaded graph -> CSV folder -> graph, and the two CSV exports are byte-identical
    first = tmp_path / "news-a"
    export_dataset(first, graph=graph)
    round_trip(graph, tmp_path / "news.xlsx", tmp_path / "news-b")
    for file in sorted(first.iterdir()):
        assert file.read_bytes() == (tmp_path / "news-b" / file.name).read_bytes(), file.name


def test_generated_national_round_trip(graph: Any, tmp_path: Path) -> None:
    generate(tmp_path / "national", scale=1, seed=3)
    counts, _ = round_trip(graph, tmp_path / "national", tmp_path / "national.xlsx")
    assert counts == {**expected_counts(tmp_path / "national"), "scopes": 0}
    assert counts["placements"] > 1000 and counts["agreements"] > 300
    csv_counts, _ = round_trip(graph, tmp_path / "national.xlsx", tmp_path / "national-csv")
    assert csv_counts == counts
    assert validate_dataset(tmp_path / "national-csv").synthetic


def test_placements_by_destination_round_trip_and_sum_per_region_year(graph: Any, tmp_path: Path) -> None:
    generate(tmp_path / "scaled", scale=2, seed=3)
    with (tmp_path / "scaled" / "placements.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert any(r["destination"] for r in rows) and any(not r["destination"] for r in rows)  # mixed
    counts, _ = round_trip(graph, tmp_path / "scaled", tmp_path / "scaled-out")
    assert counts["placements"] == len(rows) > 514 * 7
    with (tmp_path / "scaled-out" / "placements.csv").open(encoding="utf-8", newline="") as f:
        exported = list(csv.DictReader(f))
    keys = [(r["region"], int(r["year"]), r["destination"]) for r in exported]
    assert keys == sorted(keys)  # ordered by region, year and destination (a total has none)
    assert {k: r["workers"] for k, r in zip(keys, exported, strict=True)} == {
        (r["region"], int(r["year"]), r["destination"]): r["workers"] for r in rows
    }
    # the analytics see one figure per region and year: the sum over destinations
    totals: dict[tuple[str, int], int] = {}
    for r in rows:
        key = (r["region"], int(r["year"]))
        totals[key] = totals.get(key, 0) + int(r["workers"])
    snap = fetch_snapshot(graph, ["placements"])
    assert {(p.region, p.year): p.workers for p in snap.placements} == totals
    assert len(snap.placements) == 514 * 7


def _tiny(folder: Path, *, hostile: bool) -> Path:
    """A small dataset with custom scopes, a leading-zero id, an empty alias list and unknown columns.

    ``hostile``: text values start with = - @ + (formula injection); else the same data, harmless.
    """
    name, comment, title, role, missing = (
        (HOSTILE, "-2 then text", "@SUM(1+1) a title", "+first", "#N/A")
        if hostile
        else ("Kabupaten Tegal", "two then text", "a title", "first", "not applicable")
    )
    write_csv(folder, "sources", [["id", "title"], ["src-1", title]])
    write_csv(folder, "scopes", [["id", "name"], ["data_sharing", "Data sharing"]])
    write_csv(
        folder,
        "organizations",
        [
            ["id", "name", "type", "region", "aliases", "comment"],
            ["007", name, "regional_government", "33.28", " ; ", comment],
            ["org-b", "Kota Palu", "regional_government", "Kota Palu", "Pemkot Palu;Palu", missing],
        ],
    )
    write_csv(
        folder,
        "agreements",
        [
            ["id", "kind", "signed_on", "expires_on", "scopes"],
            ["a1", "mou", "2024-02-29", "", "data_sharing;protection"],
            ["a2", "pks", "2023-05-01", "2025-05-01", ""],
        ],
    )
    write_csv(folder, "parties", [["agreement_id", "organization_id", "role"], ["a1", "007", role]])
    return folder


def test_custom_scopes_and_edge_values_round_trip(graph: Any, tmp_path: Path) -> None:
    tiny = _tiny(tmp_path / "tiny", hostile=False)
    for out in (tmp_path / "tiny.xlsx", tmp_path / "tiny-csv"):
        counts, _ = round_trip(graph, tiny, out)
        assert counts["scopes"] == 1 and counts["organizations"] == 2 and counts["parties"] == 1
    with (tmp_path / "tiny-csv" / "scopes.csv").open(encoding="utf-8") as f:
        assert list(csv.reader(f)) == [["id", "name"], ["data_sharing", "Data sharing"]]
    orgs = {r["props"]["id"]: r["props"] for r in graph.read("export/organizations")}
    assert orgs["007"]["region"] == "33.28" and orgs["org-b"]["comment"] == "not applicable"
    # a later export of a graph without custom scopes removes the stale scopes.csv from the folder
    (tmp_path / "plain").mkdir()
    for name in ("organizations", "agreements", "parties"):
        (tmp_path / "plain" / f"{name}.csv").write_text(
            (tiny / f"{name}.csv").read_text(encoding="utf-8").replace("data_sharing;", ""), encoding="utf-8"
        )
    write_csv(tmp_path / "plain", "sources", [["id", "title"], ["src-1", "a title"]])
    load_dataset(tmp_path / "plain", graph)
    assert export_dataset(tmp_path / "tiny-csv", graph=graph)["scopes"] == 0
    assert not (tmp_path / "tiny-csv" / "scopes.csv").exists()


def test_hostile_values_are_neutralised_in_csv_and_xlsx(graph: Any, tmp_path: Path) -> None:
    load_dataset(_tiny(tmp_path / "hostile", hostile=True), graph)
    export_dataset(tmp_path / "out", graph=graph)
    export_dataset(tmp_path / "out.xlsx", graph=graph)
    with (tmp_path / "out" / "organizations.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows[0]["name"] == "'" + HOSTILE
    assert rows[0]["comment"] == "'-2 then text"
    with (tmp_path / "out" / "sources.csv").open(encoding="utf-8", newline="") as f:
        assert next(csv.DictReader(f))["title"] == "'@SUM(1+1) a title"
    with (tmp_path / "out" / "parties.csv").open(encoding="utf-8", newline="") as f:
        assert next(csv.DictReader(f))["role"] == "'+first"
    raw = (tmp_path / "out" / "organizations.csv").read_text(encoding="utf-8")
    assert "\n=" not in raw and ",=" not in raw and '"=' not in raw
    book = openpyxl.load_workbook(tmp_path / "out.xlsx")  # not data_only: formulas would show as such
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value is not None]
    assert cells and all(c.data_type == "s" for c in cells)
    assert all(c.data_type != "f" and not str(c.value).startswith("=") for c in cells)
    names = {c.value for c in book["organizations"]["B"]}
    assert "'" + HOSTILE in names
    ids = [c.value for c in book["organizations"]["A"]]
    assert ids == ["id", "007", "org-b"]
    assert book["organizations"]["D2"].value == "33.28"
    header = [c.value for c in book["organizations"][1]]
    comment = book["organizations"].cell(3, header.index("comment") + 1)
    assert comment.value == "#N/A" and comment.data_type == "s"  # text, not an Excel error cell
    # the rule: a neutralised value keeps its ' when loaded again, never turning back into a formula
    load_dataset(tmp_path / "out", graph)
    orgs = {r["props"]["id"]: r["props"] for r in graph.read("export/organizations")}
    assert orgs["007"]["name"] == "'" + HOSTILE


def _broken_workbook(path: Path) -> Path:
    book = openpyxl.Workbook()
    orgs = book.active
    orgs.title = "organizations"
    orgs.append(["id", "name", "type", "region"])
    orgs.append(["org-a", "Pemerintah Kabupaten Sarolangun", "regional_government", "15.03"])
    orgs.append(["org-b", "Somebody", "alien", ""])
    agreements = book.create_sheet("agreements")
    agreements.append(["id", "kind", "signed_on"])
    agreements.append(["a1", "mou", "2024-01-10"])
    agreements.append(["a2", "mou", "31/12/2023"])
    parties = book.create_sheet("parties")
    parties.append(["agreement_id", "organization_id"])
    parties.append(["a1", "org-a"])
    parties.append(["a1", "org-zz"])
    book.save(path)
    return path


def test_xlsx_errors_name_sheet_and_row(graph: Any, tmp_path: Path, run_cli: Any) -> None:
    book = _broken_workbook(tmp_path / "broken.xlsx")
    for command in ("validate", "load"):
        done = run_cli(command, book)
        assert done.returncode == 2, done.stderr
        assert "broken.xlsx[organizations]:3: type: unknown type 'alien'" in done.stderr
        assert "broken.xlsx[agreements]:3: signed_on: '31/12/2023' is not a date" in done.stderr
        assert "2023-12-31" in done.stderr  # the hint
    # fix the two typed errors: the reference error then names its sheet and row too
    fixed = openpyxl.load_workbook(book)
    fixed["organizations"]["C3"] = "private"
    fixed["agreements"]["C3"] = "2023-12-31"
    fixed.save(book)
    done = run_cli("validate", book)
    assert done.returncode == 2
    assert "broken.xlsx[parties]:3: organization_id: unknown organization 'org-zz'" in done.stderr


def test_cli_export(graph: Any, tmp_path: Path, run_cli: Any) -> None:
    load_dataset(NEWS, graph)
    done = run_cli("export", tmp_path / "cli.xlsx")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"wrote {tmp_path / 'cli.xlsx'}: ")
    assert f"{expected_counts(NEWS)['organizations']} organizations" in done.stdout
    assert validate_dataset(tmp_path / "cli.xlsx").counts() == expected_counts(NEWS)
    bad = run_cli("export", tmp_path / "out.csv")
    assert bad.returncode == 2 and "OUT.xlsx or OUT_DIR" in bad.stderr
    (tmp_path / "dir.xlsx").mkdir()
    bad = run_cli("export", tmp_path / "dir.xlsx")
    assert bad.returncode == 2 and "is a folder" in bad.stderr
    help_text = run_cli("export", "--help").stdout
    assert help_text.strip().split("\n\n")[-1].strip().startswith("Example: graphkit export")


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@A1", "\tx", "\rx"])
def test_export_cell_neutralises_every_formula_start(value: str) -> None:
    from graphkit.sync._export import export_cell

    assert export_cell(value) == "'" + value
    assert export_cell([value, "b"]).startswith("'")
