"""``graphkit db start|stop|status``: the embedded graph database server (or the Neo4j configured)."""

from __future__ import annotations

import json
import os

import click

from graphkit._errors import GraphkitError
from graphkit.store import _server

__all__ = ["db"]


def _neo4j_uri() -> str | None:
    return os.environ.get("NEO4J_URI") or None


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    if days:
        return f"{days}d {hours}h {minutes:02d}m"
    if hours:
        return f"{hours}h {minutes:02d}m"
    return f"{minutes}m {secs:02d}s" if minutes else f"{secs}s"


@click.group(name="db")
def db() -> None:
    """Start, stop and inspect the graph database.

    With no NEO4J_URI set, graphkit keeps its data in an embedded ArcadeDB server that runs in the
    background on 127.0.0.1 (data folder: $GRAPHKIT_HOME, default ~/.local/share/graphkit). Other
    commands start it when needed; `graphkit db stop` frees its memory.

    Example: graphkit db status
    """


@db.command(epilog="Example: graphkit db start")
@click.option(
    "--timeout", type=float, default=90.0, show_default=True, help="Seconds to wait for it to answer."
)
def start(timeout: float) -> None:
    """Start the embedded graph database in the background (nothing happens if it already runs)."""
    uri = _neo4j_uri()
    if uri:
        click.echo(f"NEO4J_URI is set: graphkit uses the Neo4j at {uri}; there is nothing to start")
        return
    running = _server.status()
    if running is not None:
        click.echo(f"the graphkit database is already running at {running.bolt_uri} (pid {running.pid})")
        return
    info = _server.start(timeout=timeout)
    click.echo(
        f"the graphkit database is running at {info.bolt_uri} (pid {info.pid}, data in {info.data_dir})"
    )


@db.command(epilog="Example: graphkit db stop")
@click.option("--timeout", type=float, default=30.0, show_default=True,
              help="Seconds to wait for a clean stop before killing it.")  # fmt: skip
def stop(timeout: float) -> None:
    """Stop the embedded graph database; the data stays on disk for the next start."""
    uri = _neo4j_uri()
    if uri:
        click.echo(f"NEO4J_URI is set: graphkit uses the Neo4j at {uri} and does not stop it")
        return
    running = _server.status()
    if _server.stop(timeout=timeout):
        pid = f" (pid {running.pid})" if running else ""
        click.echo(f"stopped the graphkit database{pid}; the data stays in {_server.home()}")
    else:
        click.echo("the graphkit database was not running")


@db.command(epilog="Example: graphkit db status --json")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of text.")
def status(as_json: bool) -> None:
    """Say whether the graph database runs: Bolt URI, data folder, pid and uptime.

    Exits with status 1 when the database is not running or does not answer.
    """
    uri = _neo4j_uri()
    report = _neo4j_status(uri) if uri else _embedded_status()
    if as_json:
        click.echo(json.dumps(report, indent=2, default=str))
    else:
        for key, value in report.items():
            if key != "running" and value not in (None, ""):
                click.echo(f"{key.replace('_', ' ') + ':':<15}{value}")
    if not report["running"]:
        raise SystemExit(1)  # works the same under click's standalone mode and without it


def _embedded_status() -> dict[str, object]:
    info = _server.status()
    if info is None:
        return {
            "running": False,
            "mode": "embedded ArcadeDB",
            "state": "not running; start it with `graphkit db start`",
            "data_folder": str(_server.home()),
            "engine": _next_engine(),
        }
    try:
        databases = ", ".join(_server.list_databases())
    except GraphkitError as err:
        databases = f"unknown ({err})"
    return {
        "running": True,
        "mode": "embedded ArcadeDB",
        "state": "running",
        "engine": f"{info.engine} build ({info.engine_version or 'version unknown'})",
        "engine_note": info.engine_note,
        "bolt_uri": info.bolt_uri,
        "http_url": info.http_url,
        "data_folder": info.data_dir,
        "pid": info.pid,
        "uptime": _duration(info.uptime),
        "databases": databases,
        "database": os.environ.get("GRAPHKIT_DATABASE") or _server.DEFAULT_DATABASE,
    }


def _next_engine() -> str:
    """The ArcadeDB build the next start uses (``GRAPHKIT_ENGINE``), as db status shows it."""
    from graphkit.store._engine import choose_engine, engine_version

    try:
        choice = choose_engine()
    except GraphkitError as err:
        return f"none: {err}"
    note = f"; {choice.note}" if choice.note else ""
    return f"{choice.name} build ({engine_version(choice.name)}) at the next start{note}"


def _neo4j_status(uri: str) -> dict[str, object]:
    from graphkit.store import _db  # imports neo4j: only when needed

    s = _db.settings()
    report: dict[str, object] = {"running": False, "mode": "Neo4j (NEO4J_URI)", "bolt_uri": uri,
                                 "user": s.user, "database": s.database}  # fmt: skip
    try:
        with _db.connect(start=False) as graph:
            info = graph.server_info()
            counts = graph.read("db/count")[0]
    except GraphkitError as err:
        report["state"] = f"does not answer: {err}"
        return report
    report.update(running=True, state="answers", server=info["agent"],
                  nodes=counts["nodes"], relationships=counts["relationships"])  # fmt: skip
    return report
