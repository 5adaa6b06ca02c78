// Create or update reference :Regency:Region nodes by code (the shipped reference regions).
// $parameters: rows (list of {key, props})
UNWIND $rows AS row
MERGE (n:Region:Regency {code: row.key})
SET n = row.props
