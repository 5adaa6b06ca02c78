// Create or update (:Organization)-[:LOCATED_IN]->(:Region) relationships; row.props replace the relationship's properties.
// $parameters: rows (list of {start, end, props})
UNWIND $rows AS row
MATCH (a:Organization {id: row.start})
MATCH (b:Region {code: row.end})
MERGE (a)-[r:LOCATED_IN]->(b)
SET r = row.props
