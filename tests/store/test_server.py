"""The embedded server's lifecycle, in a data folder of this module's own (not the session server's)."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sockets import listeners as _listeners

from graphkit._errors import DatabaseUnavailable
from graphkit.store import _server
from graphkit.store._engine import ENGINE_ENV, choose_engine


@pytest.fixture
def own_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh GRAPHKIT_HOME (not created yet); whatever server runs in it is stopped afterwards."""
    home = tmp_path / "gk-home"
    monkeypatch.setenv("GRAPHKIT_HOME", str(home))
    yield home
    monkeypatch.setenv("GRAPHKIT_HOME", str(home))
    if home.exists():
        _server.stop()


def _server_pids(home: Path) -> list[int]:
    """Pids of graphkit server processes serving ``home`` (read from /proc)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            args = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"graphkit.store._serve" in args and str(home).encode() in args:
            pids.append(int(entry.name))
    return pids


def test_home_is_private_and_password_is_0600(own_home: Path) -> None:
    assert _server.home() == own_home
    assert stat.S_IMODE(own_home.stat().st_mode) & 0o077 == 0
    pw = _server.password()
    assert len(pw) >= 24
    assert stat.S_IMODE((own_home / "password").stat().st_mode) == 0o600
    assert _server.password() == pw  # read back, not regenerated


def test_password_generated_once_under_concurrency(own_home: Path) -> None:
    code = "from graphkit.store import _server; print(_server.password())"
    procs = [
        subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True) for _ in range(4)
    ]
    outputs = {p.communicate(timeout=60)[0].strip() for p in procs}
    assert len(outputs) == 1 and len(outputs.pop()) >= 24
    assert [p.name for p in own_home.iterdir() if p.name.startswith(".password")] == []


def test_home_from_xdg_data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GRAPHKIT_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert _server.home() == tmp_path / "xdg" / "graphkit"
    assert (tmp_path / "xdg" / "graphkit").is_dir()


def test_stale_state_is_cleaned_up(own_home: Path) -> None:
    _server.home()
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    for pid in (int(dead.stdout), os.getpid()):  # a dead pid, and a live process that is no server
        state = own_home / "server.json"
        state.write_text(
            json.dumps(
                {
                    "pid": pid,
                    "bolt_uri": "bolt://127.0.0.1:1",
                    "http_url": "http://127.0.0.1:2",
                    "bolt_port": 1,
                    "http_port": 2,
                    "data_dir": "x",
                    "started_at": 0,
                }
            )
        )
        assert _server.status() is None
        assert not state.exists()
    assert _server.stop() is False


def test_start_failure_names_the_log(own_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a bad option of the build the next start uses; chosen explicitly, so no fallback hides the failure
    engine = choose_engine().name
    monkeypatch.setenv(ENGINE_ENV, engine)
    option = {"jvm": "ARCADEDB_JVM_ARGS", "native": "ARCADEDB_NATIVE_ISOLATE_ARGS"}[engine]
    monkeypatch.setenv(option, "-XX:+GraphkitNoSuchJvmOption")
    with pytest.raises(DatabaseUnavailable) as err:
        _server.start(timeout=60)
    assert str(own_home / "server.log") in str(err.value) and f"({engine} build)" in str(err.value)
    assert "\n" not in str(err.value)
    assert _server.status() is None and _server_pids(own_home) == []


def test_a_heap_sized_by_the_user_replaces_the_cap(own_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # graphkit caps the heap at 1.5 GB; an initial heap above that would stop the JVM if the cap stayed
    monkeypatch.setenv(ENGINE_ENV, "jvm")
    monkeypatch.setenv("ARCADEDB_JVM_ARGS", "-Xms1600m")
    info = _server.start(timeout=120)
    try:
        assert _server.status() is not None and _server_pids(own_home) == [info.pid]
    finally:
        assert _server.stop() is True
    assert _server_pids(own_home) == []


def test_lifecycle(own_home: Path) -> None:
    """Concurrent start -> one server on 127.0.0.1 only; idempotent start; stop; data survives a restart."""
    code = (
        "import time; from graphkit.store import _server; i = _server.start(); print(i.pid, time.monotonic())"
    )
    t0 = time.monotonic()
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    results = [p.communicate(timeout=180) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], results
    pids = {int(out.split()[0]) for out, _ in results}
    cold = max(float(out.split()[1]) for out, _ in results) - t0
    assert len(pids) == 1, results
    pid = pids.pop()
    assert _server_pids(own_home) == [pid]

    info = _server.status()
    assert info is not None and info.pid == pid
    assert _server.start().pid == pid  # idempotent
    assert info.bolt_uri == f"bolt://127.0.0.1:{info.bolt_port}"
    for port in (info.bolt_port, info.http_port):
        assert _listeners(port) == ["127.0.0.1"], (port, _listeners(port))

    from graphkit.store import _db

    def graph() -> _db.Graph:
        running = _server.status()
        assert running is not None
        return _db.connect(
            uri=running.bolt_uri, user="root", password=_server.password(), database="graphkit"
        )

    with graph() as g:
        _, rows = g.query(
            "CREATE (n:Survivor {id: 'x', on: date('2024-05-06')}) RETURN n.id AS id", write=True
        )
        assert rows == [{"id": "x"}]

    assert _server.stop() is True
    assert _server.status() is None
    assert not (own_home / "server.json").exists()
    assert _server_pids(own_home) == []
    assert _server.stop() is False

    info2 = _server.start()
    assert info2.pid != pid
    with graph() as g:
        _, rows = g.query("MATCH (n:Survivor) RETURN n.id AS id, n.on AS on")
    assert [(r["id"], r["on"].isoformat()) for r in rows] == [("x", "2024-05-06")]
    assert _server.stop() is True
    print(f"\ncold start (two concurrent callers): {cold:.1f} s")


@pytest.mark.skipif(
    not (Path(_server.__file__).parents[1] / "__main__.py").exists(),
    reason="graphkit/__main__.py not written yet",
)
def test_cli_db_commands(own_home: Path, run_cli, monkeypatch: pytest.MonkeyPatch) -> None:
    """`graphkit db start|status|stop` as real processes, with real exit codes."""
    for key in ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
        monkeypatch.delenv(key, raising=False)
    down = run_cli("db", "status")
    assert down.returncode == 1 and "not running" in down.stdout, down
    up = run_cli("db", "start")
    assert up.returncode == 0, up.stderr
    info = _server.status()
    assert info is not None and info.bolt_uri in up.stdout
    assert "already running" in run_cli("db", "start").stdout
    st = run_cli("db", "status", "--json")
    report = json.loads(st.stdout)
    assert st.returncode == 0 and report["pid"] == info.pid and report["bolt_uri"] == info.bolt_uri
    assert report["data_folder"] == str(own_home / "databases")
    assert report["engine"].startswith(f"{info.engine} build (arcadedb") and info.engine in ("native", "jvm")
    for command in ("start", "stop", "status"):
        assert run_cli("db", command, "--help").stdout.strip().splitlines()[-1].strip().startswith("Example:")
    stopped = run_cli("db", "stop")
    assert stopped.returncode == 0 and str(info.pid) in stopped.stdout
    assert _server.status() is None and _server_pids(own_home) == []
    assert "was not running" in run_cli("db", "stop").stdout
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:9")
    neo = run_cli("db", "status")
    assert neo.returncode == 1 and "bolt://127.0.0.1:9" in neo.stdout and "does not answer" in neo.stdout
