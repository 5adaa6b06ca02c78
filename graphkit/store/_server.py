"""The embedded graph database: a local ArcadeDB server process that speaks Bolt.

One detached server process per home folder owns the data (ArcadeDB locks its root: a second process
cannot open it); every graphkit command finds it through ``home()/server.json`` and connects over Bolt,
the same code path as a production Neo4j. This module never imports ``neo4j``, and imports
``arcadedb_embedded`` only inside the server process (``python -m graphkit.store._serve``).
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path

from graphkit._errors import DatabaseError, DatabaseUnavailable
from graphkit.store._engine import choose_engine
from graphkit.store._home import home
from graphkit.store._lock import file_lock

__all__ = ["ServerInfo", "home", "password", "status", "start", "stop", "ensure_database",
           "drop_database", "list_databases"]  # fmt: skip

HOST = "127.0.0.1"
USER = "root"
DEFAULT_DATABASE = "graphkit"
STATE_FILE = "server.json"
LOG_FILE = "server.log"
PASSWORD_FILE = "password"
#: the server exits by itself when this pid is gone (the test suite sets it to pytest's pid)
WATCH_PID_ENV = "GRAPHKIT_SERVER_WATCH_PID"
_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,63}$")
_LOG_ROTATE_BYTES = 5_000_000
_children: dict[int, subprocess.Popen[bytes]] = {}  # keeps spawned servers referenced (no ResourceWarning)


@dataclass
class ServerInfo:
    """A running embedded server, as recorded in ``home()/server.json``."""

    pid: int
    bolt_uri: str
    http_url: str
    bolt_port: int
    http_port: int
    data_dir: str
    started_at: float  # seconds since the epoch
    engine: str = "jvm"  # the ArcadeDB build: native or jvm (graphkit.store._engine)
    engine_version: str = ""  # its distribution and version, e.g. "arcadedb 26.11.1.dev2"
    engine_note: str = ""  # why it is not the default build ("" when it is)

    @property
    def uptime(self) -> float:
        """Seconds since the server became ready."""
        return max(0.0, time.time() - self.started_at)


def password() -> str:
    """Return the root password of the embedded server, generated (mode 0600) on first use.

    Written under a temporary name created ``O_CREAT | O_EXCL`` with mode 0600, then hard-linked into
    place: never world-readable, never seen half written by a concurrent caller. ArcadeDB applies it
    only when its root is first created, so the file must stay with the databases.
    """
    path = home() / PASSWORD_FILE
    users = path.parent / "config" / "server-users.jsonl"
    if not path.exists() and users.exists():
        raise DatabaseUnavailable(
            f"{path} is missing but the databases in {path.parent} already have a root password; "
            f"restore the file, or delete {users} to set a new password at the next start"
        )
    if not path.exists():
        tmp = path.with_name(f".{PASSWORD_FILE}.{os.getpid()}.{secrets.token_hex(4)}")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(secrets.token_urlsafe(24) + "\n")  # 32 characters
            with contextlib.suppress(FileExistsError):  # else another process won the race: use theirs
                os.link(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)
    if path.stat().st_mode & 0o077:
        os.chmod(path, 0o600)
    text = path.read_text(encoding="utf-8").strip()
    if len(text) < 8:
        raise DatabaseUnavailable(f"{path}: the password file is empty or too short; restore it")
    return text


def _state_path() -> Path:
    return home() / STATE_FILE


def _read_state() -> ServerInfo | None:
    try:
        data = json.loads(_state_path().read_text(encoding="utf-8"))
        return ServerInfo(**{k: data[k] for k in ServerInfo.__dataclass_fields__ if k in data})
    except FileNotFoundError:
        return None
    except (ValueError, KeyError, TypeError):
        _state_path().unlink(missing_ok=True)  # unreadable: a crash mid-write never happens (os.replace)
        return None


def _write_state(info: ServerInfo) -> None:
    path = _state_path()
    tmp = path.with_name(f".{STATE_FILE}.{os.getpid()}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(asdict(info), fh, indent=2)
        fh.write("\n")
    os.replace(tmp, path)


def _remove_state(pid: int) -> None:
    info = _read_state()
    if info is not None and info.pid == pid:
        _state_path().unlink(missing_ok=True)


def _server_lock(timeout: float) -> contextlib.AbstractContextManager[None]:
    """Held while a process starts or stops the server, so two commands never both spawn one."""
    return file_lock("server", timeout=timeout, what="another command starting or stopping the database")


def _tail(path: Path, lines: int = 3) -> str:
    """The last non-blank ``lines`` of a log file, on one line."""
    with contextlib.suppress(OSError):
        kept = [ln.strip() for ln in path.read_text(errors="replace").splitlines() if ln.strip()]
        return " | ".join(kept[-lines:])[-600:]
    return ""


def _pid_alive(pid: int) -> bool:
    """Whether process ``pid`` exists and is not a zombie (our own exited child is reaped)."""
    if pid in _children:
        _children[pid].poll()
    try:
        os.kill(pid, 0)
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except ProcessLookupError:
        return False
    except (OSError, IndexError):
        return True  # not ours to signal, or no /proc


def _is_our_server(pid: int) -> bool:
    """Whether ``pid`` is a graphkit server process (not a recycled pid); True where /proc is missing."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return not Path("/proc/self").exists()
    return b"graphkit.store._serve" in cmdline and b"serve" in cmdline


