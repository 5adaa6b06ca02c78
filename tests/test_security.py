"""Security: no secrets in the repository, private files, loopback only, read-only queries, data never code.

Hostile strings (quotes, braces, Cypher fragments, HTML/JS, RTL and zero-width characters, formulas) go
through every write path — a CSV folder, an .xlsx workbook, ``graphkit query --write`` parameters — in every
free-text column, and must be stored verbatim with nothing else changed. CSV and Markdown output must not
let a spreadsheet run a formula. (The server's 0600 password file and 127.0.0.1-only listeners are tested
in test_server.py on a server of its own; here they are checked on the session server too.)
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
import secrets
import shutil
import stat
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from graph_state import Snapshot, snapshot, write_rows
from sockets import listeners as _listeners

from graphkit._output import render
from graphkit.sync._load import load_dataset

ROOT = Path(__file__).resolve().parent.parent

HOSTILE = [
    'O\'Brien "quoted" `back`',
    "{braces} {{double}} $param ${x}",
    "'}) DETACH DELETE n //",
    '"}) MATCH (m) DETACH DELETE m //',
    "x' OR 1=1 --",
    "<script>alert('x')</script>",
    "<img src=x onerror=alert(1)>",
    "مرحبا \u202eevil\u202c عربى",
    "zero\u200bwidth\u200c\u200d\u2060\ufeffend",
    "back\\slash \\u0041 \\n %s %(x)s",
    '=HYPERLINK("http://evil.example","klik")',
    "+1+cmd|' /C calc'!A0",
    "line\nbreak\r\nand more",
    "🇮🇩 Café ñ İ ß",
]
# scope ids are codes (lower case, no spaces): hostile, but already in their canonical spelling
HOSTILE_SCOPES = ["'})_detach_delete_n_//", "<script>alert(1)</script>"]


class Texts:
    """Hands out a unique token per text cell; ``hostile`` maps each token to a unique hostile string."""

    def __init__(self) -> None:
        self.hostile: dict[str, str] = {}

    def __call__(self, what: str, payloads: list[str] = HOSTILE) -> str:
        n = len(self.hostile)
        token = f"tok_{n}_{what}"
        self.hostile[token] = f"{payloads[n % len(payloads)]}~{n}"
        return token


def dataset(t: Texts) -> dict[str, list[dict[str, Any]]]:
    """A dataset whose every free-text cell (ids, names, titles, notes, unknown columns...) is a token."""
    src, src2 = t("source.id"), t("source.id")
    sources = [{"id": s, "title": t("title"), "publisher": t("publisher"), "published_on": "2024-01-02",
                "url": t("url"), "note": t("note"), "keterangan": t("extra")}
               for s in (src, src2)]  # fmt: skip
    scopes = [{"id": t("scope.id", HOSTILE_SCOPES), "name": t("scope.name")} for _ in range(2)]
    orgs = [
        {"id": t("org.id"), "name": t("org.name"), "type": kind, "region": region,
         "aliases": f"{t('alias')};{t('alias')}", "source_id": src, "note": t("note"),
         "keterangan": t("extra")}
        for kind, region in (("agency", "31.74"), ("regional_government", "33.28"),
                             ("education", "Kota Palu"))
    ]  # fmt: skip
    mou, pks = t("agreement.id"), t("agreement.id")
    scope_list = ";".join(s["id"] for s in scopes)
    agreements = [
        {"id": mou, "kind": "mou", "signed_on": "2020-01-15", "number": t("number"), "title": t("title"),
         "expires_on": "2025-01-15", "parent_id": "", "scopes": f"{scope_list};protection", "source_id": src,
         "note": t("note"), "keterangan": t("extra")},
        {"id": pks, "kind": "pks", "signed_on": "2021-03-01", "number": t("number"), "title": t("title"),
         "expires_on": "", "parent_id": mou, "scopes": scopes[0]["id"], "source_id": src2, "note": t("note"),
         "keterangan": t("extra")},
    ]  # fmt: skip
    parties = [{"agreement_id": a, "organization_id": o["id"], "role": t("role")}
               for a, o in ((mou, orgs[0]), (mou, orgs[1]), (pks, orgs[2]))]  # fmt: skip
    prog = t("program.id")
    programs = [{"id": prog, "name": t("program.name"), "kind": t("program.kind"), "started_on": "2019-01-01",
                 "source_id": src, "note": t("note")}]  # fmt: skip
    program_regions = [{"program_id": prog, "region": "33.28", "since": "2019-02-01",
                        "organization_id": orgs[0]["id"], "note": t("note")}]  # fmt: skip
    follow_ups = [{"id": t("follow_up.id"), "agreement_id": mou, "kind": "training", "date": "2020-06-01",
                   "region": "33.28", "description": t("description"), "source_id": src2,
                   "note": t("note")}]  # fmt: skip
    placements = [{"region": "33.28", "year": "2020", "workers": "1200", "note": t("note")}]
    return {"sources": sources, "scopes": scopes, "organizations": orgs, "agreements": agreements,
            "parties": parties, "programs": programs, "program_regions": program_regions,
            "follow_ups": follow_ups, "placements": placements}  # fmt: skip


def _swap(value: Any, table: dict[str, str]) -> Any:
    if isinstance(value, str):
        return table.get(value, value)
    if isinstance(value, tuple):
        return tuple(_swap(v, table) for v in value)
    return value


def translate(snap: Snapshot, table: dict[str, str]) -> Snapshot:
    """The snapshot with every string (keys, properties, list items, relationship ends) swapped by table."""
    return {kind: Counter({_swap(k, table): n for k, n in items.items()}) for kind, items in snap.items()}


def hostile_rows(tables: dict[str, list[dict[str, Any]]], hostile: dict[str, str]) -> dict[str, list[dict]]:
    def cell(v: Any) -> Any:
        return ";".join(hostile.get(p, p) for p in v.split(";")) if isinstance(v, str) else v

    return {name: [{k: cell(v) for k, v in row.items()} for row in rows] for name, rows in tables.items()}


def _strings(value: Any) -> list[str]:
    """Every string anywhere in a snapshot (keys, labels, property values, list items)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in _strings(k) + _strings(v)]
    if isinstance(value, tuple | list):
        return [s for v in value for s in _strings(v)]
    return []


