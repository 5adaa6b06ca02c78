// Create or update :Scope nodes by id; each row's props replace all of the node's properties.
// $parameters: rows (list of {key, props})
UNWIND $rows AS row
MERGE (n:Scope {id: row.key})
SET n = row.props
