"""``graphkit.query()``: ad hoc Cypher into a DataFrame (read-only unless ``write=True``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from graphkit.store._db import Graph, connect

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["query"]


def query(
    cypher: str, params: dict[str, Any] | None = None, *, write: bool = False, graph: Graph | None = None
) -> pd.DataFrame:
    """Run ad hoc Cypher and return the rows as a DataFrame (columns in the query's RETURN order).

    Parameters
    ----------
    cypher : str
        The query text; pass values as ``$parameters`` in ``params``, never formatted into the text.
    params : dict, optional
        Parameter values.
    write : bool
        Allow the query to change the graph. Without it the query runs in a transaction that is rolled
        back, and obvious write clauses are refused up front.
    graph : Graph, optional
        An open connection; by default :func:`graphkit.connect` is used and closed afterwards.
    """
    import pandas as pd

    own = graph is None
    graph = graph or connect()
    try:
        columns, rows = graph.query(cypher, params or {}, write=write)
    finally:
        if own:
            graph.close()
    return pd.DataFrame(rows, columns=columns or None)
