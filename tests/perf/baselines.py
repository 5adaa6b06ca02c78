"""Baselines the loader is compared with, on the same data and the same database server.

- ``ceiling``: the exact batches a first load sends (same rows, same batch size, one transaction), but
  the query only counts them (``load/ceiling``: ``UNWIND $rows AS row RETURN count(*)``). It costs the
  client's packing, the wire and the server's unpacking: no loader sending these batches can be faster.
- ``ceiling_plain``: the same, for the rows as plain maps, ``{key, props}`` per node and ``{start, end,
  props}`` (keys) per relationship: what a straightforward UNWIND loader sends (and what the figure of
  ~30k rows/s quoted in docs/embedded-arcadedb.md measured).
- ``naive``: the straightforward loader, one transaction per row with the MERGE-by-key upsert queries
  (``load/nodes/*``, ``load/rels/*``), on a sample of the rows (a full run would take hours at 100x).
  The sample is whole: the nodes first, then relationships between sampled nodes only.
- ``networkx``: the same nodes and relationships added one by one to an in-memory ``nx.MultiDiGraph``.
"""

from __future__ import annotations

import time
from typing import Any

import networkx as nx

from graphkit.store._db import Graph
from graphkit.sync._load import BATCH_SIZE, _steps, ensure_schema
from graphkit.sync._load_plan import Plan
from graphkit.sync._model import NODE_LABELS, GraphModel, rel_query

__all__ = ["ceiling", "ceiling_plain", "naive", "networkx_build"]


def _fresh_plan(model: GraphModel, eids: dict[tuple[str, str], str]) -> Plan:
    """The plan of a first load of ``model``; ``eids`` (from a loaded copy) stand in for the new ids."""
    plan = Plan()
    for key, props in model.nodes.items():
        plan.node_creates[key[0]].append(props)
    for (rtype, sl, sk, el, ek), props in model.rels.items():
        plan.rel_creates[rtype].append(((sl, sk), (el, ek), props))
    plan.eids.update(eids)
    return plan


def ceiling(graph: Graph, model: GraphModel, eids: dict[tuple[str, str], str]) -> dict[str, Any]:
    """Send every batch of a first load of ``model`` through ``load/ceiling`` in one transaction."""
    plan = _fresh_plan(model, eids)
    rows = plan.size()
    started = time.perf_counter()
    counted = 0
    with graph.transaction() as tx:
        for _query, _param, items, _sink in _steps(plan, BATCH_SIZE):
            counted += tx.run("load/ceiling", rows=items)[0]["n"]
    seconds = time.perf_counter() - started
    assert counted == rows, (counted, rows)
    return {"rows": rows, "seconds": round(seconds, 3), "rows_per_s": round(rows / seconds)}


def ceiling_plain(graph: Graph, model: GraphModel) -> dict[str, Any]:
    """Send every node and relationship of ``model`` as plain maps through ``load/ceiling``."""
    rows: list[dict[str, Any]] = [{"key": key, "props": props} for (_, key), props in model.nodes.items()]
    rows += [{"start": k[2], "end": k[4], "props": props} for k, props in model.rels.items()]
    started = time.perf_counter()
    counted = 0
    with graph.transaction() as tx:
        for i in range(0, len(rows), BATCH_SIZE):
            counted += tx.run("load/ceiling", rows=rows[i : i + BATCH_SIZE])[0]["n"]
    seconds = time.perf_counter() - started
    assert counted == len(rows), (counted, len(rows))
    return {"rows": len(rows), "seconds": round(seconds, 3), "rows_per_s": round(len(rows) / seconds)}


def _sample(model: GraphModel, rels_wanted: int) -> tuple[list, list]:
    """A whole sample: every ``k``-th relationship and exactly the nodes its ends need."""
    rels = list(model.rels.items())
    step = max(1, len(rels) // max(1, rels_wanted))
    picked = rels[::step][:rels_wanted]
    keys = dict.fromkeys(k for (_, sl, sk, el, ek), _ in picked for k in ((sl, sk), (el, ek)))
    return [(k, model.nodes[k]) for k in keys], picked


def naive(graph: Graph, model: GraphModel, rels_wanted: int = 600) -> dict[str, Any]:
    """One transaction per row (MERGE by key), into ``graph`` (an empty database), on a whole sample."""
    ensure_schema(graph)
    nodes, rels = _sample(model, rels_wanted)
    started = time.perf_counter()
    for (label, key), props in nodes:
        with graph.transaction() as tx:
            tx.run(NODE_LABELS[label][1], rows=[{"key": key, "props": props}])
    for (rtype, sl, sk, el, ek), props in rels:
        with graph.transaction() as tx:
            tx.run(rel_query(rtype, sl, el), rows=[{"start": sk, "end": ek, "props": props}])
    seconds = time.perf_counter() - started
    rows = len(nodes) + len(rels)
    return {
        "rows": rows,
        "sample_of": len(model.nodes) + len(model.rels),
        "seconds": round(seconds, 3),
        "rows_per_s": round(rows / seconds),
    }


def networkx_build(model: GraphModel) -> dict[str, Any]:
    """Add every node and relationship of ``model`` to an ``nx.MultiDiGraph``, one call per row."""
    started = time.perf_counter()
    g = nx.MultiDiGraph()
    for key, props in model.nodes.items():
        g.add_node(key, **props)
    for (rtype, sl, sk, el, ek), props in model.rels.items():
        g.add_edge((sl, sk), (el, ek), key=rtype, **props)
    seconds = time.perf_counter() - started
    rows = len(model.nodes) + len(model.rels)
    assert g.number_of_nodes() == len(model.nodes) and g.number_of_edges() == len(model.rels)
    return {"rows": rows, "seconds": round(seconds, 3), "rows_per_s": round(rows / seconds)}
