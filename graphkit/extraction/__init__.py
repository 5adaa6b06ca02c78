"""News in, draft dataset out: ``extract()`` turns Indonesian press articles into dataset rows with evidence.

This room may import graphkit.dataset (reference regions, the schema) and graphkit._errors only; it must
not import graphkit.store or graphkit.sync (it never touches a database).
"""

from __future__ import annotations

from graphkit.extraction._run import ExtractResult, extract

__all__ = ["extract", "ExtractResult"]
