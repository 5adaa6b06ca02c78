// Create or update (:FollowUp)-[:FOLLOWS_UP]->(:Agreement) relationships; row.props replace the relationship's properties.
// $parameters: rows (list of {start, end, props})
UNWIND $rows AS row
MATCH (a:FollowUp {id: row.start})
MATCH (b:Agreement {id: row.end})
MERGE (a)-[r:FOLLOWS_UP]->(b)
SET r = row.props
