"""The reports room: library functions returning pandas DataFrames (coverage, isolated, centrality, ...),
each reading the graph through ``sync`` and computing with ``analytics``. A new report goes here.

May import: ``store``, ``sync``, ``analytics``, ``dataset``, ``graphkit._errors``; never ``cli`` or ``demo``.
"""
