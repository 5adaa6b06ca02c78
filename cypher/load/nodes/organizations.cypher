// Create or update :Organization nodes by id; each row's props replace all of the node's properties.
// $parameters: rows (list of {key, props})
UNWIND $rows AS row
MERGE (n:Organization {id: row.key})
SET n = row.props
