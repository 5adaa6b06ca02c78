"""Spotting write clauses in ad hoc Cypher text, so ``graphkit query`` refuses them up front.

The check is lexical (string literals, backquoted names and comments are masked first); the real guard
is that a read-only ad hoc query runs in a transaction that is always rolled back.
"""

from __future__ import annotations

import re

__all__ = ["mask_literals", "write_clauses"]

_WRITE = re.compile(
    r"(?<![.$:\w])(CREATE|MERGE|DELETE|DETACH|SET|REMOVE|DROP|FOREACH|LOAD\s+CSV|IN\s+TRANSACTIONS"
    r"|ALTER|RENAME|GRANT|REVOKE|DENY)(?!\w)(?!\s*:)",
    re.IGNORECASE,
)


def mask_literals(text: str) -> str:
    """``text`` with string literals emptied, backquoted names replaced by ``x`` and comments removed."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c in "'\"`":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            out.append("x" if c == "`" else c + c)
            i = j + 1
        elif text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            out.append(" ")
            i = n if j < 0 else j + 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def write_clauses(cypher: str) -> list[str]:
    """The write clauses in ``cypher`` (upper case, in order), ignoring strings, names and comments."""
    return [" ".join(m.group(1).upper().split()) for m in _WRITE.finditer(mask_literals(cypher))]
