// Export: every FollowUp node's properties (follow_ups.csv rows), ordered by id.
// $parameters: none
MATCH (n:FollowUp)
RETURN properties(n) AS props
ORDER BY n.id
