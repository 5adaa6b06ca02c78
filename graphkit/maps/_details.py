"""What the map shows that the analytics snapshot leaves out: aliases and the source of each fact.

Three small named read queries (``cypher/read/maps/*.cypher``); everything else comes from
:func:`graphkit.sync._fetch.fetch_snapshot`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import dataclass, field
from typing import Any

from graphkit.store._db import Graph

__all__ = ["MapDetails", "fetch_details", "start_details", "details_from_rows"]

_LABELS = ("Organization", "Agreement", "FollowUp", "Program")


@dataclass
class MapDetails:
    """Aliases per organization id, sources by id, and source ids per ``(label, key)``.

    ``label`` is one of ``Organization``, ``Agreement``, ``FollowUp``, ``Program``.
    """

    aliases: dict[str, list[str]] = field(default_factory=dict)
    sources: dict[str, dict[str, Any]] = field(default_factory=dict)
    sourced: dict[tuple[str, str], list[str]] = field(default_factory=dict)

    def sources_of(self, label: str, key: str) -> list[str]:
        """Source ids of one fact (empty when the dataset gave none)."""
        return self.sourced.get((label, key), [])


def _text(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def details_from_rows(
    aliases: list[dict[str, Any]], sources: list[dict[str, Any]], sourced: list[dict[str, Any]]
) -> MapDetails:
    """Build :class:`MapDetails` from the rows of the three ``read/maps/*`` queries.

    >>> d = details_from_rows([{"id": "o", "aliases": ["X", "Y"]}],
    ...                       [{"id": "s", "title": "T", "published_on": dt.date(2024, 3, 14)}],
    ...                       [{"labels": ["Organization"], "id": "o", "source": "s"}])
    >>> d.aliases["o"], d.sources["s"]["published_on"], d.sources_of("Organization", "o")
    (['X', 'Y'], '2024-03-14', ['s'])
    """
    out = MapDetails()
    for r in aliases:
        value = r.get("aliases")
        names = value.split(";") if isinstance(value, str) else list(value or [])
        cleaned = [str(n).strip() for n in names if n is not None and str(n).strip()]
        if cleaned:
            out.aliases[str(r["id"])] = cleaned
    for r in sources:
        out.sources[str(r["id"])] = {
            k: _text(r.get(k)) for k in ("title", "publisher", "published_on", "url")
        }
    for r in sourced:
        label = next((lab for lab in _LABELS if lab in (r.get("labels") or [])), None)
        if label is None or r.get("id") is None or r.get("source") is None:
            continue
        ids = out.sourced.setdefault((label, str(r["id"])), [])
        if str(r["source"]) not in ids:
            ids.append(str(r["source"]))
    return out


def fetch_details(graph: Graph) -> MapDetails:
    """Read aliases and sources from ``graph`` (three read queries)."""
    return details_from_rows(*(graph.read(name) for name in _QUERIES))


def start_details(graph: Graph, pool: Executor) -> Callable[[], MapDetails]:
    """Submit the three read queries to ``pool`` now; the function returned waits for them and builds
    the :class:`MapDetails` (as :func:`fetch_details`). ``pool`` must not be busy running that function."""
    futures = [pool.submit(graph.read, name) for name in _QUERIES]
    return lambda: details_from_rows(*(f.result() for f in futures))


_QUERIES = ("read/maps/aliases", "read/maps/sources", "read/maps/sourced")
