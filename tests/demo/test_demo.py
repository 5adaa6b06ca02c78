"""``graphkit demo``: the main job end to end on the embedded database, in its own database."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from graphkit.demo._demo import DEMO_DATABASE
from graphkit.store import _db, _server
from graphkit.sync._load import graph_counts, load_dataset

NEWS = Path(__file__).resolve().parents[2] / "graphkit" / "data" / "news"


@pytest.fixture(scope="module")
def demo(graph, server, tmp_path_factory):
    if server is None:
        pytest.skip("the demo's own database exists on the embedded server only")
    load_dataset(NEWS, graph)  # the user's own data, in another database
    before = graph_counts(graph)
    out = tmp_path_factory.mktemp("demo")
    proc = _cli("demo", "--out", out)
    return proc, out, before


def _cli(*args: object) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "graphkit", *map(str, args)]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=900, check=False)


def test_demo_ends_with_summary_reports_and_maps(demo) -> None:
    proc, out, _ = demo
    assert proc.returncode == 0, proc.stderr
    text = proc.stdout
    assert "SYNTHETIC" in text
    nodes = re.search(r"total:\s+([\d,]+) nodes, ([\d,]+) relationships", text)
    assert nodes and int(nodes.group(1).replace(",", "")) > 5000
    for report in ("coverage", "isolated", "centrality"):
        assert re.search(rf"^{report} as of \d{{4}}-\d{{2}}-\d{{2}}", text, re.MULTILINE), report
    for view in ("network", "geo", "province"):
        html = out / "maps" / f"{view}.html"
        assert html.is_file() and html.stat().st_size > 100_000, view
        assert str(html) in text
    assert re.search(r"done in [\d.]+ s", text)


def test_demo_loads_its_own_database_and_leaves_the_users_alone(demo, graph) -> None:
    _, _, before = demo
    assert graph_counts(graph) == before  # the module's database still holds the news dataset only
    with _db.connect(database=DEMO_DATABASE) as g:
        counts = graph_counts(g)
        synthetic = g.query("MATCH (d:Dataset) RETURN d.synthetic AS s")[1]
    assert counts["nodes"]["Organization"] > 300  # the national synthetic dataset, not the news one
    assert synthetic == [{"s": True}]
    assert DEMO_DATABASE in _server.list_databases()


def test_a_second_demo_reports_no_changes(demo) -> None:
    _, out, _ = demo
    proc = _cli("demo", "--out", out)
    assert proc.returncode == 0, proc.stderr
    assert "no changes" in proc.stdout
