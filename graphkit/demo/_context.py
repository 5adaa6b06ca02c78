"""What every demo step receives: the graph, the output folder, ``echo`` and the reads started early.

Its own module so that the steps (``_reports``, ``_maps``) and the runner (``_demo``) share it without
importing each other.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from graphkit.store._db import Graph

__all__ = ["DemoContext"]

_T = TypeVar("_T")


@dataclass
class DemoContext:
    graph: Graph
    out: Path
    dataset: Path
    echo: Callable[[str], None]
    timings: dict[str, float] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    #: reads started right after the load (``counts``, ``snapshot``, ``details``): each a function that
    #: waits for its result; see :meth:`prefetched`
    pending: dict[str, Callable[[], Any]] = field(default_factory=dict)

    def prefetched(self, name: str, compute: Callable[[], _T]) -> _T:
        """The result of the read started for ``name`` after the load, else ``compute()`` (a step run
        on its own, e.g. in a test, reads what it needs itself)."""
        wait = self.pending.pop(name, None)
        return wait() if wait is not None else compute()
