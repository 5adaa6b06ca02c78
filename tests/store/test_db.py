"""graphkit.store._db against the real database: named queries, transactions, ad hoc text, errors."""

from __future__ import annotations

import datetime as dt
import socket
from pathlib import Path

import pytest

from graphkit._errors import DatabaseError, DatabaseUnavailable, QueryError
from graphkit.store import _cypher, _db, _server

QUERIES = {
    "t/create": "// Create one Thing and link it to a Tag.\n// $parameters: id, on, tags\n"
    "CREATE (t:Thing {id: $id, on: $on, tags: $tags})-[:TAGGED {w: 2}]->(:Tag {id: $id + '-tag'})",
    "t/get": "// A Thing with its tag.\n// $parameters: id\n"
    "MATCH (t:Thing {id: $id})-[r:TAGGED]->(g:Tag)\nRETURN t, r, g, t.on AS on, [t.on] AS ons",
    "t/count": "// Count Things.\n// $parameters: none\nMATCH (t:Thing) RETURN count(t) AS n",
    "t/two": "// Two statements in one transaction; the second is broken.\n// $parameters: id\n"
    "CREATE (:Thing {id: $id});\n\n// the broken one\nMATCH (t:Thing)\nRETURN t.id +\n;",
    "t/bad": "// A syntax error on line 5.\n// $parameters: none\nMATCH (t:Thing)\nWHERE t.id = 'a'\n"
    "RETURN t.id AS id ORDER BY BY id",
    "t/constraint": "// Unique Thing ids.\n// $parameters: none\n"
    "CREATE CONSTRAINT thing_id IF NOT EXISTS FOR (t:Thing) REQUIRE t.id IS UNIQUE",
    "t/wipe": "// Remove the test nodes.\n// $parameters: none\n"
    "MATCH (n) WHERE n:Thing OR n:Tag DETACH DELETE n",
}


