// Export: every Agreement node's properties (agreements.csv rows), ordered by id.
// $parameters: none
MATCH (n:Agreement)
RETURN properties(n) AS props
ORDER BY n.id
