"""The analysts' notebooks (notebooks/*.ipynb): committed clean, public API only, run isolated.

nbmake executes them as part of plain ``pytest`` (pyproject.toml); these tests check what a run cannot:
outputs stripped, only ``import graphkit`` and names of ``graphkit.__all__``, a database of their own
each, the SYNTHETIC label, and that the root conftest.py isolates notebook kernels from real data.
"""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import nbformat
import pytest

import graphkit

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
#: module attributes a notebook may use besides graphkit.__all__
DUNDERS = {"__file__", "__version__"}


def _read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def _code(nb: nbformat.NotebookNode) -> list[str]:
    return [c.source for c in nb.cells if c.cell_type == "code"]


def _tree(path: Path) -> ast.Module:
    return ast.parse("\n\n".join(_code(_read(path))), filename=str(path))


def test_at_least_three_numbered_notebooks() -> None:
    names = [p.name for p in NOTEBOOKS]
    assert len(names) >= 3, names
    numbers = [m.group(1) for n in names if (m := re.fullmatch(r"(\d\d)_[a-z0-9_]+\.ipynb", n))]
    assert len(numbers) == len(names), f"name notebooks NN_words.ipynb: {names}"
    assert len(set(numbers)) == len(numbers), names


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_outputs_are_stripped_and_notebook_valid(path: Path) -> None:
    nb = _read(path)
    nbformat.validate(nb)
    assert nb.metadata["kernelspec"]["name"] == "python3"  # the interpreter pytest runs in
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            assert cell.outputs == [], f"cell {i} has outputs: clear them (jupyter nbconvert --clear-output)"
            assert cell.execution_count is None, f"cell {i} has an execution count"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_only_the_public_api(path: Path) -> None:
    public = set(graphkit.__all__) | DUNDERS
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.Import):
            for alias in node.names:  # plain `import graphkit`, so that the attribute check below sees it
                if alias.name.split(".")[0] == "graphkit":
                    assert (alias.name, alias.asname) == ("graphkit", None), f"{node.lineno}: {alias.name}"
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("graphkit"):
            assert node.module == "graphkit", f"line {node.lineno}: private module {node.module}"
            assert {a.name for a in node.names} <= public, f"line {node.lineno}: not in graphkit.__all__"
        elif isinstance(node, ast.Attribute) and getattr(node.value, "id", None) == "graphkit":
            assert node.attr in public, f"line {node.lineno}: graphkit.{node.attr} is not in graphkit.__all__"


def _databases(path: Path) -> tuple[list[str], set[str], set[str]]:
    """Database names passed to graphkit.connect, the variables holding those connections, the closed ones."""
    names, opened, closed = [], set(), set()
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.Assign) and isinstance(call := node.value, ast.Call):
            func = call.func
            if isinstance(func, ast.Attribute) and func.attr == "connect":
                db = [k.value for k in call.keywords if k.arg == "database"]
                assert db and isinstance(db[0], ast.Constant), f"line {node.lineno}: pass database='...'"
                names.append(db[0].value)
                opened |= {t.id for t in node.targets if isinstance(t, ast.Name)}
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "close":
            if isinstance(node.func.value, ast.Name):
                closed.add(node.func.value.id)
    return names, opened, closed


def test_each_notebook_uses_databases_of_its_own_and_closes_them() -> None:
    seen: dict[str, str] = {}
    for path in NOTEBOOKS:
        names, opened, closed = _databases(path)
        assert names, f"{path.name}: connect with graphkit.connect(database=...)"
        assert opened <= closed, f"{path.name}: never closed: {sorted(opened - closed)}"
        for name in names:
            assert name not in seen, f"database {name} used by {seen.get(name)} and {path.name}"
            seen[name] = path.name


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_synthetic_data_is_labelled_and_notebook_ends_with_a_map_or_plot(path: Path) -> None:
    nb = _read(path)
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    if "graphkit.generate(" in "\n".join(_code(nb)):
        assert text.count("SYNTHETIC") >= 2, "say in markdown where the data is SYNTHETIC"
    else:  # real data only: say so, and say how complete it is
        assert "real" in text.lower() and "d.completeness" in "\n".join(_code(nb)), "state completeness"
    last = _code(nb)[-1]
    assert "IFrame(" in last or "plt.show()" in last, "end with a map (render_map + IFrame) or a plot"


def test_plain_pytest_runs_the_notebooks() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    ini = config["tool"]["pytest"]["ini_options"]
    assert "notebooks" in ini["testpaths"] and "tests" in ini["testpaths"]
    assert "--nbmake" in ini["addopts"].split()


PROBE = """
import json, os
keys = ("GRAPHKIT_HOME", "GRAPHKIT_DATABASE", "GRAPHKIT_SERVER_WATCH_PID")
seen = {k: os.environ.get(k) for k in keys}
seen["kernel_parent"] = os.getppid()
seen["home_exists"] = os.path.isdir(seen["GRAPHKIT_HOME"] or "")
with open(os.environ["PROBE_OUT"], "w") as fh:
    json.dump(seen, fh)
"""


def test_notebook_kernels_get_a_private_home(tmp_path: Path) -> None:
    """A notebook run by nbmake sees the temporary GRAPHKIT_HOME of the root conftest.py, not the caller's."""
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(PROBE)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    probe = tmp_path / "probe.ipynb"
    nbformat.write(nb, probe)
    out = tmp_path / "env.json"
    real_home = tmp_path / "real-home"
    env = {**os.environ, "GRAPHKIT_HOME": str(real_home), "GRAPHKIT_DATABASE": "graphkit",
           "PROBE_OUT": str(out)}  # fmt: skip
    env.pop("NEO4J_URI", None)
    # the root conftest.py is loaded as a plugin: the probe lives outside the rootdir
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "conftest", "-p", "no:cacheprovider", "--nbmake",
         "--rootdir", str(tmp_path), "-c", os.devnull, str(probe)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    seen = json.loads(out.read_text())
    home = Path(seen["GRAPHKIT_HOME"])
    assert home != real_home and home.name.startswith("graphkit-pytest-home-")
    assert seen["home_exists"] and not home.exists()  # there while the notebook ran, removed afterwards
    assert seen["GRAPHKIT_DATABASE"] is None
    assert seen["GRAPHKIT_SERVER_WATCH_PID"] == str(seen["kernel_parent"])  # the pytest that ran it
    assert not real_home.exists()
