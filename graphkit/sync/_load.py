"""Loading a dataset: validate everything, diff against the graph, write only the difference.

After a load the graph equals the dataset (plus the reference regions and scopes). A load writes one
transaction when the change is small enough, so a failure leaves the graph as it was; a larger change
is written in batches, and because every load is a diff, running it again completes an interrupted one.

How it stays fast (docs/PERFORMANCE.md has the figures): the constraints are created only when one is
missing; the graph's state is read in two records of parallel lists; the diff (``graphkit.sync._load_plan``)
names everything by element id, so new nodes are CREATEd (not MERGEd) and return their ids, new
relationships are CREATEd between ids (MERGE on a hub like BP2MI is quadratic) as compact ``[start, end]``
rows, and changed or removed relationships are found from their end with fewer relationships.
"""

from __future__ import annotations

import re
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graphkit._errors import QueryError
from graphkit._gc import gc_paused
from graphkit.dataset._schema import DEFAULT_TERM_YEARS
from graphkit.dataset._validate import Dataset, validate_dataset
from graphkit.store._cypher import get_query
from graphkit.store._db import Graph, connect
from graphkit.store._lock import file_lock
from graphkit.sync._load_plan import Plan, diff, primary_label
from graphkit.sync._model import CREATE_QUERIES, LINK_QUERIES, NODE_LABELS, build_model

__all__ = ["LoadResult", "load_dataset", "ensure_schema", "graph_counts", "Progress"]

#: Called as progress(total) once, then progress(None, advance) as rows are written.
Progress = Callable[..., None]
BATCH_SIZE = 5_000
SINGLE_TRANSACTION_LIMIT = 150_000
_CONSTRAINT_NAME = re.compile(r"CREATE CONSTRAINT (\w+)", re.IGNORECASE)


class _Clock:
    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = now - self._last
        self._last = now


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
    #: seconds per stage: schema (constraint check), model (dataset -> graph), diff (state read), write
    timings: dict[str, float] = field(default_factory=dict)

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


def ensure_schema(graph: Graph) -> bool:
    """Create every uniqueness constraint unless all exist already (one SHOW CONSTRAINTS when they do).

    Runs before any data is written. Returns True when ``schema/constraints`` was run.
    """
    wanted = set(_CONSTRAINT_NAME.findall(get_query("schema/constraints").text))
    try:
        have = {row["name"] for row in graph.read("schema/constraint_names")}
    except QueryError:  # a server without SHOW CONSTRAINTS: the statements are idempotent anyway
        have = set()
    if wanted <= have:
        return False
    graph.write("schema/constraints")
    return True


_Sink = Callable[[list[dict[str, Any]]], None]
_Step = tuple[str, str, list[Any], _Sink | None]


def _steps(plan: Plan, batch_size: int) -> Iterator[_Step]:
    """(query, parameter, batch, sink) in write order: deletions, updates, new nodes, new relationships.

    A sink receives the rows a batch returned (the element ids of new nodes); new relationships are
    resolved to element ids only when reached, after the nodes they link exist.
    """

    def batches(query: str, param: str, items: list[Any], sink: _Sink | None = None) -> Iterator[_Step]:
        for i in range(0, len(items), batch_size):
            yield query, param, items[i : i + batch_size], sink

    def remember(label: str) -> _Sink:
        def sink(rows: list[dict[str, Any]]) -> None:
            for row in rows:
                plan.eids.update(zip(((label, key) for key in row["keys"]), row["eids"], strict=True))

        return sink

    for side in ("out", "in"):
        yield from batches(f"load/delete_relationships_{side}", "rows", plan.rel_deletes[side])
    yield from batches("load/delete_nodes", "ids", plan.node_deletes)
    yield from batches("load/update_nodes", "rows", plan.node_updates)
    for side in ("out", "in"):
        yield from batches(f"load/update_relationships_{side}", "rows", plan.rel_updates[side])
    for label in NODE_LABELS:
        if plan.node_creates.get(label):
            yield from batches(CREATE_QUERIES[label], "rows", plan.node_creates[label], remember(label))
    for rtype in sorted(plan.rel_creates):
        eids, bare, with_props = plan.eids, [], []
        for start, end, props in plan.rel_creates[rtype]:
            if props:
                with_props.append([eids[start], eids[end], props])
            else:
                bare.append([eids[start], eids[end]])
        yield from batches(LINK_QUERIES[rtype][0], "rows", bare)
        yield from batches(LINK_QUERIES[rtype][1], "rows", with_props)


def _write(graph: Graph, plan: Plan, progress: Progress | None, batch_size: int, result: LoadResult) -> None:
    total = plan.size()
    if progress:
        progress(total)
    if total == 0:
        return
    if total <= SINGLE_TRANSACTION_LIMIT:
        with graph.transaction() as tx:
            for query, param, items, sink in _steps(plan, batch_size):
                rows = tx.run(query, **{param: items})
                if sink:
                    sink(rows)
                if progress:
                    progress(None, len(items))
        result.transactions = 1
    else:  # a transaction per batch (small batches of consecutive steps share one); progress: committed rows
        steps = _steps(plan, batch_size)
        step = next(steps, None)
        while step is not None:
            done = 0
            with graph.transaction() as tx:
                while step is not None and (done == 0 or done + len(step[2]) <= batch_size):
                    query, param, items, sink = step
                    rows = tx.run(query, **{param: items})
                    if sink:
                        sink(rows)
                    done += len(items)
                    step = next(steps, None)  # after the sink: new relationships need new nodes' ids
            result.transactions += 1
            if progress:
                progress(None, done)
    result.rows_written = total


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
    with gc_paused():
        ds = dataset if isinstance(dataset, Dataset) else validate_dataset(dataset)
    own = graph is None
    graph = graph or connect()
    try:
        with file_lock(f"load-{graph.database}", waiting=waiting), gc_paused():
            started = time.perf_counter()
            clock = _Clock()
            ensure_schema(graph)
            clock.lap("schema")
            model = build_model(ds, term_years=term_years)
            clock.lap("model")
            plan = diff(graph, model)
            clock.lap("diff")
            result = LoadResult(
                dataset=str(ds.path),
                created=dict(plan.created),
                updated=dict(plan.updated),
                deleted=dict(plan.deleted),
                nodes=len(model.nodes),
                relationships=len(model.rels),
            )
            del model
            _write(graph, plan, progress, batch_size, result)
            clock.lap("write")
            result.seconds = time.perf_counter() - started
            result.timings = clock.laps
            return result
    finally:
        if own:
            graph.close()


def graph_counts(graph: Graph) -> dict[str, dict[str, int]]:
    """Nodes per label and relationships per type, as ``{"nodes": {...}, "relationships": {...}}``."""
    nodes: dict[str, int] = defaultdict(int)
    for row in graph.read("read/node_counts"):
        nodes[primary_label(row["labels"]) or "/".join(row["labels"]) or "(no label)"] += row["n"]
    rels = {row["type"]: row["n"] for row in graph.read("read/relationship_counts")}
    return {"nodes": dict(sorted(nodes.items())), "relationships": dict(sorted(rels.items()))}
