// Every party to an agreement (one entry per PARTY_TO): agreement id, organization id, role ('' when
// none), as ONE row of equal-length columns (see organizations.cypher).
// $parameters: none
MATCH (o:Organization)-[p:PARTY_TO]->(a:Agreement)
RETURN collect(coalesce(a.id, '')) AS agreement_id, collect(coalesce(o.id, '')) AS organization_id,
       collect(coalesce(p.role, '')) AS role
