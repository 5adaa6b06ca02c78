// Placements (migrant workers placed abroad) grouped per region code: one row per region, a list of years.
// $parameters: none
MATCH (pl:Placement)
RETURN pl.region AS region, collect({year: pl.year, workers: pl.workers}) AS years
