"""Cross-process locks (fcntl) in the graphkit home folder: one loader, one server start/stop at a time.

The kernel releases an ``flock`` when its holder exits, however it exits (SIGKILL included), so a killed
load never leaves a stale lock behind. The holder writes its pid into the lock file for messages.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from graphkit._errors import BusyError
from graphkit.store._home import home

__all__ = ["file_lock", "lock_holder"]


def lock_holder(path: Path) -> int | None:
    """The pid written into the lock file ``path`` by its last holder, or None.

    >>> lock_holder(Path("/nonexistent/x.lock")) is None
    True
    """
    try:
        text = path.read_text(encoding="ascii", errors="replace").split()
    except OSError:
        return None
    return int(text[0]) if text and text[0].isdigit() else None


@contextlib.contextmanager
def file_lock(
    name: str, *, timeout: float = 600, waiting: Callable[[], None] | None = None, what: str = "another load"
) -> Iterator[None]:
    """Hold ``home()/<name>.lock`` while the block runs.

    Parameters
    ----------
    name : str
        Lock name (a file name stem), e.g. ``load-graphkit``.
    timeout : float
        Seconds to wait for another holder before giving up.
    waiting : callable, optional
        Called once, when this process has to wait.
    what : str
        What the other holder is doing, for the message.

    Raises
    ------
    BusyError
        The lock was still held after ``timeout`` seconds (the message names the holder's pid).
    """

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
                    pid = lock_holder(path)
                    who = f"{what} (pid {pid})" if pid else what
                    raise BusyError(
                        f"{who} is still running after {timeout:.0f} s (lock {path}); "
                        "wait for it to finish and run the command again"
                    ) from None
                time.sleep(0.2)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(fd)
