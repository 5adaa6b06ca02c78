// Create or update (:FollowUp)-[:SOURCED_FROM]->(:Source) relationships; row.props replace the relationship's properties.
// $parameters: rows (list of {start, end, props})
UNWIND $rows AS row
MATCH (a:FollowUp {id: row.start})
MATCH (b:Source {id: row.end})
MERGE (a)-[r:SOURCED_FROM]->(b)
SET r = row.props
