"""Test helpers: the whole content of a graph as comparable Python data, and small dataset folders.

``snapshot(graph)`` reads every node and relationship (all labels and types, managed or not) through the
loader's own state queries and returns them keyed by labels and keys instead of element ids, so two
databases, or one database before and after, compare with ``==``.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Any

Snapshot = dict[str, Counter]

#: A small valid dataset: three organizations, an MoU with a PKS under it, a follow-up, a program.
BASE: dict[str, str] = {
    "sources.csv": "id,title,publisher,published_on,url\n"
    "src-1,Berita kerja sama,Humas BP2MI,2020-01-16,https://example.org/a\n",
    "organizations.csv": "id,name,type,region,aliases,source_id\n"
    "bp2mi,Badan Pelindungan Pekerja Migran Indonesia,agency,31.74,BP2MI;BNP2TKI,src-1\n"
    "pemkab-tegal,Pemerintah Kabupaten Tegal,regional_government,33.28,,src-1\n"
    "unnes,Universitas Negeri Semarang,education,Kota Semarang,UNNES,\n",
    "agreements.csv": "id,kind,signed_on,number,title,expires_on,parent_id,scopes,source_id\n"
    "mou-1,mou,2020-01-15,B.1/2020,MoU Tegal,2025-01-15,,protection;coordination,src-1\n"
    "pks-1,pks,2021-03-01,,PKS Tegal,,mou-1,protection,\n",
    "parties.csv": "agreement_id,organization_id,role\n"
    "mou-1,bp2mi,first_party\nmou-1,pemkab-tegal,second_party\npks-1,unnes,second_party\n",
    "follow_ups.csv": "id,agreement_id,kind,date,region,description,source_id\n"
    "fu-1,mou-1,training,2020-06-01,33.28,Pelatihan calon PMI,src-1\n",
    "programs.csv": "id,name,kind,started_on,source_id\nprog-1,Desmigratif,community,2019-01-01,src-1\n",
    "program_regions.csv": "program_id,region,since,organization_id\nprog-1,33.28,2019-02-01,bp2mi\n",
    "placements.csv": "region,year,workers\n33.28,2020,1200\n",
}


def write_dataset(folder: Path, files: dict[str, str | bytes | None] | None = None, **over: str | bytes | None
                  ) -> Path:  # fmt: skip
    """Write ``BASE`` updated with ``files``/``over`` (file name -> text, bytes, or None to leave out)."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        if old.is_file():
            old.unlink()
    merged: dict[str, str | bytes | None] = {**BASE, **(files or {}), **over}
    for name, content in merged.items():
        if content is None:
            continue
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")
    return folder


def write_rows(folder: Path, tables: dict[str, list[dict[str, Any]]]) -> Path:
    """Write tables of row dicts as CSV files (properly quoted) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in tables.items():
        columns = list(dict.fromkeys(k for r in rows for k in r))
        with open(folder / f"{name}.csv", "w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, columns)
            writer.writeheader()
            writer.writerows(rows)
    return folder


def write_workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    """An .xlsx with one sheet per entry (rows appended as given); returns ``path``."""
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def _freeze(value: Any) -> Any:
    if isinstance(value, dict):
        return tuple(sorted((k, _freeze(v)) for k, v in value.items()))
    if isinstance(value, list | tuple):
        return tuple(_freeze(v) for v in value)
    if isinstance(value, dt.date):
        return ("date", value.isoformat())
    return value


def snapshot(graph: Any) -> Snapshot:
    """Every node ``(labels, key, props)`` and relationship ``(type, start, end, props)``, as multisets."""
    labels = sorted({label for row in graph.read("read/node_counts") for label in row["labels"]})
    types = sorted(row["type"] for row in graph.read("read/relationship_counts"))
    nodes = Counter(
        (tuple(sorted(r["labels"])), r["key"], _freeze(r["props"]))
        for r in graph.read("load/state/nodes", labels=labels)
    )
    unlabelled = sum(r["n"] for r in graph.read("read/node_counts") if not r["labels"])
    if unlabelled:
        nodes[("(no label)", None, ())] += unlabelled
    rels = Counter(
        (r["type"], tuple(sorted(r["start_labels"])), r["start"], tuple(sorted(r["end_labels"])), r["end"],
         _freeze(r["props"]))  # fmt: skip
        for r in graph.read("load/state/relationships", types=types)
    )
    return {"nodes": nodes, "relationships": rels}


def sizes(snap: Snapshot) -> tuple[int, int]:
    """(nodes, relationships) of a snapshot."""
    return sum(snap["nodes"].values()), sum(snap["relationships"].values())