def _without_dataset_name(snap: Snapshot) -> Snapshot:
    nodes = Counter({k: n for k, n in snap["nodes"].items() if "Dataset" not in k[0]})
    return {"nodes": nodes, "relationships": snap["relationships"]}


@pytest.fixture(scope="module")
def hostile_load(graph, tmp_path_factory: pytest.TempPathFactory):
    """Load the token dataset, add an unmanaged sentinel node, then load the same dataset made hostile."""
    texts = Texts()
    tables = dataset(texts)
    folder = tmp_path_factory.mktemp("hostile") / "data"
    write_rows(folder, tables)
    load_dataset(folder, graph)
    graph.query("CREATE (:Sentinel {id: 'keep-me'})", write=True)
    clean = snapshot(graph)
    shutil.rmtree(folder)
    bad = hostile_rows(tables, texts.hostile)
    write_rows(folder, bad)
    result = load_dataset(folder, graph)
    return texts, clean, snapshot(graph), result, bad, folder


def test_hostile_strings_in_every_text_column_are_stored_verbatim(hostile_load, graph) -> None:
    texts, clean, after, result, _, folder = hostile_load
    assert not result.unchanged and result.totals()["deleted"] > 0  # token rows replaced by hostile ones
    back = {v: k for k, v in texts.hostile.items()}
    assert translate(after, back) == clean  # the same graph, string for string, nothing else changed
    stored = set(_strings(after)) & set(back)
    assert stored == set(back), set(back) - stored  # every hostile cell arrived, verbatim
    assert any("Sentinel" in labels for labels, _, _ in after["nodes"])
    assert load_dataset(folder, graph).unchanged  # and they compare equal on the next load


def test_hostile_strings_through_an_excel_workbook(hostile_load, graph, tmp_path: Path) -> None:
    import openpyxl

    _, _, after, _, bad, _ = hostile_load
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in bad.items():
        sheet = book.create_sheet(name)
        columns = list(rows[0])
        sheet.append(columns)
        for r, row in enumerate(rows, 2):
            for c, col in enumerate(columns, 1):
                cell = sheet.cell(r, c, row[col])
                if isinstance(row[col], str) and row[col].startswith("="):
                    cell.data_type = "s"  # text that looks like a formula, as Excel keeps a typed '=...
    path = tmp_path / "hostile.xlsx"
    book.save(path)
    assert not load_dataset(path, graph).unchanged  # only the Dataset node's name differs
    # an .xlsx is XML, which stores a line break in a cell as LF: CR LF arrives as LF
    lf = {s: s.replace("\r\n", "\n") for s in _strings(after) if "\r\n" in s}
    assert lf  # the hostile strings include CR LF
    assert _without_dataset_name(snapshot(graph)) == _without_dataset_name(translate(after, lf))