def _port_open(port: int, timeout: float = 1.0) -> bool:
    try:
        with socket.create_connection((HOST, port), timeout=timeout):
            return True
    except OSError:
        return False


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def status() -> ServerInfo | None:
    """Return the running embedded server, or None.

    Running means: the recorded pid is a live graphkit server process AND its Bolt port accepts a TCP
    connection. State left by a server that is gone is removed.
    """
    info = _recorded_server()
    return info if info is not None and _port_open(info.bolt_port) else None


def _recorded_server() -> ServerInfo | None:
    """The server ``server.json`` records, if that process is alive and ours; stale state is removed."""
    info = _read_state()
    if info is None:
        return None
    if not _pid_alive(info.pid) or not _is_our_server(info.pid):
        _remove_state(info.pid)
        return None
    return info


def start(timeout: float = 90) -> ServerInfo:
    """Start the embedded server unless one is running; return it.

    Idempotent and safe to call from several processes at once: an ``flock`` on ``home()/server.lock``
    makes the later callers wait and then find the first caller's server. The server is a detached
    process (new session) that outlives the caller; it logs to ``home()/server.log``.

    Raises
    ------
    DatabaseUnavailable
        The server did not become ready within ``timeout`` seconds or died while starting.
    BusyError
        Another process held the lock for longer than ``timeout`` + 30 seconds.
    """
    info = status()
    if info is not None:
        return info
    with _server_lock(timeout + 30):
        info = status()
        if info is not None:
            return info
        stuck = _read_state()  # a live server process that does not answer (yet)
        for _ in range(50 if stuck else 0):
            if status() is not None or not _pid_alive(stuck.pid):
                break
            time.sleep(0.2)
        if stuck is not None and _pid_alive(stuck.pid):
            if status() is not None:
                return stuck
            raise DatabaseUnavailable(
                f"the embedded graph database (pid {stuck.pid}) does not answer on {stuck.bolt_uri}; "
                f"run `graphkit db stop` and start it again (log: {home() / LOG_FILE})"
            )
        return _spawn(timeout)


class _ExitedWhileStarting(DatabaseUnavailable):  # the server process exited before it was ready
    pass


def _spawn(timeout: float) -> ServerInfo:
    """Start the build ``GRAPHKIT_ENGINE`` chooses; the JVM one when the default native one cannot start."""
    choice = choose_engine()
    try:
        return _spawn_engine(timeout, choice.name, choice.note)
    except _ExitedWhileStarting:
        if choice.explicit or choice.name != "native":
            raise
        note = f"the native build failed to start ({_tail(home() / LOG_FILE, 1)[:200]}): using the JVM build"
        return _spawn_engine(timeout, "jvm", note)


