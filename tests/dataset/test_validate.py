"""The catalogue of bad and odd inputs: each gives one exact message, exit code 2, and no change to the graph.

Every case runs the real CLI (``python -m graphkit load``) against a database holding a loaded dataset;
the graph is compared, node by node and relationship by relationship, before and after. Odd inputs that
must load (a BOM, ``;``-separated files, stray spaces and odd case) give exactly the graph of the clean
dataset.
"""

from __future__ import annotations

import codecs
import io
import os
import subprocess
import sys
import zipfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from graph_state import BASE, snapshot, write_dataset

from graphkit._errors import InputErrors
from graphkit.cli import cli
from graphkit.dataset._validate import validate_dataset
from graphkit.sync._load import load_dataset

ORGS, AGRS, PARTIES = BASE["organizations.csv"], BASE["agreements.csv"], BASE["parties.csv"]
REGION_HOW = "write a Kemendagri code (e.g. 33.28) or a full name (e.g. Kabupaten Tegal)"
SAVE_UTF8 = "save it as 'CSV UTF-8 (Comma delimited)' and try again"


def sub(name: str, old: str, new: str) -> dict[str, str]:
    """``{name: BASE[name] with old replaced by new}``; ``old`` must occur exactly once."""
    assert BASE[name].count(old) == 1, (name, old)
    return {name: BASE[name].replace(old, new)}


def add(name: str, line: str) -> dict[str, str]:
    return {name: BASE[name] + line}


@dataclass
class Case:
    """A bad input: ``files`` override BASE (None removes a file); ``where`` picks the path to load."""

    name: str
    files: dict[str, str | bytes | None]
    message: str  # the exact stderr line after "error: "; {path} is the path given
    where: Callable[[Path], Path] | None = None


def _xlsx_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
    return buf.getvalue()


def _empty_folder(folder: Path) -> Path:
    for f in folder.iterdir():
        f.unlink()
    return folder


