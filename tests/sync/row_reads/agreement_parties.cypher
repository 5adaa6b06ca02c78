// Every party to an agreement: agreement id, organization id, role (one row per PARTY_TO).
// $parameters: none
MATCH (o:Organization)-[p:PARTY_TO]->(a:Agreement)
RETURN a.id AS agreement_id, o.id AS organization_id, p.role AS role
