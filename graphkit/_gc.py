"""Pausing Python's cyclic garbage collector around work that allocates many objects with few cycles."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["gc_paused"]


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection inside the block; the collector's previous state is restored after.

    A load makes millions of small tuples and dicts that live until it ends, and each collection walks all
    of them again (it tripled the diff's time at 100x); the demo's steps allocate rows, networkx graphs and
    page data with few cycles (the passes took ~15% of their time). Reference counting still frees
    everything that is not cyclic.

    >>> with gc_paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
