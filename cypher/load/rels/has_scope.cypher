// Create or update (:Agreement)-[:HAS_SCOPE]->(:Scope) relationships; row.props replace the relationship's properties.
// $parameters: rows (list of {start, end, props})
UNWIND $rows AS row
MATCH (a:Agreement {id: row.start})
MATCH (b:Scope {id: row.end})
MERGE (a)-[r:HAS_SCOPE]->(b)
SET r = row.props
