"""The graphkit home folder: where the embedded database keeps its data, password, state and locks.

Its own module so that both the server (``_server``) and the locks (``_lock``) can find it without
importing each other.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

__all__ = ["home"]


def home() -> Path:
    """Return the data folder of the embedded database, created with mode 0700 if missing.

    ``$GRAPHKIT_HOME``, else ``$XDG_DATA_HOME/graphkit``, else ``~/.local/share/graphkit``.
    """
    env = os.environ.get("GRAPHKIT_HOME")
    if env:
        path = Path(env).expanduser()
    else:
        xdg = os.environ.get("XDG_DATA_HOME")
        base = Path(xdg).expanduser() if xdg else Path.home() / ".local" / "share"
        path = base / "graphkit"
    path = path.absolute()
    if not path.is_dir():
        path.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(FileExistsError):
            path.mkdir(mode=0o700)
    return path
