"""Loading a dataset: validate everything, diff against the graph, write only the difference.

After a load the graph equals the dataset (plus the reference regions and scopes). A load writes one
transaction when the change is small enough, so a failure leaves the graph as it was; a larger change
is written in batches, and because every load is a diff, running it again completes an interrupted one.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graphkit._db import Graph, connect
from graphkit._lock import file_lock
from graphkit._model import NODE_LABELS, REL_TYPES, GraphModel, build_model, rel_query
from graphkit._schema import DEFAULT_TERM_YEARS
from graphkit._validate import Dataset, validate_dataset

__all__ = ["LoadResult", "load_dataset", "ensure_schema", "graph_counts", "Progress"]

#: Called as progress(total) once, then progress(None, advance) as rows are written.
Progress = Callable[..., None]
BATCH_SIZE = 5_000
SINGLE_TRANSACTION_LIMIT = 150_000


@dataclass
class LoadResult:
    """What a load changed: counts per node label / relationship type, and how long it took."""

    dataset: str
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    deleted: dict[str, int] = field(default_factory=dict)
    nodes: int = 0
    relationships: int = 0
    seconds: float = 0.0
    rows_written: int = 0
    transactions: int = 0

    @property
    def unchanged(self) -> bool:
        return not (self.created or self.updated or self.deleted)

    def totals(self) -> dict[str, int]:
        return {k: sum(getattr(self, k).values()) for k in ("created", "updated", "deleted")}

    def summary(self) -> str:
        t = self.totals()
        size = f"graph: {self.nodes:,} nodes, {self.relationships:,} relationships"
        if self.unchanged:
            return f"{self.dataset}: no changes ({size}; checked in {self.seconds:.2f} s)"
        rate = f", {self.rows_written / self.seconds:,.0f} rows/s" if self.seconds else ""
        return (
            f"{self.dataset}: {t['created']:,} created, {t['updated']:,} updated, {t['deleted']:,} deleted "
            f"({size}; {self.seconds:.2f} s{rate})"
        )


def ensure_schema(graph: Graph) -> None:
    """Create every uniqueness constraint (idempotent); always before any data is written."""
    graph.write("schema/constraints")


def _primary(labels: list[str]) -> str | None:
    return next((label for label in labels if label in NODE_LABELS), None)


@dataclass
class _Plan:
    node_deletes: list[str] = field(default_factory=list)
    rel_deletes: list[str] = field(default_factory=list)
    node_writes: dict[str, list[dict]] = field(default_factory=lambda: defaultdict(list))
    rel_writes: dict[str, list[dict]] = field(default_factory=lambda: defaultdict(list))

    def size(self) -> int:
        return (
            len(self.node_deletes)
            + len(self.rel_deletes)
            + sum(map(len, self.node_writes.values()))
            + sum(map(len, self.rel_writes.values()))
        )


def _diff(graph: Graph, model: GraphModel, result: LoadResult) -> _Plan:
    plan = _Plan()
    count = {"created": defaultdict(int), "updated": defaultdict(int), "deleted": defaultdict(int)}
    seen: set[tuple[str, str]] = set()
    for row in graph.read("load/state/nodes", labels=list(NODE_LABELS)):
        label = _primary(row["labels"])
        key = (label, row["key"])
        want = model.nodes.get(key) if label else None
        if want is None or key in seen:
            plan.node_deletes.append(row["eid"])
            count["deleted"][label or "?"] += 1
            continue
        seen.add(key)
        if row["props"] != want:
            plan.node_writes[NODE_LABELS[label][1]].append({"key": key[1], "props": want})
            count["updated"][label] += 1
    for key, props in model.nodes.items():
        if key not in seen:
            plan.node_writes[NODE_LABELS[key[0]][1]].append({"key": key[1], "props": props})
            count["created"][key[0]] += 1
    rseen: set[tuple] = set()
    for row in graph.read("load/state/relationships", types=list(REL_TYPES)):
        key = (
            row["type"],
            _primary(row["start_labels"]),
            row["start"],
            _primary(row["end_labels"]),
            row["end"],
        )
        want = model.rels.get(key)  # type: ignore[arg-type]
        if want is None or key in rseen:
            plan.rel_deletes.append(row["eid"])
            count["deleted"][row["type"]] += 1
            continue
        rseen.add(key)
        if row["props"] != want:
            plan.rel_writes[rel_query(key[0], key[1], key[3])].append(
                {"start": key[2], "end": key[4], "props": want}
            )
            count["updated"][row["type"]] += 1
    for key, props in model.rels.items():
        if key not in rseen:
            plan.rel_writes[rel_query(key[0], key[1], key[3])].append(
                {"start": key[2], "end": key[4], "props": props}
            )
            count["created"][key[0]] += 1
    result.created, result.updated, result.deleted = (
        dict(count[k]) for k in ("created", "updated", "deleted")
    )
    result.nodes, result.relationships = len(model.nodes), len(model.rels)
    return plan


def _write(graph: Graph, plan: _Plan, progress: Progress | None, batch_size: int, result: LoadResult) -> None:
    steps = _steps(plan)
    total = plan.size()
    if progress:
        progress(total)
    if total <= SINGLE_TRANSACTION_LIMIT:
        with graph.transaction() as tx:
            for query, param, items in steps:
                for i in range(0, len(items), batch_size):
                    tx.run(query, **{param: items[i : i + batch_size]})
                    if progress:
                        progress(None, len(items[i : i + batch_size]))
        result.transactions = 1 if steps else 0
    else:
        for query, param, items in steps:
            for i in range(0, len(items), batch_size):
                with graph.transaction() as tx:
                    tx.run(query, **{param: items[i : i + batch_size]})
                result.transactions += 1
                if progress:
                    progress(None, len(items[i : i + batch_size]))
    result.rows_written = total


def _steps(plan: _Plan) -> list[tuple[str, str, list[Any]]]:
    """(query, parameter name, items) in write order: deletions, then nodes, then relationships."""
    steps: list[tuple[str, str, list[Any]]] = []
    if plan.rel_deletes:
        steps.append(("load/delete_relationships", "ids", plan.rel_deletes))
    if plan.node_deletes:
        steps.append(("load/delete_nodes", "ids", plan.node_deletes))
    order = [q for _, q in NODE_LABELS.values()]
    steps += [(q, "rows", plan.node_writes[q]) for q in sorted(plan.node_writes, key=order.index)]
    steps += [(q, "rows", plan.rel_writes[q]) for q in sorted(plan.rel_writes)]
    return steps


def load_dataset(
    dataset: str | Path | Dataset,
    graph: Graph | None = None,
    *,
    term_years: int = DEFAULT_TERM_YEARS,
    progress: Progress | None = None,
    batch_size: int = BATCH_SIZE,
    waiting: Callable[[], None] | None = None,
) -> LoadResult:
    """Validate ``dataset`` and make the graph equal to it, writing only what differs.

    Parameters
    ----------
    dataset : str, Path or Dataset
        A dataset folder or workbook (validated first; nothing is written if any problem is found),
        or an already validated :class:`Dataset`.
    graph : Graph, optional
        Where to load; by default :func:`connect` (the embedded database unless ``NEO4J_URI`` is set).
    term_years : int
        Assumed term of agreements without ``expires_on``.
    progress : callable, optional
        ``progress(total)`` once, then ``progress(None, n)`` per written batch.
    waiting : callable, optional
        Called once if another load holds the lock and this one has to wait.

    Returns
    -------
    LoadResult
        Created / updated / deleted counts per label and relationship type, size and timing.
    """
    ds = dataset if isinstance(dataset, Dataset) else validate_dataset(dataset)
    own = graph is None
    graph = graph or connect()
    try:
        with file_lock(f"load-{graph.database}", waiting=waiting):
            started = time.perf_counter()
            ensure_schema(graph)
            result = LoadResult(dataset=str(ds.path))
            plan = _diff(graph, build_model(ds, term_years=term_years), result)
            _write(graph, plan, progress, batch_size, result)
            result.seconds = time.perf_counter() - started
            return result
    finally:
        if own:
            graph.close()


def graph_counts(graph: Graph) -> dict[str, dict[str, int]]:
    """Nodes per label and relationships per type, as ``{"nodes": {...}, "relationships": {...}}``."""
    nodes: dict[str, int] = defaultdict(int)
    for row in graph.read("read/node_counts"):
        nodes[_primary(row["labels"]) or "/".join(row["labels"]) or "(no label)"] += row["n"]
    rels = {row["type"]: row["n"] for row in graph.read("read/relationship_counts")}
    return {"nodes": dict(sorted(nodes.items())), "relationships": dict(sorted(rels.items()))}
