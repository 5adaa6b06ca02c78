"""Cypher query files: first-class code kept in ``cypher/**/*.cypher``.

Each file holds one statement (``schema/`` files may hold several, separated by ``;``) and starts
with a header of ``//`` comment lines: what it does, then ``// $parameters: a, b`` (or ``none``).
Queries are named by their path without suffix: ``load/agreements`` is ``cypher/load/agreements.cypher``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from graphkit._errors import QueryError

__all__ = ["CypherQuery", "cypher_dir", "get_query", "all_queries", "error_location"]

_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_HEADER_PARAMS = re.compile(r"^//\s*\$parameters:\s*(.*)$", re.MULTILINE)


def cypher_dir() -> Path:
    """Where the query files are: inside the installed package, else the source tree's ``cypher/``."""
    here = Path(__file__).resolve().parents[1]  # the graphkit package
    for candidate in (here / "cypher", here.parent / "cypher"):
        if candidate.is_dir():
            return candidate
    raise QueryError(f"cypher query folder not found next to {here}; reinstall bp2mi-graphkit")


@dataclass(frozen=True)
class CypherQuery:
    """One named query file: its statements, declared and used ``$parameters`` and where it lives."""

    name: str
    path: Path
    text: str
    statements: tuple[str, ...]
    declared: frozenset[str]
    used: frozenset[str]
    first_line: int  # line number of the first statement line in the file

    def where(self) -> str:
        return f"{self.path}:{self.first_line}"


def _strip_comments(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))


def parse(name: str, path: Path) -> CypherQuery:
    text = path.read_text(encoding="utf-8")
    header = _HEADER_PARAMS.search(text)
    if header is None:
        raise QueryError(f"{path}:1: header comment '// $parameters: ...' is missing")
    declared_raw = header.group(1).strip()
    # "rows (list of {key, props}), as_of": names, each optionally followed by a parenthesised note
    names = re.sub(r"\([^)]*\)", "", declared_raw)
    declared = (
        frozenset()
        if declared_raw.lower() in {"", "none", "-"}
        else frozenset(p.split()[0].lstrip("$") for p in names.split(",") if p.strip())
    )
    body = _strip_comments(text)
    statements = tuple(s.strip() for s in body.split(";") if s.strip())
    if not statements:
        raise QueryError(f"{path}:1: no Cypher statement in the file")
    first_line = next(
        (
            i
            for i, line in enumerate(text.splitlines(), 1)
            if line.strip() and not line.lstrip().startswith("//")
        ),
        1,
    )
    used = frozenset(_PARAM.findall(body))
    return CypherQuery(name, path, text, statements, declared, used, first_line)


@cache
def get_query(name: str) -> CypherQuery:
    """Return the query named ``name`` (e.g. ``"load/agreements"``), parsed once and cached."""
    path = cypher_dir() / f"{name}.cypher"
    if not path.is_file():
        raise QueryError(f"{path}: no such query file (query {name!r})")
    return parse(name, path)


def all_queries() -> list[CypherQuery]:
    """Every query file shipped, sorted by name."""
    root = cypher_dir()
    return [get_query(p.relative_to(root).with_suffix("").as_posix()) for p in sorted(root.rglob("*.cypher"))]


_ERR_LINE = re.compile(r"\bline (\d+)(?:[:,]\s*(?:column\s*)?(\d+))?", re.IGNORECASE)


def error_location(where: CypherQuery | str, statement: int, msg: str) -> str:
    """``file:line`` of a server error: its reported line mapped back into the query file."""
    match = _ERR_LINE.search(msg)
    if isinstance(where, str):
        return f"{where}:{match.group(1)}" if match and where == "query" else where
    if not match:
        return where.where()
    lines = where.text.splitlines()
    code_lines = [i for i, ln in enumerate(lines, 1) if not ln.lstrip().startswith("//")]
    body = "\n".join(lines[i - 1] for i in code_lines)
    offset = 0
    for stmt in where.statements[: statement + 1]:
        offset = body.index(stmt, offset)
        start = body.count("\n", 0, offset)
        offset += len(stmt)
    index = start + int(match.group(1)) - 1
    return f"{where.path}:{code_lines[min(index, len(code_lines) - 1)]}"
