"""The graph database room: the connection (``_db``, the ONLY module that imports ``neo4j``), the embedded
ArcadeDB server and its process, settings, locks, the Cypher query-file loader and the read-only guard.

May import: ``graphkit._errors`` and itself. Every other room reaches the database through here.
"""
