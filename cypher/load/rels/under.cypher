// Create or update (:Agreement)-[:UNDER]->(:Agreement) relationships; row.props replace the relationship's properties.
// $parameters: rows (list of {start, end, props})
UNWIND $rows AS row
MATCH (a:Agreement {id: row.start})
MATCH (b:Agreement {id: row.end})
MERGE (a)-[r:UNDER]->(b)
SET r = row.props
