// Export: every Program node's properties (programs.csv rows), ordered by id.
// $parameters: none
MATCH (n:Program)
RETURN properties(n) AS props
ORDER BY n.id
