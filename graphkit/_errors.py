"""One exception hierarchy; the CLI turns each into one clean line and an exit code."""

from __future__ import annotations

__all__ = [
    "GraphkitError",
    "InputError",
    "InputErrors",
    "DatabaseError",
    "DatabaseUnavailable",
    "QueryError",
    "BusyError",
]


class GraphkitError(Exception):
    """Base class of every error graphkit raises on purpose.

    ``exit_code`` is what the CLI exits with: 2 for bad input or usage, 1 for the rest.
    """

    exit_code = 1


class InputError(GraphkitError):
    """One problem in a dataset, located as ``file:row: column: problem``.

    ``row`` counts like a spreadsheet: the header is row 1, the first data row is row 2.
    ``row`` 0 means the problem concerns the file (or folder) as a whole.
    """

    exit_code = 2

    def __init__(self, file: str, row: int, column: str | None, problem: str) -> None:
        self.file = file
        self.row = row
        self.column = column
        self.problem = problem
        super().__init__(self.line())

    def line(self) -> str:
        where = f"{self.file}:{self.row}" if self.row else self.file
        return f"{where}: {self.column}: {self.problem}" if self.column else f"{where}: {self.problem}"


class InputErrors(GraphkitError):
    """Every problem found in a dataset; ``str()`` is the first one, ``lines()`` all of them."""

    exit_code = 2

    def __init__(self, errors: list[InputError]) -> None:
        if not errors:
            raise ValueError("InputErrors needs at least one error")
        self.errors = errors
        more = f" (and {len(errors) - 1} more problems)" if len(errors) > 1 else ""
        super().__init__(errors[0].line() + more)

    def lines(self) -> list[str]:
        return [e.line() for e in self.errors]


class DatabaseError(GraphkitError):
    """The database refused or failed a query."""


class DatabaseUnavailable(DatabaseError):
    """The database cannot be reached or authentication failed (message names the URI)."""


class QueryError(GraphkitError):
    """A Cypher query is malformed, or a named query file is missing; names file and line."""

    exit_code = 2


class BusyError(GraphkitError):
    """Another graphkit process holds a lock (e.g. a load in progress) and did not release it in time."""
