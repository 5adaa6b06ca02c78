// Create new :GOVERNS relationships without properties between nodes given by element id. The diff
// knows none exists, so CREATE, not MERGE (MERGE scans every relationship of a hub node).
// $parameters: rows (list of [start element id, end element id])
UNWIND $rows AS row
MATCH (a)
WHERE elementId(a) = row[0]
MATCH (b)
WHERE elementId(b) = row[1]
CREATE (a)-[:GOVERNS]->(b)
