// Every organization with the region it governs or is located in (from GOVERNS/LOCATED_IN, else its
// property), as ONE row of equal-length columns (lists): a few long lists decode far faster than
// one record per organization. No column may hold a null (collect() drops nulls on both engines, which
// would misalign the columns): missing text is '', a missing flag false.
// $parameters: none
MATCH (o:Organization)
OPTIONAL MATCH (o)-[:GOVERNS|LOCATED_IN]->(r:Region)
RETURN collect(coalesce(o.id, '')) AS id, collect(coalesce(o.name, '')) AS name,
       collect(coalesce(o.type, '')) AS type, collect(coalesce(r.code, o.region, '')) AS region,
       collect(coalesce(o.synthetic, false)) AS synthetic
