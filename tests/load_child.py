"""Test helper: ``graphkit load`` in a child process that says when it has written a batch.

The real CLI, with its progress bar replaced by plain lines on stderr, so that a test knows when rows are
being written (to SIGKILL the client or the server mid-load); everything else (connection, lock, load,
errors) is real. Used by test_faults.py and test_other_engine.py.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

__all__ = ["CHILD", "child", "wait_for_writes"]

CHILD = """
import contextlib, sys
import graphkit.sync._load, graphkit.cli.data as data

@contextlib.contextmanager
def lines(description):
    def update(total=None, advance=0):
        if total is not None:
            print(f"progress total {total}", file=sys.stderr, flush=True)
        if advance:
            print(f"progress advance {advance}", file=sys.stderr, flush=True)
    yield update

data.progress_bar = lines
if len(sys.argv) > 2:
    graphkit.sync._load.SINGLE_TRANSACTION_LIMIT = int(sys.argv[2])
from graphkit.cli import cli
cli.main(["load", sys.argv[1]], prog_name="graphkit")
"""


def child(path: Path, database: str, limit: int | None = None) -> subprocess.Popen[str]:
    """``graphkit load PATH`` into ``database``; ``limit``: the single-transaction limit (0: batched)."""
    args = [sys.executable, "-c", CHILD, str(path)] + ([str(limit)] if limit is not None else [])
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "GRAPHKIT_DATABASE": database})  # fmt: skip


def wait_for_writes(proc: subprocess.Popen[str], batches: int = 1, timeout: float = 120) -> list[str]:
    """Read the child's stderr until ``batches`` batches were written inside the load's transaction."""
    seen: list[str] = []
    deadline = time.monotonic() + timeout
    assert proc.stderr is not None
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        if not line:
            raise AssertionError(f"the load ended before writing {batches} batch(es): {seen}")
        seen.append(line.rstrip("\n"))
        if sum(s.startswith("progress advance") for s in seen) >= batches:
            return seen
    raise AssertionError(f"no write within {timeout} s: {seen}")
