"""Cross-process locks (fcntl) in the graphkit home folder: one loader at a time."""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
from collections.abc import Callable, Iterator

from graphkit._errors import BusyError
from graphkit._server import home

__all__ = ["file_lock"]


@contextlib.contextmanager
def file_lock(
    name: str, *, timeout: float = 600, waiting: Callable[[], None] | None = None, what: str = "another load"
) -> Iterator[None]:
    """Hold ``home()/<name>.lock``; wait up to ``timeout`` seconds, calling ``waiting()`` once if we must."""
    path = home() / f"{name}.lock"
    fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
    try:
        deadline = time.monotonic() + timeout
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not told and waiting:
                    waiting()
                told = True
                if time.monotonic() > deadline:
                    raise BusyError(
                        f"{what} is still running after {timeout:.0f} s (lock {path}); "
                        "wait for it to finish and run the command again"
                    ) from None
                time.sleep(0.2)
        yield
    finally:
        os.close(fd)
