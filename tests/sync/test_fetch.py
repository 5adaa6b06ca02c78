"""The snapshot read (graphkit/sync/_fetch.py): columnar answers give exactly what one record per row
gave, a shared ``graphkit.snapshot()`` feeds every report without touching the database again, and a
snapshot read without a part a report needs says so."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import graphkit
from graphkit._errors import DatabaseError, GraphkitError
from graphkit.sync._fetch import COLUMNAR, QUERIES, _read, snapshot_from_rows, unfold
from graphkit.sync._load import load_dataset
from graphkit.synthetic._generate import generate

#: The snapshot queries as they were before the columnar answers (one record per node / relationship).
ROW_READS = Path(__file__).resolve().parent / "row_reads"
AS_OF = dt.date(2025, 12, 31)
REPORTS = {
    "coverage": lambda **kw: graphkit.coverage(AS_OF, **kw),
    "coverage by province": lambda **kw: graphkit.coverage(AS_OF, by="province", **kw),
    "isolated": lambda **kw: graphkit.isolated_regencies(AS_OF, **kw),
    "centrality": lambda **kw: graphkit.centrality(AS_OF, **kw),
    "expiring": lambda **kw: graphkit.expiring(AS_OF, **kw),
    "followup": lambda **kw: graphkit.followup(AS_OF, **kw),
}


@pytest.fixture(scope="module")
def national(graph, tmp_path_factory):
    ds = generate(tmp_path_factory.mktemp("fetch") / "national", scale=1, seed=11, as_of=AS_OF)
    load_dataset(ds.path, graph)
    return graph


def _body(name: str) -> str:
    text = (ROW_READS / f"{name}.cypher").read_text(encoding="utf-8")
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))


def test_every_columnar_query_has_its_row_shaped_reference() -> None:
    assert COLUMNAR <= set(QUERIES)
    assert {p.stem for p in ROW_READS.glob("*.cypher")} == set(COLUMNAR)


def test_columnar_reads_make_the_snapshot_one_record_per_row_made(national) -> None:
    # what another tool may write: a party without role, an agreement without expiry, number or kind
    national.query(
        """MATCH (o:Organization {id: 'bp2mi'}), (a:Agreement)
           WITH o, a ORDER BY a.id LIMIT 1
           CREATE (:Organization {id: 'gk-test-bare'})-[:PARTY_TO]->(a)
           CREATE (b:Agreement {id: 'gk-test-bare-agreement', signed_on: date('2024-01-02')})
           CREATE (o)-[:PARTY_TO]->(b)""",
        write=True,
    )
    columnar = {name: _read(national, name) for name in QUERIES}
    rows = {name: national.query(_body(name))[1] if name in COLUMNAR else columnar[name] for name in QUERIES}
    for name in COLUMNAR:
        assert len(columnar[name]) == len(rows[name]) > 0, name
    new, old = snapshot_from_rows(columnar), snapshot_from_rows(rows)
    assert new == old
    # the national data has what the '' / false stand-ins must restore to None / False
    assert any(a.number is None for a in new.agreements) and any(a.number for a in new.agreements)
    assert any(p.role is None and p.organization_id == "gk-test-bare" for p in new.parties)
    bare = new.agreement["gk-test-bare-agreement"]
    expected = ("", None, True, dt.date(2029, 1, 2))
    assert (bare.kind, bare.number, bare.expiry_assumed, bare.expires_on) == expected
    assert new.organization["gk-test-bare"].name == "gk-test-bare"
    assert all(isinstance(a.signed_on, dt.date) for a in new.agreements)


def test_unfold_turns_columns_into_rows_and_refuses_columns_of_unequal_length() -> None:
    assert unfold([{"a": [1, 2], "b": ["x", ""]}]) == [{"a": 1, "b": "x"}, {"a": 2, "b": ""}]
    assert unfold([{"a": [], "b": []}]) == []
    with pytest.raises(DatabaseError, match=r"q\.cypher: its columns differ in length \(a 2, b 1\)"):
        unfold([{"a": [1, 2], "b": ["x"]}], "q.cypher")
    with pytest.raises(DatabaseError, match="one row of columns, got 2 rows"):
        unfold([{"a": [1]}, {"a": [2]}])


def test_one_shared_snapshot_feeds_every_report_without_the_database(national, monkeypatch) -> None:
    snap = graphkit.snapshot(graph=national)
    assert isinstance(snap, graphkit.Snapshot)
    assert snap.parts == {"scopes", "follow_ups", "programs", "placements"}
    assert any(a.scopes for a in snap.agreements)
    own = {name: report(graph=national) for name, report in REPORTS.items()}
    # nothing answers here: a report that tried to read the graph would fail
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:9")
    monkeypatch.setenv("NEO4J_USERNAME", "nobody")
    monkeypatch.setenv("NEO4J_PASSWORD", "nothing")
    with pytest.raises(GraphkitError):
        graphkit.coverage(AS_OF)
    for name, report in REPORTS.items():
        shared = report(snapshot=snap)
        assert shared.equals(own[name]), name
        assert shared.attrs == own[name].attrs, name


def test_a_snapshot_read_without_a_part_a_report_needs_says_so(national) -> None:
    snap = graphkit.snapshot(["programs"], graph=national)
    assert snap.parts == {"programs"} and not snap.placements and not snap.follow_ups
    assert not any(a.scopes for a in snap.agreements)
    assert len(graphkit.centrality(AS_OF, snapshot=snap)) > 0  # centrality needs programs only
    with pytest.raises(GraphkitError, match="read without follow_ups, placements"):
        graphkit.isolated_regencies(AS_OF, snapshot=snap)
    with pytest.raises(GraphkitError, match="read without follow_ups"):
        graphkit.followup(AS_OF, snapshot=snap)
