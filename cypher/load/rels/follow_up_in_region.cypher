// Create or update (:FollowUp)-[:IN_REGION]->(:Region) relationships; row.props replace the relationship's properties.
// $parameters: rows (list of {start, end, props})
UNWIND $rows AS row
MATCH (a:FollowUp {id: row.start})
MATCH (b:Region {code: row.end})
MERGE (a)-[r:IN_REGION]->(b)
SET r = row.props
