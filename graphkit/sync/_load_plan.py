"""The diff half of a load: what the database holds against what the dataset wants, as a write plan.

The database's side is read with two queries, ``load/state/node_columns`` and
``load/state/relationship_columns`` (each one record of parallel lists); every node and relationship is
then named by element id, so the writes need no key lookups at all:

- a new node is CREATEd (its key is known to be absent) and its element id comes back for its
  relationships; a new relationship is CREATEd between two element ids, never MERGEd (MERGE scans every
  relationship of its start node, which is quadratic on hubs such as BP2MI, a party to nearly everything);
- a changed node is found by element id (a direct lookup on ArcadeDB and Neo4j);
- a changed or removed relationship is found from the end that has fewer relationships (a relationship
  has no index of its own on ArcadeDB: matching it by element id alone scans all of them);
- a relationship of a removed node is not deleted on its own: DETACH DELETE of the node takes it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from graphkit.store._db import Graph
from graphkit.sync._model import NODE_LABELS, REL_TYPES, GraphModel, NodeKey

__all__ = ["Plan", "diff", "primary_label"]


def primary_label(labels: Iterable[str]) -> str | None:
    """The managed label of a node (``Province`` for ``[Province, Region]``), None when it has none.

    >>> primary_label(["Region", "Regency"])
    'Regency'
    >>> primary_label(["Thing"]) is None
    True
    """
    return next((label for label in labels if label in NODE_LABELS), None)


@dataclass
class Plan:
    """Every write a load makes, grouped by query, and the counts it reports.

    ``eids`` maps the key of every node that stays to its element id; the nodes created by the load
    are added to it as they are written, before the relationships that need them.
    """

    node_deletes: list[str] = field(default_factory=list)
    rel_deletes: dict[str, list[dict[str, str]]] = field(default_factory=lambda: {"out": [], "in": []})
    node_updates: list[dict[str, Any]] = field(default_factory=list)
    node_creates: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    rel_updates: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: {"out": [], "in": []})
    rel_creates: dict[str, list[tuple[NodeKey, NodeKey, dict[str, Any]]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    eids: dict[NodeKey, str] = field(default_factory=dict)
    created: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    deleted: Counter[str] = field(default_factory=Counter)

    def size(self) -> int:
        """Rows written: one per node or relationship created, updated or explicitly deleted."""
        groups: list[Iterable[list[Any]]] = [
            [self.node_deletes, self.node_updates],
            self.rel_deletes.values(),
            self.node_creates.values(),
            self.rel_updates.values(),
            self.rel_creates.values(),
        ]
        return sum(len(items) for group in groups for items in group)


def _node_side(graph: Graph, model: GraphModel, plan: Plan) -> dict[str, NodeKey]:
    """Plan the node writes; return element id -> key of every node that stays."""
    kept: dict[str, NodeKey] = {}
    state = graph.read("load/state/node_columns", labels=list(NODE_LABELS))[0]
    for eid, labels, found, props in zip(state["eids"], state["labels"], state["keys"], state["props"],
                                         strict=True):  # fmt: skip
        label = primary_label(labels)
        key = (label, found) if label else None
        want = model.nodes.get(key) if key else None  # type: ignore[arg-type]
        if want is None or key in plan.eids:  # not in the dataset, or a second node with the same key
            plan.node_deletes.append(eid)
            plan.deleted[label or "?"] += 1
            continue
        assert key is not None
        plan.eids[key] = eid
        kept[eid] = key
        if props != want:
            plan.node_updates.append({"eid": eid, "props": want})
            plan.updated[key[0]] += 1
    for key, want in model.nodes.items():
        if key not in plan.eids:
            plan.node_creates[key[0]].append(want)
            plan.created[key[0]] += 1
    return kept


def diff(graph: Graph, model: GraphModel) -> Plan:
    """Read the graph's current state and plan the writes that make it equal to ``model``."""
    plan = Plan()
    kept = _node_side(graph, model, plan)
    removed = set(plan.node_deletes)
    state = graph.read("load/state/relationship_columns", types=list(REL_TYPES))[0]
    degree = Counter(state["starts"])
    degree.update(state["ends"])
    seen: set[tuple[str, ...]] = set()
    for eid, rtype, s, e, props in zip(state["eids"], state["types"], state["starts"], state["ends"],
                                       state["props"], strict=True):  # fmt: skip
        start, end = kept.get(s), kept.get(e)
        key = (rtype, *start, *end) if start and end else None
        want = model.rels.get(key) if key else None  # type: ignore[arg-type]
        side, anchor = ("out", s) if degree[s] <= degree[e] else ("in", e)
        if want is None or key in seen:
            plan.deleted[rtype] += 1
            if s not in removed and e not in removed:  # else DETACH DELETE of the node takes it
                plan.rel_deletes[side].append({"anchor": anchor, "eid": eid})
            continue
        assert key is not None
        seen.add(key)
        if props != want:
            plan.rel_updates[side].append({"anchor": anchor, "eid": eid, "props": want})
            plan.updated[rtype] += 1
    for rkey, props in model.rels.items():
        if rkey in seen:
            continue
        start, end = (rkey[1], rkey[2]), (rkey[3], rkey[4])
        if start not in model.nodes or end not in model.nodes:  # cannot exist: nothing to link
            continue
        plan.rel_creates[rkey[0]].append((start, end, props))
        plan.created[rkey[0]] += 1
    return plan
