// Create or update (:Organization)-[:PARTY_TO]->(:Agreement) relationships; row.props replace the relationship's properties.
// $parameters: rows (list of {start, end, props})
UNWIND $rows AS row
MATCH (a:Organization {id: row.start})
MATCH (b:Agreement {id: row.end})
MERGE (a)-[r:PARTY_TO]->(b)
SET r = row.props
