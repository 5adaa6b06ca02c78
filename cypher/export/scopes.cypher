// Export: every Scope node (id, name); the caller keeps those not in the shipped list (scopes.csv rows).
// $parameters: none
MATCH (n:Scope)
RETURN n.id AS id, n.name AS name
ORDER BY n.id
