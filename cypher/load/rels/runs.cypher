// Create or update (:Organization)-[:RUNS]->(:Program) relationships; row.props replace the relationship's properties.
// $parameters: rows (list of {start, end, props})
UNWIND $rows AS row
MATCH (a:Organization {id: row.start})
MATCH (b:Program {id: row.end})
MERGE (a)-[r:RUNS]->(b)
SET r = row.props
