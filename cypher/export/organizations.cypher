// Export: every Organization node's properties (organizations.csv rows), ordered by id.
// $parameters: none
MATCH (n:Organization)
RETURN properties(n) AS props
ORDER BY n.id
