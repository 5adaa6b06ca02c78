// Every follow-up with its agreement id and region code (from IN_REGION, else its property), as ONE row
// of equal-length columns (see organizations.cypher): the date as ISO text, missing text ''.
// $parameters: none
MATCH (f:FollowUp)-[:FOLLOWS_UP]->(a:Agreement)
OPTIONAL MATCH (f)-[:IN_REGION]->(r:Region)
RETURN collect(coalesce(f.id, '')) AS id, collect(coalesce(a.id, '')) AS agreement_id,
       collect(coalesce(f.kind, '')) AS kind, collect(coalesce(toString(f.date), '')) AS date,
       collect(coalesce(r.code, f.region, '')) AS region, collect(coalesce(f.description, '')) AS description
