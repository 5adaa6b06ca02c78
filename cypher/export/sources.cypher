// Export: every Source node's properties except the reference regions' own source (sources.csv rows).
// $parameters: reference (id of the reference Source node, never exported)
MATCH (n:Source)
WHERE n.id <> $reference
RETURN properties(n) AS props
ORDER BY n.id
