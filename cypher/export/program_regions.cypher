// Export: every (:Program)-[:ACTIVE_IN]->(:Region) with its properties (program_regions.csv rows).
// $parameters: none
MATCH (p:Program)-[r:ACTIVE_IN]->(g:Region)
RETURN p.id AS program_id, g.code AS region, properties(r) AS props
ORDER BY program_id, region