def _query(run_cli, *args: str) -> Any:
    proc = run_cli("query", *args, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_hostile_query_parameters_are_stored_verbatim(hostile_load, graph, run_cli) -> None:
    before = snapshot(graph)
    values = json.dumps(HOSTILE)
    created = _query(run_cli, "UNWIND $vs AS v CREATE (p:Probe {v: v}) RETURN count(p) AS n", "--write",
                     "-p", f"vs={values}")  # fmt: skip
    assert created == [{"n": len(HOSTILE)}]
    rows = _query(run_cli, "MATCH (p:Probe) RETURN p.v AS v")
    assert sorted(r["v"] for r in rows) == sorted(HOSTILE)
    deleted = _query(run_cli, "MATCH (p:Probe) WHERE p.v IN $vs DELETE p RETURN count(*) AS n", "--write",
                     "-p", f"vs={values}")  # fmt: skip
    assert deleted == [{"n": len(HOSTILE)}]
    assert snapshot(graph) == before


def test_query_is_read_only_without_write(hostile_load, graph, run_cli) -> None:
    before = snapshot(graph)
    for text in ("MATCH (n) DETACH DELETE n", "CREATE (:Intruder)", "MATCH (n:Sentinel) SET n.id = 'gone'"):
        proc = run_cli("query", text)
        assert proc.returncode == 2, proc
        assert proc.stderr.count("\n") == 1 and "add --write" in proc.stderr
    assert snapshot(graph) == before


FORMULAS = ["=1+1", "+1+1", "-1+1", "@SUM(A1)", "\t=1", '=HYPERLINK("http://e","x")', "=1|2"]


def _csv_cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]


def _markdown_cells(text: str) -> list[str]:
    rows = text.splitlines()[2:]
    return [c.strip().replace("\\|", "|") for row in rows for c in re.split(r"(?<!\\)\|", row)[1:-1]]


@pytest.mark.parametrize("fmt", ["csv", "markdown"])
def test_exports_neutralise_formulas(fmt: str) -> None:
    rows = [{"name": f, "n": -3, "ok": "Kota Palu"} for f in FORMULAS]
    text = render(rows, fmt)
    cells = _csv_cells(text)[3:] if fmt == "csv" else _markdown_cells(text)
    assert cells[0::3] == ["'" + f for f in FORMULAS]
    assert set(cells[2::3]) == {"Kota Palu"}  # plain text untouched


@pytest.mark.parametrize("fmt", ["csv", "markdown"])
def test_exports_leave_negative_numbers_alone(fmt: str) -> None:
    text = render([{"name": "Kota Palu", "delta": -3, "share": -0.5}], fmt)
    cells = _csv_cells(text)[3:] if fmt == "csv" else _markdown_cells(text)
    assert cells == ["Kota Palu", "-3", "-0.5"]


@pytest.mark.parametrize("fmt", ["csv", "markdown"])
def test_a_carriage_return_cannot_start_a_row_with_a_formula(fmt: str) -> None:
    rows = [{"name": 'Kota Palu\r=HYPERLINK("http://evil")', "n": 1}, {"name": "\r=1+1", "n": 2}]
    text = render(rows, fmt)
    cells = _csv_cells(text)[2:] if fmt == "csv" else _markdown_cells(text)
    assert len(cells) == 4, cells  # still two rows of two cells
    assert not any(c.lstrip().startswith(("=", "+", "-", "@")) for c in cells[0::2]), cells


def test_cli_csv_output_of_hostile_data_is_neutralised(hostile_load, run_cli) -> None:
    columns = ("id", "name", "title", "note", "description", "keterangan", "number", "url", "publisher")
    text = "MATCH (n) RETURN " + ", ".join(f"n.{c} AS {c}" for c in columns)
    for fmt, cells_of in (("csv", _csv_cells), ("markdown", _markdown_cells)):
        proc = run_cli("query", text, "--format", fmt)
        assert proc.returncode == 0, proc.stderr
        cells = [c for c in cells_of(proc.stdout) if c]
        assert len(cells) > 40
        assert not any(c.startswith(("=", "+", "@")) for c in cells), cells
        assert any(c.startswith("'=HYPERLINK") for c in cells) and any(c.startswith("'+1+cmd") for c in cells)


# ----------------------------------------------------------------------------- files and processes


def test_server_files_are_private_and_the_password_never_leaks(server, graphkit_home: str) -> None:
    if server is None:
        pytest.skip("runs against NEO4J_URI")
    home = Path(graphkit_home)
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    for name in ("password", "server.json"):
        assert stat.S_IMODE((home / name).stat().st_mode) == 0o600, name
    secret = (home / "password").read_text().strip()
    assert len(secret) >= 24
    for port in (server.bolt_port, server.http_port):
        assert _listeners(port) == ["127.0.0.1"]
    proc = Path(f"/proc/{server.pid}")
    for where in (proc / "cmdline", proc / "environ", home / "server.json", home / "server.log"):
        assert secret.encode() not in where.read_bytes(), where
    logs = [p for p in (home / "log").rglob("*") if p.is_file()] if (home / "log").exists() else []
    assert all(secret.encode() not in p.read_bytes() for p in logs)


