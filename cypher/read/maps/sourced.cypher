// Which source each organization, agreement, follow-up and program comes from (label, key, source id).
// $parameters: none
MATCH (n)-[:SOURCED_FROM]->(s:Source)
WHERE n:Organization OR n:Agreement OR n:FollowUp OR n:Program
RETURN labels(n) AS labels, n.id AS id, s.id AS source
