"""``graphkit demo``: the main job on the embedded default, as a runner and its steps (summary, reports,
maps) sharing one ``DemoContext``.

May import: every library room (``store``, ``sync``, ``synthetic``, ``reports``, ``maps``); never ``cli``.
"""