# ------------------------------------------------------------------------------------- secret scan

_KEY_HEADER = re.compile(r"-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY( BLOCK)?-----")
_TOKENS = re.compile(r"\b(?:AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{36,}|github_pat_\w{40,}"
                     r"|xox[abprs]-[\w-]{20,}|sk-[A-Za-z0-9]{32,}|AIza[\w-]{35})\b")  # fmt: skip
_ASSIGNED = re.compile(
    r"(?i)(?:password|passwd|pwd|secret|token|api[_-]?key|auth)\w*['\"]?\s*[:=]\s*[bru]?['\"]([^'\"\s]{12,})['\"]"
)
_URI_CREDENTIALS = re.compile(
    r"\b(?:bolt|neo4j|https?|postgres(?:ql)?)(?:\+s|\+ssc)?://[^/\s:@'\"]+:([^/\s@'\"]+)@"
)
_PLACEHOLDER = re.compile(r"(?i)^(?:\$\{?\w+\}?|<[^>]*>|x+|\*+|password|secret|changeme|pass|pw|\{\w*\})$")
_SECRET_FILES = re.compile(
    r"(?:^|/)(?:password|id_[rd]sa|id_ed25519|\.env|server-users\.jsonl|.*\.(?:pem|key|p12|pfx))$"
)


def _entropy(text: str) -> float:
    counts = Counter(text)
    return -sum(n / len(text) * math.log2(n / len(text)) for n in counts.values())


def _random_looking(value: str) -> bool:
    classes = sum(bool(re.search(p, value)) for p in (r"[a-z]", r"[A-Z]", r"[0-9]"))
    return len(value) >= 16 and classes >= 3 and _entropy(value) >= 4.0


def find_secrets(name: str, text: str) -> list[str]:
    """Secret-looking things in one file: key blocks, cloud tokens, random passwords, URI credentials."""
    found = []
    if _SECRET_FILES.search(name):
        found.append(f"{name}: a file that holds secrets")
    for pattern, what in ((_KEY_HEADER, "private key"), (_TOKENS, "access token")):
        found += [f"{name}: {what} {m.group(0)[:12]}..." for m in pattern.finditer(text)]
    for m in _ASSIGNED.finditer(text):
        if _random_looking(m.group(1)):
            found.append(f"{name}: password-like value {m.group(1)[:4]}...")
    for m in _URI_CREDENTIALS.finditer(text):
        if not _PLACEHOLDER.match(m.group(1)):
            found.append(f"{name}: credentials in a URI {m.group(0)[:20]}...")
    return found


def _repository_files() -> list[str]:
    """Tracked files and those that would be (untracked, not ignored)."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    out = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                         capture_output=True, check=True).stdout  # fmt: skip
    return sorted({f for f in out.decode().split("\0") if f and (ROOT / f).is_file()})


def test_no_secret_in_the_repository() -> None:
    files = _repository_files()
    assert "graphkit/store/_server.py" in files and len(files) > 20
    found: list[str] = []
    for name in files:
        data = (ROOT / name).read_bytes()
        if len(data) > 5_000_000:
            continue
        found += find_secrets(name, data.decode("utf-8", errors="replace"))
    assert found == []


def test_the_secret_scan_finds_planted_secrets() -> None:
    """The scanner itself: what it must catch, and the test passwords it must let through."""
    # built at run time, so that this file itself holds none of them
    dash, random = "-" * 5, secrets.token_urlsafe(24) + "aA1"
    key = f"{dash}BEGIN OPENSSH PRIVATE KEY{dash}\nb3BlbnNzaC1rZXktdjEAAAAA\n{dash}END OPENSSH PRIVATE KEY"
    assert find_secrets("notes.txt", key) == ["notes.txt: private key -----BEGIN O..."]
    assert find_secrets("conf.py", f'NEO4J_PASSWORD = "{random}"\n') == [
        f"conf.py: password-like value {random[:4]}..."
    ]
    uri = "neo4j+s://neo4j:" + "Hunter2Secret@db.example:7687"
    assert find_secrets("x.md", f"NEO4J_URI={uri}") == ["x.md: credentials in a URI neo4j+s://neo4j:Hunt..."]
    assert find_secrets("home/password", "") == ["home/password: a file that holds secrets"]
    aws = "AKIA" + "IOSFODNN7EXAMPLE"
    assert find_secrets("aws.txt", f"key {aws} here") == ["aws.txt: access token AKIAIOSFODNN..."]
    harmless = 'password="not-the-password-1234"\nuri = "bolt://neo4j:${NEO4J_PASSWORD}@host"\n'
    assert find_secrets("tests/test_db.py", harmless) == []
    assert os.environ.get("GRAPHKIT_HOME")  # the tests never used a real home folder
