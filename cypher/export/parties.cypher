// Export: every (:Organization)-[:PARTY_TO]->(:Agreement) with its properties (parties.csv rows).
// $parameters: none
MATCH (o:Organization)-[r:PARTY_TO]->(a:Agreement)
RETURN a.id AS agreement_id, o.id AS organization_id, properties(r) AS props
ORDER BY agreement_id, organization_id
