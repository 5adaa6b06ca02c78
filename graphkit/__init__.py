"""graphkit: who collaborates with whom in protecting Indonesian migrant workers.

The public API. Functions that return tables return pandas DataFrames; connection is the same choice as
the CLI's (a running ``graphkit db`` server is reused, none running starts one; ``NEO4J_URI`` means Neo4j).

>>> import graphkit
>>> "coverage" in graphkit.__all__
True

Names are imported on first use, so ``import graphkit`` (and the CLI) stays fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from graphkit._version import __version__ as __version__

_EXPORTS: dict[str, str] = {
    # connection and ad hoc queries
    "connect": "graphkit.store._db",
    "Graph": "graphkit.store._db",
    "query": "graphkit.store._query",
    # datasets
    "validate_dataset": "graphkit.dataset._validate",
    "Dataset": "graphkit.dataset._validate",
    "load_dataset": "graphkit.sync._load",
    "LoadResult": "graphkit.sync._load",
    "generate": "graphkit.synthetic._generate",
    "export_dataset": "graphkit.sync._export",
    "extract": "graphkit.extraction",
    # reports
    "snapshot": "graphkit.sync._fetch",
    "Snapshot": "graphkit.analytics._snapshot",
    "coverage": "graphkit.reports._reports",
    "isolated_regencies": "graphkit.reports._reports",
    "centrality": "graphkit.reports._reports",
    "expiring": "graphkit.reports._reports",
    "followup": "graphkit.reports._reports",
    "changes": "graphkit.reports._planning",
    "approach_paths": "graphkit.reports._planning",
    "brief": "graphkit.briefing",
    # maps
    "render_map": "graphkit.maps",
    "map_picture": "graphkit.maps._picture",
    # reference regions
    "provinces": "graphkit.dataset._regions",
    "regencies": "graphkit.dataset._regions",
    "resolve_region": "graphkit.dataset._regions",
    # errors
    "GraphkitError": "graphkit._errors",
    "InputError": "graphkit._errors",
    "InputErrors": "graphkit._errors",
    "DatabaseError": "graphkit._errors",
    "DatabaseUnavailable": "graphkit._errors",
    "QueryError": "graphkit._errors",
    "BusyError": "graphkit._errors",
}

__all__ = [
    "connect",
    "Graph",
    "query",
    "validate_dataset",
    "Dataset",
    "load_dataset",
    "LoadResult",
    "generate",
    "export_dataset",
    "extract",
    "snapshot",
    "Snapshot",
    "coverage",
    "isolated_regencies",
    "centrality",
    "expiring",
    "followup",
    "changes",
    "approach_paths",
    "brief",
    "render_map",
    "map_picture",
    "provinces",
    "regencies",
    "resolve_region",
    "GraphkitError",
    "InputError",
    "InputErrors",
    "DatabaseError",
    "DatabaseUnavailable",
    "QueryError",
    "BusyError",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'graphkit' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:  # pragma: no cover
    from graphkit._errors import (
        BusyError,
        DatabaseError,
        DatabaseUnavailable,
        GraphkitError,
        InputError,
        InputErrors,
        QueryError,
    )
    from graphkit.analytics._snapshot import Snapshot
    from graphkit.briefing import brief
    from graphkit.dataset._regions import provinces, regencies, resolve_region
    from graphkit.dataset._validate import Dataset, validate_dataset
    from graphkit.extraction import extract
    from graphkit.maps import render_map
    from graphkit.reports._planning import approach_paths, changes
    from graphkit.reports._reports import centrality, coverage, expiring, followup, isolated_regencies
    from graphkit.store._db import Graph, connect
    from graphkit.store._query import query
    from graphkit.sync._export import export_dataset
    from graphkit.sync._fetch import snapshot
    from graphkit.sync._load import LoadResult, load_dataset
    from graphkit.synthetic._generate import generate
