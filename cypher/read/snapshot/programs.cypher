// Every program with the organizations that run it and the regions it is active in (since, run by).
// $parameters: none
MATCH (p:Program)
RETURN p.id AS id, p.name AS name, p.kind AS kind, p.started_on AS started_on,
       COLLECT { MATCH (o:Organization)-[:RUNS]->(p) RETURN o.id } AS organizations,
       COLLECT { MATCH (p)-[ai:ACTIVE_IN]->(r:Region)
                 RETURN {region: r.code, since: ai.since, organization_id: ai.organization_id} } AS regions
