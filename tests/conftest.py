"""Shared fixtures: a private data folder, the real embedded server, a fresh database per module, the CLI.

- ``graphkit_home`` (session, autouse): a temporary ``GRAPHKIT_HOME``, so tests never touch real data.
- ``server`` (session): the embedded ArcadeDB server (``ServerInfo``), or None when ``NEO4J_URI`` is set.
- ``graph`` (module): a connected ``Graph`` on an empty database of its own; ``GRAPHKIT_DATABASE`` names
  it while the module runs, so CLI calls from that module use it too.
- ``run_cli``: ``run_cli("report", "coverage", "--format", "json")`` runs ``python -m graphkit`` in a real
  subprocess and returns the ``CompletedProcess`` (text ``stdout``/``stderr``, ``returncode``).
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from graphkit.store import _server

_counter = itertools.count(1)


def _restore(name: str, old: str | None) -> None:
    if old is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = old


@pytest.fixture(scope="session", autouse=True)
def graphkit_home() -> Iterator[str]:
    """A temporary GRAPHKIT_HOME for the whole session; any server started in it is stopped at the end.

    A ``mkdtemp`` folder, not pytest's basetemp: a second pytest run on the machine prunes old basetemp
    folders, which would pull the data folder from under a server still in use.
    """
    home = Path(tempfile.mkdtemp(prefix="graphkit-test-home-"))
    saved = {k: os.environ.get(k) for k in ("GRAPHKIT_HOME", "GRAPHKIT_DATABASE", _server.WATCH_PID_ENV)}
    os.environ["GRAPHKIT_HOME"] = str(home)
    os.environ.pop("GRAPHKIT_DATABASE", None)
    # a server started by the tests (or by a CLI call in them) exits by itself if pytest dies
    os.environ[_server.WATCH_PID_ENV] = str(os.getpid())
    try:
        yield str(home)
    finally:
        os.environ["GRAPHKIT_HOME"] = str(home)
        try:
            _server.stop()
        finally:
            for key, value in saved.items():
                _restore(key, value)
            shutil.rmtree(home, ignore_errors=True)


@pytest.fixture(scope="session")
def server(graphkit_home: str) -> Iterator[_server.ServerInfo | None]:
    """The embedded server, started once per session; None when the tests run against NEO4J_URI."""
    if os.environ.get("NEO4J_URI"):
        yield None
        return
    info = _server.start()
    try:
        yield info
    finally:
        _server.stop()


@pytest.fixture(scope="module")
def graph(request: pytest.FixtureRequest, server: _server.ServerInfo | None) -> Iterator[object]:
    """A connected Graph on an empty database used by this test module alone (wiped first on Neo4j)."""
    from graphkit.store import _db

    if server is None:
        with _db.connect() as g:
            g.write("db/wipe")
            yield g
        return
    module = re.sub(r"[^A-Za-z0-9_]", "_", request.module.__name__.rsplit(".", 1)[-1])[:40]
    name = f"t_{module}_{next(_counter)}"
    _server.drop_database(name)  # a leftover of an interrupted run
    _server.ensure_database(name)
    old = os.environ.get("GRAPHKIT_DATABASE")
    os.environ["GRAPHKIT_DATABASE"] = name
    try:
        with _db.connect(database=name) as g:
            yield g
    finally:
        _restore("GRAPHKIT_DATABASE", old)
        if _server.status() is not None:
            _server.drop_database(name)


@pytest.fixture
def run_cli() -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run ``python -m graphkit ARGS`` in a subprocess with the current environment."""

    def run(
        *args: object, input: str | None = None, env: dict[str, str] | None = None, timeout: float = 600
    ) -> subprocess.CompletedProcess[str]:
        full_env = {**os.environ, **(env or {})}
        return subprocess.run(
            [sys.executable, "-m", "graphkit", *map(str, args)],
            input=input,
            capture_output=True,
            text=True,
            env=full_env,
            timeout=timeout,
            check=False,
        )

    return run
