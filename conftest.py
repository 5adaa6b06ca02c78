"""pytest set-up for everything collected under the repository root: ``tests/`` and the notebooks.

Plain ``pytest`` collects ``tests/`` and runs ``notebooks/*.ipynb`` through nbmake (pyproject.toml). nbmake
items use no fixtures, so the isolation the test fixtures give cannot reach them; these hooks can, because
this file sits in the rootdir (pytest loads it for every path below it, before collection):

- ``pytest_configure``: ``GRAPHKIT_HOME`` -> a fresh temporary folder, ``GRAPHKIT_DATABASE`` unset, and
  ``GRAPHKIT_SERVER_WATCH_PID`` -> this pytest process. Notebook kernels and CLI subprocesses inherit
  ``os.environ``, so a server they start lives in that folder (never the developer's data) and exits by
  itself if pytest dies. (tests/conftest.py's session fixture still makes its own home for fixture users.)
- ``pytest_unconfigure``: stops a server started in that folder, restores the variables, removes it.
- ``pytest_collection_modifyitems``: with ``NEO4J_URI`` set, notebooks are skipped (they load into their
  own databases, ``nb01`` ..., of the embedded server, and a load replaces a database's contents).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

_ENV = ("GRAPHKIT_HOME", "GRAPHKIT_DATABASE", "GRAPHKIT_SERVER_WATCH_PID")
_HOME = pytest.StashKey[Path]()
_SAVED = pytest.StashKey[dict[str, str | None]]()


def pytest_configure(config: pytest.Config) -> None:
    from graphkit.store import _server

    assert _server.WATCH_PID_ENV in _ENV
    home = Path(tempfile.mkdtemp(prefix="graphkit-pytest-home-"))
    config.stash[_SAVED] = {key: os.environ.get(key) for key in _ENV}
    config.stash[_HOME] = home
    os.environ["GRAPHKIT_HOME"] = str(home)
    os.environ.pop("GRAPHKIT_DATABASE", None)
    os.environ[_server.WATCH_PID_ENV] = str(os.getpid())


def pytest_unconfigure(config: pytest.Config) -> None:
    home = config.stash.get(_HOME, None)
    if home is None:
        return
    from graphkit.store import _server

    os.environ["GRAPHKIT_HOME"] = str(home)
    try:
        _server.stop()
    finally:
        for key, value in config.stash[_SAVED].items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        shutil.rmtree(home, ignore_errors=True)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not os.environ.get("NEO4J_URI"):
        return
    skip = pytest.mark.skip(
        reason="notebooks load into databases of their own (nb01 ...) in the embedded server: unset NEO4J_URI"
    )
    for item in items:
        if item.path.suffix == ".ipynb":
            item.add_marker(skip)
