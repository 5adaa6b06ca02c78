"""Where to connect: explicit arguments, else the ``NEO4J_*`` environment, else the embedded server."""

from __future__ import annotations

import os
from dataclasses import dataclass

from graphkit.store import _server

__all__ = ["Settings", "settings"]


@dataclass(frozen=True)
class Settings:
    """Where and how to connect; ``uri`` is None while the embedded server is not running."""

    uri: str | None
    user: str
    password: str
    database: str
    embedded: bool


def settings(
    uri: str | None = None, user: str | None = None, password: str | None = None, database: str | None = None
) -> Settings:
    """Resolve connection settings: explicit arguments > ``NEO4J_*`` environment > the embedded default.

    A URI (argument or ``NEO4J_URI``) means Neo4j mode (user ``neo4j``, database ``neo4j`` unless set);
    none means the embedded server (user ``root``, its password file, database ``$GRAPHKIT_DATABASE``
    or ``graphkit``). Does not start anything.
    """
    env = os.environ.get
    if uri or env("NEO4J_URI"):
        return Settings(
            uri=uri or env("NEO4J_URI"),
            user=user or env("NEO4J_USERNAME") or "neo4j",
            password=password if password is not None else env("NEO4J_PASSWORD", ""),
            database=database or env("NEO4J_DATABASE") or "neo4j",
            embedded=False,
        )
    info = _server.status()
    return Settings(
        uri=info.bolt_uri if info else None,
        user=user or _server.USER,
        password=password if password is not None else _server.password(),
        database=database or env("GRAPHKIT_DATABASE") or _server.DEFAULT_DATABASE,
        embedded=True,
    )
