"""The embedded server's own process: ``python -m graphkit.store._serve serve --home H --engine E``.

Spawned (never forked) by ``graphkit.store._server.start()``; imports the ArcadeDB build it is told to
(``arcadedb``, native; ``arcadedb_embedded``, JVM; see ``graphkit.store._engine``) and runs the server
with its Bolt plugin on 127.0.0.1 until SIGTERM, SIGINT or SIGHUP, then stops it cleanly.
"""

from __future__ import annotations

import argparse
import gc
import os
import signal
import time
from pathlib import Path
from typing import Any

from graphkit.store._engine import ENGINES, engine_version
from graphkit.store._server import (
    DEFAULT_DATABASE,
    HOST,
    WATCH_PID_ENV,
    ServerInfo,
    _free_port,
    _pid_alive,
    _remove_state,
    _write_state,
    home,
    password,
)

__all__ = ["serve", "main"]

#: IPv4 sockets: the listeners are 127.0.0.1 (not [::ffff:127.0.0.1]) in ss and /proc/net/tcp; the
#: serial GC starts faster and keeps RSS lower on 2 cores, with the same steady throughput; a metaspace
#: that starts at 128 MB skips the two full collections class loading triggers while starting.
JVM_ARGS = ["-Djava.net.preferIPv4Stack=true", "-XX:+UseSerialGC", "-XX:MetaspaceSize=128m"]
#: A heap of at most 1.5 GB keeps the server under 2 GB at 100x; left out when ARCADEDB_JVM_ARGS sizes
#: the heap itself (e.g. ``-Xmx4g`` for datasets beyond 100x; a ``-Xms`` above the cap would not start).
HEAP_CAP = "-Xmx1536m"


def jvm_args(env: dict[str, str] | None = None) -> list[str]:
    """The JVM flags the embedded server starts with (``env``: the environment, default ``os.environ``).

    >>> jvm_args({})[-1]
    '-Xmx1536m'
    >>> jvm_args({"ARCADEDB_JVM_ARGS": "-Xms2g -Xmx4g"})[-1]
    '-XX:MetaspaceSize=128m'
    """
    own = (os.environ if env is None else env).get("ARCADEDB_JVM_ARGS", "").split()
    sized = any(arg.startswith(("-Xmx", "-Xms")) for arg in own)
    return JVM_ARGS if sized else [*JVM_ARGS, HEAP_CAP]


#: The native build's isolate gets the same IPv4 flag (without it, it listens on [::ffff:127.0.0.1]);
#: ``ARCADEDB_NATIVE_ISOLATE_ARGS`` adds the user's own options (e.g. ``-Xmx4g``). Its heap defaults to
#: half the memory; at 100x it stays under 0.5 GB (docs/embedded-arcadedb.md).
NATIVE_ARGS = ["-Djava.net.preferIPv4Stack=true"]


def native_args(env: dict[str, str] | None = None) -> str:
    """The isolate options of the native build, as ``ARCADEDB_NATIVE_ISOLATE_ARGS`` carries them.

    >>> native_args({"ARCADEDB_NATIVE_ISOLATE_ARGS": "-Xmx2g"})
    '-Djava.net.preferIPv4Stack=true -Xmx2g'
    """
    own = (os.environ if env is None else env).get("ARCADEDB_NATIVE_ISOLATE_ARGS", "").split()
    return " ".join([*NATIVE_ARGS, *own])


def _create_server(engine: str, root: Path, pw: str, config: dict[str, Any]) -> Any:
    """The ArcadeDB server object of build ``engine`` (not started); the JVM starts here."""
    if engine == "native":
        os.environ["ARCADEDB_NATIVE_ISOLATE_ARGS"] = native_args()
        os.environ["ARCADEDB_BACKEND"] = "native"
        os.environ.setdefault("ARCADEDB_LOG_DIR", str(root / "log"))  # else under ~/.local/state
        import arcadedb

        return arcadedb.create_server(str(root), root_password=pw, config=config)
    import arcadedb_embedded
    from arcadedb_embedded.jvm import start_jvm

    start_jvm(jvm_args=jvm_args())
    return arcadedb_embedded.create_server(str(root), root_password=pw, config=config)


def serve(root: Path, http_port: int, bolt_port: int, engine: str = "jvm", note: str = "") -> None:
    """Run the server in this process until SIGTERM/SIGINT/SIGHUP (``python -m graphkit.store._serve``).

    ``engine`` is the ArcadeDB build (``native`` or ``jvm``); ``note`` why it is not the default one.
    """
    stopping: list[int] = []

    def on_signal(signum: int, _frame: object) -> None:
        stopping.append(signum)

    def handle_signals() -> None:
        for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
            signal.signal(sig, on_signal)

    handle_signals()
    # No cyclic garbage collector in this process: its Python side is a sleep loop, and JPype answers
    # each collection that follows growth of the process (the Java heap, during a load) with a
    # System.gc(), a full stop-the-world collection: 19 of them, ~7 s, during a 100x load.
    gc.disable()
    os.environ["GRAPHKIT_HOME"] = str(root)
    root, pw, pid = home(), password(), os.getpid()
    watch = int(os.environ.get(WATCH_PID_ENV) or 0)
    try:
        srv = _create_server(engine, root, pw, {
            "host": HOST,  # arcadedb.server.httpIncomingHost (and every plugin host defaulting to 0.0.0.0)
            "http_port": http_port,
            "server_plugins": "Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
            "bolt_port": bolt_port,
            "bolt_host": HOST,  # arcadedb.bolt.host, explicitly
            "bolt_defaultDatabase": DEFAULT_DATABASE,
            "server_logsDirectory": str(root / "log"),
        })  # fmt: skip
        # again: the JVM replaced them, and its own SIGTERM handling crashes the process (hs_err_pid*.log)
        handle_signals()
        srv.start()
        srv.create_database(DEFAULT_DATABASE)  # opens it if it exists
    except Exception as err:  # one line in the log for start() to quote, then out without the JVM's exit
        print(f"graphkit: the server failed to start: {type(err).__name__}: {err}", flush=True)
        os._exit(1)
    info = ServerInfo(pid, f"bolt://{HOST}:{bolt_port}", f"http://{HOST}:{http_port}", bolt_port, http_port,
                      str(root / "databases"), time.time(), engine, engine_version(engine), note)  # fmt: skip
    _write_state(info)
    print(f"graphkit: server ready, pid {pid}, {info.bolt_uri}, {engine} build ({info.engine_version})",
          flush=True)
    while not stopping:
        time.sleep(0.25)
        if watch and not _pid_alive(watch):
            print(f"graphkit: watched process {watch} is gone; stopping", flush=True)
            break
    srv.stop()  # closes the databases cleanly
    _remove_state(pid)
    print("graphkit: server stopped", flush=True)
    os._exit(0)  # skip the JVM's own shutdown sequence: everything is closed


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m graphkit.store._serve")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("serve", help="run the embedded ArcadeDB server in the foreground")
    p.add_argument("--home", required=True, type=Path)
    p.add_argument("--http-port", type=int, default=0)
    p.add_argument("--bolt-port", type=int, default=0)
    p.add_argument("--engine", choices=ENGINES, default="jvm")
    p.add_argument("--note", default="", help="why this is not the default build (shown by db status)")
    args = parser.parse_args(argv)
    serve(args.home, args.http_port or _free_port(), args.bolt_port or _free_port(), args.engine, args.note)


if __name__ == "__main__":
    main()
