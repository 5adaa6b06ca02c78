// Every agreement with its parties (organization id, role), scope ids and parent agreement id.
// $parameters: none
MATCH (a:Agreement)
OPTIONAL MATCH (a)-[:UNDER]->(parent:Agreement)
RETURN a.id AS id, a.kind AS kind, a.signed_on AS signed_on, a.expires_on AS expires_on,
       a.expiry_assumed AS expiry_assumed, a.title AS title, a.number AS number,
       coalesce(parent.id, a.parent_id) AS parent_id,
       COLLECT { MATCH (a)-[:HAS_SCOPE]->(s:Scope) RETURN s.id } AS scopes,
       COLLECT { MATCH (o:Organization)-[p:PARTY_TO]->(a) RETURN {organization_id: o.id, role: p.role} }
         AS parties
