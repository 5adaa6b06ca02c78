"""Benchmark only: hides neo4j-rust-ext, so the driver packs Bolt messages in pure Python.

``bench.py`` puts this folder first on ``PYTHONPATH`` for a variant run without the extension (the
"before" settings); every Python process of that run (stages, workers, the CLI) then starts without it.
"""

import importlib.abc
import sys


class _HideRustExt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):  # noqa: ANN001, ANN201 - the finder protocol
        if name == "neo4j._rust" or name.startswith("neo4j._rust."):
            raise ImportError(f"{name} hidden by tests/perf/norust (benchmark without neo4j-rust-ext)")
        return None


sys.meta_path.insert(0, _HideRustExt())
