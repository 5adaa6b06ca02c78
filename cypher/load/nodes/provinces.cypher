// Create or update reference :Province:Region nodes by code (the shipped reference regions).
// $parameters: rows (list of {key, props})
UNWIND $rows AS row
MERGE (n:Region:Province {code: row.key})
SET n = row.props
