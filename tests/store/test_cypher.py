"""Query files are code: each has a header naming its $parameters, and the wheel ships them."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from graphkit._errors import QueryError
from graphkit.store._cypher import all_queries, cypher_dir, get_query, parse

ROOT = Path(__file__).resolve().parents[2]


def test_every_query_file_declares_exactly_the_parameters_it_uses() -> None:
    queries = all_queries()
    assert len(queries) >= 30
    for q in queries:
        assert q.text.lstrip().startswith("//"), f"{q.path}: must start with a header comment"
        declared, used = sorted(q.declared), sorted(q.used)
        assert declared == used, f"{q.path}: header declares {declared}, body uses {used}"


def test_missing_header_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.cypher"
    bad.write_text("MATCH (n) RETURN n\n")
    with pytest.raises(QueryError, match=r"bad\.cypher:1: header comment"):
        parse("bad", bad)


def test_unknown_query_name_is_a_query_error() -> None:
    with pytest.raises(QueryError, match="no such query file"):
        get_query("load/does_not_exist")


def test_source_tree_queries_are_found() -> None:
    assert (cypher_dir() / "schema" / "constraints.cypher").is_file()


def test_installed_wheel_finds_its_queries(tmp_path: Path) -> None:
    """Build the wheel, unpack it alone on sys.path, and load a query from the installed copy."""
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(tmp_path)],
        check=True,
        capture_output=True,
    )
    wheel = next(tmp_path.glob("bp2mi_graphkit-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "graphkit/cypher/schema/constraints.cypher" in names
    assert "graphkit/data/regions.csv" in names
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = (
        "import graphkit.store._cypher as c, graphkit.dataset._regions as r;"
        "q = c.get_query('load/nodes/agreements');"
        "print(c.cypher_dir()); print(len(c.all_queries())); print(len(r.regencies()))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env={"PYTHONPATH": str(site), "PATH": ""},
        capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    assert Path(out[0]) == site / "graphkit" / "cypher"
    assert int(out[1]) == len(all_queries())
    assert out[2] == "514"
