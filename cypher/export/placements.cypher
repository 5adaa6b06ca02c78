// Export: every Placement node's properties (placements.csv rows), ordered by region, year and destination.
// $parameters: none
MATCH (n:Placement)
RETURN properties(n) AS props
ORDER BY n.region, n.year, n.destination
