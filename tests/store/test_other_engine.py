"""The ArcadeDB build the suite does not run on: a smoke test of load, reports and a SIGKILL mid-load.

The whole suite runs on the session's engine (``GRAPHKIT_ENGINE``; unset: native where it can run). This
module starts the other build in a data folder of its own and checks, against the session's engine:
the same national dataset loads (through the real CLI) to the same graph, the reports answer the same,
and a server SIGKILLed mid-load restarts with the graph as before or complete; the next load completes
it. Skipped where only one build can run. Run with ``-s`` for the figures.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from graph_state import Snapshot, snapshot
from load_child import child, wait_for_writes

from graphkit.store import _db, _server
from graphkit.store._engine import ENGINE_ENV, native_unavailable
from graphkit.sync._load import load_dataset
from graphkit.synthetic._generate import generate

pytestmark = pytest.mark.slow

REPORTS = (("coverage", "--by", "province"), ("isolated",), ("centrality",))
AS_OF = "2025-12-31"


@dataclass
class Side:
    engine: str
    snapshot: Snapshot
    reports: dict[tuple[str, ...], list[str]]


def _cli(*args: str, database: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **({"GRAPHKIT_DATABASE": database} if database else {})}
    return subprocess.run([sys.executable, "-m", "graphkit", *args], capture_output=True, text=True,
                          timeout=300, check=False, env=env)  # fmt: skip


def _reports() -> dict[tuple[str, ...], list[str]]:
    """Each report's rows as sorted JSON text (row order may differ between engines where values tie)."""
    out = {}
    for args in REPORTS:
        done = _cli("report", *args, "--as-of", AS_OF, "--format", "json")
        assert done.returncode == 0, done.stderr
        rows = json.loads(done.stdout)
        assert rows, args
        out[args] = sorted(json.dumps(r, sort_keys=True) for r in rows)
    return out


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(tmp_path_factory.mktemp("other-engine") / "national", scale=1, seed=7).path


@pytest.fixture(scope="module")
def session_side(graph: _db.Graph, server: _server.ServerInfo | None, dataset: Path) -> Side:
    """The national dataset on the session's engine (its own database), and its reports."""
    if server is None:
        pytest.skip("the tests run against NEO4J_URI, not the embedded server")
    load_dataset(dataset, graph)
    return Side(server.engine, snapshot(graph), _reports())


@pytest.fixture(scope="module")
def other(session_side: Side, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The other build, running in a data folder of its own while the module's tests run."""
    engine = "jvm" if session_side.engine == "native" else "native"
    if engine == "native" and native_unavailable():
        pytest.skip(f"only the JVM build runs here: {native_unavailable()}")
    keys = ("GRAPHKIT_HOME", "GRAPHKIT_DATABASE", ENGINE_ENV)
    saved = {k: os.environ.get(k) for k in keys}
    os.environ.update(GRAPHKIT_HOME=str(tmp_path_factory.mktemp("other-home")), GRAPHKIT_DATABASE="graphkit")
    os.environ[ENGINE_ENV] = engine
    try:
        yield engine
    finally:
        try:
            _server.stop()
        finally:
            for k, v in saved.items():
                os.environ.pop(k, None) if v is None else os.environ.__setitem__(k, v)


def test_load_and_reports_match_the_session_engine(other: str, session_side: Side, dataset: Path) -> None:
    started = time.monotonic()
    loaded = _cli("load", str(dataset))  # starts the server, as a user's first command does
    seconds = time.monotonic() - started
    assert loaded.returncode == 0, loaded.stderr
    info = _server.status()
    assert info is not None and info.engine == other and info.engine_version.startswith("arcadedb")
    with _db.connect() as g:
        assert snapshot(g) == session_side.snapshot
    assert _reports() == session_side.reports
    print(f"\n{other} build: first `graphkit load` from no server {seconds:.1f} s, same graph and reports "
          f"as the {session_side.engine} build")  # fmt: skip


def test_server_sigkill_mid_load_leaves_before_or_complete(
    other: str, session_side: Side, dataset: Path, tmp_path: Path
) -> None:
    _server.start()
    _server.drop_database("sigkill")
    _server.ensure_database("sigkill")
    with _db.connect(database="sigkill") as g:
        load_dataset(generate(tmp_path / "b", scale=1, seed=2018).path, g)
        before = snapshot(g)
    proc = child(dataset, "sigkill")
    wait_for_writes(proc)
    info = _server.status()
    assert info is not None and info.engine == other
    os.kill(info.pid, signal.SIGKILL)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 1 and "Traceback" not in err, err
    deadline = time.monotonic() + 30
    while _server.status() is not None and time.monotonic() < deadline:
        time.sleep(0.1)
    started = time.monotonic()
    assert _server.start().engine == other
    ready = time.monotonic() - started
    with _db.connect(database="sigkill") as g:
        after = snapshot(g)
    found = "before" if after == before else "complete" if after == session_side.snapshot else "neither"
    assert found in ("before", "complete"), "a server killed mid-load must leave the old or the new graph"
    rerun = _cli("load", str(dataset), database="sigkill")
    assert rerun.returncode == 0, rerun.stderr
    with _db.connect(database="sigkill") as g:
        assert snapshot(g) == session_side.snapshot
    print(f"\n{other} build: server SIGKILL mid-load, restart ready in {ready:.1f} s, graph found {found}; "
          "the rerun completed it")
