// Every agreement with its parent agreement id (parties and scopes: agreement_parties, agreement_scopes),
// as ONE row of equal-length columns (see organizations.cypher): dates as ISO text ('' when missing),
// missing text '', a missing flag false.
// $parameters: none
MATCH (a:Agreement)
OPTIONAL MATCH (a)-[:UNDER]->(parent:Agreement)
RETURN collect(coalesce(a.id, '')) AS id, collect(coalesce(a.kind, '')) AS kind,
       collect(coalesce(toString(a.signed_on), '')) AS signed_on,
       collect(coalesce(toString(a.expires_on), '')) AS expires_on,
       collect(coalesce(a.expiry_assumed, false)) AS expiry_assumed, collect(coalesce(a.title, '')) AS title,
       collect(coalesce(a.number, '')) AS number, collect(coalesce(parent.id, a.parent_id, '')) AS parent_id
