"""The brief room: the one-file planning brief for leadership (offline HTML with inline SVG, A4 print, PDF
through headless Chromium), built from the reports of one graph read.

May import: ``reports``, ``maps``, ``analytics``, ``sync`` (the read), ``store``, ``graphkit._errors``;
never ``cli`` or ``demo``.
"""

from graphkit.brief._brief import BriefResult, brief

__all__ = ["brief", "BriefResult"]
