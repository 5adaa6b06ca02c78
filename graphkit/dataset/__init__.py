"""The dataset room: reading CSV folders and xlsx workbooks, typing cells, the schema, validation, and the
reference regions with their resolver. A new input format goes here (a reader producing ``RawTable``).

May import: ``graphkit._errors`` and itself; never the database (``store``).
"""
