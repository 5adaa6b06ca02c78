// Create or update (:Organization)-[:GOVERNS]->(:Region) relationships; row.props replace the relationship's properties.
// $parameters: rows (list of {start, end, props})
UNWIND $rows AS row
MATCH (a:Organization {id: row.start})
MATCH (b:Region {code: row.end})
MERGE (a)-[r:GOVERNS]->(b)
SET r = row.props
