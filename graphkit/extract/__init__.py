"""News in, draft dataset out: ``extract()`` turns Indonesian press articles into dataset rows with evidence.

This room may import graphkit.dataset (reference regions, the schema) and graphkit._errors only; it must
not import graphkit.store or graphkit.sync (it never touches a database).
"""

from __future__ import annotations

import sys
import types
from typing import Any

from graphkit.extract._run import ExtractResult, extract

__all__ = ["extract", "ExtractResult"]


class _CallableModule(types.ModuleType):
    """``graphkit.extract`` is both this package and the public function: importing the package makes
    Python bind ``graphkit.extract`` to the module, so the module calls the function."""

    def __call__(self, *args: Any, **kwargs: Any) -> ExtractResult:
        return extract(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
