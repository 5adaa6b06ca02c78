// Replace the properties of existing nodes given by element id (nodes whose dataset row changed).
// $parameters: rows (list of {eid, props})
UNWIND $rows AS row
MATCH (n)
WHERE elementId(n) = row.eid
SET n = row.props
