// Every node of the database with its labels, key (id or code) and properties: a full dump for comparisons.
// $parameters: none
MATCH (n)
RETURN labels(n) AS labels, coalesce(n.id, n.code) AS key, properties(n) AS props
