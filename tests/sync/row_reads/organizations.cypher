// Every organization with the region it governs or is located in (from GOVERNS/LOCATED_IN, else its property).
// $parameters: none
MATCH (o:Organization)
OPTIONAL MATCH (o)-[:GOVERNS|LOCATED_IN]->(r:Region)
RETURN o.id AS id, o.name AS name, o.type AS type, coalesce(r.code, o.region) AS region,
       o.synthetic AS synthetic
