"""The synthetic generator: a seeded, deterministic national-scale dataset (labelled synthetic everywhere),
growing with ``--scale`` for stress tests.

May import: ``dataset`` (regions, schema) and ``graphkit._errors``; never the database.
"""