def _spawn_engine(timeout: float, engine: str, note: str) -> ServerInfo:
    root, log = home(), home() / LOG_FILE
    password()  # generated here, not raced by the child
    if log.exists() and log.stat().st_size > _LOG_ROTATE_BYTES:
        os.replace(log, log.with_name(LOG_FILE + ".1"))
    deadline = time.monotonic() + timeout
    for attempt in range(3):
        http_port, bolt_port = _free_port(), _free_port()
        cmd = [sys.executable, "-m", "graphkit.store._serve", "serve", "--home", str(root),
               "--http-port", str(http_port), "--bolt-port", str(bolt_port), "--engine", engine]  # fmt: skip
        cmd += ["--note", note] if note else []
        with open(log, "ab") as out:
            out.write(f"\n--- graphkit: {time.ctime()}: {' '.join(cmd)}\n".encode())
            out.flush()
            proc = subprocess.Popen(  # noqa: S603 - our own interpreter and module
                cmd, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                cwd=root, start_new_session=True, close_fds=True,
            )  # fmt: skip
        _children[proc.pid] = proc
        while time.monotonic() < deadline and proc.poll() is None:
            info = _read_state()
            if info is not None and info.pid == proc.pid and _port_open(info.bolt_port):
                return info
            time.sleep(0.1)
        if proc.poll() is None:
            _terminate(proc.pid, 10)
            raise DatabaseUnavailable(
                f"the embedded graph database did not start within {timeout:.0f} s; see {log}: {_tail(log)}"
            )
        if "Address already in use" not in _tail(log, 40) or attempt == 2:  # else: lost a port race
            break
    raise _ExitedWhileStarting(
        f"the embedded graph database ({engine} build) exited while starting (status {proc.returncode}); "
        f"see {log}: {_tail(log)}"
    )


def _terminate(pid: int, timeout: float) -> None:
    """SIGTERM ``pid``, wait for it to exit, SIGKILL it after ``timeout`` seconds."""
    for sig, wait in ((signal.SIGTERM, timeout), (signal.SIGKILL, 10.0)):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, sig)
        deadline = time.monotonic() + wait
        while _pid_alive(pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        if not _pid_alive(pid):
            return


def stop(timeout: float = 30) -> bool:
    """Stop the embedded server: SIGTERM, then SIGKILL after ``timeout`` seconds.

    Returns
    -------
    bool
        True if a server process was stopped, False if none was running.
    """
    with _server_lock(timeout + 120):
        info = _recorded_server()
        if info is None:
            return False
        _terminate(info.pid, timeout)
        _remove_state(info.pid)
        _children.pop(info.pid, None)
        return True


# ----------------------------------------------------------------------------------------- databases


def _http(method: str, path: str, body: dict[str, object] | None = None) -> dict[str, object]:
    info = status()
    if info is None:
        raise DatabaseUnavailable("the embedded graph database is not running; run `graphkit db start`")
    token = base64.b64encode(f"{USER}:{password()}".encode()).decode()
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(
        info.http_url + path, data=data, method=method,
        headers={"Authorization": f"Basic {token}", "Content-Type": "application/json"},
    )  # fmt: skip
    try:
        with urllib.request.urlopen(req, timeout=60) as resp:  # noqa: S310 - loopback http only
            raw = resp.read()
    except urllib.error.HTTPError as err:
        detail = err.read().decode("utf-8", errors="replace")
        with contextlib.suppress(ValueError, AttributeError):
            detail = json.loads(detail).get("error") or detail
        detail = (str(detail).strip().splitlines() or ["no detail"])[0]
        raise DatabaseError(f"{info.http_url}{path}: HTTP {err.code}: {detail}") from None
    except OSError as err:
        raise DatabaseUnavailable(f"cannot reach the embedded database at {info.http_url}: {err}") from None
    return json.loads(raw) if raw.strip() else {}


def _check_name(name: str) -> str:
    if not _NAME.match(name):
        raise DatabaseError(f"invalid database name {name!r}: use a letter, then letters, digits or _")
    return name


def list_databases() -> list[str]:
    """Names of the databases in the running embedded server."""
    result = _http("GET", "/api/v1/databases").get("result") or []
    return [str(n) for n in result]  # type: ignore[union-attr]


def ensure_database(name: str) -> bool:
    """Create database ``name`` in the running embedded server if it is missing.

    Returns
    -------
    bool
        True if it was created now.
    """
    _check_name(name)
    if name in list_databases():
        return False
    try:
        _http("POST", "/api/v1/server", {"command": f"create database {name}"})
    except DatabaseError:
        if name in list_databases():  # created concurrently by another process
            return False
        raise
    return True


def drop_database(name: str) -> bool:
    """Drop database ``name`` (and its data) from the running embedded server; False if missing."""
    _check_name(name)
    if name not in list_databases():
        return False
    _http("POST", "/api/v1/server", {"command": f"drop database {name}"})
    return True
