// Every scope of an agreement: agreement id, scope id (one row per HAS_SCOPE).
// $parameters: none
MATCH (a:Agreement)-[:HAS_SCOPE]->(s:Scope)
RETURN a.id AS agreement_id, s.id AS scope
