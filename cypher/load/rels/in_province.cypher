// Create or update (:Regency)-[:IN_PROVINCE]->(:Province) relationships; row.props replace the relationship's properties.
// $parameters: rows (list of {start, end, props})
UNWIND $rows AS row
MATCH (a:Regency {code: row.start})
MATCH (b:Province {code: row.end})
MERGE (a)-[r:IN_PROVINCE]->(b)
SET r = row.props
