"""The graph store: the only module in graphkit that imports ``neo4j``.

``connect()`` returns a :class:`Graph` over Bolt, either to the embedded ArcadeDB server (the default:
started on demand, see ``graphkit.store._server``) or to a real Neo4j 5 named by ``NEO4J_URI``. Named queries
come from ``cypher/**/*.cypher`` (``graphkit.store._cypher``); every write runs in one managed or explicit
transaction, every call passes the database name, and neo4j's exceptions leave this module as
``GraphkitError`` subclasses with a one-line message.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any
from urllib.parse import urlsplit

import neo4j
import neo4j.exceptions as nx
from neo4j.graph import Node, Path, Relationship

from graphkit._errors import DatabaseError, DatabaseUnavailable, GraphkitError, QueryError
from graphkit.store import _server
from graphkit.store._cypher import CypherQuery, error_location, get_query
from graphkit.store._readonly import mask_literals, write_clauses
from graphkit.store._settings import Settings, settings

# the driver's own log lines ("Failed to read from defunct connection ...") would reach stderr through
# logging's last-resort handler next to graphkit's one-line error; graphkit reports failures itself
logging.getLogger("neo4j").addHandler(logging.NullHandler())

__all__ = ["Settings", "settings", "connect", "Graph", "Tx", "write_clauses", "to_python"]

_SCHEMES = {f"{base}{tls}" for base in ("bolt", "neo4j") for tls in ("", "+s", "+ssc")}
COUNTERS = (
    "nodes_created", "nodes_deleted", "relationships_created", "relationships_deleted", "properties_set",
    "labels_added", "labels_removed", "indexes_added", "indexes_removed", "constraints_added",
    "constraints_removed",
)  # fmt: skip


def connect(
    uri: str | None = None,
    user: str | None = None,
    password: str | None = None,
    database: str | None = None,
    *,
    start: bool = True,
) -> Graph:
    """Connect to the graph database (see :func:`settings`) and check that it answers.

    On the embedded default the server is started if none is running (unless ``start=False``) and the
    database is created if missing.

    Raises
    ------
    DatabaseUnavailable
        The database cannot be reached or refused the credentials (the message names the URI).
    """
    s = settings(uri, user, password, database)
    if s.embedded:
        _server._check_name(s.database)  # before starting anything
        info = _server.status()
        if info is None:
            if not start:
                raise DatabaseUnavailable(
                    "the embedded graph database is not running: run `graphkit db start`"
                )
            info = _server.start()
        _server.ensure_database(s.database)
        s = replace(s, uri=info.bolt_uri)
    assert s.uri is not None
    if urlsplit(s.uri).scheme not in _SCHEMES:
        raise DatabaseUnavailable(
            f"invalid graph database URI {s.uri!r}: use bolt://HOST:PORT or neo4j://HOST:PORT (NEO4J_URI)"
        )
    try:
        driver = neo4j.GraphDatabase.driver(
            s.uri,
            auth=(s.user, s.password),
            connection_timeout=10,  # TCP connect
            connection_acquisition_timeout=20,  # bounds the Bolt handshake too (a silent port hangs 60 s)
            notifications_min_severity="OFF",  # no server notifications logged as warnings
        )
    except (nx.ConfigurationError, ValueError) as err:
        raise DatabaseUnavailable(
            f"invalid graph database URI {s.uri!r}: {_line(err)}; check NEO4J_URI"
        ) from None
    graph = Graph(driver, s)
    try:
        driver.verify_connectivity()
    except BaseException as err:
        driver.close()
        if isinstance(err, nx.Neo4jError | nx.DriverError):
            raise graph._error(err, "connect") from None
        raise
    return graph


class Graph:
    """A connection to one database; a context manager. Query methods take names of ``cypher/`` files."""

    def __init__(self, driver: neo4j.Driver, s: Settings) -> None:
        self._driver = driver
        self._settings = s
        self.uri: str = s.uri or ""
        self.database: str = s.database
        self.embedded: bool = s.embedded

    def __enter__(self) -> Graph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Graph({self.uri!r}, database={self.database!r}, embedded={self.embedded})"

    def close(self) -> None:
        """Close the driver and its connections."""
        self._driver.close()

    def _session(self, mode: str = neo4j.WRITE_ACCESS) -> neo4j.Session:
        return self._driver.session(database=self.database, default_access_mode=mode)

    # ------------------------------------------------------------------------------------ named queries

    def read(self, name: str, **params: Any) -> list[dict[str, Any]]:
        """Run the read query ``name`` (one statement) in a managed read transaction; rows as dicts."""
        q = _prepare(name, params)
        if len(q.statements) != 1:
            raise QueryError(
                f"{q.where()}: a read query holds one statement, this file has {len(q.statements)}"
            )

        def work(tx: neo4j.ManagedTransaction) -> list[dict[str, Any]]:
            return _rows(tx.run(q.statements[0], params))

        try:
            with self._session(neo4j.READ_ACCESS) as session:
                return session.execute_read(work)
        except (nx.Neo4jError, nx.DriverError) as err:
            raise self._error(err, q) from None

    def write(self, name: str, **params: Any) -> dict[str, int]:
        """Run every statement of query ``name``, in order, in ONE managed write transaction.

        Returns
        -------
        dict[str, int]
            Summed counters: ``nodes_created``, ``nodes_deleted``, ``relationships_created``,
            ``relationships_deleted``, ``properties_set`` (and labels/indexes/constraints added/removed).
        """
        q = _prepare(name, params)
        current = [0]  # which statement failed, for the error message

        def work(tx: neo4j.ManagedTransaction) -> dict[str, int]:
            counters = dict.fromkeys(COUNTERS, 0)
            for current[0], statement in enumerate(q.statements):
                _add(counters, tx.run(statement, params).consume().counters)
            return counters

        try:
            with self._session() as session:
                return session.execute_write(work)
        except (nx.Neo4jError, nx.DriverError) as err:
            raise self._error(err, q, current[0]) from None

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Tx]:
        """One explicit transaction for several named queries: committed at normal exit, rolled back
        if the block raises."""
        with self._session() as session:
            try:
                native = session.begin_transaction()
            except (nx.Neo4jError, nx.DriverError) as err:
                raise self._error(err, "transaction") from None
            tx = Tx(self, native)
            try:
                yield tx
            except BaseException:
                with contextlib.suppress(Exception):
                    native.rollback()
                raise
            try:
                native.commit()
            except (nx.Neo4jError, nx.DriverError) as err:
                raise self._error(err, "commit") from None

    # -------------------------------------------------------------------------------------- ad hoc text

    def query(
        self, cypher: str, params: dict[str, Any] | None = None, *, write: bool = False
    ) -> tuple[list[str], list[dict[str, Any]]]:
        """Run ad hoc Cypher text; return ``(columns, rows)``.

        Read-only unless ``write=True``: text with a write clause is refused before it runs, and the
        transaction is rolled back (never committed) in any case.

        Raises
        ------
        QueryError
            A write clause without ``write=True``, several statements, or a syntax error.
        """
        text = cypher.strip().rstrip(";").strip()
        clean = mask_literals(text)
        if not clean.strip():
            raise QueryError("query: the query is empty")
        if ";" in clean:
            raise QueryError("query: run one statement at a time (found ';' between statements)")
        if not write:
            found = write_clauses(text)
            if found:
                raise QueryError(
                    f"query: {found[0]} changes the graph, and a query is read-only by default; "
                    "add --write (write=True in Python) to change the graph"
                )
        return self._adhoc(text, params or {}, commit=write)

    def _adhoc(
        self, text: str, params: dict[str, Any], *, commit: bool
    ) -> tuple[list[str], list[dict[str, Any]]]:
        try:
            with self._session() as session, session.begin_transaction() as tx:
                result = tx.run(text, params)
                columns = list(result.keys())
                rows = _rows(result)
                if commit:
                    tx.commit()
                else:
                    tx.rollback()
                return columns, rows
        except (nx.Neo4jError, nx.DriverError) as err:
            raise self._error(err, "query") from None

    def server_info(self) -> dict[str, Any]:
        """What answers: ``agent`` (e.g. ``Neo4j/5.26.0 compatible (ArcadeDB 26.10.2)``), ``version``,
        ``protocol``, ``address``, ``uri``, ``database``, ``embedded``."""
        try:
            info = self._driver.get_server_info()
        except (nx.Neo4jError, nx.DriverError) as err:
            raise self._error(err, "connect") from None
        agent = str(info.agent)
        match = re.search(r"/(\S+)", agent)
        return {
            "agent": agent,
            "version": match.group(1) if match else "",
            "protocol": ".".join(str(p) for p in info.protocol_version),
            "address": str(info.address),
            "uri": self.uri,
            "database": self.database,
            "embedded": self.embedded,
        }

    # --------------------------------------------------------------------------------------- errors

    def _error(self, err: Exception, where: CypherQuery | str, statement: int = 0) -> GraphkitError:
        """Translate a neo4j exception raised at ``where`` (a query file or a word) into ours."""
        msg = _line(err)
        if isinstance(err, nx.AuthError):
            hint = (
                f"the embedded server's password is in {_server.home() / _server.PASSWORD_FILE}"
                if self.embedded
                else "check NEO4J_USERNAME/NEO4J_PASSWORD"
            )
            return DatabaseUnavailable(f"authentication failed at {self.uri} ({msg}): {hint}")
        if isinstance(err, nx.ServiceUnavailable | nx.SessionExpired | nx.DatabaseUnavailable):
            return DatabaseUnavailable(
                f"cannot reach the graph database at {self.uri}: is it running? "
                "check NEO4J_URI or run `graphkit db start`"
            )
        code = getattr(err, "code", None) or ""
        place = error_location(where, statement, msg)
        if isinstance(err, nx.ConstraintError):
            return DatabaseError(f"{place}: constraint violated: {msg}")
        if isinstance(err, nx.CypherSyntaxError | nx.CypherTypeError) or code.startswith(
            "Neo.ClientError.Statement."
        ):
            return QueryError(f"{place}: {msg}")
        if code == "Neo.ClientError.Database.DatabaseNotFound":
            return DatabaseError(f"database {self.database!r} does not exist at {self.uri}: {msg}")
        return DatabaseError(f"{place}: {type(err).__name__}: {msg}")


class Tx:
    """An open explicit transaction (from :meth:`Graph.transaction`); ``counters`` sums every run."""

    def __init__(self, graph: Graph, native: neo4j.Transaction) -> None:
        self._graph = graph
        self._tx = native
        self.counters: dict[str, int] = dict.fromkeys(COUNTERS, 0)

    def run(self, name: str, **params: Any) -> list[dict[str, Any]]:
        """Run every statement of query ``name``; return the rows of the last one."""
        q = _prepare(name, params)
        rows: list[dict[str, Any]] = []
        for i, statement in enumerate(q.statements):
            try:
                result = self._tx.run(statement, params)
                rows = _rows(result)
                _add(self.counters, result.consume().counters)
            except (nx.Neo4jError, nx.DriverError) as err:
                raise self._graph._error(err, q, i) from None
        return rows


# ------------------------------------------------------------------------------------------- helpers


def _prepare(name: str, params: dict[str, Any]) -> CypherQuery:
    q = get_query(name)
    missing = sorted(q.used - params.keys())
    if missing:
        raise QueryError(f"{q.where()}: missing parameter(s) {', '.join('$' + m for m in missing)}")
    return q


def _add(counters: dict[str, int], summary: neo4j.SummaryCounters) -> None:
    for key in COUNTERS:
        counters[key] += int(getattr(summary, key, 0) or 0)


def _rows(result: neo4j.Result) -> list[dict[str, Any]]:
    return [{key: to_python(value) for key, value in record.items()} for record in result]


_PLAIN = frozenset({str, int, float, bool, type(None)})


def to_python(value: Any) -> Any:
    """Convert a value from the driver into plain Python: dates, datetimes, dicts and lists.

    A node becomes a dict of its properties plus ``_labels`` (sorted list); a relationship a dict of
    its properties plus ``_type``; a path ``{"nodes": [...], "relationships": [...]}``; a duration
    without months a ``datetime.timedelta``.
    """
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind is list or kind is tuple:
        return [v if type(v) in _PLAIN else to_python(v) for v in value]
    if kind is dict:
        return {k: v if type(v) in _PLAIN else to_python(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_python(v) for v in value]
    if isinstance(value, dict):
        return {k: to_python(v) for k, v in value.items()}
    if isinstance(value, Node):
        return {**{k: to_python(v) for k, v in value.items()}, "_labels": sorted(value.labels)}
    if isinstance(value, Relationship):
        return {**{k: to_python(v) for k, v in value.items()}, "_type": value.type}
    if isinstance(value, Path):
        return {"nodes": to_python(list(value.nodes)), "relationships": to_python(list(value.relationships))}
    if isinstance(value, neo4j.time.Duration):
        if value.months == 0:
            return dt.timedelta(
                days=value.days, seconds=value.seconds, microseconds=value.nanoseconds // 1000
            )
        return value
    if isinstance(value, neo4j.time.Date | neo4j.time.DateTime | neo4j.time.Time):
        return value.to_native()
    return value


def _line(err: BaseException) -> str:
    """The error's own message on one line."""
    text = str(getattr(err, "message", None) or err or type(err).__name__)
    one = next((ln.strip() for ln in text.splitlines() if ln.strip()), type(err).__name__)
    return one if len(one) <= 400 else one[:397] + "..."


