"""The briefing room: the one-file planning brief for leadership (offline HTML with inline SVG, A4 print,
PDF through headless Chromium), built from the reports of one graph read; ``graphkit.brief()`` is its entry.

May import: ``reports``, ``maps``, ``analytics``, ``sync`` (the read), ``store``, ``graphkit._errors``;
never ``cli`` or ``demo``.
"""

from graphkit.briefing._brief import BriefResult, brief

__all__ = ["brief", "BriefResult"]
