// Every follow-up with its agreement id and region code (from IN_REGION, else its property).
// $parameters: none
MATCH (f:FollowUp)-[:FOLLOWS_UP]->(a:Agreement)
OPTIONAL MATCH (f)-[:IN_REGION]->(r:Region)
RETURN f.id AS id, a.id AS agreement_id, f.kind AS kind, f.date AS date, coalesce(r.code, f.region) AS region,
       f.description AS description