CASES = [
    Case("missing required column", {"organizations.csv": "id,name\nbp2mi,BP2MI\n"},
         "organizations.csv:1: type: required column is missing; add a 'type' column "
         "(the header row has: id, name)"),
    Case("misnamed required column", sub("agreements.csv", "id,kind,signed_on,", "id,kind,signed,"),
         "agreements.csv:1: signed_on: required column is missing; rename 'signed' to 'signed_on'"),
    Case("empty required value", sub("organizations.csv", "unnes,Universitas Negeri Semarang,", "unnes,  ,"),
         "organizations.csv:4: name: required value is empty; fill it in"),
    Case("wrong type", sub("placements.csv", "1200", "banyak"),
         "placements.csv:2: workers: 'banyak' is not a whole number; write digits only, e.g. 1200"),
    Case("thousands separator", sub("placements.csv", "1200", "1.200"),
         "placements.csv:2: workers: '1.200' is not a whole number; write digits only: 1200"),
    Case("impossible date", sub("agreements.csv", "2020-01-15", "2024-13-01"),
         "agreements.csv:2: signed_on: '2024-13-01' is not a real date (no such month or day); "
         "write it as YYYY-MM-DD"),
    Case("day/month/year date", sub("agreements.csv", "2021-03-01", "01/03/2021"),
         "agreements.csv:3: signed_on: '01/03/2021' is not a date in YYYY-MM-DD form; "
         "write 2021-03-01 if that is the date"),
    Case("date in words", sub("follow_ups.csv", "2020-06-01", "1 Juni 2020"),
         "follow_ups.csv:2: date: '1 Juni 2020' is not a date in YYYY-MM-DD form; "
         "write 2020-06-01 if that is the date"),
    Case("expiry before signing", sub("agreements.csv", "2025-01-15", "2019-01-15"),
         "agreements.csv:2: expires_on: 2019-01-15 is before signed_on 2020-01-15; check both dates"),
    Case("unknown enum value", sub("organizations.csv", "education", "universitas"),
         "organizations.csv:4: type: unknown type 'universitas': use one of agency, regional_government, "
         "education, health, financial, government, private, international, community"),
    Case("misspelt enum value", sub("follow_ups.csv", "training", "trainng"),
         "follow_ups.csv:2: kind: unknown kind 'trainng': did you mean 'training'? use one of action_plan, "
         "regulation, budget, training, socialization, service, monitoring, other"),
    Case("unknown scope", sub("agreements.csv", "protection;coordination", "protection;perlindungan"),
         "agreements.csv:2: scopes: unknown scope 'perlindungan': use one of illegal_placement, "
         "education_training, protection, placement_services, socialization, coordination, "
         "or add it to scopes.csv"),
    Case("bad boolean", {"placements.csv": "region,year,workers,synthetic\n33.28,2020,1200,mungkin\n"},
         "placements.csv:2: synthetic: 'mungkin' is not true or false; write true or false"),
    Case("duplicate id", add("organizations.csv", "bp2mi,BP2MI lagi,agency,31,,\n"),
         "organizations.csv:5: id: duplicate id bp2mi (first at row 2); keep one row"),
    Case("duplicate id in another case", add("agreements.csv", "MOU-1,mou,2020-01-15,,,,,,\n"),
         "agreements.csv:4: id: duplicate id MOU-1 (first at row 2 as mou-1; ids ignore case); keep one row"),
    Case("duplicate party", add("parties.csv", "mou-1,bp2mi,pihak_pertama\n"),
         "parties.csv:5: agreement_id+organization_id: duplicate agreement_id mou-1 and "
         "organization_id bp2mi (first at row 2); keep one row"),
    Case("duplicate placement total", add("placements.csv", "33.28,2020,900\n"),
         "placements.csv:3: region+year: duplicate region 33.28 and year 2020 (first at row 2); "
         "keep one row"),
    Case("duplicate placement destination",
         {"placements.csv": "region,year,destination,workers\n33.28,2020,Taiwan,700\n"
                            "33.28,2020,Malaysia,500\n33.28,2020,Taiwan,5\n"},
         "placements.csv:4: region+year+destination: duplicate region 33.28 and year 2020 and destination "
         "Taiwan (first at row 2); keep one row"),
    Case("placement total and breakdown",
         {"placements.csv": "region,year,destination,workers\n33.28,2021,Taiwan,5\n33.28,2020,,1200\n"
                            "33.28,2020,Taiwan,700\n33.28,2020,Malaysia,500\n33.29,2020,,90\n"},
         "placements.csv:3: destination: empty, so this row is the total of region 33.28 for 2020, but that "
         "region and year also have rows by destination (first at row 4) and its workers would count twice; "
         "fill in this row's destination or remove the row"),
    Case("dangling parties.agreement_id", add("parties.csv", "mou-2,bp2mi,\n"),
         "parties.csv:5: agreement_id: unknown agreement 'mou-2': did you mean 'mou-1'? "
         "add it to agreements.csv or fix the id"),
    Case("dangling parties.organization_id", add("parties.csv", "pks-1,pemkot-palu,\n"),
         "parties.csv:5: organization_id: unknown organization 'pemkot-palu': "
         "add it to organizations.csv or fix the id"),
    Case("dangling agreements.parent_id", sub("agreements.csv", ",mou-1,protection", ",mou-9,protection"),
         "agreements.csv:3: parent_id: unknown agreement 'mou-9': did you mean 'mou-1'? "
         "add it to agreements.csv or fix the id"),
    Case("dangling agreements.source_id", sub("agreements.csv", ",PKS Tegal,,mou-1,protection,",
                                              ",PKS Tegal,,mou-1,protection,berita-9"),
         "agreements.csv:3: source_id: unknown source 'berita-9': add it to sources.csv or fix the id"),
    Case("dangling organizations.source_id", sub("organizations.csv", "UNNES,", "UNNES,src-2"),
         "organizations.csv:4: source_id: unknown source 'src-2': did you mean 'src-1'? "
         "add it to sources.csv or fix the id"),
    Case("dangling follow_ups.agreement_id", sub("follow_ups.csv", "fu-1,mou-1,", "fu-1,pks-7,"),
         "follow_ups.csv:2: agreement_id: unknown agreement 'pks-7': did you mean 'pks-1'? "
         "add it to agreements.csv or fix the id"),
    Case("dangling follow_ups.source_id", sub("follow_ups.csv", "calon PMI,src-1", "calon PMI,koran"),
         "follow_ups.csv:2: source_id: unknown source 'koran': add it to sources.csv or fix the id"),
    Case("dangling programs.source_id", sub("programs.csv", "2019-01-01,src-1", "2019-01-01,web"),
         "programs.csv:2: source_id: unknown source 'web': add it to sources.csv or fix the id"),
    Case("dangling program_regions.program_id", sub("program_regions.csv", "prog-1,", "desmigratif,"),
         "program_regions.csv:2: program_id: unknown program 'desmigratif': "
         "add it to programs.csv or fix the id"),
    Case("dangling program_regions.organization_id", sub("program_regions.csv", ",bp2mi", ",bp3mi-jateng"),
         "program_regions.csv:2: organization_id: unknown organization 'bp3mi-jateng': "
         "add it to organizations.csv or fix the id"),
    Case("parent_id cycle", sub("agreements.csv", "2025-01-15,,", "2025-01-15,pks-1,"),
         "agreements.csv:2: parent_id: cycle mou-1 -> pks-1 -> mou-1: an agreement cannot be under itself; "
         "clear or fix one parent_id"),
    Case("agreement under itself", sub("agreements.csv", ",mou-1,protection", ",pks-1,protection"),
         "agreements.csv:3: parent_id: cycle pks-1 -> pks-1: an agreement cannot be under itself; "
         "clear or fix one parent_id"),
    Case("ambiguous region name", sub("organizations.csv", "33.28", "Tegal"),
         "organizations.csv:3: region: ambiguous region 'Tegal': 33.28 Kabupaten Tegal, 33.76 Kota Tegal; "
         "write the code or the full name"),
    Case("unknown region code", sub("follow_ups.csv", "33.28", "33.99"),
         f"follow_ups.csv:2: region: unknown region code '33.99': {REGION_HOW}"),
    Case("region code without its trailing zero", sub("placements.csv", "33.28", "33.1"),
         "placements.csv:2: region: unknown region code '33.1': did you mean 33.10 (Kabupaten Klaten)? "
         "Excel drops the trailing zero of numbers: format the column as Text"),
    Case("misspelt region name", sub("organizations.csv", "Kota Semarang", "Kota Semarng"),
         f"organizations.csv:4: region: unknown region 'Kota Semarng': {REGION_HOW}; "
         "did you mean 33.74 Kota Semarang?"),
    Case("file not UTF-8", {"organizations.csv": ORGS.replace("Tegal", "Tégal").encode("cp1252")},
         f"organizations.csv:3: file is not UTF-8 (byte 0xe9); {SAVE_UTF8}"),
    Case("UTF-16 file", {"parties.csv": codecs.BOM_UTF16_LE + PARTIES.encode("utf-16-le")},
         f"parties.csv: file is UTF-16 text (Excel 'Unicode Text'), not UTF-8; {SAVE_UTF8}"),
    Case("workbook saved as .csv", {"agreements.csv": _xlsx_bytes()},
         f"agreements.csv: file is an Excel workbook with a .csv name; rename it .xlsx or {SAVE_UTF8}"),
    Case("header-only required file", {"parties.csv": "agreement_id,organization_id,role\n"},
         "parties.csv: the file has a header but no data rows; add at least one party below the header"),
    Case("empty file", {"agreements.csv": ""},
         "agreements.csv:1: header row is missing: the first row must name the columns (id, name, ...)"),
    Case("missing required file", {"parties.csv": None},
         "parties.csv: file is missing: a dataset needs organizations, agreements and parties; add it"),
    Case("empty folder", {}, "{path}: no dataset files in this folder: it needs organizations.csv, "
         "agreements.csv and parties.csv", where=_empty_folder),
    Case("path that does not exist", {}, "{path}: no such file or folder: give a dataset folder of CSV files "
         "or an .xlsx", where=lambda folder: folder / "tidak-ada"),
    Case("one CSV file instead of the folder", {},
         "{path}: this is one CSV file: give the folder that holds the dataset's files ({folder})",
         where=lambda folder: folder / "organizations.csv"),
    Case("very long field", sub("organizations.csv", "UNNES", "U" * 12_000),
         "organizations.csv:4: aliases: value is 12,000 characters long (limit 10,000); shorten it"),
    Case("field longer than the CSV limit", sub("agreements.csv", "MoU Tegal", "x" * 200_000),
         "agreements.csv:2: a value is longer than 131,072 characters (an unclosed quote?); "
         "shorten it or close the quote"),
    Case("too many values in a row", sub("organizations.csv", "Negeri Semarang", "Negeri, Semarang"),
         "organizations.csv:4: row has 7 values but the header has 6 columns: put quotes around values that "
         "contain the delimiter, or remove the extra values"),
    Case("';' rows under a ',' header", sub("parties.csv", "pks-1,unnes,", "pks-1;unnes;"),
         "parties.csv:4: this row is separated by ';' but the header by ','; save the file again with one "
         "delimiter"),
    Case("unclosed quote", sub("agreements.csv", "PKS Tegal", '"PKS Tegal'),
         'agreements.csv:3: a quoted value starting in this row is never closed; add the closing quote (")'),
    Case("text after a closing quote", sub("agreements.csv", "MoU Tegal", '"MoU" Tegal'),
         "agreements.csv:2: text follows a closing quote; inside a quoted value write a quote as two "
         'quotes ("")'),
    Case("duplicate column", sub("parties.csv", "organization_id,role", "organization_id,Agreement ID"),
         "parties.csv:1: agreement_id: column appears twice (as 'agreement_id' and 'Agreement ID'); "
         "keep one"),
    Case("negative number", sub("placements.csv", "1200", "-5"),
         "placements.csv:2: workers: -5 is negative; write the number of workers placed (0 or more)"),
    Case("implausible year", sub("placements.csv", "2020", "20"),
         "placements.csv:2: year: 20 is not a plausible year; write a year between 1900 and 2100"),
]  # fmt: skip


