"""Pure analytics: functions of plain rows (a :class:`Snapshot`) or a networkx graph, no I/O.

- ``coverage_status(snapshot, as_of)`` — coverage status of every regency (docs/DESIGN.md §3);
- ``collaboration_network(snapshot, as_of)`` — the collaboration network (docs/DESIGN.md §4).

The network functions are imported on first use (networkx and scipy take a while to load).
"""

from typing import Any

from graphkit.analytics._snapshot import Snapshot
from graphkit.analytics.coverage import STATUSES, CoverageRow, coverage_status

__all__ = [
    "Snapshot",
    "STATUSES",
    "CoverageRow",
    "coverage_status",
    "collaboration_network",
    "network_summary",
]


def __getattr__(name: str) -> Any:
    if name in ("collaboration_network", "network_summary"):
        from graphkit.analytics import network

        return getattr(network, name)
    raise AttributeError(f"module 'graphkit.analytics' has no attribute {name!r}")
