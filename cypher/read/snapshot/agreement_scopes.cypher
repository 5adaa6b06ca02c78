// Every scope of an agreement (one entry per HAS_SCOPE): agreement id, scope id, as ONE row of
// equal-length columns (see organizations.cypher).
// $parameters: none
MATCH (a:Agreement)-[:HAS_SCOPE]->(s:Scope)
RETURN collect(coalesce(a.id, '')) AS agreement_id, collect(coalesce(s.id, '')) AS scope
