// Placements (migrant workers placed abroad) summed per region and year over destination countries (a row
// without destination is the region's total), grouped per region code: one row per region, a list of years.
// $parameters: none
MATCH (pl:Placement)
WITH pl.region AS region, pl.year AS year, sum(pl.workers) AS workers
RETURN region, collect({year: year, workers: workers}) AS years