@pytest.fixture
def queries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Serve the QUERIES above as named query files from a temporary cypher folder."""
    for name, text in QUERIES.items():
        path = tmp_path / f"{name}.cypher"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text + "\n", encoding="utf-8")
    real = _cypher.get_query

    def get_query(name: str) -> _cypher.CypherQuery:
        if name.startswith("t/"):
            return _cypher.parse(name, tmp_path / f"{name}.cypher")
        return real(name)

    monkeypatch.setattr(_db, "get_query", get_query)
    return tmp_path


@pytest.fixture
def g(graph: _db.Graph, queries: Path) -> _db.Graph:
    graph.write("t/wipe")
    return graph


def _count(g: _db.Graph) -> int:
    return g.read("t/count")[0]["n"]


def test_fresh_database_per_module(graph: _db.Graph) -> None:
    assert graph.read("db/count") == [{"nodes": 0, "relationships": 0}]
    if graph.embedded:
        assert graph.database.startswith("t_test_db_")
        assert graph.database in _server.list_databases()
    assert "Neo4j" in graph.server_info()["agent"]


def test_write_then_read_converts_values(g: _db.Graph) -> None:
    counters = g.write("t/create", id="a", on=dt.date(2024, 2, 29), tags=["x", "y"])
    assert counters["nodes_created"] == 2
    assert counters["relationships_created"] == 1
    assert counters["properties_set"] >= 5
    [row] = g.read("t/get", id="a")
    assert row["t"] == {"id": "a", "on": dt.date(2024, 2, 29), "tags": ["x", "y"], "_labels": ["Thing"]}
    assert row["r"] == {"w": 2, "_type": "TAGGED"}
    assert row["g"]["_labels"] == ["Tag"] and row["g"]["id"] == "a-tag"
    assert type(row["on"]) is dt.date and row["ons"] == [dt.date(2024, 2, 29)]
    assert g.read("t/get", id="nope") == []


def test_multi_statement_write_is_one_transaction(g: _db.Graph, queries: Path) -> None:
    with pytest.raises(QueryError) as err:
        g.write("t/two", id="b")
    # the broken statement starts on line 6 of the file; the server reports its error further down
    assert str(queries / "t/two.cypher") + ":" in str(err.value)
    assert int(str(err.value).split(".cypher:")[1].split(":")[0]) >= 6
    assert _count(g) == 0  # the first statement was rolled back with the second


def test_syntax_error_names_file_and_line(g: _db.Graph, queries: Path) -> None:
    with pytest.raises(QueryError) as err:
        g.read("t/bad")
    assert f"{queries / 't/bad.cypher'}:5:" in str(err.value)
    with pytest.raises(QueryError, match=r"^query:2: "):
        g.query("MATCH (n)\nRETURN n ORDER BY BY n")


def test_missing_parameter_is_a_query_error(g: _db.Graph, queries: Path) -> None:
    with pytest.raises(QueryError, match=r"t/get\.cypher:3: missing parameter\(s\) \$id"):
        g.read("t/get")


def test_transaction_commits_and_rolls_back(g: _db.Graph) -> None:
    with g.transaction() as tx:
        tx.run("t/create", id="c1", on=dt.date(2020, 1, 1), tags=[])
        tx.run("t/create", id="c2", on=dt.date(2020, 1, 2), tags=[])
        assert tx.run("t/count") == [{"n": 2}]  # sees its own writes
        assert tx.counters["nodes_created"] == 4 and tx.counters["relationships_created"] == 2
    assert _count(g) == 2

    with pytest.raises(RuntimeError, match="boom"), g.transaction() as tx:
        tx.run("t/create", id="c3", on=dt.date(2020, 1, 3), tags=[])
        raise RuntimeError("boom")
    with pytest.raises(QueryError), g.transaction() as tx:
        tx.run("t/create", id="c4", on=dt.date(2020, 1, 4), tags=[])
        tx.run("t/bad")
    assert _count(g) == 2
    assert sorted(r["t"]["id"] for r in [*g.read("t/get", id="c1"), *g.read("t/get", id="c2")]) == [
        "c1",
        "c2",
    ]


def test_constraint_violation_is_a_database_error(g: _db.Graph) -> None:
    g.write("t/constraint")
    g.write("t/create", id="u", on=dt.date(2021, 1, 1), tags=[])
    with pytest.raises(DatabaseError) as err:
        g.write("t/create", id="u", on=dt.date(2021, 1, 1), tags=[])
    assert not isinstance(err.value, QueryError | DatabaseUnavailable)
    assert "t/create.cypher" in str(err.value)
    assert _count(g) == 1


def test_query_read_only_by_default(g: _db.Graph) -> None:
    columns, rows = g.query("UNWIND [1, 2] AS x RETURN x, x * 2 AS y, 'CREATE (n)' AS s")
    assert columns == ["x", "y", "s"] and rows[1] == {"x": 2, "y": 4, "s": "CREATE (n)"}
    sneaky = [
        "CREATE (:Thing {id: 'w1'})",
        "match (n) with count(n) as c create (:Thing {id: 'w2'})",
        "RETURN 1 AS x // comment\nUNION ALL MERGE (t:Thing {id: 'w3'}) RETURN 1 AS x",
        "MATCH (t:Thing) /* innocent */ DETACH DELETE t",
        "UNWIND [1] AS i CALL { WITH i cReAtE (:Thing {id: 'w4'}) } IN TRANSACTIONS",
        "MATCH (t:Thing)\nSET t.x = 1",
        "LOAD  CSV FROM 'file:///x' AS line RETURN line",
        "FOREACH (i IN [1] | CREATE (:Thing))",
    ]
    for text in sneaky:
        with pytest.raises(QueryError, match=r"read-only by default; add --write"):
            g.query(text)
    assert _count(g) == 0
    # what the filter cannot see is still never committed: the transaction is rolled back
    assert g._adhoc("CREATE (t:Thing {id: 'r'}) RETURN t.id AS id", {}, commit=False)[1] == [{"id": "r"}]
    assert _count(g) == 0
    assert g.query("CREATE (t:Thing {id: $id}) RETURN t.id AS id", {"id": "w"}, write=True)[1] == [
        {"id": "w"}
    ]
    assert _count(g) == 1
    with pytest.raises(QueryError, match="one statement"):
        g.query("RETURN 1; RETURN 2")


def test_write_clauses_ignores_strings_names_and_comments() -> None:
    assert _db.write_clauses("MATCH (n) WHERE n.name = 'CREATE' RETURN n.set, n.`delete` // DROP") == []
    assert _db.write_clauses("MATCH (n:Created) RETURN {merge: 1} /* SET */") == []
    assert _db.write_clauses('RETURN "it\'s \\" DELETE" AS s') == []
    assert _db.write_clauses("match (n) detach delete n") == ["DETACH", "DELETE"]
    assert _db.write_clauses("MATCH (n) REMOVE n:X") == ["REMOVE"]
    assert _db.write_clauses("DROP CONSTRAINT c") == ["DROP"]


def test_to_python_keeps_plain_values() -> None:
    assert _db.to_python({"a": [1, "x", None, {"b": 2.5}]}) == {"a": [1, "x", None, {"b": 2.5}]}


def test_wrong_password_names_the_uri(graph: _db.Graph) -> None:
    s = _db.settings()
    with pytest.raises(DatabaseUnavailable) as err:
        _db.connect(uri=graph.uri, user=s.user, password="not-the-password-1234", database=graph.database)
    msg = str(err.value)
    assert graph.uri in msg and "NEO4J_USERNAME/NEO4J_PASSWORD" in msg and "\n" not in msg


def test_unreachable_port_is_unavailable() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    uri = f"bolt://127.0.0.1:{port}"
    with pytest.raises(
        DatabaseUnavailable, match=rf"cannot reach the graph database at {uri}: is it running\?"
    ):
        _db.connect(uri=uri, user="neo4j", password="whatever-password")


def test_bad_uri_is_unavailable() -> None:
    with pytest.raises(DatabaseUnavailable, match="invalid graph database URI"):
        _db.connect(uri="http://127.0.0.1:1", user="neo4j", password="x")


def test_settings_precedence(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for key in ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("GRAPHKIT_HOME", str(tmp_path))
    monkeypatch.setenv("GRAPHKIT_DATABASE", "mydb")
    s = _db.settings()
    assert (s.embedded, s.user, s.database, s.uri) == (True, "root", "mydb", None)
    assert s.password == (tmp_path / "password").read_text().strip()
    with pytest.raises(DatabaseUnavailable, match="not running"):
        _db.connect(start=False)

    monkeypatch.setenv("NEO4J_URI", "bolt://db.example:7687")
    monkeypatch.setenv("NEO4J_PASSWORD", "envpw")
    s = _db.settings()
    assert (s.embedded, s.uri, s.user, s.password, s.database) == (
        False,
        "bolt://db.example:7687",
        "neo4j",
        "envpw",
        "neo4j",
    )
    monkeypatch.setenv("NEO4J_USERNAME", "alice")
    monkeypatch.setenv("NEO4J_DATABASE", "prod")
    s = _db.settings(uri="bolt://other:1", password="argpw", database="d2")
    assert (s.uri, s.user, s.password, s.database) == ("bolt://other:1", "alice", "argpw", "d2")
