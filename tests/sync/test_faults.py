"""Faults during a national-scale load, on a server of this module's own (its own GRAPHKIT_HOME).

- SIGKILL of the loading process mid-load: the graph is as before; the next load gives the clean graph.
- SIGKILL of the database server mid-load: after a restart the graph is as before or complete; the next
  load gives the clean graph; the client says so in one line and exits 1.
- A batched load (above the single-transaction limit) killed mid-way: the next load completes it.
- Two loads at once: the second waits for the first; the result is the clean graph.
- Database unreachable, wrong password: one line naming the URI and what to check, exit 1.

"Clean graph" is a snapshot of the same dataset loaded into an empty database of the same server.
Figures (recovery time, state found) are printed; run with ``-s`` to see them.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from graph_state import Snapshot, sizes, snapshot
from load_child import child as _child
from load_child import wait_for_writes as _wait_for_writes

from graphkit.store import _db, _server
from graphkit.sync._load import load_dataset
from graphkit.synthetic._generate import generate

pytestmark = pytest.mark.slow

SERVER_DEATH_STDERR: list[str] = []  # what the client printed when its server died


@dataclass
class Env:
    home: Path
    a: Path  # national dataset, seed 7
    b: Path  # national dataset, seed 2018
    clean: dict[str, Snapshot]  # "a", "b": each loaded into an empty database


def _connect(database: str) -> _db.Graph:
    return _db.connect(database=database)


def _fresh(database: str) -> None:
    _server.drop_database(database)
    _server.ensure_database(database)


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Env]:
    """A server in a home of its own; two national datasets and their clean-load snapshots."""
    root = tmp_path_factory.mktemp("faults")
    keys = (
        "GRAPHKIT_HOME",
        "GRAPHKIT_DATABASE",
        "NEO4J_URI",
        "NEO4J_USERNAME",
        "NEO4J_PASSWORD",
        "NEO4J_DATABASE",
    )
    saved = {k: os.environ.get(k) for k in keys}
    for k in keys:
        os.environ.pop(k, None)
    os.environ["GRAPHKIT_HOME"] = str(root / "home")
    try:
        _server.start()
        a, b = root / "national-a", root / "national-b"
        generate(a, scale=1, seed=7)
        generate(b, scale=1, seed=2018)
        clean = {}
        for name, path in (("a", a), ("b", b)):
            _fresh(f"clean_{name}")
            with _connect(f"clean_{name}") as g:
                load_dataset(path, g)
                clean[name] = snapshot(g)
        assert clean["a"] != clean["b"]
        yield Env(root / "home", a, b, clean)
    finally:
        try:
            _server.stop()
        finally:
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v


def _cli(*args: object, database: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **({"GRAPHKIT_DATABASE": database} if database else {})}
    return subprocess.run([sys.executable, "-m", "graphkit", *map(str, args)], capture_output=True, text=True,
                          timeout=300, check=False, env=env)  # fmt: skip


def _cli_load(path: Path, database: str) -> subprocess.CompletedProcess[str]:
    return _cli("load", path, database=database)


def _state(database: str) -> Snapshot:
    with _connect(database) as g:
        return snapshot(g)


def test_sigkill_of_the_loading_process_leaves_the_graph_as_before(env: Env) -> None:
    _fresh("faults_client")
    with _connect("faults_client") as g:
        load_dataset(env.a, g)
    before = _state("faults_client")
    assert before == env.clean["a"]

    proc = _child(env.b, "faults_client")
    seen = _wait_for_writes(proc)
    total = int(next(s for s in seen if s.startswith("progress total")).split()[-1])
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert total > 5_000  # killed after the first of several batches of one transaction

    after = _state("faults_client")
    assert after == before, "a killed load must leave nothing of itself behind"

    started = time.monotonic()
    rerun = _cli_load(env.b, "faults_client")
    took = time.monotonic() - started
    assert rerun.returncode == 0, rerun.stderr
    assert "waiting" not in rerun.stderr  # the killed process's lock died with it
    assert _state("faults_client") == env.clean["b"]
    print(f"\nclient SIGKILL after the first batch of {total:,} row operations: graph as before "
          f"({sizes(before)[0]:,} nodes); rerun completed in {took:.1f} s")  # fmt: skip


def test_sigkill_of_the_server_mid_load_recovers_before_or_complete(env: Env) -> None:
    _fresh("faults_server")
    with _connect("faults_server") as g:
        load_dataset(env.b, g)
    before = _state("faults_server")

    proc = _child(env.a, "faults_server")
    _wait_for_writes(proc)
    info = _server.status()
    assert info is not None
    os.kill(info.pid, signal.SIGKILL)
    _, err = proc.communicate(timeout=120)
    lines = [ln for ln in err.splitlines() if not ln.startswith("progress ")]
    SERVER_DEATH_STDERR.extend(lines)
    assert proc.returncode == 1, err
    assert "Traceback" not in err, err
    assert lines[-1] == (
        f"error: cannot reach the graph database at {info.bolt_uri}: is it running? "
        "check NEO4J_URI or run `graphkit db start`"
    )

    deadline = time.monotonic() + 30
    while _server.status() is not None and time.monotonic() < deadline:
        time.sleep(0.1)
    started = time.monotonic()
    restarted = _server.start()
    ready = time.monotonic() - started
    assert restarted.pid != info.pid
    with _connect("faults_server") as g:
        assert g.read("db/count")[0]["nodes"] > 0
        answered = time.monotonic() - started
        after = snapshot(g)
    found = "before" if after == before else "complete" if after == env.clean["a"] else "neither"
    assert found in ("before", "complete"), "a server killed mid-load must leave the old or the new graph"

    rerun = _cli_load(env.a, "faults_server")
    assert rerun.returncode == 0, rerun.stderr
    assert _state("faults_server") == env.clean["a"]
    print(f"\nserver SIGKILL mid-load: client exit 1 ({lines[-1][:60]}...); restart ready in {ready:.1f} s, "
          f"first read after {answered:.1f} s; graph found {found}; rerun gave the clean graph")  # fmt: skip


def test_server_death_is_reported_in_exactly_one_line() -> None:
    if not SERVER_DEATH_STDERR:
        pytest.skip("needs test_sigkill_of_the_server_mid_load_recovers_before_or_complete first")
    assert len(SERVER_DEATH_STDERR) == 1, SERVER_DEATH_STDERR


def test_killed_batched_load_is_completed_by_the_next_load(env: Env) -> None:
    """Above SINGLE_TRANSACTION_LIMIT a load commits batch by batch: a kill keeps the committed batches."""
    _fresh("faults_batched")
    with _connect("faults_batched") as g:
        load_dataset(env.a, g)
    before = _state("faults_batched")
    proc = _child(env.b, "faults_batched", limit=0)  # every load batched
    _wait_for_writes(proc, batches=2)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    partial = _state("faults_batched")
    assert partial not in (before, env.clean["b"])  # batches were committed, not all of them
    rerun = _cli_load(env.b, "faults_batched")
    assert rerun.returncode == 0, rerun.stderr
    assert _state("faults_batched") == env.clean["b"]


def test_two_loads_at_once_wait_for_each_other(env: Env) -> None:
    _fresh("faults_twins")
    twins = {**os.environ, "GRAPHKIT_DATABASE": "faults_twins"}
    procs = [
        subprocess.Popen([sys.executable, "-m", "graphkit", "load", str(env.b)], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True, env=twins)
        for _ in range(2)
    ]  # fmt: skip
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    waited = [err for _, err in outs if "another load is running on this database; waiting" in err]
    assert len(waited) == 1, outs
    summaries = sorted(out for out, _ in outs)
    assert sum("no changes" in s for s in summaries) == 1, summaries
    assert _state("faults_twins") == env.clean["b"]


def _one_error_line(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 1, (proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr and proc.stdout == ""
    lines = proc.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), proc.stderr
    return lines[0]


def test_unreachable_database_is_one_line_naming_the_uri(env: Env, tmp_path: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    uri = f"bolt://127.0.0.1:{port}"
    proc = _cli("load", env.b, "--uri", uri, "--password", "x")
    assert _one_error_line(proc) == (
        f"error: cannot reach the graph database at {uri}: is it running? "
        "check NEO4J_URI or run `graphkit db start`"
    )


def test_wrong_password_is_one_line_naming_the_uri(env: Env) -> None:
    info = _server.start()
    wrong = ["--user", "root", "--password", "not-the-password"]
    proc = _cli("load", env.b, "--uri", info.bolt_uri, *wrong)
    line = _one_error_line(proc)
    assert line.startswith(f"error: authentication failed at {info.bolt_uri} (")
    assert line.endswith("check NEO4J_USERNAME/NEO4J_PASSWORD")
    embedded = _cli("load", env.b, "--password", "wrong-one")
    line = _one_error_line(embedded)
    assert line.startswith(f"error: authentication failed at {info.bolt_uri} (")
    assert line.endswith(f"the embedded server's password is in {env.home / 'password'}")
