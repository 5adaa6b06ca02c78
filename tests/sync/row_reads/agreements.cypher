// Every agreement with its parent agreement id (parties and scopes: agreement_parties, agreement_scopes).
// $parameters: none
MATCH (a:Agreement)
OPTIONAL MATCH (a)-[:UNDER]->(parent:Agreement)
RETURN a.id AS id, a.kind AS kind, a.signed_on AS signed_on, a.expires_on AS expires_on,
       a.expiry_assumed AS expiry_assumed, a.title AS title, a.number AS number,
       coalesce(parent.id, a.parent_id) AS parent_id
