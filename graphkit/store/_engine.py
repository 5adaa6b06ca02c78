"""Which ArcadeDB build runs the embedded server: the native one (no JVM) or the JVM one.

``GRAPHKIT_ENGINE=native|jvm`` chooses; unset (or ``auto``) means the native build where it can run, else
the JVM build. The native build is the PyPI package ``arcadedb`` (ArcadeDB compiled with GraalVM
native-image: starts in well under a second, half the memory); the JVM build is ``arcadedb-embedded``
(a bundled Java runtime: 3 s to start, but its JIT makes bulk loads of 10x-100x the national data
1.7-1.9x faster). Both serve the same data folder; docs/embedded-arcadedb.md has the measurements.
This module imports neither build: it only looks at what is installed (cheap, in every command).
"""

from __future__ import annotations

import importlib.util
import os
import platform
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from graphkit._errors import DatabaseUnavailable

__all__ = ["ENGINE_ENV", "ENGINES", "DEFAULT_ENGINE", "EngineChoice", "choose_engine", "native_unavailable",
           "engine_version"]  # fmt: skip

ENGINE_ENV = "GRAPHKIT_ENGINE"
ENGINES = ("native", "jvm")
DEFAULT_ENGINE = "native"
#: the distribution that carries each build
DISTRIBUTIONS = {"native": "arcadedb", "jvm": "arcadedb-embedded"}
_LIBRARY = {"linux": "libarcadedb.so", "darwin": "libarcadedb.dylib", "win32": "libarcadedb.dll"}


@dataclass(frozen=True)
class EngineChoice:
    """The build a server start uses: ``name`` is ``native`` or ``jvm``; ``explicit`` when the user chose it
    with ``GRAPHKIT_ENGINE``; ``note`` says why the default build was not used ("" when it was)."""

    name: str
    explicit: bool
    note: str = ""


def native_unavailable() -> str | None:
    """Why the native build cannot run on this machine, or None when it can (nothing is imported).

    Checks that the ``arcadedb`` package and its library for this platform are installed; a failure
    while loading it shows only when the server starts (``graphkit._server`` then falls back to the JVM).
    """
    spec = importlib.util.find_spec("arcadedb")
    if spec is None or not spec.submodule_search_locations:
        return "the native build (PyPI arcadedb) is not installed for this platform"
    if _installed("arcadedb-jvm"):
        return "arcadedb-jvm is installed too, and it replaces the native build's `arcadedb` package"
    lib = Path(next(iter(spec.submodule_search_locations))) / "_native" / _LIBRARY.get(sys.platform, "-")
    if not lib.is_file():
        return f"the native build has no library for {sys.platform}/{platform.machine()} ({lib} is missing)"
    return None


def choose_engine(env: dict[str, str] | None = None) -> EngineChoice:
    """The build the next server start uses, from ``GRAPHKIT_ENGINE`` in ``env`` (default ``os.environ``).

    >>> choose_engine({"GRAPHKIT_ENGINE": "jvm"})
    EngineChoice(name='jvm', explicit=True, note='')
    >>> choose_engine({"GRAPHKIT_ENGINE": "JVM "}).name
    'jvm'

    Raises
    ------
    DatabaseUnavailable
        ``GRAPHKIT_ENGINE`` names no build, or names the native one where it cannot run.
    """
    wanted = (os.environ if env is None else env).get(ENGINE_ENV, "").strip().lower()
    if wanted not in ("", "auto", *ENGINES):
        raise DatabaseUnavailable(f"{ENGINE_ENV}={wanted!r}: use native, jvm or auto (unset: auto)")
    if wanted == "jvm":
        return EngineChoice("jvm", True)
    why = native_unavailable()
    if wanted == "native":
        if why:
            raise DatabaseUnavailable(f"{ENGINE_ENV}=native, but {why}; unset {ENGINE_ENV} or set it to jvm")
        return EngineChoice("native", True)
    return EngineChoice("jvm", False, f"{why}: using the JVM build") if why else EngineChoice("native", False)


def engine_version(name: str) -> str:
    """``arcadedb 26.11.1.dev2``: the installed distribution of build ``name`` and its version."""
    dist = DISTRIBUTIONS[name]
    return f"{dist} {_installed(dist) or '(not installed)'}"


def _installed(dist: str) -> str | None:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None
