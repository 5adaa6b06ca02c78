// Create new :Organization nodes: the load's diff knows none of these keys exists yet.
// Each row is a node's complete property map; returns the new keys and element ids, in row order.
// $parameters: rows (list of property maps)
UNWIND $rows AS row
CREATE (n:Organization)
SET n = row
RETURN collect(n.id) AS keys, collect(elementId(n)) AS eids
