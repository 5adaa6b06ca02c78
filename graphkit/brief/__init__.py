"""The brief room: the one-file planning brief for leadership (offline HTML with inline SVG, A4 print, PDF
through headless Chromium), built from the reports of one graph read.

May import: ``reports``, ``maps``, ``analytics``, ``sync`` (the read), ``store``, ``graphkit._errors``;
never ``cli`` or ``demo``.

``graphkit.brief`` is both this package and the function :func:`brief`: once the package is imported,
Python binds the name ``graphkit.brief`` to it, so the package is callable and calls :func:`brief`.
"""

import sys
import types
from typing import Any

from graphkit.brief._brief import BriefResult, brief

__all__ = ["brief", "BriefResult"]


class _CallablePackage(types.ModuleType):
    def __call__(self, *args: Any, **kwargs: Any) -> BriefResult:
        return brief(*args, **kwargs)


sys.modules[__name__].__class__ = _CallablePackage