@pytest.fixture(scope="module")
def loaded(graph, tmp_path_factory: pytest.TempPathFactory):
    """The module's database holding BASE; returns its snapshot."""
    folder = write_dataset(tmp_path_factory.mktemp("base") / "data")
    load_dataset(folder, graph)
    return snapshot(graph)


def _path(case: Case, root: Path) -> tuple[Path, str]:
    """Write the case's dataset; return the path to load and the exact expected message."""
    folder = write_dataset(root / case.name.replace(" ", "_").replace(".", "_") / "data", case.files)
    path = case.where(folder) if case.where else folder
    return path, case.message.format(path=path, folder=folder)


@pytest.fixture(scope="module")
def outcomes(loaded, tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[str, int, str, str]]:
    """Every case through the CLI's own entry point in this process: (expected, exit code, stdout, stderr)."""
    root = tmp_path_factory.mktemp("catalogue")
    runner = CliRunner()
    results = {}
    for case in CASES:
        path, expected = _path(case, root)
        result = runner.invoke(cli, ["load", str(path)], prog_name="graphkit")
        results[case.name] = (expected, result.exit_code, result.stdout, result.stderr)
    return results


def test_catalogue_is_large_enough() -> None:
    assert len(CASES) >= 25
    assert len({c.name for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_gives_one_exact_line_and_exit_2(case: Case, outcomes) -> None:
    expected, code, stdout, stderr = outcomes[case.name]
    assert (code, stderr, stdout) == (2, f"error: {expected}\n", "")


REAL_PROCESS = ["impossible date", "file not UTF-8", "ambiguous region name", "parent_id cycle",
                "empty folder", "path that does not exist"]  # fmt: skip


def test_real_processes_exit_2_with_the_same_line(loaded, graph, tmp_path: Path) -> None:
    """A few cases as real ``python -m graphkit load`` processes (run side by side)."""
    cases = [c for c in CASES if c.name in REAL_PROCESS]
    paths = [_path(c, tmp_path) for c in cases]

    def run(path: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "graphkit", "load", str(path)], capture_output=True,
                              text=True, timeout=120, env=dict(os.environ), check=False)  # fmt: skip

    with ThreadPoolExecutor(max_workers=3) as pool:
        procs = list(pool.map(run, [p for p, _ in paths]))
    assert len(procs) == len(REAL_PROCESS)
    for (_, expected), proc in zip(paths, procs, strict=True):
        assert (proc.returncode, proc.stderr, proc.stdout) == (2, f"error: {expected}\n", "")
    assert snapshot(graph) == loaded


def test_graph_unchanged_after_every_bad_input(outcomes, loaded, graph) -> None:
    assert len(outcomes) == len(CASES)
    assert snapshot(graph) == loaded


# ------------------------------------------------------------------------------------ odd but fine


ODD_BUT_FINE = {
    "utf-8 with a BOM (Excel)": {"organizations.csv": codecs.BOM_UTF8 + ORGS.encode()},
    "';'-separated (Excel, Indonesian locale)": {
        name: BASE[name].replace(",", ";").replace("BP2MI;BNP2TKI", '"BP2MI;BNP2TKI"')
        .replace("protection;coordination", '"protection;coordination"')
        for name in ("organizations.csv", "agreements.csv", "parties.csv")
    },
    "Excel's sep= line": {"parties.csv": "sep=;\r\n" + PARTIES.replace(",", ";").replace("\n", "\r\n")},
    "tab-separated": {"placements.csv": BASE["placements.csv"].replace(",", "\t")},
    "spaces and odd case in codes and names": {
        "organizations.csv": ORGS.replace(",agency,31.74,", ",  AGENCY , 31.74 ,")
        .replace("regional_government", "Regional Government").replace("Kota Semarang", "  KOTA semarang ")
        .replace("bp2mi,Badan", " bp2mi ,Badan"),
        "agreements.csv": AGRS.replace("protection;coordination", " Protection ; COORDINATION ")
        .replace(",mou,2020", ", MoU ,2020").replace(",pks,", ",PKS,")
        .replace(",mou-1,protection", ",MOU-1 ,protection"),
        "parties.csv": PARTIES.replace("mou-1,pemkab-tegal", " Mou-1 ,PEMKAB-TEGAL"),
        "program_regions.csv": BASE["program_regions.csv"].replace(",33.28,", ", kab. tegal ,"),
    },
    "header names in another case and spelling": {
        "agreements.csv": AGRS.replace("id,kind,signed_on,", "ID,Kind,Signed On,")
        .replace("parent_id", "Parent-ID"),
    },
    "windows line endings and blank lines": {"parties.csv": PARTIES.replace("\n", "\r\n") + "\r\n,,\r\n"},
    "header-only optional file": {"programs.csv": "id,name\n", "program_regions.csv": None},
}  # fmt: skip


@pytest.mark.parametrize("files", ODD_BUT_FINE.values(), ids=list(ODD_BUT_FINE))
def test_odd_input_loads_like_the_clean_dataset(files, loaded, graph, tmp_path: Path) -> None:
    if "programs.csv" in files:  # the clean counterpart has no program
        no_programs = {"programs.csv": None, "program_regions.csv": None}
        clean = write_dataset(tmp_path / "clean" / "data", no_programs)
        load_dataset(clean, graph)
        expected = snapshot(graph)
    else:
        expected = loaded
    folder = write_dataset(tmp_path / "odd" / "data", files)
    result = load_dataset(folder, graph)
    assert result.unchanged, result.summary()
    assert snapshot(graph) == expected
    load_dataset(write_dataset(tmp_path / "base" / "data"), graph)
    assert snapshot(graph) == loaded


def test_odd_input_warnings(tmp_path: Path) -> None:
    ds = validate_dataset(write_dataset(tmp_path, {"programs.csv": "id,name\n", "program_regions.csv": None,
                                                   "organisations.csv": ORGS}))  # fmt: skip
    assert ds.warnings == [
        "organisations.csv: not a dataset table, ignored; did you mean organizations?",
        "programs.csv: no data rows, only the header",
    ]


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    files = {
        **sub("organizations.csv", "education", "kampus"),
        **sub("placements.csv", "2020,1200", "2020,banyak"),
        "follow_ups.csv": BASE["follow_ups.csv"].replace("2020-06-01", "2020-02-30"),
    }
    with pytest.raises(InputErrors) as err:
        validate_dataset(write_dataset(tmp_path, files))
    assert [(e.file, e.row, e.column) for e in err.value.errors] == [
        ("organizations.csv", 4, "type"),
        ("follow_ups.csv", 2, "date"),
        ("placements.csv", 2, "workers"),
    ]
    assert str(err.value).endswith("(and 2 more problems)")


def test_references_in_another_case_point_at_the_row(tmp_path: Path) -> None:
    ds = validate_dataset(write_dataset(tmp_path, sub("parties.csv", "pks-1,unnes", "PKS-1,UNNES")))
    assert ds.tables["parties"][2]["agreement_id"] == "pks-1"
    assert ds.tables["parties"][2]["organization_id"] == "unnes"
