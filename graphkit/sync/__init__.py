"""Dataset <-> graph: the graph a dataset should become (``_model``), the load plan and loader, the
snapshot read for analytics (``_fetch``) and the export back to a dataset.

May import: ``store``, ``dataset``, ``analytics`` (for the Snapshot shape), and the top-level
``_errors``, ``_gc``, ``_output``.
"""
